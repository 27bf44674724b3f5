"""Every key of the screen underneath and of the app, from their bindings."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.screen import ModalScreen, Screen
from textual.widgets import Markdown

from workbench.i18n import N_, _
from workbench.tui.keys import speak_keys

EDITING = {"delete_left", "delete_word_left", "delete_right", "delete_word_right", "cut", "paste",
           "delete_to_start_of_line", "delete_to_end_of_line_or_delete_line", "delete_line", "undo", "redo"}


def key_table(screen: Screen) -> str:
    """The keys that do something on the screen: its and the app's, then those of the widget in focus (moving,
    selecting; not a read-only text's editing keys), each by the name the footer shows ('?', '/', '^z'), never
    the binding's ('question_mark', 'slash', 'ctrl+z')."""
    ours, widget = [], []
    seen = set()
    for key, active in screen.active_bindings.items():
        binding = active.binding
        if not binding.description or (binding.action, key) in seen or not active.enabled:
            continue
        if getattr(active.node, "read_only", False) and binding.action.split("(")[0] in EDITING:
            continue
        seen.add((binding.action, key))
        row = f"| `{screen.app.get_key_display(binding.with_key(key))}` | {_(binding.description)} |"
        (ours if active.node in (screen, screen.app) else widget).append(row)
    head = ["| " + _("key") + " | " + _("action") + " |", "| --- | --- |"]
    table = [*head, *ours]
    if widget:
        table += ["", _("Moving and selecting (in the text or the list):"), "", *head, *widget]
    return "\n".join(table)


class HelpScreen(ModalScreen[None]):
    BINDINGS = [Binding("escape,q,f1,question_mark", "dismiss", N_("Close"))]

    def __init__(self, underneath: Screen):
        super().__init__()
        speak_keys(self)
        self.underneath = underneath

    def compose(self) -> ComposeResult:
        name = getattr(self.underneath, "NAME", None)  # never _(""): that is the catalogue's header
        name = _(name) if name else self.underneath.__class__.__name__
        text = (_("# Keys: {screen}").format(screen=name) + f"\n\n{key_table(self.underneath)}\n\n"
                + _("Every action is in the command palette too (`ctrl+p`). Keys can be changed in "
                    "`~/.config/workbench/config.toml` (`[keys]`, with an action's id)."))
        with VerticalScroll(classes="dialog wide"):
            yield Markdown(text)
