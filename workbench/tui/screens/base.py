"""What every workbench screen shares: the one guarded path for writes, noticing changes made
elsewhere, and a footer that fits its most used keys in 80 columns."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from textual.message import Message
from textual.screen import Screen
from textual.widgets import Footer
from textual.worker import Worker

from workbench.tui.keys import speak_keys
from workbench.tui.quitting import SkipMountWhenQuitting

if TYPE_CHECKING:
    from workbench.tui.app import WorkbenchApp


LINE = 200  # a list's text column: this wide, its text cut to it (fixed: an auto width came out 4 or 200 wide)


class KeyFooter(Footer):
    """The footer without the palette's hint (F1 names ctrl+p), so that a screen's most used keys, help and
    quit fit 80 columns; the others have show=False and are listed by F1."""

    def __init__(self) -> None:
        super().__init__(show_command_palette=False)


class StudyRead(Message):
    """What a screen's worker read, with the study's version read before it (pass it as the first argument:
    Python evaluates arguments in order, so what follows is at least this new)."""

    def __init__(self, version: int):
        super().__init__()
        self.version = version


class WorkbenchScreen(SkipMountWhenQuitting, Screen):
    if TYPE_CHECKING:  # the app every screen runs in: its study, coder and settings, typed
        @property
        def app(self) -> WorkbenchApp: ...

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        speak_keys(self)
        self.seen_version: int | None = None  # the study's version this screen last showed

    def on_worker_state_changed(self, event: Worker.StateChanged) -> None:
        self.app.on_worker_state_changed(event)  # worker messages do not bubble up to the app by themselves

    def write(self, call: Callable[[], Any], done: Callable[[Any], None] | None = None) -> None:
        """Change the study: call runs in a worker, after every write asked for before it; done gets its
        result on the UI thread. A refusal or conflict is one line to the coder, and the screen reloads."""
        self.app.write(call, done, failed=self.study_changed)

    def study_changed(self) -> None:
        """Show the study as it is now (another coder, the CLI or a second window may have changed it)."""

    def fresh(self, read: StudyRead) -> bool:
        """Whether to show what a worker read: not when it was read before a write this app has shown since
        (a slow read would undo it on screen); then the screen reads again."""
        if read.version < self.app.written_version:
            self.study_changed()
            return False
        return True

    def on_screen_resume(self) -> None:
        self.app.check_for_changes()
