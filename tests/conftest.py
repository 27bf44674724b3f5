"""Shared fixtures: a real SQLite file per test, the bundled sample study, documents."""

from __future__ import annotations

import io
import os
import shutil
from pathlib import Path

import pytest
from hypothesis import settings
from sqlalchemy.engine import make_url

from tests.backends import drop_postgres, dump, new_postgres  # noqa: F401  (dump: for the tests)
from workbench import i18n
from workbench.core.db import Database, resolve_url

ROOT = Path(__file__).resolve().parent.parent
SAMPLE = ROOT / "transcripts" / "sample-study"
CODEBOOK = ROOT / "codebook" / "interview-guide.yaml"


settings.register_profile("workbench", deadline=None)  # speed is the benchmark's, not a test's: a first example
settings.load_profile("workbench")  # slowed by a busy CPU (281 ms against Hypothesis's 200 ms) is no failure


def pytest_xdist_auto_num_workers(config) -> int:
    """`-n auto`: two workers more than CPUs. A good part of the suite waits (on the TUI's timers, on child
    processes and servers) rather than computes: on 2 CPUs the suite took 7:02 with 2 workers, 6:09 with 3,
    5:58 with 4."""
    return (os.cpu_count() or 1) + 2


@pytest.fixture(autouse=True)
def language(monkeypatch) -> str:
    """Every test starts in English, whatever the machine's locale (the TUI tests override it: Dutch)."""
    for variable in ("LANGUAGE", "LC_ALL", "LC_MESSAGES", "LANG"):
        monkeypatch.delenv(variable, raising=False)
    monkeypatch.setenv("LANGUAGE", "en")
    i18n.use("en")
    return "en"


@pytest.fixture
def backend() -> str:
    """SQLite here; tests/services and tests/cli run on every backend in BACKENDS (their conftest)."""
    return "sqlite"


def _skip_sqlite_only(request, backend: str) -> None:
    if backend != "sqlite" and request.node.get_closest_marker("sqlite_only"):
        pytest.skip("SQLite only (files, backups, processes on one file)")


@pytest.fixture
def db(tmp_path, backend, request) -> Database:
    """An empty study database: a SQLite file, or a new database on the PostgreSQL test server."""
    _skip_sqlite_only(request, backend)
    url = resolve_url(str(tmp_path / "workbench.sqlite")) if backend == "sqlite" else new_postgres()
    database = Database(url)
    yield database
    database.close()
    if backend != "sqlite":
        drop_postgres(url)


@pytest.fixture(scope="session")
def sample_template(tmp_path_factory) -> Path:
    """The sample study imported, registry and codebook loaded, auto-coded: once per run."""
    path = tmp_path_factory.mktemp("template") / "sample.sqlite"
    _load_sample(Database(resolve_url(str(path))))
    return path


def _load_sample(database: Database) -> None:
    from workbench.services import autocode, codebook, participants, transcripts

    transcripts.import_paths(database, [SAMPLE], replace=False, coder="tester")
    participants.import_registry(database, SAMPLE / "participants.csv")
    codebook.import_codebook(database, CODEBOOK, coder="tester")
    autocode.autocode(database, "autocoder", role="respondent")
    database.close()


@pytest.fixture(scope="session")
def postgres_template():
    """The coded sample study as a PostgreSQL template database, made once per run."""
    url = new_postgres()
    _load_sample(Database(url))
    yield make_url(url).database
    drop_postgres(url)


@pytest.fixture
def sample_db(sample_template, tmp_path, backend, request) -> Database:
    """A private copy of the coded sample study (on the backend under test)."""
    _skip_sqlite_only(request, backend)
    if backend == "sqlite":
        path = tmp_path / "sample.sqlite"
        shutil.copy(sample_template, path)
        url = resolve_url(str(path))
    else:
        url = new_postgres(template=request.getfixturevalue("postgres_template"))
    database = Database(url)
    yield database
    database.close()
    if backend != "sqlite":
        drop_postgres(url)


@pytest.fixture
def outage():
    """A relay to the PostgreSQL test server that a test cuts and restores (tests/backends.py: Outage)."""
    from tests.backends import SERVER, Outage

    relay = Outage(SERVER)
    yield relay
    relay.cut()


@pytest.fixture
def relayed(request, outage):
    """The coded sample study on the PostgreSQL test server, reached through the relay."""
    url = new_postgres(template=request.getfixturevalue("postgres_template"))
    database = Database(outage.url(url))
    yield database
    database.close()
    drop_postgres(url)


def rezip(data: bytes, change=lambda name, content: content, zeros: dict[str, int] | None = None) -> bytes:
    """A copy of a zip (a .docx, a .qdpx) with members changed, and members of that many zero bytes added
    (streamed: a bomb costs the test no memory)."""
    import zipfile

    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(data)) as source, zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target:
        for name in source.namelist():
            target.writestr(name, change(name, source.read(name)))
        for name, size in (zeros or {}).items():
            with target.open(name, "w", force_zip64=True) as member:
                for _ in range(size // 1_000_000):
                    member.write(bytes(1_000_000))
    return out.getvalue()


def with_entity(xml: bytes, before: bytes, word: bytes) -> bytes:
    """The XML with a DTD declaring &naam; and that entity put in front of a word."""
    head, _, body = xml.partition(b"?>")
    root = body.lstrip().split(b" ", 1)[0].split(b">", 1)[0].lstrip(b"<")
    body = body.replace(before, before + b" &naam; " + word, 1)
    return head + b"?>" + b"<!DOCTYPE " + root + b' [<!ENTITY naam "Tom van der Meer">]>' + body


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
