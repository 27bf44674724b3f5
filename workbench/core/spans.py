"""Span arithmetic on a transcript's text: offsets are code points, [start, end)."""

from __future__ import annotations

import bisect
import re
from collections.abc import Callable, Sequence

# A sentence ends at . ! ? or … (possibly closed by quotes/brackets) before white space,
# unless the period ends a common Dutch abbreviation or an initial.
_ABBREVIATIONS = {
    "bijv", "bv", "o.a", "oa", "d.w.z", "dwz", "m.b.t", "mbt", "t.a.v", "tav", "i.p.v", "ipv",
    "ca", "enz", "etc", "evt", "vs", "nl", "incl", "excl", "mr", "mw", "dhr", "dr", "prof",
    "drs", "ir", "ing", "jl", "z.g.a.n", "e.d", "m.a.w", "resp", "t.o.v", "tov", "a.s", "nr",
}
_END = re.compile(r"[.!?…]+[\"'”’)\]]*(?=\s)")


def trim(text: str, start: int, end: int) -> tuple[int, int]:
    """The span without leading and trailing white space (may become empty)."""
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return start, end


def sentences(text: str, start: int = 0, end: int | None = None) -> list[tuple[int, int]]:
    """Sentence spans in text[start:end], trimmed, in order, never overlapping."""
    end = len(text) if end is None else end
    spans = []
    begin = start
    for match in _END.finditer(text, start, end):
        if match.group().startswith(".") and _is_abbreviation(text, begin, match.start()):
            continue
        spans.append(trim(text, begin, match.end()))
        begin = match.end()
    spans.append(trim(text, begin, end))
    return [(s, e) for s, e in spans if s < e]


_LONGEST = max(map(len, _ABBREVIATIONS)) + 3  # an abbreviation, and the brackets and quotes before it


def _is_abbreviation(text: str, begin: int, dot: int) -> bool:
    """Whether the word before the dot is an abbreviation or an initial (only the last few characters read:
    a longer word is neither)."""
    before = text[max(begin, dot - _LONGEST - 1):dot]
    word = before.rsplit(None, 1)[-1] if before and not before[-1].isspace() else ""
    if len(word) > _LONGEST:  # longer than any abbreviation with its brackets
        return False
    word = word.lower().lstrip("(\"'")
    return word in _ABBREVIATIONS or (len(word) == 1 and word.isalpha())


def overlapping(spans: Sequence[tuple[int, int]], start: int, end: int) -> range:
    """Indices of the sorted, disjoint spans that overlap [start, end)."""
    first = bisect.bisect_right(spans, start, key=_start) - 1
    if first < 0 or spans[first][1] <= start:
        first += 1
    last = bisect.bisect_left(spans, end, key=_start)
    return range(max(first, 0), last)


def _start(span: tuple[int, int]) -> int:
    return span[0]


def enclosing(spans: Sequence[tuple[int, int]], start: int, end: int) -> tuple[int, int] | None:
    """From the first span overlapping [start, end) to the last one; None if none."""
    hits = overlapping(spans, start, end)
    if not hits:
        return None
    return spans[hits[0]][0], spans[hits[-1]][1]


_TOKEN = re.compile(r"\S+")  # a word with the punctuation on it: collega's, zo'n, 'duur.' are one step


def reshaped(text: str, start: int, end: int, edge: str, step: int, bounds: tuple[int, int]) -> tuple[int, int]:
    """The span with one edge moved by one word inside bounds: edge 'start' or 'end', step -1 (towards the text's
    start) or +1. A move that would leave no word, or pass bounds, leaves the span as it is."""
    low, high = bounds
    tokens = [m.span() for m in _TOKEN.finditer(text, low, high)]
    if edge == "end":
        ends = [e for _, e in tokens]
        found = ([e for e in ends if e > end][:1] if step > 0 else [e for e in ends if start < e < end][-1:])
        return (start, found[0]) if found else (start, end)
    starts = [s for s, _ in tokens]
    found = ([s for s in starts if s < start][-1:] if step < 0 else [s for s in starts if start < s < end][:1])
    return (found[0], end) if found else (start, end)


def widened(text: str, start: int, end: int, step: int, bounds: tuple[int, int]) -> tuple[int, int]:
    """A span a sentence wider (step +1: the next sentence inside bounds, else the one before it) or narrower
    (-1: its last sentence left out, while one is left); whole sentences throughout."""
    spans = sentences(text, *bounds)
    inside = overlapping(spans, start, end)
    if not inside:
        return start, end
    first, last = inside[0], inside[-1]
    if step > 0:
        if last + 1 < len(spans):
            return spans[first][0], spans[last + 1][1]
        return (spans[first - 1][0], spans[last][1]) if first > 0 else (spans[first][0], spans[last][1])
    return (spans[first][0], spans[last - 1][1]) if last > first else (start, end)


PASSAGE_WORDS = (25, 60)  # a report quote this long reads as a passage, not a line


def passage(text: str, start: int, end: int, bounds: tuple[int, int],
            words: tuple[int, int] = PASSAGE_WORDS, hits: Sequence[tuple[int, int]] = ()) -> tuple[int, int]:
    """What a report quotes of a coding: the whole sentences it touches inside bounds (its turn), then the
    sentences after it (where a respondent goes on about the point), then those before, while the passage has
    fewer than words[0] words and a sentence keeps it within words[1]. A coding longer than words[1] is cut to
    its run of whole sentences within words[1] that holds the most of its code's evidence (hits: the spans its
    keywords and patterns match), the earliest such run where none does."""
    spans = sentences(text, *bounds)
    inside = overlapping(spans, start, end)
    if not inside:
        return start, end
    first, last = inside[0], inside[-1]

    def count(a: int, b: int) -> int:
        return len(text[spans[a][0]:spans[b][1]].split())

    if len(text[start:end].split()) > words[1]:
        return _evidence(spans, range(first, last + 1), count, words[1], hits)

    while count(first, last) < words[0]:
        grown = [(first, last + 1)] if last + 1 < len(spans) else []
        grown += [(first - 1, last)] if first > 0 else []
        fits = [(a, b) for a, b in grown if count(a, b) <= words[1]]
        if not fits:
            break
        first, last = fits[0]
    return min(spans[first][0], start), max(spans[last][1], end)


def _evidence(spans: Sequence[tuple[int, int]], inside: range, count: Callable[[int, int], int], most: int,
              hits: Sequence[tuple[int, int]]) -> tuple[int, int]:
    """The run of sentences (of those inside) within most words holding the most hits; the earliest on a tie."""
    best, found = (inside[0], inside[0]), -1
    for a in inside:
        b = a
        while b + 1 <= inside[-1] and count(a, b + 1) <= most:
            b += 1
        held = sum(1 for s, e in hits if spans[a][0] <= s and e <= spans[b][1])
        if held > found:
            best, found = (a, b), held
    return spans[best[0]][0], spans[best[1]][1]
