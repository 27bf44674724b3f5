"""Which interviewer turn asks which guide question, found in speech (Teams transcripts mark none).

Consecutive interviewer turns are read as one asking ("Hmm." then the question; a preamble turn then the
question). Each asking is scored against each question: the share of the question's content lemmas it
contains, weighted by how rare each lemma is among the guide's questions (so 'internationalisering',
in half the guide, weighs little), with how much of what was said is the question's and rapidfuzz's
token-sort ratio of the two lemma sets (see _score). Interviewers ask mostly in the guide's order: the
links are an alignment in that order (each worth its score above MIN_SCORE); a question asked out of
order is linked when its score leaves no doubt (OUT_OF_ORDER). Probes ("Kun je daar iets meer over
vertellen?") share no content with any question and stay unlinked. Pure: lemmas come from a function.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Sequence, Set
from dataclasses import dataclass

from rapidfuzz import fuzz

from workbench.core.guide import GuideQuestion

MIN_SCORE = 0.3  # chosen on the sample study (seed 2020); tests measure it on another seed
# the words of probes ("Kun je daar een voorbeeld van geven?", "Hoe bedoel je dat precies?"): an asking's
# words without them, so that a probe never passes for guide question 25 ("Voorbeelden van ...")
PROBES = frozenset({"voorbeeld", "beeld", "vertellen", "bedoelen", "precies", "merken", "nodig", "toelichten",
                    "uitleggen", "zeggen", "iedereen", "iets", "meer"})
OUT_OF_ORDER = 0.75  # a link against the guide's order needs this much


@dataclass(frozen=True)
class SpokenTurn:
    index: int
    role: str | None
    text: str


@dataclass(frozen=True)
class QuestionFound:
    question: str  # the guide's id
    turn: int  # the turn's index
    score: float
    evidence: str  # the lemmas the turn shares with the question


def align(turns: Sequence[SpokenTurn], questions: Sequence[GuideQuestion],
          lemmas: Callable[[str], Set[str]]) -> list[QuestionFound]:
    """The turns that ask guide questions, in transcript order."""
    asked = [lemmas(q.text) for q in questions]
    weight = _rarity(asked)
    units = _askings(turns)
    said = [lemmas(" ".join(t.text for t in unit)) - PROBES for unit in units]
    questions_read, said_read = [_Read.of(a, weight) for a in asked], [_Read.of(s, weight) for s in said]
    scores = [[_score(s, a, weight) if a.lemmas else 0.0 for a in questions_read] for s in said_read]
    links = _in_order(scores)
    linked_units, linked_questions = {u for u, _ in links}, {q for _, q in links}
    for q in range(len(questions)):  # asked out of the guide's order: only when the words leave no doubt
        free = [(scores[u][q], u) for u in range(len(units)) if u not in linked_units]
        if q not in linked_questions and free and max(free)[0] >= OUT_OF_ORDER:
            u = max(free)[1]
            links.append((u, q))
            linked_units.add(u)
    found = []
    for u, q in links:
        turn = next((t for t in reversed(units[u]) if "?" in t.text), units[u][-1])
        shared = ", ".join(sorted(said[u] & asked[q], key=lambda w: (-weight[w], w)))
        found.append(QuestionFound(questions[q].id, turn.index, round(scores[u][q], 3), shared))
    return sorted(found, key=lambda f: f.turn)


def _in_order(scores: list[list[float]]) -> list[tuple[int, int]]:
    """(asking, question) links in the guide's order, as many and as sure as can be: an alignment of the
    askings with the questions (dynamic programming, each link worth its score above MIN_SCORE)."""
    rows, columns = len(scores), len(scores[0]) if scores else 0
    best = [[0.0] * (columns + 1) for _ in range(rows + 1)]
    for u in range(1, rows + 1):
        for q in range(1, columns + 1):
            gain = scores[u - 1][q - 1] - MIN_SCORE
            best[u][q] = max(best[u - 1][q], best[u][q - 1],
                             best[u - 1][q - 1] + gain if gain > 0 else float("-inf"))
    links, u, q = [], rows, columns
    while u and q:
        if best[u][q] == best[u - 1][q]:
            u -= 1
        elif best[u][q] == best[u][q - 1]:
            q -= 1
        else:
            links.append((u - 1, q - 1))
            u, q = u - 1, q - 1
    return links[::-1]


def _askings(turns: Sequence[SpokenTurn]) -> list[list[SpokenTurn]]:
    """Runs of consecutive interviewer turns."""
    runs: list[list[SpokenTurn]] = []
    previous = None
    for turn in turns:
        if turn.role == "interviewer":
            if previous == "interviewer":
                runs[-1].append(turn)
            else:
                runs.append([turn])
        previous = turn.role
    return runs


def _rarity(questions: Sequence[Set[str]]) -> dict[str, float]:
    """A lemma's weight: log of how many questions there are over how many use it (at least 0.2)."""
    used: dict[str, int] = {}
    for words in questions:
        for word in words:
            used[word] = used.get(word, 0) + 1
    return {word: max(math.log((1 + len(questions)) / n), 0.2) for word, n in used.items()}


@dataclass(frozen=True)
class _Read:
    """A set of lemmas as _score reads it (once, not once per question or asking): sorted into one text, and
    its weight by rarity (a lemma of no question weighs 1)."""
    lemmas: Set[str]
    text: str
    weight: float

    @classmethod
    def of(cls, lemmas: Set[str], weight: dict[str, float]) -> _Read:
        return cls(lemmas, " ".join(sorted(lemmas)), max(sum(weight.get(w, 1.0) for w in lemmas), 1e-9))


def _score(said: _Read, question: _Read, weight: dict[str, float]) -> float:
    """Half how much of the question was said (by rarity), a fifth how much of what was said is the
    question's, the rest rapidfuzz's token-sort ratio of the two lemma sets."""
    shared = sum(weight[w] for w in said.lemmas & question.lemmas)
    similar = fuzz.token_sort_ratio(said.text, question.text) / 100
    return 0.5 * shared / question.weight + 0.2 * shared / said.weight + 0.3 * similar


def respondent_questions(turns: Sequence[SpokenTurn], found: Sequence[QuestionFound]) -> dict[int, str]:
    """Each respondent turn's question: the last one asked before it."""
    asked_at = {f.turn: f.question for f in found}
    current, belongs = None, {}
    for turn in turns:
        current = asked_at.get(turn.index, current)
        if turn.role == "respondent" and current is not None:
            belongs[turn.index] = current
    return belongs
