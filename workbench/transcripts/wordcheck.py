"""Every word of a transcript file is in its turns: the check every import makes.

The file's words are counted on its lines, leaving out timing lines, tags and what the layout said it
read as structure (cue ids, notes, the header and footer it recognised); a speaker's label counts as
kept. A word is a token with a letter, punctuation around it taken off."""

from __future__ import annotations

import html
import re
import string
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from workbench.errors import WorkbenchError
from workbench.i18n import _
from workbench.transcripts.clock import CLOCK
from workbench.transcripts.model import RawTranscript
from workbench.transcripts.webvtt import ARROW, TAG

_NOT_WORD = string.punctuation + "“”‘’«»…–—"
_TIMING_LINE = re.compile(rf"^[\[(]?{CLOCK}[\])]?$")
TIMING_TEXT = re.compile(rf"{CLOCK}\s*-->\s*{CLOCK}|<{CLOCK}>|^[\[(]?{CLOCK}[\])]?$", re.MULTILINE)


def words(text: str) -> list[str]:
    return [w for w in (t.strip(_NOT_WORD) for t in text.split()) if any(c.isalpha() for c in w)]


def _counts(texts: Iterable[str]) -> Counter[str]:
    """Words and how often, each distinct token looked at once (a 20 MB file has millions of tokens)."""
    found: Counter[str] = Counter()
    for token, n in Counter(t for text in texts for t in text.split()).items():
        word = token.strip(_NOT_WORD)
        if any(c.isalpha() for c in word):
            found[word] += n
    return found


def _speech(line: str) -> str:
    """A line of the file without what is never speech: a timing line, tags, character references."""
    line = line.strip()
    if "-->" in line and ARROW.match(line) or line[:1] in _TIMING_STARTS and _TIMING_LINE.match(line):
        return ""
    if "<" in line:
        line = TAG.sub(" ", line)
    return html.unescape(line) if "&" in line else line


_TIMING_STARTS = frozenset("0123456789[(")


@dataclass(frozen=True)
class Loss:
    lost: int
    total: int
    line: int | None = None  # where the first word lost stands, 1-based
    word: str = ""
    cue: int | None = None  # the cue it is in, in a file of cues


def lost_words(lines: Sequence[str], kept: Iterable[str], speakers: Iterable[str], apart: Iterable[str]) -> Loss:
    """How many of the lines' words are not kept (nor a speaker's label, nor structure), and where the
    first of them is."""
    source = _counts(map(_speech, lines))
    missing = source - _counts([*kept, *apart])
    for label in {w for speaker in speakers for w in words(speaker)}:
        missing.pop(label, None)
    lost = sum(missing.values())
    if not lost:
        return Loss(0, sum(source.values()))
    return _first_lost(lines, missing, Loss(lost, sum(source.values())))


def _first_lost(lines: Sequence[str], missing: Counter[str], loss: Loss) -> Loss:
    """The loss, with the line of the first missing word that no later copy of it can make up for (of a
    word said three times and kept twice, its third time)."""
    keys = list(missing)[:20]
    said = [(number, [w for w in words(_speech(line)) if w in missing])
            for number, line in enumerate(lines, start=1) if any(key in line for key in keys)]
    left = Counter(w for _, found in said for w in found)
    left.subtract(missing)  # how many of each are kept
    for number, found in said:
        for word in found:
            if left[word] <= 0:
                cues = sum(1 for line in lines[:number] if "-->" in line and ARROW.match(line.strip()))
                return Loss(loss.lost, loss.total, number, word, cues or None)
            left[word] -= 1
    return loss


def check(lines: Sequence[str], raw: RawTranscript, turn_texts: Sequence[str]) -> None:
    """Refuse a parse that would lose a word of the file or keep timing text as speech, in one line."""
    loss = lost_words(lines, turn_texts, {f.speaker for f in raw.fragments}, raw.apart)
    if loss.lost:
        where = (_("line {line}, cue {cue}").format(line=loss.line, cue=loss.cue) if loss.cue
                 else _("line {line}").format(line=loss.line))
        raise WorkbenchError(_("{lost} of {total} words would be lost (the first at {where}: {word!r}); read as "
                               "{layout}").format(lost=loss.lost, total=loss.total, where=where, word=loss.word,
                                                  layout=raw.layout))
    for n, text in enumerate(turn_texts, start=1):
        if found := TIMING_TEXT.search(text):
            raise WorkbenchError(_("timing text would be kept as speech in turn {n} ({text!r}); read as "
                                   "{layout}").format(n=n, text=found.group(), layout=raw.layout))
