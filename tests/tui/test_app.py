"""The app opens the study after its first paint; a study that cannot be opened ends it (exit code 2)."""

import pytest

from tests.tui.conftest import notified, run, wait_for, written
from workbench.config import Settings
from workbench.core.db import Database, resolve_url
from workbench.tui.app import WorkbenchApp
from workbench.tui.screens.disagreements import DisagreementsScreen
from workbench.tui.screens.overview import OverviewScreen


def test_a_study_that_cannot_be_opened_ends_the_app_with_exit_code_2(tmp_path):
    blocked = tmp_path / "file"
    blocked.write_text("not a folder")
    app = WorkbenchApp(lambda: Database(resolve_url(str(blocked / "study.sqlite"))), "anna")

    async def scenario():
        async with app.run_test() as pilot:
            await wait_for(pilot, lambda: not app.is_running)

    run(scenario())
    assert app.return_code == 2 and str(blocked) in app.open_error and "\n" not in app.open_error  # the CLI prints it


def test_the_study_is_opened_lazily_and_a_failing_screen_worker_is_reported(sample_db):
    opened = []
    app = WorkbenchApp(lambda: opened.append(1) or sample_db, "anna")

    async def scenario():
        async with app.run_test(size=(120, 36)) as pilot:
            await wait_for(pilot, lambda: isinstance(app.screen, OverviewScreen) and app.screen.summaries)
            app.push_screen(DisagreementsScreen(["anna", "nobody"]))
            await wait_for(pilot, lambda: notified(app, "onbekende codeur"))

    run(scenario())
    assert opened == [1]


def test_a_confirmation_shows_the_whole_of_what_is_confirmed_at_80_by_24(app):
    """A merge's question was cut at the dialog's edge ('...samenvoegen met 'Medewerkers > Belemmerin'):
    the question and its consequence wrap now, to their last word."""
    import html
    import re

    from workbench.tui.screens.dialogs import Confirm

    question = ("'Medewerkers > Belemmeringen medewerkers > Volle agenda en werkdruk' samenvoegen met "
                "'Medewerkers > Belemmeringen medewerkers > Geen tijd voor internationalisering'?")
    consequence = "12 citaten van 5 respondenten gaan naar 'Geen tijd voor internationalisering'; de rest verdwijnt."

    async def scenario():
        async with app.run_test(size=(80, 24)) as pilot:
            await wait_for(pilot, lambda: isinstance(app.screen, OverviewScreen))
            app.push_screen(Confirm(question, consequence))
            await wait_for(pilot, lambda: isinstance(app.screen, Confirm))
            await pilot.pause(0.2)
            return html.unescape(re.sub(r"<[^>]+>", "", app.export_screenshot())).replace("\xa0", " ")

    shown = run(scenario())
    assert "internationalisering'?" in shown and "de rest verdwijnt." in shown


def test_an_empty_study_says_what_to_do_and_i_imports_each_kind(db):
    """A new study: the overview says how to begin and the codebook screen what it needs (it said 'Laden…'
    for ever); i takes a codebook, the registry and a folder of transcripts, each recognised by content."""
    from tests.conftest import CODEBOOK, SAMPLE
    from workbench.services import codebook, participants, transcripts
    from workbench.tui.screens.codebook import CodebookScreen
    from workbench.tui.screens.dialogs import TextPrompt

    app = WorkbenchApp(db, "anna")

    async def give(pilot, path) -> None:
        await pilot.press("i")
        await wait_for(pilot, lambda: isinstance(app.screen, TextPrompt))
        app.screen.dismiss(str(path))

    async def scenario():
        async with app.run_test(size=(100, 30)) as pilot:
            await wait_for(pilot, lambda: isinstance(app.screen, OverviewScreen))
            empty = app.screen.query_one("#empty")
            await wait_for(pilot, lambda: empty.display)
            assert "Nog geen transcripten" in str(empty.render())
            await pilot.press("b")
            await wait_for(pilot, lambda: isinstance(app.screen, CodebookScreen)
                           and "Nog geen codes" in str(app.screen.query_one("#side").render()))
            await pilot.press("escape")
            await wait_for(pilot, lambda: isinstance(app.screen, OverviewScreen))
            await give(pilot, CODEBOOK)
            await wait_for(pilot, lambda: notified(app, "codeboek: "))
            await give(pilot, SAMPLE)
            await wait_for(pilot, lambda: isinstance(app.screen, OverviewScreen) and len(app.screen.summaries) == 30,
                           timeout=60)
            await wait_for(pilot, lambda: not empty.display)
            await give(pilot, SAMPLE / "participants.csv")
            await wait_for(pilot, lambda: notified(app, "deelnemers: "))
        assert app.unexpected_errors == []

    run(scenario())
    assert len(codebook.show_codebook(db)) > 30 and len(transcripts.list_transcripts(db)) == 30
    assert [u.label for u in participants.list_participants(db)[1]] == ["Gast (Hogeschool Maasoever)"]  # in no registry


def test_i_on_a_folder_imports_what_it_can_and_says_which_files_were_refused_and_why(db, tmp_path):
    """A folder import stopped at the first refused file, and the TUI said nothing of the others."""
    from workbench.services import transcripts
    from workbench.tui.screens.dialogs import TextPrompt

    (tmp_path / "a.srt").write_text("1\n00:00:01,000 --> 00:00:02,000\nHallo daar.\n", encoding="utf-8")
    (tmp_path / "kapot.vtt").write_text("WEBVTT\n\n00:00:75.000 --> 00:01:02.000\n<v A>Hoi.</v>\n", encoding="utf-8")
    app = WorkbenchApp(db, "anna")

    async def scenario():
        async with app.run_test(size=(100, 30)) as pilot:
            await wait_for(pilot, lambda: isinstance(app.screen, OverviewScreen))
            await pilot.press("i")
            await wait_for(pilot, lambda: isinstance(app.screen, TextPrompt))
            app.screen.dismiss(str(tmp_path))
            await wait_for(pilot, lambda: notified(app, "Geweigerd: kapot: geen tijd: '00:00:75.000'"), timeout=30)
            assert notified(app, "1 nieuw")
        assert app.unexpected_errors == []

    run(scenario())
    assert [s.name for s in transcripts.list_transcripts(db)] == ["a"]


def test_f1_names_keys_as_the_footer_does_and_lists_moving_and_selecting(app):
    """F1 showed raw names ('question_mark', 'slash') and no movement or selection keys."""
    from tests.tui.test_trust import open_transcript
    from workbench.tui.screens.help import key_table

    async def scenario():
        async with app.run_test(size=(120, 40)) as pilot:
            screen = await open_transcript(app, pilot)
            return key_table(screen)

    table = run(scenario())
    assert "question_mark" not in table and "slash" not in table
    assert "| `/` | Zoek |" in table and "| `?` | Help |" in table
    moving = table.split("Bewegen en selecteren")[1]
    assert "selecteren" in moving and "Cursor" in moving  # shift+arrows select, arrows move (the text area's own)
    assert "| `^c` | Kopiëren |" in moving  # copying read-only text does something; editing it does not:
    for editing in ("Knippen", "Plakken", "Regel wissen", "Teken links wissen"):
        assert editing not in table, editing


FOOTER_WORDS = {  # what the footers must show at 80 columns, per language
    "nl": (("i Importeren", "f Frequenties", "^q Stop", "f1 Help"),
           ("t Codeer beurt", "c Codeer tekst", "u Ongedaan", "esc Terug", "f1 Help")),
    "en": (("i Import", "f Frequencies", "^q Quit", "f1 Help"),
           ("t Code turn", "c Code selection", "u Undo", "esc Back", "f1 Help")),
}


@pytest.mark.parametrize("language", ["nl", "en"])
def test_at_80_columns_the_footer_shows_the_most_used_keys_with_help_and_quit(sample_db, language):
    """The overview's footer showed neither quit nor help, the transcript's stopped at 'Me▏^p palette'; the
    Dutch words first cut 'f1 Help' off."""
    import html
    import re

    from tests.tui.test_trust import open_transcript

    app = WorkbenchApp(sample_db, "anna", Settings(language=language))

    def footer() -> str:
        text = html.unescape(re.sub(r"<[^>]+>", "", app.export_screenshot())).replace("\xa0", " ")
        return [line for line in text.splitlines() if line.strip()][-1]

    def shown(words) -> bool:  # a busy machine paints the footer later: wait for it, up to wait_for's limit
        try:
            return all(word in footer() for word in words)
        except IndexError:
            return False

    async def scenario():
        async with app.run_test(size=(80, 24)) as pilot:
            await wait_for(pilot, lambda: isinstance(app.screen, OverviewScreen) and app.screen.summaries)
            await wait_for(pilot, lambda: shown(FOOTER_WORDS[language][0]))
            overview = footer()
            await open_transcript(app, pilot)
            await wait_for(pilot, lambda: shown(FOOTER_WORDS[language][1]))
            return overview, footer()

    overview, transcript = run(scenario())
    for words in FOOTER_WORDS[language][0]:
        assert words in overview
    for words in FOOTER_WORDS[language][1]:
        assert words in transcript


def test_the_overview_drops_its_least_important_columns_to_fit_80_and_cuts_no_value(app):
    """At 120 columns 'codeurs' and '⚠' were gone and names cut to 14 characters; then the least important went
    first, ⚠ and the share coded stayed, but institutions were cut and all columns needed ~138 columns. Now
    each column is as wide as its label and longest value: the sample's all fit from 135 (Dutch), no value cut,
    and a resize lays the table out anew."""
    from workbench.tui.screens.overview import COLUMNS, fitting

    async def scenario():
        async with app.run_test(size=(80, 24)) as pilot:
            await wait_for(pilot, lambda: isinstance(app.screen, OverviewScreen) and app.screen.summaries)
            screen = app.screen
            narrow = list(screen.shown_columns)
            table = screen.query_one("DataTable")
            assert sum(c.width + 2 for c in table.columns.values()) <= 80
            widths = screen._widths()
            needed = 2 + sum(width + 2 for width in widths.values())
            await pilot.resize_terminal(needed, 30)
            await wait_for(pilot, lambda: len(screen.shown_columns) == len(COLUMNS))
            assert str(table.get_row_at(0)[0]) == "interview-01" and table.row_count == 30
            widest = {key: max(len(str(table.get_cell_at((row, i)))) for row in range(table.row_count))
                      for i, key in enumerate(screen.shown_columns)}
            return narrow, widths, needed, widest

    narrow, widths, needed, widest = run(scenario())
    assert narrow[0] == "transcript" and {"coded", "unassigned", "programme"} <= set(narrow)
    assert needed <= 135 and fitting(needed, widths) == [key for key, _, _ in COLUMNS] != fitting(needed - 1, widths)
    assert all(widest[key] <= widths[key] for key in widest)  # no value cut


def test_in_a_narrow_terminal_the_transcripts_text_keeps_the_width(app):
    """At 40x12 the side panel left the text a column 4 characters wide."""
    from tests.tui.test_trust import open_transcript

    async def scenario():
        async with app.run_test(size=(40, 12)) as pilot:
            screen = await open_transcript(app, pilot)
            await pilot.pause(0.1)
            narrow = screen.text.size.width
            await pilot.resize_terminal(100, 30)
            await pilot.pause(0.2)
            return narrow, screen.text.size.width, screen.query_one("#side").size.width

    narrow, wide, side = run(scenario())
    assert narrow >= 36 and side > 20 and wide >= 100 - 34 - 10 - 4  # beside it the side panel and the margin


def test_once_suggestions_are_shown_what_was_loaded_leaves_the_collectors_view(app, monkeypatch):
    """A full garbage collection walked what opening a transcript and ranking its turns had made (the
    model's own objects were frozen when it was built, not these): a key in a 20,000-word turn stalled up to
    80 ms (bench: tui long turn). Frozen once more after the first suggestions are shown (the bench's worst
    key: 29 ms); when it happens is what this test sees, the figures are the bench's."""
    import gc

    from tests.tui.test_trust import open_transcript

    frozen = []
    monkeypatch.setattr(gc, "freeze", lambda: frozen.append(app.screen.suggestions is not None))

    async def scenario():
        async with app.run_test(size=(100, 30)) as pilot:
            screen = await open_transcript(app, pilot)
            await wait_for(pilot, lambda: screen.suggestions is not None)
            await pilot.pause(0.1)

    run(scenario())
    assert frozen[-1] is True and frozen.count(True) == 1  # after the suggestions were shown, once per app


def test_a_click_on_a_column_header_sorts_the_overview_by_it_and_again_the_other_way(app):
    """The overview's cells are plain text objects (so that '[noord]' shows): sorting compares their words."""
    async def scenario():
        async with app.run_test(size=(160, 40)) as pilot:
            await wait_for(pilot, lambda: isinstance(app.screen, OverviewScreen) and app.screen.summaries)
            table = app.screen.query_one("DataTable")
            at = app.screen.shown_columns.index("institution")
            x = sum(column.get_render_width(table) for column in table.ordered_columns[:at]) + 2

            async def click() -> list[str]:
                await pilot.click("DataTable", offset=(x, 0))
                await pilot.pause(0.1)
                return [str(table.get_row_at(row)[at]) for row in range(table.row_count)]

            return await click(), await click()

    ascending, descending = run(scenario())
    assert ascending == sorted(ascending) and descending == sorted(ascending, reverse=True) != ascending


@pytest.mark.parametrize("measured", [False, True])
def test_a_plain_table_shows_brackets_as_written_and_does_not_stop_on_a_closing_tag(measured):
    """DataTable read '[/]' in a cell as a closing tag with nothing to close: a MarkupError stopped the app."""
    from textual.app import App

    from workbench.tui.widgets.plain_table import PlainTable

    class Table(App):
        def compose(self):
            yield PlainTable()

        def on_mount(self) -> None:
            table = self.query_one(PlainTable)
            table.add_column("tekst", width=None if measured else 30)
            table.add_rows([("ja [/] nee",), ("ja [lacht] nee",)])

    async def scenario():
        app = Table()
        async with app.run_test() as pilot:
            await pilot.pause(0.2)
            table = app.query_one(PlainTable)
            return ["".join(segment.text for segment in table.render_line(y)).strip() for y in (1, 2)]

    assert run(scenario()) == ["ja [/] nee", "ja [lacht] nee"]


def test_the_command_palette_speaks_the_coders_language(app):
    """ctrl+p offered 'Search for commands…' in the Dutch interface."""
    from textual.command import CommandInput

    async def scenario():
        async with app.run_test(size=(100, 30)) as pilot:
            await wait_for(pilot, lambda: isinstance(app.screen, OverviewScreen) and app.screen.summaries)
            await pilot.press("ctrl+p")
            await wait_for(pilot, lambda: bool(app.screen.query(CommandInput)))
            return app.screen.query_one(CommandInput).placeholder

    assert run(scenario()) == "Zoek een opdracht…"


def test_back_from_a_transcript_the_overview_reads_again_only_when_the_study_changed(app):
    """Back from a transcript the overview read all transcripts again (0.5 s at 1,000 interviews), changed or not;
    now when the study's version says something changed: the first open stores the transcript's suggestions
    (a change), a second open stores nothing, and a coding made there shows in its coded share."""
    from workbench.tui.screens.dialogs import CodePicker
    from workbench.tui.screens.transcript import TranscriptScreen

    async def visit(pilot, *keys: str) -> None:
        app.open_transcript("interview-02")
        await wait_for(pilot, lambda: isinstance(app.screen, TranscriptScreen) and app.screen.suggestions)
        if keys:
            await pilot.press("n", "t")
            await wait_for(pilot, lambda: isinstance(app.screen, CodePicker))
            await pilot.press(*keys)
            await wait_for(pilot, lambda: isinstance(app.screen, TranscriptScreen))
            await written(pilot)
        await pilot.press("escape")
        await wait_for(pilot, lambda: isinstance(app.screen, OverviewScreen))

    async def scenario():
        async with app.run_test(size=(140, 40)) as pilot:
            await wait_for(pilot, lambda: isinstance(app.screen, OverviewScreen) and app.screen.summaries)
            overview = app.screen
            share = {s.name: s.coded_respondent_turns for s in overview.summaries}
            first = overview.summaries
            await visit(pilot)  # its suggestions stored: the study changed, so it is read again
            await wait_for(pilot, lambda: overview.summaries is not first)
            await pilot.pause(0.5)
            read = overview.summaries
            await visit(pilot)
            await pilot.pause(0.5)  # the version check, and a read if one was asked for
            unchanged = overview.summaries is read
            await visit(pilot, *"studvert", "enter")
            await wait_for(pilot, lambda: overview.summaries is not read)
            now = {s.name: s.coded_respondent_turns for s in overview.summaries}
            return unchanged, share, now

    unchanged, share, now = run(scenario())
    assert unchanged  # nothing written: nothing read again
    assert {name for name in now if now[name] != share[name]} == {"interview-02"}
