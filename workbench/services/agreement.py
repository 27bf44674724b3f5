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


def _values(db: Database, coders: list[str], code_path: str | None, unit: str):
    """(units, {code path: rows of one value per coder}, overall rows: each coder's set of codes per unit)."""
    if unit not in UNITS:
        raise WorkbenchError(_("--unit must be one of {items}").format(items=', '.join(UNITS)))
    if len(set(coders)) < 2:
        raise WorkbenchError(_("name at least two different coders"))
    with db.read() as session:
        ids = dict(zip(coders, coder_ids(session, coders)))
        tree = CodeTree(session)
        codes = [tree.get(code_path)] if code_path else [c for c, _ in tree.walk()]
        units = _units(session, unit)
        spans: dict[tuple[int, int], list[tuple[int, int, int]]] = defaultdict(list)  # (coder, transcript)
        for coder_id, transcript_id, code_id, start, end in session.execute(
                select(Coding.coder_id, Coding.transcript_id, Coding.code_id, Coding.start, Coding.end)
                .where(Coding.coder_id.in_(ids.values()))):
            spans[coder_id, transcript_id].append((code_id, start, end))
        subtree = {code: set(tree.subtree(code)) for code in codes}
        paths = {code: tree.path(code) for code in codes}
    # per unit, each coder's codes on it (None: the coder did not code that transcript), found once
    on_unit = [[None if (mine := spans.get((ids[name], u.transcript_id))) is None
                else {c for c, s, e in mine if s < u.end and u.start < e} for name in coders] for u in units]
    table = {paths[code]: [[None if found is None else int(not found.isdisjoint(subtree[code])) for found in row]
                           for row in on_unit] for code in codes}
    considered = set().union(*subtree.values())
    overall = [[None if found is None else frozenset(found & considered) for found in row] for row in on_unit]
    return units, table, overall


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
    units, table, overall = _values(db, coders, code_path, unit)
    figures = []
    for path, rows in [*table.items(), (_(OVERALL), overall)]:
        compared = [row for row in rows if sum(v is not None for v in row) >= 2]  # units at least two coded
        coded = sum(1 for row in compared if any(v for v in row))
        kappa = measures.cohen_kappa([r[0] for r in rows], [r[1] for r in rows]) if len(coders) == 2 else None
        figures.append(AgreementRow(path, len(compared), coded, measures.percent_agreement(rows), kappa,
                                    measures.krippendorff_alpha(rows)))
    differing: dict[int, list[str]] = defaultdict(list)  # unit -> code paths the coders differ on
    for path, rows in table.items():
        for i, row in enumerate(rows):
            if len({v for v in row if v is not None}) > 1:
                differing[i].append(path)
    found = []
    for i, found_paths in differing.items():
        u = units[i]
        for path in found_paths:
            if any(other.startswith(path + PATH_SEPARATOR) for other in found_paths):
                continue  # a subcode's row says it: the parent differs only because of it
            given = [(name, v) for name, v in zip(coders, table[path][i]) if v is not None]
            found.append(Disagreement(u.transcript, u.turn, u.start, u.end, path,
                                      tuple(n for n, v in given if v), tuple(n for n, v in given if not v), u.text,
                                      u.respondent, u.start_ms))
    return figures, sorted(found, key=lambda d: (d.transcript, d.start, d.code_path))
