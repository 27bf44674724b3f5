"""Excel workbook: a frequency sheet per unit, a code x document table, and the quotes."""

from __future__ import annotations

from collections import defaultdict
from pathlib import Path

from workbench.core.counting import TOTAL
from workbench.core.dto import FrequencyReport, QuoteView
from workbench.errors import WorkbenchError
from workbench.i18n import _
from workbench.limits import xml_safe
from workbench.reports.cells import text_cells
from workbench.reports.words import words
from workbench.transcripts.clock import format_clock


def _append(sheet, values: list) -> None:
    """A row whose text an .xlsx can hold (a control character left in a study by an older version)."""
    sheet.append([xml_safe(value) if isinstance(value, str) else value for value in values])


def frequency_xlsx(reports: list[FrequencyReport], code_documents: tuple[list[str], list[str], dict],
                   quotes: list[QuoteView], path: Path) -> None:
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
        for cell in (*sheet[1], *sheet[2]):
            cell.font = bold
        sheet.column_dimensions["A"].width, sheet.column_dimensions["B"].width = 60, 40
        sheet.freeze_panes = "C3"
    codes, documents, counts = code_documents
    sheet = book.create_sheet(_("Codes x documents"))
    _append(sheet, [_("code"), *documents])
    for code in codes:
        _append(sheet, [code, *[counts.get((code, d), 0) for d in documents]])
    sheet.column_dimensions["A"].width = 60
    sheet.freeze_panes = "B2"
    sheet = book.create_sheet(say["quotes"])
    _append(sheet, [_("code"), _("transcript"), _("respondent"), _("programme"), _("time"), _("quotation"), _("coder")])
    for quote in quotes:
        _append(sheet, [quote.code_path, quote.source, quote.respondent if "pseudonym" in quote.attribution else "",
                        "; ".join(quote.programmes) if "programme" in quote.attribution else "",
                        format_clock(quote.start_ms), " ".join(quote.text.split()), quote.coder])
    sheet.column_dimensions["F"].width = 100
    for sheet in book.worksheets:
        text_cells(sheet)
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        book.save(path)
    except OSError as exc:
        raise WorkbenchError(_("cannot write: {reason}").format(reason=exc.strerror), where=str(path)) from exc
