"""The one place where codings are written, moved between codes, or deleted.

A coding's turn links (coding_turn) are kept here too, so counting stays right.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import delete, insert, or_, select, update
from sqlalchemy.orm import Session

from workbench.core.db import insert_unless_there
from workbench.core.models import (
    Code,
    Coder,
    Coding,
    CodingDeletion,
    CodingTurn,
    Suggestion,
    Transcript,
    Turn,
    new_guid,
    utcnow,
)
from workbench.core.spans import overlapping
from workbench.errors import WorkbenchError
from workbench.i18n import _

ORIGINS = ("manual", "autocode", "suggestion", "import")


def kind_of(origin: str, confirmed_at) -> str:
    """What a report's provenance counts a coding as: its origin, and an autocode a coder kept "confirmed"."""
    return "confirmed" if origin == "autocode" and confirmed_at is not None else origin
TWIN = "merged into a twin"  # a deletion that keeps the coding's decision: its twin carries it
SPAN_KEY = ("transcript_id", "code_id", "coder_id", "start", "end")  # one coding per coder, code and span


@dataclass(frozen=True)
class NewCoding:
    transcript_id: int
    code: Code
    start: int
    end: int
    origin: str
    memo: str | None = None
    guid: str | None = None
    created_at: datetime | None = None
    confirmed_by: str | None = None  # an autocode put back as it was: reviewed and kept by


class CodingWriter:
    def __init__(self, session: Session, coder: Coder, texts: dict[int, str] | None = None):
        self.session = session
        self.coder = coder
        self._texts: dict[int, str] = dict(texts or {})  # transcript texts the caller has at hand
        self._turns: dict[int, tuple[list[tuple[int, int]], list[tuple[int, int]]]] = {}

    def _text(self, transcript_id: int) -> str:
        if transcript_id not in self._texts:
            self._texts[transcript_id] = self.session.scalar(
                select(Transcript.text).where(Transcript.id == transcript_id)
            )
        return self._texts[transcript_id]

    def _turn_spans(self, transcript_id: int):
        """([(start, end)], [(turn id, speaker id)]) of a transcript's turns, in text order."""
        if transcript_id not in self._turns:
            rows = self.session.execute(
                select(Turn.start, Turn.end, Turn.id, Turn.speaker_id)
                .where(Turn.transcript_id == transcript_id)
                .order_by(Turn.start)
            ).all()
            self._turns[transcript_id] = ([(r[0], r[1]) for r in rows], [(r[2], r[3]) for r in rows])
        return self._turns[transcript_id]

    def existing(self, transcript_id: int, code_id: int, start: int, end: int) -> Coding | None:
        """This coder's coding of exactly that code and span, if there is one."""
        return self.session.scalar(select(Coding).where(
            Coding.transcript_id == transcript_id, Coding.code_id == code_id, Coding.coder_id == self.coder.id,
            Coding.start == start, Coding.end == end))

    def add(self, item: NewCoding) -> Coding:
        """Code one span [start, end) of a transcript; the quote is taken from its text.

        Raises AlreadyCoded when this coder has coded exactly this span with this code."""
        inserted = [] if self.existing(item.transcript_id, item.code.id, item.start, item.end) else \
            self._insert([self._row(item)])
        if not inserted:  # coded before, or by another process (PostgreSQL) since we looked
            twin = self.existing(item.transcript_id, item.code.id, item.start, item.end)
            raise AlreadyCoded(twin.guid, _("already coded: '{code}' on this text by {coder}").format(
                code=item.code.name, coder=self.coder.name))
        return self.session.get(Coding, inserted[0])

    def add_many(self, items: list[NewCoding]) -> list[int]:
        """Code many spans in one statement; returns the new codings' ids in order.

        Spans this coder already coded with the code (in the database or earlier in items) are left out."""
        rows = self._new_rows(items)
        return self._insert(rows) if rows else []

    def _insert(self, rows: list[dict]) -> list[int]:
        """Insert the rows and their turn links; a row whose twin another process committed meanwhile (same
        coder, code and span: PostgreSQL runs writers side by side) is left out, not an error."""
        statement = insert_unless_there(self.session, Coding, SPAN_KEY).returning(
            Coding.id, *(getattr(Coding, column) for column in SPAN_KEY))
        made = {tuple(found[1:]): found[0] for found in self.session.execute(statement, rows)}
        ids, links = [], []
        for row in rows:
            coding_id = made.get(tuple(row[column] for column in SPAN_KEY))
            if coding_id is None:
                continue
            ids.append(coding_id)
            links += self._links(row["transcript_id"], coding_id, row["code_id"], self.coder.id, row["start"],
                                 row["end"], kind_of(row["origin"], row["confirmed_at"]))
        if links:
            self.session.execute(insert(CodingTurn), links)
        self._settle(rows, made)
        return ids

    def _settle(self, rows: list[dict], made: dict[tuple, int]) -> None:
        """Pending suggestions of a new coding's code on its words are decided by it (accepted, linked to it):
        coding a suggested span by hand must not leave the suggestion to stop at again."""
        by_code: dict[tuple[int, int], list[dict]] = defaultdict(list)
        for row in rows:
            if tuple(row[column] for column in SPAN_KEY) in made:
                by_code[row["transcript_id"], row["code_id"]].append(row)
        for chunk in _chunks(sorted({transcript_id for transcript_id, _code in by_code})):
            for suggestion in self.session.scalars(select(Suggestion).where(  # this coder's: another's stay theirs
                    Suggestion.transcript_id.in_(chunk), Suggestion.status == "pending",
                    or_(Suggestion.coder_id == self.coder.id, Suggestion.coder_id.is_(None)))):
                row = next((r for r in by_code.get((suggestion.transcript_id, suggestion.code_id), ())
                            if r["start"] < suggestion.end and suggestion.start < r["end"]), None)
                if row is not None:
                    suggestion.status, suggestion.coding_guid = "accepted", row["guid"]
                    suggestion.decided_by_id, suggestion.decided_at = self.coder.id, utcnow()

    def _links(self, transcript_id: int, coding_id: int, code_id: int, coder_id: int, start: int,
               end: int, kind: str) -> list[dict]:
        """The coding_turn rows of a coding: one per turn it overlaps."""
        spans, turns = self._turn_spans(transcript_id)
        overlapped = overlapping(spans, start, end)
        return [dict(coding_id=coding_id, turn_id=turns[i][0], code_id=code_id, speaker_id=turns[i][1],
                     coder_id=coder_id, one_turn=len(overlapped) == 1, kind=kind) for i in overlapped]

    def _new_rows(self, items: list[NewCoding]) -> list[dict]:
        seen: set[tuple[int, int, int, int]] = set()
        for transcript_id in {item.transcript_id for item in items}:
            seen.update(tuple(row) for row in self.session.execute(
                select(Coding.transcript_id, Coding.code_id, Coding.start, Coding.end)
                .where(Coding.transcript_id == transcript_id, Coding.coder_id == self.coder.id)))
        rows = []
        for item in items:
            key = (item.transcript_id, item.code.id, item.start, item.end)
            if key not in seen:
                seen.add(key)
                rows.append(self._row(item))
        return rows

    def _row(self, item: NewCoding) -> dict:
        text = self._text(item.transcript_id)
        _inside(text, item.start, item.end)
        if not item.code.codable:
            raise WorkbenchError(
                _("code '{name}' only groups other codes and cannot be applied").format(name=item.code.name)
            )
        if item.origin not in ORIGINS:
            raise WorkbenchError(_("unknown coding origin '{origin}'").format(origin=item.origin))
        return dict(
            guid=item.guid or new_guid(),
            transcript_id=item.transcript_id,
            code_id=item.code.id,
            coder_id=self.coder.id,
            start=item.start,
            end=item.end,
            quote=text[item.start : item.end],
            origin=item.origin,
            memo=item.memo,
            created_at=item.created_at or utcnow(),
            confirmed_by=item.confirmed_by,
            confirmed_at=utcnow() if item.confirmed_by else None,
        )

    def confirm(self, codings: list[Coding], by: str | None) -> None:
        """Autocodes reviewed and kept by a coder (by None: no longer), their turn links' kind with them."""
        at = utcnow() if by else None
        for coding in codings:
            coding.confirmed_by, coding.confirmed_at = by, at
        for chunk in _chunks([c.id for c in codings]):
            self.session.execute(update(CodingTurn).where(CodingTurn.coding_id.in_(chunk))
                                 .values(kind=kind_of("autocode", at)))

    def relink(self, transcript_id: int) -> None:
        """Recompute the turn links of a transcript's codings (after its turns changed)."""
        self._turns.pop(transcript_id, None)
        self._texts.pop(transcript_id, None)
        codings = self.session.execute(
            select(Coding.id, Coding.start, Coding.end, Coding.code_id, Coding.coder_id, Coding.origin,
                   Coding.confirmed_at).where(Coding.transcript_id == transcript_id)
        ).all()
        self.session.execute(delete(CodingTurn).where(CodingTurn.coding_id.in_([c.id for c in codings])))
        links = [link for c in codings for link in self._links(transcript_id, c.id, c.code_id, c.coder_id, c.start,
                                                               c.end, kind_of(c.origin, c.confirmed_at))]
        if links:
            self.session.execute(insert(CodingTurn), links)

    def move(self, transcript_id: int, moves: list[tuple[Coding, int, int]]) -> int:
        """New spans for codings of one transcript whose text changed (import --replace): span and quote
        from the new text, turn links anew. A coding that lands on a span its coder already has with its
        code is removed instead, its memo joined to the twin's. Returns how many were removed so."""
        self._texts.pop(transcript_id, None)
        text = self._text(transcript_id)
        kept: dict[tuple[int, int, int, int], Coding] = {}
        twins = []
        for coding, start, end in moves:
            twin = kept.setdefault((coding.code_id, coding.coder_id, start, end), coding)
            if twin is not coding:
                if coding.memo:
                    twin.memo = f"{twin.memo}\n{coding.memo}" if twin.memo else coding.memo
                twins.append(coding.id)
        self.delete(twins, TWIN)
        folded = set(twins)
        staying = [(coding, start, end) for coding, start, end in moves if coding.id not in folded]
        for coding, _start, _end in staying:  # out of each other's way first: the unique span index holds throughout
            coding.start, coding.end = -coding.id, -coding.id + 1
        self.session.flush()
        for coding, start, end in staying:
            coding.start, coding.end, coding.quote = start, end, text[start:end]
        self.session.flush()
        self.relink(transcript_id)
        return len(twins)

    def reshape(self, coding: Coding, start: int, end: int) -> None:
        """A new span for a coding of this coder (its quote and turn links follow; its GUID stays).

        Raises AlreadyCoded when the coder has that span coded with that code in another coding."""
        text = self._text(coding.transcript_id)
        _inside(text, start, end)
        twin = self.existing(coding.transcript_id, coding.code_id, start, end)
        if twin is not None and twin.id != coding.id:
            raise AlreadyCoded(twin.guid, _("already coded: '{code}' on this text by {coder}").format(
                code=self.session.get(Code, coding.code_id).name, coder=self.coder.name))
        coding.start, coding.end, coding.quote = start, end, text[start:end]
        self.session.flush()
        self.session.execute(delete(CodingTurn).where(CodingTurn.coding_id == coding.id))
        links = self._links(coding.transcript_id, coding.id, coding.code_id, coding.coder_id, start, end,
                            kind_of(coding.origin, coding.confirmed_at))
        if links:
            self.session.execute(insert(CodingTurn), links)

    def recode(self, coding_ids: list[int], code: Code) -> int:
        """Move codings to another code (merge, split). A coding whose coder has coded the same span with
        that code already is removed instead, its memo joined to the twin's ("merged into a twin").
        Returns how many were removed so."""
        moving = set(coding_ids)
        kept = {(c.transcript_id, c.start, c.end, c.coder_id): c
                for c in self.session.scalars(select(Coding).where(Coding.code_id == code.id)) if c.id not in moving}
        moved, twins = [], []
        for chunk in _chunks(sorted(moving)):
            for coding in self.session.scalars(select(Coding).where(Coding.id.in_(chunk)).order_by(Coding.id)):
                key = (coding.transcript_id, coding.start, coding.end, coding.coder_id)
                twin = kept.setdefault(key, coding)
                if twin is coding:
                    moved.append(coding.id)
                    continue
                if coding.memo:
                    twin.memo = f"{twin.memo}\n{coding.memo}" if twin.memo else coding.memo
                twins.append(coding.id)
        self.delete(twins, TWIN)
        for chunk in _chunks(moved):
            self.session.execute(update(Coding).where(Coding.id.in_(chunk)).values(code_id=code.id))
            self.session.execute(
                update(CodingTurn).where(CodingTurn.coding_id.in_(chunk)).values(code_id=code.id)
            )
        return len(twins)

    def delete(self, coding_ids: list[int], reason: str) -> None:
        """Remove codings, each first written to the deletion history (who, when, why, what it was)."""
        from workbench.services.lookup import CodeTree

        tree = CodeTree(self.session)
        for chunk in _chunks(coding_ids):
            rows = self.session.execute(
                select(Coding, Transcript.name, Coder.name).join(Transcript, Transcript.id == Coding.transcript_id)
                .join(Coder, Coder.id == Coding.coder_id).where(Coding.id.in_(chunk))).all()
            self.session.add_all(
                CodingDeletion(coding_guid=c.guid, transcript=name, code_path=tree.path(c.code_id), start=c.start,
                               end=c.end, quote=c.quote, coded_by=made_by, deleted_by=self.coder.name, reason=reason)
                for c, name, made_by in rows)
            if reason != TWIN:  # a decision undone: the suggestion that made it is pending again
                self.session.execute(update(Suggestion).where(
                    Suggestion.coding_guid.in_([c.guid for c, _name, _by in rows])).values(
                    status="pending", coding_guid=None, decided_by_id=None, decided_at=None))
            self.session.execute(delete(CodingTurn).where(CodingTurn.coding_id.in_(chunk)))
            self.session.execute(delete(Coding).where(Coding.id.in_(chunk)))


class AlreadyCoded(WorkbenchError):
    """The coder has coded exactly this span with this code already."""

    def __init__(self, guid: str, message: str):
        super().__init__(message)
        self.guid = guid


def _inside(text: str, start: int, end: int) -> None:
    if not 0 <= start < end <= len(text):
        raise WorkbenchError(_("span {start}-{end} is outside the transcript (0-{n})").format(
            start=start, end=end, n=len(text)))


def _chunks(ids: list[int], size: int = 500):
    for i in range(0, len(ids), size):
        yield ids[i : i + size]
