"""Zoom .vtt: numbered cues whose text starts with the speaker's name ('Anna de Vries: Goedemorgen.')."""

from __future__ import annotations

from collections.abc import Sequence

from workbench.transcripts.base import Layout
from workbench.transcripts.labels import is_unknown
from workbench.transcripts.model import RawTranscript
from workbench.transcripts.webvtt import cue_fragments, has_cues, is_webvtt, read_cues


class ZoomVtt(Layout):
    name = "zoom-vtt"

    def recognise(self, lines: Sequence[str]) -> bool:
        if not (is_webvtt(lines) and has_cues(lines)):
            return False
        return any(not is_unknown(fragment.speaker) for fragment in cue_fragments(read_cues(lines)))

    def parse(self, lines: Sequence[str]) -> RawTranscript:
        found = read_cues(lines)
        return RawTranscript(self.name, cue_fragments(found), joiner=" ", apart=found.header + found.apart)
