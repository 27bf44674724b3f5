"""The interview guide in the TUI: the question on the turn that asks it, the outline (v), setting a
turn's question (V), the overview's coverage column and the answers to one question coded in place."""

from tests.tui.conftest import burst, run, wait_for, written
from tests.tui.test_trust import open_transcript
from tests.unit.test_guide import GUIDE_FILE
from workbench.services import codings, guide, transcripts
from workbench.tui.screens.dialogs import ChoicePicker, CodePicker
from workbench.tui.screens.overview import OverviewScreen
from workbench.tui.screens.question import QuestionScreen

CODE = "Erasmus+ > Belemmeringen Erasmus+ > Administratieve last"


def test_the_outline_jumps_to_a_question_and_v_sets_one(app):
    guide.import_guide(app.db, GUIDE_FILE)
    detail = transcripts.show_transcript(app.db, "interview-01")
    asking = next(t for t in detail.turns if t.asks == "3")

    async def scenario():
        async with app.run_test(size=(120, 40)) as pilot:
            screen = await open_transcript(app, pilot)
            assert "vraag 3: Hoe denkt jouw leidinggevende" in screen.page.text
            await pilot.press("v")
            await wait_for(pilot, lambda: isinstance(app.screen, ChoicePicker))
            labels = [label for _, label in app.screen.choices]
            assert labels[-1].startswith("— afsluiting") or "(niet gevonden)" in labels[-1]  # skipped ones last
            assert any(label.startswith("— c. ") for label in labels)  # question c is never asked in the sample
            app.screen.dismiss(str(asking.index))
            await wait_for(pilot, lambda: screen._turn() is not None and screen._turn().index == asking.index)
            other = next(t for t in screen.page.turns if t.role == "interviewer" and not t.asks
                         and t.index > asking.index)
            position = next(i for i, t in enumerate(screen.page.turns) if t.index == other.index)
            screen.text.move_to(screen.page.body_starts[position])
            await pilot.pause()
            burst(app, "V")
            await wait_for(pilot, lambda: isinstance(app.screen, ChoicePicker))
            app.screen.dismiss("22")
            await written(pilot)
            await wait_for(pilot, lambda: any(t.asks == "22" and t.index == other.index for t in screen.page.turns))
        assert app.unexpected_errors == []
        return other

    other = run(scenario())
    found = next(r for r in guide.coverage(app.db, "interview-01") if r.question == "22")
    assert (found.turn, found.score) == (other.index, None)  # set by the coder: kept by the next alignment
    guide.align_questions(app.db, "interview-01")
    assert next(r for r in guide.coverage(app.db, "interview-01") if r.question == "22").turn == other.index


def test_the_answers_to_a_question_are_coded_in_place(app):
    guide.import_guide(app.db, GUIDE_FILE)

    async def scenario():
        async with app.run_test(size=(120, 40)) as pilot:
            await wait_for(pilot, lambda: isinstance(app.screen, OverviewScreen) and app.screen.summaries)
            table = app.screen.query_one("DataTable")
            assert str(table.get_row_at(0)[app.screen.shown_columns.index("questions")]).endswith("/30")  # of 30 questions
            await pilot.press("g")
            await wait_for(pilot, lambda: isinstance(app.screen, ChoicePicker))
            app.screen.dismiss("21")
            await wait_for(pilot, lambda: isinstance(app.screen, QuestionScreen) and app.screen.answers)
            screen = app.screen
            first = screen.answers.found[0]
            assert len({a.transcript for a in screen.answers.found}) == 30
            burst(app, "t", *"administr", "enter")
            await written(pilot)
            await wait_for(pilot, lambda: CODE.split(" > ")[-1] in str(screen.query_one("LongTable").get_row_at(0)[4]))
            assert screen.query_one("LongTable").cursor_row == 0
        assert app.unexpected_errors == []
        return first

    first = run(scenario())
    made = [c for c in codings.list_codings(app.db, transcript=first.transcript) if c.coder == "anna"]
    assert [(c.code_path, c.start, c.end) for c in made] == [(CODE, first.start, first.end)]


def test_the_picker_offers_the_codes_of_the_turns_question_first(app):
    guide.import_guide(app.db, GUIDE_FILE)
    answer = next(t for t in transcripts.show_transcript(app.db, "interview-01").turns if t.answers == "21")

    async def scenario():
        async with app.run_test(size=(120, 40)) as pilot:
            screen = await open_transcript(app, pilot)
            position = next(i for i, t in enumerate(screen.page.turns) if t.index == answer.index)
            screen.text.move_to(screen.page.body_starts[position])
            await pilot.pause()
            await pilot.press("t")
            await wait_for(pilot, lambda: isinstance(app.screen, CodePicker) and not app.screen.waiting)
            options = app.screen.query_one("#options")
            first = [str(options.get_option_at_index(i).prompt) for i in range(3)]
            app.screen.dismiss(None)
            return first

    first = run(scenario())
    assert all(f.startswith("◇ Erasmus+ > Belemmeringen Erasmus+ > ") for f in first)  # 21 is named there


def test_an_answer_is_read_whole_and_part_of_it_coded_at_80_by_24(app):
    """At 80x24 the answer's text was off-screen to the right: now the one under the cursor is shown whole
    below the list, tab goes into it, and c codes the part selected there (the question's codes first)."""
    import html
    import re

    guide.import_guide(app.db, GUIDE_FILE)

    async def scenario():
        async with app.run_test(size=(80, 24)) as pilot:
            await wait_for(pilot, lambda: isinstance(app.screen, OverviewScreen) and app.screen.summaries)
            app.push_screen(QuestionScreen("21", "Belemmeringen"))
            await wait_for(pilot, lambda: isinstance(app.screen, QuestionScreen) and app.screen.answers)
            screen = app.screen
            answer = max(screen.answers.found[:8], key=lambda a: len(a.text))
            screen.query_one("LongTable").move_cursor(row=screen.answers.found.index(answer))
            await pilot.pause(0.1)
            shown = html.unescape(re.sub(r"<[^>]+>", "", app.export_screenshot())).replace("\xa0", " ")
            words = " ".join(shown.split())
            assert all(word in words for word in answer.text.split()[:12])  # its first words, whole, wrapped
            await pilot.press("tab")
            await wait_for(pilot, lambda: app.focused is screen.query_one("#answer"))
            await pilot.press("ctrl+right", *["ctrl+shift+right"] * 3, "c")
            await wait_for(pilot, lambda: isinstance(app.screen, CodePicker) and not app.screen.waiting)
            burst(app, *"administr", "enter")
            await written(pilot)
            return answer

    answer = run(scenario())
    made = [c for c in codings.list_codings(app.db, transcript=answer.transcript) if c.coder == "anna"]
    assert len(made) == 1 and answer.start < made[0].start < made[0].end < answer.end
    assert made[0].code_path == CODE and len(made[0].quote.split()) == 3
