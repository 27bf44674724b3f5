"""Opening a database: URL resolution, SQLite pragmas, migrations, units of work."""

from __future__ import annotations

import itertools
import json
import os
import threading
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from datetime import datetime
from pathlib import Path

from sqlalchemy import create_engine, event, inspect, select, text, update
from sqlalchemy.engine import Engine, make_url
from sqlalchemy.exc import DBAPIError, OperationalError
from sqlalchemy.orm import Session, sessionmaker

from workbench.core.faults import StudyDamaged, StudyFault, study_fault
from workbench.errors import WorkbenchError, is_busy
from workbench.i18n import _, use

DEFAULT_PATH = Path("db") / "workbench.sqlite"
CHANGED = "workbench_changed"  # connection.info key: a statement in this unit of work changed rows
# a server that went away is noticed in seconds, not after the operating system's minutes of TCP retries
SERVER_TIMEOUTS = {"connect_timeout": 5, "keepalives": 1, "keepalives_idle": 5, "keepalives_interval": 2,
                   "keepalives_count": 3, "tcp_user_timeout": 10000}


def resolve_url(value: str | None) -> str:
    """A SQLAlchemy URL from a --db value: a URL, a file path, or the default."""
    value = value or os.environ.get("WORKBENCH_DB") or str(DEFAULT_PATH)
    if "://" in value:
        return value
    return f"sqlite+pysqlite:///{Path(value).expanduser().resolve()}"


def _sqlite_path(parsed) -> Path | None:
    """The study file of a SQLite URL (of a plain path, or of a file: URI such as a read-only one)."""
    name = parsed.database
    if not name or name == ":memory:":
        return None
    return Path(name[len("file:"):]) if "uri" in parsed.query and name.startswith("file:") else Path(name)


def _create_private_file(path: Path) -> None:
    """Create the SQLite file readable by its owner only (interview data)."""
    path.parent.mkdir(parents=True, exist_ok=True)
    if not path.exists():
        os.close(os.open(path, os.O_CREAT | os.O_WRONLY, 0o600))


def _sqlite_hooks(engine: Engine, busy_seconds: float) -> None:
    @event.listens_for(engine, "connect")
    def _on_connect(dbapi_connection, _record):
        dbapi_connection.isolation_level = None  # we issue BEGIN ourselves
        cursor = dbapi_connection.cursor()
        for pragma in (
            f"busy_timeout={int(busy_seconds * 1000)}",
            "journal_mode=WAL",
            "foreign_keys=ON",
            "synchronous=FULL",
        ):
            cursor.execute(f"PRAGMA {pragma}")
        cursor.close()

    @event.listens_for(engine, "begin")
    def _on_begin(conn):
        immediate = conn.get_execution_options().get("sqlite_begin") == "IMMEDIATE"
        conn.exec_driver_sql("BEGIN IMMEDIATE" if immediate else "BEGIN")


@contextmanager
def study_at(url: str, language: str) -> Iterator[Database]:
    """The study at url, opened by a process of its own (streams.made_aside) in the language of the one that
    asked, and closed when done."""
    use(language)
    db = Database(url)
    try:
        yield db
    finally:
        db.close()


def driver_rows(session: Session, query, size: int) -> Iterator[tuple]:
    """The query's rows as the driver gives them, in the session's transaction, size at a time (on PostgreSQL
    from a cursor on the server: not all in memory). Plain tuples: SQLAlchemy's rows cost 0.8 µs each, 2.5 s of
    an export's 3 million codings. Only for columns the driver gives as they are meant (numbers, text); the
    query's values are written into its SQL (numbers and the program's own words, never a file's)."""
    connection = session.connection()
    sql = str(query.compile(dialect=connection.dialect, compile_kwargs={"literal_binds": True}))
    driver = connection.connection.dbapi_connection
    named = connection.dialect.name == "postgresql"
    cursor = driver.cursor(name=f"rows_{next(_CURSORS)}") if named else driver.cursor()
    try:
        cursor.execute(sql)
        while rows := cursor.fetchmany(size):
            yield from rows
    finally:
        cursor.close()


_CURSORS = itertools.count()  # names of cursors on the server, one per query


def insert_unless_there(session: Session, model, keys: Sequence[str]):
    """INSERT ... ON CONFLICT (keys) DO NOTHING in the session's SQL dialect: a row another process committed
    meanwhile (PostgreSQL runs writers side by side) is left as it is, not an error."""
    from sqlalchemy.dialects import postgresql, sqlite

    dialect = {"postgresql": postgresql, "sqlite": sqlite}[session.get_bind().dialect.name]
    return dialect.insert(model).on_conflict_do_nothing(index_elements=list(keys))


def _note_change(conn, cursor, statement: str, _parameters, _context, _executemany) -> None:
    if cursor.rowcount != 0 and statement.lstrip()[:6].upper() in ("INSERT", "UPDATE", "DELETE"):
        conn.info[CHANGED] = True


class Database:
    """An engine, migrated to the newest schema, handing out units of work.

    holder says who writes (a coder and a command): another process that finds the study busy says so.
    On SQLite a writer waits busy_seconds for the write lock, waits times over, telling on_wait each time."""

    def __init__(self, url: str, holder: str = "", busy_seconds: float = 15.0, waits: int = 3):
        self.url, self.holder, self.waits = url, holder, waits
        self.on_wait: Callable[[str], None] | None = None
        parsed = make_url(url)
        self.is_sqlite = parsed.get_backend_name() == "sqlite"
        self.path = _sqlite_path(parsed) if self.is_sqlite else None
        self.where = str(self.path) if self.is_sqlite else parsed.render_as_string(hide_password=True)
        self.receipt = threading.local()  # (writer, ticket) the next write of this thread records, if any
        if self.path and "uri" not in parsed.query:  # a file: URI (read-only, say) opens what is there
            _create_private_file(self.path)
        self.engine = create_engine(url, future=True, **self._engine_options(parsed))
        event.listen(self.engine, "after_cursor_execute", _note_change)
        if self.is_sqlite:
            _sqlite_hooks(self.engine, busy_seconds)
            writer = self.engine.execution_options(sqlite_begin="IMMEDIATE")
        else:
            writer = self.engine
        self._reader = sessionmaker(self.engine, expire_on_commit=False)
        self._writer = sessionmaker(writer, expire_on_commit=False)
        try:
            self._migrate()
        except Exception as exc:  # noqa: BLE001 - any driver error means "not usable"
            self.engine.dispose()
            reason = str(getattr(exc, "orig", None) or exc).splitlines()[0]  # the driver's words, one line
            raise WorkbenchError(_("cannot open database: {reason}").format(reason=reason), where=self.where) from exc

    def _engine_options(self, parsed) -> dict:
        """A server's connections are checked before use (one lost meanwhile is replaced) and time out."""
        if self.is_sqlite:
            return {}
        given = set(parsed.query)
        return {"pool_pre_ping": True,
                "connect_args": {key: value for key, value in SERVER_TIMEOUTS.items() if key not in given}}

    @contextmanager
    def _faults(self, stage: list[str] | None = None) -> Iterator[None]:
        """A driver's error that is a lost server, a full disk or a damaged file, as one line naming the study;
        lost while committing (stage == ["commit"]), it may have landed."""
        try:
            yield
        except DBAPIError as exc:
            fault = study_fault(exc, self.where, self.is_sqlite, maybe_done=stage == ["commit"])
            if fault is None:
                raise
            raise fault from exc

    def _check_file(self) -> None:
        """A study file deleted while open would take every write after it into the void."""
        if self.path is not None and not self.path.exists():
            raise StudyFault(_("the study file is gone; nothing was changed"), self.where)

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
        version number, so open screens elsewhere notice, and records the receipt this thread holds."""
        self._check_file()
        stage = ["work"]
        with self._faults(stage):
            session, transaction, connection = self._locked()
            with session, transaction, self._holding():
                connection.info[CHANGED] = False
                yield session
                if transaction.is_active:  # not when the work was rolled back (a dry run)
                    session.flush()
                    if connection.info.pop(CHANGED, False):  # a write that changed nothing moves no screen
                        session.execute(text("UPDATE study_version SET number = number + 1 WHERE id = 1"))
                        self._record_receipt(session)
                    stage[0] = "commit"

    def _record_receipt(self, session: Session) -> None:
        receipt = getattr(self.receipt, "now", None)
        if receipt is None:
            return
        from workbench.core.models import WriteReceipt

        writer, ticket = receipt
        if not session.execute(update(WriteReceipt).where(WriteReceipt.writer == writer).values(ticket=ticket)).rowcount:
            session.add(WriteReceipt(writer=writer, ticket=ticket))

    @contextmanager
    def receipt_of(self, writer: str, ticket: int) -> Iterator[None]:
        """Writes made in this thread meanwhile record (writer, ticket) in the study: see landed()."""
        self.receipt.now = (writer, ticket)
        try:
            yield
        finally:
            self.receipt.now = None

    def landed(self, writer: str, ticket: int) -> bool:
        """Whether the write with this receipt reached the study (a writer's tickets only grow)."""
        from workbench.core.models import WriteReceipt

        with self.read() as session:
            found = session.scalar(select(WriteReceipt.ticket).where(WriteReceipt.writer == writer))
        return found is not None and found >= ticket

    def _locked(self):
        """A session in a write transaction, its lock taken (SQLite: waiting for another writer, and
        saying who that is); nothing has been done when the study stays busy."""
        for attempt in range(self.waits + 1):
            session = self._writer()
            transaction = session.begin()
            try:
                return session, transaction, session.connection()
            except OperationalError as exc:
                session.close()
                if not is_busy(exc):
                    raise
                busy = _("the study is busy: {holder} is writing to it").format(
                    holder=self._holder_now() or _("another program"))
                if attempt == self.waits:
                    raise WorkbenchError(_("{busy}; nothing was changed, try again").format(busy=busy)) from exc
                if self.on_wait:
                    self.on_wait(f"{busy}; waiting")
        raise AssertionError("unreachable")

    @contextmanager
    def _holding(self) -> Iterator[None]:
        """While this process holds the SQLite write lock, a note next to the study says who it is."""
        if self.path is None:
            yield
            return
        note = self.path.with_name(self.path.name + ".writer")
        since = datetime.now().strftime("%H:%M:%S")
        try:
            note.write_text(json.dumps({"pid": os.getpid(), "holder": self.holder or "a workbench", "since": since}))
        except OSError:
            pass  # a read-only folder: the note is a courtesy
        try:
            yield
        finally:
            note.unlink(missing_ok=True)

    def _holder_now(self) -> str | None:
        """Who holds the write lock, from their note (if that process is still alive)."""
        try:
            note = json.loads(self.path.with_name(self.path.name + ".writer").read_text())
            os.kill(note["pid"], 0)
        except (OSError, ValueError, KeyError, TypeError, AttributeError):
            return None
        return f"{note['holder']} (pid {note['pid']}, since {note['since']})"

    def version(self) -> int:
        """The study's version: changes whenever anyone (this process or another) writes."""
        self._check_file()
        with self._faults(), self.engine.connect() as conn:
            number = conn.execute(text("SELECT number FROM study_version WHERE id = 1")).scalar()
        if number is None:
            raise StudyDamaged(_("its version row is gone"))
        return number

    @contextmanager
    def read(self) -> Iterator[Session]:
        """A read-only unit of work (rolled back at the end)."""
        with self._faults(), self._reader() as session:
            yield session

    def close(self) -> None:
        self.engine.dispose()
