"""Plain source texts for exchange, and offsets between them and canonical text.

Export: each turn under a Teams speaker line ('R05   0:03'; '0:00' where the transcript
had no times), so the text reads like a transcript in other tools and re-imports with its
turns. Import:
a source's offsets (CRLF, speaker lines and all) are carried to the canonical text.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Sequence
from dataclasses import dataclass

from rapidfuzz import fuzz

from workbench.core.reanchor import MIN_SIMILARITY, find_quote
from workbench.transcripts.assemble import TURN_SEPARATOR
from workbench.transcripts.clock import format_clock
from workbench.transcripts.model import ParsedTranscript


@dataclass(frozen=True)
class SpeakerTurn:
    label: str
    start_ms: int | None
    start: int
    end: int


class ExportText:
    """The text with speaker lines, and canonical offsets converted into it."""

    def __init__(self, text: str, turns: Sequence[SpeakerTurn]):
        parts, self._starts, self._shifts = [], [], []
        shift = 0
        for turn in turns:
            head = f"{turn.label}   {format_clock(turn.start_ms or 0)}\n"
            shift += len(head)
            parts.append(head + text[turn.start : turn.end])
            self._starts.append(turn.start)
            self._shifts.append(shift)
        self._ends = [turn.end for turn in turns]
        self.text = TURN_SEPARATOR.join(parts)

    def offset(self, position: int, is_end: bool = False) -> int:
        """A canonical offset in the export text (an end stays in the turn it ends)."""
        if not self._starts:
            return position
        i = bisect.bisect_left(self._starts, position) if is_end else bisect.bisect_right(self._starts, position)
        i = max(i - 1, 0)
        if not is_end and position >= self._ends[i] and i + 1 < len(self._starts):
            return self._starts[i + 1] + self._shifts[i + 1]  # a start between turns: the next turn
        return min(position, self._ends[i]) + self._shifts[i]


def crlf_map(raw: str) -> tuple[str, callable]:
    """Text with '\\n' line ends (and no BOM), and raw offsets converted into it."""
    bom = 1 if raw.startswith("\ufeff") else 0
    body = raw[bom:]
    removed = [i for i in range(len(body) - 1) if body[i] == "\r" and body[i + 1] == "\n"]
    text = body.replace("\r\n", "\n").replace("\r", "\n")

    def convert(offset: int) -> int:
        offset = max(offset - bom, 0)
        return offset - bisect.bisect_left(removed, offset)

    return text, convert


class SourceMap:
    """Source offsets (of the '\\n' text a transcript was parsed from) to canonical offsets."""

    def __init__(self, source: str, parsed: ParsedTranscript):
        self.source = source
        self.canonical = parsed.text
        self._anchors: list[tuple[int, int, int]] = []  # source start, canonical start, canonical end
        position = 0
        for turn in parsed.turns:
            words = self.canonical[turn.start : turn.end].split()[:6]
            pattern = r"\s+".join(map(re.escape, words))
            found = re.compile(pattern).search(source, position) if words else None
            if found:
                self._anchors.append((found.start(), turn.start, turn.end))
                # cleaning never lengthens text: the next turn starts at least this far on
                position = found.start() + turn.end - turn.start
        self._sources = [a[0] for a in self._anchors]

    def _convert(self, offset: int, is_end: bool) -> int:
        i = bisect.bisect_right(self._sources, offset - (1 if is_end else 0)) - 1
        if i < 0:
            return 0
        source_start, start, end = self._anchors[i]
        return max(start, min(start + offset - source_start, end))

    def span(self, start: int, end: int) -> tuple[int, int] | None:
        """The canonical span holding the same words as source[start:end]; None if gone."""
        quote = " ".join(self.source[start:end].split())
        if not quote:
            return None
        s, e = self._convert(start, False), self._convert(end, True)
        if s < e and _same_words(self.canonical[s:e], quote):
            return s, e
        return find_quote(quote, self.canonical, s)


def _same_words(canonical: str, quote: str) -> bool:
    """Alike, or the quote's words but for speaker lines it crossed (a few words per turn)."""
    text = " ".join(canonical.split())
    if fuzz.ratio(text, quote) >= MIN_SIMILARITY:
        return True
    turns = canonical.count(TURN_SEPARATOR)
    extra = len(quote.split()) - len(text.split())
    return 0 < turns and 0 <= extra <= 4 * turns and fuzz.token_set_ratio(text, quote) >= 98
