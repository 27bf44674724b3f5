"""What each screen looks like at 80x24 and 120x40, in Dutch and English, in the dark and the light theme
(pytest-textual-snapshot; update with --snapshot-update). Each scenario's docstring says what it guards."""

import html
import re
from datetime import datetime, timezone

import pytest
from sqlalchemy import update

from tests.tui.conftest import wait_for, written
from tests.tui.test_team import respondent_turn
from tests.unit.test_guide import GUIDE_FILE
from workbench.config import Settings
from workbench.core.models import CodebookChange
from workbench.services import codings, guide
from workbench.tui.app import WorkbenchApp
from workbench.tui.screens.codebook import CodebookScreen, HistoryScreen
from workbench.tui.screens.dialogs import AssignSpeaker, ChoicePicker, CodePicker, Confirm, TextPrompt
from workbench.tui.screens.disagreements import DisagreementsScreen
from workbench.tui.screens.frequencies import FrequenciesScreen
from workbench.tui.screens.help import HelpScreen
from workbench.tui.screens.memos import MemoEditor, MemosScreen
from workbench.tui.screens.overview import OverviewScreen
from workbench.tui.screens.question import QuestionScreen
from workbench.tui.screens.quotes import QuotesScreen
from workbench.tui.screens.transcript import TranscriptScreen

CODE = "Studenten > Belemmeringen studenten > Studievertraging"


async def settle(pilot):
    """The mouse on the middle of the top line (the header's title, or a dialog's backdrop: no hover style and
    no tooltip, as the command palette's icon at the top-left has), cursors that do not blink (a picker's
    snapshot once caught its cursor off), then the last paint."""
    await pilot.hover(None, offset=(pilot.app.size.width // 2, 0))
    for screen in pilot.app.screen_stack:
        for field in screen.query("Input, TextArea"):
            field.cursor_blink = False
    await pilot.pause(0.2)


def footer(app) -> str:
    """The screen's last line, as text."""
    text = html.unescape(re.sub(r"<[^>]+>", "", app.export_screenshot())).replace("\xa0", " ")
    return [line for line in text.splitlines() if line.strip()][-1]


async def overview_ready(app, pilot):
    await wait_for(pilot, lambda: isinstance(app.screen, OverviewScreen) and app.screen.summaries
                   and app.focused is app.screen.query_one("DataTable"))


async def transcript_ready(app, pilot):
    await wait_for(pilot, lambda: isinstance(app.screen, OverviewScreen) and app.screen.summaries)
    app.open_transcript("interview-15")
    await wait_for(pilot, lambda: isinstance(app.screen, TranscriptScreen) and app.screen.suggestions is not None)
    await pilot.press("n")


async def overview(app, pilot):
    """The study at a glance: the columns that fit (all at 120), the share coded, the footer's keys."""
    await overview_ready(app, pilot)


async def empty(app, pilot):
    """A new study says what to do first: import, then enter, t and f; no blank table."""
    await wait_for(pilot, lambda: isinstance(app.screen, OverviewScreen) and app.screen.query_one("#empty").display)


async def coded(app, pilot):
    """Right after coding a turn: the code in the turn's header and the side panel, its colour on the text
    (under the cursor too), the memo under it, the turn memo mark."""
    await transcript_ready(app, pilot)
    await pilot.press("t")
    await wait_for(pilot, lambda: isinstance(app.screen, CodePicker))
    await pilot.press(*"studvert", "enter")
    await wait_for(pilot, lambda: isinstance(app.screen, TranscriptScreen))
    await written(pilot)
    await pilot.press("m")
    await wait_for(pilot, lambda: isinstance(app.screen, ChoicePicker))
    await pilot.press("enter")
    await wait_for(pilot, lambda: isinstance(app.screen, MemoEditor))
    await pilot.press(*"bang om uit te lopen", "ctrl+s")
    await wait_for(pilot, lambda: isinstance(app.screen, TranscriptScreen))
    await written(pilot)
    await wait_for(pilot, lambda: any(c.memo for c in app.screen.codings if c.coder == "anna"))


async def selection(app, pilot):
    """A selection over coded text: the selection style is told apart from every code's shading."""
    await transcript_ready(app, pilot)
    await pilot.press("shift+down", "shift+down", "shift+right", "shift+right")


async def picker(app, pilot):
    """The code picker over the transcript: what was typed, the ranked matches, the whole dialog in view."""
    await transcript_ready(app, pilot)
    await pilot.press("t", *"studvert")
    await wait_for(pilot, lambda: isinstance(app.screen, CodePicker))


async def codebook(app, pilot):
    """The code tree with respondents and quotations per code, and the chosen code's side panel."""
    await overview_ready(app, pilot)
    await pilot.press("b")
    await wait_for(pilot, lambda: isinstance(app.screen, CodebookScreen) and app.screen.codes
                   and app.screen.current is not None)
    await pilot.press("down", "down")


async def frequencies(app, pilot):
    """Code x programme with N per column, the bars, and the unit said in the header."""
    await overview_ready(app, pilot)
    await pilot.press("f")
    await wait_for(pilot, lambda: isinstance(app.screen, FrequenciesScreen) and app.screen.paths)


async def quotes(app, pilot):
    """The quotes of one code with respondent, programme, time and coder, and the chosen quote in full."""
    await overview_ready(app, pilot)
    app.push_screen(QuotesScreen(CODE))
    await wait_for(pilot, lambda: isinstance(app.screen, QuotesScreen) and app.screen.found is not None)


async def question(app, pilot):
    """Every respondent's answer to one guide question, with its codes: the framework-matrix column."""
    await overview_ready(app, pilot)
    app.push_screen(QuestionScreen("16", "Wat zijn voor jou belemmeringen?"))
    await wait_for(pilot, lambda: isinstance(app.screen, QuestionScreen) and app.screen.answers)


async def disagreements(app, pilot):
    """Where two coders differ: unit, code, who coded it and who did not, and alpha in the header."""
    await overview_ready(app, pilot)
    app.push_screen(DisagreementsScreen(["anna", "bea"]))
    await wait_for(pilot, lambda: isinstance(app.screen, DisagreementsScreen) and app.screen.done)


async def help_keys(app, pilot):
    """F1 on the coding view: every key by the name the footer shows, moving and selecting included."""
    await transcript_ready(app, pilot)
    await pilot.press("f1")
    await wait_for(pilot, lambda: isinstance(app.screen, HelpScreen) and app.screen.query("MarkdownTable"))


async def confirm(app, pilot):
    """A change to the codebook asks first, saying what happens to the codings, the whole question in view."""
    await codebook(app, pilot)
    await pilot.press("r")
    await wait_for(pilot, lambda: isinstance(app.screen, TextPrompt))
    await pilot.press("ctrl+u", *"Vertraging in de studie", "enter")
    await wait_for(pilot, lambda: isinstance(app.screen, Confirm))


async def history(app, pilot):
    """The codebook's history: when, who, what, in the speaker's words."""
    await overview_ready(app, pilot)
    await pilot.press("b")
    await wait_for(pilot, lambda: isinstance(app.screen, CodebookScreen) and app.screen.codes)
    await pilot.press("h")
    await wait_for(pilot, lambda: isinstance(app.screen, HistoryScreen))


async def assign(app, pilot):
    """Saying who an unassigned speaker is: every field labelled, how to save or cancel."""
    await overview_ready(app, pilot)
    app.push_screen(AssignSpeaker("interview-01", ["Spreker 3"]))
    await wait_for(pilot, lambda: isinstance(app.screen, AssignSpeaker))


async def memo_editor(app, pilot):
    """A memo of several lines being written: the lines as typed, how to save, cancel or start a new line."""
    await transcript_ready(app, pilot)
    await pilot.press("m")
    await wait_for(pilot, lambda: isinstance(app.screen, MemoEditor))
    await pilot.press(*"Twijfel: bedoelt ze de stage", "enter", *"of de minor?", "enter", "enter", *"Nagaan.")


async def memos_list(app, pilot):
    """Every memo of the study in one list, the one under the cursor whole below it."""
    codings.set_turn_memo(app.db, "interview-03", respondent_turn(app.db, 1).index,
                          "lijkt op interview-01\nnagaan in de teamdag")
    codings.set_transcript_memo(app.db, "interview-01", "rustig gesprek")
    await overview_ready(app, pilot)
    await pilot.press("m")
    await wait_for(pilot, lambda: isinstance(app.screen, MemosScreen) and app.screen.found is not None)


SCENARIOS = [overview, empty, coded, selection, picker, codebook, confirm, history, frequencies, quotes, question,
             disagreements, assign, help_keys, memo_editor, memos_list]


@pytest.mark.parametrize("theme", ["textual-dark", "textual-light"])
@pytest.mark.parametrize("language", ["nl", "en"])
@pytest.mark.parametrize("size", [(80, 24), (120, 40)], ids=["80x24", "120x40"])
@pytest.mark.parametrize("scenario", SCENARIOS, ids=[s.__name__ for s in SCENARIOS])
def test_screen(scenario, size, language, theme, request, snap_compare):
    db = request.getfixturevalue("db" if scenario is empty else "sample_db")
    if scenario is question:
        guide.import_guide(db, GUIDE_FILE)
    if scenario is history:  # the changes at a fixed time: the snapshot is the same on any day
        with db.write() as session:
            session.execute(update(CodebookChange).values(at=datetime(2026, 1, 5, 10, 30, tzinfo=timezone.utc)))
    if scenario is disagreements:  # anna and bea each coded a turn the other did not
        codings.code_turn(db, "bea", "interview-03", respondent_turn(db, 2).index, CODE)
        codings.code_turn(db, "anna", "interview-03", respondent_turn(db, 4).index, CODE)
    app = WorkbenchApp(db, "anna", Settings(theme=theme, language=language))

    footers = []

    async def ready(pilot):
        await scenario(app, pilot)
        await settle(pilot)
        footers.append(footer(app))

    assert snap_compare(app, terminal_size=size, run_before=ready)
    if scenario is not help_keys:  # F1's page covers the screen; every other screen's footer keeps help
        assert footers[0].rstrip().endswith("f1 Help")
