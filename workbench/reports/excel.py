"""Excel workbooks: a frequency sheet per unit, respondents x codes, codes x documents and the quotes; the
respondent matrix alone (quotes and disagreements go on in further sheets where one cannot hold them)."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Sequence
from datetime import timedelta
from pathlib import Path

from workbench.core.counting import TOTAL
from workbench.core.dto import (
    AgreementRow,
    CodeDocumentMatrix,
    Disagreement,
    FrequencyReport,
    QuoteView,
    RespondentMatrix,
)
from workbench.errors import WorkbenchError
from workbench.i18n import _
from workbench.limits import xml_safe
from workbench.reports.cells import is_formula_like
from workbench.reports.words import words

SHEET_ROWS = 1_048_576  # what an Excel sheet holds, its header row included
TIME = "[h]:mm:ss"


def _book():
    """A workbook written as a stream (openpyxl's write-only mode): a sheet's layout is set before its rows,
    and rows are written as they come, so a report of millions of quotes holds none of them as cells."""
    from openpyxl import Workbook

    return Workbook(write_only=True)


class _Sheet:
    """One write-only sheet: its layout, then its header (bold, wrapped), then rows of values. Text a spreadsheet
    would read as a formula stays text; a time is a time; a control character left by an older version goes."""

    def __init__(self, book, title: str, header: list[str], *, freeze: str, widths: dict[str, float] | None = None,
                 others: float | None = None):
        from openpyxl.styles import Alignment, Font
        from openpyxl.utils import get_column_letter

        self.sheet, self.columns, self.rows = book.create_sheet(title), len(header), 0
        for column in range(2, len(header) + 1) if others is not None else ():
            self.sheet.column_dimensions[get_column_letter(column)].width = others
        for letter, width in (widths or {}).items():
            self.sheet.column_dimensions[letter].width = width
        self.sheet.freeze_panes = freeze
        _print_setup(self.sheet)
        self.bold, self.wrapped = Font(bold=True), Alignment(wrap_text=True, vertical="top")
        self.append(header, header=True)

    def append(self, values: list, bold: bool = False, header: bool = False) -> None:
        from openpyxl.cell import WriteOnlyCell

        row = []
        for value in values:
            if isinstance(value, str):
                value = xml_safe(value)
            if not (bold or header or isinstance(value, timedelta) or is_formula_like(value)):
                row.append(value)
                continue
            cell = WriteOnlyCell(self.sheet, value)
            if is_formula_like(value):
                cell.data_type = "s"  # shown as written, never run
            if isinstance(value, timedelta):
                cell.number_format = TIME
            if bold or header:
                cell.font = self.bold
            if header:
                cell.alignment = self.wrapped
            row.append(cell)
        self.sheet.append(row)
        self.rows += 1

    def filter(self, rows: int | None = None) -> None:
        """Filters on the header, over the first rows (all rows written so far)."""
        from openpyxl.utils import get_column_letter

        if (rows or self.rows) > 1:
            self.sheet.auto_filter.ref = f"A1:{get_column_letter(self.columns)}{rows or self.rows}"


def _long_sheets(book, title: str, header: list[str], rows, **layout) -> None:
    """Sheets of rows under a header, as many as the rows need ('Quotes', 'Quotes 2', ...): none is lost to
    Excel's limit of rows per sheet. Each has filters on its header."""
    sheets: list[_Sheet] = []
    for values in rows:
        if not sheets or sheets[-1].rows >= SHEET_ROWS:
            sheets.append(_Sheet(book, title if not sheets else f"{title} {len(sheets) + 1}", header, **layout))
        sheets[-1].append(values)
    if not sheets:
        sheets.append(_Sheet(book, title, header, **layout))
    for sheet in sheets:
        sheet.filter()


def respondent_header(matrix: RespondentMatrix) -> list[str]:
    return [_("respondent"), _("programme"), _("institution"), _("interviews"), *matrix.variables, *matrix.codes]


def respondent_values(matrix: RespondentMatrix):
    """Per respondent: pseudonym, programmes, institution, interviews, variables, then codings per code."""
    for row in matrix.rows:
        yield [row.respondent, "; ".join(row.programmes), row.institution or "", "; ".join(row.interviews),
               *[row.variables.get(name, "") for name in matrix.variables], *[row.counts[c] for c in matrix.codes]]


def write_respondent_matrix(book, matrix: RespondentMatrix) -> None:
    """The matrix with filters on its columns, then what it counts."""
    sheet = _Sheet(book, _("Respondents x codes"), respondent_header(matrix), freeze="B2", others=14)
    for values in respondent_values(matrix):
        sheet.append(values)
    sheet.filter()
    sheet.append([])
    sheet.append([matrix.provenance.text])


def respondent_xlsx(matrix: RespondentMatrix, path: Path) -> None:
    book = _book()
    write_respondent_matrix(book, matrix)
    _save(book, path)


def _print_setup(sheet) -> None:
    """A4 landscape, as wide as a page, the header row on every page."""
    from openpyxl.worksheet.worksheet import Worksheet

    sheet.page_setup.orientation = "landscape"
    sheet.page_setup.paperSize = Worksheet.PAPERSIZE_A4
    sheet.page_setup.fitToWidth, sheet.page_setup.fitToHeight = 1, 0
    sheet.sheet_properties.pageSetUpPr.fitToPage = True
    sheet.print_title_rows = "1:1"


def frequency_xlsx(reports: list[FrequencyReport], documents: CodeDocumentMatrix, respondents: RespondentMatrix,
                   quotes: Iterable[QuoteView], path: Path) -> None:
    """A frequency sheet per unit; respondents x codes and codes x documents to check a count against; the
    quotes with their times as times (written as they come: quotes may be a stream)."""
    book = _book()
    say = words()
    for report in reports:
        groups = [*report.groups, TOTAL] if report.by != "none" else [TOTAL]
        sheet = _Sheet(book, _("Frequencies {unit}").format(unit=say[report.unit]),
                       [_("path"), _("code"), *[g or say["total"] for g in groups]],
                       freeze="C3", widths={"A": 60, "B": 40})
        sheet.append(["N", "", *[report.sizes.get(g, 0) for g in groups]], bold=True)
        cells = defaultdict(dict)
        order = []
        for row in report.rows:
            if row.path not in cells:
                order.append(row)
            cells[row.path][row.group] = row.count
        for row in order:
            sheet.append([row.path, "  " * row.depth + row.code, *[cells[row.path].get(g, 0) for g in groups]])
        sheet.append([])
        sheet.append([say["rule"]])
        sheet.append([report.provenance.text])
        for note in report.notes:
            sheet.append([say["note"].format(note=note)])
    write_respondent_matrix(book, respondents)
    sheet = _Sheet(book, _("Codes x documents"), [_("code"), *documents.documents], freeze="B2",
                   widths={"A": 60}, others=14)
    for code in documents.codes:
        sheet.append([code, *[documents.counts.get((code, d), 0) for d in documents.documents]])
    sheet.filter()
    header = [_("code"), _("transcript"), _("respondent"), _("programme"), _("time"), _("quotation"), _("coder")]
    _long_sheets(book, say["quotes"], header, (
        [quote.code_path, quote.source, quote.respondent if "pseudonym" in quote.attribution else "",
         "; ".join(quote.programmes) if "programme" in quote.attribution else "",
         None if quote.start_ms is None else timedelta(milliseconds=quote.start_ms),
         " ".join(quote.text.split()), quote.coder] for quote in quotes), freeze="A2", widths={"F": 100})
    _save(book, path)


def _save(book, path: Path) -> None:
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        book.save(path)
    except OSError as exc:
        raise WorkbenchError(_("cannot write: {reason}").format(reason=exc.strerror), where=str(path)) from exc


def agreement_xlsx(figures: Sequence[AgreementRow], found: Iterable[Disagreement], coders: Sequence[str],
                   unit: str, path: Path) -> None:
    """The agreement figures per code, and every disagreement with interview, time, respondent and words."""
    book = _book()
    sheet = _Sheet(book, _("Agreement"), [_("code"), _("units"), _("coded"), _("agreement"), _("kappa"), _("alpha")],
                   freeze="A2", widths={"A": 60})
    for row in figures:
        sheet.append([row.code_path, row.units, row.coded_units, row.percent, row.kappa, row.alpha])
    sheet.append([])
    sheet.append([_("Coders: {coders}. Unit: {unit}.").format(coders=", ".join(coders), unit=_(unit))])
    header = [_("interview"), _("time"), _("respondent"), _("code"), _("coded by"), _("not by"), _("text")]
    _long_sheets(book, _("Disagreements"), header, (
        [item.transcript, None if item.start_ms is None else timedelta(milliseconds=item.start_ms),
         item.respondent, item.code_path, ", ".join(item.coded_by), ", ".join(item.not_coded_by),
         " ".join(item.text.split())] for item in found), freeze="A2", widths={"D": 50, "G": 100})
    _save(book, path)
