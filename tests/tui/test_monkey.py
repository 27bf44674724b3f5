"""A monkey at the keyboard: thousands of random keys in bursts, over every screen of a study with names built to
hurt, while another process adds and removes codings in the same study. Nothing may raise; every refusal is one
line."""

import os
import random
import subprocess
import sys
import textwrap
import time

import pytest

from tests.backends import SERVER, Outage, drop_postgres, new_postgres
from tests.tui.conftest import burst, run, wait_for
from workbench.core.db import Database
from workbench.tui.app import WorkbenchApp
from workbench.tui.screens.overview import OverviewScreen

KEYS = 2_000
SEED = int(os.environ.get("MONKEY_SEED", "20261129"))  # another seed explores other paths
SCREEN_KEYS = list("bfdvaipr") + ["enter"]  # from the overview: every screen
CODING_KEYS = list("ctexmMnsgaUrkwou/") + ["ctrl+z", "ctrl+y"]
MOVES = ["up", "down", "left", "right", "shift+right", "shift+down", "pagedown", "pageup", "home", "end", "tab"]
TYPING = list("studvert geen tijd,.") + ["backspace", "enter", "escape", "y", "n", "f1"]
# ctrl+p (Textual's command palette) explored with MONKEY_PALETTE=1: it found three races inside Textual 8.2's
# palette (guarded in workbench/tui/palette.py); CI keeps to the workbench's own screens
POOL = SCREEN_KEYS + CODING_KEYS + MOVES + TYPING + (["ctrl+p"] if os.environ.get("MONKEY_PALETTE") else [])

OTHER_CODER = textwrap.dedent("""
    import random, sys, time
    from workbench.core.db import Database
    from workbench.services import codings, transcripts
    from workbench.errors import WorkbenchError
    db, rng = Database(sys.argv[1]), random.Random(7)
    codes = ["Studenten > Belemmeringen studenten > Studievertraging", "Functie en uren > Functie"]
    turns = {name: [t for t in transcripts.show_transcript(db, name).turns if t.role == "respondent"]
             for name in ("interview-01", "interview-02", "interview-03")}
    done = 0
    while done < int(sys.argv[2]):
        name = rng.choice(list(turns))
        try:
            if rng.random() < 0.6:
                codings.code_turn(db, "bram", name, rng.choice(turns[name]).index, rng.choice(codes))
            else:
                theirs = [c for c in codings.list_codings(db, transcript=name) if c.coder == "bram"]
                if theirs:
                    codings.delete_coding(db, "bram", rng.choice(theirs).guid)
        except WorkbenchError:
            pass  # already coded, or removed meanwhile: a refusal, not a failure
        done += 1
        time.sleep(0.05)
    print(done)
""")


def hurtful(db, folder) -> None:
    """Names and words that look like markup in every place a screen shows them: a code, a transcript, its
    speakers, a programme, an institution, memos (each once stopped a screen with a MarkupError)."""
    from workbench.services import codebook, codings, participants, transcripts

    codebook.rename_code(db, "Functie en uren > Formele uren", "Formele [/] uren [link=http://x]", "tester")
    (folder / "gesprek [b].txt").write_text("Anouk [/]   0:01\nIs studievertraging [red]een thema?\n\n"
                                           "Bram [link=x]   0:05\nIk vrees [/] studievertraging [b].\n", encoding="utf-8")
    transcripts.import_paths(db, [folder / "gesprek [b].txt"], replace=False, coder="tester")
    participants.assign_speaker(db, None, "Bram [link=x]", "R[/]9", "respondent", "Hogeschool [b]", ("[/]pabo",))
    for coding in codings.list_codings(db, transcript="interview-02")[:20]:
        codings.set_memo(db, coding.guid, "memo [/] met [b]opmaak\n[lacht]")


def test_thousands_of_random_keys_while_another_process_writes(sample_db, tmp_path):
    hurtful(sample_db, tmp_path)
    rng = random.Random(SEED)
    other = subprocess.Popen([sys.executable, "-c", OTHER_CODER, str(sample_db.engine.url), "100000"],
                             stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    sent, screens, apps = 0, set(), []

    async def session(app):
        """Keys until done, or until the monkey quits (the palette's Quit command): then a new session."""
        nonlocal sent
        async with app.run_test(size=(110, 34)) as pilot:
            await wait_for(pilot, lambda: isinstance(app.screen, OverviewScreen) and app.screen.summaries)
            while sent < KEYS and app.is_running and app.return_code is None:
                if rng.random() < 0.08:  # now and then, back to the overview and into another screen
                    keys = ["escape"] * 4 + [rng.choice(SCREEN_KEYS)]
                else:
                    keys = [rng.choice(POOL) for _ in range(rng.randint(1, 8))]
                burst(app, *keys)
                sent += len(keys)
                await pilot.pause(rng.choice((0, 0.02, 0.05, 0.1)))
                if app.screen_stack:
                    screens.add(type(app.screen).__name__)
            if app.return_code is None:
                await wait_for(pilot, lambda: not app.writes_pending, timeout=60)

    try:
        while sent < KEYS:
            apps.append(WorkbenchApp(sample_db, "anna"))
            run(session(apps[-1]))
    finally:
        other.terminate()
        other.wait(timeout=30)
    errors = [e for app in apps for e in app.unexpected_errors]
    print(f"\nmonkey: {sent} keys in {len(apps)} session(s), screens {sorted(screens)}, "
          f"unexpected errors {len(errors)}")
    assert errors == [] and all(app.return_code in (None, 0) for app in apps)
    assert {"OverviewScreen", "TranscriptScreen"} <= screens and len(screens) >= 5  # which others: timing
    assert other.returncode is not None and "Traceback" not in other.stderr.read()


@pytest.mark.skipif(not SERVER, reason="needs the PostgreSQL test server (WORKBENCH_TEST_POSTGRES)")
def test_random_keys_while_the_database_goes_away_and_comes_back(postgres_template):
    """The study on PostgreSQL, reached through a relay that is cut now and then for up to two seconds while
    the keys go on (another coder writes straight to the server all the while): nothing raises, and once the
    server is back for good the app says so and carries on."""
    url = new_postgres(template=postgres_template)
    outage, rng = Outage(SERVER), random.Random(SEED + 1)
    db = Database(outage.url(url))
    other = subprocess.Popen([sys.executable, "-c", OTHER_CODER, url, "100000"],
                             stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    app, cuts = WorkbenchApp(db, "anna"), 0

    async def session():
        nonlocal cuts
        async with app.run_test(size=(110, 34)) as pilot:
            await wait_for(pilot, lambda: isinstance(app.screen, OverviewScreen) and app.screen.summaries)
            sent, back_at = 0, None
            while sent < KEYS // 2 and app.return_code is None:
                if outage.is_cut and time.monotonic() > back_at:
                    outage.restore()
                elif not outage.is_cut and rng.random() < 0.03:
                    outage.cut()
                    cuts, back_at = cuts + 1, time.monotonic() + rng.uniform(0.2, 2)
                keys = (["escape"] * 4 + [rng.choice(SCREEN_KEYS)] if rng.random() < 0.08
                        else [rng.choice(POOL) for _ in range(rng.randint(1, 8))])
                burst(app, *keys)
                sent += len(keys)
                await pilot.pause(rng.choice((0, 0.02, 0.05, 0.1)))
            if outage.is_cut:
                outage.restore()
            if app.return_code is None:
                await wait_for(pilot, lambda: not app.writes_pending and app.study_problem is None, timeout=60)

    try:
        run(session())
    finally:
        other.terminate()
        other.wait(timeout=30)
        outage.cut()
        db.close()
        drop_postgres(url)
    print(f"\nmonkey with outages: {cuts} cut(s), unexpected errors {len(app.unexpected_errors)}")
    assert cuts >= 3 and app.unexpected_errors == [] and app.return_code in (None, 0)
    assert "Traceback" not in other.stderr.read()
