"""SubRip (.srt): numbered cues, times with a comma ('00:00:01,000 --> 00:00:02,000'); with or without
'Name: ' or '[SPEAKER_00]: ' before the text (WhisperX, WhisperLive, a subtitle editor)."""

from __future__ import annotations

import re
from collections.abc import Sequence

from workbench.transcripts.base import Layout
from workbench.transcripts.model import RawTranscript
from workbench.transcripts.webvtt import ARROW, cue_fragments, is_webvtt, read_cues

_NUMBER = re.compile(r"^\d{1,9}$")


class Srt(Layout):
    name = "srt"

    def recognise(self, lines: Sequence[str]) -> bool:
        if is_webvtt(lines):
            return False
        stripped = [line.strip() for line in lines]
        return any(_NUMBER.match(line) and ARROW.match(after) for line, after in zip(stripped, stripped[1:]))

    def parse(self, lines: Sequence[str]) -> RawTranscript:
        found = read_cues(lines)
        return RawTranscript(self.name, cue_fragments(found), joiner=" ", apart=found.header + found.apart)
