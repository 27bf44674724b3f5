"""The interview guide in the study: its questions, which turn asks which, and coverage per interview."""

from __future__ import annotations

import functools
from collections import defaultdict
from collections.abc import Iterator
from pathlib import Path

from sqlalchemy import and_, delete, func, or_, select, true
from sqlalchemy.orm import Session

from workbench.core import guide_align
from workbench.core.db import Database
from workbench.core.dto import AnswerView, CoverageRow, GuideOutcome
from workbench.core.guide import GuideQuestion
from workbench.core.models import (
    CodingTurn,
    Participant,
    Programme,
    QuestionNotAsked,
    Speaker,
    Transcript,
    Turn,
    TurnQuestion,
    participant_programme,
)
from workbench.core.models import GuideQuestion as QuestionRow
from workbench.errors import WorkbenchError
from workbench.i18n import _
from workbench.services.lookup import CodeTree, transcript_named
from workbench.transcripts.guide_file import read_guide


def import_guide(db: Database, path: Path) -> GuideOutcome:
    """Store the guide's questions (an existing guide is updated by question id: links to questions kept
    stay) and find them in every transcript: one transaction, so a process stopped halfway changed nothing."""
    guide = read_guide(path)
    titles = {p.number: p for p in guide.parts}
    with db.read() as session:
        links = _links(list(guide.questions), _spoken(session, None))
    with db.write() as session:
        existing = {q.ident: q for q in session.scalars(select(QuestionRow))}
        for position, question in enumerate(guide.questions):
            row = existing.pop(question.id, None) or QuestionRow(ident=question.id)
            part = titles.get(question.part)
            row.part, row.part_title, row.text, row.position = (
                question.part, part.title if part else "", question.text, position)
            row.theme = part.theme if part else None
            session.add(row)
        for gone in existing.values():
            session.delete(gone)
        session.flush()
        found = _store_links(session, links, scoped=False)
    return GuideOutcome(len(guide.parts), len(guide.questions), found)


def guide_questions(db: Database) -> list[GuideQuestion]:
    """The study's guide questions, in the guide's order (none: no guide imported)."""
    with db.read() as session:
        return questions(session)


def questions(session: Session) -> list[GuideQuestion]:
    return [GuideQuestion(q.ident, q.part, q.text)
            for q in session.scalars(select(QuestionRow).order_by(QuestionRow.position))]


def align_questions(db: Database, transcript: str | None = None) -> int:
    """Find the guide's questions in the interviewers' turns (of one transcript, or all); links a coder set
    are kept. Returns how many links were found."""
    with db.read() as session:
        asked = questions(session)
        spoken = _spoken(session, transcript)
    if not asked:
        raise WorkbenchError(_("no interview guide in the study (workbench guide import FILE)"))
    links = _links(asked, spoken)
    with db.write() as session:
        return _store_links(session, links, scoped=transcript is not None)


LEMMAS_HELD = 10_000  # texts whose lemmas are kept while a guide is found: its questions, and askings said again


def _links(asked: list[GuideQuestion], spoken: dict[int, list[guide_align.SpokenTurn]]) -> dict[int, list]:
    """Where each transcript's interviewer asks the guide's questions (by transcript id)."""
    from workbench.core.suggest.pipeline import analyse, pipeline, terms

    nlp = pipeline()

    @functools.lru_cache(maxsize=LEMMAS_HELD)  # the guide's questions are asked of every transcript: read once
    def lemmas(text: str) -> frozenset[str]:
        return frozenset(terms(analyse(nlp.nlp, [text])[0], nlp.stop_words)) - nlp.stop_words

    return {tid: guide_align.align(turns, asked, lemmas) for tid, turns in spoken.items()}


def _store_links(session: Session, links: dict[int, list], scoped: bool) -> int:
    """The links found, in place of those found before (of those transcripts only, when scoped); a coder's
    own links are kept. Returns how many were stored."""
    ids = {q.ident: q.id for q in session.scalars(select(QuestionRow))}
    scope = Turn.transcript_id.in_(list(links)) if scoped else true()  # all: no list of every id
    turn_ids = {(tid, index): turn_id for turn_id, tid, index in session.execute(
        select(Turn.id, Turn.transcript_id, Turn.index).where(scope))}
    set_by_coders = session.execute(select(TurnQuestion.turn_id, Turn.transcript_id, TurnQuestion.question_id)
                                    .join(Turn).where(scope, TurnQuestion.set_by.is_not(None))).all()
    kept = {turn_id for turn_id, _, _ in set_by_coders}  # a coder's word, "none" included, stays
    settled = {(tid, question) for _, tid, question in set_by_coders if question is not None}
    session.execute(delete(TurnQuestion).where(TurnQuestion.set_by.is_(None),
                                               TurnQuestion.turn_id.in_(select(Turn.id).where(scope))))
    count = 0
    for tid, found in links.items():
        for link in found:
            turn_id = turn_ids.get((tid, link.turn))
            if turn_id is not None and turn_id not in kept and (tid, ids[link.question]) not in settled:
                session.add(TurnQuestion(turn_id=turn_id, question_id=ids[link.question], score=link.score,
                                         evidence=link.evidence))
                count += 1
    return count


def _spoken(session: Session, transcript: str | None, transcript_id: int | None = None, words: bool = True
            ) -> dict[int, list[guide_align.SpokenTurn]]:
    """Every turn of the transcript (or of all), by transcript id, with its speaker's role; words False: without
    the turns' text (which turn belongs to which question needs only the order and the roles)."""
    one = [transcript_named(session, transcript).id] if transcript else [transcript_id] if transcript_id else None
    text_of = dict(session.execute(select(Transcript.id, Transcript.text).where(
        *([Transcript.id.in_(one)] if one else []))).all()) if words else {}
    spoken: dict[int, list[guide_align.SpokenTurn]] = defaultdict(list)
    for tid, index, role, start, end in session.execute(
        select(Turn.transcript_id, Turn.index, Participant.role, Turn.start, Turn.end)
        .join(Speaker, Speaker.id == Turn.speaker_id).outerjoin(Participant, Participant.id == Speaker.participant_id)
        .where(*([Turn.transcript_id.in_(one)] if one else [])).order_by(Turn.transcript_id, Turn.index)
    ):
        spoken[tid].append(guide_align.SpokenTurn(index, role, text_of[tid][start:end] if words else ""))
    return spoken


def set_question(db: Database, coder: str, transcript: str, turn_index: int, question: str | None) -> None:
    """A coder says which guide question a turn asks (None: none); kept when questions are found again."""
    with db.write() as session:
        turn = session.scalar(select(Turn).where(Turn.transcript_id == transcript_named(session, transcript).id,
                                                 Turn.index == turn_index))
        if turn is None:
            raise WorkbenchError(
                _("'{transcript}' has no turn {turn_index}").format(transcript=transcript, turn_index=turn_index)
            )
        row = None if question is None else _question(session, question)
        if row is not None:  # asked after all: no longer "not asked"
            session.execute(delete(QuestionNotAsked).where(QuestionNotAsked.transcript_id == turn.transcript_id,
                                                           QuestionNotAsked.question_id == row.id))
        session.execute(delete(TurnQuestion).where(TurnQuestion.turn_id == turn.id))
        session.add(TurnQuestion(turn_id=turn.id, question_id=row.id if row else None, score=None, evidence=None,
                                 set_by=coder))


def _question(session: Session, ident: str) -> QuestionRow:
    row = session.scalar(select(QuestionRow).where(QuestionRow.ident == ident))
    if row is None:
        raise WorkbenchError(_("the guide has no question '{question}' (see 'workbench guide coverage')").format(
            question=ident))
    return row


def set_not_asked(db: Database, coder: str, transcript: str, question: str, not_asked: bool = True) -> None:
    """A coder says an interview did not ask a question (not_asked False: takes that back); coverage then says
    "not asked", not "not found" (asked, maybe, in words the finder did not recognise)."""
    with db.write() as session:
        transcript_id, row = transcript_named(session, transcript).id, _question(session, question)
        session.execute(delete(QuestionNotAsked).where(QuestionNotAsked.transcript_id == transcript_id,
                                                       QuestionNotAsked.question_id == row.id))
        if not_asked:
            session.add(QuestionNotAsked(transcript_id=transcript_id, question_id=row.id, set_by=coder))


def coverage(db: Database, transcript: str | None = None) -> list[CoverageRow]:
    """For every transcript and guide question (with its text): the turn that asked it (found, or set by a coder),
    or None: "not asked" where a coder said so, else "not found"."""
    with db.read() as session:
        where = [Transcript.id == transcript_named(session, transcript).id] if transcript else []
        asked = {(tid, ident): (index, start_ms, score, "set" if set_by else "found")
                 for tid, ident, index, start_ms, score, set_by in session.execute(
            select(Turn.transcript_id, QuestionRow.ident, Turn.index, Turn.start_ms, TurnQuestion.score,
                   TurnQuestion.set_by)
            .join(TurnQuestion, TurnQuestion.turn_id == Turn.id)
            .join(QuestionRow, QuestionRow.id == TurnQuestion.question_id))}
        not_asked = set(session.execute(select(QuestionNotAsked.transcript_id, QuestionRow.ident)
                                        .join(QuestionRow, QuestionRow.id == QuestionNotAsked.question_id)).all())
        names = session.execute(select(Transcript.id, Transcript.name).where(*where).order_by(Transcript.name)).all()
        guide = questions(session)
    if not guide:
        raise WorkbenchError(_("no interview guide in the study (workbench guide import FILE)"))
    return [CoverageRow(name, q.id, *(asked.get((tid, q.id)) or (
        None, None, None, "not asked" if (tid, q.id) in not_asked else "not found")), text=q.text)
            for tid, name in names for q in guide]


def questions_of(session: Session, transcript_id: int) -> tuple[dict[int, str], dict[int, str]]:
    """The questions a transcript's turns ask, and those its respondent turns answer: {turn index: id}."""
    asks = dict(session.execute(
        select(Turn.index, QuestionRow.ident).join(TurnQuestion, TurnQuestion.turn_id == Turn.id)
        .join(QuestionRow, QuestionRow.id == TurnQuestion.question_id).where(Turn.transcript_id == transcript_id)).all())
    if not asks:
        return {}, {}
    turns = _spoken(session, None, transcript_id, words=False)[transcript_id]
    found = [guide_align.QuestionFound(q, index, 1.0, "") for index, q in sorted(asks.items())]
    return asks, guide_align.respondent_questions(turns, found)


def answers(session: Session, question: str) -> dict[int, list[int]]:
    """Per transcript id, the indexes of the respondent turns that answer a guide question (those after
    the turn that asked it, until the next question asked)."""
    found: dict[int, list[int]] = {tid: [] for tid in session.scalars(select(Transcript.id))}
    for tid, index in _answering(session, question, Turn.transcript_id, Turn.index):
        found[tid].append(index)
    return found


def _answering(session: Session, question: str, *columns) -> Iterator:
    """The columns asked for of the respondent turns that answer a question, transcript by transcript in turn
    order: from the turn that asked it (itself too, if a respondent's) to the next turn that asked one. One
    query: each asking turn with the next one in its transcript (a window over the turns' questions), then the
    turns between them by the turns' index (not every turn of the study: 600,000 at 1,000 interviews; nor a
    query per transcript: 1,000 of them took 1 s)."""
    if session.scalar(select(QuestionRow.id).where(QuestionRow.ident == question)) is None:
        raise WorkbenchError(_("the guide has no question '{question}'").format(question=question))
    asking = Turn.__table__.alias("asking")
    links = (select(asking.c.transcript_id, asking.c.index.label("at"), QuestionRow.ident,
                    func.lead(asking.c.index).over(partition_by=asking.c.transcript_id,
                                                   order_by=asking.c.index).label("until"))  # a turn asks one
             .join(TurnQuestion, TurnQuestion.turn_id == asking.c.id)
             .join(QuestionRow, QuestionRow.id == TurnQuestion.question_id).subquery())
    yield from session.execute(
        select(*columns).select_from(Turn)
        .join(links, and_(links.c.transcript_id == Turn.transcript_id, Turn.index >= links.c.at,
                          or_(links.c.until.is_(None), Turn.index < links.c.until)))
        .join(Transcript, Transcript.id == Turn.transcript_id)
        .join(Speaker, Speaker.id == Turn.speaker_id).join(Participant, Participant.id == Speaker.participant_id)
        .where(links.c.ident == question, Participant.role == "respondent")
        .order_by(Turn.transcript_id, Turn.index))


def answer_views(db: Database, question: str) -> list[AnswerView]:
    """Every respondent's answers to a guide question across the study, transcript by transcript."""
    with db.read() as session:
        rows = list(_answering(session, question, Transcript.id, Transcript.name, Turn.index, Turn.start, Turn.end,
                               Turn.start_ms, Participant.id, Participant.pseudonym, Turn.id))
        if not rows:
            return []
        tree = CodeTree(session)
        programmes: dict[int, list[str]] = defaultdict(list)
        for pid, name in session.execute(select(participant_programme.c.participant_id, Programme.name)
                                         .join(Programme)):
            programmes[pid].append(name)
        asked_in = list(dict.fromkeys(row[0] for row in rows))
        text_of = dict(session.execute(select(Transcript.id, Transcript.text).where(Transcript.id.in_(asked_in))).all())
        rows.sort(key=lambda row: (row[1], row[2]))  # transcripts by name
        codes: dict[int, list[int]] = defaultdict(list)  # an answer's turn -> the codes of codings on it
        turn_ids = [row[-1] for row in rows]
        for at in range(0, len(turn_ids), 900):  # the codings' turn links, not every coding of the interviews
            for turn_id, code_id in session.execute(select(CodingTurn.turn_id, CodingTurn.code_id).distinct()
                                                    .where(CodingTurn.turn_id.in_(turn_ids[at:at + 900]))):
                codes[turn_id].append(code_id)
        place = {code_id: i for i, (code_id, _depth) in enumerate(tree.walk())}
        return [AnswerView(name, index, pseudonym, tuple(sorted(programmes[pid])), start_ms, start, end,
                           text_of[tid][start:end], tuple(tree.path(c) for c in sorted(codes[turn_id], key=place.get)))
                for tid, name, index, start, end, start_ms, pid, pseudonym, turn_id in rows]
