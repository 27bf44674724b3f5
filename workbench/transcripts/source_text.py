"""Plain source texts for exchange, and offsets between them and canonical text.

Export: each turn under a Teams speaker line ('R05   0:03'; '0:00' where the transcript
had no times), so the text reads like a transcript in other tools and re-imports with its
turns; a plain document (an article, comments: no speakers) as it is. Import:
a source's offsets (CRLF, speaker lines and all) are carried to the canonical text.
"""

from __future__ import annotations

import bisect
import unicodedata
from collections.abc import Callable, Sequence
from dataclasses import dataclass

import regex
from rapidfuzz import fuzz

from workbench.core.reanchor import MIN_SIMILARITY, find_quote
from workbench.transcripts.assemble import TURN_SEPARATOR, find_start
from workbench.transcripts.clock import format_clock
from workbench.transcripts.model import ParsedTranscript


@dataclass(frozen=True)
class SpeakerTurn:
    label: str
    start_ms: int | None
    start: int
    end: int


class ExportText:
    """The text with speaker lines, and canonical offsets converted into it; a plain document (no speakers)
    as it is stored, offsets unchanged."""

    def __init__(self, text: str, turns: Sequence[SpeakerTurn], plain: bool = False):
        parts, self._starts, self._shifts = [], [], []
        if plain:
            self.text, self._ends = text, []
            return
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


_CHANGED = regex.compile(r"(?P<dropped>\r(?=\n)|[\ufeff\u200b\u200e\u200f\x00-\x08\x0e-\x1f\x7f-\x9f])|(?s:.)\p{M}+")
_MAY_CHANGE = regex.compile(r"[\r\ufeff\u200b\u200e\u200f\x00-\x08\x0e-\x1f\x7f-\x9f\p{M}]")
_LINE_ENDS = ("\r", "\u2028", "\f", "\v")  # each read as '\n'


def clean_map(raw: str) -> tuple[str, Callable[[int], int]]:
    """The text as a transcript is read (one '\n' per line end; no BOM, zero-width or control
    characters; letters and their accents composed, NFC), and raw offsets converted into it."""
    pieces, removed, done = [], [], 0
    first = _MAY_CHANGE.search(raw)  # no change starts before the character ahead of the first of these
    for found in _CHANGED.finditer(raw, max(first.start() - 1, 0)) if first else ():
        piece = found.group()
        composed = "" if found["dropped"] else unicodedata.normalize("NFC", piece)
        pieces += [raw[done : found.start()], composed]
        removed += range(found.end() - max(len(piece) - len(composed), 0), found.end())
        done = found.end()
    pieces.append(raw[done:])

    def convert(offset: int) -> int:
        return offset - bisect.bisect_left(removed, offset)

    text = "".join(pieces)
    for line_end in _LINE_ENDS:  # one scan each: translate() looks up every character
        text = text.replace(line_end, "\n")
    return text, convert


_STRETCHES = (64, 8)  # characters compared at once while source and canonical agree


def _aligned(source: str, canonical: str) -> tuple[list[int], list[int]]:
    """Where a turn's source text and its canonical text (whitespace runs collapsed, lines stripped)
    stop going character for character: source and canonical offsets from which they do again."""
    sources, canonicals = [0], [0]
    i = j = 0
    while i < len(source) and j < len(canonical):
        if source[i] == canonical[j]:  # a stretch that agrees moves no offset: skipped whole where it can be
            step = next((size for size in _STRETCHES if source[i : i + size] == canonical[j : j + size]), 1)
            i, j = i + step, j + step
            continue
        if canonical[j].isspace() and not source[i].isspace():  # a line break where the source had none
            j += 1
        else:  # a character the transcript does not have (a collapsed space)
            i += 1
        if i - j != sources[-1] - canonicals[-1]:
            sources.append(i)
            canonicals.append(j)
    return sources, canonicals


class SourceMap:
    """Source offsets (of the text clean_map gives) to canonical offsets: each turn found by its first
    words, then character by character inside it."""

    def __init__(self, source: str, parsed: ParsedTranscript):
        self.source = source
        self.canonical = parsed.text
        found_turns: list[tuple[int, int, int]] = []  # source start, canonical start, canonical end
        position = 0
        for turn in parsed.turns:
            # by its first line (a turn merged from fragments has speaker lines between them)
            found = find_start(self.canonical[turn.start : turn.end].split("\n", 1)[0], source, position)
            if found is not None:
                found_turns.append((found, turn.start, turn.end))
                # cleaning never lengthens text: the next turn starts at least this far on
                position = found + turn.end - turn.start
        self._sources = [at for at, _, _ in found_turns]
        self._turns = []
        for n, (at, start, end) in enumerate(found_turns):
            until = self._sources[n + 1] if n + 1 < len(found_turns) else len(source)
            self._turns.append((at, start, end, *_aligned(source[at:until], self.canonical[start:end])))

    def _convert(self, offset: int, is_end: bool) -> int:
        n = bisect.bisect_right(self._sources, offset - (1 if is_end else 0)) - 1
        if n < 0:
            return 0
        at, start, end, sources, canonicals = self._turns[n]
        inside = offset - at
        k = bisect.bisect_right(sources, inside) - 1
        moved = canonicals[k] + inside - sources[k]
        if k + 1 < len(sources):  # in characters the transcript dropped: where the next shared one is
            moved = min(moved, canonicals[k + 1])
        return max(start, min(start + moved, end))

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
    breaks = canonical.count("\n")  # a speaker line crossed is a turn's blank line, or a line in a merged turn
    extra = len(quote.split()) - len(text.split())
    return 0 < breaks and 0 <= extra <= 4 * breaks and fuzz.token_set_ratio(text, quote) >= 98
