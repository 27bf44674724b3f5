"""How often each code occurs, counted the study's way (see core/counting.py)."""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Sequence

from sqlalchemy import distinct, func, select

from workbench.core import counting
from workbench.core.counting import TOTAL, GroupBy, Respondent, Unit
from workbench.core.db import Database
from workbench.core.dto import FrequencyReport, FrequencyRow
from workbench.core.models import (
    CodeTally,
    CodingTurn,
    Institution,
    Participant,
    Programme,
    Speaker,
    Transcript,
    participant_programme,
)
from workbench.errors import WorkbenchError
from workbench.i18n import _
from workbench.services.counted import Basis, provenance, respondent_speakers
from workbench.services.lookup import CodeTree, coder_ids
from workbench.services.participants import institution_labels

# A report reads rows, not objects: its queries name the tables' columns, so that a command's start neither
# configures every ORM mapper nor builds ORM compile states (about 50 ms of `workbench report frequencies`).
_tally, _coding_turn, _institution, _participant, _programme, _speaker, _transcript = (
    model.__table__ for model in (CodeTally, CodingTurn, Institution, Participant, Programme, Speaker, Transcript))


def frequencies(db: Database, unit: str = "respondent", by: str = "programme",
                coders: Sequence[str] | None = None, real_names: bool = False, reviewed: bool = False,
                consensus: bool = False) -> FrequencyReport:
    """Counts per code and group; coders: count only their codings (default: every coder's); reviewed: only
    codings made or reviewed by a person; consensus: only codings another coder's coding of the code overlaps.
    Institutions are named by their pseudonyms, unless real_names (and then the report says so)."""
    try:
        unit_, by_ = Unit(unit), GroupBy(by)
    except ValueError as exc:
        raise WorkbenchError(str(exc)) from exc
    with db.read() as session:
        ids = coder_ids(session, coders)
        basis = Basis(ids, reviewed, consensus)
        tree = CodeTree(session)
        respondents = counted_respondents(session, real_names)
        speaker_of = dict(session.execute(respondent_speakers(_speaker.c.id, _speaker.c.participant_id)).all())
        if basis.filtered:
            counts = _filtered(session, tree, respondents, speaker_of, basis, unit_, by_)
        elif unit_ is Unit.QUOTATION:
            counts = _quotations(session, tree, respondents, speaker_of, ids, by_)
        else:  # the distinct (code, respondent speaker) pairs, from the tally: as many rows as pairs, not codings
            pairs = session.execute(_tallied(select(_tally.c.code_id, _tally.c.speaker_id), ids).distinct()).all()
            occurrences = [(code_id, speaker_of[speaker_id], 0) for code_id, speaker_id in pairs]
            counts = counting.count(tree.parents(), occurrences, respondents, unit_, by_)
        uncounted = session.scalar(  # by index ix_coding_turn_speaker_coding: only unassigned speakers' rows
            select(func.count(distinct(_coding_turn.c.coding_id))).where(
                _coding_turn.c.speaker_id.in_(select(_speaker.c.id).where(_speaker.c.participant_id.is_(None))),
                *basis.on_links(),
            )
        )
        source = provenance(session, basis)
    sizes = counting.group_sizes(respondents.values(), unit_, by_)
    groups = sorted((g for g in sizes if g != TOTAL), key=lambda g: (-sizes[g], g.casefold()))
    columns = [*groups, TOTAL] if by_ is not GroupBy.NONE else [TOTAL]
    rows = tuple(
        FrequencyRow(
            path=tree.path(code_id), code=tree.nodes[code_id].name, depth=depth, group=group,
            count=counts.get((code_id, group), 0), n=sizes.get(group, 0),
        )
        for code_id, depth in tree.walk()
        for group in columns
    )
    notes = []
    if real_names and by_ is GroupBy.INSTITUTION:
        notes.append(_("the institutions are named by their real names: this report is not anonymous"))
    if uncounted:
        notes.append(_("{n} coding(s) on speakers not in the participants registry are not counted")
                     .format(n=uncounted))
    return FrequencyReport(unit_.value, by_.value, tuple(groups), sizes, rows, uncounted, tuple(notes),
                           tuple(coders or ()), source)


def _tallied(query, ids: list[int] | None):
    """A query on code_tally, in its key's order, for respondents' speakers (and the coders, if any)."""
    return query.where(
        _tally.c.speaker_id.in_(respondent_speakers()), *([_tally.c.coder_id.in_(ids)] if ids else [])
    )


def _filtered(session, tree: CodeTree, respondents: dict[int, Respondent], speaker_of: dict[int, int],
              basis: Basis, unit: Unit, by: GroupBy) -> dict[tuple[int, str], int]:
    """Counts of the codings the basis keeps, read from their turn links (the tallies count every coding)."""
    links = session.execute(
        select(_coding_turn.c.code_id, _coding_turn.c.speaker_id, _coding_turn.c.coding_id, _coding_turn.c.one_turn)
        .where(_coding_turn.c.speaker_id.in_(respondent_speakers()),
               *basis.on_links())
    ).all()
    if unit is not Unit.QUOTATION:
        pairs = {(code_id, speaker_of[speaker_id]) for code_id, speaker_id, _id, _one in links}
        return counting.count(tree.parents(), [(code_id, pid, 0) for code_id, pid in pairs], respondents, unit, by)
    tallies: Counter[tuple[int, int]] = Counter(
        (code_id, speaker_of[speaker_id]) for code_id, speaker_id, _id, one_turn in links if one_turn)
    spread = {(code_id, speaker_of[speaker_id], coding_id) for code_id, speaker_id, coding_id, one_turn in links
              if not one_turn}
    return counting.count_quotations(tree.parents(), tallies, list(spread), respondents, by)


def _quotations(session, tree: CodeTree, respondents: dict[int, Respondent], speaker_of: dict[int, int],
                ids: list[int] | None, by: GroupBy) -> dict[tuple[int, str], int]:
    """Codings within one turn as the tally counts them per code and speaker; only codings over several
    turns, few, are read one by one (index ix_coding_turn_one_turn)."""
    tallies, occurrences = respondents_codings(session, speaker_of, ids)
    return counting.count_quotations(tree.parents(), tallies, occurrences, respondents, by)


def respondents_codings(session, speaker_of: dict[int, int], ids: list[int] | None
                        ) -> tuple[Counter[tuple[int, int]], list[tuple[int, int, int]]]:
    """Every coding on respondents' turns (of these coders, if any): those within one turn counted per (code,
    respondent) from the tally, those over several turns as (code, respondent, coding), distinct."""
    tallies: Counter[tuple[int, int]] = Counter()
    for code_id, speaker_id, n in session.execute(
        _tallied(select(_tally.c.code_id, _tally.c.speaker_id, func.sum(_tally.c.one_turn)), ids)
        .group_by(_tally.c.code_id, _tally.c.speaker_id)
    ):
        tallies[(code_id, speaker_of[speaker_id])] += n
    spread = session.execute(
        select(_coding_turn.c.code_id, _coding_turn.c.speaker_id, _coding_turn.c.coding_id)
        .where(~_coding_turn.c.one_turn, _coding_turn.c.speaker_id.in_(respondent_speakers()),
               *([_coding_turn.c.coder_id.in_(ids)] if ids else [])).distinct()
    ).all()
    occurrences = list({(code_id, speaker_of[speaker_id], coding_id) for code_id, speaker_id, coding_id in spread})
    return tallies, occurrences


def counted_respondents(session, real_names: bool = False) -> dict[int, Respondent]:
    """Respondents who speak in at least one transcript, with institution (its pseudonym, unless
    real_names) and programmes."""
    programmes = defaultdict(list)
    for pid, name in session.execute(
        select(participant_programme.c.participant_id, _programme.c.name).select_from(
            participant_programme.join(_programme))
    ).all():
        programmes[pid].append(name)
    rows = session.execute(
        select(_participant.c.id, _institution.c.name)
        .select_from(_participant.outerjoin(_institution))
        .where(
            _participant.c.role == "respondent",
            _participant.c.id.in_(select(_speaker.c.participant_id).where(_speaker.c.participant_id.is_not(None))),
        )
    ).all()
    shown = {} if real_names else institution_labels(session)
    return {pid: Respondent(pid, shown.get(institution, institution), tuple(sorted(programmes[pid])))
            for pid, institution in rows}


def code_totals(db: Database, coders: Sequence[str] | None = None) -> dict[str, tuple[int, int]]:
    """Per code path (with its subcodes): (respondents, quotations) over the whole study."""
    respondents, quotations = (
        {row.path: row.count for row in frequencies(db, unit, "none", coders).rows}
        for unit in ("respondent", "quotation")
    )
    return {path: (count, quotations[path]) for path, count in respondents.items()}
