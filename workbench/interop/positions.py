"""What a REFI-QDA selection's positions count. The standard says Unicode code points; NVivo counts
UTF-16 code units, so after each emoji (or other character beyond U+FFFF) its positions run one further.
Both readings are the same for a text without such characters; otherwise the reading that puts more
selections on word edges and on the text the selection names wins (ties: the writing tool, else the
standard)."""

from __future__ import annotations

import bisect
from collections.abc import Callable, Sequence
from dataclasses import dataclass

CODE_POINTS = "code points"
UTF16 = "UTF-16 code units"


@dataclass(frozen=True)
class Selected:
    start: int  # as the file has them
    end: int
    name: str = ""  # the selection's name attribute: often the start of its text


def utf16_to_code_points(text: str) -> Callable[[int], int]:
    """A UTF-16 position in text as a code point position (inside a surrogate pair: that character)."""
    astral = [i for i, c in enumerate(text) if ord(c) > 0xFFFF]
    shown = [at + n for n, at in enumerate(astral)]  # each one's UTF-16 position

    def convert(position: int) -> int:
        return position - bisect.bisect_left(shown, position)

    return convert


def reading(text: str, selections: Sequence[Selected], writer: str = "") -> tuple[str, Callable[[int], int]]:
    """The reading of these positions that fits the text best, and what turns them into code points."""
    if all(ord(c) <= 0xFFFF for c in text):
        return CODE_POINTS, _same
    utf16 = utf16_to_code_points(text)
    as_written = _fit(text, selections, _same)
    as_utf16 = _fit(text, selections, utf16)
    prefers_utf16 = "nvivo" in writer.casefold()
    if as_utf16 > as_written or (as_utf16 == as_written and prefers_utf16):
        return UTF16, utf16
    return CODE_POINTS, _same


def _same(position: int) -> int:
    return position


def _fit(text: str, selections: Sequence[Selected], convert: Callable[[int], int]) -> int:
    """How many selection ends land on a word's edge, plus twice each selection whose text starts as
    its name says; a selection outside the text counts against."""
    score = 0
    for selection in selections:
        start, end = convert(selection.start), convert(selection.end)
        if not 0 <= start < end <= len(text):
            score -= 2
            continue
        score += _edge(text, start) + _edge(text, end)
        name = selection.name.strip()
        if len(name) >= 3 and text[start:end].strip().startswith(name.rstrip("…").strip()):
            score += 2
    return score


def _edge(text: str, at: int) -> bool:
    """Between a letter or digit and something else (or the text's start or end)."""
    before = text[at - 1].isalnum() if at > 0 else False
    after = text[at].isalnum() if at < len(text) else False
    return before != after
