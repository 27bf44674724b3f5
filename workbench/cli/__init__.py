"""The `workbench` command. Every command calls the service layer; errors are one line."""

from __future__ import annotations

import os
import sys

import typer

from workbench.cli.app import app
from workbench.errors import WorkbenchError

__all__ = ["app", "main"]


def main(argv: list[str] | None = None) -> None:
    """Run the CLI: user errors print 'error: WHERE: WHAT' and exit 2."""
    os.umask(0o077)  # what it writes (reports, exports, backups) holds interview data: for its owner only
    try:
        code = app(args=argv, prog_name="workbench", standalone_mode=False)
    except WorkbenchError as exc:
        _fail(str(exc))
    except typer.Exit as exc:
        sys.exit(exc.exit_code)
    except typer.TyperException as exc:  # usage errors: the message and help hint, exit 2
        show = getattr(exc, "show", None)
        show() if show else print(f"error: {exc.format_message()}", file=sys.stderr)
        sys.exit(exc.exit_code)
    except (typer.Abort, KeyboardInterrupt):
        print("aborted", file=sys.stderr)
        sys.exit(130)
    except Exception as exc:
        if not _from_database(exc):
            raise
        _fail(f"database: {str(getattr(exc, 'orig', None) or exc).splitlines()[0]}")
    if isinstance(code, int) and code:  # a command's typer.Exit(code), returned outside standalone mode
        sys.exit(code)


def _from_database(exc: Exception) -> bool:
    """A SQLAlchemy error (SQLAlchemy is imported only when a command uses the database)."""
    errors = sys.modules.get("sqlalchemy.exc")
    return errors is not None and isinstance(exc, errors.SQLAlchemyError)


def _fail(message: str) -> None:
    print(f"error: {message}", file=sys.stderr)
    sys.exit(2)
