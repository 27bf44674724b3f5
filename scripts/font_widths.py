"""Writes workbench/reports/fonts.json: the advance widths and the ascent, descent and line gap of the faces a
Word report is set in, from Carlito and Caladea (Debian's fonts-crosextra-carlito and -caladea, SIL Open Font License), which
have Calibri's and Cambria's metrics glyph for glyph. The report estimates its pages from these, the same on
every machine, whether or not the fonts are installed.

Usage: .venv/bin/python scripts/font_widths.py
"""

from __future__ import annotations

import json
from pathlib import Path

from fontTools.ttLib import TTFont

FONTS = Path("/usr/share/fonts/truetype/crosextra")
FACES = {"Calibri": "Carlito", "Cambria": "Caladea"}
STYLES = {"regular": "Regular", "bold": "Bold", "italic": "Italic", "bold italic": "BoldItalic"}
RANGES = ((0x20, 0x250), (0x2000, 0x2070), (0x20AC, 0x20AD), (0x2122, 0x2123))  # Latin, punctuation, €, ™
TARGET = Path(__file__).resolve().parent.parent / "workbench" / "reports" / "fonts.json"


def face(path: Path) -> dict:
    font = TTFont(path)
    units = font["head"].unitsPerEm
    cmap, metrics = font.getBestCmap(), font["hmtx"].metrics
    widths = {chr(c): round(metrics[cmap[c]][0] / units, 4)
              for start, end in RANGES for c in range(start, end) if c in cmap}
    return {"chars": "".join(widths), "em": list(widths.values())}


def main() -> None:
    found = {}
    for family, file in FACES.items():
        regular = TTFont(FONTS / f"{file}-Regular.ttf")
        hhea, units = regular["hhea"], regular["head"].unitsPerEm
        found[family] = {"ascent": hhea.ascent / units, "descent": -hhea.descent / units, "gap": hhea.lineGap / units,
                         **{style: face(FONTS / f"{file}-{name}.ttf") for style, name in STYLES.items()}}
    TARGET.write_text(json.dumps(found, ensure_ascii=False, separators=(",", ":")) + "\n", encoding="utf-8")
    print(f"{TARGET}: {TARGET.stat().st_size} bytes")


if __name__ == "__main__":
    main()
