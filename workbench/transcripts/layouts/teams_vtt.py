"""Teams .vtt, current: cue ids 'GUID/n-k'; cues sharing n are one utterance."""

from __future__ import annotations

import re
from collections.abc import Sequence

from workbench.transcripts.base import Layout
from workbench.transcripts.model import RawTranscript
from workbench.transcripts.webvtt import ARROW, cues, to_fragment

_CUE_ID = re.compile(r"^(?P<utterance>[^/\s]+/\d+)-\d+$")


class TeamsVtt(Layout):
    name = "teams-vtt"

    def recognise(self, lines: Sequence[str]) -> bool:
        return any(
            _CUE_ID.match(line.strip()) and ARROW.match(following.strip())
            for line, following in zip(lines, lines[1:])
        )

    def parse(self, lines: Sequence[str]) -> RawTranscript:
        fragments = []
        for cue in cues(lines):
            match = _CUE_ID.match(cue.cue_id or "")
            utterance = match["utterance"] if match else cue.cue_id
            if fragment := to_fragment(cue, utterance):
                fragments.append(fragment)
        return RawTranscript(self.name, fragments, joiner=" ", sort_by_time=True)
