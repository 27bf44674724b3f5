"""Benchmark corpora: N invented interviews of W words (all layouts), and coded study databases.

    python bench/corpus.py --interviews 300 --words 12000            # writes the files only
    python bench/corpus.py --interviews 30 --words 12000 --codings 100000   # and a coded database

Everything is cached under bench/.cache (made once, reused by later runs).
"""

from __future__ import annotations

import argparse
import random
import shutil
from pathlib import Path

from sqlalchemy import select

from workbench.core.db import Database, resolve_url
from workbench.core.models import Code, Turn
from workbench.core.services import codebook, participants, transcripts
from workbench.core.services.coding_writer import CodingWriter, NewCoding
from workbench.core.services.lookup import coder_named
from workbench.sample.__main__ import make

ROOT = Path(__file__).resolve().parent.parent
CACHE = ROOT / "bench" / ".cache"
CODEBOOK = ROOT / "codebook" / "interview-guide.yaml"
CODERS = ("anna", "bram", "chris")


def corpus(interviews: int, words: int) -> Path:
    """The folder of a generated corpus (participants.csv included)."""
    folder = CACHE / f"corpus-{interviews}x{words}"
    if not (folder / "participants.csv").exists():
        shutil.rmtree(folder, ignore_errors=True)
        make(folder, seed=7, interviews=interviews, words=(words, words))
    return folder


def study(interviews: int, words: int, codings: int = 0) -> Path:
    """A database of the corpus with registry, codebook and `codings` random codings by three coders."""
    path = CACHE / f"study-{interviews}x{words}-{codings}.sqlite"
    if path.exists():
        return path
    folder = corpus(interviews, words)
    partial = path.with_suffix(".partial")
    partial.unlink(missing_ok=True)
    db = Database(resolve_url(str(partial)))
    transcripts.import_paths(db, [folder], replace=False, coder="bench")
    participants.import_registry(db, folder / "participants.csv")
    codebook.import_codebook(db, CODEBOOK, coder="bench")
    add_random_codings(db, codings, random.Random(codings))
    db.close()
    partial.rename(path)
    return path


def add_random_codings(db: Database, count: int, rng: random.Random, batch: int = 20_000) -> None:
    """Codings on random turn parts with random codable codes, through the one coding writer."""
    with db.read() as session:
        turns = session.execute(select(Turn.transcript_id, Turn.start, Turn.end)).all()
        code_ids = list(session.scalars(select(Code.id).where(Code.codable)))
    turns = [t for t in turns if t.end - t.start > 2]
    for i, coder in enumerate(CODERS):
        share = count // len(CODERS) + (i < count % len(CODERS))
        for first in range(0, share, batch):
            with db.write() as session:
                codes = {c.id: c for c in session.scalars(select(Code).where(Code.id.in_(code_ids)))}
                writer = CodingWriter(session, coder_named(session, coder))
                items = []
                for _ in range(min(batch, share - first)):
                    transcript_id, start, end = rng.choice(turns)
                    a = rng.randrange(start, end - 1)
                    items.append(NewCoding(transcript_id, codes[rng.choice(code_ids)], a,
                                           rng.randrange(a + 1, end + 1), "manual"))
                writer.add_many(items)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--interviews", type=int, default=30)
    parser.add_argument("--words", type=int, default=12_000)
    parser.add_argument("--codings", type=int, default=None, help="also build a database with this many codings")
    args = parser.parse_args()
    print(corpus(args.interviews, args.words))
    if args.codings is not None:
        print(study(args.interviews, args.words, args.codings))


if __name__ == "__main__":
    main()
