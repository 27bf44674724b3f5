"""The workbench app: header with the coder, screens, help, command palette, themes."""

from __future__ import annotations

import gc
import threading
import uuid
from collections.abc import Callable, Iterable
from typing import TYPE_CHECKING, Any

from textual import events, work
from textual._context import NoActiveAppError
from textual.app import App, SystemCommand
from textual.binding import Binding
from textual.screen import ModalScreen, Screen
from textual.worker import Worker, WorkerState

from workbench.config import Settings
from workbench.core.faults import StudyDamaged, StudyFault, StudyUnreachable
from workbench.errors import WorkbenchError, expected, user_message
from workbench.i18n import N_, _
from workbench.tui.keys import speak_keys
from workbench.tui.screens.base import WorkbenchScreen
from workbench.tui.screens.overview import OverviewScreen
from workbench.tui.typeahead import KeyGate

if TYPE_CHECKING:
    from workbench.core.db import Database


CHANGE_CHECK_SECONDS = 2.0


def out_of_reach(exc: BaseException) -> bool:
    """The study cannot be read or written now (its server, its disk, its file), and may be again later; a
    damaged study is said like any refusal (retrying would not mend it)."""
    return isinstance(exc, StudyFault) and not isinstance(exc, StudyDamaged)


class WorkbenchApp(KeyGate, App[None]):
    CSS_PATH = "app.tcss"
    TITLE = "Interview workbench"
    BINDINGS = [
        Binding("f1,question_mark", "help", N_("Help"), id="help"),
        Binding("ctrl+t", "toggle_theme", N_("Theme"), id="toggle_theme", show=False),
        Binding("ctrl+q", "quit", N_("Quit"), id="quit"),
    ]

    def __init__(self, db: Database | Callable[[], Database], coder: str, settings: Settings | None = None):
        """db: the study, or what opens it (then opened by the first worker that needs it, after the
        first paint: importing SQLAlchemy and checking the schema take a while)."""
        super().__init__()
        self._db, self._opening = db, threading.Lock()
        self.coder = coder
        self.settings = settings or Settings()
        self.settings.speak()
        speak_keys(self)
        self.title = _("Interview workbench")
        # writes run one at a time, in the order they were asked for: tickets issued, and whose turn it is
        self._issued, self._turn, self._turns = 0, 0, threading.Condition()
        self.written_version = 0  # the study's version after this app's latest write
        self.study_version: int | None = None
        self.unexpected_errors: list[BaseException] = []  # failures that are bugs, shown as one line
        self.open_error: str | None = None  # why the study could not be opened
        self.study_problem: str | None = None  # why the study cannot be reached now (a lost server, its disk)
        self.writer = uuid.uuid4().hex  # this app's writes' receipts (see Database.landed)
        self._unsure: list[int] = []  # writes whose connection was lost while committing: landed or not?
        self._frozen = False  # the long-lived objects are out of the garbage collector's view (freeze_loaded)
        self._init_gate()

    def notify(self, message: str, *, title: str = "", severity="information", timeout: float | None = None,
               markup: bool = True) -> None:
        """A notification, as plain text whatever a screen asks: it quotes names and words from the study (a code
        named '[link=…]' stopped the app)."""
        super().notify(message, title=title, severity=severity, timeout=timeout, markup=False)

    @property
    def counted_coders(self) -> list[str] | None:
        """Whose codings the screens count and show: only mine when coding blind, else everyone's."""
        return [self.coder] if self.settings.blind else None

    @property
    def db(self) -> Database:
        with self._opening:
            if callable(self._db):
                self._db = self._db()
            return self._db

    def on_mount(self) -> None:
        if self.settings.theme:
            self.theme = self.settings.theme
        if self.settings.keymap:
            self.set_keymap(self.settings.keymap)
        self.push_screen(OverviewScreen())
        self.set_interval(CHANGE_CHECK_SECONDS, self.check_for_changes)

    # ---------------------------------------------------------------- writes and changes made elsewhere

    def write(self, call: Callable[[], Any], done: Callable[[Any], None] | None = None,
              failed: Callable[[], None] | None = None) -> None:
        """The one path for changes to the study (see WorkbenchScreen.write)."""
        ticket, self._issued = self._issued, self._issued + 1
        self.run_worker(lambda: self._write(ticket, call, done, failed), thread=True, group="write",
                        exit_on_error=False)

    def _write(self, ticket: int, call, done, failed) -> None:
        with self._turns:
            self._turns.wait_for(lambda: self._turn == ticket)
        try:
            if self.study_problem:  # refused at once: the study is known to be out of reach
                raise StudyFault(self.study_problem)
            with self.db.receipt_of(self.writer, ticket):
                result = call()
        except Exception as exc:  # noqa: BLE001 - every failure is one line to the coder, never a traceback
            self.call_from_thread(self._write_failed, exc, failed, ticket)
        else:
            try:
                version = self.db.version()
            except WorkbenchError:  # saved, and lost right after: the next check notices
                version = self.written_version
            self.call_from_thread(self._written, version, done, result)
        finally:
            with self._turns:
                self._turn += 1
                self._turns.notify_all()
            if self.is_running:
                self.call_from_thread(self.release_keys)  # keys typed meanwhile act on what this write made

    def _written(self, version: int, done: Callable[[Any], None] | None, result: Any) -> None:
        """A write's result on the UI thread; screens ignore what was read before it (written_version)."""
        self.written_version = max(self.written_version, version)
        if done is not None:
            done(result)

    @property
    def writes_pending(self) -> int:
        """Writes asked for whose results have not been shown yet."""
        return self._issued - self._turn

    def _write_failed(self, exc: Exception, failed: Callable[[], None] | None, ticket: int) -> None:
        if out_of_reach(exc):
            self._lost(exc)
            unsure = isinstance(exc, StudyUnreachable) and exc.maybe_done
            if unsure:
                self._unsure.append(ticket)
            self.notify(_("Lost while saving: whether it was saved is said once the study can be reached again.")
                        if unsure else _("Not saved: do it again once the study can be reached again."),
                        title=_("Not done"), severity="error", timeout=8)
        else:
            self._failed(exc, _("Not done"))
        if failed is not None:
            failed()

    def _failed(self, exc: BaseException, title: str) -> None:
        """One line to the coder; what is not a refusal or a busy study is kept as a bug (tests look)."""
        if self.closing_down or isinstance(exc, NoActiveAppError):  # a closed screen's reader finished late:
            return  # nothing to show it on, and nothing was being written
        if out_of_reach(exc):
            self._lost(exc)
            return
        if not expected(exc):
            self.unexpected_errors.append(exc)
        self.notify(user_message(exc), title=title, severity="error", timeout=8)

    def _lost(self, fault: BaseException) -> None:
        """The study is out of reach: said once; the screens keep what they show; checked every few seconds."""
        problem = fault.message if isinstance(fault, StudyUnreachable) else str(fault)
        if problem != self.study_problem and not self.closing_down:
            self.notify(_("{problem}; retrying").format(problem=problem), title=_("Study out of reach"),
                        severity="error", timeout=30)
        self.study_problem = problem

    def check_for_changes(self) -> None:
        """Has anyone changed the study since the screen showed it? Checked on focus and every few seconds."""
        if not callable(self._db):
            self._check_version()

    @work(thread=True, exclusive=True, group="version", exit_on_error=False)
    def _check_version(self) -> None:
        version = self.db.version()
        landed = [(ticket, self.db.landed(self.writer, ticket)) for ticket in list(self._unsure)]
        self.call_from_thread(self._version_seen, version, landed)

    def _version_seen(self, version: int, landed: list[tuple[int, bool]] = ()) -> None:
        self.study_version = version
        if self.closing_down:
            return
        back, self.study_problem = self.study_problem is not None, None
        for ticket, saved in landed:
            self._unsure.remove(ticket)
            self.notify(_("The change made as the connection was lost was saved.") if saved else
                        _("The change made as the connection was lost was not saved: do it again."),
                        severity="information" if saved else "warning", timeout=15)
        if back:
            self.notify(_("The study can be reached again."), timeout=8)
        screen = self.screen
        if isinstance(screen, WorkbenchScreen) and (back or landed or screen.seen_version != version):
            first, screen.seen_version = screen.seen_version is None, version
            if not first or back:
                screen.study_changed()

    @work(thread=True, exclusive=True, group="open", exit_on_error=False)
    def open_transcript(self, name: str, at: int | None = None, review: bool = False, settling: bool = False) -> None:
        """Read the transcript in a worker (the screen is idle meanwhile), then open the coding view on it.
        settling: opened to settle a disagreement (another coder's coding may then be removed)."""
        from workbench.tui.screens.transcript import TranscriptScreen, load_transcript  # on first use: fast start

        data = load_transcript(self.db, name, self.coder)
        self.call_from_thread(self._show_transcript, TranscriptScreen, data, at, review, settling)

    def _show_transcript(self, screen_class, data, at: int | None, review: bool, settling: bool) -> None:
        if self.closing_down:
            return
        if not self.is_screen_installed("transcript"):
            self.install_screen(screen_class(), "transcript")
        screen = self.get_screen("transcript")
        while isinstance(self.screen, ModalScreen):  # a dialog or the palette opened while it loaded: the
            self.pop_screen()  # transcript replaces it (never opens over it: two palettes would clash)
        if self.screen is not screen:
            self.push_screen(screen)
        screen.show_data(data, at, review, settling)

    @work(thread=True, exclusive=True, group="review", exit_on_error=False)
    def review_suggestions(self, after: str | None = None) -> None:
        """Walk the study's suggestions: the next transcript (by name) that has pending ones."""
        from workbench.services import suggestions, transcripts

        names = sorted(s.name for s in transcripts.list_transcripts(self.db))
        for name in names[names.index(after) + 1:] if after in names else names:
            if suggestions.refresh(self.db, name, coder=self.coder):  # the one coding view shows it (no screen to pop)
                self.call_from_thread(self.notify, _("Suggestions in {transcript}").format(transcript=name))
                self.call_from_thread(self.open_transcript, name, None, True)
                return
        self.call_from_thread(self.notify, _("No pending suggestions left in the study."))

    def freeze_loaded(self) -> None:
        """Once spaCy and the suggestion model are loaded (the first suggestions shown): everything alive now
        lives as long as the app, so the garbage collector stops walking it. A full collection had walked
        those millions of objects in 50-140 ms, in the middle of a key (measured in bench's long-turn step)."""
        if not self._frozen:
            self._frozen = True
            gc.collect()
            gc.freeze()

    # ---------------------------------------------------------------- keys typed ahead (see typeahead.py)

    async def on_event(self, event) -> None:
        if isinstance(event, events.Key) and not event.is_forwarded and self.arrival(event):
            return
        await super().on_event(event)

    def on_key(self, event: events.Key) -> None:
        self.bubbled(event)

    def action_command_palette(self) -> None:
        from workbench.tui.palette import Palette

        if self.use_command_palette and not any(isinstance(s, Palette) for s in self.screen_stack):
            # one palette, even under another screen
            self.push_screen(Palette(id="--command-palette", placeholder=_("Search for commands…")))

    def action_help(self) -> None:
        from workbench.tui.screens.help import HelpScreen  # on first use: Markdown is slow to import

        if not isinstance(self.screen, HelpScreen):
            self.push_screen(HelpScreen(self.screen))

    def action_toggle_theme(self) -> None:
        self.theme = "textual-light" if self.current_theme.dark else "textual-dark"

    def get_system_commands(self, screen: Screen) -> Iterable[SystemCommand]:
        """Every action of the current screen in the command palette, besides Textual's own (in our words)."""
        for command in super().get_system_commands(screen):
            yield command._replace(title=_(command.title), help=_(command.help))
        for active in screen.active_bindings.values():
            binding = active.binding
            if binding.description and active.node is screen:
                yield SystemCommand(binding.description, _("key: {key}").format(key=self.get_key_display(binding)),
                                    lambda action=binding.action: self._run_on(screen, action))

    def _run_on(self, screen: Screen, action: str) -> None:
        """A screen's action chosen in the palette: only if that screen is still the one shown."""
        if self.screen is screen and not self.closing_down:
            self.call_later(screen.run_action, action)

    def on_worker_state_changed(self, event: Worker.StateChanged) -> None:
        """One place where a failed background task is shown to the coder."""
        if event.state == WorkerState.ERROR:
            if callable(self._db):  # the study could not be opened: nothing to work on (the CLI says why)
                self.open_error = str(event.worker.error)
                self.exit(return_code=2)
                return
            self._failed(event.worker.error, _("Error"))
