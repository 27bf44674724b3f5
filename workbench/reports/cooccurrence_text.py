"""Co-occurrence of codes as a terminal matrix, CSV (long form) or JSON."""

from __future__ import annotations

import json

from workbench.core.dto import CooccurrenceReport
from workbench.i18n import _
from workbench.reports.cells import csv_text

FORMATS = ("table", "csv", "json")


def render(report: CooccurrenceReport, fmt: str) -> str:
    if fmt == "json":
        return json.dumps({"unit": report.unit, "codes": report.codes, "provenance": report.provenance.text,
                           "pairs": [{"a": report.codes[i], "b": report.codes[j], "count": n,
                                      "jaccard": round(report.coefficient(i, j), 4)}
                                     for (i, j), n in sorted(report.counts.items())]},
                          ensure_ascii=False, indent=2) + "\n"
    if fmt == "csv":
        return csv_text(["code_a", "code_b", "unit", "count", "jaccard"],
                        ([report.codes[i], report.codes[j], report.unit, n, round(report.coefficient(i, j), 4)]
                         for (i, j), n in sorted(report.counts.items())))
    names = [path.split(" > ")[-1] for path in report.codes]
    width = max([4, *map(len, names)])
    lines = [" " * (width + 5) + " ".join(f"{i + 1:>3}" for i in range(len(names)))]
    for i, name in enumerate(names):
        cells = " ".join(f"{report.counts.get((i, j), 0) or '.':>3}" for j in range(len(names)))
        lines.append(f"{i + 1:>3}  {name.ljust(width)} {cells}")
    lines.append(_("unit: {unit} (respondent turns only); the diagonal is the code itself").format(unit=_(report.unit)))
    lines.append(report.provenance.text)
    return "\n".join(lines) + "\n"
