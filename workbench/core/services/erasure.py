"""The right to erasure: a respondent's words and name out of the study (and named backups).

Their turns' text is overwritten character by character (same length, so every offset, coding
and count of others stays right), their real names (speaker labels, registry aliases) are
masked wherever they occur in any transcript, quote or deletion record, and the suggestions
in their transcripts are dropped (their evidence quotes words). The pseudonym, role, institution and programmes stay, so the study's counts stay.
Afterwards the file is vacuumed and its log truncated, so the old bytes are gone from disk (PostgreSQL:
the tables are rewritten; the server's own log and backups are its administrator's, as the outcome says).
"""

from __future__ import annotations

import re
from pathlib import Path

from sqlalchemy import delete, select

from workbench.core.db import Database, resolve_url
from workbench.core.dto import ErasureOutcome
from workbench.core.models import (
    Coding,
    CodingDeletion,
    Participant,
    Speaker,
    SpeakerAlias,
    Suggestion,
    Transcript,
    Turn,
)
from workbench.errors import WorkbenchError

MASK = "▒"
ROLE_LABEL = re.compile(r"^(?:[ri]|respondent|interviewer|spreker|speaker|geïnterviewde)\s*\d*$", re.IGNORECASE)


TOUCHED = ("transcript", "turn", "coding", "coding_deletion", "speaker", "speaker_alias", "suggestion")


def _masked(value: str) -> str:
    return re.sub(r"\S", MASK, value)


def erase_respondent(db: Database, pseudonym: str, backups: list[Path] = ()) -> ErasureOutcome:
    """Erase in the study, then in each named backup (each its own transaction)."""
    for path in backups:
        if not path.is_file():
            raise WorkbenchError("no such backup file", where=str(path))
    outcome = _erase(db, pseudonym)
    for path in backups:
        copy = Database(resolve_url(str(path)))
        try:
            _erase(copy, pseudonym)
        finally:
            copy.close()
    return ErasureOutcome(outcome.turns, outcome.names, tuple(str(p) for p in backups), outcome.notes)


def _erase(db: Database, pseudonym: str) -> ErasureOutcome:
    with db.write() as session:
        person = session.scalar(select(Participant).where(Participant.pseudonym == pseudonym))
        if person is None or person.role != "respondent":
            raise WorkbenchError(f"no respondent '{pseudonym}' (see 'workbench participants list')")
        speakers = session.scalars(select(Speaker).where(Speaker.participant_id == person.id)).all()
        aliases = session.scalars(select(SpeakerAlias).where(SpeakerAlias.participant_id == person.id)).all()
        names = {n for n in {s.label for s in speakers} | {a.label for a in aliases}
                 if n != pseudonym and not ROLE_LABEL.match(n)}
        words = sorted({w for name in names for w in re.findall(r"\w{3,}", name)} | names, key=len, reverse=True)
        pattern = re.compile(r"\b(?:" + "|".join(map(re.escape, words)) + r")\b") if words else None
        hide = (lambda value: pattern.sub(lambda m: _masked(m.group()), value)) if pattern else (lambda v: v)
        turns = session.execute(select(Turn.transcript_id, Turn.start, Turn.end)
                                .where(Turn.speaker_id.in_([s.id for s in speakers]))).all()
        spans: dict[int, list[tuple[int, int]]] = {}
        for transcript_id, start, end in turns:
            spans.setdefault(transcript_id, []).append((start, end))
        for transcript in session.scalars(select(Transcript)):
            chars = list(hide(transcript.text))
            for start, end in spans.get(transcript.id, ()):
                chars[start:end] = _masked("".join(chars[start:end]))
            transcript.text = "".join(chars)
            transcript.meta = {k: hide(v) if isinstance(v, str) else v for k, v in (transcript.meta or {}).items()}
            for coding in session.scalars(select(Coding).where(Coding.transcript_id == transcript.id)):
                coding.quote = transcript.text[coding.start : coding.end]
            for record in session.scalars(select(CodingDeletion).where(CodingDeletion.transcript == transcript.name)):
                record.quote = transcript.text[record.start : record.end]
        session.execute(delete(Suggestion).where(Suggestion.transcript_id.in_({s.transcript_id for s in speakers})))
        for speaker in speakers:
            speaker.label = pseudonym
        for alias in aliases:
            session.delete(alias)
    return ErasureOutcome(len(turns), len(names), (), _purge(db))


def _purge(db: Database) -> tuple[str, ...]:
    """No old row version, page or log frame of this database keeps the words (outside any transaction);
    what is beyond the workbench's reach is said."""
    raw = db.engine.raw_connection()
    try:
        if db.is_sqlite:
            raw.driver_connection.execute("VACUUM")
            raw.driver_connection.execute("PRAGMA wal_checkpoint(TRUNCATE)")
            return ()
        raw.driver_connection.autocommit = True
        with raw.driver_connection.cursor() as cursor:
            cursor.execute(f"VACUUM FULL {', '.join(TOUCHED)}")  # rewrites the tables: dead row versions gone
            try:
                cursor.execute("CHECKPOINT")
            except Exception:  # noqa: BLE001 - needs the pg_checkpoint role; the server checkpoints by itself
                pass
    finally:
        raw.close()
    return ("PostgreSQL: the tables were rewritten (VACUUM FULL); the server's write-ahead log, its archive, "
            "base backups and replicas keep the old text until they are recycled or expire: ask whoever runs "
            "the server to rotate them",)
