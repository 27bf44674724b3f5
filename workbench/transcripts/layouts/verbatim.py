"""Verbatim transcripts: '[00:12:03] I: ...', 'R1: ...' or 'Naam: ...' lines."""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Sequence

from workbench.transcripts.base import Layout
from workbench.transcripts.clock import CLOCK, parse_clock
from workbench.transcripts.header import read_header, record_event, transcription_event
from workbench.transcripts.model import Fragment, RawTranscript

_TIME = rf"[\[(]?(?P<time>{CLOCK})[\])]?"
_LABELLED = re.compile(
    rf"^(?:{_TIME}\s*[-–]?\s*)?(?P<label>[^\W\d_][\w.'’ -]{{0,39}}?)\s*:(?:\s+(?P<text>.*))?$"
)
_BARE_TIME = re.compile(rf"^{_TIME}$")
_KNOWN = re.compile(
    r"^(?:I|R\d*|Int\.?|Interviewer\s*\d*|Respondent\s*\d*|Spreker\s*\d+|Speaker\s*\d+)$",
    re.IGNORECASE,
)


def _labels(lines: Sequence[str]) -> set[str]:
    """Labels that really name speakers: known ones, or short ones used twice or more."""
    counts = Counter(m["label"].strip() for line in lines if (m := _LABELLED.match(line.strip())))
    return {
        label
        for label, count in counts.items()
        if _KNOWN.match(label) or (count >= 2 and len(label.split()) <= 4)
    }


class Verbatim(Layout):
    name = "verbatim"

    def recognise(self, lines: Sequence[str]) -> bool:
        labels = _labels(lines)
        hits = sum(
            1 for line in lines if (m := _LABELLED.match(line.strip())) and m["label"].strip() in labels
        )
        return hits >= 2

    def parse(self, lines: Sequence[str]) -> RawTranscript:
        labels = _labels(lines)
        stripped = [line.strip() for line in lines]
        fragments: list[Fragment] = []
        header: list[str] = []
        meta: dict = {}
        speaker, start_ms, body, pending_ms = None, None, [], None

        def flush() -> None:
            if speaker and body:
                fragments.append(Fragment(speaker, "\n".join(body), start_ms))

        for line in stripped:
            match = _LABELLED.match(line)
            if match and match["label"].strip() in labels:
                flush()
                speaker = match["label"].strip()
                start_ms = parse_clock(match["time"]) if match["time"] else pending_ms
                body = [match["text"].strip()] if (match["text"] or "").strip() else []
                pending_ms = None
            elif bare := _BARE_TIME.match(line):
                pending_ms = parse_clock(bare["time"])
            elif event := transcription_event(line):
                record_event(meta, event, start_ms)
            elif speaker is None:
                header.append(line)
            elif line:
                body.append(line)
        flush()
        return RawTranscript(self.name, fragments, {**read_header(header), **meta})
