"""The cached document properties agree with Textual's own after edits and rewraps."""

from hypothesis import given, settings
from hypothesis import strategies as st
from textual.document._document import Document
from textual.document._wrapped_document import WrappedDocument

from workbench.tui.widgets.fast_document import CachedDocument, CachedWrappedDocument

lines = st.lists(st.text(alphabet="ab c\t", max_size=40), min_size=1, max_size=12)


@settings(max_examples=60, deadline=None)
@given(lines, st.lists(st.tuples(st.integers(0, 11), st.text(alphabet="xy \n", max_size=8)), max_size=6),
       st.integers(1, 30))
def test_text_and_height_follow_every_edit(start, edits, width):
    plain, cached = Document("\n".join(start)), CachedDocument("\n".join(start))
    plain_wrap, cached_wrap = WrappedDocument(plain, width), CachedWrappedDocument(cached, width)
    for row, text in edits:
        row = min(row, len(plain.lines) - 1)
        assert cached.text == plain.text and cached_wrap.height == plain_wrap.height  # fills the caches
        for document, wrapped in ((plain, plain_wrap), (cached, cached_wrap)):
            end = (row, len(document.lines[row]))
            result = document.replace_range((row, 0), end, text)
            wrapped.wrap_range((row, 0), end, result.end_location)
        assert cached.text == plain.text and cached_wrap.height == plain_wrap.height
    plain_wrap.wrap(width + 3)
    cached_wrap.wrap(width + 3)
    assert cached_wrap.height == plain_wrap.height


@settings(max_examples=80, deadline=None)
@given(lines, st.integers(1, 30), st.lists(st.tuples(st.integers(0, 11), st.integers(0, 45)), min_size=1, max_size=10))
def test_a_locations_visual_row_is_textuals(start, width, locations):
    """The margin asks the visual row of each coding's first and last character (6,000 at 3,000 codings): the
    row alone, without the column Textual works out from the line's divided text, is Textual's row."""
    document = CachedDocument("\n".join(start))
    wrapped = CachedWrappedDocument(document, width)
    for row, column in locations:
        row = min(row, len(document.lines) - 1)
        column = min(column, len(document.lines[row]))
        assert wrapped.visual_row((row, column)) == wrapped.location_to_offset((row, column)).y
