"""Memos of the study itself: what a project's own notes say, and what a researcher writes about the whole."""

from __future__ import annotations

from sqlalchemy import select

from workbench.core.db import Database
from workbench.core.dto import StudyMemoView
from workbench.core.models import StudyMemo, utcnow
from workbench.errors import WorkbenchError
from workbench.i18n import _
from workbench.services.lookup import coder_named


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
