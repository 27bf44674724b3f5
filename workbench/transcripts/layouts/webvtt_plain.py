"""WebVTT without speakers (captions, a transcription service): each cue a turn, its speaker unknown."""

from __future__ import annotations

from collections.abc import Sequence

from workbench.transcripts.base import Layout
from workbench.transcripts.model import RawTranscript
from workbench.transcripts.webvtt import cue_fragments, has_cues, is_webvtt, read_cues


class WebVttPlain(Layout):
    name = "webvtt"

    def recognise(self, lines: Sequence[str]) -> bool:
        return is_webvtt(lines) and has_cues(lines)

    def parse(self, lines: Sequence[str]) -> RawTranscript:
        found = read_cues(lines)
        return RawTranscript(self.name, cue_fragments(found), joiner=" ", apart=found.header + found.apart)
