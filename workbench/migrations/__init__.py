"""Alembic migrations shipped with the package and run from code."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from alembic.config import Config
    from sqlalchemy.engine import Engine

HEAD = "0022"  # the newest revision; a test keeps it equal to Alembic's head
HERE = Path(__file__).parent


def config() -> Config:
    from alembic.config import Config  # Alembic loads only when a migration is due

    cfg = Config()
    cfg.set_main_option("script_location", str(HERE))
    return cfg


def upgrade(engine: Engine, revision: str = "head") -> None:
    from alembic import command

    cfg = config()
    with engine.begin() as connection:
        cfg.attributes["connection"] = connection
        command.upgrade(cfg, revision)
