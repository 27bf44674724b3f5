"""Evaluate code suggestions as ../shared/study/SUGGEST-EVAL.md says, on bench/data/suggest-eval.tsv (168
invented answers, 42 leaf codes, 4 answers each) and on the sample study.

Every third answer (1st, 4th, ...) is held out and never tuned on; the rest is the tuning part and, for
"after learning", the coded examples. Three codebooks, same answers:
  keywords            names, descriptions and keywords (codebook/interview-guide.yaml)
  names+descriptions  the same without keywords, as a .qdc from ATLAS.ti or MAXQDA brings it
  no shared words     the names, with descriptions from bench/data/no-shared-words.tsv, checked here to share
                      no content lemma, compound part or five-letter word start with their code's answers
Ranking: P@1, recall@3 and recall@5 of the five best codes whatever their scores (--top 5 --min-score 0).
Shown: precision and recall of what `workbench suggest` shows at its defaults; on the answers (each makes a
point) and on every respondent turn of the sample study (most make none: is the coder shown noise?).
Learning curve: the sample study, after 0, 1, 3 and 5 transcripts coded by hand (the generator's points,
found in the turns, coded as segments), P@1 and recall@3 on the respondent turns of the other transcripts
that make a point, what is shown on all of them.

    python -m bench.eval_suggest            # every table
    python -m bench.eval_suggest --check    # only the no-shared-words check
"""

from __future__ import annotations

import argparse
import time
from collections import defaultdict
from pathlib import Path

from workbench.core.codebook_file import read_codebook
from workbench.core.codes import PATH_SEPARATOR
from workbench.core.suggest import SHOWN
from workbench.core.suggest.model import CodeText, SuggestionModel
from workbench.core.suggest.pipeline import analyse, pipeline, terms

ROOT = Path(__file__).resolve().parent.parent
DATA = ROOT / "bench" / "data"
CODEBOOK = ROOT / "codebook" / "interview-guide.yaml"
SAMPLE = ROOT / "transcripts" / "sample-study"
DEFAULTS = dict(top=3, min_score=SHOWN)  # what `workbench suggest` shows
PREFIX = 5

Item = tuple[frozenset[str], str]  # gold leaf names, answer


def rows(path: Path) -> list[list[str]]:
    return [line.rstrip("\n").split("\t", 1) for line in path.read_text(encoding="utf-8").splitlines()
            if line.strip() and not line.startswith("#")]


def load() -> list[Item]:
    return [(frozenset(codes.split(";")), text) for codes, text in rows(DATA / "suggest-eval.tsv")]


def codebook_codes(keywords: bool, descriptions: dict[str, str] | None = None) -> list[CodeText]:
    def walk(codes, parents=()):
        for code in codes:
            path = (*parents, code.name)
            if code.codable:
                description = (descriptions or {}).get(code.name, code.description)
                yield CodeText(PATH_SEPARATOR.join(path), description, tuple(code.keywords) if keywords else ())
            yield from walk(code.children, path)

    return list(walk(read_codebook(CODEBOOK).codes))


def vocabulary(text: str) -> set[str]:
    """Content lemmas (compound parts included) and the first five letters of every content word and lemma."""
    pipe = pipeline()
    doc = analyse(pipe.nlp, [text])[0]
    lemmas = set(terms(doc, pipe.stop_words))
    words = lemmas | {t.lower_ for t in doc if t.is_alpha and t.lower_ not in pipe.stop_words}
    return lemmas | {f"{w[:PREFIX]}…" for w in words if len(w) >= PREFIX}


def shared_words(descriptions: dict[str, str], items: list[Item]) -> dict[str, set[str]]:
    """Per code, what its description shares with the answers of that code (should be nothing)."""
    answers = defaultdict(set)
    for gold, text in items:
        for name in gold:
            answers[name] |= vocabulary(text)
    return {name: found for name, text in descriptions.items() if (found := vocabulary(text) & answers[name])}


def leaf(path: str) -> str:
    return path.split(PATH_SEPARATOR)[-1]


def ranking(model: SuggestionModel, items: list[Item]) -> dict[str, float]:
    found = model.rank([text for _, text in items], top=5, min_score=0)
    labels = sum(len(gold) for gold, _ in items)
    hits = {k: sum(len(gold & {leaf(c.path) for c in codes[:k]}) for (gold, _), codes in zip(items, found))
            for k in (3, 5)}
    p1 = sum(bool(codes) and leaf(codes[0].path) in gold for (gold, _), codes in zip(items, found))
    return {"P@1": p1 / len(items), "recall@3": hits[3] / labels, "recall@5": hits[5] / labels}


def shown(model: SuggestionModel, items: list[Item]) -> dict[str, float]:
    found = model.rank([text for _, text in items], **DEFAULTS)
    made = sum(len(codes) for codes in found)
    right = sum(leaf(c.path) in gold for (gold, _), codes in zip(items, found) for c in codes)
    return {"precision": right / made if made else 0.0, "recall": right / sum(len(g) for g, _ in items),
            "per answer": made / len(items)}


def codebooks(items: list[Item]) -> list[tuple[str, list[CodeText]]]:
    descriptions = dict(rows(DATA / "no-shared-words.tsv"))
    if found := shared_words(descriptions, items):
        raise SystemExit(f"no-shared-words descriptions share words with their answers: {found}")
    return [("keywords", codebook_codes(True)), ("names+descriptions", codebook_codes(False)),
            ("no shared words", codebook_codes(False, descriptions))]


def answers_table(items: list[Item]) -> None:
    held_out = [item for i, item in enumerate(items) if i % 3 == 0]
    tuning = [item for i, item in enumerate(items) if i % 3]
    print(f"{len(items)} answers: {len(held_out)} held out, {len(tuning)} for tuning / learning\n")
    print("| codebook | mode | part | P@1 | recall@3 | recall@5 | shown precision | shown recall | shown per answer |")
    print("| --- | --- | --- | ---: | ---: | ---: | ---: | ---: | ---: |")
    for label, codes in codebooks(items):
        examples = defaultdict(list)
        for gold, text in tuning:
            for code in codes:
                if leaf(code.path) in gold:
                    examples[code.path].append(text)
        for mode, model, parts in (("zero-shot", SuggestionModel(codes), (("tuning", tuning), ("held-out", held_out))),
                                   ("after learning", SuggestionModel(codes, examples), (("held-out", held_out),))):
            for part, chosen in parts:
                r, s = ranking(model, chosen), shown(model, chosen)
                print(f"| {label} | {mode} | {part} | {r['P@1']:.2f} | {r['recall@3']:.2f} | {r['recall@5']:.2f} "
                      f"| {s['precision']:.2f} | {s['recall']:.2f} | {s['per answer']:.1f} |")


Turn = tuple[frozenset[str], str, tuple[tuple[str, str], ...]]  # gold leaf names, turn, (leaf, segment) said in it


def sample_turns() -> dict[str, list[Turn]]:
    """The sample study's respondent turns with the generator's points found in them (the segments a coder codes),
    per transcript."""
    from bench.steps import sample_study
    from workbench.core.db import Database, resolve_url
    from workbench.sample.banks import POINTS
    from workbench.services.lookup import respondent_turns

    variants = [(leaf(path), variant) for path, (_, _, texts) in POINTS.items() for variant in texts]
    db = Database(resolve_url(str(sample_study())))
    with db.read() as session:
        found = respondent_turns(session)
    db.close()
    turns: dict[str, list[Turn]] = defaultdict(list)
    for turn in found:
        said = tuple((code, variant) for code, variant in variants if variant in turn.text)
        turns[turn.transcript].append((frozenset(code for code, _ in said), turn.text, said))
    return dict(turns)


def learning_curve(turns: dict[str, list[Turn]]) -> None:
    names = list(turns)
    codes = codebook_codes(False)
    by_leaf = {leaf(c.path): c.path for c in codes}
    print("\n| transcripts coded by hand | codebook | P@1 | recall@3 | turns with a point | shown precision "
          "| shown recall |")
    print("| ---: | --- | ---: | ---: | ---: | ---: | ---: |")
    for coded in (0, 1, 3, 5):
        examples = defaultdict(list)
        for name in names[:coded]:  # coded as a coder does: each point's segment, not the whole turn
            for _, _, said in turns[name]:
                for code, segment in said:
                    examples[by_leaf[code]].append(segment)
        every = [(gold, text) for name in names[coded:] for gold, text, _ in turns[name]]
        rest = [(gold, text) for gold, text in every if gold]
        model = SuggestionModel(codes, examples)
        r, s = ranking(model, rest), shown(model, every)  # shown: on every turn, most of which make no point
        print(f"| {coded} | names+descriptions | {r['P@1']:.2f} | {r['recall@3']:.2f} | {len(rest)} "
              f"| {s['precision']:.2f} | {s['recall']:.2f} |")


def study_shown(turns: dict[str, list[Turn]]) -> None:
    """What a coder is shown on every respondent turn of the sample study, most of which make no point (talk
    around the subject): the even transcripts were tuned on, the odd ones never."""
    names = list(turns)
    print("\n| codebook | transcripts | turns | with a point | shown precision | shown recall | shown per turn |")
    print("| --- | --- | ---: | ---: | ---: | ---: | ---: |")
    for label, keywords in (("keywords", True), ("names+descriptions", False)):
        model = SuggestionModel(codebook_codes(keywords))
        for part, chosen in (("tuning", names[::2]), ("held-out", names[1::2])):
            items = [(gold, text) for name in chosen for gold, text, _ in turns[name]]
            s = shown(model, items)
            print(f"| {label} | {part} | {len(items)} | {sum(1 for gold, _ in items if gold)} | {s['precision']:.2f} "
                  f"| {s['recall']:.2f} | {s['per answer']:.2f} |")


def speed(items: list[Item]) -> None:
    started = time.perf_counter()
    model = SuggestionModel(codebook_codes(True))
    built = time.perf_counter() - started
    texts = [f"{text} ({i})" for i in range(10) for _, text in items]  # new texts: none analysed before
    started = time.perf_counter()
    model.rank(texts)
    print(f"\nmodel built in {built:.2f} s; {len(texts) / (time.perf_counter() - started):,.0f} answers/s ranked")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--check", action="store_true", help="only check the no-shared-words descriptions")
    args = parser.parse_args()
    items = load()
    if args.check:
        found = shared_words(dict(rows(DATA / "no-shared-words.tsv")), items)
        print("\n".join(f"{name}: {', '.join(sorted(words))}" for name, words in found.items()) or "nothing shared")
        raise SystemExit(1 if found else 0)
    answers_table(items)
    turns = sample_turns()
    learning_curve(turns)
    study_shown(turns)
    speed(items)


if __name__ == "__main__":
    main()
