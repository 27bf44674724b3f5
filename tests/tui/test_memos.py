"""Memos are notes: written over several lines, never dropped by one key, and listed in one place that opens
each where it belongs."""

from tests.tui.conftest import burst, notified, run, wait_for, written
from tests.tui.test_trust import at_turn, open_transcript, respondent_turns
from workbench.services import codings, memos, transcripts
from workbench.tui.screens.dialogs import ChoicePicker, Confirm
from workbench.tui.screens.memos import MemoEditor, MemosScreen
from workbench.tui.screens.overview import OverviewScreen
from workbench.tui.screens.transcript import TranscriptScreen


def test_a_memo_of_several_lines_is_written_in_a_burst_and_escape_asks_before_it_drops_what_was_typed(app):
    turn = respondent_turns(app)[1]

    async def scenario():
        async with app.run_test(size=(80, 24)) as pilot:
            screen = await open_transcript(app, pilot)
            await at_turn(screen, pilot, turn)
            burst(app, "m", *"eerste regel", "enter", *"tweede", "backspace", "enter", "enter", *"derde", "ctrl+s")
            await wait_for(pilot, lambda: next(t for t in transcripts.show_transcript(app.db, "interview-01").turns
                                               if t.index == turn.index).memo is not None)
            memo = next(t for t in transcripts.show_transcript(app.db, "interview-01").turns
                        if t.index == turn.index).memo
            assert memo == "eerste regel\ntweed\n\nderde"
            await written(pilot)
            await pilot.press("m", *" en meer", "escape")  # typed, then escape: asked, and no keeps it
            await wait_for(pilot, lambda: isinstance(app.screen, Confirm))
            await pilot.press("n")
            await wait_for(pilot, lambda: isinstance(app.screen, MemoEditor))
            assert app.screen.area.text == memo + " en meer"
            await pilot.press("escape", "j")  # yes: left without saving
            await wait_for(pilot, lambda: app.screen is screen)
            await written(pilot)
            assert next(t for t in transcripts.show_transcript(app.db, "interview-01").turns
                        if t.index == turn.index).memo == memo
            assert "tweed" in str(screen.query_one("#side-text").render())

    run(scenario())


def test_every_memo_is_listed_filtered_by_coder_and_opened_where_it_belongs(app):
    first, later = respondent_turns(app)[0], respondent_turns(app, "interview-02")[3]
    made = codings.code_turn(app.db, "bram", "interview-02", later.index,
                             "Studenten > Belemmeringen studenten > Studievertraging")
    codings.set_memo(app.db, made.guid, "lijkt op R07\nvragen in de teamdag")
    codings.set_turn_memo(app.db, "interview-01", first.index, "eerste gedachte")
    memos.add_study_memo(app.db, "Opzet", "de leidraad werkt", "anna")

    async def scenario():
        async with app.run_test(size=(80, 24)) as pilot:
            await wait_for(pilot, lambda: isinstance(app.screen, OverviewScreen) and app.screen.summaries)
            await pilot.press("m")
            await wait_for(pilot, lambda: isinstance(app.screen, MemosScreen) and app.screen.found is not None)
            screen = app.screen
            assert [m.kind for m in screen.shown] == ["turn", "coding", "study"]
            await pilot.press("c")  # by coder
            await wait_for(pilot, lambda: isinstance(app.screen, ChoicePicker))
            assert [label for _key, label in app.screen.choices] == ["alle", "anna", "bram"]
            await pilot.press("down", "down", "enter")
            await wait_for(pilot, lambda: app.screen is screen and len(screen.shown) == 1)
            shown = str(screen.query_one("#memo-text").render())
            assert "lijkt op R07\nvragen in de teamdag" in shown and "Studievertraging" in shown
            await pilot.press("enter")  # opens the transcript at the coding
            await wait_for(pilot, lambda: isinstance(app.screen, TranscriptScreen)
                           and app.screen.transcript == "interview-02" and app.screen.page is not None)
            opened = app.screen
            await wait_for(pilot, lambda: opened._turn() is not None and opened._turn().index == later.index)

    run(scenario())


def test_the_memos_of_the_study_itself_are_shown_whole_and_say_they_open_nowhere(app):
    memos.add_study_memo(app.db, "Opzet", "de leidraad werkt\nbehalve vraag 4", "anna")

    async def scenario():
        async with app.run_test(size=(80, 24)) as pilot:
            await wait_for(pilot, lambda: isinstance(app.screen, OverviewScreen) and app.screen.summaries)
            await pilot.press("m")
            await wait_for(pilot, lambda: isinstance(app.screen, MemosScreen) and app.screen.found is not None)
            assert "Opzet" in str(app.screen.query_one("#memo-text").render())
            await pilot.press("enter")
            await wait_for(pilot, lambda: notified(app, "studie zelf"))
            assert isinstance(app.screen, MemosScreen)

    run(scenario())
