"""Codings one at a time: add (a span or a whole turn), list, memo, delete."""

from __future__ import annotations

from sqlalchemy import select
from sqlalchemy.orm import Session

from workbench.core.db import Database
from workbench.core.dto import CodingDeletionView, CodingView
from workbench.core.models import Code, Coder, Coding, CodingDeletion, Transcript, Turn
from workbench.core.services.coding_writer import CodingWriter, NewCoding
from workbench.core.services.lookup import CodeTree, coder_named, transcript_named
from workbench.core.spans import trim
from workbench.errors import WorkbenchError


def add_coding(
    db: Database, coder: str, transcript: str, code_path: str, start: int, end: int,
    memo: str | None = None, origin: str = "manual",
) -> CodingView:
    """Code the span [start, end) of a transcript (white space at its ends is left out)."""
    with db.write() as session:
        found = transcript_named(session, transcript)
        start, end = trim(found.text, max(start, 0), min(end, len(found.text)))
        return _add(session, coder, found, code_path, start, end, memo, origin)


def code_turn(db: Database, coder: str, transcript: str, turn_index: int, code_path: str,
              memo: str | None = None) -> CodingView:
    """Code a whole turn."""
    with db.write() as session:
        found = transcript_named(session, transcript)
        turn = session.scalar(select(Turn).where(Turn.transcript_id == found.id, Turn.index == turn_index))
        if turn is None:
            raise WorkbenchError(f"transcript '{transcript}' has no turn {turn_index}")
        return _add(session, coder, found, code_path, turn.start, turn.end, memo, "manual")


def _add(session: Session, coder: str, transcript: Transcript, code_path: str, start: int, end: int,
         memo: str | None, origin: str) -> CodingView:
    tree = CodeTree(session)
    code = session.get(Code, tree.get(code_path))
    writer = CodingWriter(session, coder_named(session, coder), texts={transcript.id: transcript.text})
    coding = writer.add(NewCoding(transcript.id, code, start, end, origin, memo=memo))
    return coding_view(coding, transcript.name, tree.path(code.id), writer.coder.name)


def coding_view(coding: Coding, transcript: str, path: str, coder: str) -> CodingView:
    return CodingView(coding.guid, transcript, path, coding.start, coding.end, coding.quote, coder,
                      coding.origin, coding.memo, coding.created_at)


def list_codings(db: Database, transcript: str | None = None, code_path: str | None = None,
                 coder: str | None = None) -> list[CodingView]:
    """Codings in text order; a code includes its subcodes."""
    with db.read() as session:
        tree = CodeTree(session)
        query = (
            select(Coding, Transcript.name, Coder.name)
            .join(Transcript, Coding.transcript_id == Transcript.id)
            .join(Coder, Coding.coder_id == Coder.id)
            .order_by(Transcript.name, Coding.start, Coding.end)
        )
        if transcript:
            query = query.where(Coding.transcript_id == transcript_named(session, transcript).id)
        if code_path:
            query = query.where(Coding.code_id.in_(tree.subtree(tree.get(code_path))))
        if coder:
            query = query.where(Coder.name == coder)
        return [coding_view(c, name, tree.path(c.code_id), who) for c, name, who in session.execute(query).all()]


def _coding(session: Session, guid: str) -> Coding:
    coding = session.scalar(select(Coding).where(Coding.guid == guid))
    if coding is None:
        raise WorkbenchError(f"unknown coding '{guid}'")
    return coding


def set_memo(db: Database, guid: str, memo: str | None) -> None:
    with db.write() as session:
        _coding(session, guid).memo = memo or None


def delete_coding(db: Database, coder: str, guid: str, reason: str = "deleted") -> CodingView:
    """Remove a coding; returns what it was (so it can be put back)."""
    with db.write() as session:
        coding = _coding(session, guid)
        tree = CodeTree(session)
        view = coding_view(coding, session.get(Transcript, coding.transcript_id).name, tree.path(coding.code_id),
                     session.get(Coder, coding.coder_id).name)
        CodingWriter(session, coder_named(session, coder)).delete([coding.id], reason)
        return view


def restore_coding(db: Database, view: CodingView) -> CodingView:
    """Put a deleted coding back as it was (same GUID, coder, time, memo): undo of a delete."""
    with db.write() as session:
        transcript = transcript_named(session, view.transcript)
        tree = CodeTree(session)
        code = session.get(Code, tree.get(view.code_path))
        writer = CodingWriter(session, coder_named(session, view.coder))
        coding = writer.add(NewCoding(transcript.id, code, view.start, view.end, view.origin, memo=view.memo,
                                      guid=view.guid, created_at=view.created_at))
        return coding_view(coding, transcript.name, tree.path(code.id), view.coder)


def recent_codes(db: Database, coder: str, limit: int = 8) -> list[str]:
    """The codes this coder applied most recently, newest first."""
    with db.read() as session:
        tree = CodeTree(session)
        rows = session.execute(
            select(Coding.code_id).join(Coder, Coder.id == Coding.coder_id)
            .where(Coder.name == coder).order_by(Coding.created_at.desc(), Coding.id.desc()).limit(200)
        ).scalars()
        return list(dict.fromkeys(tree.path(code_id) for code_id in rows))[:limit]


def set_turn_memo(db: Database, transcript: str, turn_index: int, memo: str | None) -> None:
    with db.write() as session:
        found = transcript_named(session, transcript)
        turn = session.scalar(select(Turn).where(Turn.transcript_id == found.id, Turn.index == turn_index))
        if turn is None:
            raise WorkbenchError(f"transcript '{transcript}' has no turn {turn_index}")
        turn.memo = memo or None


def set_transcript_memo(db: Database, transcript: str, memo: str | None) -> None:
    with db.write() as session:
        transcript_named(session, transcript).memo = memo or None


def deletions(db: Database) -> list[CodingDeletionView]:
    """Every removed coding, oldest first."""
    with db.read() as session:
        return [CodingDeletionView(d.at, d.coding_guid, d.transcript, d.code_path, d.start, d.end, d.quote, d.coded_by,
                                   d.deleted_by, d.reason)
                for d in session.scalars(select(CodingDeletion).order_by(CodingDeletion.id))]
