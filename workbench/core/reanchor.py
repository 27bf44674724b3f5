"""Finding spans of an old text again in a corrected version of it."""

from __future__ import annotations

from os.path import commonprefix

from rapidfuzz import fuzz

MIN_SIMILARITY = 90.0  # the corrected words against the quote (rapidfuzz ratio)
NEAR = 75.0  # a stretch of the quote's length this similar is where to look for its ends (words put in lower it)
PUNCTUATION = ".,;:!?…"
EDGE = 24  # characters compared at each end of a quote to place that end


def reanchor(old: str, new: str, spans: list[tuple[int, int]]) -> list[tuple[int, int] | None]:
    """Each span's place in the new text, by its quoted text; None where it is gone.

    An exact copy nearest to where the span should be wins; otherwise a close match near that
    place (its words >= 90 % similar to the quote, rapidfuzz); otherwise None.
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
    alignment = fuzz.partial_ratio_alignment(quote, window, score_cutoff=NEAR)
    if alignment is None:
        return None
    start, end = _edges(quote, new, lo + alignment.dest_start, lo + alignment.dest_end)
    return (start, end) if fuzz.ratio(quote, new[start:end]) >= MIN_SIMILARITY else None


def _edges(quote: str, new: str, start: int, end: int) -> tuple[int, int]:
    """The close match's true ends: the alignment has the quote's length, but the corrected text may be
    longer or shorter ('studievertraging' → 'studie-vertraging', a word put in). Each end goes where the
    most of the quote's own first (last) characters are there unchanged, then where it is at a word's
    edge as the quote's was, then where they fit best, then nearest."""
    reach, edge = len(quote) // 2 + 3, min(len(quote), EDGE)
    head, tail = quote[:edge], quote[-edge:]
    starts = range(max(0, start - reach), min(len(new), start + reach) + 1)
    ends = range(max(0, end - reach), min(len(new), end + reach) + 1)
    word_start, word_end = _starts_word(quote, 0), _ends_word(quote, len(quote))

    def start_fit(s: int) -> tuple[int, bool, int, float, int]:
        window = new[s : s + edge]
        return (len(commonprefix([head, window])), _starts_word(new, s) == word_start, _run(head, window),
                fuzz.ratio(head, window), -abs(s - start))

    def end_fit(e: int) -> tuple[int, bool, int, float, int]:
        window = new[max(0, e - edge) : e]
        return (len(commonprefix([tail[::-1], window[::-1]])), _ends_word(new, e) == word_end,
                _run(tail[::-1], window[::-1]), fuzz.ratio(tail, window), -abs(e - end))

    best_start = max(starts, key=start_fit)
    return best_start, max((e for e in ends if e > best_start), key=end_fit, default=end)


def _run(quoted: str, text: str) -> int:
    """How many characters text starts with that stand together somewhere in quoted (any case)."""
    quoted, text = quoted.casefold(), text.casefold()
    return max((len(commonprefix([quoted[k:], text])) for k in range(len(quoted))), default=0)


def _starts_word(text: str, at: int) -> bool:
    return text[at : at + 1].isalnum() and not text[at - 1 : at].isalnum()


def _ends_word(text: str, at: int) -> bool:
    """At the end of a word or of the punctuation after it ('mee.|'), not before a space or inside a word."""
    after = text[at : at + 1]
    return at > 0 and not text[at - 1].isspace() and not after.isalnum() and not (
        text[at - 1] in PUNCTUATION and after and after in PUNCTUATION)
