"""Teams .vtt, older, and any WebVTT whose speakers are voice tags ('<v Name>'): no Teams cue ids."""

from __future__ import annotations

from collections.abc import Sequence

from workbench.transcripts.base import Layout
from workbench.transcripts.model import RawTranscript
from workbench.transcripts.webvtt import cue_fragments, has_cues, has_voice_tags, read_cues


class TeamsVttLegacy(Layout):
    name = "teams-vtt-legacy"

    def recognise(self, lines: Sequence[str]) -> bool:
        return has_voice_tags(lines) and has_cues(lines)

    def parse(self, lines: Sequence[str]) -> RawTranscript:
        found = read_cues(lines)
        return RawTranscript(self.name, cue_fragments(found), joiner=" ", sort_by_time=True,
                             apart=found.header + found.apart)
