"""The study's counting rule, pure: respondents (or institutions), never raw quotes.

A respondent who makes a point six times counts once. A parent code counts distinct
respondents over its whole subtree. A respondent in two programmes counts in both
groups and once in the total. Only respondent turns count.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass
from enum import Enum
from typing import NamedTuple

TOTAL = ""  # the group of everyone


class Unit(str, Enum):
    RESPONDENT = "respondent"
    INSTITUTION = "institution"
    QUOTATION = "quotation"


class GroupBy(str, Enum):
    PROGRAMME = "programme"
    INSTITUTION = "institution"
    NONE = "none"


@dataclass(frozen=True)
class Respondent:
    id: int
    institution: str | None
    programmes: tuple[str, ...]


class Occurrence(NamedTuple):
    """A coding of a code on a respondent's turn(s). Counting takes any (code id, respondent id, coding id)
    tuple: a study has hundreds of thousands, and a plain tuple is made in a third of the time."""

    code_id: int
    respondent_id: int
    coding_id: int


def groups_of(respondent: Respondent, by: GroupBy) -> tuple[str, ...]:
    if by is GroupBy.PROGRAMME:
        return respondent.programmes
    if by is GroupBy.INSTITUTION:
        return (respondent.institution,) if respondent.institution else ()
    return ()


def ancestors(code_id: int, parents: Mapping[int, int | None]) -> list[int]:
    """The code itself and every code above it."""
    chain: list[int] = []
    current: int | None = code_id
    while current is not None and current not in chain:
        chain.append(current)
        current = parents.get(current)
    return chain


def count(
    parents: Mapping[int, int | None],
    occurrences: Iterable[tuple[int, int, int]],
    respondents: Mapping[int, Respondent],
    unit: Unit,
    by: GroupBy,
) -> dict[tuple[int, str], int]:
    """{(code id, group): count}; group TOTAL holds everyone. Missing keys are 0."""
    if unit is Unit.QUOTATION:
        return _distinct_codings(parents, occurrences, respondents, by)
    who: dict[int, set[int]] = defaultdict(set)  # code -> respondents who said it (institution unit: with one)
    for code_id, respondent_id, _coding in occurrences:
        respondent = respondents.get(respondent_id)
        if respondent is not None and (unit is Unit.RESPONDENT or respondent.institution):
            who[code_id].add(respondent_id)
    below: dict[int, set[int]] = defaultdict(set)  # code -> respondents who said it or a code under it
    for code_id, said in who.items():
        for ancestor in ancestors(code_id, parents):
            below[ancestor] |= said
    members: dict[str, set[int]] = defaultdict(set)
    for respondent in respondents.values():
        for group in (TOTAL, *groups_of(respondent, by)):
            members[group].add(respondent.id)
    counts = {}
    for code_id, said in below.items():
        for group, people in members.items():
            hits = said & people
            if hits:
                counts[(code_id, group)] = len(hits if unit is Unit.RESPONDENT
                                               else {respondents[r].institution for r in hits})
    return counts


def _distinct_codings(parents: Mapping[int, int | None], occurrences: Iterable[tuple[int, int, int]],
                      respondents: Mapping[int, Respondent], by: GroupBy) -> dict[tuple[int, str], int]:
    """The quotation unit one occurrence at a time: each cell's distinct codings."""
    seen: dict[tuple[int, str], set[int]] = defaultdict(set)
    chains: dict[int, list[int]] = {}
    for code_id, respondent_id, coding_id in occurrences:
        respondent = respondents.get(respondent_id)
        if respondent is not None:
            for cell in _cells(code_id, respondent, by, parents, chains):
                seen[cell].add(coding_id)
    return {cell: len(keys) for cell, keys in seen.items()}


def count_quotations(
    parents: Mapping[int, int | None],
    tallies: Mapping[tuple[int, int], int],
    spread: Iterable[tuple[int, int, int]],
    respondents: Mapping[int, Respondent],
    by: GroupBy,
) -> dict[tuple[int, str], int]:
    """The quotation unit from two parts: tallies {(code id, respondent id): n} of codings that lie within
    one turn (so each is one respondent's, once), and the occurrences of codings over several turns,
    counted distinct as count() does. Same result as count() over all occurrences."""
    counts = Counter(_distinct_codings(parents, spread, respondents, by))
    groups = {r.id: (TOTAL, *groups_of(r, by)) for r in respondents.values()}
    own: Counter[tuple[int, tuple[str, ...]]] = Counter()  # (code, its respondents' groups): one-turn codings
    for (code_id, respondent_id), n in tallies.items():  # (respondents share a few sets of groups)
        if respondent_id in groups:
            own[(code_id, groups[respondent_id])] += n
    for (code_id, in_groups), n in own.items():
        for ancestor in ancestors(code_id, parents):
            for group in in_groups:
                counts[(ancestor, group)] += n
    return dict(counts)


def _cells(code_id: int, respondent: Respondent, by: GroupBy, parents: Mapping[int, int | None],
           chains: dict[int, list[int]]) -> Iterator[tuple[int, str]]:
    """Every (code, group) cell an occurrence of the code by the respondent counts in."""
    chain = chains.get(code_id)
    if chain is None:
        chain = chains[code_id] = ancestors(code_id, parents)
    groups = (TOTAL, *groups_of(respondent, by))
    for ancestor in chain:
        for group in groups:
            yield ancestor, group


def group_sizes(respondents: Iterable[Respondent], unit: Unit, by: GroupBy) -> dict[str, int]:
    """N per group: respondents (institutions for that unit) who were interviewed."""
    members: dict[str, set[object]] = defaultdict(set)
    for respondent in respondents:
        key = respondent.institution if unit is Unit.INSTITUTION else respondent.id
        if key is None:
            continue
        for group in (TOTAL, *groups_of(respondent, by)):
            members[group].add(key)
    return {group: len(keys) for group, keys in members.items()}
