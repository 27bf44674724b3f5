"""What every command shares: the database (opened on first use) and the coder."""

from __future__ import annotations

from functools import cached_property


class State:
    def __init__(self, db: str | None, coder: str):
        self.db_value = db
        self.coder = coder

    @cached_property
    def db(self):
        from workbench.core.db import Database, resolve_url  # on first use: SQLAlchemy takes a while

        return Database(resolve_url(self.db_value))
