"""Where coders disagree: unit, code, who coded it and who did not; open the unit to settle it."""

from __future__ import annotations

from rich.markup import escape
from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.widgets import DataTable, Static

from workbench.core.dto import Disagreement
from workbench.i18n import N_, _, ngettext
from workbench.services import agreement
from workbench.tui.screens.base import LINE, KeyFooter, StudyRead, WorkbenchScreen
from workbench.tui.widgets.header import StudyHeader
from workbench.tui.widgets.plain_table import PlainTable


class DisagreementsScreen(WorkbenchScreen):
    """Disagreements between coders"""

    NAME = N_("Disagreements between coders")

    BINDINGS = [
        Binding("enter", "open", N_("Open to settle"), id="open_disagreement", show=False),
        Binding("r", "reload", N_("Reload"), id="reload_disagreements"),
        Binding("escape", "back", N_("Back"), id="back"),
    ]

    class Loaded(StudyRead):
        def __init__(self, version: int, found: list[Disagreement], summary: str):
            super().__init__(version)
            self.found, self.summary = found, summary

    def __init__(self, coders: list[str]):
        super().__init__()
        self.coders = coders
        self.found: list[Disagreement] | None = None

    def compose(self) -> ComposeResult:
        yield StudyHeader()
        yield PlainTable(id="disagreements", cursor_type="row", zebra_stripes=True)
        yield Static("", id="quote")
        yield KeyFooter()

    def on_mount(self) -> None:
        table = self.query_one(DataTable)
        for label, width in ((_("transcript"), 13), (_("turn"), 5), (_("code"), 34), (_("coded by"), 12),
                             (_("not by"), 12), (_("text"), LINE)):
            table.add_column(label, width=width)
        self.action_reload()

    def on_screen_resume(self) -> None:
        if self.found is not None:  # back from settling one
            self.action_reload()

    def study_changed(self) -> None:
        self.action_reload()

    @work(thread=True, exclusive=True, exit_on_error=False)
    def action_reload(self) -> None:
        version = self.app.db.version()  # read first: what follows is at least this new
        figures, found = agreement.compare(self.app.db, self.coders)
        overall = figures[-1]
        summary = (f"{', '.join(self.coders)} · alpha {round(overall.alpha, 2) + 0.0:.2f}" if overall.alpha is not None
                   else ", ".join(self.coders))
        self.post_message(self.Loaded(version, found, summary))

    @on(Loaded)
    def _loaded(self, message: Loaded) -> None:
        if not self.fresh(message):
            return
        self.found = message.found
        table = self.query_one(DataTable)
        row = table.cursor_row
        table.clear()
        table.add_rows([(d.transcript, d.turn, d.code_path.split(" > ")[-1], ", ".join(d.coded_by),
                         ", ".join(d.not_coded_by), " ".join(d.text.split())[:LINE]) for d in self.found])
        table.move_cursor(row=min(row, max(len(self.found) - 1, 0)))
        differences = ngettext("{n} difference", "{n} differences", len(self.found))
        self.sub_title = f"{message.summary} · " + differences.format(
            n=len(self.found))
        table.focus()
        self._show()

    @on(DataTable.RowHighlighted)
    def _show(self) -> None:
        chosen = self._current()
        self.query_one("#quote", Static).update(
            f"[b]{escape(chosen.code_path)}[/b]\n{escape(chosen.text)}" if chosen else _("No differences."))

    def _current(self) -> Disagreement | None:
        table = self.query_one(DataTable)
        return self.found[table.cursor_row] if self.found and 0 <= table.cursor_row < len(self.found) else None

    @on(DataTable.RowSelected)
    def action_open(self) -> None:
        chosen = self._current()
        if chosen:
            self.app.open_transcript(chosen.transcript, at=chosen.start, settling=True)

    def action_back(self) -> None:
        self.app.pop_screen()
