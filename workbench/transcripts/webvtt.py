"""Cue files (WebVTT and SRT): cues with their ids, times and payload lines, and the voices in a payload.

Read as the WebVTT parser reads them, forgiving what real files do: a line of spaces inside a cue
(Google Meet) does not end it, a timing line right after cue text starts the next cue (the line before
it is that cue's id when it is a number or stands after a line of spaces), and text after a stray blank
line belongs to the cue before it. NOTE, STYLE and REGION blocks and the header are kept apart."""

from __future__ import annotations

import dataclasses
import functools
import html
import re
from collections import Counter
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field

from workbench.errors import WorkbenchError
from workbench.i18n import _
from workbench.transcripts.clock import CLOCK, parse_clock
from workbench.transcripts.labels import speaker_labels, unknown_speaker
from workbench.transcripts.model import Fragment

ARROW = re.compile(rf"^(?P<start>{CLOCK})\s*-->\s*(?P<end>{CLOCK})(?:\s.*)?$")
_BLOCK = re.compile(r"^(?:NOTE|STYLE|REGION)(?:\s|$)")
_ID = re.compile(r"^(?:[0-9]{1,9}|[^\s/]+/[0-9]+-[0-9]+)$")  # a cue number, or a Teams cue id
_VOICE = re.compile(r"<v(?:\.[^\s>]*)?(?:\s+(?P<speaker>[^>]*))?>")
TAG = re.compile(r"</?[a-zA-Z][^>]*>|<\d[\d:.,]*>")  # class, voice, style and inline timestamp tags


@dataclass(frozen=True)
class Cue:
    cue_id: str | None
    start_ms: int | None  # None: text before the first timing line
    end_ms: int | None
    lines: tuple[str, ...]  # payload lines, stripped; lines of spaces left out


@dataclass
class CueFile:
    cues: list[Cue] = field(default_factory=list)
    header: list[str] = field(default_factory=list)  # the WEBVTT line and what follows it in its block
    apart: list[str] = field(default_factory=list)  # NOTE, STYLE and REGION blocks; cue ids


def is_webvtt(lines: Sequence[str]) -> bool:
    first = next((line for line in lines if line.strip()), "")
    return first.strip().startswith("WEBVTT")


def has_voice_tags(lines: Sequence[str]) -> bool:
    return any("<v" in line and line.lstrip().startswith("<v") for line in lines)


def has_cues(lines: Sequence[str]) -> bool:
    return any("-->" in line and ARROW.match(line.strip()) for line in lines)


def read_cues(lines: Sequence[str]) -> CueFile:
    """Every cue of a WebVTT or SRT file, and what is not a cue; times that are no times raise ClockError."""
    return _read_cues(tuple(lines))


@functools.lru_cache(maxsize=1)  # several layouts ask of the same lines while detection tries them
def _read_cues(lines: tuple[str, ...]) -> CueFile:
    found = CueFile()
    blocks = _blocks(lines)
    if blocks and blocks[0][0][1].startswith("WEBVTT"):
        header = blocks[0]
        starts = _starts(header)
        end = _id_at(header, starts[0]) if starts else len(header)
        found.header = [text for _, text in header[:end] if text]
        blocks[0] = header[end:]
    for block in blocks:
        if block:
            _read_block(block, found)
    return found


def _starts(block: list[tuple[int, str]]) -> list[int]:
    return [k for k, (_, text) in enumerate(block) if ARROW.match(text)]


def _blocks(lines: Sequence[str]) -> list[list[tuple[int, str]]]:
    """Runs of lines between empty lines, as (line number, stripped text); a line of spaces is kept as ''."""
    blocks: list[list[tuple[int, str]]] = []
    current: list[tuple[int, str]] = []
    for number, line in enumerate(lines, start=1):
        if line == "":
            if current:
                blocks.append(current)
            current = []
        else:
            current.append((number, line.strip()))
    if current:
        blocks.append(current)
    return [_trimmed(block) for block in blocks if any(text for _, text in block)]


def _trimmed(block: list[tuple[int, str]]) -> list[tuple[int, str]]:
    texts = [k for k, (_, text) in enumerate(block) if text]
    return block[texts[0] : texts[-1] + 1]


def _read_block(block: list[tuple[int, str]], found: CueFile) -> None:
    for number, text in block:
        if "-->" in text and not ARROW.match(text):
            raise WorkbenchError(_("line {line}: {text!r} is no timing line ('00:00:01.000 --> 00:00:02.000')").format(
                line=number, text=text[:80]))
    starts = _starts(block)
    if _BLOCK.match(block[0][1]) and (not starts or starts[0] > 1):
        end = _id_at(block, starts[0]) if starts else len(block)
        found.apart.extend(text for _, text in block[:end] if text)
        block = block[end:]
        starts = _starts(block)
        if not block:
            return
    lead = _id_at(block, starts[0]) if starts else len(block)
    if lead:  # text after a stray blank line, or a cue without its timing line
        _continue(found, block[:lead])
    for n, at in enumerate(starts):
        id_at = _id_at(block, at)
        until = _id_at(block, starts[n + 1]) if n + 1 < len(starts) else len(block)
        cue_id = block[id_at][1] if id_at < at else None
        if cue_id:
            found.apart.append(cue_id)
        match = ARROW.match(block[at][1])
        assert match is not None
        start = parse_clock(match["start"])
        end = max(start, parse_clock(match["end"]))  # Teams ends a cue a few ms before it starts, now and then
        payload = tuple(text for _, text in block[at + 1 : until] if text)
        found.cues.append(Cue(cue_id, start, end, payload))


def _id_at(block: list[tuple[int, str]], at: int) -> int:
    """Where the cue whose timing line is block[at] starts: at its id line, if it has one."""
    if at == 0:
        return 0
    before = block[at - 1][1]
    if at == 1 or _ID.match(before) or (at >= 2 and block[at - 2][1] == ""):
        return at - 1 if before and not ARROW.match(before) else at
    return at


def _continue(found: CueFile, lines: list[tuple[int, str]]) -> None:
    """Text in a block without a timing line: a cue whose times are missing, when it starts with a cue
    number; else what the cue before it goes on to say."""
    texts = tuple(text for _, text in lines if text)
    if len(texts) > 1 and _ID.match(texts[0]):
        found.apart.append(texts[0])
        found.cues.append(Cue(texts[0], None, None, texts[1:]))
    elif found.cues:
        last = found.cues[-1]
        found.cues[-1] = dataclasses.replace(last, lines=last.lines + texts)
    elif texts:
        found.cues.append(Cue(None, None, None, texts))


def voices(payload: str) -> list[tuple[str | None, str]]:
    """The payload's text per voice span ('<v Name>'; None where no voice is named), tags removed and
    character references read: '<v Anna>Ja <00:00:01.500><c>zeker</c></v>' is [('Anna', 'Ja zeker')]."""
    spans: list[tuple[str | None, str]] = []
    speaker: str | None = None
    done = 0
    for match in _VOICE.finditer(payload):
        spans.append((speaker, payload[done : match.start()]))
        speaker = html.unescape(match["speaker"] or "").strip() or None
        done = match.end()
    spans.append((speaker, payload[done:]))
    cleaned = [(who, " ".join(html.unescape(TAG.sub("", text)).split())) for who, text in spans]
    return [(who, text) for who, text in cleaned if text]


_LABEL = re.compile(r"^\[?(?P<speaker>[^:<>\[\]]{1,40}?)\]?:\s+(?P<text>.+)$", re.DOTALL)


def cue_fragments(found: CueFile, utterance: Callable[[Cue], str | None] = lambda cue: None) -> list[Fragment]:
    """Each cue's voices as fragments: a voice tag names the speaker; else a 'Name: ' (or '[SPEAKER_00]: ')
    label, where such labels name speakers in this file; else the speaker is unknown and the cue a turn."""
    spans = [(cue, who, text) for cue in found.cues for who, text in voices(" ".join(cue.lines))]
    labels = speaker_labels(Counter(m["speaker"].strip() for _, who, text in spans
                                    if who is None and (m := _LABEL.match(text))), len(spans))
    fragments = []
    for cue, who, text in spans:
        if who is None and (m := _LABEL.match(text)) and m["speaker"].strip() in labels:
            who, text = m["speaker"].strip(), m["text"]
        fragments.append(Fragment(who or unknown_speaker(), text, cue.start_ms, cue.end_ms, cue.cue_id,
                                  utterance(cue)))
    return fragments
