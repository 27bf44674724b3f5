"""The long table (disagreements, answers): a million rows as tuples, the cursor in view under every key."""

from hypothesis import example, given, settings
from hypothesis import strategies as st
from textual.app import App

from tests.tui.conftest import burst, run
from workbench.tui.widgets.long_table import LongTable

KEYS = ["down", "up", "pagedown", "pageup", "end", "home"]


class Holder(App):
    def __init__(self, rows):
        super().__init__()
        self.start, self.said = rows, []

    def compose(self):
        yield LongTable()

    def on_mount(self):
        table = self.query_one(LongTable)
        table.add_column("name", 12)
        table.add_column("text", 30)
        table.add_rows(self.start)
        table.focus()

    def on_long_table_row_highlighted(self, message):
        self.said.append(("highlighted", message.cursor_row))

    def on_long_table_row_selected(self, message):
        self.said.append(("selected", message.cursor_row))


def rows(n):
    return [(f"r{i}", f"[b]tekst {i}[/b] \x07" * (i % 3)) for i in range(n)]


def screen_text(app) -> list[str]:
    import html
    import re

    shown = html.unescape(re.sub(r"<[^>]+>", "", app.export_screenshot())).replace("\xa0", " ")
    return [line for line in shown.splitlines() if line.strip()]


@settings(max_examples=25, deadline=None)
@given(st.integers(0, 400), st.lists(st.sampled_from(KEYS), max_size=25))
@example(50, ["pagedown", "down"])  # to the first row below the view, and one past it
@example(50, ["down"] * 11 + ["end", "up", "pageup", "pageup", "up"])
def test_every_key_in_a_burst_keeps_the_cursor_on_a_row_and_in_view(n, keys):
    """Keys sent all at once (as over ssh): the cursor ends where the keys take it, on a row that is drawn,
    with its own words (markup shown as written, a control character not sent to the terminal)."""
    app = Holder(rows(n))

    async def go():
        async with app.run_test(size=(60, 12)) as pilot:
            burst(app, *keys)
            await pilot.pause()
            table = app.query_one(LongTable)
            expected, view = 0, table.scrollable_content_region.height - 1
            for key in keys:
                expected = {"down": expected + 1, "up": expected - 1, "pagedown": expected + view - 1,
                            "pageup": expected - (view - 1), "end": n - 1, "home": 0}[key]
                expected = max(0, min(expected, n - 1))
            assert table.cursor_row == expected
            if n:
                top = int(table.scroll_offset.y)
                assert top <= table.cursor_row < top + view
                assert any(line.lstrip().startswith(f"r{expected} ") for line in screen_text(app))
                assert app.said[-1] == ("highlighted", expected) or not keys
            assert not any("\x07" in line for line in screen_text(app))

    run(go())


def test_a_million_rows_are_added_at_once_and_the_last_is_reached():
    many = [(f"r{i}", "woorden " * 8) for i in range(1_000_000)]
    app = Holder(many)

    async def go():
        async with app.run_test(size=(60, 12)) as pilot:
            await pilot.press("end")
            assert app.query_one(LongTable).cursor_row == 999_999
            assert any(line.lstrip().startswith("r999999 ") for line in screen_text(app))

    run(go())


def test_a_click_moves_the_cursor_and_a_click_on_it_or_enter_selects():
    app = Holder(rows(30))

    async def go():
        async with app.run_test(size=(60, 12)) as pilot:
            await pilot.click(LongTable, offset=(2, 3))  # the third row under the header
            assert app.query_one(LongTable).cursor_row == 2 and ("selected", 2) not in app.said
            await pilot.click(LongTable, offset=(2, 3))
            assert app.said[-1] == ("selected", 2)
            await pilot.click(LongTable, offset=(2, 0))  # the header: nothing
            await pilot.press("down", "enter")
            assert app.said[-2:] == [("highlighted", 3), ("selected", 3)]
            table = app.query_one(LongTable)
            table.clear()
            await pilot.press("enter", "down")
            assert table.row_count == 0 and table.cursor_row == 0 and app.said[-1] == ("selected", 3)

    run(go())
