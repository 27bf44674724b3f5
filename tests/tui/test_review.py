"""The lead researcher's screens through the pilot: codebook changes, frequencies, quotes."""

from tests.tui.conftest import burst, elsewhere, notified, run, wait_for, written
from workbench.services import codebook, codings, frequencies, quotes, transcripts
from workbench.tui.screens.codebook import CodebookScreen
from workbench.tui.screens.dialogs import ChoicePicker, CodePicker, Confirm, TextPrompt
from workbench.tui.screens.frequencies import FrequenciesScreen, bar
from workbench.tui.screens.overview import OverviewScreen
from workbench.tui.screens.quotes import QuotesScreen
from workbench.tui.screens.transcript import TranscriptScreen

DELAY = "Studenten > Belemmeringen studenten > Studievertraging"
MONEY = "Studenten > Belemmeringen studenten > Financiële redenen"


async def open_codebook(app, pilot, path: str) -> CodebookScreen:
    await wait_for(pilot, lambda: isinstance(app.screen, OverviewScreen) and app.screen.summaries)
    await pilot.press("b")
    await wait_for(pilot, lambda: isinstance(app.screen, CodebookScreen) and app.screen.codes)
    screen = app.screen
    screen._select(path)
    assert screen.current.path == path
    return screen


async def open_frequencies(app, pilot) -> FrequenciesScreen:
    await wait_for(pilot, lambda: isinstance(app.screen, OverviewScreen) and app.screen.summaries)
    await pilot.press("f")
    await wait_for(pilot, lambda: isinstance(app.screen, FrequenciesScreen) and app.screen.paths)
    return app.screen


async def open_quotes(app, pilot, path: str) -> QuotesScreen:
    await wait_for(pilot, lambda: isinstance(app.screen, OverviewScreen) and app.screen.summaries)
    app.push_screen(QuotesScreen(path))
    await wait_for(pilot, lambda: isinstance(app.screen, QuotesScreen) and app.screen.found is not None)
    return app.screen


def test_merge_two_codes_and_see_the_counts_follow(app):
    db = app.db
    before = frequencies.code_totals(db)
    guids = {q.guid for q in quotes.quotes(db, DELAY)} | {q.guid for q in quotes.quotes(db, MONEY)}

    async def scenario():
        async with app.run_test(size=(110, 36)) as pilot:
            screen = await open_codebook(app, pilot, MONEY)
            await pilot.press("m")
            await wait_for(pilot, lambda: isinstance(app.screen, CodePicker))
            await pilot.press(*"studvert", "enter")
            await wait_for(pilot, lambda: isinstance(app.screen, Confirm))
            await pilot.press("y")
            await wait_for(pilot, lambda: app.screen is screen and MONEY not in screen.totals)
            assert screen.current.path == DELAY  # the merged code is shown
            return screen.totals[DELAY]

    respondents, quotations = run(scenario())
    after = frequencies.code_totals(db)
    assert (respondents, quotations) == after[DELAY]
    assert quotations == before[DELAY][1] + before[MONEY][1]  # sample has no span coded with both
    assert max(before[DELAY][0], before[MONEY][0]) <= respondents <= before[DELAY][0] + before[MONEY][0]
    assert {q.guid for q in quotes.quotes(db, DELAY)} == guids
    assert codebook.history(db)[-1].action == "merge"


def test_a_code_is_added_put_in_a_code_group_shown_there_taken_out_and_deleted_in_the_codebook(app):
    new = "Studenten > Belemmeringen studenten > Heimwee"

    async def scenario():
        async with app.run_test(size=(80, 24)) as pilot:
            screen = await open_codebook(app, pilot, DELAY)
            await pilot.press("a")  # beside the code under the cursor: its parent's path is filled in
            await wait_for(pilot, lambda: isinstance(app.screen, TextPrompt))
            await pilot.press(*"Studievertraging", "enter")  # taken: said at once, asked again with what was typed
            await wait_for(pilot, lambda: isinstance(app.screen, TextPrompt) and notified(app, "bestaat al"))
            await pilot.press(*["backspace"] * 16, *"Heimwee", "enter")
            await wait_for(pilot, lambda: isinstance(app.screen, Confirm))
            await pilot.press("enter")
            await wait_for(pilot, lambda: app.screen is screen and screen.current and screen.current.path == new)
            await pilot.press("g")  # a new code group, with this code in it
            await wait_for(pilot, lambda: isinstance(app.screen, ChoicePicker))
            await pilot.press("enter", *"Drempels", "enter")
            await wait_for(pilot, lambda: isinstance(app.screen, Confirm))
            await pilot.press("enter")
            await wait_for(pilot, lambda: app.screen is screen and "Drempels" in screen.groups)
            assert "Drempels" in str(screen.query_one("#side").render())
            screen._select(DELAY)
            await pilot.press("g", "down", "enter", "enter")  # the group there is
            await wait_for(pilot, lambda: app.screen is screen and len(screen.groups["Drempels"]) == 2)
            assert codebook.code_groups(app.db) == {"Drempels": sorted([DELAY, new])}
            await pilot.press("x")  # a code with codings is not deleted: merge it
            await wait_for(pilot, lambda: notified(app, "samen (m)"))
            assert isinstance(app.screen, CodebookScreen)
            screen._select(new)
            await pilot.press("g", "down")  # ✓ the group it is in: taken out
            assert "✓ Drempels" in str(app.screen.query_one("#choices").get_option_at_index(1).prompt)
            await pilot.press("enter", "enter")
            await wait_for(pilot, lambda: app.screen is screen and screen.groups == {"Drempels": [DELAY]})
            await pilot.press("delete")
            await wait_for(pilot, lambda: isinstance(app.screen, Confirm))
            await pilot.press("y")
            await wait_for(pilot, lambda: app.screen is screen and new not in screen.totals
                           and screen.current.path == "Studenten > Belemmeringen studenten")

    run(scenario())
    assert new not in {c.path for c in codebook.show_codebook(app.db)}
    assert [c.action for c in codebook.history(app.db)[-4:]] == ["group", "group", "ungroup", "delete"]


def test_a_change_waits_for_confirmation(app):
    async def scenario():
        async with app.run_test(size=(110, 36)) as pilot:
            screen = await open_codebook(app, pilot, DELAY)
            await pilot.press("r")
            await wait_for(pilot, lambda: isinstance(app.screen, TextPrompt))
            await pilot.press(*["backspace"] * 20, *"Vertraging", "enter")
            await wait_for(pilot, lambda: isinstance(app.screen, Confirm))
            await pilot.press("n")
            await wait_for(pilot, lambda: app.screen is screen)
            assert DELAY in {c.path for c in codebook.show_codebook(app.db)}
            await pilot.press("r")
            await wait_for(pilot, lambda: isinstance(app.screen, TextPrompt))
            await pilot.press(*["backspace"] * 20, *"Vertraging", "enter")
            await wait_for(pilot, lambda: isinstance(app.screen, Confirm))
            await pilot.press("enter")
            renamed = DELAY.replace("Studievertraging", "Vertraging")
            await wait_for(pilot, lambda: app.screen is screen and renamed in screen.totals)
            assert screen.current.path == renamed

    run(scenario())


def test_drill_down_from_a_frequency_cell_to_the_quote_in_its_transcript(app):
    async def scenario():
        async with app.run_test(size=(120, 36)) as pilot:
            screen = await open_frequencies(app, pilot)
            table = screen.query_one("DataTable")
            row, column = screen.paths.index(DELAY), 2 + screen.report.groups.index("pabo")
            table.move_cursor(row=row, column=column)
            count = next(r.count for r in screen.report.rows if r.path == DELAY and r.group == "pabo")
            await pilot.press("enter")
            await wait_for(pilot, lambda: isinstance(app.screen, QuotesScreen) and app.screen.found is not None)
            found = app.screen
            assert found.programme == "pabo" and found.code_path == DELAY
            assert len({q.respondent for q in found.shown}) == count  # the cell counts respondents
            assert all("pabo" in q.programmes for q in found.shown)
            found.query_one("LongTable").move_cursor(row=len(found.shown) - 1)
            quote = found.shown[-1]
            await pilot.press("enter")
            await wait_for(pilot, lambda: isinstance(app.screen, TranscriptScreen) and app.screen.page is not None)
            coding = app.screen
            assert coding.transcript == quote.transcript and coding._cursor() == quote.start
            await pilot.press("escape", "escape")
            await wait_for(pilot, lambda: app.screen is screen)
            await pilot.press("u")
            await wait_for(pilot, lambda: screen.report.unit == "institution")

    run(scenario())


def test_quotes_filter_by_coder(app):
    turn = next(t for t in transcripts.show_transcript(app.db, "interview-03").turns if t.role == "respondent")
    codings.add_coding(app.db, "bea", "interview-03", DELAY, turn.start, turn.end)

    async def scenario():
        async with app.run_test(size=(110, 36)) as pilot:
            screen = await open_quotes(app, pilot, DELAY)
            everyone = len(screen.shown)
            await pilot.press("c")
            await wait_for(pilot, lambda: app.screen is not screen)
            app.screen.dismiss("bea")
            await wait_for(pilot, lambda: screen.coder == "bea")
            assert [q.coder for q in screen.shown] == ["bea"] and everyone > 1

    run(scenario())


def test_bars_grow_in_eighths():
    assert bar(0, 10, 4) == "    "
    assert bar(10, 10, 4) == "████"
    assert bar(5, 10, 4) == "██  "
    assert bar(1, 16, 2) == "▏ "  # one eighth of a character
    assert bar(3, 0, 3) == "   "


def test_space_picks_the_quote_under_the_cursor_for_the_report_and_again_unpicks_it(app):
    async def scenario():
        async with app.run_test(size=(110, 36)) as pilot:
            screen = await open_quotes(app, pilot, DELAY)
            await pilot.press("down", "space")
            chosen = screen.shown[1].guid
            await wait_for(pilot, lambda: any(q.picked for q in screen.shown))
            assert [q.guid for q in quotes.quotes(app.db, DELAY) if q.picked] == [chosen]
            assert screen._current().guid == chosen  # the cursor stays on it
            await pilot.press("space")
            await wait_for(pilot, lambda: not any(q.picked for q in screen.shown))
            assert not any(q.picked for q in quotes.quotes(app.db, DELAY))

    run(scenario())


def test_spaces_in_one_burst_each_toggle_what_the_one_before_asked(app):
    """Keys over ssh arrive together: each space toggles what the one before asked, not the stale list."""
    def picked():
        return [q.guid for q in quotes.quotes(app.db, DELAY) if q.picked]

    async def scenario():
        async with app.run_test(size=(110, 36)) as pilot:
            screen = await open_quotes(app, pilot, DELAY)
            first = screen.shown[0].guid
            burst(app, "space", "space", "space")
            await wait_for(pilot, lambda: picked() == [first] and not screen.asked)
            burst(app, "space", "space")
            await pilot.pause(0.5)
            await written(pilot)
            await wait_for(pilot, lambda: not screen.asked)
            assert picked() == [first]
            burst(app, "space")
            await wait_for(pilot, lambda: picked() == [] and not screen.asked)

    run(scenario())


def test_a_list_read_before_a_pick_and_shown_after_it_does_not_undo_it(app):
    """A slow load (begun before a pick, done after the pick's own reload) showed the quote unpicked again,
    and the next space picked it instead of unpicking it."""
    async def scenario():
        async with app.run_test(size=(110, 36)) as pilot:
            screen = await open_quotes(app, pilot, DELAY)
            first = screen.shown[0].guid
            stale = QuotesScreen.Loaded(app.db.version(), quotes.quotes(app.db, DELAY), quotes.masker(app.db))
            await pilot.press("space")
            await written(pilot)
            await wait_for(pilot, lambda: screen.shown[0].picked and not screen.asked)
            screen.post_message(stale)
            await pilot.pause(0.2)
            await written(pilot)
            assert screen.shown[0].picked
            await pilot.press("space")
            await written(pilot)
            await wait_for(pilot, lambda: not screen.asked)
            assert not any(q.guid == first and q.picked for q in quotes.quotes(app.db, DELAY))

    run(scenario())


def test_a_list_read_before_a_write_lands_is_not_taken_for_one_read_after_it(app, monkeypatch):
    """The list's version must be read before the list: read after it, a pick landing in between gave the stale
    list (unpicked) the new version, the screen showed it, and the next space picked instead of unpicking."""
    real = quotes.quotes
    armed = []

    def read_then_a_pick_lands(*args, **kwargs):
        found = real(*args, **kwargs)
        if armed and armed.pop():
            codings.pick(app.db, app.coder, found[0].guid, True)
            app.call_from_thread(lambda: setattr(app, "written_version", app.db.version()))
        return found

    async def scenario():
        async with app.run_test(size=(110, 36)) as pilot:
            screen = await open_quotes(app, pilot, DELAY)
            fill, shown = screen._fill, []
            monkeypatch.setattr(screen, "_fill", lambda: (shown.append(screen.found[0].picked), fill()))
            monkeypatch.setattr(quotes, "quotes", read_then_a_pick_lands)
            armed.append(True)
            screen.load()
            await wait_for(pilot, lambda: not armed and shown)
            await written(pilot)
            return shown

    assert run(scenario())[0]  # the first list shown is the one read after the pick


def test_quotes_of_a_code_merged_elsewhere_say_so_in_one_line_and_go_back(app):
    """The list read its code again and said 'unknown code' on every reload, showing what was no longer there."""
    async def scenario():
        async with app.run_test(size=(110, 36)) as pilot:
            await open_quotes(app, pilot, DELAY)
            elsewhere(app, "codebook", "merge", DELAY, MONEY)
            app.check_for_changes()
            await wait_for(pilot, lambda: isinstance(app.screen, OverviewScreen))
            await wait_for(pilot, lambda: notified(app, "Deze citaten zijn er niet meer"))  # a message: it follows
            assert notified(app, DELAY)
        assert app.unexpected_errors == []

    run(scenario())


def test_a_colour_or_pattern_that_is_wrong_is_said_before_any_confirmation(app):
    """'blauw' as a colour and '(tijd' as a pattern were refused only after 'y': now at once, with the prompt
    open again on what was typed; the codebook unchanged."""
    history = len(codebook.history(app.db))

    async def scenario():
        async with app.run_test(size=(110, 36)) as pilot:
            await open_codebook(app, pilot, DELAY)
            await pilot.press("k")
            await wait_for(pilot, lambda: isinstance(app.screen, TextPrompt))
            app.screen.dismiss("blauw")
            await wait_for(pilot, lambda: notified(app, "geen kleur"))
            await wait_for(pilot, lambda: isinstance(app.screen, TextPrompt))
            assert app.screen.value == "blauw" and not any(isinstance(s, Confirm) for s in app.screen_stack)
            app.screen.dismiss(None)
            await pilot.press("s")
            await wait_for(pilot, lambda: isinstance(app.screen, TextPrompt))
            app.screen.dismiss(DELAY + " > Tijdgebrek")
            await wait_for(pilot, lambda: isinstance(app.screen, TextPrompt) and "reguliere" in app.screen.title_text)
            app.screen.dismiss("(tijd")
            await wait_for(pilot, lambda: notified(app, "ongeldig patroon"))
            await wait_for(pilot, lambda: isinstance(app.screen, TextPrompt) and app.screen.value == "(tijd")
            assert not any(isinstance(s, Confirm) for s in app.screen_stack)
        assert app.unexpected_errors == []

    run(scenario())
    assert len(codebook.history(app.db)) == history


def test_the_frequencies_show_every_code_name_whole(app):
    """The code column was 34 wide: 'Activiteiten waarover gesproken wordt' under its parent lost its end."""
    async def scenario():
        async with app.run_test(size=(80, 24)) as pilot:
            await open_frequencies(app, pilot)
            table = app.screen.query_one("DataTable")
            width = table.columns[next(iter(table.columns))].width
            return width, [str(table.get_cell_at((row, 0))) for row in range(table.row_count)]

    width, names = run(scenario())
    assert max(len(name) for name in names) > 34 and all(len(name) <= width for name in names)


def test_brackets_in_the_words_show_in_the_lists_as_written(app, tmp_path):
    """A verbatim transcript's '[lacht]' vanished from the quotes list (the table read it as Rich markup), a
    '[/]' stopped the screen with a markup error, and an institution's '[noord]' went from the overview."""

    (tmp_path / "lacht.txt").write_text("Iris   0:01\nHoe ging dat?\n\nRuben   0:05\nJa [lacht] dat was [/] lastig.\n",
                                        encoding="utf-8")
    (tmp_path / "registry.csv").write_text("transcript,speaker,respondent,role,institution,programme\n"
                                           "lacht,Iris,I9,interviewer,,\nlacht,Ruben,R99,respondent,"
                                           "Hogeschool [noord],pabo\n", encoding="utf-8")
    elsewhere(app, "import", str(tmp_path / "lacht.txt"))
    elsewhere(app, "participants", "import", str(tmp_path / "registry.csv"))
    elsewhere(app, "codings", "add", "lacht", DELAY, "--turn", "1")

    def shown(table) -> list[str]:
        return ["".join(segment.text for segment in table.render_line(y)) for y in range(table.size.height)]

    async def scenario():
        async with app.run_test(size=(200, 50)) as pilot:
            screen = await open_quotes(app, pilot, DELAY)
            await pilot.pause(0.2)
            quoted = shown(screen.query_one("LongTable"))
            await pilot.press("escape")
            await wait_for(pilot, lambda: isinstance(app.screen, OverviewScreen))
            await pilot.pause(0.2)
            return quoted, shown(app.screen.query_one("DataTable"))

    quoted, overview = run(scenario())
    assert any("Ja [lacht] dat was [/] lastig." in line for line in quoted)
    assert any("Hogeschool [noord]" in line for line in overview)


def test_choosing_whose_codings_count_in_one_burst_and_after_another_coder_joined(app):
    """c, down and enter at once pick the first coder; the coders offered are read with the report (the list was
    read on the UI thread when c was pressed), so a coder who joined elsewhere is offered after the reload."""
    async def scenario():
        async with app.run_test(size=(120, 36)) as pilot:
            screen = await open_frequencies(app, pilot)
            first = codings.coders(app.db)[0]
            burst(app, "c", "down", "enter")
            await wait_for(pilot, lambda: screen.coders == [first] and app.screen is screen)
            turn = next(t for t in transcripts.show_transcript(app.db, "interview-02").turns if t.role == "respondent")
            elsewhere(app, "codings", "add", "interview-02", DELAY, "--turn", str(turn.index))
            await wait_for(pilot, lambda: "bram" in screen.study_coders)

    run(scenario())


def test_the_frequencies_scroll_sideways_to_every_programme_with_the_codes_in_view(app):
    """At 80 columns two programmes showed and the rest could not be reached; moving right along a row brings
    each programme into view while the code column stays."""
    import html
    import re

    def screen_text() -> str:
        return html.unescape(re.sub(r"<[^>]+>", "", app.export_screenshot())).replace("\xa0", " ")

    async def scenario():
        async with app.run_test(size=(80, 24)) as pilot:
            await open_frequencies(app, pilot)
            groups = app.screen.report.groups
            first_code = str(app.screen.query_one("DataTable").get_cell_at((0, 0))).strip()
            seen = []
            for _ in range(len(groups) + 1):
                await pilot.press("right")
                await pilot.pause(0.05)
                text = screen_text()
                seen += [g for g in groups if re.search(rf" {re.escape(g)}( |$)", text, re.M) and first_code in text]
            return groups, set(seen)

    groups, seen = run(scenario())
    assert len(groups) > 2 and seen == set(groups)


def test_the_frequencies_say_what_they_count_and_r_counts_only_what_a_person_reviewed(app):
    """Nothing said the counts were unreviewed autocodes; r counts only codings a person made or kept, a
    confirmation made elsewhere is counted on the screen, and the quotes under a cell follow."""
    autocodes = len(codings.list_codings(app.db, coder="autocoder"))

    async def scenario():
        async with app.run_test(size=(80, 24)) as pilot:
            screen = await open_frequencies(app, pilot)
            said = str(screen.query_one("#provenance").render())
            assert said.startswith("Geteld: alle coderingen,") and "van autocoder (" in said
            assert "automatische coderingen niet nagekeken" in said and "(r: alleen nagekeken coderingen;" in said
            await pilot.press("r")
            await wait_for(pilot, lambda: screen.report.provenance.reviewed_only)
            assert not any(row.count for row in screen.report.rows)
            elsewhere(app, "codings", "confirm", "--code", DELAY)
            await wait_for(pilot, lambda: screen.report.provenance.confirmed, timeout=20)
            counted = {row.path for row in screen.report.rows if row.count}
            assert DELAY in counted and all(DELAY.startswith(path) for path in counted)
            assert str(screen.query_one("#provenance").render()).startswith("Geteld: alleen nagekeken coderingen,")
            screen.query_one("DataTable").move_cursor(row=screen.paths.index("Studenten"), column=0)
            await pilot.press("enter")
            await wait_for(pilot, lambda: isinstance(app.screen, QuotesScreen) and app.screen.found is not None)
            return {q.code_path for q in app.screen.found}, screen.report.provenance.autocode

    shown, unreviewed = run(scenario())
    assert shown == {DELAY} and unreviewed == 0 and autocodes


def test_a_counts_only_codings_two_coders_agree_on_and_the_quotes_under_a_cell_follow(app):
    """The screen had r (reviewed) but no way to count by consensus, which the reports have (--consensus)."""

    async def scenario():
        async with app.run_test(size=(80, 24)) as pilot:
            screen = await open_frequencies(app, pilot)
            assert "; a: alleen coderingen waarover twee codeurs het eens zijn)" in str(
                screen.query_one("#provenance").render())
            await pilot.press("a")
            await wait_for(pilot, lambda: screen.report.provenance.consensus)
            alone = [row.path for row in screen.report.rows if row.count]
            elsewhere(app, "autocode", "--code", DELAY, "--role", "respondent")
            await wait_for(pilot, lambda: any(row.count for row in screen.report.rows), timeout=20)
            said = str(screen.query_one("#provenance").render())
            totals = {row.path: row.count for row in screen.report.rows if row.group == ""}
            screen.query_one("DataTable").move_cursor(row=screen.paths.index("Studenten"), column=0)
            await pilot.press("enter")
            await wait_for(pilot, lambda: isinstance(app.screen, QuotesScreen) and app.screen.found is not None)
            return alone, said, totals, app.screen.found

    alone, said, totals, found = run(scenario())
    agreed = frequencies.frequencies(app.db, consensus=True)
    assert alone == [] and said.startswith("Geteld: alleen coderingen waarover twee codeurs het eens zijn,")
    assert totals == {row.path: row.count for row in agreed.rows if row.group == ""} and totals[DELAY] > 0
    assert {q.code_path for q in found} == {DELAY} and {q.coder for q in found} == {"autocoder", "bram"}
    assert {q.guid for q in found} == {q.guid for q in quotes.quotes(app.db, "Studenten", consensus=True)}


def test_a_pressed_in_one_burst_ends_where_the_last_a_leaves_it(app):
    """Keys over ssh arrive together: three a's count by consensus, three more come back to every coding."""

    async def scenario():
        async with app.run_test(size=(80, 24)) as pilot:
            screen = await open_frequencies(app, pilot)
            burst(app, "a", "a", "a")
            await wait_for(pilot, lambda: screen.consensus and screen.report.provenance.consensus)
            agreed = any(row.count for row in screen.report.rows)
            burst(app, "a", "a", "a")
            await wait_for(pilot, lambda: not screen.consensus and not screen.report.provenance.consensus)
            return agreed, {row.path: row.count for row in screen.report.rows if row.group == ""}

    agreed, totals = run(scenario())
    assert not agreed  # one coder in the sample: nothing two coders agree on
    assert totals == {row.path: row.count for row in frequencies.frequencies(app.db).rows if row.group == ""}


def test_a_slow_count_begun_before_the_last_key_is_not_shown_over_the_one_the_key_asked_for(app, monkeypatch):
    """Each key starts a count. Keys a moment apart: the first key's count (slow, by consensus) landed after the
    second key's and was shown, the switch saying every coding and the counts those two coders agree on."""
    import time

    real = frequencies.frequencies

    def slow_by_consensus(*args, **kwargs):
        if kwargs.get("consensus"):
            time.sleep(1.0)
        return real(*args, **kwargs)

    async def scenario():
        async with app.run_test(size=(80, 24)) as pilot:
            screen = await open_frequencies(app, pilot)
            monkeypatch.setattr(frequencies, "frequencies", slow_by_consensus)
            await pilot.press("a")
            await pilot.pause(0.3)  # its count has begun, and is slow
            await pilot.press("a")
            await pilot.pause(1.5)
            await wait_for(pilot, lambda: not screen.workers)
            return screen.consensus, screen.report.provenance.consensus

    assert run(scenario()) == (False, False)


def test_the_quotes_list_and_the_chosen_quote_mask_registered_names(db, tmp_path):
    """The list draws its rows as a report prints them: a respondent naming the interviewer or an institution
    shows [naam] or [instelling] in the row and in the quote under the list."""
    from tests.conftest import CODEBOOK
    from tests.tui.test_long_table import screen_text
    from workbench.services import participants
    from workbench.tui.app import WorkbenchApp

    (tmp_path / "t.txt").write_text(
        "Anouk   0:01\nWaarom niet?\n\nBram   0:05\nStudievertraging, zegt Anouk.\n\nAnouk   0:10\nEn verder?\n\n"
        "Bram   0:12\nStudievertraging, op Hogeschool Noordkust.\n", encoding="utf-8")
    (tmp_path / "p.csv").write_text("transcript,speaker,respondent,role,institution,programme\n,Anouk,I1,interviewer,,"
                                    "\n,Bram,R01,respondent,Hogeschool Noordkust,pabo\n", encoding="utf-8")
    transcripts.import_paths(db, [tmp_path / "t.txt"], replace=False, coder="c")
    participants.import_registry(db, tmp_path / "p.csv")
    codebook.import_codebook(db, CODEBOOK, "lead")
    for turn in (t for t in transcripts.show_transcript(db, "t").turns if t.role == "respondent"):
        codings.code_turn(db, "anna", "t", turn.index, DELAY)
    app = WorkbenchApp(db, "anna")

    async def scenario():
        async with app.run_test(size=(150, 30)) as pilot:
            screen = await open_quotes(app, pilot, DELAY)
            await pilot.pause()
            first = "\n".join(screen_text(app))
            await pilot.press("down")
            await pilot.pause()
            return first, "\n".join(screen_text(app)), len(screen.shown)

    first, second, rows = run(scenario())
    assert rows == 2
    for shown, said in ((first, "Studievertraging, zegt [naam]."), (second, "op [instelling].")):
        assert shown.count(said) == 2, shown  # in its row and under the list
        assert "Anouk." not in shown and "Noordkust." not in shown
