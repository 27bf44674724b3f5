"""Screens opened as the app quits: Textual keeps them on the stack but never mounts their widgets."""

from textual import events


class SkipMountWhenQuitting:
    """A screen or dialog whose on_mount sets up its widgets: skipped once the app is quitting (a key typed in
    the same burst as Quit opens it), since those widgets are not there and never will be."""

    async def on_event(self, event: events.Event) -> None:
        if isinstance(event, events.Mount) and self.app.return_code is not None:  # type: ignore[attr-defined]
            return
        await super().on_event(event)  # type: ignore[misc]
