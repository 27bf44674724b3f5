"""The participants registry: who each speaker is, pseudonyms, institutions, programmes."""

from __future__ import annotations

from collections import defaultdict
from pathlib import Path

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from workbench.core import registry
from workbench.core.db import Database
from workbench.core.dto import ParticipantView, RegistryOutcome, UnassignedSpeaker
from workbench.core.letters import in_letters
from workbench.core.models import (
    Institution,
    Participant,
    Programme,
    Speaker,
    SpeakerAlias,
    Transcript,
    Turn,
)
from workbench.core.registry import RegistryRow
from workbench.errors import WorkbenchError
from workbench.i18n import _
from workbench.services.lookup import named


def read_registry(path: Path) -> list[RegistryRow]:
    """Rows of a participants CSV (comma, semicolon or tab separated; BOM allowed)."""
    try:
        text = path.read_bytes().decode("utf-8-sig")
    except (OSError, UnicodeDecodeError) as exc:
        raise WorkbenchError(_("cannot read as UTF-8 CSV: {exc}").format(exc=exc), where=str(path)) from exc
    try:
        return registry.parse_registry(text)
    except WorkbenchError as exc:
        raise exc.at(str(path)) from exc


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


def _name_institution(session: Session, institution: Institution, row: RegistryRow) -> None:
    """Give the institution the row's pseudonym, unless another institution has it."""
    session.flush()
    other = session.scalar(select(Institution.name).where(Institution.pseudonym == row.institution_pseudonym,
                                                          Institution.id != institution.id))
    if other:
        raise WorkbenchError(_("line {line}: institution pseudonym '{pseudonym}' is that of another institution "
                               "already").format(line=row.line, pseudonym=row.institution_pseudonym))
    institution.pseudonym = row.institution_pseudonym


def institution_labels(session: Session) -> dict[str, str]:
    """Each institution's name -> what reports and exports call it: the registry's pseudonym, else
    'Institution A', 'Institution B', ... (in the order they were registered; letters a pseudonym took are
    skipped)."""
    table = Institution.__table__  # its columns, not the mapped class: a report configures no ORM mapper
    rows = session.execute(select(table.c.name, table.c.pseudonym).order_by(table.c.id)).all()
    taken = {pseudonym for _, pseudonym in rows if pseudonym}
    free = (label for n in range(1, len(rows) + len(taken) + 2)
            if (label := _("Institution {letter}").format(letter=in_letters(n))) not in taken)
    return {name: pseudonym or next(free) for name, pseudonym in rows}


def _store(session: Session, rows: list[RegistryRow]) -> tuple[int, int]:
    """Store registry rows: (participants named, speaker labels)."""
    transcripts = dict(session.execute(select(Transcript.name, Transcript.id)).all())
    known = {(transcript_id, label.casefold()): pseudonym for transcript_id, label, pseudonym in session.execute(
        select(SpeakerAlias.transcript_id, SpeakerAlias.label, Participant.pseudonym)
        .join(Participant, Participant.id == SpeakerAlias.participant_id).where(Participant.role == "interviewer"))}
    rows = registry.name_interviewers(rows, transcripts, known, session.scalars(select(Participant.pseudonym)))
    meant = registry.labels(rows, transcripts)
    found = registry.people(rows)

    participants = {p.pseudonym: p for p in session.scalars(select(Participant))}
    rows_named: dict[tuple[type, str], object] = {}  # each institution and programme looked up once

    def once(model, name: str):
        if (model, name) not in rows_named:
            rows_named[model, name] = named(session, model, name)
        return rows_named[model, name]

    for pseudonym, row in found.items():
        participant = participants.get(pseudonym) or Participant(pseudonym=pseudonym)
        participant.role = row.role
        if row.institution:  # a row without them adds a label; it erases nothing
            participant.institution = once(Institution, row.institution)
            if row.institution_pseudonym and participant.institution.pseudonym != row.institution_pseudonym:
                _name_institution(session, participant.institution, row)
        if row.programmes:
            participant.programmes = [once(Programme, name) for name in row.programmes]
        session.add(participant)
        participants[pseudonym] = participant
    session.flush()

    existing = {(a.transcript_id, a.label.casefold()): a for a in session.scalars(select(SpeakerAlias))}
    for key, row in meant.items():
        alias = existing.get(key) or SpeakerAlias(transcript_id=key[0], label=row.speaker)
        alias.participant_id = participants[row.pseudonym].id
        session.add(alias)
    session.flush()
    return len(found), len(meant)


def resolve_speakers(session: Session) -> None:
    """Point every speaker at its participant (registry.participant_of)."""
    aliases = {
        (transcript_id, label.casefold()): pid
        for transcript_id, label, pid in session.execute(
            select(SpeakerAlias.transcript_id, SpeakerAlias.label, SpeakerAlias.participant_id)
        ).all()
    }
    for speaker in session.scalars(select(Speaker)):
        pid = registry.participant_of(speaker.transcript_id, speaker.label, aliases)
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
                variables=tuple((name, value) for name, (_kind, value) in sorted((p.variables or {}).items())),
            )
            for p in session.scalars(select(Participant).order_by(Participant.role, Participant.pseudonym))
        ]
        return people, _unassigned(session)


def assign_speaker(db: Database, transcript: str | None, label: str, pseudonym: str, role: str,
                   institution: str = "", programmes: tuple[str, ...] = ()) -> None:
    """Add one registry row (as a CSV line would) and resolve speakers again."""
    if role not in registry.ROLES:
        raise WorkbenchError(_("role must be interviewer or respondent, not '{role}'").format(role=role))
    if not label.strip() or not pseudonym.strip():
        raise WorkbenchError(_("a speaker label and a pseudonym are needed"))
    row = RegistryRow(0, transcript or "", " ".join(label.split()), pseudonym.strip(), role,
                      institution.strip(), tuple(p.strip() for p in programmes if p.strip()))
    with db.write() as session:
        _store(session, [row])
        resolve_speakers(session)
