"""Teams .vtt, older: no cue ids, unpadded times like '0:0:13.370'."""

from __future__ import annotations

from collections.abc import Sequence

from workbench.transcripts.base import Layout
from workbench.transcripts.model import RawTranscript
from workbench.transcripts.webvtt import ARROW, cues, has_voice_tags, is_webvtt, to_fragment


class TeamsVttLegacy(Layout):
    name = "teams-vtt-legacy"

    def recognise(self, lines: Sequence[str]) -> bool:
        has_cues = any(ARROW.match(line.strip()) for line in lines)
        return has_cues and (is_webvtt(lines) or has_voice_tags(lines))

    def parse(self, lines: Sequence[str]) -> RawTranscript:
        fragments = [f for cue in cues(lines) if (f := to_fragment(cue))]
        return RawTranscript(self.name, fragments, joiner=" ", sort_by_time=True)
