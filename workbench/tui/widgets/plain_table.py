"""A table that shows text as it was written."""

from __future__ import annotations

from typing import Any

from rich.console import Console, ConsoleOptions, RenderResult
from rich.text import Text
from textual.widgets import DataTable
from textual.widgets.data_table import ColumnKey, RowKey


class Words:
    """A cell's text in a column of fixed width: rendered as plain text, never measured (DataTable measures
    every new cell through `console.options`, a tenth of a second for a 1,000-transcript overview)."""

    __slots__ = ("text",)

    def __init__(self, text: str) -> None:
        self.text = text

    def __str__(self) -> str:
        return self.text

    def __rich_console__(self, console: Console, options: ConsoleOptions) -> RenderResult:
        yield Text(self.text, no_wrap=True, end="")


class PlainTable(DataTable):
    """DataTable reads every string cell as Rich markup: '[lacht]' in a verbatim answer vanished, '[/]' in a name
    stopped the screen with a markup error, and parsing a 1,000-transcript overview's 11,000 cells took a
    fifth of a second. Here strings are plain text: `Words` in a column of fixed width, else `Text` (so that
    the column can be as wide as its words). `str()` of a cell gives its words."""

    def add_row(self, *cells: Any, height: int | None = 1, key: str | None = None,
                label: Any = None) -> RowKey:
        columns = self.ordered_columns
        return super().add_row(*(_plain(cell, columns[i].auto_width if i < len(columns) else True)
                                 for i, cell in enumerate(cells)), height=height, key=key, label=label)

    def sort(self, *columns: ColumnKey | str, key: Any = None, reverse: bool = False) -> PlainTable:
        """By the columns' words and numbers (a cell of words does not order itself)."""
        def words(value: Any) -> Any:
            plain = tuple(map(_value, value)) if isinstance(value, tuple) else _value(value)
            return key(plain) if key else plain

        super().sort(*columns, key=words, reverse=reverse)
        return self


def _plain(cell: Any, measured: bool) -> Any:
    if not isinstance(cell, str):
        return cell
    return Text(cell, no_wrap=True, end="") if measured else Words(cell)


def _value(cell: Any) -> Any:
    return str(cell) if isinstance(cell, (Text, Words)) else cell
