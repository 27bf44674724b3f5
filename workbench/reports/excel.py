"""Excel workbooks: a frequency sheet per unit, respondents x codes, codes x documents and the quotes; the
respondent matrix alone (quotes and disagreements go on in further sheets where one cannot hold them)."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence
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
from workbench.reports.cells import text_cells
from workbench.reports.words import words

SHEET_ROWS = 1_048_576  # what an Excel sheet holds, its header row included


def _long_sheets(book, title: str, header: list[str], rows):
    """Sheets of rows under a header, as many as the rows need ('Quotes', 'Quotes 2', ...): none is lost to
    Excel's limit of rows per sheet. Returns the sheets."""
    sheets, sheet = [], None
    for values in rows:
        if sheet is None or sheet.max_row >= SHEET_ROWS:
            sheet = book.create_sheet(title if not sheets else f"{title} {len(sheets) + 1}")
            _append(sheet, header)
            sheets.append(sheet)
        _append(sheet, values)
    if not sheets:
        sheets.append(book.create_sheet(title))
        _append(sheets[0], header)
    return sheets


def _append(sheet, values: list) -> None:
    """A row whose text an .xlsx can hold (a control character left in a study by an older version)."""
    sheet.append([xml_safe(value) if isinstance(value, str) else value for value in values])


def respondent_header(matrix: RespondentMatrix) -> list[str]:
    return [_("respondent"), _("programme"), _("institution"), _("interviews"), *matrix.variables, *matrix.codes]


def respondent_values(matrix: RespondentMatrix):
    """Per respondent: pseudonym, programmes, institution, interviews, variables, then codings per code."""
    for row in matrix.rows:
        yield [row.respondent, "; ".join(row.programmes), row.institution or "", "; ".join(row.interviews),
               *[row.variables.get(name, "") for name in matrix.variables], *[row.counts[c] for c in matrix.codes]]


def write_respondent_matrix(sheet, matrix: RespondentMatrix) -> None:
    """The matrix with filters on its columns, then what it counts."""
    from openpyxl.utils import get_column_letter

    _append(sheet, respondent_header(matrix))
    for values in respondent_values(matrix):
        _append(sheet, values)
    sheet.auto_filter.ref = f"A1:{get_column_letter(sheet.max_column)}{sheet.max_row}"
    _append(sheet, [])
    _append(sheet, [matrix.provenance.text])


def respondent_xlsx(matrix: RespondentMatrix, path: Path) -> None:
    from openpyxl import Workbook
    from openpyxl.styles import Font

    book = Workbook()
    sheet = book.active
    sheet.title = _("Respondents x codes")
    write_respondent_matrix(sheet, matrix)
    _header(sheet, Font(bold=True), width=14)
    sheet.freeze_panes = "B2"
    _print_setup(sheet, filtered=False)
    text_cells(sheet)
    _save(book, path)


def _print_setup(sheet, filtered: bool = True) -> None:
    """A4 landscape, as wide as a page, the header row on every page, filters on the header."""
    sheet.page_setup.orientation = "landscape"
    sheet.page_setup.paperSize = sheet.PAPERSIZE_A4
    sheet.page_setup.fitToWidth, sheet.page_setup.fitToHeight = 1, 0
    sheet.sheet_properties.pageSetUpPr.fitToPage = True
    sheet.print_title_rows = "1:1"
    if filtered and sheet.max_row > 1:
        sheet.auto_filter.ref = sheet.dimensions


def _header(sheet, bold, width: int | None = None) -> None:
    """The first row bold and wrapped, so that no heading is cut."""
    from openpyxl.styles import Alignment

    for cell in sheet[1]:
        cell.font, cell.alignment = bold, Alignment(wrap_text=True, vertical="top")
        if width is not None and cell.column > 1:
            sheet.column_dimensions[cell.column_letter].width = width


def frequency_xlsx(reports: list[FrequencyReport], documents: CodeDocumentMatrix, respondents: RespondentMatrix,
                   quotes: list[QuoteView], path: Path) -> None:
    """A frequency sheet per unit; respondents x codes and codes x documents to check a count against; the
    quotes with their times as times."""
    from openpyxl import Workbook
    from openpyxl.styles import Font

    book = Workbook()
    book.remove(book.active)
    bold = Font(bold=True)
    say = words()
    for report in reports:
        sheet = book.create_sheet(_("Frequencies {unit}").format(unit=say[report.unit]))
        groups = [*report.groups, TOTAL] if report.by != "none" else [TOTAL]
        _append(sheet, [_("path"), _("code"), *[g or say["total"] for g in groups]])
        _append(sheet, ["N", "", *[report.sizes.get(g, 0) for g in groups]])
        cells = defaultdict(dict)
        order = []
        for row in report.rows:
            if row.path not in cells:
                order.append(row)
            cells[row.path][row.group] = row.count
        for row in order:
            _append(sheet, [row.path, "  " * row.depth + row.code, *[cells[row.path].get(g, 0) for g in groups]])
        _append(sheet, [])
        _append(sheet, [say["rule"]])
        _append(sheet, [report.provenance.text])
        _header(sheet, bold)
        for cell in sheet[2]:
            cell.font = bold
        sheet.column_dimensions["A"].width, sheet.column_dimensions["B"].width = 60, 40
        sheet.freeze_panes = "C3"
        _print_setup(sheet, filtered=False)
    sheet = book.create_sheet(_("Respondents x codes"))
    write_respondent_matrix(sheet, respondents)
    _header(sheet, bold, width=14)
    sheet.freeze_panes = "B2"
    _print_setup(sheet, filtered=False)
    sheet = book.create_sheet(_("Codes x documents"))
    _append(sheet, [_("code"), *documents.documents])
    for code in documents.codes:
        _append(sheet, [code, *[documents.counts.get((code, d), 0) for d in documents.documents]])
    _header(sheet, bold, width=14)
    sheet.column_dimensions["A"].width = 60
    sheet.freeze_panes = "B2"
    _print_setup(sheet)
    header = [_("code"), _("transcript"), _("respondent"), _("programme"), _("time"), _("quotation"), _("coder")]
    for sheet in _long_sheets(book, say["quotes"], header, (
            [quote.code_path, quote.source, quote.respondent if "pseudonym" in quote.attribution else "",
             "; ".join(quote.programmes) if "programme" in quote.attribution else "",
             None if quote.start_ms is None else timedelta(milliseconds=quote.start_ms),
             " ".join(quote.text.split()), quote.coder] for quote in quotes)):
        for (cell,) in sheet.iter_rows(min_row=2, min_col=5, max_col=5):
            cell.number_format = "[h]:mm:ss"
        _header(sheet, bold)
        sheet.column_dimensions["F"].width = 100
        sheet.freeze_panes = "A2"
        _print_setup(sheet)
    for sheet in book.worksheets:
        text_cells(sheet)
    _save(book, path)


def _save(book, path: Path) -> None:
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        book.save(path)
    except OSError as exc:
        raise WorkbenchError(_("cannot write: {reason}").format(reason=exc.strerror), where=str(path)) from exc


def agreement_xlsx(figures: Sequence[AgreementRow], found: Sequence[Disagreement], coders: Sequence[str], unit: str,
                   path: Path) -> None:
    """The agreement figures per code, and every disagreement with interview, time, respondent and words."""
    from openpyxl import Workbook
    from openpyxl.styles import Font

    book = Workbook()
    bold = Font(bold=True)
    sheet = book.active
    sheet.title = _("Agreement")
    _append(sheet, [_("code"), _("units"), _("coded"), _("agreement"), _("kappa"), _("alpha")])
    for row in figures:
        _append(sheet, [row.code_path, row.units, row.coded_units, row.percent, row.kappa, row.alpha])
    _append(sheet, [])
    _append(sheet, [_("Coders: {coders}. Unit: {unit}.").format(coders=", ".join(coders), unit=_(unit))])
    _header(sheet, bold)
    sheet.column_dimensions["A"].width = 60
    _print_setup(sheet, filtered=False)
    header = [_("interview"), _("time"), _("respondent"), _("code"), _("coded by"), _("not by"), _("text")]
    for sheet in _long_sheets(book, _("Disagreements"), header, (
            [item.transcript, None if item.start_ms is None else timedelta(milliseconds=item.start_ms),
             item.respondent, item.code_path, ", ".join(item.coded_by), ", ".join(item.not_coded_by),
             " ".join(item.text.split())] for item in found)):
        for (cell,) in sheet.iter_rows(min_row=2, min_col=2, max_col=2):
            cell.number_format = "[h]:mm:ss"
        _header(sheet, bold)
        sheet.column_dimensions["D"].width, sheet.column_dimensions["G"].width = 50, 100
        sheet.freeze_panes = "A2"
        _print_setup(sheet)
    for sheet in book.worksheets:
        text_cells(sheet)
    _save(book, path)
