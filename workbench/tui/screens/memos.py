"""Memos as notes: an editor of several lines, and one list of every memo of the study that opens where each
belongs."""

from __future__ import annotations

from rich.markup import escape
from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import DataTable, Label, Static, TextArea

from workbench.core.dto import MemoView
from workbench.i18n import N_, _
from workbench.services import memos
from workbench.transcripts.clock import format_clock
from workbench.tui.screens.base import LINE, KeyFooter, StudyRead, WorkbenchScreen
from workbench.tui.screens.dialogs import Confirm, choose_filter, title_label
from workbench.tui.typeahead import TypeAhead
from workbench.tui.widgets.header import StudyHeader
from workbench.tui.widgets.plain_table import PlainTable

KINDS = {"coding": N_("coding"), "turn": N_("turn"), "transcript": N_("transcript"), "study": N_("study")}


class MemoEditor(TypeAhead, ModalScreen[str | None]):
    """A memo of several lines: Enter starts a new line, ctrl+s saves; Escape leaves, asking first when something
    was typed (what a coder wrote is never dropped by one key)."""

    BINDINGS = [Binding("ctrl+s", "save", N_("Save"), priority=True),
                Binding("escape", "cancel", N_("Cancel"), priority=True)]

    def __init__(self, title: str, memo: str = ""):
        super().__init__()
        self.title_text, self.memo = title, memo

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog memo"):
            yield title_label(self.title_text)
            yield TextArea(self.memo, id="memo", soft_wrap=True, show_line_numbers=False, tab_behavior="focus")
            yield Label(_("Enter: new line · ctrl+s: save · Esc: cancel"), classes="dialog-hint")

    @property
    def area(self) -> TextArea:
        return self.query_one("#memo", TextArea)

    def prepare(self) -> None:
        self.area.focus()
        self.area.move_cursor(self.area.document.end)  # typing adds to what is there

    def take_key(self, key) -> bool:
        """Keys typed before the editor was ready, as the editor takes them."""
        if key.key == "escape":
            self.action_cancel()
        elif key.key == "ctrl+s":
            self.action_save()
        elif key.key == "enter":
            self.area.insert("\n")
        elif key.key == "backspace":
            self.area.action_delete_left()
        elif key.is_printable:
            self.area.insert(key.character or "")
        else:
            return False
        return True

    def action_save(self) -> None:
        self.dismiss(self.area.text.strip())

    def action_cancel(self) -> None:
        if self.area.text.strip() == self.memo.strip():
            self.dismiss(None)
            return
        def answered(yes: bool | None) -> None:  # returns nothing: an awaitable returned here would be awaited
            if yes:  # in this screen's own handler, which Textual refuses for dismiss
                self.dismiss(None)

        self.app.push_screen(Confirm(_("Leave the memo without saving?"), _("What you typed here is not saved.")),
                             answered)


def _where(memo: MemoView) -> str:
    """Where a memo stands in its transcript: its turn and time."""
    if memo.turn is None:
        return ""
    return _("turn {index}").format(index=memo.turn) + (f" {format_clock(memo.start_ms)}"
                                                        if memo.start_ms is not None else "")


class MemosScreen(WorkbenchScreen):
    """Every memo of the study"""

    NAME = N_("Every memo of the study")

    BINDINGS = [
        Binding("enter", "open", N_("Open where it belongs"), id="open_memo", show=False),
        Binding("c", "filter('coder')", N_("Coder"), id="memos_coder"),
        Binding("k", "filter('code_path')", N_("Code"), id="memos_code"),
        Binding("t", "filter('transcript')", N_("Transcript"), id="memos_transcript"),
        Binding("escape", "back", N_("Back"), id="back"),
    ]

    class Loaded(StudyRead):
        def __init__(self, version: int, found: list[MemoView]):
            super().__init__(version)
            self.found = found

    def __init__(self):
        super().__init__()
        self.found: list[MemoView] | None = None
        self.shown: list[MemoView] = []
        self.filters: dict[str, str] = {}  # MemoView attribute -> the value shown

    def compose(self) -> ComposeResult:
        yield StudyHeader()
        yield PlainTable(id="memos", cursor_type="row", zebra_stripes=True)
        yield Static("", id="memo-text")
        yield KeyFooter()

    def on_mount(self) -> None:
        table = self.query_one(DataTable)
        for label, width in ((_("memo on"), 10), (_("transcript"), 13), (_("where"), 16), (_("code"), 22),
                             (_("coder"), 8), (_("memo"), LINE)):
            table.add_column(label, width=width)
        self.load()

    @work(thread=True, exclusive=True, exit_on_error=False)
    def load(self) -> None:
        self.post_message(self.Loaded(self.app.db.version(), memos.all_memos(self.app.db)))

    def study_changed(self) -> None:
        self.load()

    @on(Loaded)
    def _loaded(self, message: Loaded) -> None:
        if self.fresh(message):
            self.found = message.found
            self._fill()

    def _fill(self) -> None:
        self.shown = [m for m in self.found or [] if all(getattr(m, k) == v for k, v in self.filters.items())]
        table = self.query_one(DataTable)
        row = table.cursor_row
        table.clear()
        table.add_rows([(_(KINDS[m.kind]), m.transcript or "", _where(m), (m.code_path or "").rsplit(" > ", 1)[-1],
                         m.coder or "", " ⏎ ".join(line for line in (m.title, *m.text.splitlines()) if line)[:LINE])
                        for m in self.shown])
        self.sub_title = _("{n} memos").format(n=len(self.shown)) + "".join(f" · {v}" for v in self.filters.values())
        table.focus()
        if self.shown:
            table.move_cursor(row=min(row, len(self.shown) - 1))
        self._show_memo()

    def _current(self) -> MemoView | None:
        row = self.query_one(DataTable).cursor_row
        return self.shown[row] if 0 <= row < len(self.shown) else None

    @on(DataTable.RowHighlighted)
    def _show_memo(self) -> None:
        memo = self._current()
        head = memo and " · ".join(escape(part) for part in (memo.title or memo.transcript, _where(memo),
                                                               memo.code_path, memo.coder) if part)
        self.query_one("#memo-text", Static).update(f"[b]{head}[/b]\n{escape(memo.text)}" if memo else
                                                    _("No memos yet: m writes one on a coding or turn, M on a "
                                                      "transcript."))

    @on(DataTable.RowSelected)
    def action_open(self) -> None:
        memo = self._current()
        if memo and memo.transcript is not None:
            self.app.open_transcript(memo.transcript, at=memo.at)
        elif memo:
            self.notify(_("A memo of the study itself: it is shown whole below."))

    def action_filter(self, attribute: str) -> None:
        if self.found is None:
            return

        def chosen(value: str | None) -> None:
            self.filters.pop(attribute, None)
            if value is not None:
                self.filters[attribute] = value
            self._fill()

        titles = {"coder": _("Coder"), "code_path": _("Code"), "transcript": _("Transcript")}
        choose_filter(self.app, titles[attribute], {getattr(m, attribute) for m in self.found} - {None}, chosen)

    def action_back(self) -> None:
        if self.app.screen is self:
            self.app.pop_screen()
