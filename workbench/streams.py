"""Files written as a stream: whole or not at all, and text handed to a second thread to encode, compress
and write (zlib and the disk let go of the interpreter while they work: the next rows are made meanwhile);
items made in a second process while this one uses them (a second CPU)."""

from __future__ import annotations

import multiprocessing
import os
import pickle
import queue
import signal
import threading
import traceback
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from pathlib import Path

from workbench.errors import WorkbenchError
from workbench.i18n import _


@contextmanager
def written_whole(path: Path) -> Iterator[Path]:
    """Where to write a file: a name beside it, put in its place when the block ends without an error
    (removed when it does not), so a reader never sees half a file and a failed run leaves the old one."""
    partial = path.with_name(f".{path.name}.partial")
    try:
        yield partial
        os.replace(partial, path)
    finally:
        partial.unlink(missing_ok=True)


class HandedText:
    """Text for a binary file (a zip member), joined into chunks, encoded and written by a second thread. A
    failure of that thread (a full disk) is raised in the writing one, at its next chunk or at the end."""

    def __init__(self, binary):
        self.binary, self.pieces, self.size, self.failed = binary, [], 0, None
        self.chunks: queue.Queue[bytes | None] = queue.Queue(maxsize=4)
        self.thread = threading.Thread(target=self._drain, name="stream-writer", daemon=True)

    def __enter__(self) -> HandedText:
        self.thread.start()
        return self

    def write(self, text: str) -> None:
        self.pieces.append(text)
        self.size += len(text)
        if self.size >= CHUNK:
            self._hand()

    def _hand(self) -> None:
        if self.failed is not None:
            raise self.failed
        self.chunks.put("".join(self.pieces).encode("utf-8"))
        self.pieces, self.size = [], 0

    def _drain(self) -> None:
        while (chunk := self.chunks.get()) is not None:
            try:
                if self.failed is None:
                    self.binary.write(chunk)
            except BaseException as exc:  # handed back to the writing thread, which raises it
                self.failed = exc

    def __exit__(self, kind, *_exc) -> None:
        if kind is None:
            self._hand()
        self.chunks.put(None)
        self.thread.join()
        if kind is None and self.failed is not None:
            raise self.failed


CHUNK = 2**20  # characters per chunk handed to the writing thread


def made_aside(make: Callable[..., Iterable], *args, batch: int = 1_000, aside: bool = True) -> Iterator:
    """The items of make(*args), made in a process of their own (a second CPU, started now) while this one uses
    them: in batches through a pipe, so that neither side holds more than a batch or two. make and args go to
    the new process by pickle (make: a module's function). A WorkbenchError there is raised here as itself,
    anything else as a RuntimeError with its traceback; a process that stops without saying why is a
    WorkbenchError. Left before the end, the process is stopped (a daemon: it also ends with this one).
    Not aside: made here, as they are used (a process costs about a second to start: for a small study)."""
    if not aside:
        return iter(make(*args))
    context = multiprocessing.get_context("spawn")  # a new interpreter: no threads or connections copied
    ours, theirs = context.Pipe(duplex=False)
    maker = context.Process(target=_make, args=(theirs, make, args, batch), name="made-aside", daemon=True)
    _roomy(ours)
    maker.start()
    theirs.close()
    return _received(ours, maker)


def _received(ours, maker) -> Iterator:
    try:
        while True:
            try:
                kind, value = pickle.loads(ours.recv_bytes())
            except EOFError:
                maker.join()
                raise WorkbenchError(_("the process reading beside this one stopped (exit code {code})").format(
                    code=maker.exitcode)) from None
            if kind == "items":
                yield from value
            elif kind == "done":
                return
            elif kind == "refused":
                raise WorkbenchError(*value)
            else:
                raise RuntimeError(f"in the process reading beside this one:\n{value}")
    finally:
        ours.close()
        if maker.is_alive():
            maker.terminate()
        maker.join()


def _roomy(pipe) -> None:
    """A pipe that holds a few batches, so that the maker goes on while this process works (Linux makes it
    64 KB, a batch of quotes is about 300 KB: each side waited for the other); elsewhere the pipe as it is."""
    try:
        import fcntl

        fcntl.fcntl(pipe.fileno(), fcntl.F_SETPIPE_SZ, PIPE_BYTES)
    except (ImportError, AttributeError, OSError):  # not Linux, or more than it allows: the pipe as it is
        pass


PIPE_BYTES = 2**20


def _make(pipe, make: Callable[..., Iterable], args: tuple, batch: int) -> None:
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # ctrl+c is for the process that waits: it stops this one

    def send(kind: str, value) -> None:
        pipe.send_bytes(pickle.dumps((kind, value), pickle.HIGHEST_PROTOCOL))

    held: list = []
    try:
        for item in make(*args):
            held.append(item)
            if len(held) >= batch:
                send("items", held)
                held = []
        outcome: tuple = ("done", None)
    except WorkbenchError as exc:
        outcome = ("refused", (exc.message, exc.where))
    except BaseException:  # noqa: BLE001 - told to the process that waits for the items
        outcome = ("failed", traceback.format_exc())
    try:
        send("items", held)  # what was made before the end, or before it went wrong
        send(*outcome)
    finally:
        pipe.close()
