"""WebVTT cues and voice spans, shared by the two Teams .vtt layouts."""

from __future__ import annotations

import html
import re
from collections.abc import Iterator, Sequence
from dataclasses import dataclass

from workbench.transcripts.clock import CLOCK, parse_clock
from workbench.transcripts.model import Fragment

ARROW = re.compile(rf"^(?P<start>{CLOCK})\s*-->\s*(?P<end>{CLOCK})(?:\s.*)?$")
_VOICE = re.compile(r"^<v(?:\.[^\s>]*)?\s+(?P<speaker>[^>]+)>(?P<text>.*?)(?:</v>)?$", re.DOTALL)
_LABEL = re.compile(r"^(?P<speaker>[^:<>]{1,40}):\s+(?P<text>.+)$", re.DOTALL)
_TAG = re.compile(r"</?[a-zA-Z][^>]*>")
UNKNOWN_SPEAKER = "(onbekend)"


@dataclass(frozen=True)
class Cue:
    cue_id: str | None
    start_ms: int
    end_ms: int
    payload: str


def is_webvtt(lines: Sequence[str]) -> bool:
    first = next((line for line in lines if line.strip()), "")
    return first.strip().startswith("WEBVTT")


def has_voice_tags(lines: Sequence[str]) -> bool:
    return any(line.lstrip().startswith("<v") for line in lines)


def cues(lines: Sequence[str]) -> Iterator[Cue]:
    """Cues from blank-line separated blocks; header, NOTE and STYLE blocks skipped."""
    block: list[str] = []
    for line in [*lines, ""]:
        if line.strip():
            block.append(line.strip())
            continue
        if block:
            cue = _cue(block)
            if cue:
                yield cue
        block = []


def _cue(block: list[str]) -> Cue | None:
    for position, line in enumerate(block[:2]):
        if match := ARROW.match(line):
            cue_id = block[0] if position == 1 else None
            return Cue(
                cue_id,
                parse_clock(match["start"]),
                parse_clock(match["end"]),
                " ".join(block[position + 1 :]),
            )
    return None


def to_fragment(cue: Cue, utterance: str | None = None) -> Fragment | None:
    """The cue's speaker and text (voice tag, or 'Name: text'); None if empty."""
    payload = cue.payload.strip()
    match = _VOICE.match(payload) or _LABEL.match(payload)
    speaker, text = (match["speaker"], match["text"]) if match else (UNKNOWN_SPEAKER, payload)
    text = html.unescape(_TAG.sub("", text)).strip()
    if not text:
        return None
    return Fragment(
        speaker=html.unescape(speaker).strip(),
        text=text,
        start_ms=cue.start_ms,
        end_ms=cue.end_ms,
        cue_id=cue.cue_id,
        utterance=utterance,
    )
