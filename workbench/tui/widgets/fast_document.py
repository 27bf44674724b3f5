"""Textual's document classes with two O(lines) properties cached, and a location's visual row alone.

TextArea asks `document.text` (all lines joined) and `wrapped_document.height` (a sum over all
lines) once per *rendered line*; on a 15,000-word transcript that made every repaint cost ~60 ms.
These subclasses compute each once per change. Textual is pinned (pyproject.toml); the unit test
tests/unit/test_fast_document.py checks both against Textual's own values after edits and rewraps.
"""

from __future__ import annotations

import bisect

from textual.document._document import Document
from textual.document._wrapped_document import WrappedDocument


class CachedDocument(Document):
    _text_cache: str | None = None

    @property
    def text(self) -> str:
        if self._text_cache is None:
            self._text_cache = super().text
        return self._text_cache

    def replace_range(self, start, end, text):
        self._text_cache = None
        return super().replace_range(start, end, text)


class CachedWrappedDocument(WrappedDocument):
    _height_cache: int | None = None

    @property
    def height(self) -> int:
        if self._height_cache is None:
            self._height_cache = super().height
        return self._height_cache

    def wrap(self, width, tab_width=None):
        self._height_cache = None
        super().wrap(width, tab_width)

    def visual_row(self, location: tuple[int, int]) -> int:
        """`location_to_offset(location).y`, without the column it works out by dividing the line's text (27 µs
        a call: 0.17 s for the margin of a transcript with 3,000 codings)."""
        line, column = location
        return self._line_index_to_offsets[line][bisect.bisect_right(self.get_offsets(line), column)]

    def wrap_range(self, start, old_end, new_end):
        self._height_cache = None
        super().wrap_range(start, old_end, new_end)


def speed_up(text_area) -> None:
    """Give a TextArea's freshly loaded documents the cached properties (same state, other class)."""
    text_area.document.__class__ = CachedDocument
    text_area.wrapped_document.__class__ = CachedWrappedDocument
