"""The streamed .xlsx writer: every value back where it was written (openpyxl and LibreOffice read it), the
layout the reports ask for, and a file whole or not at all."""

from __future__ import annotations

import csv
import os
import shutil
import subprocess
from datetime import timedelta
from pathlib import Path

import openpyxl
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from workbench.core.letters import from_letters, in_letters
from workbench.limits import xml_escaped, xml_safe, xml_text
from workbench.reports.xlsx import BOLD, HEADER, Workbook

OFFICE = shutil.which("libreoffice") or shutil.which("soffice")
CALC = Path("/usr/lib/libreoffice/program/libsclo.so").exists()  # Debian's libreoffice-calc-nogui

cells = st.one_of(
    st.none(), st.text(max_size=40), st.integers(-10**15, 10**15),
    st.floats(allow_nan=False, allow_infinity=False, width=32),
    st.integers(0, 10**9).map(lambda ms: timedelta(milliseconds=ms)),
    st.sampled_from(["=SUM(A1:A9)", "+31 6 1234", "-", "@user", "  spaties  ", "a\x01b", "&<>\"'", "R&D <pabo>"]),
)


@given(st.integers(1, 20_000))
def test_column_letters_and_numbers_go_both_ways(number):
    assert from_letters(in_letters(number)) == number
    assert in_letters(number).isupper() and in_letters(26) == "Z" and in_letters(27) == "AA"


@settings(max_examples=40, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.lists(st.lists(cells, max_size=30), max_size=12))
def test_every_value_is_read_back_where_it_was_written(tmp_path, rows):
    path = tmp_path / "v.xlsx"
    with Workbook(path) as book:
        sheet = book.sheet("Waarden", freeze="B2", widths={1: 30})
        for row in rows:
            sheet.append(row)
    read = [list(r) for r in openpyxl.load_workbook(path).active.iter_rows(values_only=True)]
    expected = [[_as_read(v) for v in row] for row in rows]
    assert _trimmed(read) == _trimmed(expected)


def _as_read(value):
    return xml_safe(value) if isinstance(value, str) else value


def _trimmed(rows):
    """Rows without the empty cells at their ends, and with no empty rows at the end (none of it is read)."""
    out = [[round(v.total_seconds(), 3) if isinstance(v, timedelta) else v for v in row] for row in rows]
    for row in out:
        while row and row[-1] is None:
            row.pop()
    while out and not out[-1]:
        out.pop()
    return out


def test_the_layout_is_what_the_reports_ask_for(tmp_path):
    path = tmp_path / "l.xlsx"
    with Workbook(path) as book:
        first = book.sheet("Frequenties", freeze="C3", widths={1: 60, 2: 40, 30: 12})
        first.append(["pad", "code", *[f"groep {i}" for i in range(28)]], HEADER)
        first.append(["N", "", *range(28)], BOLD)
        first.append(["Studenten", "Studievertraging", *range(28), timedelta(minutes=3, seconds=5)])
        first.filter(columns=30)
        second = book.sheet("Citaten 'twee'", freeze="A2", widths={})
        second.append(["tijd"], HEADER)
        second.append([timedelta(hours=1, minutes=2, seconds=3)])
    book = openpyxl.load_workbook(path)
    sheet, other = book.worksheets
    assert book.sheetnames == ["Frequenties", "Citaten 'twee'"]
    assert (sheet.freeze_panes, other.freeze_panes) == ("C3", "A2")
    assert (sheet.column_dimensions["A"].width, sheet.column_dimensions["B"].width,
            sheet.column_dimensions["AD"].width) == (60, 40, 12)
    assert sheet.auto_filter.ref == "A1:AD3" and other.auto_filter.ref is None
    assert all(c.font.b and c.alignment.wrap_text and c.alignment.vertical == "top" for c in sheet[1][:30])
    assert all(c.font.b for c in sheet[2][:30]) and not any(c.font.b for c in sheet[3])
    assert sheet.cell(3, 31).number_format == "[h]:mm:ss" and sheet.cell(3, 31).value == timedelta(minutes=3, seconds=5)
    for page in (sheet, other):
        assert (page.page_setup.orientation, page.page_setup.paperSize, page.print_title_rows,
                page.sheet_properties.pageSetUpPr.fitToPage, page.page_setup.fitToHeight) == \
            ("landscape", 9, "$1:$1", True, 0)


def test_a_failed_workbook_leaves_the_file_there_before_and_no_partial_one(tmp_path):
    path = tmp_path / "r.xlsx"
    path.write_bytes(b"last week's report")

    def rows():
        yield ["een"]
        raise RuntimeError("the database went away")

    with pytest.raises(RuntimeError), Workbook(path) as book:
        sheet = book.sheet("Citaten", freeze="A2", widths={})
        for row in rows():
            sheet.append(row)
    assert path.read_bytes() == b"last week's report" and [p.name for p in tmp_path.iterdir()] == ["r.xlsx"]


@pytest.mark.skipif(not (OFFICE and CALC) and not os.environ.get("WORKBENCH_REQUIRE_OFFICE"),
                    reason="LibreOffice Calc is not installed (.ci/run installs it)")
def test_libreoffice_reads_every_word_and_number(tmp_path):
    rows = [["citaat", "getal", "tijd"], ["Ik liep vertraging op & moest \"herkansen\" <2x>", 3, timedelta(seconds=65)],
            ["=1+1 blijft tekst", -2.5, None], ["é ü ñ — “aanhalingstekens”", 10**12, timedelta(hours=26)]]
    with Workbook(tmp_path / "c.xlsx") as book:
        sheet = book.sheet("Citaten", freeze="A2", widths={1: 80})
        sheet.append(rows[0], HEADER)
        for row in rows[1:]:
            sheet.append(row)
    subprocess.run([OFFICE, f"-env:UserInstallation=file://{tmp_path}/office", "--headless", "--convert-to",
                    "csv:Text - txt - csv (StarCalc):44,34,76", "--outdir", str(tmp_path), str(tmp_path / "c.xlsx")],
                   check=True, capture_output=True, timeout=300)
    read = list(csv.reader((tmp_path / "c.csv").open(encoding="utf-8")))
    assert read == [["citaat", "getal", "tijd"], ["Ik liep vertraging op & moest \"herkansen\" <2x>", "3", "0:01:05"],
                    ["=1+1 blijft tekst", "-2.5", ""], ["é ü ñ — “aanhalingstekens”", "1000000000000", "26:00:00"]]


@given(st.text(st.one_of(st.sampled_from('&<>"\'\r\n\t\x00\x01\x0b\x1f\ufffe\uffff'), st.characters()), max_size=30))
def test_text_with_nothing_to_change_is_written_as_it_is_and_other_text_as_escaped_and_made_safe(text):
    assert xml_text(text) == xml_escaped(xml_safe(text))
