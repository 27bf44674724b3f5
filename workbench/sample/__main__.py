"""Make the sample study: `python -m workbench.sample --out transcripts/sample-study`."""

from __future__ import annotations

import argparse
import csv
import json
import random
from pathlib import Path

from workbench.sample.plan import Interview, plan_study
from workbench.sample.writers import write


def registry_rows(interviews: list[Interview]) -> list[list[str]]:
    """Participants CSV rows: Teams names for all transcripts, I/R labels per verbatim one."""
    rows, seen = [], set()
    for interview in interviews:
        verbatim = interview.layout.startswith("verbatim")
        for person in [interview.interviewer, *interview.respondents]:
            label = interview.label(person)
            key = (interview.name if verbatim else "", label)
            if key in seen:
                continue
            seen.add(key)
            rows.append([key[0], label, person.pseudonym, person.role, person.institution or "",
                         ";".join(person.programmes)])
    return rows


def make(out: Path, seed: int, interviews: int, words: tuple[int, int]) -> list[Path]:
    out.mkdir(parents=True, exist_ok=True)
    rng = random.Random(seed + 1)
    plan = plan_study(seed, interviews, words)
    files = [write(interview, out, rng) for interview in plan]
    with (out / "participants.csv").open("w", newline="", encoding="utf-8") as handle:
        writer = csv.writer(handle)
        writer.writerow(["transcript", "speaker", "respondent", "role", "institution", "programme"])
        writer.writerows(registry_rows(plan))
    truth = {i.name: {p: dict(points) for p, points in i.points.items()} for i in plan}
    (out / "plan.json").write_text(json.dumps(truth, ensure_ascii=False, indent=1, sort_keys=True) + "\n",
                                   encoding="utf-8")
    asked = {i.name: i.asked for i in plan}  # which words asked each guide question: the alignment's truth
    (out / "questions.json").write_text(json.dumps(asked, ensure_ascii=False, indent=1, sort_keys=True) + "\n",
                                        encoding="utf-8")
    return files


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--out", type=Path, default=Path("transcripts/sample-study"))
    parser.add_argument("--seed", type=int, default=2020)
    parser.add_argument("--interviews", type=int, default=30)
    parser.add_argument("--min-words", type=int, default=4000)
    parser.add_argument("--max-words", type=int, default=15000)
    args = parser.parse_args()
    files = make(args.out, args.seed, args.interviews, (args.min_words, args.max_words))
    print(f"wrote {len(files)} transcripts, participants.csv, plan.json and questions.json to {args.out}")


if __name__ == "__main__":
    main()
