"""Import speed: the sample study into SQLite vs. only reading the same files.

Baseline = what any tool must do at least: python-docx opens each .docx and gives
every paragraph's text (Paragraph.text); .vtt/.txt files are read and decoded.
Workbench = parse every file (layout detection, turns, canonical text) and store
transcripts, speakers and turns in a fresh SQLite file, in one transaction.
Prints the median of N runs (min-max) and the ratio. Goal: <= 1.5x.

    python bench/import_ratio.py [--runs 5] [FOLDER]
"""

from __future__ import annotations

import argparse
import platform
import statistics
import tempfile
import time
from pathlib import Path

import docx

from workbench.core.db import Database, resolve_url
from workbench.core.services.transcripts import import_paths, transcript_files
from workbench.transcripts import parse_file

ROOT = Path(__file__).resolve().parent.parent


def baseline(files: list[Path]) -> None:
    for path in files:
        if path.suffix == ".docx":
            [paragraph.text for paragraph in docx.Document(str(path)).paragraphs]
        else:
            data = path.read_bytes()
            data.decode("utf-16") if data[:2] in (b"\xff\xfe", b"\xfe\xff") else data.decode("utf-8-sig")


def parse_only(files: list[Path]) -> None:
    for path in files:
        parse_file(path)


def workbench_import(folder: Path) -> float:
    with tempfile.TemporaryDirectory() as tmp:
        db = Database(resolve_url(str(Path(tmp) / "bench.sqlite")))
        start = time.perf_counter()
        import_paths(db, [folder], replace=False, coder="bench")
        elapsed = time.perf_counter() - start
        db.close()
    return elapsed


def timed(action) -> float:
    start = time.perf_counter()
    action()
    return time.perf_counter() - start


def show(label: str, times: list[float]) -> str:
    return f"{label:<28} {statistics.median(times):7.3f} s  ({min(times):.3f}-{max(times):.3f})"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("folder", nargs="?", type=Path, default=ROOT / "transcripts" / "sample-study")
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args()
    files = transcript_files([args.folder])
    words = sum(parse_file(f).word_count for f in files)  # also warms imports and caches
    base, parsed, stored = [], [], []
    for _ in range(args.runs):  # interleaved, so all three see the same machine load
        base.append(timed(lambda: baseline(files)))
        parsed.append(timed(lambda: parse_only(files)))
        stored.append(workbench_import(args.folder))
    print(f"{len(files)} files, {words:,} words; {platform.python_implementation()} {platform.python_version()}, "
          f"{platform.machine()}; median of {args.runs} runs (min-max)")
    print(show("baseline: read files only", base))
    print(show("workbench: parse", parsed))
    print(show("workbench: parse + store", stored))
    ratio = statistics.median(stored) / statistics.median(base)
    print(f"ratio import / baseline      {ratio:7.2f}x   (goal <= 1.5x: {'met' if ratio <= 1.5 else 'NOT met'})")


if __name__ == "__main__":
    main()
