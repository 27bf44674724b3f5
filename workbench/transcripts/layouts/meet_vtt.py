"""Google Meet .vtt: a line of the speaker's initials ('(DF)') where the speaker changes, inside cues."""

from __future__ import annotations

import re
from collections.abc import Sequence

from workbench.transcripts.base import Layout
from workbench.transcripts.labels import unknown_speaker
from workbench.transcripts.model import Fragment, RawTranscript
from workbench.transcripts.webvtt import has_cues, is_webvtt, read_cues, voices

_INITIALS = re.compile(r"^\((?P<initials>[A-Z][A-Za-z]{0,3})\)$")


class MeetVtt(Layout):
    name = "meet-vtt"

    def recognise(self, lines: Sequence[str]) -> bool:
        return is_webvtt(lines) and has_cues(lines) and any(_INITIALS.match(line.strip()) for line in lines)

    def parse(self, lines: Sequence[str]) -> RawTranscript:
        found = read_cues(lines)
        fragments: list[Fragment] = []
        speaker = unknown_speaker()  # until the first line of initials; then it carries over to the next cue
        for cue in found.cues:
            runs = [[speaker]]  # each: the speaker, then the lines they said
            for line in cue.lines:
                if match := _INITIALS.match(line):
                    runs.append([match["initials"]])
                else:
                    runs[-1].append(line)
            speaker = runs[-1][0]
            for who, *said in runs:
                if text := " ".join(text for _, text in voices(" ".join(said))):
                    fragments.append(Fragment(who, text, cue.start_ms, cue.end_ms, cue.cue_id))
        return RawTranscript(self.name, fragments, joiner=" ", apart=found.header + found.apart)
