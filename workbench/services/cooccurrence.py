"""Which codes occur together: in the same turn, or with the same respondent."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence
from itertools import combinations_with_replacement

from sqlalchemy import select

from workbench.core.db import Database
from workbench.core.dto import CooccurrenceReport
from workbench.core.models import CodingTurn, Participant, Speaker
from workbench.errors import WorkbenchError
from workbench.i18n import _
from workbench.services.counted import Basis, provenance
from workbench.services.lookup import CodeTree, coder_ids

UNITS = ("turn", "respondent")


def cooccurrence(db: Database, unit: str = "respondent", coders: Sequence[str] | None = None,
                 reviewed: bool = False, consensus: bool = False) -> CooccurrenceReport:
    """Counts of units coded with both codes (own codings, respondents' turns only), of the codings a report
    with the same basis counts (see services/counted.py)."""
    if unit not in UNITS:
        raise WorkbenchError(_("--unit must be one of {items}").format(items=', '.join(UNITS)))
    with db.read() as session:
        basis = Basis(coder_ids(session, coders), reviewed, consensus)
        tree = CodeTree(session)
        key = CodingTurn.turn_id if unit == "turn" else Participant.id
        rows = session.execute(
            select(key, CodingTurn.code_id).distinct()
            .join(Speaker, Speaker.id == CodingTurn.speaker_id)
            .join(Participant, Participant.id == Speaker.participant_id)
            .where(Participant.role == "respondent", *basis.on_links(CodingTurn.__table__))
        ).all()
        source = provenance(session, basis)
    codes_of = defaultdict(set)
    for unit_id, code_id in rows:
        codes_of[unit_id].add(code_id)
    used = {code_id for codes in codes_of.values() for code_id in codes}
    order = [code_id for code_id, _ in tree.walk() if code_id in used]
    index = {code_id: i for i, code_id in enumerate(order)}
    counts: dict[tuple[int, int], int] = defaultdict(int)
    for codes in codes_of.values():
        for a, b in combinations_with_replacement(sorted(codes, key=index.get), 2):
            counts[(index[a], index[b])] += 1
            if a != b:
                counts[(index[b], index[a])] += 1
    return CooccurrenceReport(unit, tuple(tree.path(c) for c in order), dict(counts), source)
