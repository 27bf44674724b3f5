"""Where a Word report's blocks fall on its pages, estimated as LibreOffice lays them out (measured there; Word
sets Calibri alike): each line wrapped in its face's own widths (fonts.json: Calibri's and Cambria's metrics),
the styles' spacing, headings, captions and kept tables moved whole to the next page, a table's header
repeated there.

`settle` uses it as a typesetter floats a figure: a chart that does not fit under what stands above it goes
below the quotes that fill that page, not onto the next page with the rest of this one left empty; a kept
table that would leave as much empty runs on over the two pages."""

from __future__ import annotations

from dataclasses import dataclass, replace

from docx.oxml.ns import qn

from workbench.reports.faces import PT, TWIP, faces, line_cm, text_cm
from workbench.reports.word_layout import keep_rows

EMU = 1 / 360000  # cm in an EMU
THEME = {"majorHAnsi": "Calibri", "minorHAnsi": "Cambria"}  # python-docx's template's theme fonts
BODY = {"after": 10.0, "before": 0.0, "line": 1.15, "size": 11.0}  # its document defaults (pt, a multiple)
ROW_RULE_PT = 1.0  # a table row's border (the report's table style draws 1 pt lines)


def wrap(words: list[tuple[str, float, float]], width: float) -> int:
    """How many lines words take in width (cm): each word (text, its width, a space's width after it)
    on the line while it fits, a word wider than a line broken over as many as it needs."""
    lines, used = 1, 0.0
    for text, wide, space in words:
        if text == "\n":
            lines, used = lines + 1, 0.0
            continue
        if used and used + wide > width:
            lines, used = lines + 1, 0.0
        while wide > width:
            lines, wide = lines + 1, wide - width
        used += wide + space
    return lines


@dataclass(frozen=True)
class Block:
    """A paragraph or table as it sits on the page: its unbreakable pieces (a paragraph's lines, a table's
    rows, a picture) in cm, the space before and after it, and what holds it together."""

    element: object
    pieces: tuple[float, ...]
    before: float = 0.0
    after: float = 0.0
    keep_next: bool = False
    whole: bool = False  # a heading's lines, a kept table's rows, a picture: never split over pages
    header: float = 0.0  # a table's header rows, repeated on every page it runs over
    style: str = ""
    contextual: bool = False  # no space between two paragraphs of its style (a list's items)
    page: tuple[float, float] | None = None  # a section ends here: the next page's text (width, height) in cm
    figure: bool = False
    widows: bool = False  # lines of text: never one alone at the foot or the head of a page
    overhang: float = 0.0  # what a line spaced wider than single may run past the page's foot (its extra)


@dataclass(frozen=True)
class Placement:
    block: Block
    page: int
    top: float  # cm from the text area's top
    last: int  # the page it ends on
    bottom: float
    room: float  # the page's text height


class Styles:
    """A paragraph's look, its direct formatting over its style over the style it is based on over the
    document's defaults."""

    def __init__(self, document):
        self.document = document
        self._chains: dict[str | None, tuple] = {}

    def chain(self, paragraph) -> tuple:
        """The paragraph's style and those it is based on (looked up once per style)."""
        key = paragraph._p.style
        if key not in self._chains:
            found, style = [], paragraph.style
            while style is not None:
                found.append(style)
                style = style.base_style
            self._chains[key] = tuple(found)
        return self._chains[key]

    def value(self, paragraph, get, default):
        for source in (paragraph.paragraph_format, *(s.paragraph_format for s in self.chain(paragraph))):
            found = get(source)
            if found is not None:
                return found
        return default

    def font(self, paragraph, run=None) -> tuple[str, str, float]:
        """(family, style, size) a run is set in."""
        fonts = [run.font] if run is not None else []
        fonts += [s.font for s in self.chain(paragraph)]
        size = next((f.size.pt for f in fonts if f.size is not None), BODY["size"])
        bold = next((f.bold for f in fonts if f.bold is not None), False)
        italic = next((f.italic for f in fonts if f.italic is not None), False)
        family = next((f.name for f in fonts if f.name), None) or self._theme(paragraph)
        return (family if family in faces() else "Cambria",
                " ".join(filter(None, ("bold" if bold else "", "italic" if italic else ""))) or "regular", size)

    def _theme(self, paragraph) -> str:
        """The face a paragraph's styles or the document's defaults name, by name or by theme."""
        defaults = self.document.styles.element.find(f"{qn('w:docDefaults')}/{qn('w:rPrDefault')}")
        for source in (*(s.element for s in self.chain(paragraph)), defaults):
            fonts = source.find(f"{qn('w:rPr')}/{qn('w:rFonts')}") if source is not None else None
            if fonts is not None and (fonts.get(qn("w:ascii")) or fonts.get(qn("w:asciiTheme"))):
                return fonts.get(qn("w:ascii")) or THEME.get(fonts.get(qn("w:asciiTheme")), "Cambria")
        return THEME["minorHAnsi"]

    def flag(self, paragraph, tag: str) -> bool:
        """A paragraph property set on it or its styles (w:contextualSpacing, w:keepNext, w:keepLines)."""
        sources = [paragraph._p, *(s.element for s in self.chain(paragraph))]
        return any(source.find(f"{qn('w:pPr')}/{qn(tag)}") is not None for source in sources)

    def rule(self, paragraph) -> float:
        """The height of a border under the paragraph (the title's): its line and the space above it."""
        for source in (paragraph._p, *(s.element for s in self.chain(paragraph))):
            bottom = source.find(f"{qn('w:pPr')}/{qn('w:pBdr')}/{qn('w:bottom')}")
            if bottom is not None:
                return (int(bottom.get(qn("w:space"), 0)) + int(bottom.get(qn("w:sz"), 0)) / 8) * PT
        return 0.0

    def indent(self, paragraph) -> float:
        """The left and right indent (cm), a list's from its numbering."""
        left = self.value(paragraph, lambda f: f.left_indent, None)
        right = self.value(paragraph, lambda f: f.right_indent, None)
        return (left.cm if left is not None else self._numbered(paragraph)) + (right.cm if right is not None else 0)

    def _numbered(self, paragraph) -> float:
        number = next((n for s in self.chain(paragraph)
                       if (n := s.element.find(f"{qn('w:pPr')}/{qn('w:numPr')}/{qn('w:numId')}")) is not None), None)
        if number is None:
            return 0.0
        numbering = self.document.part.numbering_part.element
        abstract = numbering.xpath(f"./w:num[@w:numId='{number.get(qn('w:val'))}']/w:abstractNumId/@w:val")
        left = numbering.xpath(f"./w:abstractNum[@w:abstractNumId='{abstract[0]}']/w:lvl[@w:ilvl='0']/w:pPr/w:ind/@w:left"
                               ) if abstract else []
        return int(left[0]) * TWIP if left else 0.0


def _words(styles: Styles, paragraph, bold: bool = False) -> list[tuple[str, float, float]]:
    """The paragraph's words with their widths, each in its run's face (bold: as a table's first row or
    column sets it); an indent of em spaces counted with its word."""
    found = []
    for run in paragraph.runs:
        family, style, size = styles.font(paragraph, run)
        style = ("bold" + style.removeprefix("bold").replace("regular", "")).strip() if bold else style
        space = text_cm(" ", family, style, size)
        for k, line in enumerate(run.text.split("\n")):
            if k:
                found.append(("\n", 0.0, 0.0))
            found += [(word, text_cm(word, family, style, size), space) for word in line.split(" ") if word]
    return found


def _paragraph(styles: Styles, paragraph, width: float) -> Block:
    family, _style, size = styles.font(paragraph)
    spacing = styles.value(paragraph, lambda f: f.line_spacing, BODY["line"])
    line = line_cm(family, size, spacing) if isinstance(spacing, float) else spacing.cm  # a multiple, or exact
    extra = max(0.0, line - line_cm(family, size)) if isinstance(spacing, float) else 0.0
    pictures = [int(extent.get("cy")) * EMU for extent in paragraph._p.iter(qn("wp:extent"))]
    if pictures:
        pieces: tuple[float, ...] = (max(pictures) + extra,)
    else:
        pieces = (line,) * wrap(_words(styles, paragraph), width - styles.indent(paragraph))
    pieces = (*pieces[:-1], pieces[-1] + styles.rule(paragraph))
    spacing = [styles.value(paragraph, get, None) for get in (lambda f: f.space_before, lambda f: f.space_after)]
    section = paragraph._p.find(f"{qn('w:pPr')}/{qn('w:sectPr')}")
    return Block(paragraph._p, pieces,
                 before=spacing[0].cm if spacing[0] is not None else BODY["before"] * PT,
                 after=spacing[1].cm if spacing[1] is not None else BODY["after"] * PT,
                 keep_next=styles.flag(paragraph, "w:keepNext"),
                 whole=bool(pictures) or styles.flag(paragraph, "w:keepLines"),
                 style=styles.chain(paragraph)[0].name, contextual=styles.flag(paragraph, "w:contextualSpacing"),
                 page=_page(section) if section is not None else None, figure=bool(pictures),
                 widows=not pictures, overhang=extra)


def _table(styles: Styles, table) -> Block:
    rows, header = [], 0.0
    row_bold, column_bold = _bold(table)
    for r, row in enumerate(table.rows):
        tall = 0.0
        for c, cell in enumerate(row.cells):
            inner = (cell.width.cm if cell.width is not None else 2.0) - 2 * 108 * TWIP  # its margins (the style's)
            height = 0.0
            for paragraph in cell.paragraphs:
                family, _style, size = styles.font(paragraph, paragraph.runs[0] if paragraph.runs else None)
                bold = (row_bold and r == 0) or (column_bold and c == 0)
                height += line_cm(family, size, 1.0) * wrap(_words(styles, paragraph, bold), inner)
            tall = max(tall, height)
        rows.append(tall + ROW_RULE_PT * PT)
        if row._tr.find(f"{qn('w:trPr')}/{qn('w:tblHeader')}") is not None:
            header += rows[-1]
    kept = all(p.paragraph_format.keep_with_next for row in table.rows[:-1] for c in row.cells[:1]
               for p in c.paragraphs)
    whole = kept and len(rows) > 1
    return Block(table._tbl, tuple(rows), whole=whole, header=header, widows=not whole)  # keep_rows's two


def _bold(table) -> tuple[bool, bool]:
    """Whether the table's style sets its first row and its first column bold, where the table asks for
    them (w:tblLook)."""
    look = table._tbl.tblPr.find(qn("w:tblLook"))
    style = table.style.element if table.style is not None else None

    def bold(kind: str, flag: str) -> bool:
        asked = look is not None and look.get(qn(f"w:{flag}")) in ("1", "true", "on")
        return asked and style is not None and bool(style.xpath(f"./w:tblStylePr[@w:type='{kind}']/w:rPr/w:b"))

    return bold("firstRow", "firstRow"), bold("firstCol", "firstColumn")


def _page(section) -> tuple[float, float]:
    size, margins = section.find(qn("w:pgSz")), section.find(qn("w:pgMar"))
    width = int(size.get(qn("w:w"))) - int(margins.get(qn("w:left"))) - int(margins.get(qn("w:right")))
    height = int(size.get(qn("w:h"))) - int(margins.get(qn("w:top"))) - int(margins.get(qn("w:bottom")))
    return width * TWIP, height * TWIP


def blocks(document) -> list[Block]:
    """The body's paragraphs and tables as blocks, each measured at its section's text width."""
    from docx.table import Table
    from docx.text.paragraph import Paragraph

    styles = Styles(document)
    sections = [_page(s) for s in document.element.body.iter(qn("w:sectPr"))]
    found, width = [], sections[0][0]
    for element in document.element.body.iterchildren():
        if element.tag == qn("w:p"):
            found.append(_paragraph(styles, Paragraph(element, document._body), width))
            if found[-1].page is not None:
                width = sections[min(len(sections) - 1, sum(1 for b in found if b.page))][0]
        elif element.tag == qn("w:tbl"):
            found.append(_table(styles, Table(element, document._body)))
    return found


def first_page(document) -> tuple[float, float]:
    """The text area (width, height) in cm of the document's first section."""
    return _page(next(document.element.body.iter(qn("w:sectPr"))))


def pages(document) -> list[Placement]:
    """Where each of the document's blocks falls, as it stands."""
    return place(blocks(document), first_page(document))


def place(found: list[Block], first: tuple[float, float]) -> list[Placement]:
    """Where each block falls: the page it starts on and its top and bottom there (cm). A block that keeps
    with the next goes to the next page with it (and that block's first line) when they do not fit; a whole
    block goes there when it does not fit; a table's rows run on under its repeated header."""
    heights = [first[1], *(b.page[1] for b in found if b.page)]
    placed: list[Placement] = []
    page, y, section = 0, 0.0, 0
    for i, block in enumerate(found):
        height = heights[min(section, len(heights) - 1)]
        previous = found[i - 1] if i else None
        gap = max(block.before, previous.after if previous else 0.0) if y else 0.0  # the larger, not both
        if previous and block.contextual and previous.contextual and block.style == previous.style:
            gap = 0.0
        need = _kept(found, i)
        if y and y + gap + need > height + 1e-9 and need <= height:
            page, y, gap = page + 1, 0.0, 0.0
        y += gap
        start, top, k = page, y, 0
        while k < len(block.pieces):
            fit = _fits(block, k, y, height)
            if not fit:
                page, y = page + 1, block.header if k else 0.0
                if not k:
                    start, top = page, 0.0
                fit = max(1, _fits(block, k, y, height))
            y += sum(block.pieces[k:k + fit])
            k += fit
        placed.append(Placement(block, start, top, page, y, height))
        if block.page:
            section, page, y = section + 1, page + 1, 0.0
    return placed


def _fits(block: Block, k: int, y: float, height: float) -> int:
    """How many of block's pieces from the k-th fit below y; a paragraph broken over pages leaves at least two
    lines on each side (widow and orphan control, which the report sets)."""
    fit, used = 0, y
    while k + fit < len(block.pieces) and used + block.pieces[k + fit] - block.overhang <= height + 1e-9:
        used += block.pieces[k + fit]
        fit += 1
    rest = len(block.pieces) - k - fit
    if block.widows and rest and fit:
        fit -= 1 if rest == 1 else 0
        fit = 0 if k == 0 and fit == 1 else fit
    return fit


def _kept(found: list[Block], i: int) -> float:
    """What must fit below for block i to start where it is: while it keeps with the next, all of it and the
    space to the next; then the last block whole, or as many of its first lines as may stand alone."""
    need = 0.0
    while found[i].keep_next and i + 1 < len(found):
        need += sum(found[i].pieces) + max(found[i].after, found[i + 1].before)
        i += 1
    last = found[i]
    if last.whole or (last.widows and len(last.pieces) < 4):  # two lines, and two left for the next page
        return need + sum(last.pieces) - last.overhang
    return need + sum(last.pieces[:2 if last.widows else 1]) - last.overhang


SAFETY_CM = 0.8  # a figure counts as two lines taller than it is when its place is chosen: Word sets a line
# a little differently from LibreOffice, which the estimate follows
GAP_CM = 3.0  # the empty foot of a page a figure may leave before the text below it is moved up
STOPS = ("Title", "Heading 1")


def settle(document) -> int:
    """Moves each figure (a picture and its caption) that would leave more than GAP_CM of its page empty
    above it below as much of the text after it as fills that page: quotes with their sources, headings with
    what they head; never past a table, another figure, a section's end or the next chapter. A kept table
    that would leave as much empty runs on over the two pages instead. A figure held up by the one after it
    (a theme's charts 2a and 2b) moves once that one has. Returns how many moves and splits."""
    found = blocks(document)
    first = first_page(document)
    changes = 0
    for _ in range(sum(b.figure or b.whole for b in found)):  # each change may free the one before it
        found, floated = _float(found, first)
        found, split = _split(document, found, first)
        changes += floated + split
        if not floated + split:
            break
    return changes


def _float(found: list[Block], first: tuple[float, float]) -> tuple[list[Block], int]:
    """One pass of settle's figures: the blocks after the moves, and how many."""
    moved = 0
    for element in [b.element for b in found if b.figure]:
        f = next(i for i, b in enumerate(found) if b.element is element)
        size = 2 if f + 1 < len(found) and found[f + 1].style == "Caption" else 1
        ends, before = _units(found, f + size), _gap(found, f, first)
        if before <= GAP_CM or not ends:
            continue
        tries = [(_gap(_moved(found, f, size, end), end - size, first), end) for end in ends]
        fitting = [t for t in tries if t[0] <= GAP_CM]
        gap, end = fitting[0] if fitting else min(tries)  # the least text moved that fills the page
        if gap >= before:
            continue
        anchor = found[end - 1].element
        for block in reversed(found[f:f + size]):
            anchor.addnext(block.element)
        found, moved = _moved(found, f, size, end), moved + 1
    return found, moved


SPLIT_ROWS = 4  # a kept table runs on only where its header and three rows fit on the page it starts on


def _split(document, found: list[Block], first: tuple[float, float]) -> tuple[list[Block], int]:
    """One pass of settle's tables: each kept table that goes to the next page with its caption, leaving more
    than GAP_CM empty, runs on from this page instead (keep_rows), where SPLIT_ROWS of it fit here."""
    from docx.table import Table

    split = 0
    for t, table in enumerate(found):
        if not table.whole or table.element.tag != qn("w:tbl") or len(table.pieces) < 2 * SPLIT_ROWS:
            continue
        c = t
        while c and found[c - 1].keep_next:  # its caption, kept with it
            c -= 1
        placed = place(found, first)
        if not c or placed[c].page == placed[c - 1].last or placed[c - 1].room - placed[c - 1].bottom <= GAP_CM:
            continue
        running = [*found[:t], replace(table, whole=False, widows=True), *found[t + 1:]]
        there = place(running, first)[t]
        if there.page == placed[c - 1].last and there.top + sum(table.pieces[:SPLIT_ROWS]) <= there.room:
            keep_rows(Table(table.element, document._body), whole=False)
            found, split = running, split + 1
    return found, split


def _moved(found: list[Block], f: int, size: int, end: int) -> list[Block]:
    """The blocks with the size blocks from f put before end."""
    return found[:f] + found[f + size:end] + found[f:f + size] + found[end:]


def _units(found: list[Block], start: int) -> list[int]:
    """Where the figure may go, as indices it may be put before: after each whole unit of text from start (a
    heading with what it heads, a quote with the line that says who said it), up to the first stop."""
    ends, i = [], start
    while i < len(found):
        block = found[i]
        if block.figure or block.page or block.style in STOPS or block.element.tag == qn("w:tbl"):
            break
        i += 1
        if block.keep_next or block.style == "Quote":
            continue
        ends.append(i)
    return ends


def _gap(found: list[Block], f: int, first: tuple[float, float]) -> float:
    """How much of the page before block f is left empty because f (SAFETY_CM taller) goes to the next."""
    safe = list(found)
    safe[f] = replace(found[f], pieces=tuple(p + SAFETY_CM for p in found[f].pieces))
    placed = place(safe, first)
    if not f or placed[f].page == placed[f - 1].last:
        return 0.0
    return placed[f - 1].room - placed[f - 1].bottom
