"""The right to erasure: a respondent's words and name out of the study, its automatic backups and
named backups.

Their turns' text is overwritten character by character (same length, so every offset, coding
and count of others stays right); their real names (speaker labels, registry aliases) are masked
(NameHider: other people's words stay word for word) in every transcript, quote, memo, deletion
record, suggestion, study memo, variable, transcript name, file path and header; the suggestions in their
transcripts and the variables of their case are dropped. The pseudonym, role, institution and programmes stay, so the study's counts stay, and a
later registry import stores their names no more.
Afterwards the file is vacuumed and its log truncated, so the old bytes are gone from disk (PostgreSQL:
the tables are rewritten; the server's own log and backups are its administrator's, as the outcome says).
"""

from __future__ import annotations

import re
from pathlib import Path

from sqlalchemy import delete, select

from workbench.core.anonymise import NameHider, masked
from workbench.core.db import Database, resolve_url
from workbench.core.dto import ErasureOutcome
from workbench.core.models import (
    Coding,
    CodingDeletion,
    Participant,
    Speaker,
    SpeakerAlias,
    StudyMemo,
    Suggestion,
    Transcript,
    Turn,
    utcnow,
)
from workbench.core.suggest.lemmas import known_lemmas
from workbench.errors import WorkbenchError
from workbench.i18n import _
from workbench.services.backups import AUTO, folder

ROLE_LABEL = re.compile(r"^(?:[ri]|respondent|interviewer|spreker|speaker|geïnterviewde)\s*\d*$", re.IGNORECASE)
TOUCHED = ("transcript", "turn", "coding", "coding_deletion", "speaker", "speaker_alias", "suggestion")


def erase_respondent(db: Database, pseudonym: str, backups: list[Path] = ()) -> ErasureOutcome:
    """Erase in the study, then in each named backup and each automatic one (each its own transaction)."""
    for path in backups:
        if not path.is_file():
            raise WorkbenchError(_("no such backup file"), where=str(path))
    outcome = _erase(db, pseudonym)
    automatic = sorted(folder(db).glob(f"*-{AUTO}*.sqlite")) if db.is_sqlite and folder(db).is_dir() else []
    for path in [*backups, *(p for p in automatic if p not in backups)]:
        copy = Database(resolve_url(str(path)))
        try:
            _erase(copy, pseudonym)
        except WorkbenchError:
            if path in backups:
                raise
        finally:
            copy.close()
    return ErasureOutcome(outcome.turns, outcome.names, tuple(str(p) for p in backups), outcome.notes,
                          len(automatic))


def _erase(db: Database, pseudonym: str) -> ErasureOutcome:
    with db.write() as session:
        person = session.scalar(select(Participant).where(Participant.pseudonym == pseudonym))
        if person is None or person.role != "respondent":
            raise WorkbenchError(
                _("no respondent '{pseudonym}' (see 'workbench participants list')").format(pseudonym=pseudonym)
            )
        speakers = session.scalars(select(Speaker).where(Speaker.participant_id == person.id)).all()
        aliases = session.scalars(select(SpeakerAlias).where(SpeakerAlias.participant_id == person.id)).all()
        names = {n for n in {s.label for s in speakers} | {a.label for a in aliases}
                 if n != pseudonym and not ROLE_LABEL.match(n)}
        hide = NameHider(names, known_lemmas())
        turns = session.execute(select(Turn.transcript_id, Turn.start, Turn.end)
                                .where(Turn.speaker_id.in_([s.id for s in speakers]))).all()
        spans: dict[int, list[tuple[int, int]]] = {}
        for transcript_id, start, end in turns:
            spans.setdefault(transcript_id, []).append((start, end))
        for transcript in session.scalars(select(Transcript)):
            _erase_in(session, transcript, hide, spans.get(transcript.id, ()))
        for suggestion in session.scalars(select(Suggestion)):
            suggestion.evidence = hide(suggestion.evidence)
        for memo in session.scalars(select(StudyMemo)):
            memo.text, memo.name = hide(memo.text), hide(memo.name)
        for other in session.scalars(select(Participant).where(Participant.id != person.id)):
            other.variables = _hidden(dict(other.variables or {}), hide)
        person.variables = {}  # what another tool kept on their case (age, school, ...) says who they are
        session.execute(delete(Suggestion).where(Suggestion.transcript_id.in_({s.transcript_id for s in speakers})))
        for speaker in speakers:
            speaker.label = pseudonym
        for alias in aliases:
            session.delete(alias)
        session.flush()  # the pseudonym stays its own label everywhere: a registry import keeps the speakers
        session.add(SpeakerAlias(transcript_id=None, label=pseudonym, participant_id=person.id))
        person.erased_at = utcnow()
    return ErasureOutcome(len(turns), len(names), (), _purge(db))


def _erase_in(session, transcript: Transcript, hide: NameHider, own: list[tuple[int, int]]) -> None:
    """Their turns masked whole, their name masked in everything else of one transcript."""
    chars = list(hide(transcript.text))
    for start, end in own:
        chars[start:end] = masked("".join(chars[start:end]))
    transcript.text, old_name = "".join(chars), transcript.name
    transcript.meta = {k: _hidden(v, hide) for k, v in (transcript.meta or {}).items()}
    transcript.memo = transcript.memo and hide(transcript.memo)
    if hide(old_name) != old_name:  # a file name with their name in it
        transcript.name = f"{hide(old_name)} {transcript.guid[:8]}"
    transcript.source_path = transcript.source_path and hide(transcript.source_path)
    for turn in session.scalars(select(Turn).where(Turn.transcript_id == transcript.id, Turn.memo.is_not(None))):
        turn.memo = hide(turn.memo)
    for coding in session.scalars(select(Coding).where(Coding.transcript_id == transcript.id)):
        coding.quote = transcript.text[coding.start : coding.end]
        coding.memo = coding.memo and hide(coding.memo)
    for record in session.scalars(select(CodingDeletion).where(CodingDeletion.transcript == old_name)):
        record.quote = transcript.text[record.start : record.end]
        record.transcript = transcript.name


def _hidden(value, hide: NameHider):
    if isinstance(value, str):
        return hide(value)
    if isinstance(value, list):
        return [_hidden(item, hide) for item in value]
    if isinstance(value, dict):
        return {key: _hidden(item, hide) for key, item in value.items()}
    return value


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
        try:
            with raw.driver_connection.cursor() as cursor:
                cursor.execute(f"VACUUM FULL {', '.join(TOUCHED)}")  # rewrites the tables: dead row versions gone
                try:
                    cursor.execute("CHECKPOINT")
                except Exception:  # noqa: BLE001 - needs the pg_checkpoint role; the server checkpoints by itself
                    pass
        finally:  # back to the pool as it came: in autocommit, the next unit of work would commit statement by statement
            raw.driver_connection.autocommit = False
    finally:
        raw.close()
    return (_("PostgreSQL: the tables were rewritten (VACUUM FULL); the server's write-ahead log, its archive, "
              "base backups and replicas keep the old text until they are recycled or expire: ask whoever runs "
              "the server to rotate them"),)
