"""Teams .docx, current: 'Speaker Name   0:03' lines, each followed by text paragraphs."""

from __future__ import annotations

import re
from collections.abc import Sequence

from workbench.transcripts.base import Layout
from workbench.transcripts.clock import CLOCK, parse_clock
from workbench.transcripts.header import is_footer, read_header, record_event, transcription_event
from workbench.transcripts.labels import unknown_speaker
from workbench.transcripts.model import Fragment, RawTranscript

SPEAKER_LINE = re.compile(rf"^(?P<speaker>\S.*?)(?: {{2,}}|\t+)(?P<time>{CLOCK})$")


class TeamsDocx(Layout):
    name = "teams-docx"

    def recognise(self, lines: Sequence[str]) -> bool:
        return any(line.rstrip()[-1:].isdigit() and SPEAKER_LINE.match(line.strip()) for line in lines)

    def parse(self, lines: Sequence[str]) -> RawTranscript:
        stripped = [line.strip() for line in lines]
        first = next(i for i, line in enumerate(stripped) if SPEAKER_LINE.match(line))
        header = read_header(stripped[:first])
        meta, apart = header.meta, header.apart
        fragments = [Fragment(unknown_speaker(), "\n".join(header.extra))] if header.extra else []
        speaker, start_ms, body = None, None, []

        def flush() -> None:
            if speaker and body:
                fragments.append(Fragment(speaker, "\n".join(body), start_ms))

        for line in stripped[first:]:
            if match := SPEAKER_LINE.match(line):
                flush()
                speaker, start_ms, body = match["speaker"], parse_clock(match["time"]), []
            elif event := transcription_event(line):
                record_event(meta, event, start_ms)
                apart.append(line)
            elif is_footer(line):
                meta.setdefault("footer", []).append(line)
                apart.append(line)
            elif line:
                body.append(line)
        flush()
        return RawTranscript(self.name, fragments, meta, apart=apart)
