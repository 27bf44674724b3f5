"""How a Word report's tables sit on the page: columns as wide as their longest word in the table's own type,
a table too wide for an upright page on its side, a table kept on one page with its caption, its header on
every page it runs over."""

from __future__ import annotations

from collections.abc import Sequence

from workbench.reports.faces import text_cm as face_cm

TABLE_FONT = "Calibri"  # Word's own sans; LibreOffice shows it as Carlito, metric for metric
SIZES_PT = (8.5, 7.5)  # a table's type, smaller where that keeps it upright
TEXT_CM, LANDSCAPE_CM = 17.0, 25.7  # A4's width inside the margins, upright and on its side
FIRST_CM = 3.5  # the code column at its narrowest
PADDING_CM = 0.38 + 0.12  # a cell's margins left and right (Word's default, 0.19 cm each), and a little room
KEEP_ROWS = 25  # a table up to this many rows is kept on one page (a longer one runs on, its header repeated)


def word_cm(text: str, size: float) -> float:
    """How wide text is in the table's bold type of size points (cm)."""
    return face_cm(text, TABLE_FONT, "bold", size)


def _longest(texts: Sequence[str], size: float) -> float:
    """The widest word of texts, a leading indent (em spaces) counted with its word."""
    widths = [0.0]
    for text in texts:
        indent = len(text) - len(text.lstrip("\u2003"))
        words = text.split() or [""]
        widths += [word_cm("\u2003" * indent + words[0], size), *(word_cm(w, size) for w in words[1:])]
    return max(widths) + PADDING_CM


def column_widths(names: Sequence[str], codes: Sequence[str] = (), text_cm: float = TEXT_CM,
                  size: float = SIZES_PT[0]) -> tuple[float, float]:
    """The code column's width and each group's (cm): a group column fits its name's longest word (so that
    'tweedegraads' never breaks as 'tweedegr|aads'), the code column its codes' longest word with its indent
    and what is left, at least FIRST_CM."""
    other = max(min(2.4, 12.0 / max(len(names), 1)), _longest(names, size))
    first = max(FIRST_CM, _longest(codes, size))
    return max(first, min(5.0, text_cm - other * len(names))), other


def fits(names: Sequence[str], codes: Sequence[str], text_cm: float, size: float) -> bool:
    first, other = column_widths(names, codes, text_cm, size)
    return first + other * len(names) <= text_cm + 1e-9


def layout(names: Sequence[str], codes: Sequence[str]) -> tuple[bool, float]:
    """(on its side, type size): upright in the largest type that fits, else on its side in the largest
    that fits there (the smallest if none does)."""
    for landscape, text_cm in ((False, TEXT_CM), (True, LANDSCAPE_CM)):
        for size in SIZES_PT:
            if fits(names, codes, text_cm, size):
                return landscape, size
    return True, SIZES_PT[-1]


def turn(document, landscape: bool) -> None:
    """A new page, on its side (for a table of many groups) or upright again."""
    from docx.enum.section import WD_ORIENT, WD_SECTION
    from docx.shared import Cm

    section = document.add_section(WD_SECTION.NEW_PAGE)
    section.orientation = WD_ORIENT.LANDSCAPE if landscape else WD_ORIENT.PORTRAIT
    long, short = Cm(29.7), Cm(21.0)
    section.page_width, section.page_height = (long, short) if landscape else (short, long)


def fit(table, names: Sequence[str], codes: Sequence[str], text_cm: float, size: float) -> None:
    """Columns as column_widths says, in the table's type; the header row on every page, no row split over
    two pages, and a table of up to KEEP_ROWS rows kept on one page (keep_rows)."""
    from docx.oxml import OxmlElement
    from docx.shared import Cm, Pt

    first, other = (Cm(width) for width in column_widths(names, codes, text_cm, size))
    for i, column in enumerate(table.columns):  # the grid, which LibreOffice and Word both read
        column.width = first if i == 0 else other
    for r, row in enumerate(table.rows):
        properties = row._tr.get_or_add_trPr()
        properties.append(OxmlElement("w:cantSplit"))
        if r == 0:
            properties.append(OxmlElement("w:tblHeader"))
        for i, cell in enumerate(row.cells):
            cell.width = first if i == 0 else other
            for paragraph in cell.paragraphs:
                for run in paragraph.runs:
                    run.font.size = Pt(size)
                    run.font.name = TABLE_FONT
    keep_rows(table, whole=len(table.rows) <= KEEP_ROWS)


def keep_rows(table, whole: bool) -> None:
    """Keeps the table on one page (whole), or lets it run on over pages with its header and first row
    together and its last two rows together: never a header or a row alone."""
    last = len(table.rows) - 1
    for r, row in enumerate(table.rows):
        for cell in row.cells:
            for paragraph in cell.paragraphs:
                paragraph.paragraph_format.keep_with_next = r < last and (whole or r in (0, last - 1))
