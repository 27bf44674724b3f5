"""Fragments into turns and one canonical text in which every turn is a span."""

from __future__ import annotations

import re
import unicodedata

from workbench.transcripts.labels import is_unknown
from workbench.transcripts.model import Fragment, ParsedTurn, RawTranscript

TURN_SEPARATOR = "\n\n"
_GAP = re.compile(r"\s+")
_SPACES = re.compile(r"[ \t\u00a0\u2007\u202f]{2,}|[\t\u00a0\u2007\u202f]")


def clean(text: str) -> str:
    """NFC, single spaces, no blank or padded lines: a turn never holds '\\n\\n'."""
    text = _SPACES.sub(" ", unicodedata.normalize("NFC", text))
    if "\n" not in text:
        return text.strip()
    return "\n".join(line for line in map(str.strip, text.split("\n")) if line)


def find_start(words: str, text: str, position: int = 0) -> int | None:
    """Where text, from position on, holds the first six of these words, whatever the white space
    between them (how a turn is found again in the text it came from)."""
    said = words.split()[:6]
    if not said:
        return None
    first, *rest = said
    at = text.find(first, position)
    while at >= 0:
        end = at + len(first)
        for word in rest:
            gap = _GAP.match(text, end)
            if not gap or not text.startswith(word, gap.end()):
                break
            end = gap.end() + len(word)
        else:
            return at
        at = text.find(first, at + 1)
    return None


def in_time_order(fragments: list[Fragment]) -> list[Fragment]:
    """Utterances sorted by their first cue's start; cues kept together per utterance."""
    groups: dict[object, list[tuple[int, Fragment]]] = {}
    for position, fragment in enumerate(fragments):
        key = fragment.utterance if fragment.utterance is not None else ("cue", position)
        groups.setdefault(key, []).append((position, fragment))

    def start(item: tuple[int, Fragment]) -> tuple[int, int]:
        position, fragment = item
        return (fragment.start_ms if fragment.start_ms is not None else -1, position)

    ordered = sorted((sorted(group, key=start) for group in groups.values()), key=lambda g: start(g[0]))
    return [fragment for group in ordered for _, fragment in group]


def assemble(raw: RawTranscript) -> tuple[str, list[ParsedTurn]]:
    """Merge consecutive fragments of one speaker into turns (a fragment whose speaker is unknown stays a
    turn of its own: a cue, a heading, an annotation); lay them out as text."""
    fragments = in_time_order(raw.fragments) if raw.sort_by_time else raw.fragments
    merged: list[tuple[str, list[Fragment]]] = []
    for fragment in fragments:
        speaker = clean(fragment.speaker).replace("\n", " ")
        if not fragment.text.strip():
            continue
        if merged and raw.merge_speakers and merged[-1][0] == speaker and not is_unknown(speaker):
            merged[-1][1].append(fragment)
        else:
            merged.append((speaker, [fragment]))

    parts: list[str] = []
    turns: list[ParsedTurn] = []
    offset = 0
    for index, (speaker, group) in enumerate(merged):
        text = raw.joiner.join(clean(f.text) for f in group)
        ends = [f.end_ms for f in group if f.end_ms is not None]
        turns.append(
            ParsedTurn(
                index=index,
                speaker=speaker,
                start=offset,
                end=offset + len(text),
                start_ms=group[0].start_ms,
                end_ms=max(ends) if ends else None,
                cue_ids=tuple(f.cue_id for f in group if f.cue_id),
            )
        )
        parts.append(text)
        offset += len(text) + len(TURN_SEPARATOR)
    return TURN_SEPARATOR.join(parts), turns
