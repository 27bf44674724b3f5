"""Bar charts of a frequency report (matplotlib, loaded only when a chart is made)."""

from __future__ import annotations

import io
from pathlib import Path

from workbench.core.counting import TOTAL
from workbench.core.dto import FrequencyReport
from workbench.errors import WorkbenchError

UNIT_LABELS = {"respondent": "respondenten", "institution": "instellingen", "quotation": "citaten"}


def frequency_chart(report: FrequencyReport, paths: list[str] | None = None, fmt: str = "png") -> bytes:
    """Horizontal bars per code (largest on top), one colour per group when grouped."""
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    wanted = set(paths) if paths is not None else None
    totals = {r.path: r.count for r in report.rows if r.group == TOTAL and r.count and
              (wanted is None or r.path in wanted)}
    codes = sorted(totals, key=lambda p: (totals[p], p))  # barh draws bottom-up
    names = {r.path: r.code for r in report.rows}
    groups = list(report.groups) if report.by != "none" else [TOTAL]
    cells = {(r.path, r.group): r.count for r in report.rows}
    height = max(2.0, 0.28 * len(codes) * max(1, len(groups)) ** 0.5 + 1.2)
    figure, axes = plt.subplots(figsize=(8, height), dpi=120)
    bar = 0.8 / len(groups)
    for g, group in enumerate(groups):
        offset = (len(groups) - 1 - g) * bar  # first group on top, as in the legend
        axes.barh([i + offset for i in range(len(codes))], [cells.get((p, group), 0) for p in codes],
                  height=bar, label=f"{group or 'totaal'} (N={report.sizes.get(group, 0)})")
    axes.set_yticks([i + bar * (len(groups) - 1) / 2 for i in range(len(codes))], [names[p] for p in codes])
    axes.set_xlabel(f"aantal {UNIT_LABELS[report.unit]}")
    axes.xaxis.get_major_locator().set_params(integer=True)
    if len(groups) > 1:
        axes.legend(loc="lower right", fontsize="small")
    axes.spines[["top", "right"]].set_visible(False)
    figure.tight_layout()
    buffer = io.BytesIO()
    figure.savefig(buffer, format=fmt)
    plt.close(figure)
    return buffer.getvalue()


def write_chart(report: FrequencyReport, path: Path) -> None:
    fmt = path.suffix.lower().lstrip(".")
    if fmt not in ("png", "svg"):
        raise WorkbenchError("a chart is written as .png or .svg", where=str(path))
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(frequency_chart(report, fmt=fmt))
    except OSError as exc:
        raise WorkbenchError(f"cannot write: {exc.strerror}", where=str(path)) from exc
