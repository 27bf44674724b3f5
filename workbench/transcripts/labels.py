"""Which 'Label:' at the start of a line names a speaker, which is an annotation, and which is speech."""

from __future__ import annotations

import re
from collections import Counter

from workbench.i18n import _

KNOWN = re.compile(
    r"^(?:I|R\d*|Int\.?|Interviewer\s*\d*|Respondent\s*\d*|Spreker\s*\d+|Speaker\s*(?:\d{1,3}|[A-Z])"
    r"|SPEAKER_\d{1,3}|Unknown Speaker|Onbekende spreker|UNKNOWN)$",
    re.IGNORECASE,
)
_PARTICLES = frozenset("de van der den het 't ten ter te von da di le la du del y bin al el".split())
_ANNOTATION_WORDS = frozenset(
    "image afbeelding foto photo picture figure figuur description beschrijving note noot notitie opmerking "
    "comment commentaar annotation annotatie title titel subject onderwerp topic thema date datum time tijd "
    "location locatie plaats duration duur attendees deelnemers participants summary samenvatting keywords "
    "trefwoorden transcript transcriptie audio video music muziek sound geluid slide dia caption bijschrift "
    "chapter hoofdstuk part deel section sectie sources bronnen link url aanwezig afwezig notulen agenda "
    "actiepunten besluit besluiten present absent minutes".split()
)
UNKNOWN_LABELS = frozenset({"(onbekend)", "(unknown)"})  # what a turn without a speaker is called, per language


def unknown_speaker() -> str:
    """The speaker of a turn whose speaker the file does not name, in the interface's language."""
    return _("(unknown)")


def is_unknown(speaker: str) -> bool:
    return speaker in UNKNOWN_LABELS


def is_annotation(label: str) -> bool:
    """'Image description', 'Noot', 'Titel': a label that says what a line is, not who speaks."""
    return not KNOWN.match(label) and any(w.casefold().strip(".") in _ANNOTATION_WORDS for w in label.split())


def is_name_like(label: str) -> bool:
    """At most four words, each capitalised, a name particle, a number or an initial ('Anna de Vries',
    'R1', 'Int.'), and no annotation: 'Toen zei ik' is speech that holds a colon."""
    words = label.split()
    if not 1 <= len(words) <= 4 or is_annotation(label):
        return False
    return all(w[0].isupper() or w[0].isdigit() or w.casefold() in _PARTICLES for w in words) and not all(
        w.casefold() in _PARTICLES for w in words
    )


def speaker_labels(counts: Counter[str], lines: int = 0) -> set[str]:
    """Labels that name speakers: known ones and names used twice or more; once a file has such a
    speaker, a name used once names one too ('UNKNOWN: Yeah.'); and names that start half or more of
    a file's lines (or cues), each used once or not ('Anna: ...', 'Bram: ...')."""
    names = {label for label in counts if is_name_like(label)}
    known = {label for label, n in counts.items() if KNOWN.match(label) or (n >= 2 and label in names)}
    named = sum(counts[label] for label in names)
    if known or (named and 2 * named >= lines):
        return known | names
    return known
