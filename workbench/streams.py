"""Files written as a stream: whole or not at all, and text handed to a second thread to encode, compress
and write (zlib and the disk let go of the interpreter while they work: the next rows are made meanwhile)."""

from __future__ import annotations

import os
import queue
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path


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
