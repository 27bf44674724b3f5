"""Nothing a coder does is lost, misplaced or crashed: keys in bursts, stale screens, other coders.

"Elsewhere" is a real second process (the `workbench` CLI) on the same study file; the app must never
raise, and every refusal is one line (app.unexpected_errors stays empty).
"""

import time

import pytest
from textual import events
from textual.command import CommandPalette

from tests.tui.conftest import burst, elsewhere, notified, run, wait_for, written
from workbench.services import codings, suggestions, transcripts
from workbench.tui.screens.dialogs import ChoicePicker, CodePicker, Confirm, Picked
from workbench.tui.screens.frequencies import FrequenciesScreen
from workbench.tui.screens.memos import MemoEditor
from workbench.tui.screens.overview import OverviewScreen
from workbench.tui.screens.transcript import TranscriptScreen

DELAY = "Studenten > Belemmeringen studenten > Studievertraging"
MONEY = "Studenten > Belemmeringen studenten > Financiële redenen"
GROUP = "Studenten > Belemmeringen studenten"


def mine(app, name):
    return [c for c in codings.list_codings(app.db, transcript=name) if c.coder == "anna"]


async def open_transcript(app, pilot, name="interview-01"):
    await wait_for(pilot, lambda: isinstance(app.screen, OverviewScreen) and app.screen.summaries)
    app.open_transcript(name)
    await wait_for(pilot, lambda: isinstance(app.screen, TranscriptScreen) and app.screen.transcript == name
                   and len(app.screen.page.turns) == len(app.screen.detail.turns))
    return app.screen


async def at_first_suggestion(app, pilot):
    """interview-03 open, its suggestions made, the cursor on the first turn that has one."""
    await wait_for(pilot, lambda: isinstance(app.screen, OverviewScreen) and app.screen.summaries)
    app.open_transcript("interview-03")
    await wait_for(pilot, lambda: isinstance(app.screen, TranscriptScreen) and app.screen.suggestions is not None,
                   timeout=60)
    await pilot.press("w")
    return app.screen


def respondent_turns(app, name="interview-01"):
    return [t for t in transcripts.show_transcript(app.db, name).turns if t.role == "respondent"]


async def at_turn(screen, pilot, turn):
    position = next(i for i, t in enumerate(screen.page.turns) if t.index == turn.index)
    screen.text.move_to(screen.page.body_starts[position])
    await pilot.pause()


def test_a_burst_of_keys_codes_what_was_typed(app):
    """Over ssh 't', 'studvert' and enter arrive before the picker is on screen; then more keys."""
    async def scenario():
        async with app.run_test(size=(120, 40)) as pilot:
            screen = await open_transcript(app, pilot)
            first, second = respondent_turns(app)[:2]
            await at_turn(screen, pilot, first)
            burst(app, "t", *"studvert", "enter", "n", "t", *"financ", "enter", "m", "enter", *"duur", "ctrl+s")
            await wait_for(pilot, lambda: any(c.memo for c in mine(app, "interview-01")))
            await written(pilot)
            made = {(c.code_path, c.start): c for c in mine(app, "interview-01")}
            assert (DELAY, first.start) in made
            money = next(c for (path, _), c in made.items() if path == MONEY)
            assert money.start > first.start and money.memo == "duur"  # m acted on the coding 't' had made
            assert len(made) == 2 and all(t.memo is None for t in transcripts.show_transcript(
                app.db, "interview-01").turns)
        assert app.unexpected_errors == []

    run(scenario())


def test_keys_after_a_dialogs_answer_wait_until_it_is_acted_on(app):
    """'n' typed after the picker's enter is still held when the coding it answered is asked for: released
    before (as it was), it could run before the write started and slip past the gate."""
    async def scenario():
        async with app.run_test(size=(120, 40)) as pilot:
            screen = await open_transcript(app, pilot)
            await at_turn(screen, pilot, respondent_turns(app)[0])
            held_at_write = []
            write = screen.write
            screen.write = lambda *args: (held_at_write.append([key.key for _, key in app._held]), write(*args))
            burst(app, "t", *"studvert", "enter", "n")
            await wait_for(pilot, lambda: held_at_write)
            await written(pilot)
            assert held_at_write == [["n"]]
        assert app.unexpected_errors == []

    run(scenario())


def test_new_code_over_an_existing_group_is_one_line(app):
    """Typing a group's path offers no new code; forcing it is refused in one line, nothing changes."""
    async def scenario():
        async with app.run_test(size=(120, 40)) as pilot:
            screen = await open_transcript(app, pilot)
            turn = respondent_turns(app)[0]
            await at_turn(screen, pilot, turn)
            await pilot.press("t")
            await wait_for(pilot, lambda: isinstance(app.screen, CodePicker))
            await pilot.press(*GROUP)
            options = app.screen.query_one("#options")
            assert not any(options.get_option_at_index(i).id.startswith("new:") for i in range(options.option_count))
            app.screen.dismiss(Picked(GROUP, create=True))
            await wait_for(pilot, lambda: notified(app, "is een codegroep"))
            assert mine(app, "interview-01") == []
        assert app.unexpected_errors == []

    run(scenario())


def test_correcting_a_suggestion_to_a_group_leaves_it_pending(app):
    async def scenario():
        async with app.run_test(size=(120, 40)) as pilot:
            screen = await at_first_suggestion(app, pilot)
            chosen = screen._offered(screen._turn())[0]
            await pilot.press("k")
            await wait_for(pilot, lambda: isinstance(app.screen, CodePicker))
            app.screen.dismiss(Picked(GROUP, create=True))
            await wait_for(pilot, lambda: notified(app, "is een codegroep"))
            assert chosen.id in {s.id for s in suggestions.pending(app.db, "interview-03")}  # not rejected
        assert app.unexpected_errors == []

    run(scenario())


def test_undo_and_remove_of_a_coding_removed_elsewhere_say_so(app):
    async def scenario():
        async with app.run_test(size=(120, 40)) as pilot:
            screen = await open_transcript(app, pilot)
            turn = respondent_turns(app)[0]
            await at_turn(screen, pilot, turn)
            await pilot.press("t")
            await wait_for(pilot, lambda: isinstance(app.screen, CodePicker))
            await pilot.press(*"studvert", "enter")
            await written(pilot)
            (made,) = mine(app, "interview-01")
            elsewhere(app, "codings", "delete", made.guid, "--settle")  # the lead settles it, in the CLI
            await pilot.press("x")  # the screen has not heard yet: the coding is still shown
            await wait_for(pilot, lambda: notified(app, "onbekende codering"))
            await pilot.press("u")
            await wait_for(pilot, lambda: notified(app, "intussen verwijderd"))
            await wait_for(pilot, lambda: made.guid not in {c.guid for c in screen.codings})  # reloaded
        assert app.unexpected_errors == []

    run(scenario())


def test_a_suggestion_replaced_meanwhile_is_one_line(app):
    async def scenario():
        async with app.run_test(size=(120, 40)) as pilot:
            screen = await at_first_suggestion(app, pilot)
            stale = screen._offered(screen._turn())[0]
            # her other window coded its words by hand and made the suggestions again: this one is gone
            codings.add_coding(app.db, app.coder, "interview-03", stale.path, stale.start, stale.end)
            suggestions.refresh(app.db, "interview-03", coder=app.coder)
            await pilot.press("a")
            await wait_for(pilot, lambda: notified(app, "intussen vervangen of beslist"))
            await wait_for(pilot, lambda: stale.id not in {s.id for s in screen.suggestions})
            await pilot.press("r")  # acts on the refreshed list
            await written(pilot)
            assert [(c.start, c.end, c.origin) for c in mine(app, "interview-03")] == [
                (stale.start, stale.end, "manual")]
        assert app.unexpected_errors == []

    run(scenario())


def slow_loading(monkeypatch, seconds: float) -> None:
    """Opening a transcript takes that much longer: keys and commands arrive while it loads."""
    import workbench.tui.screens.transcript as transcript_screen

    slow = transcript_screen.load_transcript
    monkeypatch.setattr(transcript_screen, "load_transcript", lambda *args: (time.sleep(seconds), slow(*args))[1])


def test_palette_while_a_transcript_loads(app, monkeypatch):
    slow_loading(monkeypatch, 1)

    async def scenario():
        async with app.run_test(size=(120, 40)) as pilot:
            await wait_for(pilot, lambda: isinstance(app.screen, OverviewScreen) and app.screen.summaries)
            await pilot.press("enter")
            await pilot.press("ctrl+p")  # the palette opens while the transcript is still being read
            await wait_for(pilot, lambda: isinstance(app.screen, TranscriptScreen))
            await pilot.press("ctrl+p")
            await wait_for(pilot, lambda: isinstance(app.screen, CommandPalette))
            assert sum(isinstance(s, CommandPalette) for s in app.screen_stack) == 1

    run(scenario())


def test_changes_made_elsewhere_show_up(app):
    async def scenario():
        async with app.run_test(size=(120, 40)) as pilot:
            screen = await open_transcript(app, pilot)
            turn = respondent_turns(app)[3]
            out = elsewhere(app, "codings", "add", "interview-01", MONEY, "--turn", str(turn.index))
            guid = out.split()[0]
            await wait_for(pilot, lambda: guid in {c.guid for c in screen.codings}, timeout=10)
            position = next(i for i, t in enumerate(screen.page.turns) if t.index == turn.index)
            assert "Financiële redenen" in screen.page.header(position)
            elsewhere(app, "codings", "memo", guid, "door bram")
            await wait_for(pilot, lambda: any(c.memo == "door bram" for c in screen.codings), timeout=10)

    run(scenario())


def test_memos_open_with_their_text_and_are_shown(app):
    turn = respondent_turns(app)[0]
    codings.set_turn_memo(app.db, "interview-01", turn.index, "eerste gedachte")
    codings.set_transcript_memo(app.db, "interview-01", "rustig gesprek")

    async def scenario():
        async with app.run_test(size=(120, 40)) as pilot:
            screen = await open_transcript(app, pilot)
            await at_turn(screen, pilot, turn)
            side = str(screen.query_one("#side-text").render())
            assert "eerste gedachte" in side and "rustig gesprek" in side
            position = next(i for i, t in enumerate(screen.page.turns) if t.index == turn.index)
            assert "✎" in screen.page.header(position)
            await pilot.press("m")  # no coding of mine here: the turn's memo, as it is
            await wait_for(pilot, lambda: isinstance(app.screen, MemoEditor))
            assert app.screen.area.text == "eerste gedachte"
            await pilot.press("escape")  # nothing typed: it closes without asking
            await wait_for(pilot, lambda: app.screen is screen)
            await pilot.press("M")
            await wait_for(pilot, lambda: isinstance(app.screen, MemoEditor))
            assert app.screen.area.text == "rustig gesprek"
            await pilot.press(*" en open", "ctrl+s")
            await written(pilot)
            detail = transcripts.show_transcript(app.db, "interview-01")
            assert detail.memo == "rustig gesprek en open"
            assert next(t for t in detail.turns if t.index == turn.index).memo == "eerste gedachte"

    run(scenario())


def test_a_coding_belongs_to_its_coder(app):
    turn = respondent_turns(app)[0]
    theirs = codings.code_turn(app.db, "bram", "interview-01", turn.index, DELAY)

    async def scenario():
        async with app.run_test(size=(120, 40)) as pilot:
            screen = await open_transcript(app, pilot)
            await at_turn(screen, pilot, turn)
            await pilot.press("x")
            if isinstance(app.screen, ChoicePicker):  # the autocoder's codings are here too
                app.screen.dismiss(theirs.guid)
            await wait_for(pilot, lambda: notified(app, "van bram"))
            await pilot.press("e")
            if isinstance(app.screen, ChoicePicker):
                app.screen.dismiss(theirs.guid)
            await wait_for(pilot, lambda: isinstance(app.screen, CodePicker))
            await pilot.press(*"financ", "enter")
            await written(pilot)
        everyone = codings.list_codings(app.db, transcript="interview-01")
        assert theirs.guid in {c.guid for c in everyone}  # bram's stays bram's
        assert [(c.code_path, c.start) for c in everyone if c.coder == "anna"] == [(MONEY, theirs.start)]
        assert codings.deletions(app.db) == []

    run(scenario())


def test_the_same_code_twice_is_already_coded(app):
    async def scenario():
        async with app.run_test(size=(120, 40)) as pilot:
            screen = await open_transcript(app, pilot)
            await at_turn(screen, pilot, respondent_turns(app)[0])
            for _ in range(2):
                await pilot.press("t")
                await wait_for(pilot, lambda: isinstance(app.screen, CodePicker))
                await pilot.press(*"studvert", "enter")
                await wait_for(pilot, lambda: app.screen is screen)
                await written(pilot)
            await wait_for(pilot, lambda: notified(app, "al gecodeerd"))
            assert len(mine(app, "interview-01")) == 1
        assert app.unexpected_errors == []

    run(scenario())


def test_interviewer_turns_ask_first(app):
    turn = next(t for t in transcripts.show_transcript(app.db, "interview-01").turns if t.role == "interviewer")

    async def scenario():
        async with app.run_test(size=(120, 40)) as pilot:
            screen = await open_transcript(app, pilot)
            await at_turn(screen, pilot, turn)
            await pilot.press("t")
            await wait_for(pilot, lambda: isinstance(app.screen, Confirm))
            assert "tellen niet mee" in str(app.screen.query("Label")[1].render())
            await pilot.press("n")
            await wait_for(pilot, lambda: app.screen is screen)
            assert mine(app, "interview-01") == []
            burst(app, "t", "y", *"studvert", "enter")
            await wait_for(pilot, lambda: len(mine(app, "interview-01")) == 1)
            assert mine(app, "interview-01")[0].start == turn.start

    run(scenario())


def test_keys_while_a_transcript_opens_do_nothing_until_it_is_there(app, monkeypatch):
    slow_loading(monkeypatch, 0.5)

    async def scenario():
        async with app.run_test(size=(120, 40)) as pilot:
            await wait_for(pilot, lambda: isinstance(app.screen, OverviewScreen) and app.screen.summaries)
            app.install_screen(TranscriptScreen(), "transcript")  # installed, not yet showing a transcript
            app.push_screen("transcript")
            await pilot.pause()
            burst(app, "x", "m", "e", "n", "g", "s", "u")
            await pilot.pause(0.3)
            assert app.screen.page is None and app.unexpected_errors == []

    run(scenario())


def test_a_dialog_taken_down_before_it_was_ready_hands_its_keys_back(app):
    """Found by the monkey: a picker popped (a transcript opening takes dialogs down) before it was ready must
    not crash, and the keys typed ahead for it go to the screen now on top."""
    async def go():
        async with app.run_test() as pilot:
            await wait_for(pilot, lambda: isinstance(app.screen, OverviewScreen) and app.screen.summaries)
            picker = ChoicePicker("Opleiding", [("*", "alle opleidingen"), ("pabo", "pabo")])
            app.push_screen(picker)
            picker.type_ahead(events.Key("f", "f"))  # as the app hands over a key typed for the picker
            app.pop_screen()
            await wait_for(pilot, lambda: isinstance(app.screen, FrequenciesScreen))
            assert app.return_code is None
    run(go())


@pytest.mark.parametrize("action", ["open", "filter_programme", "assign", "import", "codebook", "frequencies",
                                    "review", "disagreements", "question", "memos", "app.help"])
def test_a_screen_opened_as_the_app_quits_does_not_crash_it(app, action):
    """Found by the monkey in CI: a picker opened in the same burst as Quit stays on the screen stack while
    the app takes its screens down, and its widgets are never mounted: no screen's on_mount may look for
    them. Each of the overview's actions opens its screen or dialog, and the app quits at once."""
    async def go():
        async with app.run_test() as pilot:
            await wait_for(pilot, lambda: isinstance(app.screen, OverviewScreen) and app.screen.summaries)
            await app.screen.run_action(action)
            app.exit()
        assert app.unexpected_errors == []
    run(go())


def test_a_reload_racing_a_write_leaves_one_copy_and_never_an_older_page(app):
    """Found by CI under load: the 2-second check reloaded the page with a coding just written, then the
    write's own result added it again; `x` then asked "which one?" between two copies of one coding. And a
    reload read before a write must not put the page back as it was."""
    from workbench.tui.screens.transcript import Step, load_transcript

    async def scenario():
        async with app.run_test(size=(120, 40)) as pilot:
            screen = await open_transcript(app, pilot)
            turn = respondent_turns(app)[0]
            stale, version = load_transcript(app.db, "interview-01", app.coder), app.db.version()
            await at_turn(screen, pilot, turn)
            await pilot.press("t", *"studvert", "enter")
            await wait_for(pilot, lambda: mine(app, "interview-01"))
            await written(pilot)
            (made,) = mine(app, "interview-01")
            screen._done(Step(added=made), undoing=True)  # as when a reload brought it first
            assert [c.guid for c in screen.codings].count(made.guid) == 1
            screen.post_message(screen.Reloaded("interview-01", stale, None, version))  # read before the write
            await pilot.pause(0.3)
            await wait_for(pilot, lambda: not screen.workers or all(w.is_finished for w in screen.workers))
            assert made.guid in [c.guid for c in screen.codings]
        assert app.unexpected_errors == []

    run(scenario())


def test_keys_let_through_after_a_write_keep_the_app_busy_until_each_has_arrived(app):
    """Held keys are posted again once a write is done; until they arrive the app is still acting on them.
    It said it was idle meanwhile, so waiting for a burst to be done could see it half done."""
    async def scenario():
        async with app.run_test(size=(120, 40)) as pilot:
            await wait_for(pilot, lambda: isinstance(app.screen, OverviewScreen) and app.screen.summaries)
            table = app.screen.query_one("DataTable")
            app.hold([(10**9, events.Key("down", None))])
            app.release_keys()
            assert app.busy and table.cursor_row == 0
            await written(pilot)
            assert table.cursor_row == 1 and not app.busy
        assert app.unexpected_errors == []

    run(scenario())


ODD = "Functie [red]x[/red] [link=http://x]"  # a name as an imported codebook may bring it


def on_screen(widget) -> str:
    """What a widget shows, as text."""
    return "\n".join(strip.text for strip in widget.render_lines(widget.region.reset_offset))


def test_names_that_look_like_markup_are_shown_as_written(app):
    """A code named like this stopped the app with a MarkupError as soon as the code picker listed it (found by
    the monkey on hostile names); its refusal and confirmation read '[red]x[/red]' as a style, not as words."""
    from workbench.services import codebook

    codebook.rename_code(app.db, "Functie en uren > Functie", ODD, "anna")
    path = f"Functie en uren > {ODD}"

    async def scenario():
        async with app.run_test(size=(120, 40)) as pilot:
            screen = await open_transcript(app, pilot)
            await at_turn(screen, pilot, respondent_turns(app)[0])
            for _ in range(2):
                await pilot.press("t")
                await wait_for(pilot, lambda: isinstance(app.screen, CodePicker))
                await pilot.press(*"functie red")
                await pilot.pause()
                assert ODD in on_screen(app.screen.query_one("#options"))
                await pilot.press("enter")
                await wait_for(pilot, lambda: app.screen is screen)
                await written(pilot)
            await wait_for(pilot, lambda: notified(app, "al gecodeerd") and notified(app, ODD))
            await pilot.pause(0.2)  # the notification drawn
            app.push_screen(Confirm(f"'{path}' weghalen?", ODD))
            await wait_for(pilot, lambda: isinstance(app.screen, Confirm))
            await pilot.pause()
            assert ODD in " ".join(on_screen(label) for label in app.screen.query("Label"))
            await pilot.press("n")
        assert [c.code_path for c in mine(app, "interview-01")] == [path]
        assert app.unexpected_errors == []

    run(scenario())


def test_a_programme_that_looks_like_markup_heads_its_column_as_written(app, tmp_path):
    """'[/]pabo' as a programme (a registry is a spreadsheet anyone fills in) stopped the frequencies screen with a
    MarkupError: its column's label was read as markup."""
    from workbench.services import participants

    (tmp_path / "extra.txt").write_text("Iris   0:01\nHoe ging dat?\n\nRuben   0:05\nIk vrees studievertraging.\n",
                                        encoding="utf-8")
    transcripts.import_paths(app.db, [tmp_path / "extra.txt"], replace=False, coder="anna")
    participants.assign_speaker(app.db, "extra", "Ruben", "R[/]99", "respondent", "Hogeschool [b]", ("[/]pabo",))
    codings.code_turn(app.db, "anna", "extra", 1, DELAY)

    async def scenario():
        async with app.run_test(size=(160, 36)) as pilot:
            await wait_for(pilot, lambda: isinstance(app.screen, OverviewScreen) and app.screen.summaries)
            await pilot.press("f")
            await wait_for(pilot, lambda: isinstance(app.screen, FrequenciesScreen) and app.screen.paths)
            table = app.screen.query_one("DataTable")
            return [str(column.label) for column in table.columns.values()], app.unexpected_errors

    labels, errors = run(scenario())
    assert any(label.startswith("[/]pabo\nN=") for label in labels) and errors == []
