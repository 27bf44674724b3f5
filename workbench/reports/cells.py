"""Spreadsheet cells that cannot run: text that a spreadsheet would read as a formula (OWASP's CSV
injection: a cell starting with =, +, -, @, tab or carriage return) is kept as text."""

from __future__ import annotations

import csv
import io
from collections.abc import Iterable, Sequence

FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def is_formula_like(value: object) -> bool:
    return isinstance(value, str) and value.startswith(FORMULA_STARTS)


def csv_cell(value: object) -> object:
    """As OWASP advises for CSV: a leading single quote, so the cell is read as text."""
    return f"'{value}" if is_formula_like(value) else value


def csv_text(header: Sequence[str], rows: Iterable[Sequence[object]]) -> str:
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(header)
    writer.writerows([csv_cell(value) for value in row] for row in rows)
    return out.getvalue()
