"""A table for lists of any length: rows of plain text in columns of fixed width, only the rows in view drawn."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from typing import Any, ClassVar

from rich.cells import set_cell_size
from rich.control import strip_control_codes
from rich.segment import Segment
from textual import events
from textual.binding import Binding, BindingType
from textual.geometry import Size
from textual.message import Message
from textual.reactive import reactive
from textual.scroll_view import ScrollView
from textual.strip import Strip

from workbench.i18n import N_


class LongTable(ScrollView, can_focus=True):
    """Rows kept as tuples of text, a line drawn when it comes into view: Textual's DataTable keeps about
    1.5 KB a row and lays out every row again when rows are added (86 s for 929,489 disagreements, 0.7 s for
    11,000 answers). The header stays on the first line; keys and messages as DataTable's row cursor has them:
    RowHighlighted when the cursor moves, RowSelected on enter or a click on the cursor's row."""

    DEFAULT_CSS = """
    LongTable {
        background: $surface;
        color: $foreground;
        &:focus {
            background-tint: $foreground 5%;
            & > .long-table--cursor {
                background: $block-cursor-background;
                color: $block-cursor-foreground;
                text-style: $block-cursor-text-style;
            }
            & > .long-table--header { background-tint: $foreground 5%; }
        }
        &:dark > .long-table--even-row { background: $surface-darken-1 40%; }
        & > .long-table--header { text-style: bold; background: $panel; color: $foreground; }
        &:ansi > .long-table--header { background: ansi_bright_blue; color: ansi_default; }
        & > .long-table--even-row { background: $surface-lighten-1 50%; }
        & > .long-table--cursor {
            background: $block-cursor-blurred-background;
            color: $block-cursor-blurred-foreground;
            text-style: $block-cursor-blurred-text-style;
        }
    }
    """
    COMPONENT_CLASSES: ClassVar[set[str]] = {"long-table--header", "long-table--cursor", "long-table--even-row",
                                             "long-table--odd-row"}
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("enter", "select_cursor", N_("Select"), show=False),
        Binding("up", "cursor_up", N_("Cursor up"), show=False),
        Binding("down", "cursor_down", N_("Cursor down"), show=False),
        Binding("pageup", "page_up", N_("Page up"), show=False),
        Binding("pagedown", "page_down", N_("Page down"), show=False),
        Binding("home,ctrl+home", "first", N_("Top"), show=False),
        Binding("end,ctrl+end", "last", N_("Bottom"), show=False),
    ]

    cursor_row = reactive(0, always_update=True, init=False)

    class RowHighlighted(Message):
        def __init__(self, table: LongTable, cursor_row: int) -> None:
            super().__init__()
            self.table, self.cursor_row = table, cursor_row

        @property
        def control(self) -> LongTable:
            return self.table

    class RowSelected(RowHighlighted):
        pass

    def __init__(self, cells: Callable[[Any], Sequence[object]] | None = None, *, id: str | None = None,
                 classes: str | None = None) -> None:
        """cells: what a row shows, from the item added (made when the row comes into view: a million
        disagreements are not a million tuples of text beside them); else the items are the rows of cells."""
        super().__init__(id=id, classes=classes)
        self.cells = cells
        self.columns: list[tuple[str, int]] = []  # label, width in cells
        self.rows: list[Any] = []

    @property
    def row_count(self) -> int:
        return len(self.rows)

    def add_column(self, label: str, width: int) -> None:
        self.columns.append((label, width))
        self._resize()

    def add_rows(self, rows: Iterable[Any]) -> None:
        """Rows (items, or rows of cells each shown as its text), after those there are."""
        had = len(self.rows)
        self.rows.extend(rows)
        self._resize()
        if not had and self.rows:
            self.cursor_row = 0  # the first row is highlighted, as DataTable does
        self.refresh()

    def clear(self) -> None:
        self.rows = []
        self.set_reactive(LongTable.cursor_row, 0)
        self.scroll_to(y=0, animate=False)
        self._resize()
        self.refresh()

    def get_row_at(self, index: int) -> tuple[str, ...]:
        """The row's cells as text."""
        item = self.rows[index]
        return tuple(str(cell) for cell in (self.cells(item) if self.cells else item))

    def move_cursor(self, *, row: int) -> None:
        self.cursor_row = row

    def validate_cursor_row(self, row: int) -> int:
        return max(0, min(row, len(self.rows) - 1))

    def watch_cursor_row(self, row: int) -> None:
        view = max(self.scrollable_content_region.height - 1, 1)  # rows in view under the header
        if row < self.scroll_offset.y:
            self.scroll_to(y=row, animate=False)
        elif row >= self.scroll_offset.y + view:
            self.scroll_to(y=row - view + 1, animate=False)
        self.refresh()
        if self.rows:
            self.post_message(self.RowHighlighted(self, row))

    def _resize(self) -> None:
        self.virtual_size = Size(sum(width + 2 for _, width in self.columns), len(self.rows) + 1)

    def _page(self) -> int:
        return max(self.scrollable_content_region.height - 2, 1)

    def action_cursor_up(self) -> None:
        self.cursor_row -= 1

    def action_cursor_down(self) -> None:
        self.cursor_row += 1

    def action_page_up(self) -> None:
        self.cursor_row -= self._page()

    def action_page_down(self) -> None:
        self.cursor_row += self._page()

    def action_first(self) -> None:
        self.cursor_row = 0

    def action_last(self) -> None:
        self.cursor_row = len(self.rows) - 1

    def action_select_cursor(self) -> None:
        if self.rows:
            self.post_message(self.RowSelected(self, self.cursor_row))

    def on_click(self, event: events.Click) -> None:
        if event.y < 1:
            return  # the header
        row = int(self.scroll_offset.y) + event.y - 1
        if row >= len(self.rows):
            return
        if row == self.cursor_row:
            self.action_select_cursor()
        else:
            self.cursor_row = row

    def render_line(self, y: int) -> Strip:
        scroll_x, scroll_y = self.scroll_offset
        if y == 0:
            cells, style = tuple(label for label, _ in self.columns), self.get_component_rich_style("long-table--header")
        else:
            row = scroll_y + y - 1
            if row >= len(self.rows):
                return Strip.blank(self.size.width, self.rich_style)
            cells = self.get_row_at(row)
            kind = ("long-table--cursor" if row == self.cursor_row else
                    "long-table--odd-row" if row % 2 else "long-table--even-row")  # as DataTable counts them
            style = self.rich_style + self.get_component_rich_style(kind)
        line = "".join(" " + set_cell_size(strip_control_codes(cell), width) + " "
                       for cell, (_, width) in zip(cells, self.columns))
        strip = Strip([Segment(line, style)]).crop(scroll_x, scroll_x + self.size.width)
        return strip.extend_cell_length(self.size.width, style)
