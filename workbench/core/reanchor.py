"""Finding spans of an old text again in a corrected version of it."""

from __future__ import annotations

from rapidfuzz import fuzz

MIN_SIMILARITY = 90.0


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
    return lo + alignment.dest_start, lo + alignment.dest_end
