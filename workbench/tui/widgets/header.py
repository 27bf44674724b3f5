"""Textual's header, guarded: a title change that lands while its screen is being taken down (the
header's parts already gone) is dropped instead of ending the app (Textual 8.2 catches NoScreen there
but not NoMatches; found by tests/tui/test_monkey.py)."""

from __future__ import annotations

from textual.css.query import NoMatches
from textual.dom import NoScreen
from textual.events import Mount
from textual.widgets import Header
from textual.widgets._header import HeaderTitle


class StudyHeader(Header):
    def _on_mount(self, event: Mount) -> None:
        event.prevent_default()  # instead of Header's own watchers, the same ones, guarded

        async def set_title() -> None:
            try:
                self.query_one(HeaderTitle).update(self.format_title())
            except (NoScreen, NoMatches):
                pass

        for owner in (self.app, self.screen):
            for name in ("title", "sub_title"):
                self.watch(owner, name, set_title)
