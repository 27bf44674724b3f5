"""Bar charts of a frequency report, one per theme, and a co-occurrence heat map, sized for an A4 text column
(matplotlib, loaded only when a chart is made).

Each bar is a group's share of its N (a programme of 14 and one of 2 compare fairly), with the count and the
share written on it ("12 (86 %)"); codes in the order of the report's list (most named first); every group
has the same colour in every chart (Okabe–Ito, readable for colour-blind readers and in grey print).
"""

from __future__ import annotations

import io
import re
import unicodedata
from pathlib import Path

from workbench.core.counting import TOTAL
from workbench.core.dto import CooccurrenceReport, FrequencyReport
from workbench.errors import WorkbenchError
from workbench.i18n import _
from workbench.reports.words import share, words

PALETTE = ("#0072B2", "#E69F00", "#009E73", "#CC79A7", "#56B4E9", "#D55E00", "#F0E442", "#000000")
WIDTH_CM, PAGE_CM = 16.0, 17.0  # an A4 text column; the most of a page a chart may take (two thirds: a
# table or a heading above it stays on its page)
BAR_CM, MARGIN_CM = 0.34, 2.6  # one bar's height; title, axis and legend
DPI = 200
HEAT_NUMBERS = 30  # codes up to which a heat map writes its counts in the cells
CM = 1 / 2.54


def label(count: int, n: int) -> str:
    """What a bar says: '12 (86 %)' (nothing on a zero)."""
    return share(count, n) if count else ""


def colours(report: FrequencyReport) -> dict[str, str]:
    """A colour per group, by the report's group order (the same in every chart of the report)."""
    groups = list(report.groups) if report.by != "none" else [TOTAL]
    return {group: PALETTE[i % len(PALETTE)] for i, group in enumerate(groups)}


MAX_BARS = 40  # bars in one chart; a theme with more is split over several, a code's subcodes kept together


def listed(report: FrequencyReport, paths: list[str]) -> list[str]:
    """The codes that were named, each followed by its own subcodes: siblings most named first, then by name."""
    totals = {r.path: r.count for r in report.rows if r.group == TOTAL and r.path in set(paths) and r.count}
    names = {r.path: r.code.casefold() for r in report.rows}

    def under(parent: str | None) -> list[str]:
        children = [p for p in totals if _parent(p, totals) == parent]
        return [q for p in sorted(children, key=lambda p: (-totals[p], names[p])) for q in (p, *under(p))]

    return under(None)


def _parent(path: str, among) -> str | None:
    """The nearest code above path that is among these (None: none is)."""
    parts = path.split(" > ")
    return next((" > ".join(parts[:i]) for i in range(len(parts) - 1, 0, -1) if " > ".join(parts[:i]) in among),
                None)


def parts(report: FrequencyReport, paths: list[str]) -> list[list[str]]:
    """The listed codes in charts of at most MAX_BARS bars, a code and its subcodes in one where they fit."""
    per_chart = max(1, MAX_BARS // len(colours(report)))
    order = listed(report, paths)
    families: list[list[str]] = []
    for path in order:
        if families and _parent(path, order) is not None:
            families[-1].append(path)
        else:
            families.append([path])
    charts: list[list[str]] = [[]]
    for family in families:
        for start in range(0, len(family), per_chart):
            piece = family[start:start + per_chart]
            if charts[-1] and len(charts[-1]) + len(piece) > per_chart:
                charts.append([])
            charts[-1].extend(piece)
    return [chart for chart in charts if chart]


def frequency_chart(report: FrequencyReport, paths: list[str], title: str = "", fmt: str = "png",
                    language: str | None = None) -> bytes:
    """Horizontal bars for the codes in paths (in that order): per code a bar per group, its share of the
    group's N."""
    figure = frequency_figure(report, paths, title, language)
    import matplotlib.pyplot as plt

    buffer = io.BytesIO()
    figure.savefig(buffer, format=fmt, dpi=DPI)
    plt.close(figure)
    return buffer.getvalue()


def frequency_figure(report: FrequencyReport, paths: list[str], title: str = "", language: str | None = None):
    """The figure frequency_chart draws: the legend above the bars, never over them; subcodes indented
    under their parent."""
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt
    from matplotlib.ticker import PercentFormatter

    say = words(language)
    codes = [p for p in paths if any(r.path == p and r.group == TOTAL and r.count for r in report.rows)][::-1]
    names = {r.path: r.code for r in report.rows}  # barh draws bottom-up
    palette = colours(report)
    cells = {(r.path, r.group): r.count for r in report.rows}
    bars = max(1, len(codes)) * len(palette)
    height = min(PAGE_CM, MARGIN_CM + BAR_CM * bars * (1.15 if len(palette) > 1 else 1.4))
    scale = min(1.0, (PAGE_CM - MARGIN_CM) / (BAR_CM * bars * 1.15))  # a long theme: thinner bars, smaller text
    figure, axes = plt.subplots(figsize=(WIDTH_CM * CM, height * CM), dpi=DPI)
    step = 0.8 / len(palette)
    for g, (group, colour) in enumerate(palette.items()):
        n = report.sizes.get(group, 0)
        counts = [cells.get((p, group), 0) for p in codes]
        offset = (len(palette) - 1 - g) * step  # the first group on top, as in the legend
        drawn = axes.barh([i + offset for i in range(len(codes))], [c / n if n else 0 for c in counts],
                          height=step, color=colour, label=f"{group or say['total']} (N = {n})")
        axes.bar_label(drawn, [label(c, n) for c in counts], padding=2, fontsize=7 * max(scale, 0.6))
    axes.set_yticks([i + step * (len(palette) - 1) / 2 for i in range(len(codes))], [names[p] for p in codes],
                    fontsize=8 * max(scale, 0.7))
    for path, tick in zip(codes, axes.get_yticklabels()):  # a code with its subcodes below it: bold, as a heading
        if any(p.startswith(path + " > ") for p in codes):
            tick.set_fontweight("bold")
    axes.set_xlim(0, 1.18)  # room for the label of a full bar
    axes.xaxis.set_major_formatter(PercentFormatter(1.0, decimals=0))
    axes.set_xticks([0, 0.25, 0.5, 0.75, 1.0])
    axes.set_xlabel(say["axis"].format(unit=say[report.unit]), fontsize=8)
    axes.tick_params(axis="x", labelsize=7)
    if title:
        axes.set_title(title, fontsize=10, loc="left", pad=6 + 12 * -(-len(palette) // 3) if len(palette) > 1 else 6)
    if len(palette) > 1:  # above the plot, outside every bar
        axes.legend(loc="lower right", bbox_to_anchor=(1.0, 1.0), ncol=min(len(palette), 3), fontsize=7,
                    frameon=False, borderaxespad=0.3)
    axes.spines[["top", "right"]].set_visible(False)
    figure.tight_layout()
    return figure


def heat_values(report: CooccurrenceReport) -> list[list[float | None]]:
    """The heat map's colours: each pair's coefficient, the diagonal (a code with itself) left out."""
    size = len(report.codes)
    return [[None if i == j else report.coefficient(i, j) for j in range(size)] for i in range(size)]


def cooccurrence_chart(report: CooccurrenceReport, fmt: str = "png", language: str | None = None) -> bytes:
    """A heat map of codes x codes coloured by how strongly they go together (Jaccard's index, so that a code
    used everywhere does not colour its whole row), the units with both written in the cells while they stay
    legible, the diagonal left out (its cell gives the code's own number, in grey); square, an A4 column wide,
    titled in the report's language."""
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt
    import numpy as np

    size = len(report.codes)
    values = heat_values(report)
    grid = np.ma.masked_invalid(np.array([[np.nan if v is None else v for v in row] for row in values] or [[np.nan]],
                                         dtype=float))
    figure, axes = plt.subplots(figsize=(WIDTH_CM * CM, WIDTH_CM * CM), dpi=DPI)
    shown = axes.imshow(grid, cmap="Blues", vmin=0.0, vmax=1.0)
    names = [path.split(" > ")[-1] for path in report.codes]
    font = max(3.5, min(7.0, 180 / max(size, 1)))
    axes.set_xticks(range(size), names, rotation=90, fontsize=font)
    axes.set_yticks(range(size), names, fontsize=font)
    if size <= HEAT_NUMBERS:
        for i in range(size):
            for j in range(size):
                count = report.counts.get((i, j), 0)
                if count:
                    strong = values[i][j] is not None and values[i][j] > 0.5
                    axes.text(j, i, str(count), ha="center", va="center", fontsize=font * 0.9,
                              color="grey" if i == j else "white" if strong else "black")
    say = words(language)
    axes.set_title(say["heat title"].format(unit=say[report.unit]), fontsize=8)
    scale = figure.colorbar(shown, ax=axes, shrink=0.6)
    scale.set_label(say["heat scale"].format(unit=say[report.unit]), fontsize=7)
    scale.ax.tick_params(labelsize=7)
    figure.tight_layout()
    buffer = io.BytesIO()
    figure.savefig(buffer, format=fmt, dpi=DPI)
    plt.close(figure)
    return buffer.getvalue()


def write_chart(chart: bytes, target: Path) -> None:
    try:
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_bytes(chart)
    except OSError as exc:
        raise WorkbenchError(_("cannot write: {reason}").format(reason=exc.strerror), where=str(target)) from exc


def chart_format(path: Path) -> str:
    """png or svg, from the file name; anything else is refused."""
    if path.suffix.lower() not in (".png", ".svg"):
        raise WorkbenchError(_("a chart is written as .png or .svg"), where=str(path))
    return path.suffix.lower().lstrip(".")


def themes(report: FrequencyReport) -> dict[str, list[str]]:
    """Per named theme (top-level code): its subcodes' paths (the theme itself when it has none)."""
    found: dict[str, list[str]] = {}
    for row in report.rows:
        if row.group == TOTAL and row.count:
            top = row.path.split(" > ")[0]
            found.setdefault(top, [])
            if row.path != top:
                found[top].append(row.path)
    return {top: paths or [top] for top, paths in found.items()}


def chart_paths(report: FrequencyReport, path: Path) -> dict[str, list[Path]]:
    """Where each theme's charts go: next to path, numbered in theme order (frequenties-01-curriculum.png; a
    theme split over charts: frequenties-02-beelden-a.png, -b.png)."""
    chart_format(path)
    found = {}
    for i, (top, paths) in enumerate(themes(report).items(), start=1):
        pieces = parts(report, paths)
        letters = [f"-{chr(ord('a') + k)}" for k in range(len(pieces))] if len(pieces) > 1 else [""]
        found[top] = [path.with_name(f"{path.stem}-{i:02d}-{_slug(top)}{letter}{path.suffix.lower()}")
                      for letter in letters]
    return found


def write_charts(report: FrequencyReport, targets: dict[str, list[Path]], language: str | None = None) -> None:
    """Each theme's charts, to the paths chart_paths gave."""
    groups = themes(report)
    for top, files in targets.items():
        for paths, target in zip(parts(report, groups[top]), files):
            write_chart(frequency_chart(report, paths, top, chart_format(target), language), target)


def _slug(name: str) -> str:
    plain = unicodedata.normalize("NFKD", name.casefold()).encode("ascii", "ignore").decode()
    return re.sub(r"[^a-z0-9]+", "-", plain).strip("-")[:40] or "thema"
