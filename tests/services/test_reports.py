"""Reports read back as the lead researcher's tools would: Word, Excel, charts, quotes."""

import csv
import html
import re
import struct
from datetime import timedelta
from decimal import Decimal

import docx
import openpyxl
import pytest

from tests.conftest import CODEBOOK, SAMPLE
from workbench import i18n
from workbench.core.spans import PASSAGE_WORDS, sentences
from workbench.errors import WorkbenchError
from workbench.reports.charts import (
    DPI,
    MAX_BARS,
    PAGE_CM,
    WIDTH_CM,
    chart_paths,
    colours,
    cooccurrence_chart,
    frequency_chart,
    frequency_figure,
    heat_values,
    label,
    listed,
    parts,
    themes,
    write_charts,
)
from workbench.reports.excel import frequency_xlsx
from workbench.reports.word import frequency_docx, quotes_docx
from workbench.services import codebook, codings, cooccurrence, lookup, participants, quotes, transcripts
from workbench.services.codings import add_coding
from workbench.services.frequencies import frequencies
from workbench.services.matrices import code_document_matrix, respondent_matrix
from workbench.transcripts.clock import format_clock

CODE = "Studenten > Belemmeringen studenten > Studievertraging"


def real_names():
    """Every name in the registry that must never reach a report: people and institutions."""
    with open(SAMPLE / "participants.csv", encoding="utf-8") as handle:
        rows = list(csv.DictReader(handle))
    people = {r["speaker"] for r in rows if len(r["speaker"]) > 2}
    return people | {"Gast (Hogeschool Maasoever)"}, {r["institution"] for r in rows if r["institution"]}


def docx_text(path):
    document = docx.Document(str(path))
    cells = [cell.text for table in document.tables for row in table.rows for cell in row.cells]
    return document, "\n".join([p.text for p in document.paragraphs] + cells)



def half_up(count: int, n: int) -> str:
    """A count and its share as a reader rounds it (62.5 % is 63 %); no share of fewer than three."""
    return f"{count} ({int(Decimal(100 * count) / Decimal(n) + Decimal('0.5'))} %)" if n >= 3 else str(count)


def test_word_report_tables_counts_chart_quotes_and_no_names(sample_db, tmp_path):
    report = frequencies(sample_db, "respondent", "programme")
    found = quotes.quotes(sample_db)
    per_code = {p: quotes.spread([q for q in found if q.code_path == p], 3) for p in {q.code_path for q in found}}
    frequency_docx(report, per_code, tmp_path / "report.docx", language="nl")
    document, text = docx_text(tmp_path / "report.docx")
    tops = [r for r in report.rows if r.depth == 0 and r.group == "" and r.count]
    assert len(document.tables) == len(tops)
    charts = sum(len(parts(report, paths)) for paths in themes(report).values())
    figures = [p.text for p in document.paragraphs if p.style.name == "Caption" and p.text.startswith("Figuur")]
    assert len(document.inline_shapes) == len(figures) == charts > len(tops)  # a long theme over two charts
    sizes = report.sizes
    row = next(r for t in document.tables for r in t.rows if r.cells[0].text.strip() == "Studievertraging")
    expected = {r.group: r.count for r in report.rows if r.path == CODE}
    groups = [*report.groups, ""]
    assert [c.text for c in row.cells[1:]] == [half_up(expected[g], sizes[g]) for g in groups]
    assert f"Studievertraging ({expected['']}x)" in text
    respondents = {t.respondent for s in transcripts.list_transcripts(sample_db)
                   for t in transcripts.show_transcript(sample_db, s.name).turns if t.role == "respondent"}
    assert "Telregel" in text and f"totaal (N = {len(respondents)})" in text  # N counted here, not assumed
    assert any(p.style.name == "Quote" for p in document.paragraphs)
    people, institutions = real_names()
    for name in people | institutions:
        assert name not in text, name
        for part in name.replace("-", " ").split():  # as a name: 'Zuid' of Randstad-Zuid in Zuid-Afrika is a word
            if len(part) > 3 and part not in ("Hogeschool", "Universiteit", "Kunstacademie", "Gast"):
                assert not re.search(rf"(?<![\w-]){re.escape(part)}(?![\w-])", text), part


def test_the_word_report_reads_like_a_results_chapter_in_english_too(sample_db, tmp_path):
    """The counting rule once, per theme a lead sentence then the list before the table, an appendix with every
    code's description and N per programme; in English with --language en, in Dutch by default."""
    report = frequencies(sample_db, "respondent", "programme")
    book = codebook.show_codebook(sample_db, counted=False)
    for language, rule, leads, appendix in (("en", "Counting rule", ("most often (", "Only "), "Appendix: codebook"),
                                            ("nl", "Telregel", ("het vaakst genoemd (", "Alleen "), "Bijlage: codeboek")):
        frequency_docx(report, {}, tmp_path / f"{language}.docx", book, language)
        document, text = docx_text(tmp_path / f"{language}.docx")
        paragraphs = [p.text for p in document.paragraphs]
        tops = [r for r in report.rows if r.depth == 0 and r.group == "" and r.count]
        assert text.count(rule) == 1
        for top in tops:  # the lead right under the theme's heading, prose; then the list
            at = paragraphs.index(f"{top.code} ({top.count}x)")
            assert any(word in paragraphs[at + 1] for word in leads) and paragraphs[at + 1].endswith(".")
            assert paragraphs[at + 2].endswith("x)")
        tail = paragraphs[paragraphs.index(appendix):]
        assert all(any(p.startswith(f"{c.name} — ") for p in tail) for c in book)
        assert all(f"{g}: N = {report.sizes[g]}" in tail for g in report.groups)


def test_excel_report_sheets(sample_db, tmp_path):
    reports = [frequencies(sample_db, unit, "programme") for unit in ("respondent", "institution", "quotation")]
    i18n.use("nl")  # the report's language (the CLI's --language); the next test starts in English again
    frequency_xlsx(reports, code_document_matrix(sample_db), respondent_matrix(sample_db), quotes.quotes(sample_db),
                   tmp_path / "r.xlsx")
    book = openpyxl.load_workbook(tmp_path / "r.xlsx")
    assert book.sheetnames == ["Frequenties respondenten", "Frequenties instellingen", "Frequenties citaten",
                               "Respondenten x codes", "Codes x documenten", "Citaten"]
    sheet = book["Frequenties respondenten"]
    header = [c.value for c in sheet[1]]
    row = next(r for r in sheet.iter_rows(values_only=True) if r[0] == CODE)
    expected = {r.group or "totaal": r.count for r in reports[0].rows if r.path == CODE}
    assert {h: v for h, v in zip(header[2:], row[2:])} == expected
    assert [c.value for c in sheet[2]][2:] == [reports[0].sizes[g] for g in [*reports[0].groups, ""]]
    quote_rows = list(book["Citaten"].iter_rows(min_row=2, values_only=True))
    assert len(quote_rows) == len(quotes.quotes(sample_db))
    documents = code_document_matrix(sample_db)
    matrix = book["Codes x documenten"]
    assert matrix.max_row == len(documents.codes) + 1 and matrix.max_column == len(documents.documents) + 1
    assert {(row[0], d): n for row in matrix.iter_rows(min_row=2, values_only=True)
            for d, n in zip(documents.documents, row[1:]) if n} == documents.counts
    people = respondent_matrix(sample_db)
    sheet = book["Respondenten x codes"]
    header = [c.value for c in sheet[1]]
    rows = {r[0]: dict(zip(header, r)) for r in sheet.iter_rows(min_row=2, max_row=len(people.rows) + 1,
                                                                values_only=True)}
    assert {name: {c: row[c] for c in people.codes} for name, row in rows.items()} == {
        r.respondent: r.counts for r in people.rows}
    assert sheet.auto_filter.ref == f"A1:{sheet.cell(1, sheet.max_column).column_letter}{len(people.rows) + 1}"
    for sheet in book.worksheets:  # printable: A4 landscape, a page wide, the header on every page
        assert (sheet.page_setup.orientation, sheet.print_title_rows, sheet.sheet_properties.pageSetUpPr.fitToPage) \
            == ("landscape", "$1:$1", True), sheet.title
    for sheet in book.worksheets:  # a heading is never cut, the header stays in view, filters where they help
        assert all(c.font.b and c.alignment.wrap_text for c in sheet[1]), sheet.title
    assert [book[t].freeze_panes for t in book.sheetnames] == ["C3"] * 3 + ["B2", "B2", "A2"]
    assert all(c.font.b for c in book["Frequenties respondenten"][2])  # the N row
    widths = book["Frequenties respondenten"].column_dimensions
    assert (widths["A"].width, widths["B"].width, book["Citaten"].column_dimensions["F"].width) == (60, 40, 100)
    assert book["Citaten"].auto_filter.ref == f"A1:G{len(quote_rows) + 1}"
    assert book["Citaten"].cell(2, 5).number_format == "[h]:mm:ss"
    times = [row[4] for row in book["Citaten"].iter_rows(min_row=2, values_only=True) if row[4] is not None]
    assert times and all(isinstance(t, timedelta) for t in times)  # times, not text


def test_one_chart_per_theme_fits_an_a4_column_and_a_page(sample_db, tmp_path):
    """The sample study's longest theme has 15 subcodes x 5 programmes: thinner bars, never a tower."""
    report = frequencies(sample_db, "respondent", "programme")
    targets = chart_paths(report, tmp_path / "freq.png")
    assert len(targets) == len({r.path.split(" > ")[0] for r in report.rows if r.count and r.group == ""})
    write_charts(report, targets)
    for target in (t for files in targets.values() for t in files):
        width, height = struct.unpack(">II", target.read_bytes()[16:24])  # the PNG header
        assert abs(width - WIDTH_CM / 2.54 * DPI) <= 1 and height <= PAGE_CM / 2.54 * DPI + 1, target.name
    assert [files[0].name for files in targets.values()][0].startswith("freq-01-")
    split = [files for files in targets.values() if len(files) > 1]
    assert split and all(f.name.endswith(("-a.png", "-b.png", "-c.png")) for files in split for f in files)
    with pytest.raises(WorkbenchError, match=".png or .svg"):
        chart_paths(report, tmp_path / "c.gif")


def test_a_bar_is_a_share_of_its_programme_s_n_labelled_with_count_and_share_in_the_list_s_order(sample_db):
    report = frequencies(sample_db, "respondent", "programme")
    theme = themes(report)["Studenten"]
    svg = frequency_chart(report, theme, "Studenten", "svg").decode()
    cells = {(r.path, r.group): (r.count, r.n) for r in report.rows}
    for path in theme:
        for group in report.groups:
            count, n = cells[(path, group)]
            if cells[(path, "")][0]:
                assert half_up(count, n) in svg or count == 0
    order = listed(report, theme)
    assert sorted(order) == sorted(p for p in theme if cells[(p, "")][0])
    for i, path in enumerate(order):  # each code right under its parent (or a sibling of its own), siblings most
        parent = path.rsplit(" > ", 1)[0]  # named first
        if parent in order:
            assert order.index(parent) < i and all(p.startswith(parent + " > ") for p in order[order.index(parent) + 1:i])
        siblings = [p for p in order if p.rsplit(" > ", 1)[0] == parent]
        assert [cells[(p, "")][0] for p in siblings] == sorted((cells[(p, "")][0] for p in siblings), reverse=True)


def test_the_legend_stands_outside_every_bar_and_no_chart_has_more_than_the_most_bars(sample_db):
    """The legend covered bars in four of six charts; the Erasmus+ chart had 75 bars."""
    report = frequencies(sample_db, "respondent", "programme")
    for top, paths in themes(report).items():
        for piece in parts(report, paths):
            figure = frequency_figure(report, piece, top)
            figure.canvas.draw()
            renderer = figure.canvas.get_renderer()
            axes = figure.axes[0]
            legend = axes.get_legend().get_window_extent(renderer)
            bars = [patch.get_window_extent(renderer) for patch in axes.patches]
            labels = [text.get_window_extent(renderer) for text in axes.texts if text.get_text()]
            assert bars and not any(legend.overlaps(box) for box in bars + labels), top
            whole = figure.bbox
            assert whole.x0 <= legend.x0 and legend.x1 <= whole.x1 and legend.y1 <= whole.y1, top  # not cut
            assert len(bars) <= MAX_BARS, top


def test_every_programme_has_the_same_colour_in_every_chart(sample_db):
    report = frequencies(sample_db, "respondent", "programme")
    palette = colours(report)
    assert list(palette) == list(report.groups) and len(set(palette.values())) == len(palette)
    for top, paths in themes(report).items():
        svg = frequency_chart(report, paths, top, "svg").decode().lower()
        assert all(colour.lower() in svg for colour in palette.values()), top


def test_the_cooccurrence_heat_map_is_square_in_a_column_and_names_every_code(sample_db):
    found = cooccurrence.cooccurrence(sample_db, "respondent")
    svg = cooccurrence_chart(found, "svg").decode()
    assert all(html.escape(path.split(" > ")[-1], quote=False) in svg for path in found.codes)
    width, height = struct.unpack(">II", cooccurrence_chart(found)[16:24])
    assert width == height and abs(width - WIDTH_CM / 2.54 * DPI) <= 1


def test_the_heat_map_colours_how_strongly_codes_go_together_not_how_often_each_is_used(sample_db):
    """Raw counts let the diagonal and the most used codes take the whole colour scale."""
    found = cooccurrence.cooccurrence(sample_db, "respondent")
    values = heat_values(found)
    n = {i: found.counts.get((i, i), 0) for i in range(len(found.codes))}
    for i, row in enumerate(values):
        assert row[i] is None  # the code with itself: left out
        for j, value in enumerate(row):
            if i != j:
                both = found.counts.get((i, j), 0)
                assert value == (both / (n[i] + n[j] - both) if n[i] + n[j] - both else 0.0) and 0 <= value <= 1
    svg = cooccurrence_chart(found, "svg", "nl").decode()
    assert "Codes die samen voorkomen (respondenten" in svg and "Jaccard-index" in svg


def test_labels_say_count_and_share():
    assert (label(12, 14), label(0, 5), label(3, 0), label(5, 8), label(1, 2)) == ("12 (86 %)", "", "3", "5 (63 %)",
                                                                                  "1")


@pytest.fixture
def small(db, tmp_path):
    """Bram: studievertraging + te duur in one turn; Carlijn: both, in separate turns; Daan: te duur."""
    (tmp_path / "t.txt").write_text(
        "Anouk   0:01\nWaarom niet?\n\nBram   0:05\nStudievertraging en het is te duur, zegt Anouk.\n\n"
        "Carlijn   0:09\nStudievertraging, zoals Bram zei.\n\nAnouk   0:10\nEn verder?\n\nCarlijn   0:12\n"
        "Te duur ook, op Hogeschool Noordkust.\n\nDaan   0:15\nTe duur.\n", encoding="utf-8")
    (tmp_path / "p.csv").write_text(
        "transcript,speaker,respondent,role,institution,programme\n,Anouk,I1,interviewer,,\n"
        ",Bram,R01,respondent,Hogeschool Noordkust,pabo\n,Carlijn,R02,respondent,Hogeschool Zuid,ULO\n"
        ",Daan,R03,respondent,Hogeschool Zuid,pabo\n", encoding="utf-8")
    transcripts.import_paths(db, [tmp_path / "t.txt"], replace=False, coder="c")
    participants.import_registry(db, tmp_path / "p.csv")
    codebook.import_codebook(db, CODEBOOK, "lead")
    from workbench.services.autocode import autocode

    autocode(db, "c", unit="match")
    return db


def test_cooccurrence_per_turn_and_per_respondent(small):
    money = "Studenten > Belemmeringen studenten > Financiële redenen"
    for unit, both in (("turn", 1), ("respondent", 2)):
        report = cooccurrence.cooccurrence(small, unit)
        i, j = report.codes.index(CODE), report.codes.index(money)
        assert report.counts[(i, j)] == report.counts[(j, i)] == both
        assert report.counts[(i, i)] == 2
    assert cooccurrence.cooccurrence(small, "respondent").counts[(j, j)] == 3


def test_a_coding_over_two_respondents_turns_is_quoted_once_beside_another_of_the_same_start(small):
    """Quotes are read in one pass (millions of them): a coding's rows must come one after another, also when
    another coding starts where it does."""
    turns = [t for t in transcripts.show_transcript(small, "t").turns if t.speaker in ("R01", "R02")]
    both = add_coding(small, "c", "t", CODE, turns[0].start, turns[1].end)
    first = add_coding(small, "c", "t", "Studenten > Belemmeringen studenten > Financiële redenen",
                       turns[0].start, turns[0].end)
    found = [q.guid for q in quotes.quotes(small)]
    assert found.count(both.guid) == found.count(first.guid) == 1


def test_every_codes_quotes_read_some_transcripts_at_a_time_are_each_codes_quotes_read_at_once(sample_db,
                                                                                                monkeypatch):
    """Every code's quotes are read a few transcripts at a time (the first at once: one query sorted 1.5 million
    rows before the first), one code's in one query through its index: the same quotes in the same order,
    whatever the number of transcripts a query reads; and for a spreadsheet, read in this process or (in a large
    study) in a process beside it, the same again, masked alike."""
    each = {}
    for size in (1, 7, 10_000):
        monkeypatch.setattr(quotes, "TRANSCRIPTS", size)
        each[size] = quotes.quotes(sample_db, passages=False)
    found = each[1]
    assert found and each[7] == found and each[10_000] == found
    tops = {q.code_path.split(" > ")[0] for q in found}
    for top in tops:
        assert [q for q in found if q.code_path.split(" > ")[0] == top] == quotes.quotes(sample_db, top, passages=False)
    assert len(tops) > 1 and list(quotes.each_quote_aside(sample_db)) == found  # a small study: read here
    monkeypatch.setattr(lookup, "ASIDE_FROM", 1)  # as large as 3 million codings: read in a second process
    assert lookup.worth_a_second_process(sample_db) and list(quotes.each_quote_aside(sample_db)) == found
    add_coding(sample_db, "anna", "interview-02", CODE, *next((t.start, t.end) for t in transcripts.show_transcript(
        sample_db, "interview-02").turns if t.role == "respondent"))
    assert list(quotes.each_quote_aside(sample_db, coders=["anna"])) == quotes.quotes(sample_db, coders=["anna"],
                                                                                      passages=False) != []


def test_a_coding_over_two_turns_of_one_respondent_counts_once_in_each_matrix(small):
    """The matrices count codings per code in the database and add them up the code tree: a coding linked to
    two turns of the same respondent (Carlijn, with the interviewer between) is one coding of hers."""
    people, documents = respondent_matrix(small), code_document_matrix(small)
    turns = [t for t in transcripts.show_transcript(small, "t").turns if t.speaker == "R02"]
    add_coding(small, "c", "t", CODE, turns[0].start, turns[1].end)
    parent = CODE.rsplit(" > ", 1)[0]
    before = {r.respondent: r.counts for r in people.rows}["R02"]
    after = {r.respondent: r.counts for r in respondent_matrix(small).rows}["R02"]
    assert (after[CODE] - before[CODE], after[parent] - before[parent]) == (1, 1)
    now = code_document_matrix(small).counts
    keys = [(code, column) for code in (CODE, parent) for column in ("t", "t · R02", "t · R01")]
    assert [now.get(key, 0) - documents.counts.get(key, 0) for key in keys] == [1, 1, 0, 1, 1, 0]


def test_quotes_are_anonymised_filtered_and_attributed(small, tmp_path):
    found = quotes.quotes(small, "Studenten > Belemmeringen studenten")
    assert {q.respondent for q in found} == {"R01", "R02", "R03"}
    assert all("Anouk" not in q.text and "Bram" not in q.text and "Noordkust" not in q.text for q in found)
    text = transcripts.show_transcript(small, "t").text
    start = text.index("Te duur ook")
    add_coding(small, "c", "t", CODE, start, len(text))
    whole = [q.text for q in quotes.quotes(small, CODE) if "[instelling]" in q.text]
    assert whole and "[naam]" not in whole[0]
    assert [q.respondent for q in quotes.quotes(small, CODE, programme="ULO")] == ["R02", "R02"]
    with pytest.raises(WorkbenchError, match="no respondent has programme"):
        quotes.quotes(small, CODE, programme="ALO")
    quotes_docx(CODE, quotes.quotes(small, CODE), tmp_path / "q.docx", None)
    _, text = docx_text(tmp_path / "q.docx")
    assert "R02, ULO" in text and "Bram" not in text


def test_a_real_name_in_a_file_name_reaches_no_report_or_export(small, tmp_path):
    import zipfile

    from workbench.services import exchange
    from workbench.services.autocode import autocode

    (tmp_path / "gesprek met Bram.txt").write_text("Anouk   0:01\nWaarom?\n\nBram   0:05\nTe duur, echt.\n",
                                                   encoding="utf-8")
    transcripts.import_paths(small, [tmp_path / "gesprek met Bram.txt"], replace=False, coder="c")
    autocode(small, "c", unit="match")
    found = quotes.quotes(small)
    assert {q.source for q in found} == {"t", "gesprek met [naam]"} and "gesprek met Bram" in {q.transcript for q in found}
    frequency_xlsx([frequencies(small)], code_document_matrix(small), respondent_matrix(small), found, tmp_path / "r.xlsx")
    book = openpyxl.load_workbook(tmp_path / "r.xlsx")
    cells = [str(c.value) for sheet in book.worksheets for row in sheet.iter_rows() for c in row if c.value]
    quotes_docx(CODE, found, tmp_path / "q.docx", None)
    exchange.export_project(small, tmp_path / "p.qdpx", "study")
    with zipfile.ZipFile(tmp_path / "p.qdpx") as archive:
        qde = archive.read("project.qde").decode("utf-8")
    assert 'name="gesprek met [naam] ' in qde and any(c.startswith("gesprek met [naam] ") for c in cells)
    assert "Bram" not in qde, [line for line in qde.splitlines() if "Bram" in line]
    assert not any("Bram" in c for c in cells) and "Bram" not in docx_text(tmp_path / "q.docx")[1]


def test_control_characters_left_by_an_older_version_reach_no_report(small, tmp_path):
    """Studies imported before control characters were dropped may hold them: reports still write."""
    from sqlalchemy import update

    from workbench.core.models import Transcript

    text = transcripts.show_transcript(small, "t").text
    start = text.index("Te duur ook")
    with small.write() as session:  # same length: the offsets stay right
        session.execute(update(Transcript).where(Transcript.name == "t")
                        .values(text=text[:start + 2] + "\x07" + text[start + 3:]))
    add_coding(small, "c", "t", CODE, start, start + 11)
    found = quotes.quotes(small, CODE)
    assert any("\x07" in q.text for q in found)
    frequency_xlsx([frequencies(small)], code_document_matrix(small), respondent_matrix(small), found, tmp_path / "r.xlsx")
    cells = [str(c.value) for sheet in openpyxl.load_workbook(tmp_path / "r.xlsx").worksheets
             for row in sheet.iter_rows() for c in row if c.value]
    quotes_docx(CODE, found, tmp_path / "q.docx", None)
    assert "Te\ufffdduur ook" in "\n".join(cells) and "Te\ufffdduur ook" in docx_text(tmp_path / "q.docx")[1]


def test_agreement_and_every_disagreement_with_time_and_respondent_in_word_and_excel(sample_db, tmp_path):
    """Agreement had no Word or Excel output; disagreements gave no time or respondent."""
    from workbench.reports.excel import agreement_xlsx
    from workbench.reports.word import agreement_docx
    from workbench.services import agreement

    turns = [t for t in transcripts.show_transcript(sample_db, "interview-03").turns if t.role == "respondent"]
    for coder, turn in (("anna", turns[1]), ("anna", turns[2]), ("bea", turns[2]), ("bea", turns[4])):
        codings.code_turn(sample_db, coder, "interview-03", turn.index, CODE)
    figures, found = agreement.for_report(sample_db, ["anna", "bea"], CODE)
    by_turn = {t.index: t for t in turns}
    assert {(d.turn, d.respondent, d.start_ms) for d in found} == {
        (t.index, t.respondent, t.start_ms) for t in (turns[1], turns[4])}
    agreement_docx(figures, found, ["anna", "bea"], "turn", tmp_path / "a.docx")
    agreement_xlsx(figures, found, ["anna", "bea"], "turn", tmp_path / "a.xlsx")
    document, text = docx_text(tmp_path / "a.docx")
    shown = [[c.text for c in row.cells] for row in document.tables[1].rows[1:]]
    assert [row[:4] for row in shown[::2]] == [["interview-03", format_clock(d.start_ms), d.respondent, CODE]
                                              for d in found]
    assert all(" ".join(by_turn[d.turn].text.split())[:30] in row[0] or "[naam]" in row[0]
               for d, row in zip(found, shown[1::2]))
    sheet = openpyxl.load_workbook(tmp_path / "a.xlsx")["Disagreements"]
    rows = list(sheet.iter_rows(min_row=2, values_only=True))
    assert [(r[0], r[1], r[2], r[4], r[5]) for r in rows] == [
        ("interview-03", timedelta(milliseconds=d.start_ms), d.respondent, "anna" if d.turn == turns[1].index
         else "bea", "bea" if d.turn == turns[1].index else "anna") for d in found]
    people, institutions = real_names()
    assert not any(name in text for name in people | institutions)


def test_a_report_quotes_a_passage_of_whole_sentences_round_each_coding(sample_db, tmp_path):
    """Single sentences where the study's report quotes passages: each quote is now its coding's sentences,
    widened within the turn to some 25 words."""
    found = quotes.quotes(sample_db)
    turns = {name: transcripts.show_transcript(sample_db, name).turns for name in {q.transcript for q in found}}
    for q in found:
        turn = next(t for t in turns[q.transcript] if t.start <= q.start < t.end)
        assert " ".join(q.text.split()) in " ".join(q.passage.split()) and q.passage in turn.text
        at = turn.text.index(q.passage)
        spans = sentences(turn.text)
        neighbours = ([turn.text[a:b] for a, b in spans if b <= at][-1:]
                      + [turn.text[a:b] for a, b in spans if a >= at + len(q.passage)][:1])
        assert len(q.passage.split()) >= min(PASSAGE_WORDS[0], len(turn.text.split())) or all(
            len(q.passage.split()) + len(s.split()) > PASSAGE_WORDS[1] for s in neighbours)  # it could not grow
    longer = sum(len(q.passage.split()) > len(q.text.split()) for q in found)
    assert longer > len(found) / 2
    report = frequencies(sample_db, "respondent", "programme")
    chosen, _ = quotes.report_quotes(found, 2, [r.path for r in report.rows])
    frequency_docx(report, chosen, tmp_path / "r.docx", language="nl")
    cited = {p.text for p in docx.Document(str(tmp_path / "r.docx")).paragraphs if p.style.name == "Quote"}
    assert cited == {f"“{' '.join(q.passage.split())}”" for qs in chosen.values() for q in qs}


def test_a_coding_too_long_to_quote_is_quoted_where_its_code_s_words_are(sample_db):
    """A whole long turn coded by hand was quoted whole, 96 words, its point in the second half."""
    turn = next(t for t in transcripts.show_transcript(sample_db, "interview-13").turns if t.role == "respondent"
                and len(t.text.split()) > PASSAGE_WORDS[1] and "studievertraging" in " ".join(
                    t.text.split()[PASSAGE_WORDS[0]:]).lower())
    made = codings.code_turn(sample_db, "anna", "interview-13", turn.index, CODE)
    quote = next(q for q in quotes.quotes(sample_db, CODE, coders=["anna"]) if q.guid == made.guid)
    assert "studievertraging" in quote.passage.lower() and len(quote.passage.split()) <= PASSAGE_WORDS[1]
    assert quote.passage in turn.text and quote.text == turn.text.strip()


def test_the_word_report_has_no_blank_line_that_pushes_a_chart_onto_the_next_page(sample_db, tmp_path):
    """An empty paragraph after each table took the last half centimetre a chart needed: rendered, the sample's
    report had a page 62 % empty before a chart that would have fitted under its table. The chart's own
    paragraph keeps a little space above it instead."""
    from docx.oxml.ns import qn

    frequency_docx(frequencies(sample_db), {}, tmp_path / "r.docx", language="nl")
    document = docx.Document(str(tmp_path / "r.docx"))
    blank = [i for i, p in enumerate(document.paragraphs) if not p.text.strip()
             and not p._p.findall(".//" + qn("w:drawing")) and p._p.find(qn("w:pPr") + "/" + qn("w:sectPr")) is None]
    assert blank == []
    pictures = [p for p in document.paragraphs if p._p.findall(".//" + qn("w:drawing"))]
    assert pictures and all(p.paragraph_format.space_before for p in pictures)
