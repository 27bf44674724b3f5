"""Evaluate code suggestions on bench/data/suggest-eval.tsv (168 invented answers, 42 codes).

Every third answer (1st, 4th, ...) is held out and never tuned on; the rest is the tuning part and,
for "after learning", the coded examples. Printed per codebook (with keywords; names and
descriptions only, as from a REFI-QDA .qdc): P@1, recall@3, and precision of the suggestions
at or above --min-score.

    python bench/eval_suggest.py [--min-score 0.5]
"""

from __future__ import annotations

import argparse
import time
from collections import defaultdict
from pathlib import Path

from workbench.core.codebook_file import read_codebook
from workbench.core.codes import PATH_SEPARATOR
from workbench.core.suggest.model import CodeText, SuggestionModel

ROOT = Path(__file__).resolve().parent.parent
DATA = ROOT / "bench" / "data" / "suggest-eval.tsv"
CODEBOOK = ROOT / "codebook" / "interview-guide.yaml"


def load() -> list[tuple[frozenset[str], str]]:
    rows = [line.rstrip("\n").split("\t", 1) for line in DATA.read_text(encoding="utf-8").splitlines()
            if line.strip() and not line.startswith("#")]
    return [(frozenset(codes.split(";")), text) for codes, text in rows]


def codebook_codes(keywords: bool) -> list[CodeText]:
    def walk(codes, parents=()):
        for code in codes:
            path = (*parents, code.name)
            if code.codable:
                yield CodeText(PATH_SEPARATOR.join(path), code.description, tuple(code.keywords) if keywords else ())
            yield from walk(code.children, path)

    return list(walk(read_codebook(CODEBOOK).codes))


def measure(model: SuggestionModel, items, min_score: float) -> dict[str, float]:
    ranked = model.rank([text for _, text in items], top=3)
    p1 = recall = kept = right = 0
    for (gold, _), found in zip(items, ranked):
        names = [c.path.split(PATH_SEPARATOR)[-1] for c in found]
        p1 += bool(names) and names[0] in gold
        recall += len(gold & set(names[:3])) / len(gold)
        confident = [c for c in found if c.score >= min_score]
        kept += len(confident)
        right += sum(c.path.split(PATH_SEPARATOR)[-1] in gold for c in confident)
    n = len(items)
    return {"P@1": p1 / n, "recall@3": recall / n, f"precision@{min_score}": right / kept if kept else 0.0}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--min-score", type=float, default=0.5)
    args = parser.parse_args()
    items = load()
    held_out = [item for i, item in enumerate(items) if i % 3 == 0]
    tuning = [item for i, item in enumerate(items) if i % 3]
    examples = defaultdict(list)
    for gold, text in tuning:
        for name in gold:
            examples[name].append(text)
    print(f"{len(items)} answers: {len(held_out)} held out, {len(tuning)} for tuning / learning\n")
    print(f"{'codebook':<34} {'mode':<15} {'part':<9} {'P@1':>6} {'recall@3':>9} {'precision':>10}")
    for label, keywords in (("names+descriptions+keywords", True), ("names+descriptions (.qdc)", False)):
        codes = codebook_codes(keywords)
        by_name = {c.path.split(PATH_SEPARATOR)[-1]: c.path for c in codes}
        started = time.perf_counter()
        zero = SuggestionModel(codes)
        learned = SuggestionModel(codes, {by_name[n]: texts for n, texts in examples.items()})
        built = time.perf_counter() - started
        for mode, model, parts in (("zero-shot", zero, (("tuning", tuning), ("held-out", held_out))),
                                   ("after learning", learned, (("held-out", held_out),))):
            for part, chosen in parts:
                m = measure(model, chosen, args.min_score)
                print(f"{label:<34} {mode:<15} {part:<9} {m['P@1']:6.2f} {m['recall@3']:9.2f} "
                      f"{m[f'precision@{args.min_score}']:10.2f}")
        print(f"{'':<34} (two models built in {built:.1f} s)")


if __name__ == "__main__":
    main()
