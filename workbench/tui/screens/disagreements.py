"""Where coders disagree: unit, code, who coded it and who did not; open the unit to settle it."""

from __future__ import annotations

from contextlib import closing

from rich.markup import escape
from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.widgets import Static
from textual.worker import get_current_worker

from workbench.core.dto import Disagreement
from workbench.i18n import N_, _, ngettext
from workbench.services import agreement
from workbench.tui.screens.base import LINE, KeyFooter, StudyRead, WorkbenchScreen
from workbench.tui.widgets.header import StudyHeader
from workbench.tui.widgets.long_table import LongTable


class DisagreementsScreen(WorkbenchScreen):
    """Disagreements between coders"""

    NAME = N_("Disagreements between coders")

    BINDINGS = [
        Binding("enter", "open", N_("Open to settle"), id="open_disagreement", show=False),
        Binding("r", "reload", N_("Reload"), id="reload_disagreements"),
        Binding("escape", "back", N_("Back"), id="back"),
    ]

    class Found(StudyRead):
        """Disagreements as the worker found them, in list order; the first batch of a reading starts the list."""

        def __init__(self, version: int, reading: int, found: list[Disagreement], first: bool):
            super().__init__(version)
            self.reading, self.found, self.first = reading, found, first

    class Loaded(StudyRead):
        """The reading is done: the agreement over all codes, for the title."""

        def __init__(self, version: int, reading: int, summary: str):
            super().__init__(version)
            self.reading, self.summary = reading, summary

    # rows in the first batch (shown at once), then at least BATCH a batch, each as many as all before it: a
    # million rows come in about twenty messages
    FIRST, BATCH = 200, 20_000

    def __init__(self, coders: list[str]):
        super().__init__()
        self.coders = coders
        self.found: list[Disagreement] | None = None
        self.reading = 0  # the reading whose batches are shown (a reload's worker outdates the one before)
        self.wanted: int | None = None  # the row to put the cursor back on when the list has it again
        self.done = False  # the reading shown is whole (its figures in the title)

    def compose(self) -> ComposeResult:
        yield StudyHeader()
        yield LongTable(_cells, id="disagreements")
        yield Static("", id="quote")
        yield KeyFooter()

    def on_mount(self) -> None:
        table = self.query_one(LongTable)
        for label, width in ((_("transcript"), 13), (_("turn"), 5), (_("code"), 34), (_("coded by"), 12),
                             (_("not by"), 12), (_("text"), LINE)):
            table.add_column(label, width=width)
        self.action_reload()

    def on_screen_resume(self) -> None:
        if self.found is not None:  # back from settling one
            self.action_reload()

    def study_changed(self) -> None:
        self.action_reload()

    def action_reload(self) -> None:
        self.reading, self.done = self.reading + 1, False
        self._read(self.reading)

    @work(thread=True, exclusive=True, exit_on_error=False)
    def _read(self, reading: int) -> None:
        """The disagreements a batch at a time as they are found (the first rows of a million at once), then
        the figures from the same reading."""
        version = self.app.db.version()  # read first: what follows is at least this new
        comparison = agreement.Comparison(self.app.db, self.coders)
        batch: list[Disagreement] = []
        size, sent = self.FIRST, 0
        with closing(comparison.disagreements()) as found_one_by_one:  # a reading given up ends its read at once
            for found in found_one_by_one:
                batch.append(found)
                if len(batch) == size:
                    if get_current_worker().is_cancelled:
                        return
                    self.post_message(self.Found(version, reading, batch, not sent))
                    sent += len(batch)
                    batch, size = [], max(self.BATCH, sent)
        if get_current_worker().is_cancelled:
            return
        self.post_message(self.Found(version, reading, batch, not sent))
        overall = comparison.figures()[-1]
        summary = (f"{', '.join(self.coders)} · alpha {round(overall.alpha, 2) + 0.0:.2f}" if overall.alpha is not None
                   else ", ".join(self.coders))
        self.post_message(self.Loaded(version, reading, summary))

    @on(Found)
    def _found(self, message: Found) -> None:
        if message.reading != self.reading:
            return
        table = self.query_one(LongTable)
        if message.first:
            if not self.fresh(message):
                return
            if self.wanted is None:  # else a reading replaced before it got there: its row still wanted
                self.wanted = table.cursor_row
            self.found = []
            table.clear()
        assert self.found is not None
        self.found.extend(message.found)
        table.add_rows(message.found)
        if self.wanted is not None and self.wanted < len(self.found):
            table.move_cursor(row=self.wanted)
            self.wanted = None
        self._count(_("reading…"))
        if message.first:
            table.focus()
            self._show()

    @on(Loaded)
    def _loaded(self, message: Loaded) -> None:
        if message.reading != self.reading:
            return
        if self.wanted is not None and self.found:  # the row it was on is gone: the last one
            self.query_one(LongTable).move_cursor(row=len(self.found) - 1)
        self.wanted, self.done = None, True
        self._count(message.summary)
        self._show()

    def _count(self, said: str) -> None:
        differences = ngettext("{n} difference", "{n} differences", len(self.found or ()))
        self.sub_title = f"{said} · " + differences.format(n=len(self.found or ()))

    @on(LongTable.RowHighlighted)
    def _show(self) -> None:
        chosen = self._current()
        self.query_one("#quote", Static).update(
            f"[b]{escape(chosen.code_path)}[/b]\n{escape(chosen.text)}" if chosen else _("No differences."))

    def _current(self) -> Disagreement | None:
        table = self.query_one(LongTable)
        return self.found[table.cursor_row] if self.found and 0 <= table.cursor_row < len(self.found) else None

    @on(LongTable.RowSelected)
    def action_open(self) -> None:
        chosen = self._current()
        if chosen:
            self.app.open_transcript(chosen.transcript, at=chosen.start, settling=True)

    def action_back(self) -> None:
        self.app.pop_screen()


def _cells(found: Disagreement) -> tuple:
    """A disagreement's row in the list."""
    return (found.transcript, found.turn, found.code_path.split(" > ")[-1], ", ".join(found.coded_by),
            ", ".join(found.not_coded_by), " ".join(found.text.split())[:LINE])
