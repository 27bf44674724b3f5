"""Finding spans of an old text again in a corrected version of it."""

from __future__ import annotations

from os.path import commonprefix

from rapidfuzz import fuzz

MIN_SIMILARITY = 90.0
EDGE = 24  # characters compared at each end of a quote to place that end


def reanchor(old: str, new: str, spans: list[tuple[int, int]]) -> list[tuple[int, int] | None]:
    """Each span's place in the new text, by its quoted text; None where it is gone.

    An exact copy nearest to where the span should be wins; otherwise a close match
    (rapidfuzz, >= 90 % similar) near that place; otherwise None.
    """
    if old == new:
        return list(spans)
    scale = len(new) / len(old) if old else 1.0
    return [find_quote(old[start:end], new, round(start * scale)) for start, end in spans]


def find_quote(quote: str, new: str, expected: int) -> tuple[int, int] | None:
    """The quote's place in a text: the exact copy nearest expected, else a close match near it."""
    if not quote:
        return None
    best = None
    position = new.find(quote)
    while position != -1:
        if best is None or abs(position - expected) < abs(best - expected):
            best = position
        position = new.find(quote, position + 1)
    if best is not None:
        return best, best + len(quote)
    margin = len(quote) + 2000
    lo = max(0, expected - margin)
    window = new[lo : expected + margin]
    alignment = fuzz.partial_ratio_alignment(quote, window)
    if alignment is None or alignment.score < MIN_SIMILARITY:
        return None
    return _edges(quote, new, lo + alignment.dest_start, lo + alignment.dest_end)


def _edges(quote: str, new: str, start: int, end: int) -> tuple[int, int]:
    """The close match's true ends: the alignment has the quote's length, but the corrected text may be
    longer or shorter ('studievertraging' → 'studie-vertraging'). Each end goes where the most of the
    quote's own first (last) characters are there unchanged, then where they fit best, then nearest."""
    reach, edge = len(quote) // 10 + 3, min(len(quote), EDGE)
    head, tail = quote[:edge], quote[-edge:]
    starts = range(max(0, start - reach), min(len(new), start + reach) + 1)
    ends = range(max(0, end - reach), min(len(new), end + reach) + 1)

    def start_fit(s: int) -> tuple[int, float, int]:
        window = new[s : s + edge]
        return len(commonprefix([head, window])), fuzz.ratio(head, window), -abs(s - start)

    def end_fit(e: int) -> tuple[int, float, int]:
        window = new[max(0, e - edge) : e]
        return len(commonprefix([tail[::-1], window[::-1]])), fuzz.ratio(tail, window), -abs(e - end)

    best_start = max(starts, key=start_fit)
    return best_start, max((e for e in ends if e > best_start), key=end_fit, default=end)
