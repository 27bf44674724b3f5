"""The interview guide as data: parts and the questions asked in every interview.

Question ids are the numbers and letters as written ("1", "16", "a"); the closing question is
"afsluiting". Codes name the questions they come from (`guide: [5, 6]` in the YAML codebook):
codes_for_question. Pure: no files, no database (transcripts/guide_file.py reads a guide).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from workbench.core.codes import PATH_SEPARATOR
from workbench.core.dto import CodeView


@dataclass(frozen=True)
class GuideQuestion:
    id: str  # as written: "1", "16", "a", "afsluiting"
    part: int  # the part's number (0: a part without one, such as closing questions)
    text: str


@dataclass(frozen=True)
class GuidePart:
    number: int
    title: str
    theme: str | None = None  # the codebook's top-level code this part is the source of


@dataclass(frozen=True)
class Guide:
    parts: tuple[GuidePart, ...]
    questions: tuple[GuideQuestion, ...]


def codes_for_question(codes: Sequence[CodeView], question: str) -> list[str]:
    """The codable codes that come from a guide question: those that name it, then those under a code that
    names it, the nearest first (under 'Belemmeringen Erasmus+', which names 21, before the rest of the theme
    'Erasmus+', which names its whole part); in codebook order otherwise."""
    named = [c.path.split(PATH_SEPARATOR) for c in codes if question in c.guide]
    ranked = []
    for position, code in enumerate(codes):
        names = code.path.split(PATH_SEPARATOR)
        nearest = max((len(n) for n in named if names[: len(n)] == n), default=0)
        if code.codable and nearest:
            ranked.append((-nearest, position, code.path))
    return [path for _, _, path in sorted(ranked)]
