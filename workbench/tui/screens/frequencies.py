"""Code x programme: how many respondents (institutions, quotations) per code; drill down to quotes."""

from __future__ import annotations

from rich.text import Text
from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.widgets import DataTable, Static

from workbench.core.counting import TOTAL
from workbench.core.dto import FrequencyReport
from workbench.i18n import N_, _
from workbench.services import frequencies
from workbench.tui.screens.base import KeyFooter, StudyRead, WorkbenchScreen
from workbench.tui.screens.dialogs import ChoicePicker
from workbench.tui.screens.quotes import QuotesScreen
from workbench.tui.widgets.header import StudyHeader
from workbench.tui.widgets.plain_table import PlainTable

UNITS = ("respondent", "institution", "quotation")
UNIT_NAMES = {"respondent": N_("respondents"), "institution": N_("institutions"), "quotation": N_("quotations")}
BLOCKS = " ▏▎▍▌▋▊▉█"
BAR = 16
WIDE = 100  # columns from which the bars are BAR long


def bar(count: int, largest: int, width: int = BAR) -> str:
    """A horizontal bar in eighths of a character, count relative to largest."""
    eighths = round(8 * width * count / largest) if largest else 0
    full, part = divmod(eighths, 8)
    return ("█" * full + (BLOCKS[part] if part else "")).ljust(width)


class FrequenciesScreen(WorkbenchScreen):
    """Frequencies: code x programme"""

    NAME = N_("Frequencies: code x programme")

    BINDINGS = [
        Binding("u", "next_unit", N_("Unit"), id="next_unit"),
        Binding("c", "choose_coders", N_("Coders"), id="frequency_coders"),
        Binding("r", "toggle_reviewed", N_("Only reviewed codings"), id="frequency_reviewed", show=False),
        Binding("a", "toggle_consensus", N_("Only codings two coders agree on"), id="frequency_consensus",
                show=False),
        Binding("enter", "drill_down", N_("Quotes"), id="drill_down", show=False),
        Binding("escape", "back", N_("Back"), id="back"),
    ]

    class Loaded(StudyRead):
        def __init__(self, version: int, report: FrequencyReport, coders: list[str], asked: tuple):
            super().__init__(version)
            self.report, self.coders, self.asked = report, coders, asked

    def __init__(self, unit: str = "respondent"):
        super().__init__()
        self.unit = unit
        self.coders: list[str] | None = None  # whose codings are counted (None: everyone's)
        self.reviewed = False  # only codings a person made or reviewed
        self.consensus = False  # only codings another coder's coding of the same code overlaps
        self.report: FrequencyReport | None = None
        self.paths: list[str] = []
        self.study_coders: list[str] = []  # the coders c offers, read with the report

    def compose(self) -> ComposeResult:
        yield StudyHeader()
        yield PlainTable(id="frequencies", cursor_type="cell", zebra_stripes=True, fixed_columns=2,
                         header_height=2)
        yield Static("", id="provenance")
        yield KeyFooter()

    def on_mount(self) -> None:
        self.coders = self.app.counted_coders
        self.load()

    def study_changed(self) -> None:
        self.load()

    @work(thread=True, exclusive=True, exit_on_error=False)
    def load(self) -> None:
        from workbench.services import codings

        unit, coders, reviewed, consensus = asked = self.asked()
        self.post_message(self.Loaded(self.app.db.version(), frequencies.frequencies(
            self.app.db, unit, "programme", coders and list(coders), reviewed=reviewed, consensus=consensus),
            codings.coders(self.app.db), asked))

    def asked(self) -> tuple:
        """What the counts are to be of: unit, coders, reviewed only, consensus only (as the last key left it)."""
        return self.unit, self.coders and tuple(self.coders), self.reviewed, self.consensus

    @on(Loaded)
    def _loaded(self, message: Loaded) -> None:
        if message.asked != self.asked():  # keys in a burst: a load begun before the last key; its own load follows
            return
        if not self.fresh(message):
            return
        self.report = report = message.report
        self.study_coders = message.coders
        table = self.query_one(DataTable)
        table.clear(columns=True)
        rows = [row for row in report.rows if row.group == TOTAL]
        names = [Text("  " * row.depth + row.code) for row in rows]
        length = BAR if self.size.width >= WIDE else BAR // 2  # a shorter bar leaves a programme in view
        room = max(34, self.size.width - (length + 5) - 8)  # the code and total columns stay (fixed) in view
        table.add_column(_("code"), key="code", width=min(room, max([4, *(n.cell_len for n in names)])))
        table.add_column(_("total") + f"\nN={report.sizes.get(TOTAL, 0)}", key=TOTAL, width=length + 5)
        for group in report.groups:  # a programme as written, its size under it: the name is read whole
            size = f"N={report.sizes[group]}"
            table.add_column(Text(f"{group}\n{size}"), key=group, width=max(4, len(group), len(size)))
        cells = {(row.path, row.group): row.count for row in report.rows}
        largest = max((row.count for row in rows), default=0)
        self.paths = [row.path for row in rows]
        table.add_rows([(name, f"{bar(row.count, largest, length)}{row.count:>4}",
                         *(Text(str(cells.get((row.path, g)) or ""), justify="right") for g in report.groups))
                        for name, row in zip(names, rows)])
        self.sub_title = " · ".join((_("unit: {unit} (u switches)").format(unit=_(UNIT_NAMES[report.unit])),
                                     *report.notes))
        switches = (_("r: every coding") if self.reviewed else _("r: only reviewed codings"),
                    _("a: with or without agreement") if self.consensus else _("a: only codings two coders agree on"))
        self.query_one("#provenance", Static).update(f"{report.provenance.text} [dim]({'; '.join(switches)})[/]")
        table.focus()

    def action_next_unit(self) -> None:
        self.unit = UNITS[(UNITS.index(self.unit) + 1) % len(UNITS)]
        self.load()

    def action_toggle_reviewed(self) -> None:
        """Count only codings a person made or reviewed (confirmed autocodes), or every coding again."""
        self.reviewed = not self.reviewed
        self.load()

    def action_toggle_consensus(self) -> None:
        """Count only codings two coders agree on (another coder's coding of the code overlaps), or all again."""
        self.consensus = not self.consensus
        self.load()

    def action_choose_coders(self) -> None:
        """Count every coder's codings together, or one coder's (not while coding blind)."""
        if self.app.settings.blind:
            self.notify(_("Coding blind: only your own codings count here."))
            return

        def chosen(key: str | None) -> None:
            if key is not None:
                self.coders = None if key == "*" else [key]
                self.load()

        self.app.push_screen(ChoicePicker(_("Whose codings count?"), [("*", _("every coder together"))] + [
            (name, name) for name in self.study_coders]), chosen)

    def cell(self) -> tuple[str, str | None] | None:
        """The code path and programme (None: all) under the cursor."""
        table = self.query_one(DataTable)
        if not self.paths:
            return None
        row, column = table.cursor_coordinate
        group = self.report.groups[column - 2] if column >= 2 else None
        return self.paths[row], group

    @on(DataTable.CellSelected)
    def action_drill_down(self) -> None:
        chosen = self.cell()
        if chosen:
            self.app.push_screen(QuotesScreen(*chosen, coders=self.coders, reviewed=self.reviewed,
                                              consensus=self.consensus))

    def action_back(self) -> None:
        self.app.pop_screen()
