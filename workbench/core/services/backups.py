"""Backups of a SQLite study with SQLite's online backup API (safe while coders are working).

`backup` on request; `before` automatically ahead of every destructive operation (merge,
replace transcript, project import, restore, erase), keeping the newest KEEP automatic ones.
Files go next to the database in backups/, readable by their owner only. A PostgreSQL study is
backed up with the server's own tools (pg_dump), as README says.
"""

from __future__ import annotations

import os
import sqlite3
from datetime import datetime, timezone
from pathlib import Path

from workbench.core.db import Database
from workbench.errors import WorkbenchError

KEEP = 20
AUTO = "auto-"


def folder(db: Database) -> Path:
    return _path(db).parent / "backups"


def _path(db: Database) -> Path:
    if not db.is_sqlite or db.path is None:
        raise WorkbenchError("backup and restore work on a SQLite study; back up PostgreSQL with pg_dump")
    return db.path


def check_output(db: Database, target: Path) -> Path:
    """Refuse to write a file over the study itself, its journal files or one of its backups; a file that
    is there already becomes readable by its owner only."""
    resolved = target.expanduser().resolve()
    study = db.path.resolve() if db.path else None
    taken = {study, *(study.with_name(study.name + end) for end in ("-wal", "-shm", "-journal"))} if study else set()
    if resolved in taken or (study and resolved.parent == folder(db).resolve() and resolved.exists()):
        raise WorkbenchError("refusing to write over the study or one of its backups: choose another file",
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
    stamp = datetime.now(timezone.utc).strftime("%Y%m%d-%H%M%S-%f")
    target = check_output(db, target) if target else folder(db) / f"{path.stem}-{stamp}-{reason}.sqlite"
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
    made = backup(db, reason=f"{AUTO}{operation}")
    automatic = sorted(folder(db).glob(f"{_path(db).stem}-*-{AUTO}*.sqlite"))
    for old in automatic[:-KEEP]:
        old.unlink(missing_ok=True)
    return made


def restore(db: Database, source: Path) -> Path:
    """Replace the study's contents with a backup's (after backing up the current state). Returns that backup."""
    if not source.is_file():
        raise WorkbenchError("no such backup file", where=str(source))
    try:
        candidate = sqlite3.connect(f"file:{source}?mode=ro", uri=True)
        ok = candidate.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        tables = {row[0] for row in candidate.execute("SELECT name FROM sqlite_master WHERE type='table'")}
    except sqlite3.DatabaseError as exc:
        raise WorkbenchError(f"not a workbench backup ({exc})", where=str(source)) from exc
    if not ok or not {"alembic_version", "transcript", "coding"} <= tables:
        candidate.close()
        raise WorkbenchError("not a workbench backup (damaged, or another kind of SQLite file)", where=str(source))
    try:
        path = _path(db)
        kept = before(db, "restore")
        db.close()
        with sqlite3.connect(path) as live:
            candidate.backup(live)
    finally:
        candidate.close()
    db._migrate()  # a backup from an older version gets the newest schema
    return kept


def backups(db: Database) -> list[Path]:
    return sorted(folder(db).glob("*.sqlite")) if folder(db).exists() else []

