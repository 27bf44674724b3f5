"""Frequency reports as a terminal table, CSV, JSON or the study report's Markdown."""

from __future__ import annotations

import json
from collections import defaultdict
from dataclasses import asdict

from workbench.core.counting import TOTAL
from workbench.core.dto import FrequencyReport, FrequencyRow
from workbench.i18n import _
from workbench.reports.cells import csv_text
from workbench.reports.words import capitalised, percent, unit_of, words

FORMATS = ("table", "csv", "json", "md")


def render(report: FrequencyReport, fmt: str) -> str:
    return {"table": table, "csv": to_csv, "json": to_json, "md": markdown}[fmt](report)


def _label(group: str) -> str:
    return group or words()["total"]


def _columns(report: FrequencyReport) -> list[str]:
    return [*report.groups, TOTAL] if report.by != "none" else [TOTAL]


def table(report: FrequencyReport) -> str:
    columns = _columns(report)
    cells: dict[str, dict[str, int]] = defaultdict(dict)
    order: list[FrequencyRow] = []
    for row in report.rows:
        if row.path not in cells:
            order.append(row)
        cells[row.path][row.group] = row.count
    heads = [f"{_label(g)} (N={report.sizes.get(g, 0)})" for g in columns]
    names = ["  " * row.depth + row.code for row in order]
    code = _("code")
    width = max([len(code), *map(len, names)])
    lines = ["  ".join([code.ljust(width), *heads])]
    for name, row in zip(names, order):
        values = [str(cells[row.path].get(g, 0)).rjust(len(h)) for g, h in zip(columns, heads)]
        lines.append("  ".join([name.ljust(width), *values]))
    say = words()
    lines.append(_("unit: {unit}; {rule}").format(unit=say[report.unit], rule=say["rule"]))
    lines.append(report.provenance.text)
    lines.extend(_("note: {note}").format(note=note) for note in report.notes)
    return "\n".join(lines) + "\n"


def to_csv(report: FrequencyReport) -> str:
    basis = "consensus" if report.provenance.consensus else "all"
    basis = f"reviewed+{basis}" if report.provenance.reviewed_only else basis
    return csv_text(["path", "code", "group", "unit", "count", "n", "percent", "coders", "basis"],
                    ([row.path, row.code, row.group, report.unit, row.count, row.n, percent(row.count, row.n),
                      ";".join(report.coders) or "*", basis] for row in report.rows))


def to_json(report: FrequencyReport) -> str:
    data = asdict(report)
    data["rule"] = words()["rule"]
    data["provenance"]["text"] = report.provenance.text
    return json.dumps(data, ensure_ascii=False, indent=2) + "\n"


def markdown(report: FrequencyReport) -> str:
    """The report's phrasing: '- Studievertraging (15x)', largest first, per group."""
    say = words()
    unit = say[report.unit]
    lines = ["# " + say["title"].format(unit=unit), "", say["rule"], "", f"_{report.provenance.text}_", ""]
    by_group: dict[str, list[FrequencyRow]] = defaultdict(list)
    for row in report.rows:
        by_group[row.group].append(row)
    for group in _columns(report):
        lines.append(f"## {capitalised(_label(group))} (N = {unit_of(report.sizes.get(group, 0), report.unit, say)})")
        lines.append("")
        lines.extend(_tree_lines([r for r in by_group[group] if r.count], parent_path=None, depth=0))
        lines.append("")
    lines.extend("_" + say["note"].format(note=note) + "_" for note in report.notes)
    return "\n".join(lines).rstrip() + "\n"


def _tree_lines(rows: list[FrequencyRow], parent_path: str | None, depth: int) -> list[str]:
    prefix = f"{parent_path} > " if parent_path else ""
    level = [r for r in rows if r.depth == depth and r.path.startswith(prefix)]
    if depth:  # themes in the codebook's (the guide's) order, the codes under each most named first
        level.sort(key=lambda r: (-r.count, r.code.casefold()))
    lines = []
    for row in level:
        lines.append(f"{'  ' * depth}- {row.code} ({row.count}x)")
        lines.extend(_tree_lines(rows, row.path, depth + 1))
    return lines


def markdown_quotes(code: str, found, programme: str | None) -> str:
    from workbench.reports.words import attribution, quotes_of
    from workbench.transcripts.clock import format_clock

    lines = ["# " + _("Quotes: {code}").format(code=code) + (f" ({programme})" if programme else ""), "",
             quotes_of(found), ""]
    for quote in found:
        where = f", {format_clock(quote.start_ms)}" if quote.start_ms is not None else ""
        said = attribution(quote, _("unknown"))
        lines += [f"> {' '.join(quote.quoted.split())}", "", f"— {said + ' ' if said else ''}({quote.source}{where})", ""]
    return "\n".join(lines).rstrip() + "\n"
