"""Teams .docx, older: blocks of a '0:0:0.0 --> 0:0:3.810' line, a speaker, text."""

from __future__ import annotations

from collections.abc import Sequence

from workbench.transcripts.base import Layout
from workbench.transcripts.clock import parse_clock
from workbench.transcripts.header import read_header, record_event, transcription_event
from workbench.transcripts.labels import unknown_speaker
from workbench.transcripts.model import Fragment, RawTranscript
from workbench.transcripts.webvtt import ARROW, has_voice_tags, is_webvtt


class TeamsDocxLegacy(Layout):
    name = "teams-docx-legacy"

    def recognise(self, lines: Sequence[str]) -> bool:
        if is_webvtt(lines) or has_voice_tags(lines):
            return False
        return any(ARROW.match(line.strip()) for line in lines)

    def parse(self, lines: Sequence[str]) -> RawTranscript:
        stripped = [line.strip() for line in lines]
        starts = [i for i, line in enumerate(stripped) if ARROW.match(line)]
        header = read_header(stripped[: starts[0]])
        meta, apart = header.meta, header.apart
        blocks = []  # (timing, the block's other lines)
        for position, first in enumerate(starts):
            last = starts[position + 1] if position + 1 < len(starts) else len(stripped)
            timing = ARROW.match(stripped[first])
            start_ms = parse_clock(timing["start"])
            body = []
            for line in stripped[first + 1 : last]:
                if event := transcription_event(line):
                    record_event(meta, event, start_ms)
                    apart.append(line)
                elif line:
                    body.append(line)
            blocks.append(((start_ms, parse_clock(timing["end"])), body))
        speakers = {body[0] for _, body in blocks if len(body) >= 2}
        fragments = [Fragment(unknown_speaker(), "\n".join(header.extra))] if header.extra else []
        for times, body in blocks:
            if len(body) >= 2:
                fragments.append(Fragment(body[0], "\n".join(body[1:]), *times))
            elif body and body[0] in speakers:  # a speaker who said nothing in this block
                apart.append(body[0])
            elif body:  # text, and no speaker
                fragments.append(Fragment(unknown_speaker(), body[0], *times))
        return RawTranscript(self.name, fragments, meta, joiner=" ", apart=apart)
