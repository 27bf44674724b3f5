"""Teams header lines: title, date, duration, and 'started transcription' events."""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass

from workbench.transcripts.clock import LONGEST_MS

_EVENT = re.compile(
    r"^(?P<who>.+?)\s+(?:(?P<en>started|stopped) transcription"
    r"|heeft de transcriptie (?P<nl>gestart|gestopt|beëindigd))\.?$",
    re.IGNORECASE,
)
_DURATION = re.compile(
    r"^(?:(?P<h>[0-9]{1,4})\s*(?:h|u|uur|hours?)\s*)?(?:(?P<m>[0-9]{1,4})\s*(?:m|min|minuten|minutes?)\s*)?"
    r"(?:(?P<s>[0-9]{1,6})\s*(?:s|sec|seconden|seconds?))?$",
    re.IGNORECASE,
)
_MONTHS = {
    name: number
    for number, names in enumerate(
        [
            ("januari", "january", "jan"),
            ("februari", "february", "feb"),
            ("maart", "march", "mrt", "mar"),
            ("april", "apr"),
            ("mei", "may"),
            ("juni", "june", "jun"),
            ("juli", "july", "jul"),
            ("augustus", "august", "aug"),
            ("september", "sep", "sept"),
            ("oktober", "october", "okt", "oct"),
            ("november", "nov"),
            ("december", "dec"),
        ],
        start=1,
    )
    for name in names
}
_DAY_MONTH_YEAR = re.compile(r"\b(\d{1,2})\s+([a-z]+)\.?\s+((?:19|20)\d\d)\b", re.IGNORECASE)
_MONTH_DAY_YEAR = re.compile(r"\b([a-z]+)\.?\s+(\d{1,2}),?\s+((?:19|20)\d\d)\b", re.IGNORECASE)
_NUMERIC = re.compile(r"\b(\d{1,2})[-/.](\d{1,2})[-/.]((?:19|20)\d\d)\b")
_ISO = re.compile(r"\b((?:19|20)\d\d)-(\d{2})-(\d{2})\b")


def transcription_event(line: str) -> tuple[str, str] | None:
    """('Anna de Vries', 'started'|'stopped') for a transcription start/stop line."""
    match = _EVENT.match(line.strip()) if "transcri" in line else None
    if not match:
        return None
    verb = (match["en"] or match["nl"]).lower()
    return match["who"].strip(), "started" if verb in ("started", "gestart") else "stopped"


def parse_duration(line: str) -> int | None:
    """'1h 2m 17s' or '45 min 3 s' to milliseconds."""
    match = _DURATION.match(line.strip())
    if not line.strip() or not match or not any(match.groupdict().values()):
        return None
    h, m, s = (int(match[k] or 0) for k in "hms")
    ms = ((h * 60 + m) * 60 + s) * 1000
    return ms if ms <= LONGEST_MS else None  # '99999h' is a line of the header, not a duration


def parse_date(line: str) -> str | None:
    """An ISO date from '20 oktober 2020, 10:02', 'October 20, 2020' or '20-10-2020'."""
    if match := _ISO.search(line):
        year, month, day = match.groups()
        return f"{year}-{month}-{day}"
    for pattern, order in ((_DAY_MONTH_YEAR, "dmy"), (_MONTH_DAY_YEAR, "mdy")):
        if match := pattern.search(line):
            parts = dict(zip(order, match.groups()))
            month = _MONTHS.get(parts["m"].lower())
            if month:
                return f"{parts['y']}-{month:02d}-{int(parts['d']):02d}"
    if match := _NUMERIC.search(line):
        day, month, year = (int(g) for g in match.groups())
        if 1 <= month <= 12 and 1 <= day <= 31:
            return f"{year}-{month:02d}-{day:02d}"
    return None


_FOOTER = re.compile(
    r"^(?:transcribed by https?://otter\.ai|getranscribeerd door https?://otter\.ai"
    r"|meeting ended after [0-9:]+.*|vergadering beëindigd na [0-9:]+.*)$",
    re.IGNORECASE,
)


def is_footer(line: str) -> bool:
    """A line a transcription service writes under the transcript (Otter, Meet): metadata, not speech."""
    return ("otter.ai" in line or "after" in line or " na " in line) and bool(_FOOTER.match(line.strip()))


_ATTENDEES = re.compile(r"^(?:attendees|deelnemers|aanwezig|aanwezigen|participants)$", re.IGNORECASE)
_MARKER = re.compile(
    r"^(?:transcript|transcriptie|this editable transcript was computer generated.*"
    r"|deze bewerkbare transcriptie is door een computer gegenereerd.*)$",
    re.IGNORECASE,
)


@dataclass
class Header:
    meta: dict  # title, date, duration, transcription events, a meeting's attendees
    apart: list[str]  # the lines read into it
    extra: list[str]  # an introduction (more than three lines of the header's, or a long one): a first turn


def read_header(lines: Iterable[str]) -> Header:
    """What the lines before the first turn say."""
    meta: dict = {}
    extra: list[str] = []
    attendees_next = False
    stripped = [line.strip() for line in lines]
    for line in stripped:
        if not line or line.upper() == "WEBVTT":
            continue
        if attendees_next:
            meta["attendees"] = line
            attendees_next = False
        elif _ATTENDEES.match(line):
            attendees_next = True
        elif _MARKER.match(line):
            meta.setdefault("header", []).append(line)
        elif event := transcription_event(line):
            record_event(meta, event, None)
        elif "duration_ms" not in meta and (duration := parse_duration(line)) is not None:
            meta["duration_ms"] = duration
        elif "date" not in meta and (date := parse_date(line)):
            meta["date"] = date
            meta["date_line"] = line
        elif "title" not in meta and not extra:
            meta["title"] = line
        else:
            extra.append(line)
    if len(extra) <= 3 and all(len(line.split()) <= 15 for line in extra):  # a legend, a location: metadata
        meta["header"] = meta.get("header", []) + extra
        extra = []
    kept = set(extra)
    return Header(meta, [line for line in stripped if line and line not in kept], extra)


def record_event(meta: dict, event: tuple[str, str], at_ms: int | None) -> None:
    """Keep a transcription start/stop event as metadata, never as a turn."""
    who, what = event
    meta.setdefault("transcription_events", []).append({"by": who, "event": what, "at_ms": at_ms})
