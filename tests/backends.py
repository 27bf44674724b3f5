"""The databases tests run on: a SQLite file always; PostgreSQL when WORKBENCH_TEST_POSTGRES names a server.

WORKBENCH_TEST_POSTGRES is a SQLAlchemy URL of a server's maintenance database, e.g.
postgresql+psycopg://postgres:workbench@127.0.0.1:5432/postgres (.ci/run starts one). Each test
gets a database of its own (the coded sample study is copied with CREATE DATABASE ... TEMPLATE).
With WORKBENCH_REQUIRE_POSTGRES=1 an unreachable server fails the run instead of skipping.
"""

from __future__ import annotations

import os
import uuid

from sqlalchemy import create_engine, select, text
from sqlalchemy.engine import make_url

from workbench.core.db import Database
from workbench.core.models import Base

SERVER = os.environ.get("WORKBENCH_TEST_POSTGRES")
BACKENDS = ["sqlite", "postgresql"] if SERVER or os.environ.get("WORKBENCH_REQUIRE_POSTGRES") else ["sqlite"]


def _admin():
    if not SERVER:
        raise RuntimeError("WORKBENCH_REQUIRE_POSTGRES is set but WORKBENCH_TEST_POSTGRES is not")
    return create_engine(SERVER, isolation_level="AUTOCOMMIT")


def new_postgres(template: str | None = None) -> str:
    """A fresh database on the server (optionally a copy of template); returns its URL."""
    name = f"wb_test_{uuid.uuid4().hex[:12]}"
    engine = _admin()
    with engine.connect() as conn:
        conn.execute(text(f'CREATE DATABASE "{name}"' + (f' TEMPLATE "{template}"' if template else "")))
    engine.dispose()
    return make_url(SERVER).set(database=name).render_as_string(hide_password=False)


def drop_postgres(url: str) -> None:
    engine = _admin()
    with engine.connect() as conn:
        conn.execute(text(f'DROP DATABASE IF EXISTS "{make_url(url).database}" WITH (FORCE)'))
    engine.dispose()


def dump(database: Database) -> list[tuple]:
    """Every row of every table, in a fixed order: 'the database is unchanged' checks on any backend."""
    rows = []
    with database.engine.connect() as conn:
        for table in Base.metadata.sorted_tables:
            found = [tuple(map(repr, row)) for row in conn.execute(select(table))]
            rows.extend((table.name, *row) for row in sorted(found))
        rows.extend(("alembic_version", *row) for row in conn.execute(text("SELECT version_num FROM alembic_version")))
    return rows
