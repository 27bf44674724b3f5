"""Opening a database: URL resolution, SQLite pragmas, migrations, units of work."""

from __future__ import annotations

import os
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from sqlalchemy import create_engine, event, inspect, text
from sqlalchemy.engine import Engine, make_url
from sqlalchemy.orm import Session, sessionmaker

from workbench.errors import WorkbenchError

DEFAULT_PATH = Path("db") / "workbench.sqlite"
CHANGED = "workbench_changed"  # connection.info key: a statement in this unit of work changed rows


def resolve_url(value: str | None) -> str:
    """A SQLAlchemy URL from a --db value: a URL, a file path, or the default."""
    value = value or os.environ.get("WORKBENCH_DB") or str(DEFAULT_PATH)
    if "://" in value:
        return value
    return f"sqlite+pysqlite:///{Path(value).expanduser().resolve()}"


def _create_private_file(path: Path) -> None:
    """Create the SQLite file readable by its owner only (interview data)."""
    path.parent.mkdir(parents=True, exist_ok=True)
    if not path.exists():
        os.close(os.open(path, os.O_CREAT | os.O_WRONLY, 0o600))


def _sqlite_hooks(engine: Engine) -> None:
    @event.listens_for(engine, "connect")
    def _on_connect(dbapi_connection, _record):
        dbapi_connection.isolation_level = None  # we issue BEGIN ourselves
        cursor = dbapi_connection.cursor()
        for pragma in (
            "journal_mode=WAL",
            "foreign_keys=ON",
            "busy_timeout=15000",
            "synchronous=FULL",
        ):
            cursor.execute(f"PRAGMA {pragma}")
        cursor.close()

    @event.listens_for(engine, "begin")
    def _on_begin(conn):
        immediate = conn.get_execution_options().get("sqlite_begin") == "IMMEDIATE"
        conn.exec_driver_sql("BEGIN IMMEDIATE" if immediate else "BEGIN")


def _note_change(conn, cursor, statement: str, _parameters, _context, _executemany) -> None:
    if cursor.rowcount != 0 and statement.lstrip()[:6].upper() in ("INSERT", "UPDATE", "DELETE"):
        conn.info[CHANGED] = True


class Database:
    """An engine, migrated to the newest schema, handing out units of work."""

    def __init__(self, url: str):
        self.url = url
        parsed = make_url(url)
        self.is_sqlite = parsed.get_backend_name() == "sqlite"
        self.path = Path(parsed.database) if self.is_sqlite and parsed.database else None
        if self.path:
            _create_private_file(self.path)
        self.engine = create_engine(url, future=True)
        event.listen(self.engine, "after_cursor_execute", _note_change)
        if self.is_sqlite:
            _sqlite_hooks(self.engine)
            writer = self.engine.execution_options(sqlite_begin="IMMEDIATE")
        else:
            writer = self.engine
        self._reader = sessionmaker(self.engine, expire_on_commit=False)
        self._writer = sessionmaker(writer, expire_on_commit=False)
        try:
            self._migrate()
        except Exception as exc:  # noqa: BLE001 - any driver error means "not usable"
            self.engine.dispose()
            raise WorkbenchError(f"cannot open database: {exc}", where=url) from exc

    def _migrate(self) -> None:
        from workbench.migrations import HEAD, upgrade

        with self.engine.connect() as conn:
            if inspect(conn).has_table("alembic_version"):
                current = conn.execute(text("SELECT version_num FROM alembic_version")).scalar()
                if current == HEAD:
                    return
        upgrade(self.engine)

    @contextmanager
    def write(self) -> Iterator[Session]:
        """One unit of work that changes data: committed whole, or not at all; it raises the study's
        version number, so open screens elsewhere notice."""
        with self._writer() as session, session.begin() as transaction:
            connection = session.connection()
            connection.info[CHANGED] = False
            yield session
            if transaction.is_active:  # not when the work was rolled back (a dry run)
                session.flush()
                if connection.info.pop(CHANGED, False):  # a write that changed nothing moves no screen
                    session.execute(text("UPDATE study_version SET number = number + 1 WHERE id = 1"))

    def version(self) -> int:
        """The study's version: changes whenever anyone (this process or another) writes."""
        with self.engine.connect() as conn:
            return conn.execute(text("SELECT number FROM study_version WHERE id = 1")).scalar_one()

    @contextmanager
    def read(self) -> Iterator[Session]:
        """A read-only unit of work (rolled back at the end)."""
        with self._reader() as session:
            yield session

    def close(self) -> None:
        self.engine.dispose()
