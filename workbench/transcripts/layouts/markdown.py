"""Markdown transcripts: the speaker in bold ('**[00:03] SPEAKER_00:** text', '**Anna:** text',
'**Anna** [00:00:30] text', Otter's '**Kelly**  0:00' above the text), '#' headings as turns of their own.

The bold is taken off the labels, and the lines are read in the layout they then have."""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import replace

from workbench.transcripts.base import Layout
from workbench.transcripts.clock import CLOCK
from workbench.transcripts.model import RawTranscript

_BOLD = re.compile(r"^(?P<mark>\*\*|__)(?P<inner>.+?)(?P=mark)(?P<colon>:?)\s*(?P<rest>.*)$")
_TIME_FIRST = re.compile(rf"^[\[(](?P<time>{CLOCK})[\])]\s*:?\s*(?P<text>.*)$")
_BARE = re.compile(rf"^{CLOCK}$")


def unwrap(line: str) -> str:
    """A line with its bold label as a plain one: '**Anna** [00:00:30] text' is '[00:00:30] Anna: text'."""
    match = _BOLD.match(line.strip()) if line.lstrip().startswith(("**", "__")) else None
    if not match:
        return line
    inner, rest = match["inner"].strip(), match["rest"]
    if inner.endswith(":") or match["colon"]:
        return f"{inner.rstrip(':')}: {rest}".rstrip()
    if _BARE.match(rest):
        return f"{inner}  {rest}"
    if timed := _TIME_FIRST.match(rest):
        return f"[{timed['time']}] {inner}: {timed['text']}".rstrip()
    return line


class Markdown(Layout):
    name = "markdown"

    def recognise(self, lines: Sequence[str]) -> bool:
        return any(unwrap(line) != line for line in lines) and self._inner([unwrap(line) for line in lines])

    def parse(self, lines: Sequence[str]) -> RawTranscript:
        plain = [unwrap(line) for line in lines]
        inner = self._inner(plain)
        assert inner is not None
        return replace(inner.parse(plain), layout=self.name)

    def _inner(self, lines: Sequence[str]) -> Layout | None:
        from workbench.transcripts.layouts import LAYOUTS

        return next((layout for layout in LAYOUTS if layout is not self and layout.recognise(lines)), None)
