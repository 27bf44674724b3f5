"""The Word and Markdown reports' details a reader checks: the document's language, percentages, groups that
add up to more than the total, programme names as written, themes in the codebook's order."""

from pathlib import Path

import docx
import pytest
from docx.oxml.ns import qn

from workbench.core.counting import TOTAL
from workbench.core.dto import FrequencyReport, FrequencyRow
from workbench.reports.frequency_text import markdown
from workbench.reports.word import frequency_docx
from workbench.reports.word_layout import LANDSCAPE_CM, TEXT_CM

SIZES = {"pabo": 8, "ULO": 2, TOTAL: 9}  # one respondent is in both: 8 + 2 > 9


def report() -> FrequencyReport:
    counts = {"Werkdruk": (0, 1, 1), "Studenten": (5, 1, 6), "Studenten > Studievertraging": (5, 1, 6)}
    rows = tuple(FrequencyRow(path, path.rsplit(" > ", 1)[-1], path.count(" > "), group, n, SIZES[group])
                 for path, values in counts.items() for group, n in zip(("pabo", "ULO", TOTAL), values))
    return FrequencyReport("respondent", "programme", ("pabo", "ULO"), SIZES, rows)


def test_a_dutch_report_is_dutch_to_word_with_percentages_rounded_half_up_and_none_for_a_tiny_group(tmp_path):
    frequency_docx(report(), {}, tmp_path / "r.docx", (), "nl")
    document = docx.Document(str(tmp_path / "r.docx"))
    defaults = document.styles.element.find(qn("w:docDefaults")).find(qn("w:rPrDefault")).find(qn("w:rPr"))
    assert defaults.find(qn("w:lang")).get(qn("w:val")) == "nl-NL" and document.core_properties.language == "nl-NL"
    table = next(t for t in document.tables if any(c.text.strip() == "Studievertraging" for c in t.columns[0].cells))
    row = next(r for r in table.rows if r.cells[0].text.strip() == "Studievertraging")
    assert [c.text for c in row.cells[1:]] == ["5 (63 %)", "1", "6 (67 %)"]  # 5/8 = 62.5 %; N = 2: no share
    said = " ".join(p.text for p in document.paragraphs)
    assert "telt bij elk daarvan" in said  # why pabo and ULO add up to more than the total
    frequency_docx(report(), {}, tmp_path / "en.docx", (), "en")
    assert docx.Document(str(tmp_path / "en.docx")).core_properties.language == "en-GB"


def test_markdown_keeps_programme_names_as_written_themes_in_codebook_order_and_one_respondent_singular():
    text = markdown(report())
    headings = [line for line in text.splitlines() if line.startswith("## ")]
    assert headings == ["## Pabo (N = 8 respondents)", "## ULO (N = 2 respondents)", "## Total (N = 9 respondents)"]
    ulo = text.split("## ULO")[1].split("##")[0]
    assert ulo.index("- Werkdruk (1x)") < ulo.index("- Studenten (1x)")  # the codebook's order, not the counts'
    one = FrequencyReport("respondent", "none", (), {TOTAL: 1}, (FrequencyRow("Werkdruk", "Werkdruk", 0, TOTAL, 1, 1),))
    assert "## Total (N = 1 respondent)" in markdown(one)


def test_every_table_and_figure_has_a_numbered_caption_and_no_programme_name_breaks(tmp_path):
    frequency_docx(report(), {}, tmp_path / "r.docx", (), "nl")
    document = docx.Document(str(tmp_path / "r.docx"))
    captions = [p.text for p in document.paragraphs if p.style.name == "Caption"]
    assert captions == ["Tabel 1. Werkdruk: respondenten per groep, met hun aandeel in de N van de groep",
                        "Figuur 1. Werkdruk: aandeel in de N van elke groep (respondenten)",
                        "Tabel 2. Studenten: respondenten per groep, met hun aandeel in de N van de groep",
                        "Figuur 2. Studenten: aandeel in de N van elke groep (respondenten)"]
    assert [c.text for c in document.tables[0].rows[0].cells] == ["Code", "pabo\nN = 8", "ULO\nN = 2", "Totaal\nN = 9"]


def longest_cm(text: str, font: str, points: float) -> float:
    """The widest word of a cell's text (its indent with its first word), measured by Pillow, not by the report."""
    from PIL import ImageFont

    face = ImageFont.truetype(font, 1000)
    indent = len(text) - len(text.lstrip("\u2003"))
    words = [line.split() for line in text.splitlines()]
    shown = ["\u2003" * indent + ws[0] if i == 0 else w for ws in words if ws for i, w in enumerate(ws)]
    return max((face.getlength(word) / 1000 * points / 72 * 2.54 for word in shown), default=0)


WIDE = ("pabo", "tweedegraads", "ULO", "ALO", "KVDO", "lerarenopleiding", "academische lerarenopleiding")


CODES = ["Beelden", "Beelden > Activiteiten", "Beelden > Activiteiten > Internationalisering@home",
         "Beelden > Activiteiten > Curriculumontwikkeling"]


def wide_table(tmp_path, groups) -> docx.document.Document:
    sizes = {**dict.fromkeys(groups, 4), TOTAL: 20}
    rows = tuple(FrequencyRow(c, c.rsplit(" > ", 1)[-1], c.count(" > "), g, 1, sizes[g]) for c in CODES
                 for g in (*groups, TOTAL))
    frequency_docx(FrequencyReport("respondent", "programme", groups, sizes, rows), {}, tmp_path / "w.docx", (), "nl")
    return docx.Document(str(tmp_path / "w.docx"))


def carlito_bold() -> str:
    """The file of the face LibreOffice draws Calibri in, where this machine has it (.ci/run installs it)."""
    from matplotlib import font_manager

    found = [path for path in font_manager.findSystemFonts() if Path(path).stem.lower() in ("calibrib", "carlito-bold")]
    if not found:
        pytest.skip("neither Calibri nor Carlito is installed here (.ci/run installs Carlito)")
    return found[0]


@pytest.mark.parametrize("groups", [WIDE[:5], WIDE[:6], WIDE])
def test_no_word_of_a_table_breaks_in_its_type_and_a_table_too_wide_for_the_page_is_on_its_side(tmp_path, groups):
    """Measured by Pillow in the face the reader's Word or LibreOffice draws (Calibri or Carlito), no programme
    or code name breaks in its column: 'tweedegr|aads' and 'Internationalisering@hom|e' did, in LibreOffice."""
    font = carlito_bold()
    document = wide_table(tmp_path, groups)
    (table,) = document.tables
    margins = 2 * 0.19  # Word's default cell margins, left and right
    for row in table.rows:
        for cell in row.cells:
            (points,) = {run.font.size.pt for p in cell.paragraphs for run in p.runs}
            assert cell.width.cm >= longest_cm(cell.text, font, points) + margins, cell.text
    on_side = [s.page_width > s.page_height for s in document.sections]
    width = sum(cell.width.cm for cell in table.rows[0].cells)
    assert width <= (LANDSCAPE_CM if on_side[1:2] == [True] else TEXT_CM) + 0.01
    if len(groups) in (5, len(WIDE)):  # the sample study's five: upright; all seven: on its side
        assert on_side == ([False] if len(groups) == 5 else [False, True, False])


def test_a_tables_layout_is_the_same_on_a_machine_without_the_readers_fonts(tmp_path, monkeypatch):
    """The columns were measured in a font file found on this machine, else in DejaVu Sans Bold (a fifth wider):
    on a new machine without Carlito the seven programmes' table was 29 cm wide on a page of 25.7 cm, and one
    study gave another report on another machine. The widths are Calibri's, shipped with the package."""
    from matplotlib import font_manager

    from workbench.reports import word_layout

    def columns() -> tuple[list[float], list[bool]]:
        for found in vars(word_layout).values():  # nothing measured before is kept
            getattr(found, "cache_clear", lambda: None)()
        document = wide_table(tmp_path, WIDE)
        return ([round(cell.width.cm, 3) for cell in document.tables[0].rows[0].cells],
                [s.page_width > s.page_height for s in document.sections])

    here = columns()
    monkeypatch.setattr(font_manager, "findSystemFonts", lambda *args, **kwargs: [])
    elsewhere = columns()
    assert elsewhere == here
    assert elsewhere[1] == [False, True, False] and sum(elsewhere[0]) <= LANDSCAPE_CM + 0.01


def test_a_table_stays_with_its_caption_on_one_page_its_header_on_every_page_and_a_figure_with_its_caption(
        tmp_path):
    from docx.oxml.ns import qn as name

    frequency_docx(report(), {}, tmp_path / "r.docx", (), "nl")
    document = docx.Document(str(tmp_path / "r.docx"))
    body = list(document.element.body)
    for table in document.tables:
        before = body[body.index(table._tbl) - 1]
        assert before.xpath("string(.)").startswith("Tabel") and before.xpath("./w:pPr/w:keepNext")
        rows = table.rows
        assert rows[0]._tr.trPr.find(name("w:tblHeader")) is not None
        assert all(r._tr.trPr.find(name("w:cantSplit")) is not None for r in rows)
        assert all(p.paragraph_format.keep_with_next for r in rows[:-1] for c in r.cells for p in c.paragraphs)
    pictures = [p for p in document.paragraphs if p._p.xpath(".//pic:pic")]
    assert pictures and all(p.paragraph_format.keep_with_next for p in pictures)
    elements = [p._p for p in document.paragraphs]
    following = [document.paragraphs[elements.index(p._p) + 1].text for p in pictures]
    assert all(text.startswith("Figuur") for text in following)
