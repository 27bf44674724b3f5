"""Span arithmetic on a transcript's text: offsets are code points, [start, end)."""

from __future__ import annotations

import bisect
import re
from collections.abc import Sequence

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


def _is_abbreviation(text: str, begin: int, dot: int) -> bool:
    word_start = dot
    while word_start > begin and not text[word_start - 1].isspace():
        word_start -= 1
    word = text[word_start:dot].lower().lstrip("(\"'")
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
