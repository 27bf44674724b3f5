"""Text from a speech recogniser with diarisation: WhisperX '[SPEAKER_00]: ...', AssemblyAI 'Speaker A: ...',
Deepgram 'Speaker 0: ...', with or without '[00:00:01.000 --> 00:00:03.000]' before them."""

from __future__ import annotations

from collections.abc import Sequence

from workbench.transcripts.base import Layout
from workbench.transcripts.labelled import is_asr_label, parse_labelled, speaker_lines
from workbench.transcripts.model import RawTranscript


class AsrText(Layout):
    name = "asr-text"

    def recognise(self, lines: Sequence[str]) -> bool:
        labels = {match["label"].strip() for match in speaker_lines(lines)}
        return bool(labels) and all(is_asr_label(label) for label in labels)

    def parse(self, lines: Sequence[str]) -> RawTranscript:
        return parse_labelled(self.name, lines)
