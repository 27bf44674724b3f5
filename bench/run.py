"""The workbench benchmark: one table of figures (median of N runs, min-max, peak memory), also as JSON.

    python bench/run.py                 # every step at the issue's sizes (minutes; corpora cached)
    python bench/run.py --quick         # small sizes only, for a smoke run
    python bench/run.py --only tui      # steps whose name starts with 'tui'
    python bench/run.py --large --runs 3   # the 1,000-interview study with 3M codings (an hour to build once)

Each step runs in its own Python process (so its peak memory is its own); figures go to
bench/results/latest.json (the previous file is kept as previous.json for comparison).
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import statistics
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
RESULTS = ROOT / "bench" / "results"

# name, goal in seconds (None: no goal), step arguments, tier: "quick" (also in --quick), "full" (the default
# run) or "large" (only with --large: the 1,000-interview, 3-million-coding study; its set-up takes an hour).
# The PostgreSQL steps have no goal of their own: the goal is "within 2x of the same step on SQLite".
STEPS = [
    ("import 30x12000 (ratio)", 1.5, ["import", "30", "12000"], "quick"),
    ("import 300x12000 (ratio)", 1.5, ["import", "300", "12000"], "full"),
    ("import a 19.8 MB file of 3.3M labelled lines (process)", None, ["import_large_file", "lines"], "full"),
    ("import a 19.8 MB SRT of 300,000 cues (process)", None, ["import_large_file", "srt"], "full"),
    ("codebook of 5,000 codes, YAML (process)", None, ["import_large_input", "codebook-yaml"], "full"),
    ("codebook of 5,000 codes, REFI-QDA .qdc (process)", None, ["import_large_input", "codebook-qdc"], "full"),
    ("codebook of 5,000 tags, Taguette CSV (process)", None, ["import_large_input", "codebook-taguette"], "full"),
    ("registry of 50,000 rows (process)", None, ["import_large_input", "registry"], "full"),
    ("guide of 2,000 questions (process)", None, ["import_large_input", "guide"], "full"),
    ("project of 5,000 sources, REFI-QDA (process)", None, ["import_large_input", "project"], "full"),
    ("frequencies 10k codings", 0.3, ["frequencies", "10000"], "quick"),
    ("frequencies 100k codings", 0.3, ["frequencies", "100000"], "full"),
    ("frequencies 1M codings", 0.3, ["frequencies", "1000000"], "full"),
    ("quotation counts 1M codings", None, ["frequencies", "1000000", "quotation"], "full"),
    ("suggest: model load", None, ["suggest", "load"], "quick"),
    ("suggest: 30x12000 corpus", 10.0, ["suggest", "corpus"], "quick"),
    ("suggest: one turn", 0.02, ["suggest", "turn"], "quick"),
    ("suggest: one turn of 19 million characters", None, ["suggest", "monologue"], "full"),
    ("tui cold start to first paint", 1.0, ["tui_start", "paint"], "quick"),
    ("tui cold start to the overview's rows", None, ["tui_start", "rows"], "quick"),
    ("tui open 15,000 words: first paint", 0.3, ["tui_open", "paint"], "quick"),
    ("tui open 15,000 words: all turns", 0.3, ["tui_open", "whole"], "quick"),
    ("tui apply a code", 0.05, ["tui_apply"], "quick"),
    ("tui long turn 20,000 words: a key", 0.05, ["tui_long_turn"], "quick"),
    ("tui overview 1,000 transcripts: rows shown", None, ["tui_overview", "1000"], "full"),
    ("tui overview 1,000 transcripts: page down", 0.1, ["tui_overview_keys", "1000"], "full"),  # "instant": 100 ms
    ("large: import 1000x12000 (ratio)", 1.5, ["import", "1000", "12000"], "large"),
    ("large: report, respondents (process)", 1.0, ["large", "respondents"], "large"),
    ("large: report, institutions (process)", 1.0, ["large", "institutions"], "large"),
    ("large: report, quotations (process)", 1.0, ["large", "quotations"], "large"),
    ("large: transcripts list (process)", 1.0, ["large", "list"], "large"),
    ("large: tui overview rows shown", 1.0, ["tui_overview", "1000", "large"], "large"),
    ("large: tui open 3,000 codings: first paint", 0.3, ["tui_open", "paint", "large"], "large"),
    ("large: autocode one code (process)", 5.0, ["large", "autocode"], "large"),
    ("large: codings list --code (process)", 1.0, ["large", "codings"], "large"),
    ("large: quotes of a code (process)", 1.0, ["large", "quotes"], "large"),
    ("large: disagreements of two coders (process)", 1.0, ["large", "disagreements"], "large"),
    ("large: agreement of two coders (process)", 1.0, ["large", "agreement"], "large"),
    ("large: Excel report (process)", 30.0, ["large", "xlsx"], "large"),
    ("large: project export, REFI-QDA (process)", 30.0, ["large", "export"], "large"),
    ("large: tui codebook with counts: rows shown", 1.0, ["tui_screen", "codebook"], "large"),
    ("large: tui frequencies: rows shown", 1.0, ["tui_screen", "frequencies"], "large"),
    ("large: tui answers to one question: rows shown", 1.0, ["tui_screen", "answers"], "large"),
    ("large: tui disagreements of two coders: rows shown", 1.0, ["tui_screen", "disagreements"], "large"),
    ("large: tui quotes of a code: rows shown", 1.0, ["tui_screen", "quotes"], "large"),
    ("large: tui open 3,000 codings: all turns", 0.3, ["tui_open", "whole", "large"], "large"),
    ("large: suggest one transcript (process)", None, ["large", "suggest"], "large"),
    ("large: PostgreSQL report, respondents", None, ["large", "respondents", "postgres"], "large"),
    ("large: PostgreSQL report, institutions", None, ["large", "institutions", "postgres"], "large"),
    ("large: PostgreSQL report, quotations", None, ["large", "quotations", "postgres"], "large"),
    ("large: PostgreSQL transcripts list", None, ["large", "list", "postgres"], "large"),
    ("large: PostgreSQL Excel report", None, ["large", "xlsx", "postgres"], "large"),
    ("large: PostgreSQL project export", None, ["large", "export", "postgres"], "large"),
]


def run_step(args: list[str], runs: int) -> dict:
    """Prepare the step's data in one child process, then measure in another: one JSON line back."""
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    for count in (0, runs):
        child = subprocess.run([sys.executable, "-m", "bench.steps", str(count), *args], cwd=ROOT, env=env,
                               capture_output=True, text=True)
        if child.returncode:
            raise SystemExit(f"bench step {' '.join(args)} failed:\n{child.stderr[-3000:]}")
    return json.loads(child.stdout.strip().splitlines()[-1])


def row(name: str, goal: float | None, result: dict) -> dict:
    times = result["times"]
    median = statistics.median(times)
    met = None if goal is None else median <= goal
    return dict(step=name, median=median, min=min(times), max=max(times), unit=result["unit"],
                goal=goal, met=met, peak_mb=result["peak_mb"], note=result.get("note", ""))


def table(rows: list[dict]) -> str:
    lines = ["| step | median | min–max | goal | peak memory | note |", "| --- | ---: | ---: | --- | ---: | --- |"]
    for r in rows:
        unit = r["unit"]
        fmt = (lambda v: f"{v:.2f}x") if unit == "ratio" else (lambda v: f"{v * 1000:.0f} ms" if v < 1 else f"{v:.2f} s")
        goal = "" if r["goal"] is None else f"≤ {fmt(r['goal'])} {'met' if r['met'] else 'NOT met'}"
        lines.append(f"| {r['step']} | {fmt(r['median'])} | {fmt(r['min'])}–{fmt(r['max'])} | {goal} "
                     f"| {r['peak_mb']:.0f} MB | {r['note']} |")
    return "\n".join(lines)


def machine() -> str:
    cpu = next((line.split(":", 1)[1].strip() for line in Path("/proc/cpuinfo").read_text().splitlines()
                if line.startswith("model name")), platform.processor()) if Path("/proc/cpuinfo").exists() else ""
    return f"{os.cpu_count()} CPUs ({cpu}), Python {platform.python_version()}, {platform.system()} {platform.release()}"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--quick", action="store_true", help="only the small sizes")
    parser.add_argument("--only", default="", help="steps whose name starts with this")
    parser.add_argument("--large", action="store_true", help="only the 1,000-interview steps (PostgreSQL ones "
                        "when WORKBENCH_BENCH_POSTGRES names a server)")
    args = parser.parse_args()
    tiers = {"large"} if args.large else {"quick"} if args.quick else {"quick", "full"}
    rows = []
    for name, goal, step, tier in STEPS:
        if tier not in tiers or not name.startswith(args.only):
            continue
        if "postgres" in step and not os.environ.get("WORKBENCH_BENCH_POSTGRES"):
            print(f"{name}: skipped, WORKBENCH_BENCH_POSTGRES names no server", file=sys.stderr)
            continue
        started = time.perf_counter()
        rows.append(row(name, goal, run_step(step, args.runs)))
        print(f"{name}: {rows[-1]['median']:.3f} ({time.perf_counter() - started:.0f} s with set-up)", file=sys.stderr)
    for r in rows:
        r.update(date=time.strftime("%Y-%m-%d %H:%M"), runs=args.runs)
    print(f"{machine()}; median of {args.runs} runs\n")
    print(table(rows))
    RESULTS.mkdir(exist_ok=True)
    latest = RESULTS / "latest.json"
    kept = {}
    if latest.exists():  # steps not run now keep their last figures (each row has its date)
        kept = {r["step"]: r for r in json.loads(latest.read_text())["rows"]}
        latest.replace(RESULTS / "previous.json")
    kept.update({r["step"]: r for r in rows})
    order = [name for name, *_ in STEPS]
    report = dict(machine=machine(), rows=sorted(kept.values(), key=lambda r: order.index(r["step"])))
    latest.write_text(json.dumps(report, indent=1) + "\n")


if __name__ == "__main__":
    main()
