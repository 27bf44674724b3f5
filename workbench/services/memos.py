"""Memos: of the study itself (what a project's own notes say, what a researcher writes about the whole), and
every memo of the study in one list (on codings, turns, transcripts and the study)."""

from __future__ import annotations

import bisect
from collections import defaultdict

from sqlalchemy import select

from workbench.core.db import Database
from workbench.core.dto import MemoView, StudyMemoView
from workbench.core.models import Coder, Coding, StudyMemo, Transcript, Turn, utcnow
from workbench.errors import WorkbenchError
from workbench.i18n import _
from workbench.services.lookup import CodeTree, coder_named

PLACES = ("transcript", "turn", "coding")  # at one offset: the transcript's memo, the turn's, then a coding's


def all_memos(db: Database) -> list[MemoView]:
    """Every memo, in transcript order (each where it stands in its transcript), then the study's own."""
    with db.read() as session:
        tree = CodeTree(session)
        names = dict(session.execute(select(Transcript.id, Transcript.name)).all())
        found = [MemoView("transcript", memo, names[tid], 0)
                 for tid, memo in session.execute(select(Transcript.id, Transcript.memo)
                                                  .where(Transcript.memo.is_not(None)))]
        turns: dict[int, list[Turn]] = defaultdict(list)  # the turns of transcripts with a memo in them
        coded = select(Coding.transcript_id).where(Coding.memo.is_not(None))
        for turn in session.scalars(select(Turn).where(Turn.memo.is_not(None) | Turn.transcript_id.in_(coded))
                                    .order_by(Turn.transcript_id, Turn.start)):
            turns[turn.transcript_id].append(turn)
        found += [MemoView("turn", turn.memo, names[tid], turn.start, turn.index, turn.start_ms)
                  for tid, rows in turns.items() for turn in rows if turn.memo]
        starts = {tid: [turn.start for turn in rows] for tid, rows in turns.items()}
        for tid, start, code_id, coder, memo in session.execute(
                select(Coding.transcript_id, Coding.start, Coding.code_id, Coder.name, Coding.memo)
                .join(Coder, Coder.id == Coding.coder_id).where(Coding.memo.is_not(None))):
            rows = turns[tid]
            turn = rows[max(0, bisect.bisect_right(starts[tid], start) - 1)] if rows else None
            found.append(MemoView("coding", memo, names[tid], start, turn and turn.index, turn and turn.start_ms,
                                  tree.path(code_id), coder))
    found.sort(key=lambda m: (m.transcript or "", m.at or 0, PLACES.index(m.kind)))
    return found + [MemoView("study", memo.text, coder=memo.author, title=memo.name) for memo in study_memos(db)]


def study_memos(db: Database) -> list[StudyMemoView]:
    with db.read() as session:
        return [StudyMemoView(m.guid, m.name, m.text, m.author, m.created_at, tuple(m.sets or ()))
                for m in session.scalars(select(StudyMemo).order_by(StudyMemo.created_at, StudyMemo.id))]


def add_study_memo(db: Database, name: str, text: str, author: str) -> str:
    """A new memo of the study; returns its guid."""
    if not name.strip() or not text.strip():
        raise WorkbenchError(_("a memo needs a name and a text"))
    with db.write() as session:
        memo = StudyMemo(name=name.strip(), text=text.strip(), author=coder_named(session, author).name,
                         created_at=utcnow(), sets=[])
        session.add(memo)
        session.flush()
        return memo.guid
