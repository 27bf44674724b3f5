"""Keys typed ahead act in the order typed, on the state the earlier keys made.

Over ssh keys arrive in bursts: 't', 'studvert' and enter come before the code picker is on screen,
and 'm' may come before the coding that 't' asked for is written. So:
- a key typed on a screen that has since opened a dialog is handed to that dialog (TypeAhead), which
  takes the keys in the order typed, and hands those after the one that closed it back to the app;
- while a write is under way, or a closed dialog's answer is still being acted on, keys are held
  (KeyGate) and let through, in order, once it is done.
"""

from __future__ import annotations

import bisect
import itertools

from textual import events
from textual.binding import BindingsMap
from textual.message_pump import MessagePump
from textual.screen import ModalScreen
from textual.widgets import Input

from workbench.tui.keys import speak_keys
from workbench.tui.quitting import SkipMountWhenQuitting

PASS_KEYS = {"ctrl+q", "ctrl+c"}  # never held: quitting always works
Typed = tuple[int, events.Key]  # (when the key came, the key)


def _order(item: Typed) -> int:
    return item[0]


class KeyGate:
    """App mixin: where each key came, and holding keys while earlier ones are still being acted on."""

    writes_pending: int

    def _init_gate(self) -> None:
        self._arrivals = itertools.count()
        self._held: list[Typed] = []
        self._answers_pending = 0  # dialogs closed whose answer has not been acted on yet
        self._on_their_way = 0  # held keys let through, not arrived again yet

    @property
    def closing_down(self) -> bool:
        """The app is quitting: its screens are being taken down and take no more keys."""
        return self.return_code is not None or not self.screen_stack

    @property
    def holding(self) -> bool:
        """Keys typed now wait: a dialog's answer or a write is under way, or keys are held until it is done."""
        return bool(self.writes_pending or self._answers_pending or self._held)

    @property
    def busy(self) -> bool:
        """Acting on earlier keys: holding them, or keys let through have not arrived yet."""
        return self.holding or bool(self._on_their_way)

    def hold(self, typed: list[Typed]) -> None:
        for item in typed:
            bisect.insort(self._held, item, key=_order)

    def hold_until_answered(self, requester: MessagePump) -> None:
        """A dialog closed: keys typed from now on wait until the requester has acted on its answer (the
        callback runs first in the requester's queue), and on any write that started."""
        self._answers_pending += 1
        alive = getattr(requester, "_running", False) and not getattr(requester, "_closing", True)
        (requester if alive else self).call_next(self._answered)  # a closed requester runs nothing: never wait on it

    def _answered(self) -> None:
        self._answers_pending -= 1
        self.release_keys()

    def release_keys(self) -> None:
        """Let held keys through, as if typed now, once nothing is under way."""
        if self.writes_pending or self._answers_pending or not self._held:
            return
        held, self._held = self._held, []
        self._on_their_way += len(held)
        for _, key in held:
            again = events.Key(key.key, key.character)
            again.let_through = True
            self.post_message(again)

    def arrival(self, event: events.Key) -> bool:
        """A key from the keyboard; True when it was held or handed to a dialog (not to dispatch now)."""
        if getattr(event, "let_through", False):
            self._on_their_way -= 1
        if self.closing_down:
            return True
        event.typed_on, event.sequence = self.screen, next(self._arrivals)
        if isinstance(self.screen, TypeAhead) and self.screen.waiting:
            self.screen.type_ahead(event)
            return True
        if self.holding and event.key not in PASS_KEYS:
            self.hold([(event.sequence, event)])
            return True
        return False

    def bubbled(self, event: events.Key) -> bool:
        """A key that went to a widget and came back unhandled: for a dialog opened since, or to hold."""
        if self.closing_down:
            event.stop()
            event.prevent_default()
            return True
        typed_on, dialog = getattr(event, "typed_on", None), self.screen
        if typed_on is not None and typed_on is not dialog and isinstance(dialog, TypeAhead):
            dialog.type_ahead(event)
        elif typed_on is not None and self.holding and event.key not in PASS_KEYS:
            self.hold([(event.sequence, event)])
        else:
            return False
        event.stop()
        event.prevent_default()
        return True


def _editing_action(field: Input, key: str):
    """The Input's own editing action for a key (ctrl+u clears to the left), when it takes no arguments; not the
    scrolling it inherits (pagedown's raised SkipAction, which ended the app)."""
    for binding in BindingsMap(Input.BINDINGS).key_to_bindings.get(key, []):
        action = getattr(field, f"action_{binding.action}", None)
        if action is not None and "(" not in binding.action:
            return action
    return None


class TypeAhead(SkipMountWhenQuitting, ModalScreen):
    """A dialog that takes the keys typed before it was ready, in the order typed."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        speak_keys(self)
        self._typed_ahead: list[Typed] | None = []  # None once the dialog is ready
        self._dismissed = False

    @property
    def waiting(self) -> bool:
        """Not ready for keys yet: keys are kept, in the order they were typed."""
        return self._typed_ahead is not None

    def type_ahead(self, event: events.Key) -> None:
        """Take a key typed before this dialog was ready (the app hands it over)."""
        typed = (getattr(event, "sequence", 0), events.Key(event.key, event.character))
        if self._typed_ahead is None:
            self._take([typed])
        else:
            bisect.insort(self._typed_ahead, typed, key=_order)

    @property
    def taken_down(self) -> bool:
        """Popped without an answer (opening a transcript takes dialogs down), maybe before it was mounted."""
        return self not in self.app.screen_stack

    def on_mount(self) -> None:
        if not self.taken_down:
            self.prepare()
        self.call_after_refresh(self._ready)

    def prepare(self) -> None:
        """Fill and focus the dialog's widgets once mounted (never on a dialog already taken down)."""

    def _ready(self) -> None:
        typed, self._typed_ahead = self._typed_ahead or [], None
        self._take(typed)

    def _take(self, typed: list[Typed]) -> None:
        for i, (_, key) in enumerate(typed):
            if self._dismissed:  # the rest is for the screen below, once it has acted on the answer
                self.app.hold(typed[i:])
                return
            if self.taken_down:  # no answer will come: the rest goes to the screen now on top
                self.app.hold(typed[i:])
                self.app.release_keys()
                return
            if not self.take_key(key):
                key._set_forwarded()  # as the app hands keys to widgets: bindings are checked as it bubbles
                (self.focused or self).post_message(key)

    def take_key(self, key: events.Key) -> bool:
        """Act on a typed-ahead key at once, as the dialog would; False: deliver it as usual."""
        field = self.query(Input).first() if self.query(Input) else None
        if key.key == "escape":
            self.action_cancel()
        elif key.key == "enter" and field is not None:
            self.submit(field.value)
        elif key.key == "backspace" and field is not None:
            field.action_delete_left()
        elif key.is_printable and field is not None:  # as Input types: over a selection, else at the cursor
            field.replace(key.character or "", *field.selection)
        elif field is not None and (action := _editing_action(field, key.key)) is not None:
            action()  # ctrl+u, ctrl+w, home, ...: at once, in the order typed
        else:
            return False
        return True

    def submit(self, value: str) -> None:
        """Enter in the dialog's text field."""
        self.dismiss(value)

    def action_cancel(self) -> None:
        self.dismiss(None)

    def dismiss(self, result=None):
        if self._dismissed:  # a second enter (typed ahead, and as the field's own event) answers nothing more
            return None
        self._dismissed = True
        requester = self._result_callbacks[-1].requester if self._result_callbacks else self.app
        popped = super().dismiss(result)  # queues the answer on the requester first: keys wait behind it
        self.app.hold_until_answered(requester)
        return popped
