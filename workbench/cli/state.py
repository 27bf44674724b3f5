"""What every command shares: the database (opened on first use) and the coder."""

from __future__ import annotations

from functools import cached_property
from pathlib import Path


class State:
    def __init__(self, db: str | None, coder: str):
        self.db_value = db
        self.coder = coder

    @cached_property
    def db(self):
        from workbench.core.db import Database, resolve_url  # on first use: SQLAlchemy takes a while

        return Database(resolve_url(self.db_value))

    def output(self, path: Path) -> Path:
        """A file a command is about to write: never the study, its journal files or its backups."""
        from workbench.core.services.backups import check_output

        return check_output(self.db, path)
