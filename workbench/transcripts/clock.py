"""Timestamps in the forms transcripts use, to milliseconds and back."""

from __future__ import annotations

from workbench.errors import WorkbenchError
from workbench.i18n import _

CLOCK = r"[0-9]{1,2}(?::[0-9]{1,2}){1,2}(?:[.,][0-9]{1,3})?"  # ASCII digits only: '١' is no digit of a time
LONGEST_MS = 100 * 3600 * 1000  # no recording lasts a hundred hours


def parse_clock(value: str) -> int:
    """'0:03', '1:02:17', '0:0:3.810' or '00:00:03.120' to milliseconds; minutes and seconds after the
    first part are below 60. Raises WorkbenchError (a ValueError) for anything else."""
    whole, dot, fraction = value.strip().replace(",", ".").partition(".")
    parts = whole.split(":")
    valid = 2 <= len(parts) <= 3 and all(_digits(p, 2) for p in parts) and (not dot or _digits(fraction, 3))
    if not valid:
        raise ClockError(_("not a timestamp: {value!r}").format(value=value))
    if any(int(part) > 59 for part in parts[1:]):
        raise ClockError(_("not a time: {value!r} (minutes and seconds go up to 59)").format(value=value))
    seconds = 0
    for part in parts:
        seconds = seconds * 60 + int(part)
    return seconds * 1000 + (int((fraction + "00")[:3]) if fraction else 0)


class ClockError(WorkbenchError, ValueError):
    """A timestamp that is no time; a WorkbenchError, so it reaches the user as one line."""


def _digits(text: str, most: int) -> bool:
    return 0 < len(text) <= most and text.isascii() and text.isdigit()


def format_clock(ms: int | None) -> str:
    """Milliseconds as Teams shows them: 'M:SS', or 'H:MM:SS' after an hour."""
    if ms is None:
        return ""
    seconds = ms // 1000
    hours, rest = divmod(seconds, 3600)
    minutes, secs = divmod(rest, 60)
    return f"{hours}:{minutes:02d}:{secs:02d}" if hours else f"{minutes}:{secs:02d}"
