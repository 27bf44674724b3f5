"""Who is interviewed where, which points each respondent makes, and the dialogue."""

from __future__ import annotations

import random
from collections import Counter
from dataclasses import dataclass, field

from workbench.sample import banks

# programme, institutions offering it, respondents interviewed (the study's proportions)
PROGRAMMES = (("pabo", 8, 14), ("tweedegraads", 6, 11), ("ULO", 3, 5), ("KVDO", 1, 1), ("ALO", 1, 2))
LAYOUTS = (
    ["teams-docx"] * 10 + ["teams-docx-inline"] * 2 + ["teams-docx-legacy"] * 3 + ["teams-vtt"] * 7
    + ["teams-vtt-legacy"] * 3 + ["verbatim-docx"] * 3 + ["verbatim-txt"] * 2
)
WORDS_PER_SECOND = 2.6


@dataclass
class Person:
    name: str  # as Teams shows it: invented
    pseudonym: str
    role: str
    institution: str | None = None
    programmes: tuple[str, ...] = ()


@dataclass
class Utterance:
    speaker: Person
    text: str
    start_ms: int = 0
    end_ms: int = 0


@dataclass
class Interview:
    name: str
    layout: str
    date: tuple[int, int, int]
    interviewer: Person
    respondents: list[Person]
    utterances: list[Utterance] = field(default_factory=list)
    points: dict[str, Counter] = field(default_factory=dict)  # pseudonym -> code path -> times
    guest: Person | None = None
    asked: dict[str, str] = field(default_factory=dict)  # guide question id -> the words that asked it

    def label(self, person: Person) -> str:
        """How the transcript names a speaker: Teams name, or I/R/R1 in verbatim ones."""
        if not self.layout.startswith("verbatim"):
            return person.name
        if person.role == "interviewer":
            return "I"
        if len(self.respondents) == 1:
            return "R"
        return f"R{self.respondents.index(person) + 1}"


def _names(rng: random.Random, count: int) -> list[str]:
    pairs = [(f, s) for f in banks.FIRST_NAMES for s in banks.SURNAMES]
    return [f"{f} {s}" for f, s in rng.sample(pairs, count)]


def plan_study(seed: int, interviews: int = 30, words: tuple[int, int] = (4000, 15000)) -> list[Interview]:
    """The sample study: interviews at programmes, duo interviews, one dual-programme respondent."""
    rng = random.Random(seed)
    hogescholen = [i for i in banks.INSTITUTIONS if i.startswith("Hogeschool")]
    universities = [i for i in banks.INSTITUTIONS if i.startswith("Universiteit")]
    where = {
        "pabo": hogescholen[:8], "tweedegraads": hogescholen[2:8], "ULO": universities[:3],
        "KVDO": ["Kunstacademie Westhaven"], "ALO": hogescholen[4:5],
    }
    slots = [(programme, where[programme][i % len(where[programme])])
             for programme, _, count in PROGRAMMES for i in range(count)]
    scale = max(1, -(-interviews * 11 // 10 // len(slots)))
    slots = (slots * scale)[: max(interviews + 3, 4)]
    names = _names(rng, len(slots) + 4)
    interviewers = [Person(names.pop(), f"I{i + 1}", "interviewer") for i in range(3)]
    respondents = [
        Person(names.pop(), f"R{i + 1:02d}", "respondent", institution, (programme,))
        for i, (programme, institution) in enumerate(slots)
    ]
    layouts = (LAYOUTS * (interviews // len(LAYOUTS) + 1))[:interviews]
    rng.shuffle(layouts)
    duo_at = {layouts.index("teams-docx"), layouts.index("verbatim-docx"), layouts.index("verbatim-txt")}
    queue = list(respondents)
    result = []
    for number, layout in enumerate(layouts, start=1):
        people = [queue.pop(0)]
        if number - 1 in duo_at and queue and queue[0].institution == people[0].institution:
            people.append(queue.pop(0))
        elif number - 1 in duo_at and queue:
            partner = queue.pop(0)
            partner.institution, partner.programmes = people[0].institution, people[0].programmes
            people.append(partner)
        interview = Interview(
            name=f"interview-{number:02d}",
            layout=layout,
            date=_fieldwork_date(number, interviews, rng),
            interviewer=interviewers[number % 3],
            respondents=people,
        )
        if number == 7:
            interview.guest = Person("Gast (Hogeschool Maasoever)", "", "guest")
        _converse(interview, rng, int(rng.randint(*words) * 0.93), random.Random(seed * 7919 + number))
        result.append(interview)
    # one respondent coordinates for pabo and tweedegraads and is counted in both
    dual = next(i.respondents[0] for i in result if len(i.respondents) == 1 and i.respondents[0].programmes == ("pabo",))
    dual.programmes = ("pabo", "tweedegraads")
    return result


def _fieldwork_date(number: int, interviews: int, rng: random.Random) -> tuple[int, int, int]:
    """September 2020 to March 2021, in interview order."""
    month = 9 + (number - 1) * 7 // interviews
    return (2020, month, rng.randint(1, 28)) if month <= 12 else (2021, month - 12, rng.randint(1, 28))


def _points(rng: random.Random) -> Counter:
    """Which points a respondent makes, and how often (some repeat themselves)."""
    made = Counter()
    for path, (share, _, _) in banks.POINTS.items():
        if rng.random() < share:
            made[path] = 1 + (rng.random() < 0.4) * rng.randint(1, 5)
    return made


def _sentence(rng: random.Random) -> str:
    return f"{rng.choice(banks.OPENERS)} {rng.choice(banks.NEUTRAL)}"


def _converse(interview: Interview, rng: random.Random, budget: int, phrasing: random.Random) -> None:
    """The dialogue along the interview guide, to about `budget` words. How questions are put and the
    times come from `phrasing`, so the points made (rng) stay those of the study however questions vary."""
    agenda = {p.pseudonym: _points(rng) for p in interview.respondents}
    interview.points = {p: Counter() for p in agenda}
    questions = [(part, q) for part, qs in banks.QUESTIONS.items() for q in qs]
    per_question = budget / len(questions)
    me, say = interview.interviewer, interview.utterances.append
    say(Utterance(me, "Goedemorgen, fijn dat je tijd hebt gemaakt. Het gesprek wordt opgenomen en "
                      "getranscribeerd, is dat goed?"))
    say(Utterance(interview.respondents[0], "Ja, dat is prima, hoor."))
    if interview.guest:
        say(Utterance(interview.guest, "Sorry, ik zit volgens mij in de verkeerde vergadering."))
        say(Utterance(me, "Geen probleem, fijne dag nog."))
    for index, (part, question) in enumerate(questions):
        _ask(interview, question, phrasing)
        words = 0
        while words < per_question:
            person = rng.choice(interview.respondents)
            sentences = [_sentence(rng) for _ in range(rng.randint(2, 7))]
            for path, times in list(agenda[person.pseudonym].items()):
                home = banks.POINTS[path][1] == part
                if times and (home and rng.random() < 0.6 or not home and rng.random() < 0.02):
                    sentences.insert(rng.randrange(len(sentences) + 1), rng.choice(banks.POINTS[path][2]))
                    agenda[person.pseudonym][path] -= 1
                    interview.points[person.pseudonym][path] += 1
            text = " ".join(sentences)
            say(Utterance(person, text))
            words += len(text.split())
            if words < per_question:
                say(Utterance(me, rng.choice(banks.FOLLOW_UPS if rng.random() < 0.4 else banks.BACKCHANNELS)))
        if index + 1 == len(questions) or questions[index + 1][0] != part:
            _say_what_is_due(interview, agenda, part, rng)
    _ask(interview, banks.CLOSING, phrasing)
    say(Utterance(interview.respondents[-1], "Nee, ik denk dat we alles wel gehad hebben."))
    say(Utterance(me, "Dank je wel voor je tijd!"))
    _time(interview, phrasing)
    for pseudonym in list(interview.points):
        interview.points[pseudonym] = +interview.points[pseudonym]


def _ask(interview: Interview, question: tuple[str | None, tuple[str, ...]], phrasing: random.Random) -> None:
    """Put a question one of its ways: alone, after a word of chit-chat, or after a turn of its own."""
    question_id, ways = question
    words = ways[0] if phrasing.random() < 0.3 else phrasing.choice(ways)
    how = phrasing.random()
    if how < 0.2:
        words = f"{phrasing.choice(banks.PREAMBLES)} {words}"
    elif how < 0.35:
        interview.utterances.append(Utterance(interview.interviewer, phrasing.choice(banks.PREAMBLES)))
    interview.utterances.append(Utterance(interview.interviewer, words))
    if question_id is not None:
        interview.asked[question_id] = words


def _say_what_is_due(interview: Interview, agenda: dict[str, Counter], part: int, rng: random.Random) -> None:
    """At the end of a guide part, each respondent makes the points of that part not yet made."""
    for person in interview.respondents:
        made = interview.points[person.pseudonym]
        due = [p for p, times in agenda[person.pseudonym].items()
               if times and banks.POINTS[p][1] == part and not made[p]]
        if not due:
            continue
        interview.utterances.append(Utterance(interview.interviewer, rng.choice(banks.FOLLOW_UPS)))
        sentences = [_sentence(rng)]
        for path in due:
            sentences.append(rng.choice(banks.POINTS[path][2]))
            agenda[person.pseudonym][path] -= 1
            made[path] += 1
        interview.utterances.append(Utterance(person, " ".join(sentences)))


def _time(interview: Interview, rng: random.Random) -> None:
    clock = rng.randint(1500, 6000)
    for utterance in interview.utterances:
        utterance.start_ms = clock
        utterance.end_ms = clock + int(len(utterance.text.split()) / WORDS_PER_SECOND * 1000) + 400
        clock = utterance.end_ms + rng.randint(200, 1500)
