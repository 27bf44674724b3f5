"""Lines that start with who speaks, the reader behind the verbatim, Rev, ASR, Meet and timestamped layouts.

'[00:12:03] I: ...', 'R1: ...', 'Naam: ...', 'Speaker 1 (00:03:18):', '[SPEAKER_00]: ...',
'[00:00:01.000 --> 00:00:03.000] text', '00:00:05 text'. Every line has one place: a speaker's turn,
its own turn (a heading, an annotation such as 'Image description: ...', a line of a file without
speakers), the header's metadata, or the footer's; a label that names nobody is speech."""

from __future__ import annotations

import functools
import re
from collections import Counter
from collections.abc import Sequence

from workbench.transcripts.clock import CLOCK, parse_clock
from workbench.transcripts.header import is_footer, read_header, record_event, transcription_event
from workbench.transcripts.labels import KNOWN, is_annotation, speaker_labels, unknown_speaker
from workbench.transcripts.model import Fragment, RawTranscript

_TIME = rf"[\[(]?(?P<time>{CLOCK})(?:\s*-->\s*(?P<until>{CLOCK}))?[\])]?"
LABELLED = re.compile(
    rf"^(?:{_TIME}\s*[-–]?\s*)?\[?(?P<label>[^\W\d_][\w.'’ -]{{0,39}}?)\]?"
    rf"(?:\s*[\[(](?P<after>{CLOCK})[\])])?\s*:(?:\s+(?P<text>.*))?$"
)
BARE_TIME = re.compile(rf"^{_TIME}$")
TIMED = re.compile(rf"^{_TIME}\s+(?P<text>\S.*)$")
_MARKDOWN_HEADING = re.compile(r"^#{1,6}\s+(?P<text>\S.*)$")
_HEADING_WORDS = frozenset(
    "part deel section sectie chapter hoofdstuk thema topic onderwerp vraag question blok block intro "
    "introductie inleiding afsluiting closing pauze break einde end".split()
)


def speaker_lines(lines: Sequence[str]) -> list[re.Match[str]]:
    """The lines that start a speaker's turn."""
    _, matches, speakers = _read_labels(tuple(lines))
    return [m for m in matches if m and m["label"].strip() in speakers]


@functools.lru_cache(maxsize=1)  # several layouts ask of the same lines while detection tries them
def _read_labels(lines: tuple[str, ...]) -> tuple[list[str], list[re.Match[str] | None], set[str]]:
    """The lines stripped, each one's label match, and the labels that name speakers."""
    stripped = [line.strip() for line in lines]
    matches = [LABELLED.match(line) if ":" in line else None for line in stripped]
    counts = Counter(m["label"].strip() for m in matches if m)
    return stripped, matches, speaker_labels(counts, sum(1 for line in stripped if line))


def timed_lines(lines: Sequence[str]) -> int:
    return sum(1 for line in lines if line.lstrip()[:1] in "0123456789[(" and TIMED.match(line.strip()))


def is_asr_label(label: str) -> bool:
    """'SPEAKER_00', 'Speaker A', 'Speaker 0': a label a speech recogniser gives."""
    return bool(KNOWN.match(label)) and label.split("_")[0].split()[0].casefold() == "speaker"


def parse_labelled(name: str, lines: Sequence[str]) -> RawTranscript:
    return _Reader(lines).read(name)


class _Reader:
    def __init__(self, lines: Sequence[str]):
        self.lines, self.matches, self.speakers = _read_labels(tuple(lines))
        self.fragments: list[Fragment] = []
        self.meta: dict = {}
        self.apart: list[str] = []
        self.speaker: str | None = None
        self.times: tuple[int | None, int | None] = (None, None)
        self.body: list[str] = []

    def read(self, name: str) -> RawTranscript:
        header: list[str] = []
        pending: int | None = None
        for i, line in enumerate(self.lines):
            if not line:
                continue
            match = self.matches[i]
            label = match["label"].strip() if match else None
            if is_footer(line):
                self.meta.setdefault("footer", []).append(line)
                self.apart.append(line)
            elif event := transcription_event(line):
                record_event(self.meta, event, self.times[0])
                self.apart.append(line)
            elif match and label in self.speakers:
                start = match["time"] or match["after"]
                self._start(label, parse_clock(start) if start else pending, _ms(match["until"]))
                pending = None
                if (match["text"] or "").strip():
                    self.body.append(match["text"].strip())
            elif bare := BARE_TIME.match(line):
                pending = parse_clock(bare["time"])
            elif not self.speakers and (timed := TIMED.match(line)):
                self._start(unknown_speaker(), parse_clock(timed["time"]), _ms(timed["until"]))
                self.body.append(timed["text"])
            elif self.speaker is None and not self.fragments:
                header.append(line)
            elif (match and label and is_annotation(label)) or self._is_heading(i):
                heading = _MARKDOWN_HEADING.match(line)
                self._start(unknown_speaker(), pending, None)
                self.body.append(heading["text"] if heading else line)
            else:
                self.body.append(line)
        self._flush()
        read = read_header(header)
        preamble = [Fragment(unknown_speaker(), "\n".join(read.extra))] if read.extra else []
        return RawTranscript(name, preamble + self.fragments, {**read.meta, **self.meta},
                             apart=read.apart + self.apart)

    def _start(self, speaker: str, start_ms: int | None, end_ms: int | None) -> None:
        if speaker == self.speaker and speaker in self.speakers and self.body:  # the same speaker goes on
            self.times = (self.times[0], end_ms if end_ms is not None else self.times[1])
            return
        self._flush()
        self.speaker, self.times = speaker, (start_ms, end_ms)

    def _flush(self) -> None:
        if self.speaker is not None and self.body:
            self.fragments.append(Fragment(self.speaker, "\n".join(self.body), *self.times))
        self.body = []

    def _is_heading(self, i: int) -> bool:
        """A line standing alone before a speaker's line: '# Deel 2', 'Part two', 'Werkdruk En Uren';
        never a sentence (it would end in punctuation) and never of more than six words."""
        line = self.lines[i]
        if _MARKDOWN_HEADING.match(line):
            return True
        after = next((k for k in range(i + 1, len(self.lines)) if self.lines[k]), None)
        if after is None or i == 0 or self.lines[i - 1] or self.lines[i + 1] or not self._starts_turn(after):
            return False
        words = line.split()
        if len(words) > 6 or line[-1] in ".?!…,;:\"”’'" or not line[0].isupper() and not line[0].isdigit():
            return False
        return (words[0].casefold().strip(".:") in _HEADING_WORDS or line[0].isdigit()
                or all(w[0].isupper() or not w[0].isalpha() for w in words))

    def _starts_turn(self, i: int) -> bool:
        match = self.matches[i]
        return bool(match and match["label"].strip() in self.speakers)


def _ms(clock: str | None) -> int | None:
    return parse_clock(clock) if clock else None
