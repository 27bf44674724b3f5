"""Backups of a SQLite study with SQLite's online backup API (safe while coders are working).

`backup` on request; `before` automatically ahead of every destructive operation (merge,
replace transcript, project import, restore, erase), keeping the newest KEEP automatic ones.
Files go next to the database in backups/, readable by their owner only. A PostgreSQL study is
backed up with the server's own tools (pg_dump), as README says.
"""

from __future__ import annotations

import os
import sqlite3
import tempfile
from contextlib import closing
from datetime import datetime, timezone
from pathlib import Path

from sqlalchemy import select
from sqlalchemy.exc import DBAPIError

from workbench.core.db import Database
from workbench.core.faults import StudyDamaged
from workbench.core.models import TALLIES, StudyJSON
from workbench.errors import WorkbenchError
from workbench.i18n import _

KEEP = 20
BUSY_SECONDS = 60  # how long restore waits for a coder's write to finish
AUTO = "auto-"


def folder(db: Database) -> Path:
    return _path(db).parent / "backups"


def _path(db: Database) -> Path:
    if not db.is_sqlite or db.path is None:
        raise WorkbenchError(_("backup and restore work on a SQLite study; back up PostgreSQL with pg_dump"))
    return db.path


def check_output(db: Database, target: Path) -> Path:
    """Refuse to write a file over the study itself, its journal files or one of its backups; a file that
    is there already becomes readable by its owner only."""
    resolved = target.expanduser().resolve()
    study = db.path.resolve() if db.path else None
    taken = {study, *(study.with_name(study.name + end) for end in ("-wal", "-shm", "-journal"))} if study else set()
    if resolved in taken or (study and resolved.parent == folder(db).resolve() and resolved.exists()):
        raise WorkbenchError(_("refusing to write over the study or one of its backups: choose another file"),
                             where=str(target))
    if resolved.is_file():
        os.chmod(resolved, 0o600)  # it will hold interview data: an existing file does not keep 0644
    return target


def _copy(source: sqlite3.Connection, target: Path) -> None:
    target.parent.mkdir(mode=0o700, parents=True, exist_ok=True)
    os.close(os.open(target, os.O_CREAT | os.O_WRONLY | os.O_TRUNC, 0o600))
    os.chmod(target, 0o600)  # an existing file keeps its mode when opened: it holds transcripts now
    with sqlite3.connect(target) as copy:
        source.backup(copy)
    copy.close()


def backup(db: Database, target: Path | None = None, reason: str = "manual") -> Path:
    """Copy the whole database, consistent at one moment, to target (default: backups/<name>-<time>-<reason>)."""
    path = _path(db)
    target = check_output(db, target) if target else _named(db, reason)
    source = sqlite3.connect(path)
    try:
        _copy(source, target)
    finally:
        source.close()
    return target


def before(db: Database, operation: str) -> Path | None:
    """The automatic backup ahead of a destructive operation (SQLite only); prunes old automatic ones."""
    if not db.is_sqlite:
        return None
    return _pruned(db, backup(db, reason=f"{AUTO}{operation}"))


def _named(db: Database, reason: str) -> Path:
    """backups/<study>-<time>-<reason>.sqlite"""
    stamp = datetime.now(timezone.utc).strftime("%Y%m%d-%H%M%S-%f")
    return folder(db) / f"{_path(db).stem}-{stamp}-{reason}.sqlite"


def _pruned(db: Database, made: Path) -> Path:
    automatic = sorted(folder(db).glob(f"{_path(db).stem}-*-{AUTO}*.sqlite"))
    for old in automatic[:-KEEP]:
        old.unlink(missing_ok=True)
    return made


def restore(db: Database, source: Path) -> Path:
    """Replace the study's contents with a backup's; returns the backup of the state before.

    One write transaction does all of it: the backup of the state before, and the swap. A coder writing
    meanwhile waits for it (and then writes on the restored study): nothing committed is ever in neither."""
    candidate = _checked_backup(source)
    path = _path(db)
    with tempfile.TemporaryDirectory(prefix="restore-", dir=path.parent) as work:
        staged = Path(work) / "staged.sqlite"  # the backup, brought to the newest schema first
        try:
            _copy(candidate, staged)
        finally:
            candidate.close()
        _sound(staged, source)
        live = sqlite3.connect(path, isolation_level=None, timeout=BUSY_SECONDS)
        try:
            live.execute("ATTACH DATABASE ? AS staged", (str(staged),))
            live.execute("BEGIN IMMEDIATE")  # from here on nobody else commits: a reader sees the state before
            kept = _named(db, f"{AUTO}restore")
            reader = sqlite3.connect(path)
            try:
                _copy(reader, kept)
            finally:
                reader.close()
            _swap(live)
            live.execute("COMMIT")
        except (sqlite3.DatabaseError, UnicodeDecodeError) as exc:
            raise WorkbenchError(_("the backup cannot be restored ({exc}); nothing was changed").format(exc=exc),
                                 where=str(source)) from exc
        finally:
            if live.in_transaction:
                live.execute("ROLLBACK")
            live.close()
    return _pruned(db, kept)


def _sound(staged: Path, source: Path) -> None:
    """The staged backup, brought to the newest schema, holds what the workbench writes: every table and column
    of the study, JSON where JSON belongs, a code tree without cycles, lists of words as keywords."""
    from workbench.core.models import Base, Code
    from workbench.services.lookup import CodeTree

    try:
        database = Database(f"sqlite+pysqlite:///{staged}")
    except WorkbenchError as exc:
        raise WorkbenchError(_("not a workbench backup ({exc})").format(exc=exc.message), where=str(source)) from exc
    try:
        with database.engine.connect() as conn:
            for table in Base.metadata.sorted_tables:
                found = {row[1] for row in conn.exec_driver_sql(f"PRAGMA table_info('{table.name}')")}
                if missing := [c.name for c in table.columns if c.name not in found]:
                    raise WorkbenchError(_("the backup lacks {what}").format(
                        what=f"{table.name}({', '.join(missing)})" if found else table.name), where=str(source))
        with closing(sqlite3.connect(staged)) as raw:  # every value read once: text that is no UTF-8 is damage
            for table in Base.metadata.sorted_tables:
                for _row in raw.execute(f'SELECT * FROM "{table.name}"'):
                    pass
        with database.read() as session:
            CodeTree(session)
            for table in Base.metadata.sorted_tables:
                json_columns = [c for c in table.columns if isinstance(c.type, StudyJSON)]
                for _row in session.execute(select(*json_columns)) if json_columns else ():
                    pass  # each value decoded (StudyJSON says which is no JSON)
            for keywords, patterns in session.execute(select(Code.keywords, Code.patterns)):
                if not all(isinstance(v, list) and all(isinstance(w, str) for w in v) for v in (keywords, patterns)):
                    raise StudyDamaged(_("a code's keywords or patterns are no list of words"))
    except WorkbenchError as exc:
        problem = _("the backup is damaged: {what}").format(what=exc.what) if isinstance(exc, StudyDamaged) \
            else exc.message
        raise WorkbenchError(_("{problem}; nothing was changed").format(problem=problem), where=str(source)) from exc
    except (sqlite3.DatabaseError, UnicodeDecodeError, DBAPIError) as exc:
        raise WorkbenchError(_("the backup cannot be restored ({exc}); nothing was changed").format(
            exc=str(getattr(exc, "orig", None) or exc).splitlines()[0]), where=str(source)) from exc
    finally:
        database.close()


def _checked_backup(source: Path) -> sqlite3.Connection:
    if not source.is_file():
        raise WorkbenchError(_("no such backup file"), where=str(source))
    try:
        candidate = sqlite3.connect(f"file:{source}?mode=ro", uri=True)
        candidate.text_factory = lambda data: data.decode("utf-8", "replace")  # a damaged page names itself so
        ok = candidate.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        tables = {row[0] for row in candidate.execute("SELECT name FROM sqlite_master WHERE type='table'")}
    except (sqlite3.DatabaseError, UnicodeDecodeError) as exc:
        raise WorkbenchError(_("not a workbench backup ({exc})").format(exc=exc), where=str(source)) from exc
    if not ok or not {"alembic_version", "transcript", "coding"} <= tables:
        candidate.close()
        raise WorkbenchError(_("not a workbench backup (damaged, or another kind of SQLite file)"), where=str(source))
    return candidate


def _swap(live: sqlite3.Connection) -> None:
    """Every table's rows from the staged backup (same schema), inside the caller's transaction; the study's
    version moves on so that open screens reload."""
    version = live.execute("SELECT number FROM main.study_version WHERE id = 1").fetchone()[0]
    tables = [row[0] for row in live.execute(
        "SELECT name FROM main.sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'")
        if row[0] not in TALLIES]  # the triggers rebuild them as the turn links come back
    for table in tables:  # all deletes first: no cascade can reach rows already put back
        live.execute(f'DELETE FROM main."{table}"')
    for table in tables:
        columns = ", ".join(f'"{row[1]}"' for row in live.execute(f"PRAGMA main.table_info('{table}')"))
        live.execute(f'INSERT INTO main."{table}" ({columns}) SELECT {columns} FROM staged."{table}"')
    live.execute("UPDATE main.study_version SET number = ? WHERE id = 1", (version + 1,))
    broken = live.execute("PRAGMA main.foreign_key_check").fetchone()
    if broken:
        raise WorkbenchError(
            _("the backup is inconsistent (table {broken} points at a missing row); nothing was changed").format(
                broken=broken[0]
            )
        )


def backups(db: Database) -> list[Path]:
    return sorted(folder(db).glob("*.sqlite")) if folder(db).exists() else []

