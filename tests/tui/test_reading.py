"""Reading and moving through a transcript: search as an editor searches, and a transcript reopens where its
coder left it."""

import re

from tests.tui.conftest import burst, notified, run, wait_for
from workbench.tui.screens.dialogs import TextPrompt
from workbench.tui.screens.overview import OverviewScreen
from workbench.tui.screens.transcript import TranscriptScreen


async def open_first(app, pilot):
    await wait_for(pilot, lambda: isinstance(app.screen, OverviewScreen) and app.screen.summaries)
    await pilot.press("enter")
    await wait_for(pilot, lambda: isinstance(app.screen, TranscriptScreen) and app.screen.page is not None)
    return app.screen


def places(screen, words: str) -> list[int]:
    return [m.start() for m in re.finditer(re.escape(words), screen.page.plain, re.IGNORECASE)]


def cursor(screen) -> int:
    return screen.text.offset(screen.text.selection.start)


def test_search_replaces_the_last_query_counts_the_places_and_goes_both_ways(app):
    """The first key typed replaces the last query (typing added to it); g and G go forward and back, each
    saying which place of how many, and saying so when it wraps."""
    async def scenario():
        async with app.run_test(size=(120, 40)) as pilot:
            screen = await open_first(app, pilot)
            await pilot.press("slash", *"studie", "enter")
            await wait_for(pilot, lambda: app.screen is screen and screen.search_text == "studie")
            await pilot.press("slash")
            await wait_for(pilot, lambda: isinstance(app.screen, TextPrompt))
            await pilot.press(*"erasmus", "enter")
            await wait_for(pilot, lambda: app.screen is screen)
            assert screen.search_text == "erasmus"
            found = places(screen, "erasmus")
            assert len(found) >= 3
            assert cursor(screen) == found[0]
            await wait_for(pilot, lambda: notified(app, f"1/{len(found)}"))
            await pilot.press("g")
            await wait_for(pilot, lambda: cursor(screen) == found[1])
            await wait_for(pilot, lambda: notified(app, f"2/{len(found)}"))
            await pilot.press("G", "G")
            await wait_for(pilot, lambda: cursor(screen) == found[-1])
            await wait_for(pilot, lambda: notified(app, f"{len(found)}/{len(found)}") and notified(app, "einde"))

    run(scenario())


def test_keys_of_a_search_typed_in_one_burst_edit_the_query_as_typed(app):
    """`/`, ctrl+u (clear), the words and enter sent at once, before the prompt is on screen: ctrl+u was lost
    and the words were added to the last query."""
    async def scenario():
        async with app.run_test(size=(120, 40)) as pilot:
            screen = await open_first(app, pilot)
            screen.search_text = "studie"
            burst(app, "slash", "x", "ctrl+u", *"erasmus", "enter")
            await wait_for(pilot, lambda: app.screen is screen and screen.search_text != "studie")
            assert screen.search_text == "erasmus"
            assert cursor(screen) in places(screen, "erasmus")

    run(scenario())


def test_keys_that_do_nothing_in_a_search_field_typed_ahead_do_nothing(app):
    """pagedown typed ahead into the search prompt ran the field's inherited scroll action, whose SkipAction
    ended the app (found by the monkey test)."""
    async def scenario():
        async with app.run_test(size=(120, 40)) as pilot:
            screen = await open_first(app, pilot)
            burst(app, "slash", "w", "pagedown", "pageup", "ctrl+u", *"erasmus", "enter")
            await wait_for(pilot, lambda: app.screen is screen and screen.search_text)
            return screen.search_text, app.is_running

    assert run(scenario()) == ("erasmus", True)


def test_a_transcript_reopens_where_its_coder_left_it(app, sample_db):
    """Back to the overview and in again, or the workbench closed and started anew: the cursor is where the
    coder left it (it started at the first turn); another coder starts at the top."""
    from workbench.tui.app import WorkbenchApp

    async def leave_at_a_place(pilot):
        screen = await open_first(app, pilot)
        for _ in range(4):
            await pilot.press("n")
        await pilot.press("right", "right")
        left = screen._cursor()
        assert left > screen.detail.turns[3].start
        await pilot.press("escape")
        await wait_for(pilot, lambda: isinstance(app.screen, OverviewScreen))
        await pilot.press("enter")
        await wait_for(pilot, lambda: isinstance(app.screen, TranscriptScreen) and app.screen.page is not None)
        await wait_for(pilot, lambda: screen._cursor() == left)
        return left

    async def first():
        async with app.run_test(size=(120, 40)) as pilot:
            return await leave_at_a_place(pilot)

    async def again(coder):
        other = WorkbenchApp(sample_db, coder)
        async with other.run_test(size=(120, 40)) as pilot:
            await wait_for(pilot, lambda: isinstance(other.screen, OverviewScreen) and other.screen.summaries)
            await pilot.press("enter")
            await wait_for(pilot, lambda: isinstance(other.screen, TranscriptScreen) and other.screen.page is not None)
            await pilot.pause(0.2)
            return other.screen._cursor()

    left = run(first())
    assert run(again("anna")) == left
    assert run(again("bram")) == 0
