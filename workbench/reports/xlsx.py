"""Spreadsheets (.xlsx, Office Open XML) written as a stream: sheet after sheet, each row as XML as it comes,
strings inline (nothing held for a table of shared strings, and never a formula). What the workbench's
workbooks use and no more: a bold header, wrapped and at the top; bold rows; times as times; column widths;
frozen panes; filters; A4 landscape, a page wide, the header row on every page. (openpyxl made a cell object
of every value: 70 µs a row, 100 s for 1.5 million quotes.)"""

from __future__ import annotations

import math
import re
import zipfile
from datetime import timedelta
from pathlib import Path

from workbench.core.letters import from_letters, in_letters
from workbench.limits import xml_escaped, xml_text
from workbench.streams import HandedText, written_whole

MAIN = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
RELATIONSHIPS = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
PACKAGE = "http://schemas.openxmlformats.org/package/2006/relationships"
TYPES = "application/vnd.openxmlformats-officedocument.spreadsheetml"
NORMAL, BOLD, HEADER, TIME = 0, 1, 2, 3  # the cell styles (cellXfs) of styles.xml, in its order
TIME_FORMAT = "[h]:mm:ss"
DAY = timedelta(days=1)  # a time is written as days
SHORT, HELD = 100, 20_000  # texts up to SHORT characters are kept as written, up to HELD of them a sheet


class Workbook:
    """A workbook being written to `path`: sheets are made one after the other (each is finished before the
    next is begun), and the file appears whole at close, or not at all when the block ends in an error."""

    def __init__(self, path: Path):
        self.path, self.sheets = path, []

    def __enter__(self) -> Workbook:
        self._whole = written_whole(self.path)
        self.archive = zipfile.ZipFile(self._whole.__enter__(), "w", zipfile.ZIP_DEFLATED, compresslevel=1)
        return self

    def sheet(self, title: str, *, freeze: str, widths: dict[int, float]) -> Sheet:
        """A new sheet, the one before it finished; `freeze`: the top left cell of what scrolls ('C3');
        `widths`: columns (1 is A) and their widths in characters."""
        if self.sheets:
            self.sheets[-1].finish()
        self.sheets.append(Sheet(self.archive, len(self.sheets) + 1, title, freeze, widths))
        return self.sheets[-1]

    def __exit__(self, kind, value, traceback) -> None:
        try:
            if self.sheets:
                self.sheets[-1].finish(complete=kind is None)
            if kind is None:
                self._package()
            self.archive.close()
        finally:
            self._whole.__exit__(kind, value, traceback)

    def _package(self) -> None:
        sheets = self.sheets
        names = []
        for i, sheet in enumerate(sheets):
            quoted = "'" + sheet.title.replace("'", "''") + "'"
            if sheet.filtered:
                names.append(f'<definedName name="_xlnm._FilterDatabase" localSheetId="{i}" hidden="1">'
                             f"{xml_escaped(quoted)}!{_absolute(sheet.filtered)}</definedName>")
            names.append(f'<definedName name="_xlnm.Print_Titles" localSheetId="{i}">{xml_escaped(quoted)}!$1:$1</definedName>')
        self.archive.writestr("[Content_Types].xml", (
            '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
            '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
            '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
            '<Default Extension="xml" ContentType="application/xml"/>'
            f'<Override PartName="/xl/workbook.xml" ContentType="{TYPES}.sheet.main+xml"/>'
            f'<Override PartName="/xl/styles.xml" ContentType="{TYPES}.styles+xml"/>'
            + "".join(f'<Override PartName="/xl/worksheets/sheet{s.number}.xml" ContentType="{TYPES}.worksheet+xml"/>'
                      for s in sheets) + "</Types>"))
        self.archive.writestr("_rels/.rels", (
            f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="{PACKAGE}">'
            f'<Relationship Id="rId1" Type="{RELATIONSHIPS}/officeDocument" Target="xl/workbook.xml"/>'
            "</Relationships>"))
        self.archive.writestr("xl/_rels/workbook.xml.rels", (
            f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="{PACKAGE}">'
            + "".join(f'<Relationship Id="rId{s.number}" Type="{RELATIONSHIPS}/worksheet" '
                      f'Target="worksheets/sheet{s.number}.xml"/>' for s in sheets)
            + f'<Relationship Id="rId{len(sheets) + 1}" Type="{RELATIONSHIPS}/styles" Target="styles.xml"/>'
            "</Relationships>"))
        self.archive.writestr("xl/workbook.xml", (
            f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<workbook xmlns="{MAIN}" xmlns:r="{RELATIONSHIPS}">'
            '<bookViews><workbookView activeTab="0"/></bookViews><sheets>'
            + "".join(f'<sheet name="{xml_escaped(s.title)}" sheetId="{s.number}" r:id="rId{s.number}"/>' for s in sheets)
            + "</sheets>" + (f"<definedNames>{''.join(names)}</definedNames>" if names else "") + "</workbook>"))
        self.archive.writestr("xl/styles.xml", STYLES)


class Sheet:
    """One worksheet: its layout, then rows of values (text, numbers, times, None for an empty cell), then
    its filters and page. Text is written as it is, inline: a cell never holds a formula."""

    def __init__(self, archive: zipfile.ZipFile, number: int, title: str, freeze: str, widths: dict[int, float]):
        self.number, self.title, self.rows, self.filtered = number, title, 0, ""
        self.member = archive.open(f"xl/worksheets/sheet{number}.xml", "w", force_zip64=True)
        self.out = HandedText(self.member).__enter__()
        columns = "".join(f'<col min="{c}" max="{c}" width="{w}" customWidth="1"/>' for c, w in sorted(widths.items()))
        self.out.write(
            f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<worksheet xmlns="{MAIN}" xmlns:r="{RELATIONSHIPS}">'
            '<sheetPr><pageSetUpPr fitToPage="1"/></sheetPr>'
            f'<sheetViews><sheetView workbookViewId="0">{_pane(freeze)}</sheetView></sheetViews>'
            '<sheetFormatPr defaultRowHeight="15"/>' + (f"<cols>{columns}</cols>" if columns else "") + "<sheetData>")
        self.letters: list[str] = []
        self.written: dict[str, str] = {}  # short texts as written: a sheet's codes, names and coders repeat

    def append(self, values: list, style: int = NORMAL) -> None:
        """A row of text, numbers (an infinite or NaN one left empty), times and None (an empty cell); `style`
        for its text and numbers (BOLD, HEADER); a time is a time whatever the style."""
        self.rows += 1
        row, letters, written = self.rows, self.letters, self.written
        while len(letters) < len(values):
            letters.append(in_letters(len(letters) + 1))
        shown = f' s="{style}"' if style else ""
        cells = []
        for letter, value in zip(letters, values):
            if isinstance(value, str):  # most cells: the rest of the types asked only of the others
                text = written.get(value)
                if text is None:
                    text = xml_text(value)
                    if len(value) <= SHORT and len(written) < HELD:
                        written[value] = text
                cells.append(f'<c r="{letter}{row}" t="inlineStr"{shown}><is><t xml:space="preserve">{text}</t></is></c>')
            elif value is not None:
                cells.append(self._cell(f"{letter}{row}", value, shown))
        self.out.write(f'<row r="{row}">{"".join(cells)}</row>')

    @staticmethod
    def _cell(reference: str, value, shown: str) -> str:
        if isinstance(value, timedelta):
            return f'<c r="{reference}" s="{TIME}"><v>{value / DAY!r}</v></c>'
        if isinstance(value, bool):
            return f'<c r="{reference}" t="b"{shown}><v>{int(value)}</v></c>'
        if isinstance(value, int):
            return f'<c r="{reference}"{shown}><v>{int(value)}</v></c>'
        if math.isfinite(number := float(value)):  # a float of numpy's too: its repr is no number
            return f'<c r="{reference}"{shown}><v>{number!r}</v></c>'
        return ""

    def filter(self, rows: int | None = None, columns: int = 1) -> None:
        """Filters on the header, over its first `columns` columns and `rows` rows (all written so far)."""
        if (rows or self.rows) > 1:
            self.filtered = f"A1:{in_letters(columns)}{rows or self.rows}"

    def finish(self, complete: bool = True) -> None:
        """The sheet's end written (or, not complete, the sheet given up) and its member closed."""
        if self.member.closed:
            return
        if not complete:
            self.out.__exit__(RuntimeError, None, None)
            self.member.close()
            return
        self.out.write("</sheetData>" + (f'<autoFilter ref="{self.filtered}"/>' if self.filtered else "")
                       + '<pageMargins left="0.7" right="0.7" top="0.75" bottom="0.75" header="0.3" footer="0.3"/>'
                       '<pageSetup paperSize="9" orientation="landscape" fitToWidth="1" fitToHeight="0"/></worksheet>')
        self.out.__exit__(None, None, None)
        self.member.close()


def _pane(freeze: str) -> str:
    """The frozen rows and columns above and left of a cell ('C3': two of each)."""
    letters, row = re.fullmatch(r"([A-Z]+)(\d+)", freeze).groups()
    columns = from_letters(letters) - 1
    rows = int(row) - 1
    if not (rows or columns):
        return ""
    active = {(True, True): "bottomRight", (True, False): "topRight", (False, True): "bottomLeft"}[(columns > 0,
                                                                                                   rows > 0)]
    split = (f' xSplit="{columns}"' if columns else "") + (f' ySplit="{rows}"' if rows else "")
    return (f'<pane{split} topLeftCell="{freeze}" activePane="{active}" state="frozen"/>'
            f'<selection pane="{active}" activeCell="{freeze}" sqref="{freeze}"/>')


def _absolute(reference: str) -> str:
    """A1:G10 -> $A$1:$G$10"""
    return re.sub(r"([A-Z]+)(\d+)", r"$\1$\2", reference)


STYLES = (
    f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<styleSheet xmlns="{MAIN}">'
    f'<numFmts count="1"><numFmt numFmtId="164" formatCode="{TIME_FORMAT}"/></numFmts>'
    '<fonts count="2"><font><sz val="11"/><name val="Calibri"/><family val="2"/></font>'
    '<font><b/><sz val="11"/><name val="Calibri"/><family val="2"/></font></fonts>'
    '<fills count="2"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill>'
    '</fills><borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders>'
    '<cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>'
    '<cellXfs count="4"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/>'
    '<xf numFmtId="0" fontId="1" fillId="0" borderId="0" xfId="0" applyFont="1"/>'
    '<xf numFmtId="0" fontId="1" fillId="0" borderId="0" xfId="0" applyFont="1" applyAlignment="1">'
    '<alignment vertical="top" wrapText="1"/></xf>'
    '<xf numFmtId="164" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/></cellXfs>'
    '<cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles></styleSheet>'
)
