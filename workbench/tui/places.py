"""Where each coder left each transcript, so that it reopens there: a small file of this machine's state
(`$XDG_STATE_HOME/workbench/places.json`, else `~/.local/state/...`), not the study's. Reading is not coding:
a place is no change other screens should reload for, and one not kept loses nothing. Transcripts are named by
GUID (a name taken from a file name may hold a person's name, which erasure masks in the study only)."""

from __future__ import annotations

import json
import os
from pathlib import Path

LARGEST = 1_000_000  # bytes: a file grown past this (or damaged) starts again


def state_path() -> Path:
    base = os.environ.get("XDG_STATE_HOME") or Path.home() / ".local" / "state"
    return Path(base) / "workbench" / "places.json"


class Places:
    """The places of one coder in one study."""

    def __init__(self, study: str, coder: str, path: Path | None = None):
        self.study, self.coder, self.path = study, coder, path or state_path()

    def get(self, transcript: str) -> int | None:
        place = self._read().get(self.study, {}).get(self.coder, {}).get(transcript)
        return place if isinstance(place, int) and not isinstance(place, bool) and place >= 0 else None

    def put(self, transcript: str, offset: int) -> None:
        every = self._read()
        every.setdefault(self.study, {}).setdefault(self.coder, {})[transcript] = offset
        try:
            self.path.parent.mkdir(parents=True, exist_ok=True, mode=0o700)
            partial = self.path.with_suffix(".partial")
            with open(os.open(partial, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600), "w", encoding="utf-8") as out:
                json.dump(every, out)
            partial.replace(self.path)
        except OSError:
            pass  # a read-only home: the transcript opens at the top next time

    def _read(self) -> dict:
        try:
            if self.path.stat().st_size > LARGEST:
                return {}
            every = json.loads(self.path.read_text(encoding="utf-8"))
        except (OSError, ValueError):
            return {}
        if not isinstance(every, dict) or not all(isinstance(v, dict) for v in every.values()):
            return {}
        return {study: {c: p for c, p in coders.items() if isinstance(p, dict)} for study, coders in every.items()}
