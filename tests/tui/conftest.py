"""The TUI on a real SQLite copy of the coded sample study, driven by Textual's pilot."""

import asyncio
import subprocess
import sys
import threading
import time
import traceback
from pathlib import Path

import pytest

from workbench.core.db import Database
from workbench.tui.app import WorkbenchApp


@pytest.fixture(autouse=True)
def language(monkeypatch) -> str:
    """The coders' language: the TUI tests read its Dutch (test_languages.py shows both)."""
    monkeypatch.setenv("LANGUAGE", "nl")
    return "nl"


@pytest.fixture(autouse=True)
def own_places(monkeypatch, tmp_path):
    """Where coders left transcripts is kept per test (a place from another test would move the cursor)."""
    monkeypatch.setenv("XDG_STATE_HOME", str(tmp_path / "state"))


@pytest.fixture(autouse=True)
def no_database_on_the_ui_thread(monkeypatch):
    """Every read and write a screen makes runs in a worker: one on the UI thread would freeze the screen, and
    a lost server would end the app with a traceback (the code picker's recent codes did). The study is read
    as always; a call from the TUI's code on the UI thread is recorded and fails the test."""
    calls: list[str] = []

    def guarded(original):
        def call(self, *args, **kwargs):
            if threading.current_thread() is threading.main_thread():
                stack = traceback.extract_stack()[:-1]
                paths = [f.filename.replace("\\", "/") for f in stack]
                screen = [f for f, path in zip(stack, paths) if "/workbench/tui/" in path]
                if screen and any("/textual/" in path for path in paths):  # a screen's handler, not the test
                    calls.append(f"{original.__name__} from {screen[-1].name} ({screen[-1].filename}:{screen[-1].lineno})")
            return original(self, *args, **kwargs)
        return call

    for name in ("read", "write", "version", "landed"):
        monkeypatch.setattr(Database, name, guarded(getattr(Database, name)))
    yield
    assert not calls, calls


@pytest.fixture
def app(sample_db):
    return WorkbenchApp(sample_db, "anna")


async def wait_for(pilot, condition, timeout: float = 15.0) -> None:
    """Let workers finish until condition() holds (they run in threads: pause, do not spin)."""
    start = time.monotonic()
    while not condition():
        if time.monotonic() - start > timeout:
            raise AssertionError("timed out waiting for the TUI")
        await pilot.pause(0.05)


def burst(app, *keys: str) -> None:
    """Send keys the way a terminal over ssh does: all at once, without waiting for the app in between."""
    import unicodedata

    from textual import events
    from textual.keys import REPLACED_KEYS, _character_to_key, _get_unicode_name_from_key

    for key in keys:
        if len(key) == 1 and not key.isalnum():
            key = _character_to_key(key)
        try:
            char = unicodedata.lookup(_get_unicode_name_from_key(REPLACED_KEYS.get(key, key)))
        except KeyError:
            char = key if len(key) == 1 else None
        event = events.Key(key, char)
        event.set_sender(app)
        app._driver.send_message(event)


async def written(pilot) -> None:
    """Wait until every write the keys asked for is in the database and shown (and held keys acted on): the
    app not busy, still so after each widget has handled what was queued (a key let through goes from the app
    to the focused widget and bubbles up before it acts)."""
    for _ in range(3):
        await wait_for(pilot, lambda: not pilot.app.busy)
        await pilot.pause()
    await wait_for(pilot, lambda: not pilot.app.busy)


def run(coroutine):
    return asyncio.run(coroutine)


def notified(app, words: str) -> bool:
    """The app showed a notification with these words."""
    return any(words in n.message for n in app._notifications)


def elsewhere(app, *args: str) -> str:
    """The CLI, as another program, on the app's study file."""
    done = subprocess.run([str(Path(sys.executable).parent / "workbench"), "--db", app.db.engine.url.database,
                           "--coder", "bram", "--new-coder", *args], capture_output=True, text=True, timeout=60)
    assert done.returncode == 0, done.stderr
    return done.stdout
