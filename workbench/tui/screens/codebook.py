"""The codebook: the code tree with counts; add, rename, move, merge, split, recolour, delete and code groups,
all confirmed."""

from __future__ import annotations

from collections.abc import Callable

from rich.markup import escape
from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal
from textual.screen import ModalScreen
from textual.widgets import DataTable, Static, Tree

from workbench.core.codes import PATH_SEPARATOR, join_path, normalise_colour, split_path
from workbench.core.dto import CodebookChangeView, CodeView
from workbench.core.patterns import Pattern
from workbench.errors import WorkbenchError
from workbench.i18n import N_, _
from workbench.services import codebook, frequencies
from workbench.tui.keys import speak_keys
from workbench.tui.page import code_colours
from workbench.tui.quitting import SkipMountWhenQuitting
from workbench.tui.screens.base import KeyFooter, StudyRead, WorkbenchScreen
from workbench.tui.screens.dialogs import ChoicePicker, CodePicker, Confirm, Picked, TextPrompt
from workbench.tui.screens.quotes import QuotesScreen
from workbench.tui.widgets.header import StudyHeader
from workbench.tui.widgets.plain_table import PlainTable

TOP = N_("(top level)")
ACTIONS = {"add": N_("added"), "update": N_("changed"), "rename": N_("renamed"), "move": N_("moved"),
           "merge": N_("merged"), "split": N_("split"), "delete": N_("deleted"), "group": N_("put in a code group"),
           "ungroup": N_("taken out of a code group")}
NEW_GROUP = "\0new"  # the choice that makes a code group (no group name holds a NUL)


def _label(code: CodeView, colour: str, totals: tuple[int, int]) -> str:
    respondents, quotations = totals
    return f"[{colour}]■[/] {escape(code.name)} [dim]({respondents} · {quotations})[/dim]"


class CodebookScreen(WorkbenchScreen):
    """Codebook: code tree with respondents and quotations"""

    NAME = N_("Codebook: code tree with respondents and quotations")

    BINDINGS = [
        Binding("a", "add", N_("New code"), id="add", show=False),
        Binding("r", "rename", N_("Rename"), id="rename"),
        Binding("v", "move", N_("Move"), id="move"),
        Binding("m", "merge", N_("Merge"), id="merge"),
        Binding("s", "split", N_("Split"), id="split", show=False),
        Binding("k", "recolour", N_("Colour"), id="recolour", show=False),
        Binding("d", "describe", N_("Description"), id="describe", show=False),
        Binding("g", "group", N_("Code group"), id="group", show=False),
        Binding("x,delete", "delete", N_("Delete"), id="delete", show=False),
        Binding("o", "quotes", N_("Quotes"), id="quotes"),
        Binding("h", "history", N_("History"), id="history", show=False),
        Binding("escape", "back", N_("Back"), id="back"),
    ]

    class Loaded(StudyRead):
        def __init__(self, version: int, codes: list[CodeView], totals: dict[str, tuple[int, int]],
                     groups: dict[str, list[str]]):
            super().__init__(version)
            self.codes, self.totals, self.groups = codes, totals, groups

    def __init__(self):
        super().__init__()
        self.codes: list[CodeView] = []
        self.totals: dict[str, tuple[int, int]] = {}
        self.groups: dict[str, list[str]] = {}  # code group -> its codes' paths
        self.select_path: str | None = None  # the code to show after a reload

    def compose(self) -> ComposeResult:
        yield StudyHeader()
        with Horizontal():
            yield Tree(_("Codebook"), id="codes")
            yield Static(_("Loading…"), id="side")
        yield KeyFooter()

    def on_mount(self) -> None:
        self.sub_title = _("coder {coder} · per code (respondents · quotations), with subcodes").format(
            coder=self.app.coder)
        self.query_one(Tree).show_root = False
        self.reload()

    @work(thread=True, exclusive=True, exit_on_error=False)
    def reload(self) -> None:
        coders = self.app.counted_coders
        self.post_message(self.Loaded(self.app.db.version(), codebook.show_codebook(self.app.db, coders),
                                      frequencies.code_totals(self.app.db, coders), codebook.code_groups(self.app.db)))

    @on(Loaded)
    def _loaded(self, message: Loaded) -> None:
        if not self.fresh(message):
            return
        self.codes, self.totals, self.groups = message.codes, message.totals, message.groups
        if not self.codes:
            self.query_one("#side", Static).update(_(
                "No codes yet.\n\nImport a codebook with i in the overview (.yaml or .qdc; shipped: "
                "codebook/interview-guide.yaml), or make a code while coding: t on a turn, then type a new name or a "
                "path ('Studenten > Heimwee')."))
        tree = self.query_one(Tree)
        selected = self.select_path or (self.current.path if self.current else None)
        tree.clear()
        colours = code_colours({c.path: c.colour for c in self.codes})
        parents = {0: tree.root}
        for code, after in zip(self.codes, [*self.codes[1:], None]):
            label = _label(code, colours[code.path], self.totals.get(code.path, (0, 0)))
            if after is not None and after.depth > code.depth:
                parents[code.depth + 1] = parents[code.depth].add(label, data=code, expand=True)
            else:
                parents[code.depth].add_leaf(label, data=code)
        tree.root.expand_all()
        self.call_after_refresh(self._select, selected)
        tree.focus()

    def _select(self, path: str | None) -> None:
        if not self.query(Tree):  # the screen closed before this ran
            return
        tree = self.query_one(Tree)
        tree.cursor_line = 0
        for line in range(tree.last_line + 1):
            node = tree.get_node_at_line(line)
            if node is not None and node.data and node.data.path == path:
                tree.move_cursor(node)
                break
        self.select_path = None
        self._side()

    @property
    def current(self) -> CodeView | None:
        node = self.query_one(Tree).cursor_node
        return node.data if node is not None else None

    @on(Tree.NodeHighlighted)
    def _side(self) -> None:
        code = self.current
        if code is None:
            return
        respondents, quotations = self.totals.get(code.path, (0, 0))
        lines = [f"[b]{escape(code.path)}[/b]", "", escape(code.description) or _("[dim]no description[/dim]"), "",
                 _("respondents: {n}").format(n=respondents), _("quotations: {n}").format(n=quotations),
                 _("own codings: {n}").format(n=code.codings),
                 _("colour: {colour}").format(colour=code.colour or _("the parent code's"))]
        if code.keywords:
            lines += ["", _("[b]keywords[/b]"), escape(", ".join(code.keywords))]
        if code.exclusions:
            lines += ["", _("[b]no hit in[/b]"), escape(", ".join(code.exclusions))]
        if groups := self._groups_of(code):
            lines += ["", _("[b]code groups[/b]"), escape(", ".join(groups))]
        if not code.codable:
            lines += ["", _("[dim]only groups codes[/dim]")]
        self.query_one("#side", Static).update("\n".join(lines))

    # ---------------------------------------------------------------- changes, each confirmed

    def _change(self, question: str, consequence: str, change: Callable[[], object], show: str | None = None) -> None:
        """Ask, then make the change in a worker and reload, showing the code at show (else the path change gave)."""
        def done(result: object) -> None:
            self.select_path = show if show is not None else result if isinstance(result, str) else None
            self.notify(_("Codebook updated; the change is in the history."))
            self.reload()

        self.app.push_screen(Confirm(question, consequence), lambda yes: yes and self.write(change, done))

    def _ask(self, title: str, value: str, check: Callable[[str], object], then: Callable[[str], None]) -> None:
        """A line of text, checked before anything is confirmed: what is wrong is said at once, and the prompt
        opens again with what was typed."""
        def typed(text: str | None) -> None:
            if not text:
                return
            try:
                check(text)
            except (ValueError, WorkbenchError) as exc:
                self.notify(str(exc), title=_("Not valid"), severity="error")
                self._ask(title, text, check, then)
                return
            then(text)

        self.app.push_screen(TextPrompt(title, value), typed)

    def study_changed(self) -> None:
        self.reload()

    def _with_code(self) -> CodeView | None:
        if self.current is None:
            self.notify(_("Choose a code first."))
        return self.current

    def _others(self, code: CodeView) -> list[str]:
        return [c.path for c in self.codes if c.path != code.path
                and not c.path.startswith(code.path + PATH_SEPARATOR)]

    def _groups_of(self, code: CodeView) -> list[str]:
        return [name for name, paths in self.groups.items() if code.path in paths]

    def action_add(self) -> None:
        """A new code beside the one under the cursor (the path can be changed: 'Parent > Name')."""
        code = self.current
        parent = code.path.rsplit(PATH_SEPARATOR, 1)[0] + PATH_SEPARATOR if code and code.depth else ""
        self._ask(_("Path of the new code"), parent, self._new_path,
                  lambda path: self._change(_("New code '{code}'?").format(code=path.strip()),
                                            _("Missing parents are made too."),
                                            lambda: codebook.add_code(self.app.db, path, self.app.coder)))

    def _new_path(self, path: str) -> None:
        """Said before anything is confirmed: a path that is taken or not a path."""
        wanted = join_path(split_path(path)).casefold()
        if any(c.path.casefold() == wanted for c in self.codes):
            raise WorkbenchError(_("code '{value}' already exists").format(value=path.strip()))

    def action_delete(self) -> None:
        code = self._with_code()
        if not code:
            return
        respondents, quotations = self.totals.get(code.path, (0, 0))
        if code.codings or quotations:
            self.notify(_("'{code}' has codings: merge it (m) into another code instead.").format(code=code.name),
                        severity="warning")
            return
        self._change(_("Delete the code '{code}'?").format(code=code.path),
                     _("It has no codings; its pending suggestions go with it. The history keeps it."),
                     lambda: codebook.delete_code(self.app.db, code.path, self.app.coder),
                     code.path.rsplit(PATH_SEPARATOR, 1)[0] if code.depth else None)

    def action_group(self) -> None:
        """Put the code in a code group (a new one, or one there is), or take it out of one it is in."""
        code = self._with_code()
        if not code:
            return
        holding = self._groups_of(code)
        choices = [(NEW_GROUP, _("+ new code group"))] + [
            (name, (_("✓ {group}  (take out)") if name in holding else "  {group}").format(group=name) +
             f"  · {len(paths)}") for name, paths in self.groups.items()]

        def chosen(name: str | None) -> None:
            if name == NEW_GROUP:
                self._ask(_("Name of the new code group"), "", self._new_group, lambda typed: self._into(code, typed))
            elif name in holding:
                self._change(_("Take '{code}' out of the code group '{group}'?").format(code=code.name, group=name),
                             _("A group left empty goes."),
                             lambda: codebook.remove_from_code_group(self.app.db, name, [code.path], self.app.coder),
                             code.path)
            elif name:
                self._into(code, name)

        self.app.push_screen(ChoicePicker(_("Code group for {code}").format(code=code.path), choices), chosen)

    def _new_group(self, name: str) -> None:
        if name.strip() in self.groups:
            raise WorkbenchError(_("the code group '{group}' exists: choose it in the list").format(group=name.strip()))

    def _into(self, code: CodeView, group: str) -> None:
        self._change(_("Put '{code}' in the code group '{group}'?").format(code=code.name, group=group.strip()),
                     _("A code group holds codes from anywhere in the tree; the code stays where it is."),
                     lambda: codebook.add_to_code_group(self.app.db, group, [code.path], self.app.coder), code.path)

    def action_rename(self) -> None:
        code = self._with_code()
        if code:
            self.app.push_screen(TextPrompt(_("New name for {code}").format(code=code.path), code.name),
                                 lambda name: name and self._change(
                _("Rename '{code}' to '{name}'?").format(code=code.name, name=name),
                _("Every coding stays with the code."),
                lambda: codebook.rename_code(self.app.db, code.path, name, self.app.coder)))

    def action_move(self) -> None:
        code = self._with_code()
        if not code:
            return

        def to(picked: Picked | None) -> None:
            if picked and not picked.create:
                parent = None if picked.path == _(TOP) else picked.path
                self._change(_("Move '{code}' to {where}?").format(code=code.name, where=picked.path),
                             _("The code takes its subcodes and codings along."),
                             lambda: codebook.move_code(self.app.db, code.path, parent, self.app.coder))

        self.app.push_screen(CodePicker([_(TOP), *self._others(code)], [],
                                        _("Move {code} to").format(code=code.path)), to)

    def action_merge(self) -> None:
        code = self._with_code()
        if not code:
            return

        def into(picked: Picked | None) -> None:
            if picked and not picked.create:
                respondents, quotations = self.totals.get(code.path, (0, 0))
                self._change(_("Merge '{code}' with '{other}'?").format(code=code.path, other=picked.path),
                             _("{quotations} quotations of {respondents} respondents go to '{other}'; '{code}' goes "
                               "away.").format(quotations=quotations, respondents=respondents, other=picked.path,
                                               code=code.name),
                             lambda: codebook.merge_codes(self.app.db, code.path, picked.path, self.app.coder),
                             picked.path)

        self.app.push_screen(CodePicker(self._others(code), [], _("Merge {code} with").format(code=code.path)), into)

    def action_split(self) -> None:
        code = self._with_code()
        if not code:
            return

        def with_pattern(new_path: str, pattern: str | None) -> None:
            if pattern:
                self._change(_("Move the quotations of '{code}' that contain '{pattern}' to '{new}'?").format(
                                 code=code.name, pattern=pattern, new=new_path),
                             _("The other codings stay; the new code is made if needed."),
                             lambda: codebook.split_code(self.app.db, code.path, new_path, self.app.coder,
                                                         pattern=pattern), new_path)

        self.app.push_screen(
            TextPrompt(_("Split {code}: path of the new code").format(code=code.path), code.path + PATH_SEPARATOR),
            lambda new_path: new_path and self._ask(_("Which quotations go along? (regular expression)"), "", Pattern,
                                                    lambda pattern: with_pattern(new_path.strip(), pattern)))

    def action_recolour(self) -> None:
        code = self._with_code()
        if code:
            self._ask(_("Colour for {code} (#rrggbb)").format(code=code.path), code.colour or "", normalise_colour,
                      lambda colour: self._change(_("Give '{code}' the colour {colour}?").format(
                          code=code.name, colour=colour), "",
                                                  lambda: codebook.update_code(self.app.db, code.path, self.app.coder,
                                                                               colour=colour), code.path))

    def action_describe(self) -> None:
        code = self._with_code()
        if code:
            self.app.push_screen(TextPrompt(_("Description of {code}").format(code=code.path), code.description),
                                 lambda text: text is not None and self._change(
                                     _("Replace the description of '{code}'?").format(code=code.name), "",
                                     lambda: codebook.update_code(self.app.db, code.path, self.app.coder,
                                                                  description=text), code.path))

    def action_quotes(self) -> None:
        code = self._with_code()
        if code:
            self.app.push_screen(QuotesScreen(code.path))

    @work(thread=True, exclusive=True, exit_on_error=False, group="history")
    def action_history(self) -> None:
        changes = codebook.history(self.app.db)
        self.app.call_from_thread(self.app.push_screen, HistoryScreen(changes))

    def action_back(self) -> None:
        self.app.pop_screen()


class HistoryScreen(SkipMountWhenQuitting, ModalScreen[None]):
    """Every change to the codebook: when, who, what."""

    BINDINGS = [Binding("escape,q,h", "dismiss", N_("Close"))]

    def __init__(self, changes: list[CodebookChangeView]):
        super().__init__()
        speak_keys(self)
        self.changes = changes

    def compose(self) -> ComposeResult:
        yield PlainTable(classes="dialog wide", cursor_type="row", zebra_stripes=True)

    def on_mount(self) -> None:
        table = self.query_one(DataTable)
        table.add_columns(_("when"), _("who"), _("what"), _("details"))
        for change in reversed(self.changes):
            detail = ", ".join(f"{k}={v}" for k, v in change.detail.items() if not k.endswith("guid"))
            table.add_row(f"{change.at:%Y-%m-%d %H:%M}", change.coder,
                          _(ACTIONS[change.action]) if change.action in ACTIONS else change.action, detail)
        table.focus()
