"""What every command shares: the database (opened on first use) and the coder."""

from __future__ import annotations

import sys
from functools import cached_property
from pathlib import Path


class State:
    def __init__(self, db: str | None, coder: str, command: str = "", confirm_coder: bool = False):
        self.db_value = db
        self.coder = coder
        self.command = command
        self.confirm_coder = confirm_coder  # --coder given, without --new-coder: it must be a known coder

    @cached_property
    def db(self):
        from workbench.core.db import Database, resolve_url  # on first use: SQLAlchemy takes a while

        database = Database(resolve_url(self.db_value), holder=f"{self.coder}'s workbench {self.command}".rstrip())
        database.on_wait = lambda message: print(f"note: {message}", file=sys.stderr, flush=True)
        if self.confirm_coder:
            from workbench.services.codings import confirm_coder

            try:
                confirm_coder(database, self.coder)
            except Exception:
                database.close()
                raise
        return database

    def close(self) -> None:
        """Close the database if a command opened it (SQLite folds its journal back into the file)."""
        if "db" in self.__dict__:
            self.db.close()

    def output(self, path: Path) -> Path:
        """A file a command is about to write: never the study, its journal files or its backups."""
        from workbench.services.backups import check_output

        return check_output(self.db, path)
