"""What a REFI-QDA project holds, as plain data the services turn into database rows."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime

from workbench.core.codebook_file import Codebook
from workbench.interop.positions import CODE_POINTS


@dataclass
class RefiCoding:
    guid: str
    code_guid: str
    start: int  # code points, start inclusive, end exclusive
    end: int
    user_guid: str | None = None
    created: datetime | str | None = None  # written out: also as SQLite reads it, text in UTC
    memo: str | None = None
    selection_guid: str | None = None


Value = tuple[str, str]  # a variable's REFI-QDA type (Text, Boolean, Integer, Float, Date, DateTime) and its value


@dataclass
class RefiSource:
    guid: str
    name: str
    text: str
    codings: list[RefiCoding] = field(default_factory=list)
    memo: str | None = None
    selection_memos: list[tuple[int, int, str]] = field(default_factory=list)  # memos on uncoded spans
    positions: str = CODE_POINTS  # what the file's positions counted (NVivo: UTF-16 code units)
    variables: dict[str, Value] = field(default_factory=dict)


@dataclass
class RefiCase:
    guid: str
    name: str
    variables: dict[str, Value] = field(default_factory=dict)
    source_guids: list[str] = field(default_factory=list)


@dataclass
class RefiMemo:
    """A note of the project itself, or one whose element has no place here: a memo of the study."""

    guid: str
    name: str
    text: str
    user_guid: str | None = None
    created: datetime | None = None
    sets: list[str] = field(default_factory=list)


@dataclass
class RefiProject:
    name: str
    codebook: Codebook
    users: dict[str, str] = field(default_factory=dict)  # guid -> name
    sources: list[RefiSource] = field(default_factory=list)
    cases: list[RefiCase] = field(default_factory=list)
    sets: dict[str, list[str]] = field(default_factory=dict)  # set name -> source guids
    memos: list[RefiMemo] = field(default_factory=list)
    skipped: list[str] = field(default_factory=list)  # what the file held that is not read
    origin: str = ""  # the tool that wrote it, as the file says
    names_masked: int = 0  # in an export: registered names masked in the sources' text
