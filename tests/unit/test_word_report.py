"""The Word and Markdown reports' details a reader checks: the document's language, percentages, groups that
add up to more than the total, programme names as written, themes in the codebook's order."""

import docx
from docx.oxml.ns import qn

from workbench.core.counting import TOTAL
from workbench.core.dto import FrequencyReport, FrequencyRow
from workbench.reports.frequency_text import markdown
from workbench.reports.word import CHAR_CM, LANDSCAPE_CM, column_widths, frequency_docx, upright_size

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


def test_a_group_column_is_as_wide_as_its_longest_word_and_a_table_too_wide_for_the_page_is_on_its_side(tmp_path):
    names = ["pabo", "tweedegraads", "ULO", "ALO", "KVDO", "Totaal"]  # the sample study's: upright in smaller type
    first, other = column_widths(names)
    assert other >= len("tweedegraads") * CHAR_CM and first >= 3.5 and upright_size(names) == 7.5
    wider = ["pabo", "tweedegraads", "ULO", "ALO", "KVDO", "lerarenopleiding", "Totaal"]
    assert upright_size(wider) is None
    first, other = column_widths(wider, LANDSCAPE_CM)
    assert first + 7 * other <= LANDSCAPE_CM and column_widths(["pabo", "Totaal"]) == (5.0, 2.4)
    groups = ("pabo", "tweedegraads", "ULO", "ALO", "KVDO", "lerarenopleiding")
    sizes = {**dict.fromkeys(groups, 4), TOTAL: 20}
    rows = tuple(FrequencyRow("Werkdruk", "Werkdruk", 0, g, 1, sizes[g]) for g in (*groups, TOTAL))
    frequency_docx(FrequencyReport("respondent", "programme", groups, sizes, rows), {}, tmp_path / "w.docx", (), "nl")
    document = docx.Document(str(tmp_path / "w.docx"))
    assert [s.page_width > s.page_height for s in document.sections] == [False, True, False]
