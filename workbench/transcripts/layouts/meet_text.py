"""Google Meet's transcript document (.docx, .txt): a title, 'Attendees' and their names, 'Transcript',
then 'Name: text' lines with a '00:05:00' line every few minutes, and 'Meeting ended after ...'."""

from __future__ import annotations

import re
from collections.abc import Sequence

from workbench.transcripts.base import Layout
from workbench.transcripts.labelled import parse_labelled, speaker_lines
from workbench.transcripts.model import RawTranscript

_MARKERS = re.compile(r"^(?:attendees|deelnemers|transcript|transcriptie)$", re.IGNORECASE)


class MeetText(Layout):
    name = "meet-text"

    def recognise(self, lines: Sequence[str]) -> bool:
        return sum(1 for line in lines[:50] if _MARKERS.match(line.strip())) >= 2 and bool(speaker_lines(lines))

    def parse(self, lines: Sequence[str]) -> RawTranscript:
        return parse_labelled(self.name, lines)
