"""Do coders code alike? Agreement per code on fixed units, and the units they disagree on.

Units are respondent turns (or the sentences in them). A coder's value for a unit and code is
1 when one of their codings of the code (or of a subcode) overlaps the unit, else 0; it is
missing when the coder has no coding at all in that transcript (they did not code it).
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass

from sqlalchemy import select

from workbench.core import agreement as measures
from workbench.core.db import Database
from workbench.core.dto import AgreementRow, Disagreement
from workbench.core.models import Coder, Coding
from workbench.core.services.lookup import CodeTree, respondent_turns
from workbench.core.spans import sentences
from workbench.errors import WorkbenchError

UNITS = ("turn", "sentence")
OVERALL = "(alle codes)"


@dataclass(frozen=True)
class _Unit:
    transcript_id: int
    transcript: str
    turn: int
    start: int
    end: int
    text: str


def _units(session, unit: str) -> list[_Unit]:
    found = []
    for turn in respondent_turns(session):
        text = turn.transcript_text
        spans = sentences(text, turn.start, turn.end) if unit == "sentence" else [(turn.start, turn.end)]
        found.extend(_Unit(turn.transcript_id, turn.transcript, turn.index, a, b, text[a:b]) for a, b in spans)
    return found


def _values(db: Database, coders: list[str], code_path: str | None, unit: str):
    """(units, codes in tree order, {code: rows of one value per coder})."""
    if unit not in UNITS:
        raise WorkbenchError(f"--unit must be one of {', '.join(UNITS)}")
    if len(set(coders)) < 2:
        raise WorkbenchError("name at least two different coders")
    with db.read() as session:
        known = dict(session.execute(select(Coder.name, Coder.id).where(Coder.name.in_(coders))).all())
        missing = [c for c in coders if c not in known]
        if missing:
            raise WorkbenchError(f"unknown coder '{missing[0]}' (coders are named on their codings)")
        tree = CodeTree(session)
        codes = [tree.get(code_path)] if code_path else [c for c, _ in tree.walk()]
        units = _units(session, unit)
        spans: dict[tuple[int, int], list[tuple[int, int, int]]] = defaultdict(list)  # (coder, transcript)
        for coder_id, transcript_id, code_id, start, end in session.execute(
                select(Coding.coder_id, Coding.transcript_id, Coding.code_id, Coding.start, Coding.end)
                .where(Coding.coder_id.in_(known.values()))):
            spans[coder_id, transcript_id].append((code_id, start, end))
        subtree = {code: set(tree.subtree(code)) for code in codes}
        paths = {code: tree.path(code) for code in codes}
    # per unit, each coder's codes on it (None: the coder did not code that transcript), found once
    on_unit = [[None if (mine := spans.get((known[name], u.transcript_id))) is None
                else {c for c, s, e in mine if s < u.end and u.start < e} for name in coders] for u in units]
    table = {paths[code]: [[None if found is None else int(not found.isdisjoint(subtree[code])) for found in row]
                           for row in on_unit] for code in codes}
    return units, table


def agreement(db: Database, coders: list[str], code_path: str | None = None, unit: str = "turn") -> list[AgreementRow]:
    """Per code (with subcodes) and over all codes: units, percent agreement, kappa (two coders), alpha."""
    return compare(db, coders, code_path, unit)[0]


def disagreements(db: Database, coders: list[str], code_path: str | None = None,
                  unit: str = "turn") -> list[Disagreement]:
    """Every unit and code where the coders who coded the transcript did not all decide alike."""
    return compare(db, coders, code_path, unit)[1]


def compare(db: Database, coders: list[str], code_path: str | None = None,
            unit: str = "turn") -> tuple[list[AgreementRow], list[Disagreement]]:
    """The agreement figures and the disagreements, from one reading of the codings."""
    units, table = _values(db, coders, code_path, unit)
    every = [row for rows in table.values() for row in rows]
    figures = []
    for path, rows in [*table.items(), (OVERALL, every)]:
        coded = sum(1 for row in rows if any(v == 1 for v in row))
        kappa = measures.cohen_kappa([r[0] for r in rows], [r[1] for r in rows]) if len(coders) == 2 else None
        figures.append(AgreementRow(path, len(rows), coded, measures.percent_agreement(rows), kappa,
                                    measures.krippendorff_alpha(rows)))
    found = []
    for path, rows in table.items():
        for u, row in zip(units, rows):
            given = [(name, v) for name, v in zip(coders, row) if v is not None]
            if len({v for _, v in given}) > 1:
                found.append(Disagreement(u.transcript, u.turn, u.start, u.end, path,
                                          tuple(n for n, v in given if v), tuple(n for n, v in given if not v),
                                          u.text))
    return figures, sorted(found, key=lambda d: (d.transcript, d.start, d.code_path))
