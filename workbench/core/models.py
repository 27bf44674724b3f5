"""Database tables (SQLAlchemy 2.0 declarative). Never handed to the UI: see dto.py."""

from __future__ import annotations

import uuid
from datetime import datetime, timezone

from sqlalchemy import (
    JSON,
    Boolean,
    Column,
    DateTime,
    Float,
    ForeignKey,
    Index,
    Integer,
    String,
    Table,
    Text,
    UniqueConstraint,
    true,
)
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column, relationship
from sqlalchemy.types import TypeDecorator

from workbench.core.faults import StudyDamaged
from workbench.errors import shown
from workbench.i18n import _


def new_guid() -> str:
    return str(uuid.uuid4())


def utcnow() -> datetime:
    return datetime.now(timezone.utc)


class Base(DeclarativeBase):
    pass


class StudyJSON(TypeDecorator):
    """JSON that, where another program or a damaged file left something else, says the study is damaged (one
    line) instead of a decoder's traceback."""

    impl = JSON
    cache_ok = True

    def result_processor(self, dialect, coltype):
        decode = super().result_processor(dialect, coltype)
        if decode is None:
            return None

        def checked(value):
            try:
                return decode(value)
            except ValueError as exc:
                raise StudyDamaged(_("a value that is no JSON ({value})").format(value=shown(value, 40))) from exc

        return checked


class Transcript(Base):
    """One interview: its canonical text and where it came from."""

    __tablename__ = "transcript"
    id: Mapped[int] = mapped_column(primary_key=True)
    guid: Mapped[str] = mapped_column(String(36), unique=True, default=new_guid)
    name: Mapped[str] = mapped_column(String(255), unique=True)
    source_path: Mapped[str] = mapped_column(Text)
    source_sha256: Mapped[str] = mapped_column(String(64), index=True)
    layout: Mapped[str] = mapped_column(String(40))
    text: Mapped[str] = mapped_column(Text)
    meta: Mapped[dict] = mapped_column(StudyJSON, default=dict)
    recorded_on: Mapped[str | None] = mapped_column(String(40))
    duration_ms: Mapped[int | None]
    word_count: Mapped[int] = mapped_column(Integer, default=0)
    memo: Mapped[str | None] = mapped_column(Text)
    imported_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=utcnow)

    speakers: Mapped[list[Speaker]] = relationship(
        back_populates="transcript", cascade="all, delete-orphan", order_by="Speaker.id"
    )
    turns: Mapped[list[Turn]] = relationship(
        back_populates="transcript", cascade="all, delete-orphan", order_by="Turn.index"
    )


class Speaker(Base):
    """A speaker label as it appears in one transcript, resolved to a participant."""

    __tablename__ = "speaker"
    __table_args__ = (UniqueConstraint("transcript_id", "label"),)
    id: Mapped[int] = mapped_column(primary_key=True)
    transcript_id: Mapped[int] = mapped_column(ForeignKey("transcript.id", ondelete="CASCADE"))
    label: Mapped[str] = mapped_column(String(255))
    participant_id: Mapped[int | None] = mapped_column(
        ForeignKey("participant.id", ondelete="SET NULL"), index=True
    )

    transcript: Mapped[Transcript] = relationship(back_populates="speakers")
    participant: Mapped[Participant | None] = relationship()


class Turn(Base):
    """One speaker's consecutive speech: a span [start, end) of the transcript text."""

    __tablename__ = "turn"
    __table_args__ = (UniqueConstraint("transcript_id", "index"),)
    id: Mapped[int] = mapped_column(primary_key=True)
    transcript_id: Mapped[int] = mapped_column(ForeignKey("transcript.id", ondelete="CASCADE"))
    index: Mapped[int]
    speaker_id: Mapped[int] = mapped_column(ForeignKey("speaker.id", ondelete="CASCADE"), index=True)
    start_ms: Mapped[int | None]
    end_ms: Mapped[int | None]
    start: Mapped[int]
    end: Mapped[int]
    cue_ids: Mapped[list] = mapped_column(StudyJSON, default=list)
    memo: Mapped[str | None] = mapped_column(Text)

    transcript: Mapped[Transcript] = relationship(back_populates="turns")
    speaker: Mapped[Speaker] = relationship()


participant_programme = Table(
    "participant_programme",
    Base.metadata,
    Column("participant_id", ForeignKey("participant.id", ondelete="CASCADE"), primary_key=True),
    Column("programme_id", ForeignKey("programme.id", ondelete="CASCADE"), primary_key=True),
)


class Institution(Base):
    __tablename__ = "institution"
    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(255), unique=True)
    pseudonym: Mapped[str | None] = mapped_column(String(255))  # the registry's; else 'Instelling A', ... by id


class Programme(Base):
    """A programme type (opleidingssoort), e.g. pabo or tweedegraads."""

    __tablename__ = "programme"
    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(255), unique=True)


class Participant(Base):
    """An interviewer or respondent, known by pseudonym in everything shown."""

    __tablename__ = "participant"
    id: Mapped[int] = mapped_column(primary_key=True)
    pseudonym: Mapped[str] = mapped_column(String(255), unique=True)
    role: Mapped[str] = mapped_column(String(20))
    institution_id: Mapped[int | None] = mapped_column(ForeignKey("institution.id"))
    erased_at: Mapped[datetime | None] = mapped_column(DateTime(timezone=True))  # their names are never stored again
    variables: Mapped[dict] = mapped_column(StudyJSON, default=dict, server_default="{}")  # name -> [type, value]

    institution: Mapped[Institution | None] = relationship()
    programmes: Mapped[list[Programme]] = relationship(
        secondary=participant_programme, order_by="Programme.name"
    )


class StudyMemo(Base):
    """A memo of the study itself, not of one transcript, code or coding (a REFI-QDA project's own notes)."""

    __tablename__ = "study_memo"
    id: Mapped[int] = mapped_column(primary_key=True)
    guid: Mapped[str] = mapped_column(String(36), unique=True, default=new_guid)
    name: Mapped[str] = mapped_column(String(255))
    text: Mapped[str] = mapped_column(Text)
    author: Mapped[str | None] = mapped_column(String(255))
    created_at: Mapped[datetime | None] = mapped_column(DateTime(timezone=True))
    sets: Mapped[list] = mapped_column(StudyJSON, default=list, server_default="[]")  # the sets it is a member of


class SpeakerAlias(Base):
    """Registry row: a speaker label (often a real name) that means a participant.

    transcript_id NULL: the label means this participant in every transcript.
    """

    __tablename__ = "speaker_alias"
    __table_args__ = (UniqueConstraint("transcript_id", "label"),)
    id: Mapped[int] = mapped_column(primary_key=True)
    transcript_id: Mapped[int | None] = mapped_column(
        ForeignKey("transcript.id", ondelete="CASCADE")
    )
    label: Mapped[str] = mapped_column(String(255))
    participant_id: Mapped[int] = mapped_column(ForeignKey("participant.id", ondelete="CASCADE"))

    participant: Mapped[Participant] = relationship()


class Code(Base):
    __tablename__ = "code"
    __table_args__ = (UniqueConstraint("parent_id", "name"),)
    id: Mapped[int] = mapped_column(primary_key=True)
    guid: Mapped[str] = mapped_column(String(36), unique=True, default=new_guid)
    name: Mapped[str] = mapped_column(String(255))
    parent_id: Mapped[int | None] = mapped_column(ForeignKey("code.id"), index=True)
    description: Mapped[str] = mapped_column(Text, default="")
    colour: Mapped[str | None] = mapped_column(String(7))
    keywords: Mapped[list] = mapped_column(StudyJSON, default=list)
    patterns: Mapped[list] = mapped_column(StudyJSON, default=list)
    exclusions: Mapped[list | None] = mapped_column(StudyJSON, default=list)  # phrases in which a hit is none
    guide_questions: Mapped[list | None] = mapped_column(StudyJSON, default=list)  # the guide's question ids
    codable: Mapped[bool] = mapped_column(Boolean, default=True)
    position: Mapped[int] = mapped_column(Integer, default=0)


code_group_member = Table(
    "code_group_member",
    Base.metadata,
    Column("group_id", ForeignKey("code_group.id", ondelete="CASCADE"), primary_key=True),
    Column("code_id", ForeignKey("code.id", ondelete="CASCADE"), primary_key=True, index=True),
)


class CodeGroup(Base):
    """Codes from anywhere in the tree under one name (ATLAS.ti's code groups: a REFI-QDA <Set> of codes)."""

    __tablename__ = "code_group"
    id: Mapped[int] = mapped_column(primary_key=True)
    guid: Mapped[str] = mapped_column(String(36), unique=True, default=new_guid)
    name: Mapped[str] = mapped_column(String(255), unique=True)
    description: Mapped[str] = mapped_column(Text, default="", server_default="")
    codes: Mapped[list[Code]] = relationship(secondary=code_group_member)


class Coder(Base):
    __tablename__ = "coder"
    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(255), unique=True)


class Coding(Base):
    """A code applied to a span [start, end) of a transcript's text by a coder."""

    __tablename__ = "coding"
    __table_args__ = (
        Index("ix_coding_transcript_span", "transcript_id", "start", "end"),
        Index("ix_coding_transcript_coder", "transcript_id", "coder_id"),
        Index("ix_coding_coder_created", "coder_id", "created_at", "id"),  # a coder's latest codings (the picker)
        # one coder codes a span with a code once: "already coded" everywhere, even under concurrency
        Index("ux_coding_coder_code_span", "transcript_id", "code_id", "coder_id", "start", "end", unique=True),
    )
    id: Mapped[int] = mapped_column(primary_key=True)
    guid: Mapped[str] = mapped_column(String(36), unique=True, default=new_guid)
    transcript_id: Mapped[int] = mapped_column(ForeignKey("transcript.id", ondelete="CASCADE"))
    code_id: Mapped[int] = mapped_column(ForeignKey("code.id"), index=True)
    coder_id: Mapped[int] = mapped_column(ForeignKey("coder.id"), index=True)
    start: Mapped[int]
    end: Mapped[int]
    quote: Mapped[str] = mapped_column(Text)
    origin: Mapped[str] = mapped_column(String(20))
    memo: Mapped[str | None] = mapped_column(Text)
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=utcnow)
    picked_by: Mapped[str | None] = mapped_column(String(255))  # who chose it as a report quote
    picked_at: Mapped[datetime | None] = mapped_column(DateTime(timezone=True))
    confirmed_by: Mapped[str | None] = mapped_column(String(255))  # who reviewed this autocode and kept it
    confirmed_at: Mapped[datetime | None] = mapped_column(DateTime(timezone=True))


class CodingTurn(Base):
    """Which turns a coding overlaps; code, speaker and coder copied, and whether the coding lies in this one
    turn, so that counts come from indexes (see services/frequencies.py)."""

    __tablename__ = "coding_turn"
    __table_args__ = (
        Index("ix_coding_turn_code_speaker", "code_id", "speaker_id", "coder_id"),
        Index("ix_coding_turn_one_turn", "one_turn", "code_id", "speaker_id", "coder_id"),
        Index("ix_coding_turn_speaker_coding", "speaker_id", "coding_id"),
        Index("ix_coding_turn_turn_coder_code", "turn_id", "coder_id", "code_id"),  # codes by turn: the index alone
    )
    coding_id: Mapped[int] = mapped_column(
        ForeignKey("coding.id", ondelete="CASCADE"), primary_key=True
    )
    turn_id: Mapped[int] = mapped_column(
        ForeignKey("turn.id", ondelete="CASCADE"), primary_key=True
    )
    code_id: Mapped[int] = mapped_column(ForeignKey("code.id"))
    speaker_id: Mapped[int] = mapped_column(ForeignKey("speaker.id", ondelete="CASCADE"))
    coder_id: Mapped[int]
    one_turn: Mapped[bool] = mapped_column(Boolean, server_default=true())
    kind: Mapped[str] = mapped_column(String(20), server_default="manual")  # the coding's: see KindTally


ANY_CODER = 0  # coded_turn_tally's coder for turns coded by anyone
TALLIES = frozenset({"code_tally", "coded_turn_tally", "kind_tally"})  # kept by triggers: a copy of a study leaves them out


class CodeTally(Base):
    """Turn links per code, speaker and coder, and how many of them are one-turn codings: kept by triggers
    on coding_turn (migration 0011), read by the frequencies."""

    __tablename__ = "code_tally"
    __table_args__ = {"sqlite_with_rowid": False}
    code_id: Mapped[int] = mapped_column(ForeignKey("code.id", ondelete="CASCADE"), primary_key=True)
    speaker_id: Mapped[int] = mapped_column(ForeignKey("speaker.id", ondelete="CASCADE"), primary_key=True)
    coder_id: Mapped[int] = mapped_column(primary_key=True)
    links: Mapped[int]
    one_turn: Mapped[int]


class KindTally(Base):
    """Turn links per speaker, coder and kind of coding (its origin; a confirmed autocode: "confirmed"), and how
    many are one-turn codings: kept by triggers on coding_turn (migration 0019), read for a report's provenance."""

    __tablename__ = "kind_tally"
    __table_args__ = {"sqlite_with_rowid": False}
    speaker_id: Mapped[int] = mapped_column(ForeignKey("speaker.id", ondelete="CASCADE"), primary_key=True)
    coder_id: Mapped[int] = mapped_column(primary_key=True)
    kind: Mapped[str] = mapped_column(String(20), primary_key=True)
    links: Mapped[int]
    one_turn: Mapped[int]


class CodedTurnTally(Base):
    """Turns with at least one coding per speaker and coder (ANY_CODER: by anyone): kept by triggers on
    coding_turn (migration 0011), read by the overview."""

    __tablename__ = "coded_turn_tally"
    __table_args__ = {"sqlite_with_rowid": False}
    speaker_id: Mapped[int] = mapped_column(ForeignKey("speaker.id", ondelete="CASCADE"), primary_key=True)
    coder_id: Mapped[int] = mapped_column(primary_key=True)
    turns: Mapped[int]


class GuideQuestion(Base):
    """A question of the interview guide (core/guide.py), in the guide's order."""

    __tablename__ = "guide_question"
    id: Mapped[int] = mapped_column(primary_key=True)
    ident: Mapped[str] = mapped_column(String(32), unique=True)  # as written: "16", "a", "afsluiting"
    part: Mapped[int]
    part_title: Mapped[str] = mapped_column(String(255))
    theme: Mapped[str | None] = mapped_column(String(255))
    text: Mapped[str] = mapped_column(Text)
    position: Mapped[int]


class TurnQuestion(Base):
    """The guide question an interviewer's turn asks: found in speech (set_by None) or set by a coder (who may
    say it asks none: question_id None, so that finding questions again leaves it so)."""

    __tablename__ = "turn_question"
    turn_id: Mapped[int] = mapped_column(ForeignKey("turn.id", ondelete="CASCADE"), primary_key=True)
    question_id: Mapped[int | None] = mapped_column(ForeignKey("guide_question.id", ondelete="CASCADE"), index=True)
    score: Mapped[float | None] = mapped_column(Float)
    evidence: Mapped[str | None] = mapped_column(Text)
    set_by: Mapped[str | None] = mapped_column(String(255))


class QuestionNotAsked(Base):
    """A coder's word that an interview did not ask a guide question (so that coverage tells "not asked" from
    "asked in words the finder did not recognise")."""

    __tablename__ = "question_not_asked"
    transcript_id: Mapped[int] = mapped_column(ForeignKey("transcript.id", ondelete="CASCADE"), primary_key=True)
    question_id: Mapped[int] = mapped_column(ForeignKey("guide_question.id", ondelete="CASCADE"), primary_key=True)
    set_by: Mapped[str] = mapped_column(String(255))
    set_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=utcnow)


class StudyVersion(Base):
    """One row: a number every write raises, so open screens notice changes made elsewhere."""

    __tablename__ = "study_version"
    id: Mapped[int] = mapped_column(primary_key=True)
    number: Mapped[int]


class WriteReceipt(Base):
    """The latest write each open workbench app made, by its number: a write whose connection was lost while it
    was being committed is looked up here once the server is back (it landed, or it did not)."""

    __tablename__ = "write_receipt"
    writer: Mapped[str] = mapped_column(String(64), primary_key=True)
    ticket: Mapped[int]


class CodebookChange(Base):
    """History: who changed the codebook, when, and how."""

    __tablename__ = "codebook_change"
    id: Mapped[int] = mapped_column(primary_key=True)
    at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=utcnow)
    coder: Mapped[str] = mapped_column(String(255))
    action: Mapped[str] = mapped_column(String(20))
    code_guid: Mapped[str] = mapped_column(String(36), index=True)
    detail: Mapped[dict] = mapped_column(StudyJSON, default=dict)


class Suggestion(Base):
    """A code the suggester proposed for a span, and what a coder decided (kept for the audit)."""

    __tablename__ = "suggestion"
    __table_args__ = (Index("ix_suggestion_transcript_status", "transcript_id", "status"),)
    id: Mapped[int] = mapped_column(primary_key=True)
    transcript_id: Mapped[int] = mapped_column(ForeignKey("transcript.id", ondelete="CASCADE"))
    turn_index: Mapped[int]
    code_id: Mapped[int] = mapped_column(ForeignKey("code.id", ondelete="CASCADE"))
    start: Mapped[int]
    end: Mapped[int]
    score: Mapped[float] = mapped_column(Float)  # relative: 1.0 for the best code of its turn
    raw_score: Mapped[float | None] = mapped_column(Float)  # the model's own (None: suggested before 0009)
    method: Mapped[str] = mapped_column(String(40))
    evidence: Mapped[str] = mapped_column(Text)
    model_version: Mapped[str] = mapped_column(String(120))
    status: Mapped[str] = mapped_column(String(10), default="pending")  # pending | accepted | rejected
    decided_by_id: Mapped[int | None] = mapped_column(ForeignKey("coder.id"))
    decided_at: Mapped[datetime | None] = mapped_column(DateTime(timezone=True))
    coding_guid: Mapped[str | None] = mapped_column(String(36))  # the coding an acceptance made
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=utcnow)
    coder_id: Mapped[int | None] = mapped_column(ForeignKey("coder.id"), index=True)  # whose (None: anyone's)


class CodingDeletion(Base):
    """A coding that was removed: what it was, who removed it, when and why (for the audit)."""

    __tablename__ = "coding_deletion"
    id: Mapped[int] = mapped_column(primary_key=True)
    coding_guid: Mapped[str] = mapped_column(String(36), index=True)
    transcript: Mapped[str] = mapped_column(String(255))
    code_path: Mapped[str] = mapped_column(Text)
    start: Mapped[int]
    end: Mapped[int]
    quote: Mapped[str] = mapped_column(Text)
    coded_by: Mapped[str] = mapped_column(String(255))
    deleted_by: Mapped[str] = mapped_column(String(255))
    reason: Mapped[str] = mapped_column(String(40))
    at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=utcnow)
