"""Real processes against one SQLite file: killed mid-work, two coders at once, no network."""

import signal
import subprocess
import sys
import textwrap

import pytest
from sqlalchemy import text

from tests.conftest import CODEBOOK, SAMPLE
from workbench.core.db import Database, resolve_url
from workbench.core.services import codings, transcripts

DELAY = "Studenten > Belemmeringen studenten > Studievertraging"

CODER = textwrap.dedent("""
    import sys
    from workbench.core.db import Database, resolve_url
    from workbench.core.services import codings, transcripts
    db = Database(resolve_url(sys.argv[1]))
    coder, name, count, code = sys.argv[2], sys.argv[3], int(sys.argv[4]), sys.argv[5]
    turns = [t for t in transcripts.show_transcript(db, name).turns if t.role == "respondent"]
    print("ready", flush=True)
    for i in range(count):
        t = turns[i % len(turns)]
        made = codings.add_coding(db, coder, name, code, t.start + i % 5, t.end)
        print("done", made.guid, flush=True)  # what the workbench shows only after the commit
""")


def coder_process(path, coder, name="interview-02", count=100000):
    return subprocess.Popen([sys.executable, "-c", CODER, str(path), coder, name, str(count), DELAY],
                            stdout=subprocess.PIPE, text=True)


@pytest.mark.sqlite_only  # integrity_check is SQLite's; PostgreSQL's own WAL does the same
def test_a_killed_coder_loses_nothing_that_was_shown_as_done(sample_db):
    path = sample_db.url
    child = coder_process(path, "kim")
    shown = []
    for line in child.stdout:
        if line.startswith("done"):
            shown.append(line.split()[1])
        if len(shown) == 60:
            child.send_signal(signal.SIGKILL)
            break
    child.wait()
    assert child.returncode == -signal.SIGKILL
    stored = {c.guid for c in codings.list_codings(sample_db, transcript="interview-02") if c.coder == "kim"}
    assert set(shown) <= stored
    with sample_db.engine.connect() as conn:
        assert conn.execute(text("PRAGMA integrity_check")).scalar() == "ok"


def test_two_coders_at_the_same_time_lose_no_coding(sample_db):
    path = sample_db.url
    children = [coder_process(path, coder, count=150) for coder in ("kim", "lev")]
    outputs = [child.communicate(timeout=300)[0] for child in children]
    assert [child.returncode for child in children] == [0, 0]
    for coder, output in zip(("kim", "lev"), outputs):
        shown = [line.split()[1] for line in output.splitlines() if line.startswith("done")]
        stored = [c.guid for c in codings.list_codings(sample_db, transcript="interview-02") if c.coder == coder]
        assert len(shown) == 150 and sorted(shown) == sorted(stored)


NO_NETWORK = textwrap.dedent("""
    import socket, sys
    def refuse(*args, **kwargs):
        raise RuntimeError("network access attempted")
    class NoSocket(socket.socket):
        def __init__(self, family=-1, *args, **kwargs):
            if family in (socket.AF_INET, socket.AF_INET6, -1):
                refuse()
            super().__init__(family, *args, **kwargs)
    socket.socket = NoSocket
    socket.create_connection = socket.getaddrinfo = refuse
    from workbench.cli import main
    sys.argv = ["workbench", *sys.argv[1:]]
    main()
""")


@pytest.mark.sqlite_only  # makes its own SQLite study
def test_import_suggest_and_report_never_touch_the_network(tmp_path):
    db = str(tmp_path / "offline.sqlite")

    def offline(*args):
        done = subprocess.run([sys.executable, "-c", NO_NETWORK, "--db", db, *args], capture_output=True, text=True)
        assert done.returncode == 0, done.stderr[-2000:]
        return done.stdout

    offline("import", str(SAMPLE))
    offline("participants", "import", str(SAMPLE / "participants.csv"))
    offline("codebook", "import", str(CODEBOOK))
    assert "Studievertraging" in offline("suggest", "--min-score", "0.7")
    offline("report", "frequencies", "--format", "docx", "--out", str(tmp_path / "r.docx"),
            "--chart", str(tmp_path / "r.png"))
    assert (tmp_path / "r.docx").stat().st_size > 0
    assert len(transcripts.list_transcripts(Database(resolve_url(db)))) == 30
