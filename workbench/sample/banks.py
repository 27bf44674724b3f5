"""Invented Dutch interview material for the sample study, keyed by codebook path.

Each point lists ways a respondent may make it; some use the codebook's keywords,
some paraphrase without them, as real respondents do.
"""

from __future__ import annotations

# code path -> (share of respondents who make the point, guide part, variants)
POINTS: dict[str, tuple[float, int, tuple[str, ...]]] = {
    "Functie en uren > Functie": (0.9, 1, (
        "Ik werk als docent op de opleiding en daarnaast ben ik coördinator internationalisering.",
        "Ik ben hoofddocent en ik heb internationalisering een beetje naar me toe getrokken.",
        "Formeel ben ik teamleider, maar internationalisering doe ik er eigenlijk bij.",
        "Ik ben docent pedagogiek en sinds twee jaar ook coördinator van de uitwisselingen.",
    )),
    "Functie en uren > Formele uren": (0.5, 1, (
        "Ik heb er formeel taakuren voor, ongeveer 120 uur per jaar.",
        "Er staat 0,2 fte voor internationalisering in mijn taakbeleid.",
        "Ik krijg uren voor internationalisering, maar het is eigenlijk niet genoeg.",
    )),
    "Functie en uren > Geen formele uren": (0.4, 1, (
        "Eerlijk gezegd heb ik er geen uren voor, ik doe het in mijn eigen tijd.",
        "Het is niet gefaciliteerd, het is meer een hobby van mij geworden.",
        "Er zijn geen uren voor, dus het komt op een paar enthousiastelingen neer.",
    )),
    "Beelden bij collega's en management > Activiteiten waarover gesproken wordt > Studenten naar het buitenland": (0.83, 2, (
        "Als het over internationalisering gaat, dan gaat het bij ons vooral over de buitenlandstage.",
        "Collega's denken dan meteen aan studenten die naar het buitenland gaan voor een minor of stage.",
        "Het gesprek gaat eigenlijk altijd over uitwisseling, studenten die een semester in het buitenland zitten.",
        "Dan hebben ze het over de stage in het buitenland, in Zuid-Afrika of Suriname bijvoorbeeld.",
        "Voor de meeste mensen betekent het gewoon: je gaat met je studenten de grens over, een periode weg.",
    )),
    "Beelden bij collega's en management > Activiteiten waarover gesproken wordt > Curriculumontwikkeling": (0.6, 2, (
        "We zijn bezig om internationalisering in het curriculum te verweven, in de leerlijnen.",
        "Het gaat steeds vaker over curriculumontwikkeling, dus wat moet er in het programma zitten.",
        "We kijken hoe het in de leerlijn burgerschap een plek kan krijgen.",
        "Bij de herziening van onze vakken hebben we er bewust een internationaal element in gestopt.",
    )),
    "Beelden bij collega's en management > Activiteiten waarover gesproken wordt > Omgaan met diversiteit": (0.5, 2, (
        "Voor ons gaat het vooral om omgaan met diversiteit, onze studenten komen straks in een diverse klas.",
        "In de stad heb je klassen met twintig nationaliteiten, dus meertaligheid is echt een thema.",
        "Het gaat erom dat studenten leren werken met kinderen uit andere culturen.",
        "Superdiversiteit in de klas, daar moeten we ze op voorbereiden.",
    )),
    "Beelden bij collega's en management > Activiteiten waarover gesproken wordt > Internationale projecten": (0.5, 2, (
        "We hebben een paar samenwerkingsprojecten met partnerinstellingen in Finland en België.",
        "Er loopt een internationaal project met drie andere lerarenopleidingen.",
        "Het gaat ook over de Europese projecten waar een paar collega's in zitten.",
        "Samen met een hogeschool in Spanje ontwikkelen we lesmateriaal, dat loopt al een tijd.",
    )),
    "Beelden bij collega's en management > Activiteiten waarover gesproken wordt > Inkomende studenten": (0.43, 2, (
        "We hebben elk voorjaar inkomende studenten, een internationale klas van zo'n vijftien mensen.",
        "Er komen exchangestudenten uit Duitsland en Spanje, die volgen een Engelstalig programma.",
        "De studenten uit het buitenland zitten soms ook bij onze eigen studenten in de les.",
    )),
    "Beelden bij collega's en management > Activiteiten waarover gesproken wordt > Internationalisering@home": (0.37, 2, (
        "Internationalisering@home wordt steeds belangrijker, zeker sinds corona.",
        "We doen een COIL-project, een virtuele uitwisseling met een opleiding in Canada.",
        "Met online samenwerking kun je ook studenten bereiken die niet weg kunnen.",
        "Het moet ook thuis kunnen, dus hier op de opleiding, zonder dat je hoeft te reizen.",
    )),
    "Beelden bij collega's en management > Activiteiten waarover gesproken wordt > Collega's naar het buitenland": (0.33, 2, (
        "Collega's gaan af en toe naar een staff week of doen aan jobshadowing.",
        "Er is docentmobiliteit, maar dat is echt een kleine groep die dat doet.",
        "Soms gaan collega's als gastdocent naar een partnerinstelling.",
    )),
    "Beelden bij collega's en management > Activiteiten waarover gesproken wordt > Studiereizen en excursies": (0.23, 2, (
        "We hebben een studiereis naar Berlijn met het tweede jaar.",
        "Er zijn excursies, bijvoorbeeld een week naar scholen in Vlaanderen.",
        "Elk jaar is er een reis naar Londen, daar kijken studenten op scholen rond.",
    )),
    "Beelden bij collega's en management > Draagvlak bij collega's": (0.6, 2, (
        "Eerlijk gezegd is het een minderheid van de collega's die het echt belangrijk vindt.",
        "Ik denk dat een meerderheid het wel belangrijk vindt, maar weinig mensen er tijd in steken.",
        "Het draagvlak is er wel, maar het zijn een paar collega's die het trekken.",
        "Het is een kleine groep, een handjevol mensen die er echt voor gaat.",
    )),
    "Beelden bij collega's en management > Houding leidinggevende": (0.55, 2, (
        "Mijn leidinggevende vindt het belangrijk, maar zegt er ook bij dat het wel iets moet opleveren.",
        "De directeur is positief, maar het staat niet in de jaarplannen.",
        "Vanuit het opleidingsmanagement wordt het wel genoemd, maar er volgt weinig.",
    )),
    "Curriculum > Leeropbrengsten en doelen": (0.55, 3, (
        "We hebben internationale competenties geformuleerd als leeruitkomsten.",
        "Het is gekoppeld aan de leerdoelen van het derde jaar, rond burgerschap.",
        "Er zijn leeropbrengsten voor de stage, maar niet specifiek voor internationalisering.",
    )),
    "Curriculum > Leren van internationale ervaring": (0.5, 3, (
        "Studenten leren vooral als ze uit hun comfortzone gaan en daar goed op reflecteren.",
        "De voorbereiding en de nabespreking zijn eigenlijk net zo belangrijk als de reis zelf.",
        "Het zit hem in de reflectie achteraf, wat neem je mee naar je eigen klas.",
        "Je moet ze wel begeleiden, anders blijft het bij een leuke vakantie.",
    )),
    "Curriculum > Verplicht onderdeel": (0.3, 3, (
        "Het staat in het OER als verplicht onderdeel, iedereen moet iets internationaals doen.",
        "Het is niet verplicht voor alle studenten, het staat niet in het examenreglement.",
    )),
    "Curriculum > Keuzeonderdeel": (0.6, 3, (
        "Het zit vooral in de minoren, studenten kunnen kiezen voor een minor in het buitenland.",
        "We hebben een honoursprogramma met een internationale component.",
        "Het is een keuzeonderdeel, je kunt je vrije studiepunten daarvoor gebruiken.",
        "Er is een masterclass internationalisering die studenten kunnen kiezen.",
    )),
    "Curriculum > Leeftijd van het beleid": (0.4, 3, (
        "Dat beleid is er pas sinds kort, sinds een jaar of twee.",
        "Dat doen we al jaren, al sinds de jaren negentig eigenlijk.",
        "Het is nieuw beleid, we zijn er nog echt mee aan het pionieren.",
    )),
    "Studenten > Houding studenten": (0.65, 4, (
        "Studenten vinden het leuk, maar het is een kleine groep die echt gaat.",
        "Een deel van de studenten is enthousiast, een ander deel heeft er weinig interesse in.",
        "Ik denk dat de helft het belangrijk vindt en de andere helft niet geïnteresseerd is.",
        "Ze vinden het belangrijk, zeggen ze, maar als het erop aankomt kiezen ze iets anders.",
    )),
    "Studenten > Belang voor het beroep": (0.45, 4, (
        "Veel studenten zien het niet als onmisbaar voor hun toekomstige beroep.",
        "Ze denken: ik ga later voor de klas staan in mijn eigen dorp, wat moet ik ermee.",
        "Voor de beroepspraktijk zien ze het belang nog niet zo.",
    )),
    "Studenten > Belemmeringen studenten > Studievertraging": (0.5, 4, (
        "Veel studenten zijn bang voor studievertraging als ze een periode naar het buitenland gaan.",
        "De angst om vertraging in de studie op te lopen is echt de grootste drempel.",
        "Ze willen gewoon in vier jaar klaar zijn en zijn bang om achter te raken.",
        "Als de vakken niet aansluiten, loop je al snel een half jaar studievertraging op.",
        "Ze zijn bang dat ze toetsen missen en dat hun studie daardoor gaat uitlopen.",
        "Het idee dat je een herkansing mist en dan een jaar langer over je opleiding doet, dat schrikt af.",
    )),
    "Studenten > Belemmeringen studenten > Financiële redenen": (0.3, 4, (
        "Voor veel studenten is het gewoon te duur om een paar maanden weg te gaan.",
        "Ze hebben een bijbaan en die inkomsten raken ze kwijt als ze gaan.",
        "Het kost veel geld, de beurs dekt lang niet alles.",
        "Financieel is het voor een deel van onze studenten echt niet haalbaar.",
    )),
    "Studenten > Belemmeringen studenten > Thuissituatie en relatie": (0.3, 4, (
        "De thuissituatie speelt mee, sommigen zorgen voor een broertje of zusje.",
        "Ze hebben een vriend of vriendin en willen die niet maanden achterlaten.",
        "Veel van onze studenten wonen nog thuis en zijn erg gehecht aan hun ouders.",
        "Een relatie is vaak een reden, dat hoor je heel vaak.",
    )),
    "Studenten > Belemmeringen studenten > Persoonlijke omstandigheden": (0.27, 4, (
        "Soms zijn het persoonlijke omstandigheden, bijvoorbeeld de gezondheid.",
        "Er zijn studenten die mantelzorg hebben, die kunnen gewoon niet weg.",
        "Een student zei laatst dat ze bang was voor heimwee.",
    )),
    "Studenten > Gesprek docent en student": (0.35, 4, (
        "In de studieloopbaanbegeleiding komt het wel ter sprake.",
        "We gaan er met studenten over in gesprek, waarom het belangrijk is voor later.",
        "De slb'er vraagt er wel naar, maar het is niet structureel.",
    )),
    "Medewerkers > Professionalisering": (0.45, 5, (
        "Het is geen onderdeel van het professionaliseringsbeleid, helaas.",
        "Collega's kunnen het meenemen in hun professionele ontwikkeling, maar dat gebeurt weinig.",
        "Er is wel scholing voor Engels, maar dat is het dan ook.",
    )),
    "Medewerkers > Belemmeringen medewerkers > Volle agenda en werkdruk": (0.45, 5, (
        "De werkdruk is gewoon hoog, iedereen heeft een volle agenda.",
        "De agenda zit vol met lessen en stages, er kan niets bij.",
        "Het onderwijs is zo overvol dat er geen ruimte is voor extra dingen.",
    )),
    "Medewerkers > Belemmeringen medewerkers > Geen tijd": (0.4, 5, (
        "Mensen hebben er gewoon geen tijd voor.",
        "Er is te weinig tijd, dat hoor ik steeds weer.",
        "Tijdgebrek, dat is het eerlijke antwoord.",
    )),
    "Medewerkers > Belemmeringen medewerkers > Lessen niet verplaatsbaar": (0.25, 5, (
        "Je kunt je lessen niet verplaatsen, het rooster zit muurvast.",
        "Er is geen vervanging, dus als je een week weg bent vallen er lessen uit.",
        "Niemand kan je lessen overnemen, dat maakt het lastig.",
    )),
    "Medewerkers > Belemmeringen medewerkers > Geen prioriteit bij management": (0.3, 5, (
        "Het management geeft er geen prioriteit aan.",
        "Het is geen speerpunt van de hogeschool, er zijn andere zaken belangrijker.",
    )),
    "Erasmus+ > Gebruik van Erasmus+": (0.7, 6, (
        "We doen een beroep op Erasmus+ middelen voor de stages van studenten.",
        "De meeste studenten gaan met een Erasmusbeurs.",
        "Voor de uitwisselingen gebruiken we de Erasmus+ subsidie.",
    )),
    "Erasmus+ > Gebruik van Erasmus+ > KA1 mobiliteit": (0.4, 6, (
        "Vooral KA1, dus mobiliteit van studenten en een enkele docent.",
        "We gebruiken de mobiliteitsbeurzen uit KA1.",
    )),
    "Erasmus+ > Gebruik van Erasmus+ > KA2 strategische partnerschappen": (0.25, 6, (
        "We zitten in een KA2, een strategisch partnerschap met vier landen.",
        "We hebben een keer een KA2 aangevraagd voor een samenwerkingsproject.",
    )),
    "Erasmus+ > Belemmeringen Erasmus+ > Erasmus+ onbekend": (0.3, 6, (
        "Veel collega's weten niet wat Erasmus+ allemaal mogelijk maakt.",
        "Het programma is onbekend, mensen denken dat het alleen voor studenten is.",
    )),
    "Erasmus+ > Belemmeringen Erasmus+ > Administratieve last": (0.45, 6, (
        "De administratie is enorm, al die formulieren.",
        "Het papierwerk schrikt mensen af, de verantwoording achteraf is veel werk.",
        "Het is zo bureaucratisch, daar haken collega's op af.",
    )),
    "Erasmus+ > Belemmeringen Erasmus+ > Minimale duur te lang": (0.2, 6, (
        "De minimale duur is te lang voor wat wij willen, wij willen korte uitwisselingen.",
        "Twee maanden is te lang voor onze studenten, die kunnen dat niet inpassen.",
    )),
    "Erasmus+ > Belemmeringen Erasmus+ > Cofinanciering en daggeld": (0.2, 6, (
        "De cofinanciering is hoog en het daggeld is laag.",
        "De eigen bijdrage is voor de opleiding flink.",
    )),
    "Erasmus+ > Belemmeringen Erasmus+ > Kleine kans op toekenning KA2": (0.15, 6, (
        "De kans op toekenning van een KA2 is klein, wij zijn twee keer afgewezen.",
        "Je steekt er veel werk in en dan wordt het niet toegekend.",
    )),
    "Erasmus+ > Succesfactoren > Enthousiasme van collega's en studenten": (0.45, 6, (
        "Enthousiaste studenten die terugkomen en hun ervaringen delen, dat werkt het best.",
        "Het enthousiasme van een paar collega's is aanstekelijk.",
        "Oud-deelnemers zijn onze beste ambassadeurs.",
    )),
    "Erasmus+ > Succesfactoren > Steunend management": (0.3, 6, (
        "Het helpt enorm als het management steunt en het faciliteert.",
        "Je moet ruimte krijgen van je leidinggevende, anders lukt het niet.",
    )),
    "Erasmus+ > Succesfactoren > Korte verblijven terug": (0.25, 6, (
        "Ik zou graag zien dat korte verblijven weer mogelijk worden.",
        "Een kort verblijf van een week zou voor veel docenten haalbaar zijn.",
        "Die blended intensive programmes zijn een mooie stap.",
    )),
    "Erasmus+ > Aanraden aan collega's": (0.5, 6, (
        "Ik zou het zeker aanraden aan collega's van andere opleidingen.",
        "Ja, aanbevelen zeker, maar wel met een waarschuwing over de administratie.",
        "Gewoon doen, zeg ik altijd.",
    )),
    "Erasmus+ > Bijdrage van Erasmus+": (0.55, 6, (
        "Het draagt bij aan een bredere blik bij studenten, dat zie je echt terug.",
        "De meerwaarde voor docenten is groot, je komt met nieuwe ideeën terug.",
        "Het is een verrijking voor de opleiding als geheel.",
    )),
}

# The guide's questions per part, as interviewers ask them: (the guide's question id, or None for a
# question the guide does not have, and the ways it is put). The guide is ../shared/study/interview-guide.md.
QUESTIONS: dict[int, tuple[tuple[str | None, tuple[str, ...]], ...]] = {
    1: (
        ("a", ("Wat is je functie binnen de instelling?",
               "Kun je eerst iets vertellen over je functie? Ben je docent, hoofddocent?",
               "Wat doe je precies binnen de hogeschool, wat is je rol?")),
        ("b", ("Heb je formeel uren voor activiteiten rondom internationalisering? Hoeveel uren?",
               "Krijg je uren voor internationalisering, formeel?",
               "Hoeveel uur heb je eigenlijk voor internationaliseringsactiviteiten?")),
    ),
    2: (
        ("1", ("Hoe wordt er binnen de opleiding gedacht en gesproken over internationalisering?",
               "Hoe denken ze er binnen jullie opleiding over, over internationalisering? Wordt erover gesproken?",
               "Wat is het beeld van internationalisering binnen de opleiding, hoe wordt erover gepraat?")),
        ("2", ("Is het een meerderheid van de collega's die het belangrijk vindt of juist een minderheid?",
               "Vindt de meerderheid van je collega's het belangrijk, of is het een minderheid?",
               "Hoeveel collega's vinden internationalisering nou echt belangrijk, een meerderheid?")),
        ("3", ("Hoe denkt jouw leidinggevende erover?",
               "En je leidinggevende, hoe denkt die over internationalisering?",
               "Wat vindt je leidinggevende ervan?")),
        ("4", ("Over welke activiteiten gaat het binnen de opleiding als het gesprek erover gaat?",
               "Als het over internationalisering gaat, over welke activiteiten hebben jullie het dan?",
               "Welke internationaliseringsactiviteiten komen ter sprake als jullie erover praten?")),
    ),
    3: (
        ("5", ("Wordt het gekoppeld aan leeropbrengsten of doelen voor de leraar in opleiding?",
               "Is internationalisering gekoppeld aan leerdoelen voor de leraar in opleiding?",
               "Koppelen jullie het aan leeropbrengsten die relevant zijn voor toekomstige leraren?")),
        ("7", ("Wat maakt dat studenten leren van een internationale ervaring?",
               "Waardoor leren studenten eigenlijk van zo'n internationale ervaring?",
               "Wat leren studenten van een ervaring in het buitenland, en waardoor?")),
        ("8", ("Staat het in het Onderwijs- en Examenreglement als voorgeschreven onderdeel?",
               "Staat internationalisering in de OER, als verplicht onderdeel?",
               "Is het verplicht voor alle studenten, staat het in het examenreglement?")),
        ("10", ("Is dit beleid er al lang, of pas sinds kort?",
                "Hoe lang bestaat dat opleidingsbeleid al?",
                "Is dat beleid nieuw, of is het er al jaren?")),
    ),
    4: (
        ("11", ("Wat vinden studenten ervan? Waarom wel of niet belangrijk?",
                "Wat vinden de studenten van internationalisering?",
                "Hoe kijken studenten ertegenaan, vinden ze het belangrijk?")),
        ("12", ("In hoeverre vinden studenten het onmisbaar voor hun toekomstige beroep?",
                "Vinden studenten het onmisbaar voor hun beroep later?",
                "Zien studenten het als onmisbaar voor hun toekomstige beroep als leraar?")),
        ("13", ("Zijn er studenten die het wel belangrijk vinden en toch niet kiezen voor mobiliteit?",
                "Zijn er ook studenten die het belangrijk vinden maar toch niet naar het buitenland gaan?",
                "Kiezen studenten die het belangrijk vinden ook altijd voor mobiliteit?")),
        ("14", ("Spreken docenten met studenten over het belang ervan?",
                "Praten docenten met studenten over het belang van internationalisering voor hun beroep?",
                "Hebben jullie het als docenten met studenten over het belang ervan?")),
    ),
    5: (
        ("15", ("Worden de activiteiten gekoppeld aan opbrengsten voor de opleiding en voor docenten?",
                "Is het onderdeel van het professionaliseringsbeleid voor docenten?",
                "Worden internationaliseringsactiviteiten gekoppeld aan opbrengsten voor docenten?")),
        (None, ("Wat houdt collega's tegen?",
                "Wat weerhoudt collega's ervan om mee te doen?")),
    ),
    6: (
        ("16", ("Doet de opleiding een beroep op Erasmus+ middelen? Voor wie?",
                "Maken jullie gebruik van Erasmus+ middelen?",
                "Vraagt de opleiding Erasmus+ geld aan, en voor wie dan?")),
        ("18", ("Welke activiteiten worden ermee gefinancierd?",
                "Wat wordt er met Erasmus+ gefinancierd?",
                "Welke activiteiten betalen jullie van Erasmus+?")),
        ("20", ("Zou je er vaker een beroep op willen doen? Wat weerhoudt je?",
                "Zou je vaker Erasmus+ willen gebruiken?",
                "Zou je vaker een beroep willen doen op Erasmus+, en wat houdt je tegen?")),
        ("21", ("Wat ervaar je als grootste belemmering om deel te nemen?",
                "Wat is de grootste belemmering om aan Erasmus+ deel te nemen?",
                "Wat is voor jou het grootste obstakel om mee te doen aan Erasmus+?")),
        ("22", ("Zou je het aanraden aan collega's van andere opleidingen?",
                "Zou je Erasmus+ aanraden aan collega's van andere opleidingen?",
                "Raad je het andere opleidingen aan?")),
        ("23", ("Wat draagt het programma bij aan de opleiding tot leraar?",
                "Wat draagt Erasmus+ bij aan de lerarenopleiding, voor studenten?",
                "Wat levert Erasmus+ de opleiding tot leraar op?")),
    ),
}
CLOSING = ("afsluiting", ("Is er iets niet ter sprake gekomen dat je nog wilt delen?",
                          "Zijn er nog dingen die je wilt delen en die niet ter sprake zijn gekomen?"))
# what an interviewer says before a question: alone ("Hmm."), or as a turn of its own before it
PREAMBLES = ("Hmm.", "Oké.", "Goed, dan de volgende vraag.", "Dan ga ik door naar een ander onderwerp.",
             "Ja, duidelijk. Dank je.", "Even kijken waar we zijn.")

OPENERS = ("Ja,", "Nou,", "Eh,", "Kijk,", "Goh,", "Ja, nou,", "Tja,", "Even denken,", "Ehm,", "Ja, zeker,")

NEUTRAL = (
    "dat verschilt eigenlijk van jaar tot jaar.",
    "daar zijn we nog steeds mee bezig.",
    "het hangt er ook een beetje vanaf wie je het vraagt.",
    "dat is bij ons nog niet helemaal uitgekristalliseerd.",
    "ik moet daar even over nadenken.",
    "dat is eigenlijk een hele goede vraag.",
    "we hebben daar in het team best vaak over gepraat.",
    "ik weet niet of ik dat namens iedereen kan zeggen.",
    "het is in ieder geval iets waar we mee worstelen.",
    "ik zeg het misschien een beetje zwart-wit.",
    "dat is de afgelopen periode wel veranderd.",
    "daar is niet echt een eenduidig antwoord op.",
    "je ziet dat het heel erg per persoon verschilt.",
    "ik kan daar een voorbeeld van geven.",
    "ik ben er zelf ook nog niet helemaal uit.",
    "dat is iets wat we vorig jaar hebben besproken op een studiedag.",
    "ik denk dat mijn collega's dat anders zouden zeggen.",
    "het is natuurlijk ook een kwestie van keuzes maken.",
    "dat merk je vooral aan het begin van het studiejaar.",
    "wij zijn een relatief kleine opleiding, dat scheelt.",
    "het team is de laatste jaren flink veranderd.",
    "dat heeft ook te maken met hoe de hogeschool georganiseerd is.",
    "we proberen het stap voor stap op te bouwen.",
    "ik vind het zelf eigenlijk heel waardevol.",
    "het blijft een beetje afhankelijk van de mensen die er zitten.",
    "dat is iets wat je niet van de ene op de andere dag regelt.",
    "daar zou ik eigenlijk meer over moeten weten.",
    "het is lastig om daar cijfers bij te geven.",
    "we evalueren dat elk jaar met het team.",
    "het is niet zo dat er niets gebeurt, integendeel.",
    "er zijn natuurlijk altijd uitzonderingen.",
    "ik zie dat in mijn eigen lessen ook terug.",
    "de vraag is ook wat je er precies onder verstaat.",
    "we hebben er een werkgroep voor opgericht.",
    "het komt regelmatig terug in de vergaderingen.",
    "dat was vroeger echt anders.",
    "het is nog zoeken naar de goede vorm.",
    "we leren daar zelf ook nog steeds van.",
    "dat is een beetje het dilemma waar we in zitten.",
    "ik hoop dat het over een paar jaar beter geregeld is.",
)

FOLLOW_UPS = (
    "Kun je daar een voorbeeld van geven?",
    "Hoe bedoel je dat precies?",
    "En hoe merk je dat?",
    "Wat zou daarvoor nodig zijn?",
    "Kun je daar iets meer over vertellen?",
    "Is dat bij iedereen zo?",
)

BACKCHANNELS = ("Hmm.", "Ja.", "Oké.", "Ja, ja.", "Mm-hm.", "Duidelijk.", "Interessant.")

FIRST_NAMES = (
    "Anouk", "Bram", "Carlijn", "Daan", "Eline", "Floris", "Gijs", "Hanneke", "Ilse", "Joost",
    "Karlijn", "Lars", "Maaike", "Niels", "Oona", "Pieter", "Quinten", "Roos", "Stijn", "Tessa",
    "Ugo", "Vera", "Wouter", "Xandra", "Yara", "Zeger", "Amira", "Bilal", "Chantal", "Dewi",
    "Emre", "Fenna", "Gerrit", "Hiba", "Ivo", "Jolien", "Kees", "Lotte", "Marco", "Nadia",
)
SURNAMES = (
    "van Amerongen-Tol", "Brinkhorst", "Cremerius", "Dijkgraaf-Olde", "Eekhoutstra", "Feddema",
    "Goudswaard", "Haverkamp-Lier", "IJzerbroek", "Jonkergouw", "Kleinlugtenbelt", "Lommerse",
    "Meulenbroeks", "Nijenhuis-Bos", "Oosterwolde", "Pruimboom", "Quarles ter Veld", "Rietbergen",
    "Schreuderink", "Tjallingii", "Uitdehaag", "Verhoogt-Sas", "Wijnbergen", "Zandvlietje",
    "Achterkamp", "Bosgraaf", "Coenradie", "Duindam-Vos", "Elzenga", "Flikweert", "Grootendorst",
    "Holtkamp-Ree", "Immerzeel", "Jagersma", "Kooistra-Elk", "Lagerwey", "Mostertman", "Nieuwold",
)

INSTITUTIONS = (
    "Hogeschool Noordkust", "Hogeschool Rivierenland", "Hogeschool De Kempenpoort",
    "Hogeschool Waddenzicht", "Hogeschool Veluwezoom", "Hogeschool Randstad-Zuid",
    "Hogeschool IJsselvallei", "Hogeschool Maasoever", "Universiteit Lage Landen",
    "Universiteit Duinstede", "Universiteit Polderveld", "Kunstacademie Westhaven",
)
