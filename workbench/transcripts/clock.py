"""Timestamps in the forms transcripts use, to milliseconds and back."""

from __future__ import annotations

import re

CLOCK = r"\d{1,2}(?::\d{1,2}){1,2}(?:[.,]\d{1,3})?"
_CLOCK_RE = re.compile(rf"^{CLOCK}$")


def parse_clock(value: str) -> int:
    """'0:03', '1:02:17', '0:0:3.810' or '00:00:03.120' to milliseconds."""
    value = value.strip()
    if not _CLOCK_RE.match(value):
        raise ValueError(f"not a timestamp: {value!r}")
    whole, _, fraction = value.replace(",", ".").partition(".")
    seconds = 0
    for part in whole.split(":"):
        seconds = seconds * 60 + int(part)
    millis = int((fraction + "000")[:3]) if fraction else 0
    return seconds * 1000 + millis


def format_clock(ms: int | None) -> str:
    """Milliseconds as Teams shows them: 'M:SS', or 'H:MM:SS' after an hour."""
    if ms is None:
        return ""
    seconds = ms // 1000
    hours, rest = divmod(seconds, 3600)
    minutes, secs = divmod(rest, 60)
    return f"{hours}:{minutes:02d}:{secs:02d}" if hours else f"{minutes}:{secs:02d}"
