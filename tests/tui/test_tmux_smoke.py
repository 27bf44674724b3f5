"""The real `workbench` command in a real terminal (tmux): open a transcript, code a turn by keys."""

import shutil
import subprocess
import sys
import time
import uuid
from pathlib import Path

import pytest

from workbench.services import codebook, codings, transcripts

pytestmark = pytest.mark.skipif(shutil.which("tmux") is None, reason="tmux is not installed (.ci/run installs it)")
WORKBENCH = Path(sys.executable).parent / "workbench"


def tmux(*args: str) -> str:
    return subprocess.run(["tmux", *args], check=True, capture_output=True, text=True).stdout


def screen_shows(session: str, text: str, timeout: float = 30.0) -> str:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        shown = tmux("capture-pane", "-p", "-t", session)
        if text in shown:
            return shown
        time.sleep(0.2)
    raise AssertionError(f"{text!r} never appeared; the screen was:\n{shown}")


def open_first_transcript(sample_db, size: tuple[int, int] = (120, 40)) -> str:
    """The real workbench in a tmux session of its own, showing interview-01; the session's name."""
    session = f"wb-{uuid.uuid4().hex[:8]}"
    path = sample_db.engine.url.database
    sample_db.close()
    command = f"TERM=xterm-256color {WORKBENCH} --db {path} --coder tessa --new-coder"
    tmux("new-session", "-d", "-s", session, "-x", str(size[0]), "-y", str(size[1]), command)
    try:
        screen_shows(session, "interview-01")
        tmux("send-keys", "-t", session, "Enter")
        screen_shows(session, "Beurt")  # the side panel of the transcript view
    except AssertionError:
        subprocess.run(["tmux", "kill-session", "-t", session], capture_output=True)
        raise
    return session


def codings_of_tessa(sample_db, done, timeout: float = 30.0) -> list:
    """Tessa's codings in interview-01 once `done(codings)` holds (or the timeout has passed)."""
    deadline = time.monotonic() + timeout
    mine: list = []
    while not done(mine) and time.monotonic() < deadline:
        mine = [c for c in codings.list_codings(sample_db, transcript="interview-01") if c.coder == "tessa"]
        time.sleep(0.2)
    return mine


def test_code_a_turn_with_keystrokes_in_tmux(sample_db, tmp_path):
    session = open_first_transcript(sample_db)
    try:
        tmux("send-keys", "-t", session, "n")
        time.sleep(0.3)
        tmux("send-keys", "-t", session, "t")
        screen_shows(session, "Code beurt")
        tmux("send-keys", "-t", session, "-l", "studvert")
        screen_shows(session, "Studievertraging")
        tmux("send-keys", "-t", session, "Enter")
        mine = codings_of_tessa(sample_db, lambda mine: mine)
        assert [c.code_path for c in mine] == ["Studenten > Belemmeringen studenten > Studievertraging"]
        turns = transcripts.show_transcript(sample_db, "interview-01").turns
        assert [t.role for t in turns if (t.start, t.end) == (mine[0].start, mine[0].end)] == ["respondent"]
        tmux("send-keys", "-t", session, "C-q")
    finally:
        subprocess.run(["tmux", "kill-session", "-t", session], capture_output=True)


def test_a_burst_of_keys_in_a_real_terminal_codes_the_right_codes(sample_db):
    """Over ssh a coder's keys arrive together: everything typed in one send acts in order."""
    session = open_first_transcript(sample_db)
    try:
        tmux("send-keys", "-t", session, "n", "tstudvert", "Enter", "n", "tgeen tijd", "Enter", "m", "Enter",
             "te druk", "C-s")
        mine = codings_of_tessa(sample_db, lambda mine: any(c.memo for c in mine))
        assert [(c.code_path, c.memo) for c in mine] == [
            ("Studenten > Belemmeringen studenten > Studievertraging", None),
            ("Medewerkers > Belemmeringen medewerkers > Geen tijd", "te druk")]
        turns = transcripts.show_transcript(sample_db, "interview-01").turns
        respondent = {(t.start, t.end) for t in turns if t.role == "respondent"}
        assert {(c.start, c.end) for c in mine} <= respondent and mine[0].start < mine[1].start  # whole turns
        tmux("send-keys", "-t", session, "C-q")
    finally:
        subprocess.run(["tmux", "kill-session", "-t", session], capture_output=True)


def test_a_keyword_typed_in_the_picker_codes_its_code_at_80x24(sample_db):
    """`geen uren` is a keyword of Geen formele uren: enter codes that code, it makes no new one."""
    session = open_first_transcript(sample_db, size=(80, 24))
    try:
        tmux("send-keys", "-t", session, "n", "t")
        screen_shows(session, "Code beurt")
        tmux("send-keys", "-t", session, "-l", "geen uren")
        screen_shows(session, "Geen formele uren")
        tmux("send-keys", "-t", session, "Enter")
        mine = codings_of_tessa(sample_db, lambda mine: mine)
        assert [c.code_path for c in mine] == ["Functie en uren > Geen formele uren"]
        assert not [c for c in codebook.show_codebook(sample_db, counted=False) if c.path.lower().endswith("geen uren")]
        tmux("send-keys", "-t", session, "C-q")
    finally:
        subprocess.run(["tmux", "kill-session", "-t", session], capture_output=True)
