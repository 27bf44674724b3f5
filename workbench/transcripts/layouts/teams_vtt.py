"""Teams .vtt, current: cue ids 'GUID/n-k'; cues sharing n are one utterance."""

from __future__ import annotations

import re
from collections.abc import Sequence

from workbench.transcripts.base import Layout
from workbench.transcripts.model import RawTranscript
from workbench.transcripts.webvtt import ARROW, cue_fragments, read_cues

_CUE_ID = re.compile(r"^(?P<utterance>[^/\s]+/\d+)-\d+$")


class TeamsVtt(Layout):
    name = "teams-vtt"

    def recognise(self, lines: Sequence[str]) -> bool:
        return any(
            _CUE_ID.match(line.strip()) and ARROW.match(following.strip())
            for line, following in zip(lines, lines[1:])
        )

    def parse(self, lines: Sequence[str]) -> RawTranscript:
        found = read_cues(lines)

        def utterance(cue) -> str | None:
            match = _CUE_ID.match(cue.cue_id or "")
            return match["utterance"] if match else cue.cue_id

        return RawTranscript(self.name, cue_fragments(found, utterance), joiner=" ", sort_by_time=True,
                             apart=found.header + found.apart)
