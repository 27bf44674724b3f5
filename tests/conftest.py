"""Shared fixtures: a real SQLite file per test, the bundled sample study, documents."""

from __future__ import annotations

import io
import shutil
from pathlib import Path

import pytest

from workbench.core.db import Database, resolve_url

ROOT = Path(__file__).resolve().parent.parent
SAMPLE = ROOT / "transcripts" / "sample-study"
CODEBOOK = ROOT / "codebook" / "interview-guide.yaml"


@pytest.fixture
def db(tmp_path) -> Database:
    database = Database(resolve_url(str(tmp_path / "workbench.sqlite")))
    yield database
    database.close()


def dump(database: Database) -> list[str]:
    """Every row of every table, for 'the database is unchanged' checks."""
    raw = database.engine.raw_connection()
    try:
        return list(raw.driver_connection.iterdump())
    finally:
        raw.close()


@pytest.fixture(scope="session")
def sample_template(tmp_path_factory) -> Path:
    """The sample study imported, registry and codebook loaded, auto-coded: once per run."""
    from workbench.core.services import autocode, codebook, participants, transcripts

    path = tmp_path_factory.mktemp("template") / "sample.sqlite"
    database = Database(resolve_url(str(path)))
    transcripts.import_paths(database, [SAMPLE], replace=False, coder="tester")
    participants.import_registry(database, SAMPLE / "participants.csv")
    codebook.import_codebook(database, CODEBOOK, coder="tester")
    autocode.autocode(database, "autocoder", role="respondent")
    database.close()
    return path


@pytest.fixture
def sample_db(sample_template, tmp_path) -> Database:
    """A private copy of the coded sample study."""
    path = tmp_path / "sample.sqlite"
    shutil.copy(sample_template, path)
    database = Database(resolve_url(str(path)))
    yield database
    database.close()


def docx_bytes(paragraphs: list[str | list[str]]) -> bytes:
    """A .docx whose paragraphs are the strings given; a list is one paragraph with line breaks."""
    import docx

    document = docx.Document()
    for paragraph in paragraphs:
        lines = paragraph if isinstance(paragraph, list) else [paragraph]
        p = document.add_paragraph()
        for i, line in enumerate(lines):
            run = p.add_run(line)
            if i + 1 < len(lines):
                run.add_break()
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()
