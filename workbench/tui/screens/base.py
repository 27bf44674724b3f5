"""What every workbench screen shares: a failed worker is reported by the app (worker messages do not
bubble up to it by themselves)."""

from __future__ import annotations

from textual.screen import Screen
from textual.worker import Worker


class WorkbenchScreen(Screen):
    def on_worker_state_changed(self, event: Worker.StateChanged) -> None:
        self.app.on_worker_state_changed(event)
