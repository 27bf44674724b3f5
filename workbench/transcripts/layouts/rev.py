"""Rev (.txt and .docx): 'Speaker 1 (00:03:18):' or 'Anna de Vries (01:02):', then what they said."""

from __future__ import annotations

from collections.abc import Sequence

from workbench.transcripts.base import Layout
from workbench.transcripts.labelled import parse_labelled, speaker_lines
from workbench.transcripts.model import RawTranscript


class Rev(Layout):
    name = "rev"

    def recognise(self, lines: Sequence[str]) -> bool:
        return any(match["after"] for match in speaker_lines(lines))

    def parse(self, lines: Sequence[str]) -> RawTranscript:
        return parse_labelled(self.name, lines)
