"""A table that shows text as it was written."""

from __future__ import annotations

from typing import Any

from rich.text import Text
from textual.widgets import DataTable
from textual.widgets.data_table import ColumnKey, RowKey


class PlainTable(DataTable):
    """DataTable reads every string cell as Rich markup: '[lacht]' in a verbatim answer vanished, '[/]' in a name
    stopped the screen with a markup error, and parsing a 1,000-transcript overview's 11,000 cells took a
    fifth of a second. Here strings are plain text; cells read back as `Text` (`str()` gives the words)."""

    def add_row(self, *cells: Any, height: int | None = 1, key: str | None = None,
                label: Any = None) -> RowKey:
        return super().add_row(*(Text(cell, no_wrap=True, end="") if isinstance(cell, str) else cell
                                 for cell in cells), height=height, key=key, label=label)

    def sort(self, *columns: ColumnKey | str, key: Any = None, reverse: bool = False) -> PlainTable:
        """By the columns' words and numbers (a Text cell does not order itself)."""
        def words(value: Any) -> Any:
            plain = tuple(str(v) if isinstance(v, Text) else v for v in value) if isinstance(value, tuple) else (
                str(value) if isinstance(value, Text) else value)
            return key(plain) if key else plain

        super().sort(*columns, key=words, reverse=reverse)
        return self
