"""The study's counting rule, pure: respondents (or institutions), never raw quotes.

A respondent who makes a point six times counts once. A parent code counts distinct
respondents over its whole subtree. A respondent in two programmes counts in both
groups and once in the total. Only respondent turns count.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from enum import Enum

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


@dataclass(frozen=True)
class Occurrence:
    """A coding of a code on a respondent's turn(s)."""

    code_id: int
    respondent_id: int
    coding_id: int


def groups_of(respondent: Respondent, by: GroupBy) -> tuple[str, ...]:
    if by is GroupBy.PROGRAMME:
        return respondent.programmes
    if by is GroupBy.INSTITUTION:
        return (respondent.institution,) if respondent.institution else ()
    return ()


def _key(occurrence: Occurrence, respondent: Respondent, unit: Unit) -> object:
    if unit is Unit.RESPONDENT:
        return occurrence.respondent_id
    if unit is Unit.INSTITUTION:
        return respondent.institution
    return occurrence.coding_id


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
    occurrences: Iterable[Occurrence],
    respondents: Mapping[int, Respondent],
    unit: Unit,
    by: GroupBy,
) -> dict[tuple[int, str], int]:
    """{(code id, group): count}; group TOTAL holds everyone. Missing keys are 0."""
    seen: dict[tuple[int, str], set[object]] = defaultdict(set)
    chains: dict[int, list[int]] = {}
    for occurrence in occurrences:
        respondent = respondents.get(occurrence.respondent_id)
        if respondent is None:
            continue
        key = _key(occurrence, respondent, unit)
        if key is None:
            continue
        chain = chains.get(occurrence.code_id)
        if chain is None:
            chain = chains[occurrence.code_id] = ancestors(occurrence.code_id, parents)
        groups = (TOTAL, *groups_of(respondent, by))
        for code_id in chain:
            for group in groups:
                seen[(code_id, group)].add(key)
    return {cell: len(keys) for cell, keys in seen.items()}


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
