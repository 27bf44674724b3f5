"""Every key of the screen underneath and of the app, from their bindings."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.screen import ModalScreen, Screen
from textual.widgets import Markdown


def key_table(screen: Screen) -> str:
    rows = ["| toets | actie |", "| --- | --- |"]
    seen = set()
    for key, active in screen.active_bindings.items():
        binding = active.binding
        if active.node not in (screen, screen.app):
            continue  # a focused widget's own keys (arrows, enter) are not workbench actions
        if binding.description and (binding.action, key) not in seen:
            seen.add((binding.action, key))
            rows.append(f"| `{binding.key_display or key}` | {binding.description} |")
    return "\n".join(rows)


class HelpScreen(ModalScreen[None]):
    BINDINGS = [Binding("escape,q,f1,question_mark", "dismiss", "Close")]

    def __init__(self, underneath: Screen):
        super().__init__()
        self.underneath = underneath

    def compose(self) -> ComposeResult:
        text = (f"# Toetsen: {self.underneath.__class__.__doc__ or ''}\n\n{key_table(self.underneath)}\n\n"
                "Alle acties staan ook in het commandopalet (`ctrl+p`). Toetsen zijn aan te passen in "
                "`~/.config/workbench/config.toml` (`[keys]`, met de id van een actie).")
        with VerticalScroll(classes="dialog wide"):
            yield Markdown(text)
