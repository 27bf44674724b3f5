"""Several coders in the TUI: whose codings are shown, blind mode, settling disagreements."""

from tests.tui.conftest import run, wait_for, written
from workbench.config import Settings
from workbench.services import agreement, codings, transcripts
from workbench.tui.app import WorkbenchApp
from workbench.tui.screens.dialogs import ChoicePicker, CodePicker, TextPrompt
from workbench.tui.screens.disagreements import DisagreementsScreen
from workbench.tui.screens.overview import OverviewScreen
from workbench.tui.screens.transcript import TranscriptScreen

DELAY = "Studenten > Belemmeringen studenten > Studievertraging"


def respondent_turn(db, n=2):
    return [t for t in transcripts.show_transcript(db, "interview-03").turns if t.role == "respondent"][n]


async def open_03(app, pilot):
    await wait_for(pilot, lambda: isinstance(app.screen, OverviewScreen) and app.screen.summaries)
    app.open_transcript("interview-03")
    await wait_for(pilot, lambda: isinstance(app.screen, TranscriptScreen) and app.screen.page is not None)
    return app.screen


def test_show_mine_others_or_all_and_blind_mode(app):
    turn = respondent_turn(app.db)
    theirs = codings.code_turn(app.db, "bea", "interview-03", turn.index, DELAY)
    codings.code_turn(app.db, "anna", "interview-03", respondent_turn(app.db, 4).index, DELAY)

    async def scenario():
        async with app.run_test(size=(120, 40)) as pilot:
            screen = await open_03(app, pilot)
            assert theirs.guid in {c.guid for c in screen.page.codings}
            await pilot.press("o")  # mine only
            assert screen.shown_coder == "anna" and theirs.guid not in {c.guid for c in screen.page.codings}
            while screen.shown_coder != "bea":  # the others in turn (the autocoder, bea)
                await pilot.press("o")
            assert {c.coder for c in screen.page.codings} == {"bea"}

    run(scenario())
    blinded = WorkbenchApp(app.db, "anna", Settings(blind=True))

    async def blind():
        async with blinded.run_test(size=(120, 40)) as pilot:
            screen = await open_03(blinded, pilot)
            assert screen.page.codings and {c.coder for c in screen.page.codings} == {"anna"}
            await pilot.press("o")
            assert screen.shown_coder == "anna"

    run(blind())


def test_settle_a_disagreement_from_the_list(app):
    turn = respondent_turn(app.db)
    codings.code_turn(app.db, "bea", "interview-03", turn.index, DELAY)
    codings.code_turn(app.db, "anna", "interview-03", respondent_turn(app.db, 5).index, "Studenten > Houding studenten")
    before = agreement.disagreements(app.db, ["anna", "bea"], DELAY)
    assert [d.turn for d in before] == [turn.index]

    async def scenario():
        async with app.run_test(size=(120, 40)) as pilot:
            await wait_for(pilot, lambda: isinstance(app.screen, OverviewScreen) and app.screen.summaries)
            await pilot.press("d")
            await wait_for(pilot, lambda: isinstance(app.screen, TextPrompt))
            await pilot.press(*"anna, bea", "enter")
            await wait_for(pilot, lambda: isinstance(app.screen, DisagreementsScreen) and app.screen.found is not None)
            listing = app.screen
            row = next(i for i, d in enumerate(listing.found) if d.code_path == DELAY)
            listing.query_one("LongTable").move_cursor(row=row)
            await pilot.press("enter")
            await wait_for(pilot, lambda: isinstance(app.screen, TranscriptScreen) and app.screen.page is not None
                           and app.screen._turn() is not None and app.screen._turn().index == turn.index)
            await pilot.press("t")
            await wait_for(pilot, lambda: isinstance(app.screen, CodePicker))
            await pilot.press(*"studvert", "enter")
            await wait_for(pilot, lambda: isinstance(app.screen, TranscriptScreen))
            await written(pilot)
            await pilot.press("escape")
            await wait_for(pilot, lambda: app.screen is listing and listing.found is not None
                           and all(d.code_path != DELAY for d in listing.found))

    run(scenario())
    assert agreement.disagreements(app.db, ["anna", "bea"], DELAY) == []


def test_settle_by_removing_the_other_coders_coding(app):
    """From the disagreements list another coder's coding may go: recorded as settled, their name kept."""
    turn = respondent_turn(app.db)
    theirs = codings.code_turn(app.db, "bea", "interview-03", turn.index, DELAY)
    codings.code_turn(app.db, "anna", "interview-03", respondent_turn(app.db, 5).index, "Studenten > Houding studenten")

    async def scenario():
        async with app.run_test(size=(120, 40)) as pilot:
            await wait_for(pilot, lambda: isinstance(app.screen, OverviewScreen) and app.screen.summaries)
            app.push_screen(DisagreementsScreen(["anna", "bea"]))
            await wait_for(pilot, lambda: isinstance(app.screen, DisagreementsScreen) and app.screen.found is not None)
            listing = app.screen
            listing.query_one("LongTable").move_cursor(row=next(i for i, d in enumerate(listing.found)
                                                               if d.code_path == DELAY))
            await pilot.press("enter")
            await wait_for(pilot, lambda: isinstance(app.screen, TranscriptScreen) and app.screen.page is not None
                           and app.screen._turn() is not None and app.screen._turn().index == turn.index)
            await pilot.press("x")
            if isinstance(app.screen, ChoicePicker):
                app.screen.dismiss(theirs.guid)
            await wait_for(pilot, lambda: codings.deletions(app.db))
            await written(pilot)

    run(scenario())
    (record,) = codings.deletions(app.db)
    assert (record.coding_guid, record.coded_by, record.deleted_by, record.reason) == (theirs.guid, "bea", "anna",
                                                                                       "settled")


def test_a_long_list_of_disagreements_comes_in_batches_the_first_at_once(app, monkeypatch):
    """The first rows are on screen while the rest is still read; a reload's list is the service's, once (the
    batches of the reading it replaced, held until the new one is done, are not shown), and the cursor is back
    on its row though that row came in a later batch."""
    import itertools
    import threading

    turns = [t for t in transcripts.show_transcript(app.db, "interview-03").turns if t.role == "respondent"]
    for turn in turns[:9]:
        codings.code_turn(app.db, "anna", "interview-03", turn.index, DELAY)
    codings.code_turn(app.db, "bea", "interview-03", turns[9].index, DELAY)
    expected = agreement.disagreements(app.db, ["anna", "bea"])
    assert len(expected) == 10
    monkeypatch.setattr(DisagreementsScreen, "FIRST", 2)
    monkeypatch.setattr(DisagreementsScreen, "BATCH", 3)
    holds = {0: threading.Event(), 1: threading.Event()}  # the opening's reading, the first reload's
    calls, ended = itertools.count(), []
    reading = agreement.Comparison.disagreements

    def held(self, tally=True):
        mine = next(calls)
        try:
            for n, found in enumerate(reading(self, tally)):
                if n == 3 and mine in holds:  # the first batch is out, the next one begun
                    holds[mine].wait(30)
                yield found
        finally:
            ended.append(mine)

    monkeypatch.setattr(agreement.Comparison, "disagreements", held)

    def rows(screen):
        table = screen.query_one("LongTable")
        return [(str(table.get_row_at(i)[0]), int(table.get_row_at(i)[1])) for i in range(table.row_count)]

    async def scenario():
        async with app.run_test(size=(120, 40)) as pilot:
            await wait_for(pilot, lambda: isinstance(app.screen, OverviewScreen) and app.screen.summaries)
            app.push_screen(DisagreementsScreen(["anna", "bea"]))
            await wait_for(pilot, lambda: isinstance(app.screen, DisagreementsScreen) and app.screen.found)
            listing = app.screen
            await pilot.pause()
            assert not listing.done and len(rows(listing)) == 2 and "2" in listing.sub_title
            holds[0].set()
            await wait_for(pilot, lambda: listing.done)
            assert rows(listing) == [(d.transcript, d.turn) for d in expected]
            listing.query_one("LongTable").move_cursor(row=7)
            await pilot.press("r")
            await wait_for(pilot, lambda: not listing.done and len(listing.found) == 2)
            await pilot.press("r")
            await wait_for(pilot, lambda: listing.done)
            holds[1].set()
            await wait_for(pilot, lambda: 1 in ended)
            await pilot.pause(0.1)
            assert rows(listing) == [(d.transcript, d.turn) for d in expected]
            assert listing.query_one("LongTable").cursor_row == 7 and listing.found == expected

    run(scenario())
