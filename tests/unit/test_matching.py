import re

from hypothesis import given
from hypothesis import strategies as st

from workbench.core.codes import keyword_regex, normalise_colour, split_path
from workbench.core.matching import Matcher, TextIndex

TEXT = "Studievertraging? Ja, ze zijn bang voor STUDIEVERTRAGINGEN en het is te  duur. Te duurzaam."


def spans(matcher, text=TEXT):
    return [text[s:e] for s, e in matcher.find(TextIndex(text))]


def test_keywords_are_whole_words_case_insensitive_with_star_for_endings():
    assert spans(Matcher(["studievertraging"])) == ["Studievertraging"]
    assert spans(Matcher(["studievertraging*"])) == ["Studievertraging", "STUDIEVERTRAGINGEN"]
    assert spans(Matcher(["te duur"])) == ["te  duur"]
    assert spans(Matcher(["te duur*"])) == ["te  duur", "Te duurzaam"]


def test_patterns_and_odd_keywords():
    assert spans(Matcher(patterns=[r"bang\s+voor"])) == ["bang voor"]
    assert spans(Matcher(["@home"]), "internationalisering@home werkt") == ["@home"]


words = st.sampled_from(["studie", "studievertraging", "te", "duur", "geld", "Geld", "vriend", "vriendin"])


@given(st.lists(words, max_size=30), st.lists(words, min_size=1, max_size=2), st.booleans())
def test_index_finds_what_a_full_scan_finds(text_words, keyword_words, star):
    text = " ".join(text_words)
    keyword = " ".join(keyword_words) + ("*" if star else "")
    scan = [m.span() for m in re.finditer(keyword_regex(keyword), text, re.IGNORECASE)]
    found = list(Matcher([keyword]).find(TextIndex(text)))
    assert set(scan) <= set(found)
    assert all(re.compile(keyword_regex(keyword), re.IGNORECASE).fullmatch(text[s:e]) for s, e in found)


def test_paths_and_colours():
    assert split_path("Studenten > Belemmeringen::Studievertraging") == ["Studenten", "Belemmeringen", "Studievertraging"]
    assert normalise_colour("#ABC") == "#aabbcc"


def test_a_keyword_said_with_a_negation_just_before_it_in_its_clause_is_no_hit():
    """'Het is niet verplicht voor alle studenten, het staat niet in het examenreglement' was coded as
    Verplicht onderdeel twice over: the report quoted people who said it is not mandatory."""
    mandatory = Matcher(["verplicht voor alle studenten", "examenreglement", "oer"])
    assert spans(mandatory, "Het is niet verplicht voor alle studenten, het staat niet in het examenreglement.") == []
    assert spans(mandatory, "Het staat in het OER, niet als keuze: verplicht voor alle studenten.") == [
        "OER", "verplicht voor alle studenten"]  # a negation in another clause, or after, leaves the hit
    assert spans(Matcher(["geen uren", "eigen tijd"]), "Ik heb geen uren, ik doe het in mijn eigen tijd.") == [
        "geen uren", "eigen tijd"]  # a keyword that says the negation itself is found
    assert spans(Matcher(["tijd"]), "Daar is nooit tijd voor, en geen tijd om te lezen.") == []
    assert spans(Matcher(["tijd"]), "Geen idee waarom het zo gaat met de tijd.") == ["tijd"]  # too far before it
    no_stand_in = Matcher(["lessen overnemen", "vervanging"], code="Lessen niet verplaatsbaar")  # a lack, said so
    assert spans(no_stand_in, "Niemand kan je lessen overnemen, er is geen vervanging.") == ["lessen overnemen",
                                                                                           "vervanging"]


letters = st.sampled_from(list("abkAB_1éÉßΣσς") + ["\u212a", "\u0130"])  # Kelvin sign, dotted capital I
tricky_words = st.text(letters, min_size=1, max_size=4)
gaps = st.sampled_from([" ", "  ", ".", "-", "\n", "@", ", "])


@given(st.lists(st.tuples(tricky_words, gaps), max_size=25), st.lists(tricky_words, min_size=1, max_size=2),
       st.booleans())
def test_the_index_finds_what_a_full_scan_finds_in_any_letters(pieces, keyword_words, star):
    """Case folding that changes a text's length (İ), final sigma, the Kelvin sign, underscores and digits in
    words: every hit a scan of the whole text finds is found, and nothing it does not."""
    text = "".join(word + gap for word, gap in pieces)
    keyword = " ".join(keyword_words) + ("*" if star else "")
    regex = re.compile(keyword_regex(keyword), re.IGNORECASE)
    found = list(Matcher([keyword]).find(TextIndex(text)))
    assert all(regex.fullmatch(text[s:e]) for s, e in found)
    folds = {c for c in text + keyword if c.lower() != c.casefold() or len(c.lower()) != 1 or c in "\u212aσς"}
    if not folds:  # where lower case is all the folding there is, the index misses nothing
        assert {m.span() for m in regex.finditer(text)} <= set(found)


def test_a_hit_inside_one_of_the_code_s_exclusions_is_no_hit():
    """'coördinator van de uitwisselingen' is a job title, not students going abroad: the sample study's
    job-title sentences were coded both Functie and Studenten naar het buitenland."""
    text = ("Ik ben coördinator van de\nuitwisselingen en uitwisselingscoördinator. "
            "Twee studenten gingen op uitwisseling.")
    abroad = Matcher(["uitwisseling*"], exclusions=["coördinator* van de uitwisseling*", "uitwisselingscoördinator*"])
    assert [text[s:e] for s, e in abroad.find(TextIndex(text))] == ["uitwisseling"]
    assert len(list(Matcher(["uitwisseling*"]).find(TextIndex(text)))) == 3
    title = Matcher(["coördinator*"], exclusions=["uitwisselingscoördinator*"])
    assert [text[s:e] for s, e in title.find(TextIndex(text))] == ["coördinator"]  # only the code's own
