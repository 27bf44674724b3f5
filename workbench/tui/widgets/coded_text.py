"""The transcript as read-only text: coded spans in their code's colour, bold turn headers. The cursor's line is
shaded under the codes (not over them), and a selection is shown reversed: no code colour looks like it."""

from __future__ import annotations

import re
from collections import defaultdict

from rich.style import Style
from rich.text import Text
from textual.binding import Binding
from textual.color import Color
from textual.widgets import TextArea
from textual.widgets.text_area import Selection, TextAreaTheme

from workbench.i18n import N_
from workbench.tui.page import TranscriptPage
from workbench.tui.widgets.fast_document import speed_up

SELECTION = Style(reverse=True, bold=True)
# word steps (ctrl+arrows) stop between words, not at an apostrophe inside one: collega's, zo'n, auto's
WORD_EDGE = re.compile(r"(?<=\W)(?<!\w['’])(?=\w)|(?<=\w)(?!['’]\w)(?=\W)")


class CodedText(TextArea):
    DEFAULT_CSS = """
    CodedText { border: none; padding: 0 1; }
    """
    BINDINGS = [Binding("ctrl+home", "text_start", N_("Top"), show=False),
                Binding("ctrl+end", "text_end", N_("Bottom"), show=False)]

    def __init__(self, **kwargs):
        super().__init__("", read_only=True, soft_wrap=True, show_line_numbers=False, **kwargs)
        self.register_theme(TextAreaTheme("coded", selection_style=SELECTION))  # the rest from the CSS theme
        self.theme = "coded"
        self.highlight_cursor_line = False  # get_line shades it, under the codes' colours
        self._styles: dict[int, list[tuple[int, int | None, Style]]] = {}
        self._marked: dict[int, tuple[int, int | None]] = {}  # row -> the part of it shaded as a suggestion's span
        self._shade: Style | None = None
        self.page: TranscriptPage | None = None
        self._word_pattern = WORD_EDGE  # what TextArea's word steps look for

    def action_text_start(self) -> None:
        self.move_cursor((0, 0), center=True)

    def action_text_end(self) -> None:
        self.move_cursor(self.document.end, center=True)

    # the text is read-only: its own undo and redo keys undo and redo the coder's last coding action
    def action_undo(self) -> None:
        self.screen.action_undo()

    def action_redo(self) -> None:
        self.screen.action_redo()

    def show(self, page: TranscriptPage, fresh: bool = False) -> None:
        """Show a page: text first, then styles (keeping the cursor where it was, if it can).
        fresh: another transcript (load its text; do not patch the old one)."""
        old, self.page = self.page, page
        if old is None or old.text != page.text:
            selection = self.selection
            if not fresh and old is not None and len(old.line_starts) == len(page.line_starts):
                self._replace_changed_lines(old.text, page.text)
            else:
                self.load_text(page.text)
                speed_up(self)
            if not fresh:
                self.selection = selection
        self.restyle(page)

    def _replace_changed_lines(self, old: str, new: str) -> None:
        """Only headers change when codings change: replace just those lines (fast)."""
        for row, (before, after) in enumerate(zip(old.split("\n"), new.split("\n"))):
            if before != after:
                self.replace(after, (row, 0), (row, len(before)), maintain_selection_offset=False)

    def restyle(self, page: TranscriptPage) -> None:
        location = page.location
        base = self.styles.background if self.styles.background.a else Color(30, 30, 30)
        styles: dict[int, list] = defaultdict(list)
        header = Style(bold=True, underline=True)
        for start in page.header_starts:
            styles[location(start)[0]].append((0, None, header))
        by_colour: dict[str, Style] = {}
        for light in page.highlights():
            style = by_colour.get(light.colour)
            if style is None:  # a Style costs ~0.1 ms to make: one per colour
                style = by_colour[light.colour] = Style(
                    bgcolor=base.blend(Color.parse(light.colour), 0.45).rich_color,
                    color=base.get_contrast_text().rich_color)
            (first_row, first_col), (last_row, last_col) = location(light.start), location(light.end)
            for row in range(first_row, last_row + 1):
                styles[row].append((first_col if row == first_row else 0, last_col if row == last_row else None, style))
        self._styles = styles
        self.notify_style_update()

    def mark(self, span: tuple[int, int] | None) -> None:
        """Shade a display span, underlined (the suggestion a would code, before it is coded), or none."""
        marked: dict[int, tuple[int, int | None]] = {}
        if span and self.page and span[0] < span[1]:
            (first_row, first_col), (last_row, last_col) = self.page.location(span[0]), self.page.location(span[1])
            marked = {row: (first_col if row == first_row else 0, last_col if row == last_row else None)
                      for row in range(first_row, last_row + 1)}
        if marked != self._marked:
            self._marked = marked
            self.notify_style_update()

    def get_line(self, line_index: int) -> Text:
        line = super().get_line(line_index)
        if line_index == self.cursor_location[0] and self.has_focus:
            line.stylize(self.get_component_rich_style("text-area--cursor-line"))
        for start, end, style in self._styles.get(line_index, ()):
            line.stylize(style, start, len(line) if end is None else end)
        if line_index in self._marked:
            if self._shade is None:
                base = self.styles.background if self.styles.background.a else Color(30, 30, 30)
                self._shade = Style(underline=True, bgcolor=base.blend(Color(128, 128, 128), 0.35).rich_color)
            start, end = self._marked[line_index]
            line.stylize(self._shade, start, len(line) if end is None else end)
        return line

    # offsets of the page's display text <-> TextArea locations
    def offset(self, location) -> int:
        return self.page.offset(location) if self.page else 0

    def selected_offsets(self) -> tuple[int, int]:
        start, end = sorted((self.selection.start, self.selection.end))
        return self.offset(start), self.offset(end)

    def move_to(self, start: int, end: int | None = None) -> None:
        first = self.page.location(start)
        last = self.page.location(end if end is not None else start)
        self.selection = Selection(first, last)
        self.scroll_cursor_visible(center=True)
