"""The faces a Word report is set in, measured once and shipped (fonts.json, written by scripts/font_widths.py
from Carlito and Caladea, metric for metric Calibri and Cambria): a report is laid out the same on every
machine, whatever fonts it has."""

from __future__ import annotations

import functools
import json
import math
from pathlib import Path

PT = 2.54 / 72  # cm in a point
TWIP = PT / 20


@functools.cache
def faces() -> dict:
    return json.loads((Path(__file__).with_name("fonts.json")).read_text(encoding="utf-8"))


@functools.cache
def _widths(family: str, style: str) -> dict[str, float]:
    face = faces()[family][style]
    return dict(zip(face["chars"], face["em"]))


def text_cm(text: str, family: str, style: str, size: float) -> float:
    """How wide text is set in family's style ('regular', 'bold', 'italic', 'bold italic') at size points."""
    widths = _widths(family, style)
    return sum(widths.get(c, 0.55) for c in text) * size * PT  # 0.55 em: a glyph the table lacks


def line_cm(family: str, size: float, multiple: float = 1.0) -> float:
    """The height of one line: the face's ascent, descent and gap, each rounded to whole twips as LibreOffice
    counts them, times the paragraph's line spacing, in whole twips."""
    face = faces()[family]
    single = sum(round(face[part] * size * 20) for part in ("ascent", "descent", "gap"))
    return math.floor(single * multiple) * TWIP
