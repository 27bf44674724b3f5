"""The participants registry: who each speaker is, pseudonyms, institutions, programmes."""

from __future__ import annotations

import csv
import io
import itertools
from collections import defaultdict
from dataclasses import dataclass, replace
from pathlib import Path

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from workbench.core.db import Database
from workbench.core.dto import ParticipantView, RegistryOutcome, UnassignedSpeaker
from workbench.core.models import (
    Institution,
    Participant,
    Programme,
    Speaker,
    SpeakerAlias,
    Transcript,
    Turn,
)
from workbench.core.services.lookup import named
from workbench.errors import WorkbenchError

COLUMNS = ("transcript", "speaker", "respondent", "role", "institution", "programme")
ROLES = ("interviewer", "respondent")


@dataclass(frozen=True)
class RegistryRow:
    line: int
    transcript: str
    speaker: str
    pseudonym: str
    role: str
    institution: str
    programmes: tuple[str, ...]


def read_registry(path: Path) -> list[RegistryRow]:
    """Rows of a participants CSV (comma, semicolon or tab separated; BOM allowed)."""
    try:
        text = path.read_bytes().decode("utf-8-sig")
    except (OSError, UnicodeDecodeError) as exc:
        raise WorkbenchError(f"cannot read as UTF-8 CSV: {exc}", where=str(path)) from exc
    try:
        return parse_registry(text)
    except WorkbenchError as exc:
        raise exc.at(str(path)) from exc


def parse_registry(text: str) -> list[RegistryRow]:
    if not text.strip():
        raise WorkbenchError("the CSV is empty")
    first = text.splitlines()[0]
    delimiter = max(",;\t", key=first.count)
    reader = csv.reader(io.StringIO(text), delimiter=delimiter)
    header = [h.strip().lower() for h in next(reader)]
    missing = [c for c in COLUMNS if c not in header]
    if missing:
        raise WorkbenchError(
            f"line 1: missing column(s) {', '.join(missing)} (need {','.join(COLUMNS)})"
        )
    rows = []
    for values in reader:
        line = reader.line_num
        if not any(v.strip() for v in values):
            continue
        record = {h: (values[i].strip() if i < len(values) else "") for i, h in enumerate(header)}
        for column in COLUMNS:  # invisible here, and no report (.docx, .xlsx) could be written with it
            if not record[column].isprintable():
                raise WorkbenchError(f"line {line}: '{column}' holds a control character ({record[column]!r})")
        for column in ("speaker", "role"):
            if not record[column]:
                raise WorkbenchError(f"line {line}: '{column}' is empty")
        role = record["role"].lower()
        if role not in ROLES:
            raise WorkbenchError(f"line {line}: role '{record['role']}' is not interviewer or respondent")
        if not record["respondent"] and role == "respondent":  # an interviewer gets one made up (I1, I2, ...)
            raise WorkbenchError(f"line {line}: 'respondent' is empty (a respondent needs a pseudonym)")
        programmes = tuple(dict.fromkeys(p.strip() for p in record["programme"].split(";") if p.strip()))
        rows.append(
            RegistryRow(line, record["transcript"], " ".join(record["speaker"].split()),
                        record["respondent"], role, record["institution"], programmes)
        )
    return rows


def import_registry(db: Database, path: Path) -> RegistryOutcome:
    rows = read_registry(path)
    try:
        with db.write() as session:
            erased = set(session.scalars(select(Participant.pseudonym).where(Participant.erased_at.is_not(None))))
            participants, aliases = _store(session, [row for row in rows if row.pseudonym not in erased])
            resolve_speakers(session)
            return RegistryOutcome(
                erased_skipped=tuple(sorted({row.pseudonym for row in rows} & erased)),
                participants=participants,
                aliases=aliases,
                assigned_speakers=session.scalar(
                    select(func.count()).select_from(Speaker).where(Speaker.participant_id.is_not(None))
                ),
                unassigned=tuple(_unassigned(session)),
            )
    except WorkbenchError as exc:
        raise exc.at(str(path)) from exc


def _store(session: Session, rows: list[RegistryRow]) -> tuple[int, int]:
    """Store registry rows: (participants named, speaker labels)."""
    transcripts = dict(session.execute(select(Transcript.name, Transcript.id)).all())
    rows = _name_interviewers(session, rows, transcripts)
    people: dict[str, RegistryRow] = {}
    for row in rows:
        if row.transcript and row.transcript not in transcripts:
            raise WorkbenchError(f"{_at(row)}unknown transcript '{row.transcript}'")
        earlier = people.get(row.pseudonym)
        if earlier is None:
            people[row.pseudonym] = row
            continue
        for field, label in (("role", "role"), ("institution", "institution"), ("programmes", "programme")):
            mine, theirs = getattr(row, field), getattr(earlier, field)
            if mine and theirs and mine != theirs:
                raise WorkbenchError(
                    f"line {row.line}: {row.pseudonym} has {label} '{_show(mine)}' here but "
                    f"'{_show(theirs)}' on line {earlier.line}"
                )
            if mine and not theirs:
                people[row.pseudonym] = _merged(earlier, row)

    participants = {p.pseudonym: p for p in session.scalars(select(Participant))}
    for pseudonym, row in people.items():
        participant = participants.get(pseudonym) or Participant(pseudonym=pseudonym)
        participant.role = row.role
        if row.institution:  # a row without them adds a label; it erases nothing
            participant.institution = named(session, Institution, row.institution)
        if row.programmes:
            participant.programmes = [named(session, Programme, name) for name in row.programmes]
        session.add(participant)
        participants[pseudonym] = participant
    session.flush()

    seen: dict[tuple[int | None, str], RegistryRow] = {}
    existing = {(a.transcript_id, a.label.casefold()): a for a in session.scalars(select(SpeakerAlias))}
    for row in rows:
        transcript_id = transcripts[row.transcript] if row.transcript else None
        key = (transcript_id, row.speaker.casefold())
        if key in seen and seen[key].pseudonym != row.pseudonym:
            raise WorkbenchError(
                f"line {row.line}: speaker '{row.speaker}' is {seen[key].pseudonym} on line "
                f"{seen[key].line} and {row.pseudonym} here"
            )
        seen[key] = row
        alias = existing.get(key) or SpeakerAlias(transcript_id=transcript_id, label=row.speaker)
        alias.participant_id = participants[row.pseudonym].id
        session.add(alias)
    session.flush()
    return len(people), len(seen)


def _name_interviewers(session: Session, rows: list[RegistryRow], transcripts: dict[str, int]) -> list[RegistryRow]:
    """Interviewer rows without a pseudonym get one: the one their label already has in the study (or
    earlier in the file), else the first free I1, I2, ...; the same on every import."""
    known = {(transcript_id, label.casefold()): pseudonym for transcript_id, label, pseudonym in session.execute(
        select(SpeakerAlias.transcript_id, SpeakerAlias.label, Participant.pseudonym)
        .join(Participant, Participant.id == SpeakerAlias.participant_id).where(Participant.role == "interviewer"))}
    taken = set(session.scalars(select(Participant.pseudonym))) | {row.pseudonym for row in rows}
    named_rows = []
    for row in rows:
        if not row.pseudonym:
            key = (transcripts.get(row.transcript), row.speaker.casefold())
            pseudonym = known.get(key) or known.get((None, key[1]))
            if pseudonym is None:
                pseudonym = next(f"I{n}" for n in itertools.count(1) if f"I{n}" not in taken)
                taken.add(pseudonym)
            known.setdefault(key, pseudonym)
            row = replace(row, pseudonym=pseudonym)
        named_rows.append(row)
    return named_rows


def _at(row: RegistryRow) -> str:
    return f"line {row.line}: " if row.line else ""


def _show(value) -> str:
    return ";".join(value) if isinstance(value, tuple) else value


def _merged(earlier: RegistryRow, row: RegistryRow) -> RegistryRow:
    return RegistryRow(
        earlier.line, earlier.transcript, earlier.speaker, earlier.pseudonym, earlier.role,
        earlier.institution or row.institution, earlier.programmes or row.programmes,
    )


def resolve_speakers(session: Session) -> None:
    """Point every speaker at its participant: a transcript's own alias wins over a global one."""
    aliases = {
        (transcript_id, label.casefold()): pid
        for transcript_id, label, pid in session.execute(
            select(SpeakerAlias.transcript_id, SpeakerAlias.label, SpeakerAlias.participant_id)
        ).all()
    }
    for speaker in session.scalars(select(Speaker)):
        label = speaker.label.casefold()
        pid = aliases.get((speaker.transcript_id, label), aliases.get((None, label)))
        if speaker.participant_id != pid:
            speaker.participant_id = pid
    session.flush()


def _unassigned(session: Session) -> list[UnassignedSpeaker]:
    rows = session.execute(
        select(Transcript.name, Speaker.label, func.count(Turn.id))
        .join(Speaker, Speaker.transcript_id == Transcript.id)
        .join(Turn, Turn.speaker_id == Speaker.id)
        .where(Speaker.participant_id.is_(None))
        .group_by(Transcript.name, Speaker.label)
        .order_by(Transcript.name, Speaker.label)
    ).all()
    return [UnassignedSpeaker(*row) for row in rows]


def list_participants(db: Database) -> tuple[list[ParticipantView], list[UnassignedSpeaker]]:
    with db.read() as session:
        appears = defaultdict(set)
        for pid, name in session.execute(
            select(Speaker.participant_id, Transcript.name).join(Transcript)
        ).all():
            appears[pid].add(name)
        people = [
            ParticipantView(
                pseudonym=p.pseudonym,
                role=p.role,
                institution=p.institution.name if p.institution else None,
                programmes=tuple(pr.name for pr in p.programmes),
                transcripts=tuple(sorted(appears[p.id])),
            )
            for p in session.scalars(select(Participant).order_by(Participant.role, Participant.pseudonym))
        ]
        return people, _unassigned(session)


def assign_speaker(db: Database, transcript: str | None, label: str, pseudonym: str, role: str,
                   institution: str = "", programmes: tuple[str, ...] = ()) -> None:
    """Add one registry row (as a CSV line would) and resolve speakers again."""
    if role not in ROLES:
        raise WorkbenchError(f"role must be interviewer or respondent, not '{role}'")
    if not label.strip() or not pseudonym.strip():
        raise WorkbenchError("a speaker label and a pseudonym are needed")
    row = RegistryRow(0, transcript or "", " ".join(label.split()), pseudonym.strip(), role,
                      institution.strip(), tuple(p.strip() for p in programmes if p.strip()))
    with db.write() as session:
        _store(session, [row])
        resolve_speakers(session)
