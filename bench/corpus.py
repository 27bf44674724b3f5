"""Benchmark corpora: N invented interviews of W words (all layouts), and coded study databases.

    python bench/corpus.py --interviews 300 --words 12000            # writes the files only
    python bench/corpus.py --interviews 30 --words 12000 --codings 100000   # and a coded database
    WORKBENCH_BENCH_POSTGRES=postgresql+psycopg://... python bench/corpus.py ... --codings N --postgres
                                                                      # and that database on PostgreSQL

Everything is cached under bench/.cache (made once, reused by later runs).
"""

from __future__ import annotations

import argparse
import json
import os
import random
import shutil
from pathlib import Path

from sqlalchemy import select

from workbench.core.db import Database, resolve_url
from workbench.core.models import Code, Turn
from workbench.sample.__main__ import make
from workbench.services import codebook, participants, transcripts
from workbench.services.coding_writer import CodingWriter, NewCoding
from workbench.services.lookup import coder_named

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


def add_codings_over_turns(db: Database, count: int, rng: random.Random, coder: str = "spreader") -> None:
    """Codings from inside one turn to inside one of the next three (the same respondent again among them)."""
    with db.read() as session:
        turns = session.execute(select(Turn.transcript_id, Turn.index, Turn.start, Turn.end)
                                .order_by(Turn.transcript_id, Turn.index)).all()
        code_ids = list(session.scalars(select(Code.id).where(Code.codable)))
    with db.write() as session:
        writer = CodingWriter(session, coder_named(session, coder))
        items = []
        for _ in range(count):
            i = rng.randrange(len(turns) - 3)
            first, last = turns[i], turns[i + rng.randint(1, 3)]
            if first.transcript_id == last.transcript_id:
                items.append(NewCoding(first.transcript_id, session.get(Code, rng.choice(code_ids)),
                                       rng.randrange(first.start, first.end), rng.randrange(last.start, last.end) + 1,
                                       "manual"))
        writer.add_many(items)


def on_postgres(path: Path, server: str) -> str:
    """The SQLite study at path copied into a database of its own on the PostgreSQL server (made once, by
    COPY, then vacuumed and analysed as a server that has run a while is); returns its URL."""
    from sqlalchemy import JSON, create_engine, text
    from sqlalchemy.engine import make_url

    from workbench.core.models import Base

    name = f"bench_{path.stem.replace('-', '_')}"
    url = make_url(server).set(database=name).render_as_string(hide_password=False)
    admin = create_engine(server, isolation_level="AUTOCOMMIT")
    with admin.connect() as conn:
        if conn.scalar(text("SELECT 1 FROM pg_database WHERE datname = :n"), {"n": name}):
            copied = create_engine(url)
            with copied.connect() as study_:
                complete = study_.scalar(text("SELECT to_regclass('bench_copied') IS NOT NULL"))
            copied.dispose()
            if complete:
                return url
            conn.execute(text(f'DROP DATABASE "{name}" WITH (FORCE)'))
        conn.execute(text(f'CREATE DATABASE "{name}"'))
    Database(url).close()  # the schema, by the migrations
    source, target = Database(resolve_url(str(path))), create_engine(url)
    with source.engine.connect() as reader, target.begin() as writer:
        # the tallies as SQLite's triggers made them: PostgreSQL's lock a turn per link, more locks than one
        # transaction of 3M links may hold (and the keys are as they were checked there)
        writer.execute(text("SET LOCAL session_replication_role = replica"))
        for table in Base.metadata.sorted_tables:
            columns = [c.name for c in table.columns]
            quoted = ", ".join(f'"{name}"' for name in columns)
            as_json = [isinstance(getattr(c.type, "impl_instance", c.type), JSON) for c in table.columns]  # StudyJSON too
            writer.execute(table.delete())
            with writer.connection.dbapi_connection.cursor().copy(
                    f'COPY {table.name} ({quoted}) FROM STDIN') as copy:
                for row in reader.execute(select(*table.columns)).yield_per(50_000):
                    copy.write_row([json.dumps(v) if j else v for v, j in zip(row, as_json)])
            if "id" in columns:
                writer.execute(text(f"SELECT setval(pg_get_serial_sequence('{table.name}', 'id'), "
                                    f"coalesce(max(id), 1)) FROM {table.name}"))
        writer.execute(text("CREATE TABLE bench_copied (done integer)"))
        writer.execute(text("INSERT INTO bench_copied VALUES (1)"))
    with target.connect().execution_options(isolation_level="AUTOCOMMIT") as conn:
        conn.execute(text("VACUUM ANALYZE"))
    source.close()
    target.dispose()
    admin.dispose()
    return url


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--interviews", type=int, default=30)
    parser.add_argument("--words", type=int, default=12_000)
    parser.add_argument("--codings", type=int, default=None, help="also build a database with this many codings")
    parser.add_argument("--postgres", action="store_true", help="and copy it to WORKBENCH_BENCH_POSTGRES's server")
    args = parser.parse_args()
    print(corpus(args.interviews, args.words))
    if args.codings is not None:
        print(path := study(args.interviews, args.words, args.codings))
        if args.postgres:
            print(on_postgres(path, os.environ["WORKBENCH_BENCH_POSTGRES"]))


if __name__ == "__main__":
    main()
