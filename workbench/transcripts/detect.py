"""Recognise a file's layout by its content and parse it into a ParsedTranscript."""

from __future__ import annotations

import hashlib
import unicodedata
from collections.abc import Sequence
from pathlib import Path

from workbench.errors import WorkbenchError
from workbench.transcripts.assemble import assemble
from workbench.transcripts.layouts import LAYOUTS
from workbench.transcripts.model import Fragment, ParsedTranscript, ParsedTurn, RawTranscript
from workbench.transcripts.reader import drop_controls, normalise, read_lines
from workbench.transcripts.webvtt import UNKNOWN_SPEAKER, is_webvtt

SUFFIXES = {".docx", ".vtt", ".txt"}


LARGEST = 20_000_000  # bytes


def parse_file(path: Path, name: str | None = None) -> ParsedTranscript:
    """Read and parse one transcript file; errors name the file."""
    try:
        size = path.stat().st_size
        if size > LARGEST:
            raise WorkbenchError(f"{size / 1e6:.1f} MB is too large for an interview transcript "
                                 f"(the limit is {LARGEST / 1e6:.0f} MB; a three-hour Teams transcript is about 1 MB)",
                                 where=str(path))
        data = path.read_bytes()
    except OSError as exc:
        raise WorkbenchError(f"cannot read file: {exc.strerror}", where=str(path)) from exc
    try:
        lines, dropped = read_lines(data, path.suffix)
        return _parse(lines, name or path.stem, hashlib.sha256(data).hexdigest(), str(path), dropped)
    except WorkbenchError as exc:
        raise exc.at(str(path)) from exc


def parse_text(text: str, name: str) -> ParsedTranscript:
    """Parse transcript text already in memory (e.g. a REFI-QDA source)."""
    digest = hashlib.sha256(text.encode("utf-8")).hexdigest()
    text, dropped = drop_controls(normalise(text))
    return _parse(text.split("\n"), name, digest, name, dropped)


def parse_source(text: str, name: str) -> ParsedTranscript:
    """Exchanged plain text (REFI-QDA): its layout if recognised, else one unknown speaker."""
    try:
        return parse_text(text, name)
    except WorkbenchError:
        if not text.strip():
            raise
        digest = hashlib.sha256(text.encode("utf-8")).hexdigest()
        text, dropped = drop_controls(normalise(text))
        return _finish(RawTranscript("plain", [Fragment(UNKNOWN_SPEAKER, text)]), name, digest, name, dropped)


def _parse(lines: Sequence[str], name: str, sha256: str, source: str, dropped: int = 0) -> ParsedTranscript:
    layout = next((layout for layout in LAYOUTS if layout.recognise(lines)), None)
    if layout is None:
        if is_webvtt(lines):
            raise WorkbenchError("WebVTT file has no cues")
        raise WorkbenchError(
            "no transcript turns found: expected Teams speaker lines ('Name   0:03'), "
            "WebVTT cues, or labelled lines ('I: ...', 'R1: ...')"
        )
    return _finish(layout.parse(lines), name, sha256, source, dropped)


def transcript_name(name: str) -> str:
    """A transcript's name as stored and looked up: NFC (a file name from macOS is NFD), one printable line."""
    name = unicodedata.normalize("NFC", name).strip()
    if not name or not name.isprintable():
        raise WorkbenchError(f"transcript name {name!r} is empty or holds a line break or control character; "
                             "rename the file")
    return name


def _finish(raw: RawTranscript, name: str, sha256: str, source: str, dropped: int = 0) -> ParsedTranscript:
    name = transcript_name(name)
    text, turns = assemble(raw)
    if not turns:
        raise WorkbenchError(f"looks like a {raw.layout} transcript but holds no speech")
    meta = dict(raw.meta)
    meta.setdefault("duration_ms", _last_end(turns))
    if dropped:
        meta["control_characters_dropped"] = dropped
    return ParsedTranscript(name, raw.layout, text, tuple(turns), meta, sha256, source)


def _last_end(turns: Sequence[ParsedTurn]) -> int | None:
    times = [t for turn in turns for t in (turn.start_ms, turn.end_ms) if t is not None]
    return max(times) if times else None
