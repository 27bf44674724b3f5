"""One import for what a coder has, recognised by what the file holds: every kind, and the TUI's own files."""

import pytest

from tests.conftest import CODEBOOK, SAMPLE, docx_bytes
from tests.unit.test_guide import GUIDE_FILE
from workbench.errors import WorkbenchError
from workbench.services import codebook, exchange, intake, transcripts


def test_each_kind_is_recognised_by_content(tmp_path, sample_db):
    exchange.export_project(sample_db, tmp_path / "study.qdpx", "Studie")
    (tmp_path / "codes.xml").write_text('<?xml version="1.0"?>\n<CodeBook origin="x"><Codes/></CodeBook>\n')
    (tmp_path / "guide.yaml").write_text("# a guide\nparts:\n- title: A\n", encoding="utf-8")
    (tmp_path / "tags.csv").write_text("tag,description,category\nheimwee,,\n", encoding="utf-8")
    (tmp_path / "mensen.csv").write_text("transcript,speaker,respondent,role,institution,programme\n")
    (tmp_path / "teams.docx").write_bytes(docx_bytes(["Anouk   0:01", "Hallo"]))
    (tmp_path / "zip.qdpx").write_bytes(b"PK\x03\x04 not really")
    kinds = {path.name: intake.recognise(path) for path in [
        SAMPLE, tmp_path / "study.qdpx", tmp_path / "codes.xml", CODEBOOK, tmp_path / "guide.yaml", GUIDE_FILE,
        tmp_path / "tags.csv", tmp_path / "mensen.csv", SAMPLE / "participants.csv", tmp_path / "teams.docx",
        SAMPLE / "interview-04.vtt", SAMPLE / "interview-13.txt"]}
    assert kinds == {
        "sample-study": "transcripts", "study.qdpx": "project", "codes.xml": "codebook",
        "interview-guide.yaml": "codebook", "guide.yaml": "guide", "interview-guide.md": "guide",
        "tags.csv": "codebook", "mensen.csv": "participants", "participants.csv": "participants",
        "teams.docx": "transcripts", "interview-04.vtt": "transcripts", "interview-13.txt": "transcripts"}
    with pytest.raises(WorkbenchError, match="damaged zip"):
        intake.recognise(tmp_path / "zip.qdpx")
    with pytest.raises(WorkbenchError, match="no such file"):
        intake.recognise(tmp_path / "missing.yaml")


def test_import_file_says_in_one_line_what_came_in(db):
    transcripts.import_paths(db, [SAMPLE], replace=False, coder="c")
    said = intake.import_file(db, CODEBOOK, "codebook", "lead")
    assert said.startswith("codebook: ") and len(codebook.show_codebook(db)) > 30
    assert intake.import_file(db, SAMPLE / "participants.csv", "participants", "lead").startswith("participants: ")
    assert intake.import_file(db, GUIDE_FILE, "guide", "lead").startswith("interview guide: 30 questions")
