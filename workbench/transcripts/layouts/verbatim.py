"""Verbatim transcripts: '[00:12:03] I: ...', 'R1: ...' or 'Naam: ...' lines; a transcript of one
labelled speaker too ('R1: ...' and nobody else)."""

from __future__ import annotations

from collections.abc import Sequence

from workbench.transcripts.base import Layout
from workbench.transcripts.labelled import parse_labelled, speaker_lines
from workbench.transcripts.model import RawTranscript


class Verbatim(Layout):
    name = "verbatim"

    def recognise(self, lines: Sequence[str]) -> bool:
        return bool(speaker_lines(lines))

    def parse(self, lines: Sequence[str]) -> RawTranscript:
        return parse_labelled(self.name, lines)
