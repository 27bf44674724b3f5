"""How often each code occurs, counted the study's way (see core/counting.py)."""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Sequence

from sqlalchemy import distinct, exists, func, select, true

from workbench.core import counting
from workbench.core.counting import TOTAL, GroupBy, Occurrence, Respondent, Unit
from workbench.core.db import Database
from workbench.core.dto import FrequencyReport, FrequencyRow
from workbench.core.models import (
    Code,
    Coding,
    CodingTurn,
    Institution,
    Participant,
    Programme,
    Speaker,
    Transcript,
    participant_programme,
)
from workbench.core.services.lookup import CodeTree, coder_ids
from workbench.core.services.quotes import anonymiser
from workbench.errors import WorkbenchError


def frequencies(db: Database, unit: str = "respondent", by: str = "programme",
                coders: Sequence[str] | None = None) -> FrequencyReport:
    """Counts per code and group; coders: count only their codings (default: every coder's)."""
    try:
        unit_, by_ = Unit(unit), GroupBy(by)
    except ValueError as exc:
        raise WorkbenchError(str(exc)) from exc
    with db.read() as session:
        ids = coder_ids(session, coders)
        by_coder = [CodingTurn.coder_id.in_(ids)] if ids else []
        tree = CodeTree(session)
        respondents = _respondents(session)
        speaker_of = dict(
            session.execute(
                select(Speaker.id, Speaker.participant_id).where(
                    Speaker.participant_id.in_(list(respondents))
                )
            ).all()
        )
        if unit_ is Unit.QUOTATION:
            counts = _quotations(session, tree, respondents, speaker_of, by_coder, by_)
        else:  # one index seek per (code, respondent speaker): cost grows with codes x speakers, not codings
            coded = exists().where(CodingTurn.code_id == Code.id, CodingTurn.speaker_id == Speaker.id, *by_coder)
            pairs = session.execute(
                select(Code.id, Speaker.id).select_from(Code).join(Speaker, true())
                .join(Participant, Participant.id == Speaker.participant_id)
                .where(Participant.role == "respondent", coded)
            ).all()
            occurrences = [Occurrence(code_id, speaker_of[speaker_id], 0)
                           for code_id, speaker_id in pairs if speaker_id in speaker_of]
            counts = counting.count(tree.parents(), occurrences, respondents, unit_, by_)
        uncounted = session.scalar(  # by index ix_coding_turn_speaker_coding: only unassigned speakers' rows
            select(func.count(distinct(CodingTurn.coding_id))).where(
                CodingTurn.speaker_id.in_(select(Speaker.id).where(Speaker.participant_id.is_(None))), *by_coder
            )
        )
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
    if uncounted:
        notes.append(
            f"{uncounted} coding(s) on unassigned speakers are not counted "
            "(see 'workbench participants list')"
        )
    return FrequencyReport(unit_.value, by_.value, tuple(groups), sizes, rows, uncounted, tuple(notes),
                           tuple(coders or ()))


def _quotations(session, tree: CodeTree, respondents: dict[int, Respondent], speaker_of: dict[int, int],
                by_coder: list, by: GroupBy) -> dict[tuple[int, str], int]:
    """Codings within one turn tallied per code and speaker by the database (index ix_coding_turn_one_turn);
    only codings over several turns, few, are read one by one."""
    tallies: Counter[tuple[int, int]] = Counter()
    for code_id, speaker_id, n in session.execute(
        select(CodingTurn.code_id, CodingTurn.speaker_id, func.count())
        .where(CodingTurn.one_turn, *by_coder).group_by(CodingTurn.code_id, CodingTurn.speaker_id)
    ):
        if speaker_id in speaker_of:
            tallies[(code_id, speaker_of[speaker_id])] += n
    spread = session.execute(
        select(CodingTurn.code_id, CodingTurn.speaker_id, CodingTurn.coding_id)
        .where(~CodingTurn.one_turn, *by_coder).distinct()
    ).all()
    occurrences = [Occurrence(code_id, speaker_of[speaker_id], coding_id)
                   for code_id, speaker_id, coding_id in spread if speaker_id in speaker_of]
    return counting.count_quotations(tree.parents(), tallies, occurrences, respondents, by)


def _respondents(session) -> dict[int, Respondent]:
    """Respondents who speak in at least one transcript, with institution and programmes."""
    programmes = defaultdict(list)
    for pid, name in session.execute(
        select(participant_programme.c.participant_id, Programme.name).join(Programme)
    ).all():
        programmes[pid].append(name)
    rows = session.execute(
        select(Participant.id, Institution.name)
        .outerjoin(Institution, Participant.institution_id == Institution.id)
        .where(
            Participant.role == "respondent",
            Participant.id.in_(select(Speaker.participant_id).where(Speaker.participant_id.is_not(None))),
        )
    ).all()
    return {pid: Respondent(pid, institution, tuple(sorted(programmes[pid]))) for pid, institution in rows}


def code_document_table(db: Database) -> tuple[list[str], list[str], dict[tuple[str, str], int]]:
    """Codings per code (own codings) per transcript: (code paths, transcript names as reports show them,
    counts)."""
    with db.read() as session:
        tree = CodeTree(session)
        mask = anonymiser(session)
        shown = {id_: mask.unique_name(name, guid)
                 for id_, name, guid in session.execute(select(Transcript.id, Transcript.name, Transcript.guid))}
        rows = session.execute(
            select(Coding.code_id, Coding.transcript_id, func.count())
            .group_by(Coding.code_id, Coding.transcript_id)
        ).all()
    documents = sorted(shown.values())
    counts = {(tree.path(code_id), shown[transcript_id]): n for code_id, transcript_id, n in rows}
    return [tree.path(code_id) for code_id, _ in tree.walk()], documents, counts


def code_totals(db: Database, coders: Sequence[str] | None = None) -> dict[str, tuple[int, int]]:
    """Per code path (with its subcodes): (respondents, quotations) over the whole study."""
    respondents, quotations = (
        {row.path: row.count for row in frequencies(db, unit, "none", coders).rows}
        for unit in ("respondent", "quotation")
    )
    return {path: (count, quotations[path]) for path, count in respondents.items()}
