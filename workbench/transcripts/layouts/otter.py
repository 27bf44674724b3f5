"""Otter (.txt, .docx): 'Kelly Smith  0:00' lines, each followed by what was said, and 'Transcribed by
https://otter.ai' under it (kept as metadata, never as speech)."""

from __future__ import annotations

from collections.abc import Sequence

from workbench.transcripts.header import is_footer
from workbench.transcripts.layouts.teams_docx import TeamsDocx


class Otter(TeamsDocx):
    name = "otter"

    def recognise(self, lines: Sequence[str]) -> bool:
        return super().recognise(lines) and any("otter.ai" in line and is_footer(line) for line in lines)
