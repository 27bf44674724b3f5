"""Writing an invented interview in each transcript layout the workbench reads."""

from __future__ import annotations

import random
import textwrap
import uuid
from pathlib import Path

from workbench.sample.plan import Interview, Utterance
from workbench.transcripts.clock import format_clock

MONTHS_NL = ("januari", "februari", "maart", "april", "mei", "juni", "juli", "augustus",
             "september", "oktober", "november", "december")
MONTHS_EN = ("January", "February", "March", "April", "May", "June", "July", "August",
             "September", "October", "November", "December")


def write(interview: Interview, folder: Path, rng: random.Random) -> Path:
    """Write the interview in its layout; returns the file."""
    writer, suffix = {
        "teams-docx": (_teams_docx, ".docx"),
        "teams-docx-inline": (_teams_docx, ".docx"),
        "teams-docx-legacy": (_teams_docx_legacy, ".docx"),
        "teams-vtt": (_teams_vtt, ".vtt"),
        "teams-vtt-legacy": (_teams_vtt_legacy, ".vtt"),
        "verbatim-docx": (_verbatim_docx, ".docx"),
        "verbatim-txt": (_verbatim_txt, ".txt"),
    }[interview.layout]
    path = folder / f"{interview.name}{suffix}"
    writer(interview, path, rng)
    return path


def _duration(ms: int) -> str:
    minutes, seconds = divmod(ms // 1000, 60)
    hours, minutes = divmod(minutes, 60)
    return f"{hours}h {minutes}m {seconds}s" if hours else f"{minutes}m {seconds}s"


def _header(interview: Interview, english: bool) -> list[str]:
    year, month, day = interview.date
    date = (f"{MONTHS_EN[month - 1]} {day}, {year}, 10:0{day % 10}AM" if english
            else f"{day} {MONTHS_NL[month - 1]} {year}, 10:0{day % 10}")
    return [f"Interview internationalisering {interview.name[-2:]}", date,
            _duration(interview.utterances[-1].end_ms)]


def _event(interview: Interview, english: bool, started: bool) -> str:
    who = interview.interviewer.name
    if english:
        return f"{who} {'started' if started else 'stopped'} transcription"
    return f"{who} heeft de transcriptie {'gestart' if started else 'gestopt'}"


def _document():
    import docx

    document = docx.Document()
    document.core_properties.author = "Microsoft Teams"
    return document


def _paragraph_with_breaks(document, lines: list[str]) -> None:
    paragraph = document.add_paragraph()
    for i, line in enumerate(lines):
        run = paragraph.add_run(line)
        if i + 1 < len(lines):
            run.add_break()


def _teams_docx(interview: Interview, path: Path, rng: random.Random) -> None:
    english = interview.name[-1] in "13579"
    inline = interview.layout.endswith("inline")
    document = _document()
    for line in _header(interview, english):
        document.add_paragraph(line)
    document.add_paragraph(_event(interview, english, True))
    for utterance in interview.utterances:
        head = f"{interview.label(utterance.speaker)}   {format_clock(utterance.start_ms)}"
        paragraphs = _paragraphs(utterance.text, rng)
        if inline:
            _paragraph_with_breaks(document, [head, *paragraphs])
        else:
            document.add_paragraph(head)
            for text in paragraphs:
                document.add_paragraph(text)
    document.add_paragraph(_event(interview, english, False))
    document.save(path)


def _paragraphs(text: str, rng: random.Random) -> list[str]:
    """Long answers come as several paragraphs."""
    sentences = text.split(". ")
    if len(sentences) < 6 or rng.random() < 0.5:
        return [text]
    cut = len(sentences) // 2
    return [". ".join(sentences[:cut]) + ".", ". ".join(sentences[cut:])]


def _cues(utterance: Utterance, words_per_cue: int = 12) -> list[tuple[int, int, str]]:
    """An utterance cut into timed cues, as Teams does."""
    words = utterance.text.split()
    chunks = [" ".join(words[i : i + words_per_cue]) for i in range(0, len(words), words_per_cue)]
    span = max(utterance.end_ms - utterance.start_ms, len(chunks))
    step = span // len(chunks)
    return [(utterance.start_ms + i * step, utterance.start_ms + (i + 1) * step, chunk)
            for i, chunk in enumerate(chunks)]


def _legacy_clock(ms: int) -> str:
    hours, rest = divmod(ms, 3_600_000)
    minutes, rest = divmod(rest, 60_000)
    seconds, millis = divmod(rest, 1000)
    return f"{hours}:{minutes}:{seconds}.{millis}" if millis else f"{hours}:{minutes}:{seconds}.0"


def _padded_clock(ms: int) -> str:
    hours, rest = divmod(ms, 3_600_000)
    minutes, rest = divmod(rest, 60_000)
    seconds, millis = divmod(rest, 1000)
    return f"{hours:02d}:{minutes:02d}:{seconds:02d}.{millis:03d}"


def _teams_docx_legacy(interview: Interview, path: Path, rng: random.Random) -> None:
    document = _document()
    together = rng.random() < 0.5  # block as one paragraph with line breaks
    for utterance in interview.utterances:
        for start, end, text in _cues(utterance):
            lines = [f"{_legacy_clock(start)} --> {_legacy_clock(end)}", interview.label(utterance.speaker), text]
            if together:
                _paragraph_with_breaks(document, lines)
            else:
                for line in lines:
                    document.add_paragraph(line)
    document.save(path)


def _teams_vtt(interview: Interview, path: Path, rng: random.Random) -> None:
    """Current Teams .vtt: GUID/n-k cue ids, wrapped text, an occasional overlapping 'Hmm.'."""
    streams = {}
    blocks = ["WEBVTT", ""]
    n = 0
    for utterance in interview.utterances:
        stream = streams.setdefault(utterance.speaker.pseudonym or "guest", str(uuid.UUID(int=rng.getrandbits(128))))
        n += 1
        cues = _cues(utterance)
        for k, (start, end, text) in enumerate(cues):
            wrapped = "\n".join(textwrap.wrap(text, 42))
            blocks += [f"{stream}/{n}-{k}", f"{_padded_clock(start)} --> {_padded_clock(end)}",
                       f"<v {interview.label(utterance.speaker)}>{wrapped}</v>", ""]
        if len(cues) >= 3 and utterance.speaker.role == "respondent" and rng.random() < 0.3:
            n += 1
            at = cues[1][0] + 300
            me = interview.interviewer
            blocks += [f"{streams.setdefault(me.pseudonym, str(uuid.UUID(int=rng.getrandbits(128))))}/{n}-0",
                       f"{_padded_clock(at)} --> {_padded_clock(at + 600)}", f"<v {me.name}>Hmm.</v>", ""]
    path.write_text("\n".join(blocks), encoding="utf-8")


def _teams_vtt_legacy(interview: Interview, path: Path, rng: random.Random) -> None:
    """Older Teams .vtt: no cue ids, unpadded times, BOM and CRLF."""
    blocks = ["WEBVTT", ""]
    for utterance in interview.utterances:
        for start, end, text in _cues(utterance):
            blocks += [f"{_legacy_clock(start)} --> {_legacy_clock(end)}",
                       f"<v {interview.label(utterance.speaker)}>{text}</v>", ""]
    path.write_bytes(b"\xef\xbb\xbf" + "\r\n".join(blocks).encode("utf-8"))


def _verbatim_lines(interview: Interview, rng: random.Random, stamps: bool) -> list[str]:
    year, month, day = interview.date
    lines = [f"Transcriptie {interview.name}", f"Datum: {day:02d}-{month:02d}-{year}",
             "I = interviewer, R = respondent", ""]
    for utterance in interview.utterances:
        label = interview.label(utterance.speaker) if utterance.speaker.role != "guest" else "Gast"
        stamp = f"[{_padded_clock(utterance.start_ms)[:8]}] " if stamps else ""
        first, *rest = _paragraphs(utterance.text, rng)
        lines.append(f"{stamp}{label}: {first}")
        lines.extend(rest)
        lines.append("")
    return lines


def _verbatim_docx(interview: Interview, path: Path, rng: random.Random) -> None:
    document = _document()
    for line in _verbatim_lines(interview, rng, stamps=True):
        if line:
            document.add_paragraph(line)
    document.save(path)


def _verbatim_txt(interview: Interview, path: Path, rng: random.Random) -> None:
    stamps = interview.name[-1] in "02468"
    path.write_text("\n".join(_verbatim_lines(interview, rng, stamps)), encoding="utf-8")
