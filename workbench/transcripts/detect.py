"""Recognise a file's layout by its content and parse it into a ParsedTranscript."""

from __future__ import annotations

import hashlib
import re
import string
import unicodedata
from collections import Counter
from collections.abc import Sequence
from dataclasses import replace
from pathlib import Path

from workbench.errors import WorkbenchError
from workbench.i18n import _
from workbench.transcripts import wordcheck
from workbench.transcripts.assemble import assemble, find_start
from workbench.transcripts.labels import is_unknown, unknown_speaker
from workbench.transcripts.layouts import LAYOUTS
from workbench.transcripts.model import Fragment, ParsedTranscript, ParsedTurn, RawTranscript
from workbench.transcripts.reader import drop_controls, normalise, read_lines
from workbench.transcripts.webvtt import is_webvtt, read_cues

SUFFIXES = {".docx", ".vtt", ".txt", ".srt", ".md", ".markdown"}


LARGEST = 20_000_000  # bytes
_NOT_WORD = string.punctuation + "“”‘’«»…–—"


def parse_file(path: Path, name: str | None = None) -> ParsedTranscript:
    """Read and parse one transcript file, every word of it kept (or refused); errors name the file."""
    try:
        size = path.stat().st_size
        if size > LARGEST:
            raise WorkbenchError(_("{value:.1f} MB is too large for an interview transcript (the limit is "
                                   "{value2:.0f} MB; a three-hour Teams transcript is about 1 MB)").format(
                value=size / 1e6, value2=LARGEST / 1e6),
                                 where=str(path))
        data = path.read_bytes()
    except OSError as exc:
        raise WorkbenchError(_("cannot read file: {strerror}").format(strerror=exc.strerror), where=str(path)) from exc
    try:
        read = read_lines(data, path.suffix)
        parsed = _parse(read.lines, name or path.stem, hashlib.sha256(data).hexdigest(), str(path), read.dropped)
    except WorkbenchError as exc:
        raise exc.at(str(path)) from exc
    if read.encoding not in ("utf-8", "docx"):
        parsed.meta["encoding"] = read.encoding
    return parsed


def parse_text(text: str, name: str) -> ParsedTranscript:
    """Parse transcript text already in memory, every word of it kept (or refused)."""
    digest = hashlib.sha256(text.encode("utf-8")).hexdigest()
    text, dropped = drop_controls(normalise(text))
    return _parse(text.split("\n"), name, digest, name, dropped)


def parse_source(text: str, name: str) -> ParsedTranscript:
    """Exchanged plain text (REFI-QDA), every word kept: in its transcript layout when that keeps every
    word but speaker labels and times (text before the first speaker line is a turn of its own), else
    as a plain document, one turn per paragraph, speaker unknown."""
    digest = hashlib.sha256(text.encode("utf-8")).hexdigest()
    text, dropped = drop_controls(normalise(text))
    if not text.strip():
        raise WorkbenchError(_("the source holds no text"))
    lines = text.split("\n")
    layout = next((layout for layout in LAYOUTS if layout.recognise(lines)), None)
    raw = _with_preamble(layout.parse(lines), text) if layout is not None else None
    if raw is None or not _is_conversation(raw) or _words_lost(text, raw):
        paragraphs = [p for p in re.split(r"\n\s*\n", text) if p.strip()]
        raw = RawTranscript("plain", [Fragment(unknown_speaker(), p) for p in paragraphs], merge_speakers=False)
    return _finish(raw, name, digest, name, dropped)


def _with_preamble(raw: RawTranscript, text: str) -> RawTranscript:
    """The text before the first turn's speaker line as a turn of its own (a title, a date, an
    introduction): the header metadata keeps what it recognised, the transcript keeps every word."""
    first = next((f for f in raw.fragments if f.text.strip()), None)
    if first is None:
        return raw
    found = find_start(first.text, text)
    before = text[:found] if found is not None else ""
    lines = before.rstrip().split("\n")
    if lines and first.speaker in lines[-1]:  # its speaker line
        lines.pop()
    preamble = "\n".join(lines).strip()
    if not preamble:
        return raw
    return replace(raw, fragments=[Fragment(unknown_speaker(), preamble), *raw.fragments])


def _is_conversation(raw: RawTranscript) -> bool:
    """Two speakers or more, and more words spoken than outside the turns; where no speaker line carries a time
    (labels at line starts: 'R1: ...'), turn-taking too: one speaker three times or more, the floor changing
    hands twice or more. A document of comments whose paragraphs start 'Covid:' or 'Pfizer:' (each used once
    or twice), or with two 'Auteur:' lines, is not an interview."""
    spoken = [f for f in raw.fragments if not is_unknown(f.speaker)]
    before = sum(len(f.text.split()) for f in raw.fragments if is_unknown(f.speaker))
    uses = Counter(f.speaker for f in spoken)
    if len(uses) < 2 or sum(len(f.text.split()) for f in spoken) <= before:
        return False
    changes = sum(a.speaker != b.speaker for a, b in zip(spoken, spoken[1:]))
    return any(f.start_ms is not None for f in spoken) or (max(uses.values()) >= 3 and changes >= 2)


def _words_lost(text: str, raw: RawTranscript) -> int:
    """Characters of words in the text that its turns do not hold, but for speaker labels (a layout
    that takes a sentence's 'Auteur:' for a speaker drops what it could not place)."""
    return words_not_kept(text, " ".join(f.text for f in raw.fragments), [f.speaker for f in raw.fragments])


def words_not_kept(source: str, kept: str, speakers: Sequence[str]) -> int:
    """Characters of the source's words (with a letter) that are neither in kept nor a speaker's label."""
    def words(value: str) -> Counter[str]:
        found: Counter[str] = Counter()
        for token, n in Counter(value.split()).items():  # each different token stripped once
            word = token.strip(_NOT_WORD)
            if any(map(str.isalpha, word)):
                found[word] += n
        return found

    missing = words(source) - words(kept)
    for speaker in set(speakers):
        missing -= Counter({w: missing[w] for w in words(speaker)})
    return sum(len(w) * n for w, n in missing.items())


def _parse(lines: Sequence[str], name: str, sha256: str, source: str, dropped: int = 0) -> ParsedTranscript:
    layout = next((layout for layout in LAYOUTS if layout.recognise(lines)), None)
    if layout is None:
        if any("-->" in line for line in lines):
            read_cues(lines)  # a timing line that is none says so, with its line
        if is_webvtt(lines):
            raise WorkbenchError(_("WebVTT file has no cues"))
        raise WorkbenchError(
            _("no transcript turns found: expected speaker lines ('Name   0:03', 'Speaker 1 (00:03:18):'), cues "
              "(WebVTT, SRT), labelled lines ('I: ...', 'R1: ...') or timestamped lines ('[00:00:05] ...')")
        )
    raw = layout.parse(lines)
    parsed = _finish(raw, name, sha256, source, dropped)
    wordcheck.check(lines, raw, [parsed.text[t.start : t.end] for t in parsed.turns])
    return parsed


def transcript_name(name: str) -> str:
    """A transcript's name as stored and looked up: NFC (a file name from macOS is NFD), one printable line."""
    name = unicodedata.normalize("NFC", name).strip()
    if not name or not name.isprintable():
        raise WorkbenchError(
            _("transcript name {name!r} is empty or holds a line break or control character; rename the file").format(
                name=name
            )
        )
    return name


def _finish(raw: RawTranscript, name: str, sha256: str, source: str, dropped: int = 0) -> ParsedTranscript:
    name = transcript_name(name)
    text, turns = assemble(raw)
    if not turns:
        raise WorkbenchError(_("looks like a {layout} transcript but holds no speech").format(layout=raw.layout))
    meta = dict(raw.meta)
    meta.setdefault("duration_ms", _last_end(turns))
    if dropped:
        meta["control_characters_dropped"] = dropped
    return ParsedTranscript(name, raw.layout, text, tuple(turns), meta, sha256, source)


def _last_end(turns: Sequence[ParsedTurn]) -> int | None:
    times = [t for turn in turns for t in (turn.start_ms, turn.end_ms) if t is not None]
    return max(times) if times else None
