"""Plain data that parsers produce and the import service stores."""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass(frozen=True)
class Fragment:
    """One piece of speech as the file gives it: a cue, a block or a labelled line."""

    speaker: str
    text: str
    start_ms: int | None = None
    end_ms: int | None = None
    cue_id: str | None = None
    utterance: str | None = None  # fragments sharing this key are one utterance


@dataclass
class RawTranscript:
    """What a layout parser returns: fragments in file order plus header metadata."""

    layout: str
    fragments: list[Fragment]
    meta: dict = field(default_factory=dict)
    joiner: str = "\n"  # how consecutive fragments of one speaker are joined
    merge_speakers: bool = True  # consecutive fragments of one speaker become one turn (not in a plain document)
    sort_by_time: bool = False
    apart: list[str] = field(default_factory=list)  # what the file holds that is neither speech nor a speaker
    # label nor a time (cue ids, notes, header and footer lines): the word check leaves these out


@dataclass(frozen=True)
class ParsedTurn:
    index: int
    speaker: str
    start: int
    end: int
    start_ms: int | None
    end_ms: int | None
    cue_ids: tuple[str, ...] = ()


@dataclass(frozen=True)
class ParsedTranscript:
    """A transcript ready to store: canonical text and turns as spans of it."""

    name: str
    layout: str
    text: str
    turns: tuple[ParsedTurn, ...]
    meta: dict
    sha256: str
    source_path: str

    @property
    def speakers(self) -> list[str]:
        return list(dict.fromkeys(turn.speaker for turn in self.turns))

    @property
    def word_count(self) -> int:
        return len(self.text.split())
