"""Suggestions in the coding view: accept one, reject one, correct one, walk to the next."""

from tests.tui.conftest import notified, run, wait_for, written
from workbench.core.suggest.evidence import said
from workbench.services import codings, suggestions
from workbench.tui.screens.dialogs import CodePicker
from workbench.tui.screens.transcript import TranscriptScreen


async def with_suggestions(app, pilot, name: str) -> TranscriptScreen:
    await wait_for(pilot, lambda: app.screen.__class__.__name__ == "OverviewScreen" and app.screen.summaries)
    app.open_transcript(name)
    await wait_for(pilot, lambda: isinstance(app.screen, TranscriptScreen) and app.screen.suggestions is not None,
                   timeout=60)
    return app.screen


def test_accept_reject_and_correct_suggestions_by_keys(app):
    async def scenario():
        async with app.run_test(size=(120, 40)) as pilot:
            screen = await with_suggestions(app, pilot, "interview-03")
            stored = {s.id for s in suggestions.pending(app.db, "interview-03")}
            assert stored and {s.id for s in screen.suggestions} == stored
            await pilot.press("w")  # the first turn with a suggestion
            first = screen._offered(screen._turn())[0]
            side = str(screen.query_one("#side-text").render())
            assert said(first.evidence).split(" (")[0] in side and first.evidence.split(" (")[0] not in side
            await pilot.press("a")
            await written(pilot)
            made = [c for c in codings.list_codings(app.db, transcript="interview-03") if c.coder == "anna"]
            assert [(c.code_path, c.start, c.end, c.origin) for c in made] == [
                (first.path, first.start, first.end, "suggestion")]
            assert made[0].memo.startswith("voorgesteld (") and said(first.evidence) in made[0].memo  # in Dutch
            assert said(first.evidence) != first.evidence
            await pilot.press("w")
            second = screen._offered(screen._turn())[0]
            await pilot.press("r")
            await written(pilot)
            assert second.id not in {s.id for s in suggestions.pending(app.db, "interview-03")}
            assert all((s.start, s.end, s.path) != (second.start, second.end, second.path)
                       for s in suggestions.suggest(app.db, "interview-03"))  # not suggested again
            await pilot.press("w")
            third = screen._offered(screen._turn())[0]
            await pilot.press("k")
            await wait_for(pilot, lambda: isinstance(app.screen, CodePicker))
            await pilot.press(*"werkdruk", "enter")
            await wait_for(pilot, lambda: app.screen is screen)
            await written(pilot)
            corrected = [c for c in codings.list_codings(app.db, transcript="interview-03")
                         if c.coder == "anna" and c.start == third.start and c.end == third.end]
            assert [c.code_path.split(" > ")[-1] for c in corrected] == ["Volle agenda en werkdruk"]

    run(scenario())


def test_capital_w_walks_back_through_the_turns_with_suggestions(app):
    async def scenario():
        async with app.run_test(size=(120, 40)) as pilot:
            screen = await with_suggestions(app, pilot, "interview-03")
            await pilot.press("w")
            first = screen._turn().index
            await pilot.press("w")
            second = screen._turn().index
            await pilot.press("W")
            assert first < second and screen._turn().index == first
            await pilot.press("W")
            assert screen._turn().index == first
            await wait_for(pilot, lambda: notified(app, "Geen eerdere suggestie"))

    run(scenario())


def test_a_suggestion_is_seen_chosen_and_widened_before_it_is_coded_at_80_by_24(app):
    """a coded a span nobody had seen (often one sentence of a long answer) and only the best of a turn's
    suggestions: now the chosen one is shaded in the text and quoted in the side panel, tab and ↓ choose
    another, + takes in a sentence more, and a says what it coded."""
    async def scenario():
        async with app.run_test(size=(80, 24)) as pilot:
            screen = await with_suggestions(app, pilot, "interview-08")  # a turn with two
            screen._walk(forward=True)
            while len(screen._offered(screen._turn())) < 2:
                assert screen._walk(forward=True), "no turn with two suggestions"
            await pilot.pause()
            best, second = screen._offered(screen._turn())[:2]
            marked = dict(screen.text._marked)
            first_row = screen.text.page.location(screen.page.to_display(best.start))[0]
            assert first_row in marked  # the best one is shaded before anything is coded
            await pilot.press("tab")
            await wait_for(pilot, lambda: app.focused is screen.query_one("#side"))
            await pilot.press("down")
            assert screen._current(screen._turn()) == second
            side = str(screen.query_one("#side-text").render())
            assert " ".join(screen.detail.text[second.start:second.end].split())[:30] in " ".join(side.split())
            await pilot.press("plus")
            wider = screen._span(second)
            turn = screen._turn()
            assert turn.start <= wider[0] <= second.start and second.end <= wider[1] <= turn.end
            await pilot.press("a")
            await written(pilot)
            made = [c for c in codings.list_codings(app.db, transcript="interview-08") if c.coder == "anna"]
            assert [(c.code_path, c.start, c.end) for c in made] == [(second.path, *wider)]
            await wait_for(pilot, lambda: notified(app, "Gecodeerd " + second.path.split(" > ")[-1]))
            return wider != (second.start, second.end) or (second.start, second.end) == (turn.start, turn.end)

    assert run(scenario())
