"""The page estimate the Word report places its figures by: widths in the faces' own metrics, lines wrapped, blocks
kept together as Word keeps them, and figures floated below the text that fills their page."""

import io
from dataclasses import replace
from pathlib import Path

import docx
import pytest
from docx.oxml import OxmlElement
from docx.shared import Cm
from hypothesis import given
from hypothesis import strategies as st

from workbench.reports.faces import text_cm
from workbench.reports.word_layout import keep_rows
from workbench.reports.word_pages import GAP_CM, Block, blocks, pages, place, settle, wrap

PAGE = (17.0, 20.0)  # a text area (width, height) in cm
LINE = 0.5


@pytest.mark.parametrize("face,family,style", [("Carlito-Bold", "Calibri", "bold"), ("Caladea-Regular", "Cambria",
                                                                                      "regular"),
                                               ("Caladea-Italic", "Cambria", "italic")])
def test_the_shipped_widths_are_the_installed_faces_widths(face, family, style):
    """fonts.json against the face itself where it is installed (.ci/run installs Carlito and Caladea), as
    scripts/font_widths.py made it."""
    from fontTools.ttLib import TTFont

    path = Path("/usr/share/fonts/truetype/crosextra") / f"{face}.ttf"
    if not path.exists():
        pytest.skip(f"{face} is not installed")
    font = TTFont(path)
    cmap, advances, units = font.getBestCmap(), font["hmtx"].metrics, font["head"].unitsPerEm
    for text in ("tweedegraads", "Internationalisering@home", "“Coördinatie”, café — 12 (86 %)"):
        measured = sum(advances[cmap[ord(c)]][0] for c in text) / units * 11 / 72 * 2.54
        assert text_cm(text, family, style, 11) == pytest.approx(measured, rel=1e-3), text


words = st.lists(st.floats(0.05, 6.0), min_size=1, max_size=60)


@given(words, st.floats(1.0, 17.0), st.floats(0.1, 5.0))
def test_a_wider_column_never_takes_more_lines_and_no_line_holds_more_than_its_width(widths, width, more):
    items = [(f"w{i}", w, 0.1) for i, w in enumerate(widths)]
    narrow, wide = wrap(items, width), wrap(items, width + more)
    assert wide <= narrow
    assert narrow >= sum(widths) / width - 1e-9  # all the words' ink has to go somewhere
    assert narrow <= len(widths) + sum(int(w // width) for w in widths)  # at worst a word a line, long ones broken


def test_a_line_break_starts_a_new_line():
    assert wrap([("a", 1.0, 0.1), ("\n", 0, 0), ("b", 1.0, 0.1)], 10.0) == 2


def lines(n, **kwargs) -> Block:
    return Block(object(), (LINE,) * n, widows=True, **kwargs)


def test_a_heading_goes_to_the_next_page_with_the_first_two_lines_of_what_it_heads():
    filler = lines(38)  # 19 cm of 20
    heading = Block(object(), (0.7,), keep_next=True, whole=True)
    placed = place([filler, heading, lines(10)], PAGE)
    assert [p.page for p in placed] == [0, 1, 1] and placed[1].top == 0.0


@pytest.mark.parametrize("room,length,here", [(2, 3, 0), (2, 5, 2), (4, 5, 3), (1, 6, 0), (3, 6, 3)])
def test_a_paragraph_leaves_no_line_alone_at_the_foot_or_the_head_of_a_page(room, length, here):
    """room lines left on the page, a paragraph of length lines: here of them stay on this page."""
    placed = place([lines(40 - room), lines(length)], PAGE)
    assert (placed[1].page, placed[1].last) == ((0, 1) if here else (1, 1))
    assert placed[1].bottom == pytest.approx((length - here) * LINE)


def test_a_kept_table_goes_whole_to_the_next_page_and_a_long_one_runs_on_under_its_header():
    kept = Block(object(), (LINE,) * 10, whole=True, header=LINE)
    assert place([lines(35), kept], PAGE)[1].page == 1
    long = Block(object(), (LINE,) * 60, header=LINE)
    placed = place([lines(35), long], PAGE)[1]
    assert (placed.page, placed.last) == (0, 2)
    assert placed.bottom == pytest.approx(LINE * (1 + 60 - 5 - 39))  # header, then the rows the pages left


def picture(height_cm: float) -> io.BytesIO:
    from PIL import Image

    buffer = io.BytesIO()
    Image.new("RGB", (160, int(height_cm * 10)), "white").save(buffer, format="PNG")
    buffer.seek(0)
    return buffer


def report(lead_lines: int, figure_cm: float = 12.0, quotes: int = 12):
    """A theme as the report writes it: a lead of some lines, a figure with its caption, quotes with their
    sources; then the next theme's heading and a table."""
    document = docx.Document()
    document.add_paragraph("\n".join(f"Regel {i}" for i in range(lead_lines)))
    document.add_picture(picture(figure_cm), width=Cm(16))
    document.paragraphs[-1].paragraph_format.keep_with_next = True
    document.add_paragraph("Figuur 1. Een figuur", style="Caption")
    document.add_heading("Citaten", level=2)
    for i in range(quotes):
        document.add_paragraph(f"“Citaat {i}: " + "woord " * 30 + "”", style="Quote")
        document.add_paragraph(f"— R{i:02d}, pabo")
    document.add_heading("Volgend thema", level=1)
    document.add_table(rows=2, cols=2)
    return document


def texts(document) -> list[str]:
    return sorted(element.xpath("string(.)") for element in document.element.body.iterchildren())


def test_a_figure_that_would_leave_its_page_half_empty_goes_below_the_quotes_that_fill_it():
    document = report(lead_lines=25)
    before = texts(document)
    found = blocks(document)
    (f,) = [i for i, b in enumerate(found) if b.figure]
    placed = pages(document)
    assert placed[f].page == 1 and placed[f - 1].room - placed[f - 1].bottom > GAP_CM  # the gap it used to leave
    assert settle(document) == 1
    found, placed = blocks(document), pages(document)
    (f,) = [i for i, b in enumerate(found) if b.figure]
    assert found[f + 1].style == "Caption" and found[f - 1].style == "Normal"  # below a quote's source
    assert placed[f].page == placed[f - 1].last or placed[f - 1].room - placed[f - 1].bottom <= GAP_CM
    assert texts(document) == before  # every word kept, none twice


def test_a_figure_that_fits_stays_and_one_never_passes_the_next_theme():
    document = report(lead_lines=3)
    assert settle(document) == 0
    document = report(lead_lines=25, quotes=1)  # too few quotes to fill the page: it goes as far as they do
    settle(document)
    found = blocks(document)
    order = [b.style or "table" for b in found]
    assert order.index("Caption") < order.index("Heading 1")
    assert found[order.index("Heading 1") - 1].style == "Caption"


def test_a_line_spaced_wider_than_single_may_run_its_extra_past_the_foot_of_the_page():
    """As LibreOffice sets it (tests/services/test_word_rendered.py measures it): the page's last line needs
    only its single height."""
    filler = Block(object(), (LINE,) * 39 + (0.05,))
    assert place([filler, replace(lines(1), overhang=0.1)], PAGE)[1].page == 0
    assert place([filler, lines(1)], PAGE)[1].page == 1


def table_after(lead_lines: int, rows: int, cell_lines: int = 1):
    """A lead of some lines, then a captioned table kept on one page as the report writes it."""
    document = docx.Document()
    document.add_paragraph("\n".join(f"Regel {i}" for i in range(lead_lines)))
    document.add_paragraph("Tabel 1. Een tabel", style="Caption").paragraph_format.keep_with_next = True
    table = document.add_table(rows=rows, cols=2)
    for r, row in enumerate(table.rows):
        row._tr.get_or_add_trPr().append(OxmlElement("w:cantSplit"))
        for c, cell in enumerate(row.cells):
            cell.text = "\n".join([f"rij {r} kolom {c}"] * cell_lines)
    keep_rows(table, whole=True)
    return document, table


def kept(table) -> list[int]:
    return [r for r, row in enumerate(table.rows) if row.cells[0].paragraphs[0].paragraph_format.keep_with_next]


def test_a_kept_table_that_would_leave_its_page_half_empty_runs_on_from_it_never_a_row_alone():
    document, table = table_after(lead_lines=22, rows=30)
    before, placed = texts(document), pages(document)
    assert placed[1].page == 1 and placed[0].room - placed[0].bottom > GAP_CM  # caption and table went over
    assert settle(document) == 1
    assert kept(table) == [0, 28]  # the header with the first row, the last two rows together
    placed = pages(document)
    assert placed[2].page == 0 and placed[2].last == 1 and texts(document) == before


@pytest.mark.parametrize("lead_lines,rows,cell_lines", [(38, 6, 1), (32, 12, 3), (3, 30, 1)])
def test_a_short_table_a_table_with_no_room_for_four_rows_and_one_that_fits_stay_whole(lead_lines, rows,
                                                                                       cell_lines):
    document, table = table_after(lead_lines, rows, cell_lines)
    placed = pages(document)
    assert placed[1].page == (0 if lead_lines == 3 else 1)
    assert settle(document) == 0 and kept(table) == list(range(rows - 1))
