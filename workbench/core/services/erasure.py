"""The right to erasure: a respondent's words and name out of the study (and named backups).

Their turns' text is overwritten character by character (same length, so every offset, coding
and count of others stays right), their real names (speaker labels, registry aliases) are
masked wherever they occur in any transcript, quote or deletion record, and the suggestions
in their transcripts are dropped (their evidence quotes words). The pseudonym, role, institution and programmes stay, so the study's counts stay.
Afterwards the file is vacuumed and its log truncated, so the old bytes are gone from disk.
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
    return ErasureOutcome(outcome.turns, outcome.names, tuple(str(p) for p in backups))


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
    if db.is_sqlite:  # no old page or log frame keeps the words (outside any transaction)
        raw = db.engine.raw_connection()
        try:
            raw.driver_connection.execute("VACUUM")
            raw.driver_connection.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        finally:
            raw.close()
    return ErasureOutcome(len(turns), len(names), ())
