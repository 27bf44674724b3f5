"""Timestamped lines without speakers (half the lines or more) ('00:00:05 text', '[00:01:02] text', whisper.cpp's
'[00:00:00.000 --> 00:00:05.000] text'): each line a turn with its time, its speaker unknown."""

from __future__ import annotations

from collections.abc import Sequence

from workbench.transcripts.base import Layout
from workbench.transcripts.labelled import parse_labelled, speaker_lines, timed_lines
from workbench.transcripts.model import RawTranscript


class Timestamped(Layout):
    name = "timestamped"

    def recognise(self, lines: Sequence[str]) -> bool:
        timed = timed_lines(lines)
        return bool(timed) and 2 * timed >= sum(1 for line in lines if line.strip()) and not speaker_lines(lines)

    def parse(self, lines: Sequence[str]) -> RawTranscript:
        return parse_labelled(self.name, lines)
