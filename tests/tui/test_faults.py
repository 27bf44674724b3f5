"""A shared study's server that goes away and comes back while a coder works: the app says so in one line,
keeps what it shows, refuses what it cannot save, and carries on when the server is back. A real PostgreSQL
server, reached through a relay the test cuts (tests/backends.py: Outage)."""

import pytest
from sqlalchemy import event

from tests.backends import SERVER
from tests.tui.conftest import notified, run, wait_for, written
from tests.tui.test_trust import open_transcript, respondent_turns
from workbench.services import codings
from workbench.tui.app import WorkbenchApp
from workbench.tui.screens.dialogs import CodePicker
from workbench.tui.screens.transcript import TranscriptScreen

CODE = "Studenten > Belemmeringen studenten > Studievertraging"
needs_server = pytest.mark.skipif(not SERVER, reason="needs the PostgreSQL test server (WORKBENCH_TEST_POSTGRES)")


@pytest.fixture
def app(relayed):
    return WorkbenchApp(relayed, "anna")


def mine(app, turn):
    return [c for c in codings.list_codings(app.db, transcript="interview-01")
            if c.coder == "anna" and (c.start, c.end) == (turn.start, turn.end) and c.code_path == CODE]


def out_of_reach(app) -> list[str]:
    return [n.message for n in app._notifications if "cannot be reached" in n.message
            or "niet te bereiken" in n.message]


async def code_turn(pilot, screen, turn) -> None:
    position = next(i for i, t in enumerate(screen.page.turns) if t.index == turn.index)
    screen.text.move_to(screen.page.body_starts[position])
    await pilot.press("t")
    await wait_for(pilot, lambda: isinstance(pilot.app.screen, CodePicker))
    await pilot.press(*"studvert", "enter")
    await wait_for(pilot, lambda: pilot.app.screen is screen)
    await written(pilot)


@needs_server
def test_the_server_goes_away_while_coding_and_comes_back(app, outage):
    async def scenario():
        async with app.run_test(size=(120, 40)) as pilot:
            screen = await open_transcript(app, pilot)
            first, second = respondent_turns(app)[3:5]
            shown = screen.page.text
            outage.cut()
            await code_turn(pilot, screen, first)  # the picker reads nothing: it opens as always
            await wait_for(pilot, lambda: out_of_reach(app))
            await wait_for(pilot, lambda: notified(app, "Niet opgeslagen: doe het opnieuw"))
            await pilot.pause(5)  # idle while it is away: said once, not every check
            assert len(out_of_reach(app)) == 1
            await code_turn(pilot, screen, second)  # refused at once
            await wait_for(pilot, lambda: sum("Niet opgeslagen" in n.message for n in app._notifications) == 2)
            assert len(out_of_reach(app)) == 1
            assert app.is_running and isinstance(app.screen, TranscriptScreen) and screen.page.text == shown
            assert app.unexpected_errors == [] and app.study_problem
            outage.restore()
            await wait_for(pilot, lambda: app.study_problem is None, timeout=20)
            assert mine(app, first) == [] and mine(app, second) == []  # refused, so not saved
            await code_turn(pilot, screen, first)
            await wait_for(pilot, lambda: len(mine(app, first)) == 1)
            assert any(c.code_path == CODE and c.start == first.start for c in screen.codings)
            assert app.unexpected_errors == []

    run(scenario())


@needs_server
@pytest.mark.parametrize("landed", [True, False], ids=["landed", "lost"])
def test_a_write_lost_while_committing_is_checked_when_the_server_is_back(app, outage, landed):
    """The connection drops as the commit goes out: the coding may or may not be in the study. Once the server
    is back the app looks it up (its receipt) and says which; the screen shows the study as it is, and the
    coding is never made twice."""
    async def scenario():
        async with app.run_test(size=(120, 40)) as pilot:
            screen = await open_transcript(app, pilot)
            turn = respondent_turns(app)[3]

            lost = []

            def saw_a_coding(conn, _cursor, statement, *_args):
                if statement.lstrip().upper().startswith("INSERT INTO CODING "):
                    conn.info["coding"] = True

            def lose_the_answer(conn):  # the commit of the coding (the screen's other workers commit too)
                if not conn.info.pop("coding", False) or lost:
                    return
                lost.append(True)
                connection = conn.connection.dbapi_connection
                if landed:
                    connection.commit()  # it reached the server; the answer never comes back
                connection.close()
                outage.cut()

            event.listen(app.db.engine, "after_cursor_execute", saw_a_coding)
            event.listen(app.db.engine, "commit", lose_the_answer)
            await code_turn(pilot, screen, turn)
            await wait_for(pilot, lambda: notified(app, "Verloren tijdens het opslaan"))
            outage.restore()
            said = "is wel opgeslagen" if landed else "is niet opgeslagen"
            await wait_for(pilot, lambda: notified(app, said), timeout=20)
            assert len(mine(app, turn)) == (1 if landed else 0)
            await wait_for(pilot, lambda: sum(c.code_path == CODE and c.start == turn.start
                                              for c in screen.codings) == (1 if landed else 0))
            assert app.unexpected_errors == []

    run(scenario())


def test_a_damaged_study_is_said_once_a_screen_asks_and_is_not_taken_for_a_lost_server(sample_db):
    """A damaged study is no server that will come back: said as a refusal, not 'retrying' every two seconds."""
    import sqlite3

    with sqlite3.connect(sample_db.engine.url.database) as raw:
        raw.execute("UPDATE code SET keywords = 'geen json' WHERE id = (SELECT min(id) FROM code)")
    app = WorkbenchApp(sample_db, "anna")

    async def scenario():
        async with app.run_test(size=(120, 40)) as pilot:
            await wait_for(pilot, lambda: app.screen.__class__.__name__ == "OverviewScreen")
            await pilot.press("b")  # the codebook
            await wait_for(pilot, lambda: notified(app, "de studie is beschadigd"))
            await pilot.pause(5)
            said = [n.message for n in app._notifications if "beschadigd" in n.message]
            assert len(said) == 1 and app.study_problem is None and app.unexpected_errors == []
            assert app.is_running

    run(scenario())
