"""Real processes against one SQLite file: killed mid-work, two coders at once, no network."""

import signal
import subprocess
import sys
import textwrap

import pytest
from sqlalchemy import text

from tests.conftest import CODEBOOK, SAMPLE, dump
from workbench.core.db import Database, resolve_url
from workbench.errors import WorkbenchError
from workbench.services import autocode, codebook, codings, participants, transcripts
from workbench.services.lookup import coder_named

DELAY = "Studenten > Belemmeringen studenten > Studievertraging"

CODER = textwrap.dedent("""
    import sys
    from workbench.core.db import Database, resolve_url
    from workbench.services import codings, transcripts
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


@pytest.mark.sqlite_only  # restore is SQLite's (PostgreSQL: pg_restore)
def test_restore_while_a_coder_writes_loses_nothing_that_was_shown_as_done(sample_db, tmp_path):
    """Each coding the other process showed as done is in the backup of the state before the restore that
    followed it, or in the study after: never in neither."""
    from workbench.services import backups

    made = backups.backup(sample_db, tmp_path / "start.sqlite")
    child = coder_process(sample_db.url, "kim", count=150)  # (more would code some spans twice)
    shown, kept = [], []
    for line in child.stdout:
        if line.startswith("done"):
            shown.append(line.split()[1])
            if len(shown) % 50 == 25:  # restore three times while kim keeps coding
                kept.append(backups.restore(sample_db, made))
    assert child.wait(timeout=300) == 0 and len(shown) == 150 and len(kept) == 3
    somewhere = {c.guid for c in codings.list_codings(sample_db, transcript="interview-02")}
    for copy in kept:
        old = Database(resolve_url(str(copy)))
        somewhere |= {c.guid for c in codings.list_codings(old, transcript="interview-02")}
        old.close()
    assert [guid for guid in shown if guid not in somewhere] == []


@pytest.mark.parametrize("first_use", [True, False], ids=["new coder", "known coder"])
def test_two_autocode_runs_at_once_by_one_coder_store_each_coding_once(db, first_use):
    """On PostgreSQL two writers run side by side: both would create the coder, both would insert every
    coding. The second takes the first's coder and skips the codings the first committed."""
    if not first_use:
        with db.write() as session:
            coder_named(session, "twin")
    transcripts.import_paths(db, [SAMPLE], replace=False, coder="lead")
    participants.import_registry(db, SAMPLE / "participants.csv")
    codebook.import_codebook(db, CODEBOOK, coder="lead")
    runs = [subprocess.Popen([sys.executable, "-m", "workbench", "--db", db.url, "--coder", "twin", "--new-coder", "autocode",
                              "--role", "respondent"], stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
            for _ in range(2)]
    results = [run.communicate(timeout=300) for run in runs]
    assert [run.returncode for run in runs] == [0, 0], [err for _, err in results]
    mine = [(c.transcript, c.code_path, c.start, c.end) for c in codings.list_codings(db) if c.coder == "twin"]
    again = autocode.autocode(db, "twin", role="respondent", dry_run=True)
    assert len(mine) == len(set(mine)) > 1000 and again.created == 0
    assert set(mine) == {(hit.transcript, hit.code_path, hit.start, hit.end) for hit in again.hits}


HOLDER = textwrap.dedent("""
    import sys, time
    from workbench.core.db import Database
    db = Database(sys.argv[1], holder="kim's workbench autocode")
    with db.write():
        print("holding", flush=True)
        time.sleep(float(sys.argv[2]))
""")


def holding(db, seconds: float) -> subprocess.Popen:
    """Another process that holds the study's write lock for that long."""
    child = subprocess.Popen([sys.executable, "-c", HOLDER, db.url, str(seconds)], stdout=subprocess.PIPE, text=True)
    assert child.stdout.readline() == "holding\n"
    return child


@pytest.mark.sqlite_only  # PostgreSQL writers do not wait for a file lock
def test_a_writer_waits_for_another_and_says_who_it_is(sample_db):
    waiting = Database(sample_db.url, busy_seconds=0.2, waits=50)
    said = []
    waiting.on_wait = said.append
    child = holding(sample_db, 1.5)
    turn = next(t for t in transcripts.show_transcript(waiting, "interview-02").turns if t.role == "respondent")
    made = codings.add_coding(waiting, "lev", "interview-02", DELAY, turn.start, turn.end)
    assert child.wait(timeout=30) == 0 and made.coder == "lev"
    assert said and said[0].startswith(f"the study is busy: kim's workbench autocode (pid {child.pid}, since ")
    assert said[0].endswith(" is writing to it; waiting")
    waiting.close()


@pytest.mark.sqlite_only
def test_a_writer_that_waited_long_enough_gives_up_in_one_line_and_changes_nothing(sample_db):
    waiting = Database(sample_db.url, busy_seconds=0.2, waits=2)
    before = dump(waiting)
    child = holding(sample_db, 60)
    try:
        with pytest.raises(WorkbenchError, match=r"^the study is busy: kim's workbench autocode \(pid \d+, since "
                                                 r"\d\d:\d\d:\d\d\) is writing to it; nothing was changed, try again$"):
            codings.add_coding(waiting, "lev", "interview-02", DELAY, 0, 10)
        assert dump(waiting) == before
    finally:
        child.kill()
        child.wait()
        waiting.close()
