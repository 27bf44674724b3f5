"""Codings one at a time: add (a span or a whole turn), list, memo, delete."""

from __future__ import annotations

import functools
from collections.abc import Sequence
from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.orm import Session

from workbench.core.db import Database
from workbench.core.dto import CodingDeletionView, CodingView
from workbench.core.models import Coder, Coding, CodingDeletion, Transcript, Turn, utcnow
from workbench.core.spans import trim
from workbench.errors import WorkbenchError
from workbench.i18n import N_, _
from workbench.services.codebook import codable_code
from workbench.services.coding_writer import CodingWriter, NewCoding
from workbench.services.lookup import CodeTree, coder_ids, coder_named, transcript_named

UNDOING = {"undo": N_("undo"), "redo": N_("redo")}  # what swap() is doing, as the refusal says it

def add_coding(
    db: Database, coder: str, transcript: str, code_path: str, start: int, end: int,
    memo: str | None = None, origin: str = "manual", create: bool = False,
) -> CodingView:
    """Code the span [start, end) of a transcript (white space at its ends is left out); with create, a
    code that does not exist yet is made first, in the same transaction."""
    with db.write() as session:
        found = transcript_named(session, transcript)
        if start >= end:
            raise WorkbenchError(
                _("span {start}-{end} is empty or reversed: the start comes before the end").format(
                    start=start, end=end
                )
            )
        if not 0 <= start < end <= len(found.text):
            raise WorkbenchError(
                _("span {start}-{end} is outside the transcript (0-{n})").format(
                    start=start, end=end, n=len(found.text)
                )
            )
        start, end = trim(found.text, start, end)
        return _add(session, coder, found, code_path, start, end, memo, origin, create)


def code_turn(db: Database, coder: str, transcript: str, turn_index: int, code_path: str,
              memo: str | None = None) -> CodingView:
    """Code a whole turn."""
    with db.write() as session:
        found, turn = _turn_named(session, transcript, turn_index)
        return _add(session, coder, found, code_path, turn.start, turn.end, memo, "manual")


def _turn_named(session: Session, transcript: str, turn_index: int) -> tuple[Transcript, Turn]:
    found = transcript_named(session, transcript)
    turn = session.scalar(select(Turn).where(Turn.transcript_id == found.id, Turn.index == turn_index))
    if turn is None:
        raise WorkbenchError(_("transcript '{transcript}' has no turn {turn_index}").format(
            transcript=transcript, turn_index=turn_index))
    return found, turn


def _add(session: Session, coder: str, transcript: Transcript, code_path: str, start: int, end: int,
         memo: str | None, origin: str, create: bool = False) -> CodingView:
    code, tree = codable_code(session, code_path, coder, create)
    writer = CodingWriter(session, coder_named(session, coder), texts={transcript.id: transcript.text})
    coding = writer.add(NewCoding(transcript.id, code, start, end, origin, memo=memo))
    return coding_view(coding, transcript.name, tree.path(code.id), writer.coder.name)


@dataclass(frozen=True)
class CodingChange:
    """What one coding action did: the coding it added and the one it removed (either may be None)."""

    added: CodingView | None
    removed: CodingView | None


def change_code(db: Database, coder: str, guid: str, code_path: str, create: bool = False) -> CodingChange:
    """Another code for a coding, in one transaction. The coder's own coding is replaced; someone else's
    stays theirs, and the coder gets a coding of their own on the same span."""
    with db.write() as session:
        coding = _coding(session, guid)
        transcript = session.get(Transcript, coding.transcript_id)
        me = coder_named(session, coder)
        removed = None
        if coding.coder_id == me.id:
            removed = _view(session, coding)
            CodingWriter(session, me).delete([coding.id], "changed code")
        added = _add(session, coder, transcript, code_path, coding.start, coding.end,
                     coding.memo if removed else None, "manual", create)
        return CodingChange(added, removed)


def reshape(db: Database, coder: str, guid: str, start: int, end: int) -> CodingChange:
    """A new span [start, end) for one of the coder's own codings (white space at its ends left out): the same
    coding, GUID, code, memo and time, with the words of its new span. added: as it is now; removed: as it was."""
    with db.write() as session:
        coding = _coding(session, guid)
        me = coder_named(session, coder)
        if coding.coder_id != me.id:
            raise WorkbenchError(_("this coding is {coder}'s: only they can change its span").format(
                coder=session.get(Coder, coding.coder_id).name))
        before = _view(session, coding)
        text = session.get(Transcript, coding.transcript_id).text
        if 0 <= start < end <= len(text):  # else refused by the writer, as it is
            start, end = trim(text, start, end)
        CodingWriter(session, me, texts={coding.transcript_id: text}).reshape(coding, start, end)
        return CodingChange(_view(session, coding), before)


def swap(db: Database, coder: str, drop: CodingView | None, bring: CodingView | None, reason: str,
         create: bool = False) -> CodingChange:
    """Undo or redo one step in one transaction: remove drop, put bring back as it was (same GUID, coder,
    time, memo; create: its code made again if it was removed). Fails whole, with one line, when drop has
    gone or bring is back already."""
    with db.write() as session:
        if drop is not None:
            coding = session.scalar(select(Coding).where(Coding.guid == drop.guid))
            if coding is None:
                raise WorkbenchError(_("'{code_path}' on this text was removed meanwhile: nothing to {reason}").format(
                    code_path=drop.code_path, reason=_(UNDOING[reason])))
            CodingWriter(session, coder_named(session, coder)).delete([coding.id], reason)
        added = None
        if bring is not None:
            if session.scalar(select(Coding.id).where(Coding.guid == bring.guid)) is not None:
                raise WorkbenchError(_("'{code_path}' on this text is back already: nothing to {reason}").format(
                    code_path=bring.code_path, reason=_(UNDOING[reason])))
            transcript = transcript_named(session, bring.transcript)
            code, _created = codable_code(session, bring.code_path, coder, create)
            writer = CodingWriter(session, coder_named(session, bring.coder))
            made = writer.add(NewCoding(transcript.id, code, bring.start, bring.end, bring.origin, memo=bring.memo,
                                        guid=bring.guid, created_at=bring.created_at,
                                        confirmed_by=bring.confirmed_by))
            added = _view(session, made)
        return CodingChange(added, drop)


VIEW_COLUMNS = ("guid", "code_id", "start", "end", "quote", "origin", "memo", "created_at", "picked_by",
                "confirmed_by")


def coding_view(coding, transcript: str, path: str, coder: str) -> CodingView:
    """The view of a coding (an ORM object, or a row of VIEW_COLUMNS)."""
    return CodingView(coding.guid, transcript, path, coding.start, coding.end, coding.quote, coder,
                      coding.origin, coding.memo, coding.created_at, coding.picked_by, coding.confirmed_by)


def list_codings(db: Database, transcript: str | None = None, code_path: str | None = None,
                 coder: str | None = None) -> list[CodingView]:
    """Codings in text order; a code includes its subcodes."""
    with db.read() as session:
        tree = CodeTree(session)
        query = (  # columns, not ORM objects: a transcript may have thousands of codings
            select(*(getattr(Coding, column) for column in VIEW_COLUMNS), Transcript.name.label("transcript"),
                   Coder.name.label("coder"))
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
        path = functools.cache(tree.path)  # each code's path made once, not once per coding; rows in the
        # select's order (VIEW_COLUMNS, then transcript and coder), made into views here: coding_view's reading
        # by name took 0.2 s of 70,000
        return [CodingView(guid, name, path(code_id), start, end, quote, who, origin, memo, created_at, picked_by,
                           confirmed_by)
                for (guid, code_id, start, end, quote, origin, memo, created_at, picked_by, confirmed_by, name, who)
                in session.connection().execute(query)]  # rows as they are: no ORM loading


PREFIX = 8  # the GUID characters `codings list` shows


def _coding(session: Session, guid: str) -> Coding:
    """A coding by its GUID, or by the start of it that `codings list` shows (8 characters or more)."""
    coding = session.scalar(select(Coding).where(Coding.guid == guid))
    if coding is not None:
        return coding
    found = session.scalars(select(Coding).where(Coding.guid.startswith(guid.lower(), autoescape=True))
                            .limit(2)).all() if len(guid) >= PREFIX else []
    if len(found) == 2:
        raise WorkbenchError(_("more than one coding's GUID starts with '{guid}': give more of it").format(guid=guid))
    if not found:
        raise WorkbenchError(_("unknown coding '{guid}'").format(guid=guid) if len(guid) >= PREFIX else
                             _("unknown coding '{guid}' (give its GUID, or its first {n} characters)").format(
                                 guid=guid, n=PREFIX))
    return found[0]


def _view(session: Session, coding: Coding) -> CodingView:
    return coding_view(coding, session.get(Transcript, coding.transcript_id).name,
                       CodeTree(session).path(coding.code_id), session.get(Coder, coding.coder_id).name)


def set_memo(db: Database, guid: str, memo: str | None) -> None:
    with db.write() as session:
        _coding(session, guid).memo = memo or None


def pick(db: Database, coder: str, guid: str, picked: bool = True) -> CodingView:
    """Choose a coding as a report quote (picked False: no longer); anyone may, and who did is kept."""
    with db.write() as session:
        coding = _coding(session, guid)
        coding.picked_by, coding.picked_at = (coder_named(session, coder).name, utcnow()) if picked else (None, None)
        session.flush()
        return _view(session, coding)


def confirm_autocodes(db: Database, coder: str, transcript: str | None = None, code_path: str | None = None,
                      of: str | None = None, guids: Sequence[str] = (), withdraw: bool = False) -> int:
    """Say that autocodes were reviewed and kept (withdraw: no longer), by this coder: those of a transcript, a
    code (with its subcodes), a coder's (of) or given GUIDs; how many changed. Reports can count only reviewed
    codings."""
    with db.write() as session:
        tree = CodeTree(session)
        query = select(Coding).where(Coding.origin == "autocode",
                                     Coding.confirmed_at.is_not(None) if withdraw else Coding.confirmed_at.is_(None))
        if transcript:
            query = query.where(Coding.transcript_id == transcript_named(session, transcript).id)
        if code_path:
            query = query.where(Coding.code_id.in_(tree.subtree(tree.get(code_path))))
        if of:
            query = query.where(Coding.coder_id.in_(coder_ids(session, [of]) or []))
        if guids:
            chosen = [_coding(session, guid) for guid in guids]
            if not_autocodes := [c.guid[:PREFIX] for c in chosen if c.origin != "autocode"]:
                raise WorkbenchError(_("not an autocode: {guids}").format(guids=", ".join(not_autocodes)))
            query = query.where(Coding.id.in_([c.id for c in chosen]))
        found = list(session.scalars(query).all())
        CodingWriter(session, coder_named(session, coder)).confirm(found, None if withdraw else coder.strip())
        return len(found)


def delete_coding(db: Database, coder: str, guid: str, reason: str = "deleted", settle: bool = False) -> CodingView:
    """Remove one's own coding; returns what it was (so it can be put back). Another coder's coding is
    removed only when settling a disagreement (recorded as "settled", their name kept in the history)."""
    with db.write() as session:
        coding = _coding(session, guid)
        view = _view(session, coding)
        if view.coder != coder.strip() and not settle:
            raise WorkbenchError(
                _(
                    "this coding of '{code_path}' is {coder}'s: only they can remove it (or settle the disagreement)"
                ).format(code_path=view.code_path, coder=view.coder)
            )
        CodingWriter(session, coder_named(session, coder)).delete([coding.id], "settled" if settle else reason)
        return view


def coders(db: Database) -> list[str]:
    """Everyone who has codings, by name."""
    with db.read() as session:
        return list(session.scalars(select(Coder.name).where(
            select(Coding.id).where(Coding.coder_id == Coder.id).exists()).order_by(Coder.name)))


def confirm_coder(db: Database, name: str) -> None:
    """Refuse a coder name this study does not know yet (a typo would silently become a new coder)."""
    with db.read() as session:
        known = list(session.scalars(select(Coder.name).order_by(Coder.name)))
    if known and name.strip() not in known:
        raise WorkbenchError(
            _(
                "unknown coder '{name}' (this study's coders: {items}); a new coder says so once with --new-coder"
            ).format(name=name, items=", ".join(known))
        )


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
        _turn_named(session, transcript, turn_index)[1].memo = memo or None


def set_transcript_memo(db: Database, transcript: str, memo: str | None) -> None:
    with db.write() as session:
        transcript_named(session, transcript).memo = memo or None


def deletions(db: Database) -> list[CodingDeletionView]:
    """Every removed coding, oldest first."""
    with db.read() as session:
        return [CodingDeletionView(d.at, d.coding_guid, d.transcript, d.code_path, d.start, d.end, d.quote, d.coded_by,
                                   d.deleted_by, d.reason)
                for d in session.scalars(select(CodingDeletion).order_by(CodingDeletion.id))]
