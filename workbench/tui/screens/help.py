"""Every key of the screen underneath and of the app, from their bindings."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.screen import ModalScreen, Screen
from textual.widgets import Markdown


def key_table(screen: Screen) -> str:
    """The screen's and the app's keys, then those of the widget in focus (moving, selecting), each by the
    name the footer shows ('?', '/', '^z'), never the binding's ('question_mark', 'slash', 'ctrl+z')."""
    ours, widget = [], []
    seen = set()
    for key, active in screen.active_bindings.items():
        binding = active.binding
        if not binding.description or (binding.action, key) in seen:
            continue
        seen.add((binding.action, key))
        row = f"| `{screen.app.get_key_display(binding.with_key(key))}` | {binding.description} |"
        (ours if active.node in (screen, screen.app) else widget).append(row)
    table = ["| toets | actie |", "| --- | --- |", *ours]
    if widget:
        table += ["", "Bewegen en selecteren (in de tekst of de lijst):", "", "| toets | actie |", "| --- | --- |",
                  *widget]
    return "\n".join(table)


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
