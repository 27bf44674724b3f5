"""The command palette, guarded against two races in Textual 8.2 (found by tests/tui/test_monkey.py):
page up/down while the command list is being filled looks up a line not laid out yet (KeyError), and
the palette's search worker, still running after the palette closed, updates a list that is gone
(NoMatches, which ends the app), as does its "no matches" timer; and closing it twice, or under another screen, pops the wrong screen."""

from __future__ import annotations

from textual import work
from textual.command import CommandList, CommandPalette


class Palette(CommandPalette):
    @work(exclusive=True, group=CommandPalette._GATHER_COMMANDS_GROUP)
    async def _gather_commands(self, search_value: str) -> None:
        if self._open():  # a search that starts after the palette closed has no list to fill
            await CommandPalette._gather_commands.__wrapped__(self, search_value)

    def _action_command_list(self, action: str) -> None:
        try:
            super()._action_command_list(action)
        except LookupError:  # the list is not laid out yet: the key does nothing, as on an empty list
            pass

    def dismiss(self, result=None):
        if self.app.screen is not self:  # closed already, or the app is closing: nothing to close
            return None
        return super().dismiss(result)

    def set_timer(self, delay, callback=None, *args, **kwargs):
        """The palette's timers (its "no matches" line) do nothing once its list is gone."""
        if callback is not None:
            inner = callback

            def callback():
                return inner() if self._open() else None

        return super().set_timer(delay, callback, *args, **kwargs)

    def _open(self) -> bool:
        return bool(self.query(CommandList))

    def _watch__list_visible(self) -> None:
        if self._open():
            super()._watch__list_visible()

    async def _watch__show_busy(self) -> None:
        if self._open():
            await super()._watch__show_busy()
