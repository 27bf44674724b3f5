"""Do coders code alike? Agreement per code on fixed units, and the units they disagree on.

Units are respondent turns (or the sentences in them). A coder's value for a unit and code is
1 when one of their codings of the code (or of a subcode) overlaps the unit, else 0; it is
missing when the coder has no coding at all in that transcript (they did not code it).
"""

from __future__ import annotations

import bisect
from collections import Counter, defaultdict
from dataclasses import dataclass

from sqlalchemy import select

from workbench.core import agreement as measures
from workbench.core.codes import PATH_SEPARATOR
from workbench.core.db import Database
from workbench.core.dto import AgreementRow, Disagreement
from workbench.core.models import Coding
from workbench.core.spans import sentences
from workbench.errors import WorkbenchError
from workbench.i18n import N_, _
from workbench.services.lookup import CodeTree, coder_ids, respondent_turns

UNITS = ("turn", "sentence")
OVERALL = N_("(all codes)")  # the row over every code (its label in the speaker's language)


@dataclass(frozen=True)
class _Unit:
    transcript_id: int
    transcript: str
    turn: int
    start: int
    end: int
    text: str
    respondent: str
    start_ms: int | None


def _units(session, unit: str) -> list[_Unit]:
    found = []
    for turn in respondent_turns(session):
        text = turn.transcript_text
        spans = sentences(text, turn.start, turn.end) if unit == "sentence" else [(turn.start, turn.end)]
        found.extend(_Unit(turn.transcript_id, turn.transcript, turn.index, a, b, text[a:b], turn.respondent,
                           turn.start_ms) for a, b in spans)
    return found


@dataclass
class _Values:
    """Each unit's codes per coder, sparse: a study's units are mostly coded by nobody with most codes."""

    units: list[_Unit]
    paths: dict[int, str]  # the codes compared (with their subcodes), in tree order
    coded: list[tuple[bool, ...]]  # per unit: whether each coder coded its transcript (else their value is missing)
    found: dict[int, list[set[int]]]  # unit -> per coder, the compared codes one of their codings there falls under
    applied: dict[int, list[set[int]]]  # unit -> per coder, the codes of their codings there (of those compared)

    def __post_init__(self) -> None:
        self.masks = Counter(self.coded)  # how many units have each pattern of coders who coded them
        self.holders: dict[int, list[int]] = defaultdict(list)  # a code -> the units a coder gave it
        for i, codes in self.found.items():
            for code in set().union(*codes):
                self.holders[code].append(i)

    def tally(self, code: int | None) -> dict[tuple, int]:
        """The units as rows of one value per coder, tallied: 1/0 for a code (with its subcodes), or the set of
        codes applied (code None: over all codes). Only the units someone coded with it are looked at one by
        one; the rest are counted by who coded their transcripts."""
        empty = 0 if code is not None else frozenset()

        def row(coded: tuple[bool, ...], codes) -> tuple:
            return tuple(None if not was else (int(code in mine) if code is not None else frozenset(mine))
                         for was, mine in zip(coded, codes))

        rows: Counter[tuple] = Counter({tuple(empty if was else None for was in mask): n
                                        for mask, n in self.masks.items()})
        for i in (self.holders.get(code, ()) if code is not None else self.applied):
            coded = self.coded[i]
            rows[tuple(empty if was else None for was in coded)] -= 1
            rows[row(coded, (self.found if code is not None else self.applied)[i])] += 1
        return rows

    def differing(self) -> dict[int, list[int]]:
        """Unit -> the compared codes its coders (those who coded the transcript) decided differently on."""
        found: dict[int, list[int]] = {}
        for i, codes in self.found.items():
            valued = [mine for coded, mine in zip(self.coded[i], codes) if coded]
            if len(valued) >= 2:
                differ = set().union(*valued) - set.intersection(*valued)
                if differ:
                    found[i] = [code for code in self.paths if code in differ]
        return found


def _values(db: Database, coders: list[str], code_path: str | None, unit: str) -> _Values:
    if unit not in UNITS:
        raise WorkbenchError(_("--unit must be one of {items}").format(items=', '.join(UNITS)))
    if len(set(coders)) < 2:
        raise WorkbenchError(_("name at least two different coders"))
    with db.read() as session:
        ids = coder_ids(session, coders)
        tree = CodeTree(session)
        codes = [tree.get(code_path)] if code_path else [c for c, _ in tree.walk()]
        under: dict[int, set[int]] = defaultdict(set)  # a code -> the compared codes it counts for
        for code in codes:
            for below in tree.subtree(code):
                under[below].add(code)
        units = _units(session, unit)
        spans: dict[tuple[int, int], list[tuple[int, int, int]]] = defaultdict(list)  # (coder, transcript)
        for coder_id, transcript_id, code_id, start, end in session.execute(
                select(Coding.coder_id, Coding.transcript_id, Coding.code_id, Coding.start, Coding.end)
                .where(Coding.coder_id.in_(ids))):
            spans[coder_id, transcript_id].append((code_id, start, end))
        paths = {code: tree.path(code) for code in codes}
    of_transcript: dict[int, list[int]] = defaultdict(list)  # its units, in text order
    for i, u in enumerate(units):
        of_transcript[u.transcript_id].append(i)
    found: dict[int, list[set[int]]] = {}
    applied: dict[int, list[set[int]]] = {}
    for transcript_id, indexes in of_transcript.items():
        indexes.sort(key=lambda i: units[i].start)
        ends = [units[i].end for i in indexes]
        for k, coder_id in enumerate(ids):
            for code_id, start, end in spans.get((coder_id, transcript_id), ()):
                counted = under.get(code_id)
                j = bisect.bisect_right(ends, start)  # the first unit ending after the coding starts
                while counted and j < len(indexes) and units[indexes[j]].start < end:
                    found.setdefault(indexes[j], [set() for _ in ids])[k] |= counted
                    applied.setdefault(indexes[j], [set() for _ in ids])[k].add(code_id)
                    j += 1
    coded = [tuple((coder_id, u.transcript_id) in spans for coder_id in ids) for u in units]
    return _Values(units, paths, coded, found, applied)


def agreement(db: Database, coders: list[str], code_path: str | None = None, unit: str = "turn") -> list[AgreementRow]:
    """Per code (with subcodes) and over all codes: units, percent agreement, kappa (two coders), alpha."""
    return compare(db, coders, code_path, unit)[0]


def disagreements(db: Database, coders: list[str], code_path: str | None = None,
                  unit: str = "turn") -> list[Disagreement]:
    """Every unit and code where the coders who coded the transcript did not all decide alike."""
    return compare(db, coders, code_path, unit)[1]


def for_report(db: Database, coders: list[str], code_path: str | None = None,
               unit: str = "turn") -> tuple[list[AgreementRow], list[Disagreement]]:
    """compare, with the names the registry knows masked in the disagreements' texts and interview names:
    for a document that leaves the team."""
    from dataclasses import replace

    from workbench.services.quotes import anonymiser

    figures, found = compare(db, coders, code_path, unit)
    with db.read() as session:
        mask = anonymiser(session)
    return figures, [replace(d, text=mask(d.text), transcript=mask(d.transcript)) for d in found]


def compare(db: Database, coders: list[str], code_path: str | None = None,
            unit: str = "turn") -> tuple[list[AgreementRow], list[Disagreement]]:
    """The agreement figures and the disagreements, from one reading of the codings."""
    values = _values(db, coders, code_path, unit)
    figures = []
    for code, path in [*values.paths.items(), (None, _(OVERALL))]:
        rows = values.tally(code)
        compared = {row: n for row, n in rows.items() if sum(v is not None for v in row) >= 2}  # two coded
        coded = sum(n for row, n in compared.items() if any(v for v in row))
        figures.append(AgreementRow(path, sum(compared.values()), coded, measures.percent_agreement(rows),
                                    measures.kappa(rows) if len(coders) == 2 else None,
                                    measures.krippendorff_alpha(rows)))
    found = []
    for i, codes in values.differing().items():
        u, paths = values.units[i], [values.paths[code] for code in codes]
        mine = values.found[i]
        explained = {path[:at] for path in paths for at in _separators(path)}  # a subcode's row says it
        for code, path in zip(codes, paths):
            if path in explained:
                continue  # the parent differs only because of its subcode
            given = [(name, code in codes_of) for name, coded, codes_of in zip(coders, values.coded[i], mine) if coded]
            found.append(Disagreement(u.transcript, u.turn, u.start, u.end, path,
                                      tuple(n for n, v in given if v), tuple(n for n, v in given if not v), u.text,
                                      u.respondent, u.start_ms))
    return figures, sorted(found, key=lambda d: (d.transcript, d.start, d.code_path))


def _separators(path: str) -> list[int]:
    """Where path's parents end ('A > B > C': after A, after B)."""
    found, at = [], path.find(PATH_SEPARATOR)
    while at >= 0:
        found.append(at)
        at = path.find(PATH_SEPARATOR, at + 1)
    return found
