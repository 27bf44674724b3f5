"""The Word report as a reader sees it: drawn by LibreOffice (as Word would, with Calibri's and Cambria's metric
twins Carlito and Caladea), then read page by page from the PDF. .ci/run installs LibreOffice and poppler."""

import os
import re
import shutil
import subprocess

import pytest

from workbench.reports.word import frequency_docx
from workbench.services import codebook, quotes
from workbench.services.frequencies import frequencies

OFFICE = shutil.which("libreoffice") or shutil.which("soffice")
pytestmark = pytest.mark.skipif((OFFICE is None or shutil.which("pdftotext") is None)
                                and not os.environ.get("WORKBENCH_REQUIRE_OFFICE"),
                                reason="LibreOffice and poppler are not installed (.ci/run installs them)")


@pytest.fixture
def rendered(sample_db, tmp_path):
    """The sample study's Dutch report: (report, the text of each page, the page of each picture)."""
    report = frequencies(sample_db, "respondent", "programme")
    found = quotes.quotes(sample_db)
    per_code = {p: quotes.spread([q for q in found if q.code_path == p], 3) for p in {q.code_path for q in found}}
    frequency_docx(report, per_code, tmp_path / "report.docx", codebook.show_codebook(sample_db, counted=False), "nl")
    subprocess.run([OFFICE, f"-env:UserInstallation=file://{tmp_path}/office", "--headless", "--convert-to", "pdf",
                    "--outdir", str(tmp_path), str(tmp_path / "report.docx")], check=True, capture_output=True,
                   timeout=300)
    pdf = tmp_path / "report.pdf"
    text = subprocess.run(["pdftotext", "-layout", str(pdf), "-"], check=True, capture_output=True, text=True).stdout
    listed = subprocess.run(["pdfimages", "-list", str(pdf)], check=True, capture_output=True, text=True).stdout
    pictures = [int(line.split()[0]) for line in listed.splitlines()[2:] if line.split()[2] == "image"]
    return report, text.split("\f"), pictures


def test_each_table_starts_on_the_page_of_its_caption_whole_words_and_each_figure_sits_with_its_caption(rendered):
    report, pages, pictures = rendered
    for page in pages:
        for caption in re.findall(r"^\s*Tabel \d+\.", page, re.MULTILINE):
            after = page.split(caption.strip(), 1)[1]
            assert re.search(r"^\s*Code\s+pabo\s+tweedegraads\s+ULO\s+ALO\s+KVDO\s+Totaal\s*$", after, re.MULTILINE), \
                f"{caption.strip()}: its table does not start under it, names whole"
    figures = [n for n, page in enumerate(pages, start=1) for _ in re.findall(r"^\s*Figuur \d+[a-z]?\.", page,
                                                                               re.MULTILINE)]
    assert len(figures) == len(pictures) > 6 and figures == pictures
    codes = {r.code for r in report.rows}
    table_lines = [line for page in pages for line in page.splitlines() if re.search(r"\d+ \(\d+ %\)", line)]
    first_cells = {re.split(r"\s{2,}", line.strip())[0] for line in table_lines}
    broken = {cell for cell in first_cells if not any(c == cell or c.startswith(cell + " ") for c in codes)}
    assert len(first_cells) > 20 and not broken  # a name may wrap between its words, never inside one
