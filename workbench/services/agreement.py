"""Do coders code alike? Agreement per code on fixed units, and the units they disagree on.

Units are respondent turns (or the sentences in them). A coder's value for a unit and code is
1 when one of their codings of the code (or of a subcode) overlaps the unit, else 0; it is
missing when the coder has no coding at all in that transcript (they did not code it).

The codings are read a transcript at a time (in the order of the transcripts' names): the disagreements
come as they are found, and the figures are tallied per transcript and added up.
"""

from __future__ import annotations

import bisect
from collections import Counter, defaultdict
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field, replace

from sqlalchemy import select

from workbench.core import agreement as measures
from workbench.core.db import Database, driver_rows
from workbench.core.dto import AgreementRow, Disagreement
from workbench.core.models import Coding, Participant, Speaker, Transcript, Turn
from workbench.core.spans import sentences
from workbench.errors import WorkbenchError
from workbench.i18n import N_, _
from workbench.services.lookup import CodeTree, coder_ids

UNITS = ("turn", "sentence")
OVERALL = N_("(all codes)")  # the row over every code (its label in the speaker's language)


@dataclass(frozen=True)
class _Unit:
    turn: int
    start: int
    end: int
    respondent: str
    start_ms: int | None


@dataclass
class _Values:
    """One transcript's units and each coder's codes on them, sparse: most units are coded by nobody with most
    codes."""

    units: list[_Unit]  # in text order
    coded: tuple[bool, ...]  # whether each coder coded the transcript (else their values are missing)
    found: dict[int, list[set[int]]]  # unit -> per coder, the compared codes one of their codings there falls under
    applied: dict[int, list[set[int]]]  # unit -> per coder, the codes of their codings there (of those compared)

    def tally(self, codes: Iterable[int]) -> dict[int | None, Counter[tuple]]:
        """Per code (with its subcodes) the units as rows of one value per coder, 1/0, tallied; under None the
        rows of the sets of codes applied (over all codes). Each unit someone coded is looked at once: which
        coders gave it each code, as bits, counted; the rest have the row of nobody's codes."""
        given: Counter[tuple[int, int]] = Counter()  # (code, the coders who gave it as bits) -> units
        for cells in self.found.values():
            bits: dict[int, int] = {}
            for k, mine in enumerate(cells):
                for code in mine:
                    bits[code] = bits.get(code, 0) | 1 << k
            given.update(bits.items())
        rows: dict[int | None, Counter[tuple]] = {code: Counter() for code in codes}
        held: Counter[int] = Counter()  # a code -> the units a coder gave it
        for (code, who), n in given.items():
            rows[code][tuple((who >> k) & 1 if was else None for k, was in enumerate(self.coded))] += n
            held[code] += n
        for code, found in rows.items():
            found[tuple(0 if was else None for was in self.coded)] += len(self.units) - held[code]
        rows[None] = Counter(tuple(frozenset(mine) if was else None for was, mine in zip(self.coded, cells))
                             for cells in self.applied.values())
        rows[None][tuple(frozenset() if was else None for was in self.coded)] += len(self.units) - len(self.applied)
        return rows

    def differing(self, order: dict[int, int]) -> Iterator[tuple[int, list[int]]]:
        """Each unit (in text order) with the compared codes (in the given order) its coders decided differently
        on; only the coders who coded the transcript decide."""
        if sum(self.coded) < 2:
            return
        for i in sorted(self.found):
            valued = [mine for was, mine in zip(self.coded, self.found[i]) if was]
            differ = set().union(*valued) - set.intersection(*valued)
            if differ:
                yield i, sorted(differ, key=order.__getitem__)


@dataclass
class _Compared:
    coders: list[str]
    ids: list[int]
    paths: dict[int, str]  # the codes compared (with their subcodes), in tree order
    under: dict[int, set[int]]  # a code -> the compared codes it counts for (itself and its parents compared)
    unit: str

    above: dict[int, set[int]] = field(init=False)  # a compared code -> its parents among those compared
    rank: dict[int, int] = field(init=False)  # a compared code -> its place in the order of the paths

    def __post_init__(self) -> None:
        self.above = {code: self.under[code] - {code} for code in self.paths}
        self.rank = {code: n for n, code in enumerate(sorted(self.paths, key=self.paths.__getitem__))}


class Comparison:
    """Two or more coders' codings read a transcript at a time: `disagreements()` (in transcript, unit and code
    order, each as it is found), then `figures()` for the agreement per code from the same reading."""

    def __init__(self, db: Database, coders: list[str], code_path: str | None = None, unit: str = "turn"):
        if unit not in UNITS:
            raise WorkbenchError(_("--unit must be one of {items}").format(items=', '.join(UNITS)))
        if len(set(coders)) < 2:
            raise WorkbenchError(_("name at least two different coders"))
        self.db = db
        with db.read() as session:
            ids = coder_ids(session, coders) or []
            tree = CodeTree(session)
            codes = [tree.get(code_path)] if code_path else [c for c, _ in tree.walk()]
            under: dict[int, set[int]] = defaultdict(set)
            for code in codes:
                for below in tree.subtree(code):
                    under[below].add(code)
            self.compared = _Compared(list(coders), ids, {code: tree.path(code) for code in codes}, dict(under), unit)
        self.tallies: dict[int | None, Counter[tuple]] = {}
        self.tallied = False

    def disagreements(self, tally: bool = True) -> Iterator[Disagreement]:
        """The disagreements as they are found (and the figures tallied on the way, unless told not to)."""
        return self._read(listing=True, tally=tally)

    def figures(self) -> list[AgreementRow]:
        """Units, percent agreement, kappa (two coders) and alpha per code (with subcodes) and over all codes;
        the codings are read first if they were not tallied yet."""
        if not self.tallied:
            for _found in self._read(listing=False, tally=True):
                pass
        two = len(self.compared.coders) == 2
        found = []
        for code, path in [*self.compared.paths.items(), (None, _(OVERALL))]:
            rows = self.tallies[code]
            compared = {row: n for row, n in rows.items() if sum(v is not None for v in row) >= 2}  # two coded
            coded = sum(n for row, n in compared.items() if any(v for v in row))
            found.append(AgreementRow(path, sum(compared.values()), coded, measures.percent_agreement(rows),
                                      measures.kappa(rows) if two else None, measures.krippendorff_alpha(rows)))
        return found

    def _read(self, listing: bool, tally: bool) -> Iterator[Disagreement]:
        compared = self.compared
        tallies: dict[int | None, Counter[tuple]] = {code: Counter() for code in [*compared.paths, None]}
        with self.db.read() as session:
            for transcript_id, name in sorted(session.execute(select(Transcript.id, Transcript.name)).all(),
                                              key=lambda row: row[1]):
                text, values = _values(session, transcript_id, compared)
                if tally:
                    for code, rows in values.tally(compared.paths).items():
                        tallies[code].update(rows)  # added (+= would look at every row it holds again)
                differing = list(values.differing(compared.rank)) if listing else []
                if differing:
                    text = text if text is not None else _text(session, transcript_id)
                    yield from _disagreements(values, differing, compared, name, text)
        if tally:
            self.tallies, self.tallied = {code: +rows for code, rows in tallies.items()}, True  # counts above 0


def _values(session, transcript_id: int, compared: _Compared) -> tuple[str | None, _Values]:
    """The transcript's units and the coders' codes on them (and its text, where units needed it)."""
    turns = list(driver_rows(session, select(Turn.index, Turn.start, Turn.end, Participant.pseudonym, Turn.start_ms)
                             .join(Speaker, Turn.speaker_id == Speaker.id)
                             .join(Participant, Speaker.participant_id == Participant.id)
                             .where(Turn.transcript_id == transcript_id, Participant.role == "respondent")
                             .order_by(Turn.index), 10_000))
    text = None
    if compared.unit == "sentence" and turns:
        text = _text(session, transcript_id)
        units = [_Unit(index, a, b, who, ms) for index, start, end, who, ms in turns
                 for a, b in sentences(text, start, end)]
    else:
        units = [_Unit(*turn) for turn in turns]
    units.sort(key=lambda u: u.start)
    starts, ends = [u.start for u in units], [u.end for u in units]
    position = {coder_id: k for k, coder_id in enumerate(compared.ids)}
    coded = [False] * len(compared.ids)
    found: dict[int, list[set[int]]] = {}
    applied: dict[int, list[set[int]]] = {}
    coding, under, n = Coding.__table__.c, compared.under, len(units)  # table columns, all rows at once: a third less
    for coder_id, code_id, start, end in driver_rows(session, select(
            coding.coder_id, coding.code_id, coding.start, coding.end)
            .where(coding.transcript_id == transcript_id, coding.coder_id.in_(compared.ids)), 10_000):
        k = position[coder_id]
        coded[k] = True
        counted = under.get(code_id)
        if not counted:
            continue
        j = bisect.bisect_right(ends, start)  # the first unit ending after the coding starts
        while j < n and starts[j] < end:
            if j not in found:
                found[j], applied[j] = [set() for _ in position], [set() for _ in position]
            found[j][k] |= counted
            applied[j][k].add(code_id)
            j += 1
    return text, _Values(units, tuple(coded), found, applied)


def _text(session, transcript_id: int) -> str:
    return session.scalar(select(Transcript.text).where(Transcript.id == transcript_id)) or ""


def _disagreements(values: _Values, differing: list[tuple[int, list[int]]], compared: _Compared, transcript: str,
                   text: str) -> Iterator[Disagreement]:
    """The transcript's disagreements (a unit's codes come sorted by path); a parent is left out where one of
    its subcodes differs on the unit (that row says it)."""
    deciding = [(name, k) for k, (name, was) in enumerate(zip(compared.coders, values.coded)) if was]
    for i, codes in differing:
        u, mine = values.units[i], values.found[i]
        explained = set().union(*(compared.above[code] for code in codes))
        words = text[u.start:u.end]
        for code in codes:
            if code in explained:
                continue
            yield Disagreement(transcript, u.turn, u.start, u.end, compared.paths[code],
                               tuple(name for name, k in deciding if code in mine[k]),
                               tuple(name for name, k in deciding if code not in mine[k]), words, u.respondent,
                               u.start_ms)


def agreement(db: Database, coders: list[str], code_path: str | None = None, unit: str = "turn") -> list[AgreementRow]:
    """Per code (with subcodes) and over all codes: units, percent agreement, kappa (two coders), alpha."""
    return Comparison(db, coders, code_path, unit).figures()


def each_disagreement(db: Database, coders: list[str], code_path: str | None = None,
                      unit: str = "turn") -> Iterator[Disagreement]:
    """Every unit and code where the coders who coded the transcript did not all decide alike, as found (the
    coders and code are checked before the first)."""
    return Comparison(db, coders, code_path, unit).disagreements(tally=False)


def disagreements(db: Database, coders: list[str], code_path: str | None = None,
                  unit: str = "turn") -> list[Disagreement]:
    """each_disagreement, as a list."""
    return list(each_disagreement(db, coders, code_path, unit))


def for_report(db: Database, coders: list[str], code_path: str | None = None,
               unit: str = "turn") -> tuple[list[AgreementRow], list[Disagreement]]:
    """compare, with the names the registry knows masked in the disagreements' texts and interview names:
    for a document that leaves the team."""
    from workbench.services.quotes import anonymiser

    figures, found = compare(db, coders, code_path, unit)
    with db.read() as session:
        mask = anonymiser(session)
    return figures, [replace(d, text=mask(d.text), transcript=mask(d.transcript)) for d in found]


def compare(db: Database, coders: list[str], code_path: str | None = None,
            unit: str = "turn") -> tuple[list[AgreementRow], list[Disagreement]]:
    """The agreement figures and the disagreements, from one reading of the codings."""
    comparison = Comparison(db, coders, code_path, unit)
    found = list(comparison.disagreements())
    return comparison.figures(), found
