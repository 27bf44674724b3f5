"""What each screen looks like (pytest-textual-snapshot; update with --snapshot-update)."""

from tests.tui.conftest import wait_for, written
from workbench.tui.screens.codebook import CodebookScreen
from workbench.tui.screens.dialogs import ChoicePicker, CodePicker, TextPrompt
from workbench.tui.screens.frequencies import FrequenciesScreen
from workbench.tui.screens.help import HelpScreen
from workbench.tui.screens.overview import OverviewScreen
from workbench.tui.screens.quotes import QuotesScreen
from workbench.tui.screens.transcript import TranscriptScreen


async def overview_ready(app, pilot):
    await wait_for(pilot, lambda: isinstance(app.screen, OverviewScreen) and app.screen.summaries
                   and app.focused is app.screen.query_one("DataTable"))
    await settle(pilot)


async def settle(pilot):
    """The mouse on the middle of the top line (the header's title, or a dialog's backdrop: no hover style and
    no tooltip, as the command palette's icon at the top-left has), then the last paint."""
    await pilot.hover(None, offset=(pilot.app.size.width // 2, 0))
    await pilot.pause(0.2)


def test_transcript_coding_view(app, snap_compare):
    async def ready(pilot):
        await wait_for(pilot, lambda: isinstance(app.screen, OverviewScreen) and app.screen.summaries)
        app.open_transcript("interview-15")
        await wait_for(pilot, lambda: isinstance(app.screen, TranscriptScreen) and app.screen.suggestions is not None)
        await pilot.press("n")
        await settle(pilot)

    assert snap_compare(app, terminal_size=(100, 30), run_before=ready)


def test_code_picker_in_80_by_24(app, snap_compare):
    async def ready(pilot):
        await wait_for(pilot, lambda: isinstance(app.screen, OverviewScreen) and app.screen.summaries)
        app.open_transcript("interview-15")
        await wait_for(pilot, lambda: isinstance(app.screen, TranscriptScreen) and app.screen.suggestions is not None)
        await pilot.press("n", "t", *"studvert")
        await settle(pilot)

    assert snap_compare(app, terminal_size=(80, 24), run_before=ready)


def test_help(app, snap_compare):
    async def ready(pilot):
        await overview_ready(app, pilot)
        await pilot.press("f1")
        await wait_for(pilot, lambda: isinstance(app.screen, HelpScreen) and app.screen.query("MarkdownTable"))
        await settle(pilot)

    assert snap_compare(app, terminal_size=(100, 30), run_before=ready)


def test_overview(app, snap_compare):
    assert snap_compare(app, terminal_size=(140, 36), run_before=lambda pilot: overview_ready(app, pilot))


def test_codebook(app, snap_compare):
    async def ready(pilot):
        await overview_ready(app, pilot)
        await pilot.press("b")
        await wait_for(pilot, lambda: isinstance(app.screen, CodebookScreen) and app.screen.codes
                       and app.screen.current is not None)
        await pilot.press("down", "down")
        await settle(pilot)

    assert snap_compare(app, terminal_size=(100, 30), run_before=ready)


def test_frequencies_in_80_by_24(app, snap_compare):
    async def ready(pilot):
        await overview_ready(app, pilot)
        await pilot.press("f")
        await wait_for(pilot, lambda: isinstance(app.screen, FrequenciesScreen) and app.screen.paths)
        await settle(pilot)

    assert snap_compare(app, terminal_size=(80, 24), run_before=ready)


def test_quotes(app, snap_compare):
    async def ready(pilot):
        await overview_ready(app, pilot)
        app.push_screen(QuotesScreen("Studenten > Belemmeringen studenten > Studievertraging"))
        await wait_for(pilot, lambda: isinstance(app.screen, QuotesScreen) and app.screen.found is not None)
        await settle(pilot)

    assert snap_compare(app, terminal_size=(120, 30), run_before=ready)


def test_after_coding_a_turn_with_a_memo(app, snap_compare):
    """Guards what a coder sees right after coding: the code in the turn's header and in the side panel,
    its colour on the text, the memo under it, and the turn memo mark."""
    async def ready(pilot):
        await wait_for(pilot, lambda: isinstance(app.screen, OverviewScreen) and app.screen.summaries)
        app.open_transcript("interview-15")
        await wait_for(pilot, lambda: isinstance(app.screen, TranscriptScreen) and app.screen.suggestions is not None)
        await pilot.press("n", "t")
        await wait_for(pilot, lambda: isinstance(app.screen, CodePicker))
        await pilot.press(*"studvert", "enter")
        await wait_for(pilot, lambda: isinstance(app.screen, TranscriptScreen))
        await written(pilot)
        await pilot.press("m")
        await wait_for(pilot, lambda: isinstance(app.screen, ChoicePicker))
        await pilot.press("enter")
        await wait_for(pilot, lambda: isinstance(app.screen, TextPrompt))
        await pilot.press(*"bang om uit te lopen", "enter")
        await wait_for(pilot, lambda: isinstance(app.screen, TranscriptScreen))
        await written(pilot)
        await wait_for(pilot, lambda: any(c.memo for c in app.screen.codings if c.coder == "anna"))
        await settle(pilot)

    assert snap_compare(app, terminal_size=(100, 30), run_before=ready)
