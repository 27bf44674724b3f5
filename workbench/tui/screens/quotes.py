"""All coded segments of a code, filterable by programme and coder; open one in its transcript, or pick it as
a report quote (★: the Word report quotes it first)."""

from __future__ import annotations

from collections.abc import Callable

from rich.markup import escape
from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.widgets import Static

from workbench.core.dto import QuoteView
from workbench.errors import WorkbenchError
from workbench.i18n import N_, _
from workbench.services import codings, quotes
from workbench.transcripts.clock import format_clock
from workbench.tui.screens.base import LINE, KeyFooter, StudyRead, WorkbenchScreen
from workbench.tui.screens.dialogs import choose_filter
from workbench.tui.widgets.header import StudyHeader
from workbench.tui.widgets.long_table import LongTable


class QuotesScreen(WorkbenchScreen):
    """Quotes of one code"""

    NAME = N_("Quotes of one code")

    BINDINGS = [
        Binding("enter", "open", N_("Open in transcript"), id="open_quote", show=False),
        Binding("space", "pick", N_("Pick for report"), id="pick_quote"),
        Binding("p", "filter_programme", N_("Programme"), id="quotes_programme"),
        Binding("c", "filter_coder", N_("Coder"), id="quotes_coder"),
        Binding("escape", "back", N_("Back"), id="back"),
    ]

    class Loaded(StudyRead):
        def __init__(self, version: int, found: list[QuoteView], mask: Callable[[str], str]):
            super().__init__(version)
            self.found, self.mask = found, mask

    def __init__(self, code_path: str, programme: str | None = None, coders: list[str] | None = None,
                 reviewed: bool = False, consensus: bool = False):
        """coders: whose codings (None: everyone's, or only mine when coding blind); reviewed: only codings a
        person made or reviewed; consensus: only codings two coders agree on."""
        super().__init__()
        self.code_path, self.programme, self.coder, self.coders = code_path, programme, None, coders
        self.reviewed, self.consensus = reviewed, consensus
        self.found: list[QuoteView] | None = None  # their words as said: masked as they are drawn
        self.mask: Callable[[str], str] = str  # until the study's masking is read (nothing is drawn before)
        self.shown: list[QuoteView] = []
        self.asked: dict[str, bool] = {}  # guid -> picked, as the coder's last key asked

    def compose(self) -> ComposeResult:
        yield StudyHeader()
        yield LongTable(self._cells, id="quotes")
        yield Static("", id="quote")
        yield KeyFooter()

    def on_mount(self) -> None:
        table = self.query_one(LongTable)
        for label, width in (("★", 1), (_("respondent"), 10), (_("programme"), 18), (_("transcript"), 13),
                             (_("time"), 8), (_("coder"), 8), (_("quotation"), LINE)):
            table.add_column(label, width=width)
        self.load()

    @work(thread=True, exclusive=True, exit_on_error=False)
    def load(self) -> None:
        coders = self.app.counted_coders or self.coders
        try:
            version = self.app.db.version()  # before the read: a write between them makes the read stale
            found = quotes.quotes(self.app.db, self.code_path, coders=coders, reviewed=self.reviewed,
                                  consensus=self.consensus, passages=False, masked=False)  # the codings' words
            self.post_message(self.Loaded(version, found, quotes.masker(self.app.db)))
        except WorkbenchError as exc:  # the code is gone: merged, renamed or removed elsewhere
            self.app.call_from_thread(self._cannot_show, str(exc))

    def _cannot_show(self, reason: str) -> None:
        self.notify(_("These quotes are gone: {reason}").format(reason=reason), severity="warning")
        self.action_back()

    @on(Loaded)
    def _loaded(self, message: Loaded) -> None:
        if not self.fresh(message):
            return
        self.found, self.mask = message.found, message.mask
        self.asked = {guid: picked for guid, picked in self.asked.items()  # writes still on their way
                      if any(q.guid == guid and q.picked != picked for q in self.found)}
        self._fill()

    def _fill(self) -> None:
        self.shown = [q for q in self.found if (self.programme is None or self.programme in q.programmes)
                      and (self.coder is None or q.coder == self.coder)]
        table = self.query_one(LongTable)
        row = table.cursor_row
        table.clear()
        table.add_rows(self.shown)
        respondents = len({q.respondent for q in self.shown})
        filters = [f for f in (self.programme, self.coder and _("coder {coder}").format(coder=self.coder)) if f]
        self.sub_title = (f"{self.code_path} · " + _("{quotations} quotations of {respondents} respondents").format(
            quotations=len(self.shown), respondents=respondents)
                          + "".join(f" · {f}" for f in filters))
        table.focus()
        if self.shown:  # a reload (after a pick) keeps the coder's place
            table.move_cursor(row=min(row, len(self.shown) - 1))
        self._show_quote()

    @on(LongTable.RowHighlighted)
    def _show_quote(self) -> None:
        quote = self._current()
        self.query_one("#quote", Static).update(
            f"[b]{escape(quote.respondent)}[/b] · {escape(quote.transcript)}\n{escape(self.mask(quote.text))}" if quote
            else "")

    def _current(self) -> QuoteView | None:
        table = self.query_one(LongTable)
        return self.shown[table.cursor_row] if self.shown and 0 <= table.cursor_row < len(self.shown) else None

    @on(LongTable.RowSelected)
    def action_open(self) -> None:
        quote = self._current()
        if quote:
            self.app.open_transcript(quote.transcript, at=quote.start)

    def action_pick(self) -> None:
        """Pick the quote for the report, or unpick it: the opposite of what was last asked for it (keys in a
        burst each toggle the one before, not the list as it was loaded)."""
        quote = self._current()
        if quote:
            picked = self.asked[quote.guid] = not self.asked.get(quote.guid, quote.picked)
            self.write(
                lambda: codings.pick(self.app.db, self.app.coder, quote.guid, picked), lambda _result: self.load()
            )

    def _filter(self, title: str, values: set[str], attribute: str) -> None:
        def chosen(value: str | None) -> None:
            setattr(self, attribute, value)
            self._fill()

        choose_filter(self.app, title, values, chosen)

    def action_filter_programme(self) -> None:
        if self.found is not None:
            self._filter(_("Programme"), {p for q in self.found for p in q.programmes}, "programme")

    def study_changed(self) -> None:
        self.load()

    def action_filter_coder(self) -> None:
        if self.found is not None:
            self._filter(_("Coder"), {q.coder for q in self.found}, "coder")

    def action_back(self) -> None:
        if self.app.screen is self:
            self.app.pop_screen()

    def _cells(self, quote: QuoteView) -> tuple:
        """A quote's row in the list (★: picked for the report), its words masked as it is drawn."""
        return ("★" if quote.picked else "", quote.respondent, ", ".join(quote.programmes), quote.transcript,
                format_clock(quote.start_ms) if quote.start_ms is not None else "", quote.coder,
                " ".join(self.mask(quote.text).split())[:LINE])
