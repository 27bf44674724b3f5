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
    created: datetime | None = None
    memo: str | None = None
    selection_guid: str | None = None


@dataclass
class RefiSource:
    guid: str
    name: str
    text: str
    codings: list[RefiCoding] = field(default_factory=list)
    memo: str | None = None
    selection_memos: list[tuple[int, int, str]] = field(default_factory=list)  # memos on uncoded spans
    positions: str = CODE_POINTS  # what the file's positions counted (NVivo: UTF-16 code units)


@dataclass
class RefiCase:
    guid: str
    name: str
    variables: dict[str, str] = field(default_factory=dict)
    source_guids: list[str] = field(default_factory=list)


@dataclass
class RefiCodeGroup:
    guid: str
    name: str
    code_guids: list[str] = field(default_factory=list)


@dataclass
class RefiProject:
    name: str
    codebook: Codebook
    users: dict[str, str] = field(default_factory=dict)  # guid -> name
    sources: list[RefiSource] = field(default_factory=list)
    cases: list[RefiCase] = field(default_factory=list)
    sets: dict[str, list[str]] = field(default_factory=dict)  # set name -> source guids
    code_groups: list[RefiCodeGroup] = field(default_factory=list)  # sets of codes
    skipped: list[str] = field(default_factory=list)  # what the file held that is not read
    origin: str = ""  # the tool that wrote it, as the file says
    names_masked: int = 0  # in an export: registered names masked in the sources' text
