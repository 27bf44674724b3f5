"""Excel workbooks: a frequency sheet per unit, respondents x codes, codes x documents and the quotes; the
respondent matrix alone (quotes and disagreements go on in further sheets where one cannot hold them)."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Iterator, Sequence
from contextlib import contextmanager
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
from workbench.core.letters import from_letters
from workbench.errors import WorkbenchError
from workbench.i18n import _
from workbench.reports.words import words
from workbench.reports.xlsx import BOLD, HEADER, NORMAL, Workbook

SHEET_ROWS = 1_048_576  # what an Excel sheet holds, its header row included


@contextmanager
def _book(path: Path) -> Iterator[Workbook]:
    """A workbook written as a stream (reports/xlsx.py): a sheet's layout is set before its rows, and rows are
    written as they come, so a report of millions of quotes holds none of them."""
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        with Workbook(path) as book:
            yield book
    except OSError as exc:
        raise WorkbenchError(_("cannot write: {reason}").format(reason=exc.strerror), where=str(path)) from exc


class _Sheet:
    """One sheet: its layout, then its header (bold, wrapped), then rows of values; A4 landscape, a page wide,
    the header on every page. Text stays text (never a formula); a time is a time; a control character left by
    an older version goes."""

    def __init__(self, book: Workbook, title: str, header: list[str], *, freeze: str,
                 widths: dict[str, float] | None = None, others: float | None = None):
        columns = dict.fromkeys(range(2, len(header) + 1), others) if others is not None else {}
        columns.update({from_letters(letter): width for letter, width in (widths or {}).items()})
        self.sheet, self.columns = book.sheet(title, freeze=freeze, widths=columns), len(header)
        self.sheet.append(header, HEADER)

    @property
    def rows(self) -> int:
        return self.sheet.rows

    def append(self, values: list, bold: bool = False) -> None:
        self.sheet.append(values, BOLD if bold else NORMAL)

    def filter(self, rows: int | None = None) -> None:
        """Filters on the header, over the first rows (all rows written so far)."""
        self.sheet.filter(rows, self.columns)


def _long_sheets(book: Workbook, title: str, header: list[str], rows, **layout) -> None:
    """Sheets of rows under a header, as many as the rows need ('Quotes', 'Quotes 2', ...): none is lost to
    Excel's limit of rows per sheet. Each has filters on its header."""
    sheet = _Sheet(book, title, header, **layout)
    count = 1
    for values in rows:
        if sheet.rows >= SHEET_ROWS:
            sheet.filter()
            count += 1
            sheet = _Sheet(book, f"{title} {count}", header, **layout)
        sheet.append(values)
    sheet.filter()


def respondent_header(matrix: RespondentMatrix) -> list[str]:
    return [_("respondent"), _("programme"), _("institution"), _("interviews"), *matrix.variables, *matrix.codes]


def respondent_values(matrix: RespondentMatrix):
    """Per respondent: pseudonym, programmes, institution, interviews, variables, then codings per code."""
    for row in matrix.rows:
        yield [row.respondent, "; ".join(row.programmes), row.institution or "", "; ".join(row.interviews),
               *[row.variables.get(name, "") for name in matrix.variables], *[row.counts[c] for c in matrix.codes]]


def write_respondent_matrix(book: Workbook, matrix: RespondentMatrix) -> None:
    """The matrix with filters on its columns, then what it counts."""
    sheet = _Sheet(book, _("Respondents x codes"), respondent_header(matrix), freeze="B2", others=14)
    for values in respondent_values(matrix):
        sheet.append(values)
    sheet.filter()
    sheet.append([])
    sheet.append([matrix.provenance.text])


def respondent_xlsx(matrix: RespondentMatrix, path: Path) -> None:
    with _book(path) as book:
        write_respondent_matrix(book, matrix)


def frequency_xlsx(reports: list[FrequencyReport], documents: CodeDocumentMatrix, respondents: RespondentMatrix,
                   quotes: Iterable[QuoteView], path: Path) -> None:
    """A frequency sheet per unit; respondents x codes and codes x documents to check a count against; the
    quotes with their times as times (written as they come: quotes may be a stream)."""
    with _book(path) as book:
        _frequency_sheets(book, reports, documents, respondents, quotes)


def _frequency_sheets(book: Workbook, reports: list[FrequencyReport], documents: CodeDocumentMatrix,
                      respondents: RespondentMatrix, quotes: Iterable[QuoteView]) -> None:
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


def agreement_xlsx(figures: Sequence[AgreementRow], found: Iterable[Disagreement], coders: Sequence[str],
                   unit: str, path: Path) -> None:
    """The agreement figures per code, and every disagreement with interview, time, respondent and words."""
    with _book(path) as book:
        _agreement_sheets(book, figures, found, coders, unit)


def _agreement_sheets(book: Workbook, figures: Sequence[AgreementRow], found: Iterable[Disagreement],
                      coders: Sequence[str], unit: str) -> None:
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
