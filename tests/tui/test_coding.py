"""Main paths of the coder's day, through the pilot, checked in the database."""

import re

from tests.tui.conftest import notified, run, wait_for, written
from workbench.services import codebook, codings, transcripts
from workbench.tui.screens.dialogs import ChoicePicker, CodePicker, Confirm
from workbench.tui.screens.memos import MemoEditor
from workbench.tui.screens.overview import OverviewScreen
from workbench.tui.screens.transcript import TranscriptScreen

CODE = "Studenten > Belemmeringen studenten > Studievertraging"


async def open_first(app, pilot):
    await wait_for(pilot, lambda: isinstance(app.screen, OverviewScreen) and app.screen.summaries)
    await pilot.press("enter")
    await wait_for(pilot, lambda: isinstance(app.screen, TranscriptScreen) and app.screen.page is not None)
    return app.screen


def mine(app, screen):
    return [c for c in codings.list_codings(app.db, transcript=screen.transcript) if c.coder == "anna"]


def test_code_a_turn_with_fuzzy_search_then_undo_and_redo(app):
    async def scenario():
        async with app.run_test(size=(110, 36)) as pilot:
            screen = await open_first(app, pilot)
            await pilot.press("n", "t")
            await wait_for(pilot, lambda: isinstance(app.screen, CodePicker))
            await pilot.press(*"studvert", "enter")
            await wait_for(pilot, lambda: app.screen is screen)
            await written(pilot)
            (made,) = mine(app, screen)
            turn = screen._turn()
            assert made.code_path == CODE and (made.start, made.end) == (turn.start, turn.end)
            position = screen.page.turns.index(turn)
            assert screen.page.header(position).endswith("[Studievertraging]")
            await pilot.press("ctrl+z")
            await wait_for(pilot, lambda: mine(app, screen) == [])
            await written(pilot)
            await wait_for(pilot, lambda: notified(app, "Ongedaan: Studievertraging weggehaald"))
            await pilot.press("ctrl+y")
            await wait_for(pilot, lambda: [c.guid for c in mine(app, screen)] == [made.guid])
            await wait_for(pilot, lambda: notified(app, "Opnieuw: Studievertraging teruggezet"))

    run(scenario())


def test_code_a_selection_change_it_and_remove_it(app):
    async def scenario():
        async with app.run_test(size=(110, 36)) as pilot:
            screen = await open_first(app, pilot)
            await pilot.press("n")
            position = screen.page.turn_at(screen.text.offset(screen.text.cursor_location))
            body = screen.page.body_starts[position]
            screen.text.move_to(body)
            await pilot.press(*["shift+right"] * 12, "c")
            await wait_for(pilot, lambda: isinstance(app.screen, CodePicker))
            await pilot.press(*"werkdruk", "enter")
            await wait_for(pilot, lambda: app.screen is screen)
            await written(pilot)
            (made,) = mine(app, screen)
            assert made.code_path.endswith("Volle agenda en werkdruk") and len(made.quote) == 12
            body = screen.page.body_starts[position]  # the header grew: the text moved on
            assert made.quote == screen.page.text[body : body + 12]
            screen.text.move_to(body + 3)
            await pilot.press("e")
            await wait_for(pilot, lambda: isinstance(app.screen, CodePicker))
            await pilot.press(*"geen tijd", "enter")
            await wait_for(pilot, lambda: app.screen is screen)
            await written(pilot)
            (changed,) = mine(app, screen)
            assert changed.code_path.endswith("Geen tijd") and (changed.start, changed.end) == (made.start, made.end)
            await pilot.press("x")
            await wait_for(pilot, lambda: mine(app, screen) == [])  # a key held behind a write acts a bit later
            await written(pilot)
            await pilot.press("u")
            await wait_for(pilot, lambda: [c.guid for c in mine(app, screen)] == [changed.guid])

    run(scenario())


def test_new_subcode_from_the_picker_and_a_memo(app):
    async def scenario():
        async with app.run_test(size=(110, 36)) as pilot:
            screen = await open_first(app, pilot)
            await pilot.press("n", "t")
            await wait_for(pilot, lambda: isinstance(app.screen, CodePicker))
            await pilot.press(*"Studenten > Heimwee")  # a typed path is a new code, offered first: enter asks
            options = app.screen.query_one("#options")
            assert str(options.get_option_at_index(0).prompt) == "+ nieuwe code: Heimwee  (in Studenten)"
            await pilot.press("enter")
            await wait_for(pilot, lambda: isinstance(app.screen, Confirm))
            assert str(app.screen.query_one(".dialog-title").content) == "Nieuwe code 'Heimwee' in Studenten?"
            await pilot.press("enter")
            await wait_for(pilot, lambda: app.screen is screen)
            await written(pilot)
            (made,) = mine(app, screen)
            assert made.code_path == "Studenten > Heimwee"
            await pilot.press("t", *"Eenzaamheid")  # a bare new name goes beside the turn's code, and says so
            await wait_for(pilot, lambda: isinstance(app.screen, CodePicker)
                           and app.screen.query_one("#options").option_count)
            first = str(app.screen.query_one("#options").get_option_at_index(0).prompt)
            assert first == "+ nieuwe code: Eenzaamheid  (in Studenten)"
            await pilot.press("escape")
            await wait_for(pilot, lambda: app.screen is screen)
            await pilot.press("m")  # a coding and its turn are under the cursor: which one?
            await wait_for(pilot, lambda: isinstance(app.screen, ChoicePicker))
            await pilot.press("enter")  # the coding comes first
            await wait_for(pilot, lambda: isinstance(app.screen, MemoEditor))
            await pilot.press(*"twijfel", "ctrl+s")
            await wait_for(pilot, lambda: app.screen is screen and mine(app, screen)[0].memo == "twijfel")

    run(scenario())


def test_undoing_the_coding_that_made_a_code_offers_to_remove_the_code_and_redo_makes_it_again(app):
    new = "Studenten > Heimwee"

    def paths():
        return {c.path for c in codebook.show_codebook(app.db, counted=False)}

    async def scenario():
        async with app.run_test(size=(80, 24)) as pilot:
            screen = await open_first(app, pilot)
            await pilot.press("n", "t", *new, "enter")
            await wait_for(pilot, lambda: isinstance(app.screen, Confirm))
            await pilot.press("enter")
            await wait_for(pilot, lambda: app.screen is screen and new in paths())
            await written(pilot)
            await pilot.press("ctrl+z")  # the code was made for this coding and nothing else has it: asked
            await wait_for(pilot, lambda: isinstance(app.screen, Confirm))
            assert str(app.screen.query_one(".dialog-title").content) == f"Ook de code '{new}' weghalen?"
            assert mine(app, screen) == []
            await pilot.press("j")
            await wait_for(pilot, lambda: app.screen is screen and new not in paths())
            await wait_for(pilot, lambda: notified(app, f"Code weggehaald: {new}"))
            await pilot.press("ctrl+y")  # the coding back, on its code made again
            await wait_for(pilot, lambda: [c.code_path for c in mine(app, screen)] == [new])
            await pilot.press("t", *"studvert", "enter")  # a code that was there: its undo asks nothing
            await wait_for(pilot, lambda: len(mine(app, screen)) == 2)
            await written(pilot)
            await pilot.press("ctrl+z")
            await wait_for(pilot, lambda: len(mine(app, screen)) == 1)
            await written(pilot)
            assert app.screen is screen
            codings.code_turn(app.db, "bram", screen.transcript, screen._turn().index, new)  # another coder's
            await pilot.press("ctrl+z")  # the code has a coding of bram's: not offered
            await wait_for(pilot, lambda: mine(app, screen) == [])
            await written(pilot)
            assert app.screen is screen and new in paths()

    run(scenario())


def test_what_was_said_finds_its_code_and_a_new_code_is_made_only_when_asked_for(app):
    """`geen uren`, a keyword of Geen formele uren, put `+ nieuwe code` first and enter made that code (the
    second entry was Formele uren, the opposite)."""
    async def scenario():
        async with app.run_test(size=(80, 24)) as pilot:
            screen = await open_first(app, pilot)
            codes_before = len(codebook.show_codebook(app.db, counted=False))
            await pilot.press("n", "t", *"geen uren", "enter")  # a burst, as a coder types it
            await wait_for(pilot, lambda: app.screen is screen and mine(app, screen))
            (made,) = mine(app, screen)
            assert made.code_path.endswith("> Geen formele uren")
            await pilot.press("t", *"zeilen")
            await wait_for(pilot, lambda: isinstance(app.screen, CodePicker)
                           and app.screen.query_one("#options").option_count)
            assert str(app.screen.query_one("#options").get_option_at_index(0).prompt).startswith("+ nieuwe code")
            await pilot.press("enter")
            await wait_for(pilot, lambda: isinstance(app.screen, Confirm))
            await pilot.press("n")  # no: back in the picker, nothing made
            await wait_for(pilot, lambda: isinstance(app.screen, CodePicker))
            await pilot.press("escape")
            await wait_for(pilot, lambda: app.screen is screen)
            assert len(codebook.show_codebook(app.db, counted=False)) == codes_before and len(mine(app, screen)) == 1

    run(scenario())


def test_overview_filters_by_programme_and_flags_unassigned(app):
    async def scenario():
        async with app.run_test(size=(140, 40)) as pilot:
            await wait_for(pilot, lambda: isinstance(app.screen, OverviewScreen) and app.screen.summaries)
            table = app.screen.query_one("DataTable")
            assert table.row_count == 30
            flagged = [table.get_row_at(i) for i in range(table.row_count) if str(table.get_row_at(i)[-1])]
            assert [str(row[0]) for row in flagged] == ["interview-07"]
            await pilot.press("p")
            await pilot.press("down", "enter")  # the first programme after "all"
            await wait_for(pilot, lambda: table.row_count < 30)
            chosen = app.screen.programme
            assert all(chosen in str(table.get_row_at(i)[5]) for i in range(table.row_count))

    run(scenario())


def test_word_steps_keep_collega_s_whole_and_ctrl_home_and_end_reach_the_ends(app):
    """Word steps stopped at the apostrophe of collega's; ctrl+home did not go to the top."""
    async def scenario():
        async with app.run_test(size=(80, 24)) as pilot:
            screen = await open_first(app, pilot)
            text = screen.page.text
            word = next(re.finditer(r"\w+['’]\w+", text))  # collega's, zo'n, auto's
            screen.text.move_to(word.start())
            await pilot.press("ctrl+right")
            assert screen.text.offset(screen.text.cursor_location) == word.end()
            await pilot.press("ctrl+left")
            assert screen.text.offset(screen.text.cursor_location) == word.start()
            await pilot.press("ctrl+end")
            assert screen.text.cursor_location == screen.text.document.end
            await pilot.press("ctrl+home")
            assert screen.text.cursor_location == (0, 0)

    run(scenario())


def test_opening_another_transcript_shows_it_in_the_same_view(app):
    async def scenario():
        async with app.run_test(size=(110, 36)) as pilot:
            screen = await open_first(app, pilot)
            await pilot.press("n", "t")
            await wait_for(pilot, lambda: isinstance(app.screen, CodePicker))
            await pilot.press(*"studvert", "enter")
            await wait_for(pilot, lambda: app.screen is screen and screen.undo_steps)
            await pilot.press("escape")
            app.open_transcript("interview-15")
            await wait_for(pilot, lambda: app.screen is screen and screen.transcript == "interview-15"
                           and len(screen.page.turns) == len(screen.detail.turns))
            detail = transcripts.show_transcript(app.db, "interview-15")
            assert screen.page.turns == list(detail.turns) and screen.undo_steps == []
            assert {c.transcript for c in screen.codings} <= {"interview-15"}
            assert screen.text.text == screen.page.text

    run(scenario())


def test_a_very_long_turn_is_folded_and_a_selection_across_a_fold_codes_exactly_its_words(app, tmp_path):
    words = " ".join(f"woord{i}" for i in range(4000))  # one answer of 4,000 words, ~38,000 characters
    (tmp_path / "lang.txt").write_text(f"I: Vertel eens?\nR1: {words}\nI: Dank je.\nR1: Graag.\n", encoding="utf-8")
    transcripts.import_paths(app.db, [tmp_path / "lang.txt"], replace=False, coder="anna")

    async def scenario():
        async with app.run_test(size=(110, 36)) as pilot:
            await wait_for(pilot, lambda: isinstance(app.screen, OverviewScreen) and app.screen.summaries)
            app.open_transcript("lang")
            await wait_for(pilot, lambda: isinstance(app.screen, TranscriptScreen) and app.screen.page is not None)
            screen = app.screen
            assert max(len(line) for line in screen.page.text.split("\n")) <= 1000
            turn = screen.page.turns[1]
            fold = screen.page.text.index("\n", screen.page.body_starts[1])  # the end of the first display line
            folded_at = screen.page.to_canonical(fold)
            screen.text.move_to(fold - 6)
            await pilot.press(*["shift+right"] * 12, "c", "y")  # yes: this speaker is in no registry
            await wait_for(pilot, lambda: isinstance(app.screen, CodePicker))
            await pilot.press(*"werkdruk", "enter")
            await written(pilot)
            (made,) = mine(app, screen)
            assert made.start < folded_at < made.end
            assert made.quote == words[made.start - turn.start : made.end - turn.start] and " " in made.quote
            screen.text.move_to(0)
            await pilot.press("slash", *"woord1999 woord2000", "enter")
            await wait_for(pilot, lambda: screen.text.selected_text.replace("\n", " ") == "woord1999 woord2000")

    run(scenario())


def test_a_speaker_filter_keeps_the_place_and_the_header_says_what_is_filtered(app):
    """s on one respondent and back to everyone leaves the cursor on the turn it was on (it jumped from
    turn 285 to 441 and to 117 on reset); the header names the filter, and o's choice, while they last."""
    async def scenario():
        async with app.run_test(size=(120, 40)) as pilot:
            screen = await open_first(app, pilot)
            await wait_for(pilot, lambda: len(screen.page.turns) == len(screen.detail.turns))
            turn = [t for t in screen.detail.turns if t.role == "respondent"][40]
            screen.text.move_to(screen.page.body_starts[screen.page.turns.index(turn)] + 5)
            await pilot.pause()
            for choice in (turn.speaker, "*"):
                await pilot.press("s")
                await wait_for(pilot, lambda: isinstance(app.screen, ChoicePicker))
                app.screen.dismiss(choice)
                await wait_for(pilot, lambda: app.screen is screen)
                await pilot.pause()
                assert screen._turn().index == turn.index and screen._cursor() == turn.start + 5
                assert (f"alleen spreker {turn.speaker}" in screen.sub_title) == (choice != "*")
            await pilot.press("o")
            await pilot.pause()
            assert "coderingen van anna" in screen.sub_title  # o: from everyone's codings to mine
        assert app.unexpected_errors == []

    run(scenario())


def _cell_style(text, location):
    """The style the coding view paints at a (row, column) of its text."""
    shown = text.wrapped_document.location_to_offset(location)  # the text wraps: a row may take several lines
    strip = text.render_line(shown.y - text.scroll_offset.y)
    at = text.gutter_width + shown.x - text.scroll_offset.x + 1  # the widget's left padding
    for segment in strip:
        if at < len(segment.text):
            return segment.style
        at -= len(segment.text)
    raise AssertionError("no such cell")


def test_a_codes_colour_stays_visible_under_the_cursor_and_a_selection_looks_like_no_code(app):
    """The cursor's line painted over the code shading (its colour vanished where the coder works), and the
    selection was a blue close to a code's shading."""
    from tests.tui.test_trust import open_transcript

    async def scenario():
        async with app.run_test(size=(120, 40)) as pilot:
            screen = await open_transcript(app, pilot)
            text = screen.text
            light = screen.page.highlights()[0]
            inside = screen.page.location(light.start + 1)
            code = next(style for start, end, style in text._styles[inside[0]]
                        if start <= inside[1] and (end is None or inside[1] < end) and style.bgcolor)
            text.move_to(light.start + 1)  # the cursor on the coded words
            await pilot.pause(0.1)
            under_cursor = _cell_style(text, screen.page.location(light.start + 2))
            text.move_to(light.start, light.end)  # the coded words selected
            await pilot.pause(0.1)
            selected = _cell_style(text, screen.page.location(light.start + 2))
            return code, under_cursor, selected

    code, under_cursor, selected = run(scenario())
    assert under_cursor.bgcolor == code.bgcolor
    shown = selected.color if selected.reverse else selected.bgcolor  # the background a coder sees
    assert selected.reverse and shown not in (code.bgcolor, under_cursor.bgcolor)


def test_a_dutch_confirmation_is_answered_with_j_and_says_so(app):
    """In Dutch, yes is `j` (the hint says `j / Enter: ja`); `y` still counts, for fingers used to English."""
    async def scenario():
        async with app.run_test(size=(110, 36)) as pilot:
            screen = await open_first(app, pilot)
            position = next(i for i, t in enumerate(screen.page.turns) if t.role == "interviewer")
            screen.text.move_to(screen.page.body_starts[position])
            await pilot.press(*["shift+right"] * 12, "c")  # the interviewer's words: it asks
            await wait_for(pilot, lambda: isinstance(app.screen, Confirm))
            hint = str(app.screen.query_one(".dialog-hint").render())
            assert hint.startswith("j / Enter: ja") and "y" not in hint.split("·")[0]
            await pilot.press("j")
            await wait_for(pilot, lambda: isinstance(app.screen, CodePicker))
            await pilot.press("escape")
            await wait_for(pilot, lambda: app.screen is screen)
            await pilot.press("c", "y")
            await wait_for(pilot, lambda: isinstance(app.screen, CodePicker))

    run(scenario())


def test_a_coding_is_reshaped_a_word_at_a_time_in_a_burst_and_undone_a_step_at_a_time(app):
    """] and [ move a coding's end a word, { and } its start; each press is one step, the coding keeps its GUID,
    and undo takes one word back."""
    from tests.tui.conftest import burst

    async def scenario():
        async with app.run_test(size=(110, 36)) as pilot:
            screen = await open_first(app, pilot)
            text = screen.detail.text
            turn = next(t for t in screen.detail.turns if t.role == "respondent" and len(t.text.split()) >= 8)
            words = [(turn.start + s, turn.start + e) for s, e in
                     (m.span() for m in re.finditer(r"\S+", text[turn.start:turn.end]))]
            made = codings.add_coding(app.db, "anna", screen.transcript, CODE, words[2][0], words[3][1])
            screen.study_changed()
            await wait_for(pilot, lambda: any(c.guid == made.guid for c in screen.codings))
            screen.text.move_to(screen.page.to_display(made.start + 1))
            burst(app, "right_square_bracket", "right_square_bracket", "left_curly_bracket", "left_square_bracket")
            await written(pilot)
            (now,) = [c for c in mine(app, screen) if c.guid == made.guid]
            assert (now.start, now.end, now.quote) == (words[1][0], words[4][1], text[words[1][0]:words[4][1]])
            await pilot.press("u")
            await written(pilot)
            (back,) = [c for c in mine(app, screen) if c.guid == made.guid]
            assert (back.start, back.end) == (words[1][0], words[5][1])
            await wait_for(pilot, lambda: [(c.start, c.end) for c in screen.codings if c.guid == made.guid]
                           == [(back.start, back.end)])

    run(scenario())


def test_the_margin_shows_a_bracket_with_the_code_beside_a_coding_at_80_columns_and_bar_hides_it(app):
    async def scenario():
        async with app.run_test(size=(80, 24)) as pilot:
            screen = await open_first(app, pilot)
            await pilot.press("n", "t", *"studvert", "enter")
            await wait_for(pilot, lambda: app.screen is screen and mine(app, screen))
            await written(pilot)
            await pilot.pause(0.2)
            margin = screen.query_one("#margin")
            lines = ["".join(s.text for s in margin.render_line(y)) for y in range(margin.size.height)]
            drawn = [line for line in lines if line.strip()]
            row = screen.text.wrapped_document.location_to_offset(screen.text.cursor_location).y
            assert drawn and lines[row - int(screen.text.scroll_y)] in drawn  # beside the coded turn's first row
            assert drawn[0][0] in "┐]" and "Studie" in drawn[0] and drawn[-1][0] in "┘]"  # its extent, its code
            assert margin.size.width == 10 and screen.text.size.width < 80 - 34 - 10 + 1
            await pilot.press("|")
            await pilot.pause()
            assert not margin.display

    run(scenario())


def test_a_coding_scrolled_past_its_top_still_has_its_code_named_in_the_margin(app):
    async def scenario():
        async with app.run_test(size=(80, 24)) as pilot:
            screen = await open_first(app, pilot)
            await pilot.press("n")
            while len(screen._turn().text) < 200:  # a turn of several rows: one can scroll into its middle
                await pilot.press("n")
            await pilot.press("t", *"studvert", "enter")
            await wait_for(pilot, lambda: app.screen is screen and mine(app, screen))
            await written(pilot)
            margin = screen.query_one("#margin")
            top = screen.text.wrapped_document.location_to_offset(screen.text.cursor_location).y  # the turn's first
            screen.text.scroll_to(y=top + 1, animate=False)
            await pilot.pause(0.2)
            first = "".join(s.text for s in margin.render_line(0))
            assert first[0] == "│" and "Studie" in first
    run(scenario())


def confirmed(app, guid):
    """Who confirmed the coding, as the study says."""
    return next(c for c in codings.list_codings(app.db) if c.guid == guid).confirmed_by


async def on_lone_autocode(app, pilot):
    """The first transcript open, the cursor on an autocode with no other coding there: (screen, autocode)."""
    screen = await open_first(app, pilot)
    auto = next(c for c in screen.codings if c.origin == "autocode"
                and len(screen.page.codings_at(screen.page.to_display(c.start))) == 1)
    screen.text.move_to(screen.page.to_display(auto.start))
    return screen, auto


def test_y_keeps_an_autocode_as_reviewed_and_y_again_takes_it_back(app):
    """Confirming autocodes needed the CLI; now y on one in the text keeps it, and the side panel says who."""
    async def scenario():
        async with app.run_test(size=(100, 30)) as pilot:
            screen, auto = await on_lone_autocode(app, pilot)
            await pilot.press("y")
            await wait_for(pilot, lambda: confirmed(app, auto.guid) == "anna")
            await pilot.pause(0.2)
            side = str(screen.query_one("#side-text").render())
            assert "bewaard door anna" in side
            await pilot.press("y")
            await wait_for(pilot, lambda: confirmed(app, auto.guid) is None)
            await pilot.press("n", "y")  # a turn without an autocode under the cursor: nothing changes
            await pilot.pause(0.3)
            return [c for c in codings.list_codings(app.db) if c.confirmed_by]

    assert run(scenario()) == []


def test_y_three_times_in_one_burst_keeps_toggles_back_and_keeps_again(app):
    """Each y in a burst toggles what the one before asked, not what the database said before the burst."""
    from tests.tui.conftest import burst

    async def scenario():
        async with app.run_test(size=(100, 30)) as pilot:
            screen, auto = await on_lone_autocode(app, pilot)
            burst(app, "y", "y")
            await written(pilot)
            twice = confirmed(app, auto.guid)
            burst(app, "y", "y", "y")
            await written(pilot)
            await wait_for(pilot, lambda: next(c for c in screen.codings if c.guid == auto.guid).confirmed_by)
            return twice, confirmed(app, auto.guid)

    assert run(scenario()) == (None, "anna")
