"""The `workbench` command. Every command calls the service layer; errors are one line."""

from __future__ import annotations

import sys

import click
import typer
from sqlalchemy.exc import SQLAlchemyError

from workbench.cli.app import app
from workbench.errors import WorkbenchError

__all__ = ["app", "main"]


def main(argv: list[str] | None = None) -> None:
    """Run the CLI: user errors print 'error: WHERE: WHAT' and exit 2."""
    try:
        app(args=argv, prog_name="workbench", standalone_mode=False)
    except WorkbenchError as exc:
        _fail(str(exc))
    except SQLAlchemyError as exc:
        _fail(f"database: {str(exc.orig if getattr(exc, 'orig', None) else exc).splitlines()[0]}")
    except click.exceptions.Exit as exc:
        sys.exit(exc.exit_code)
    except click.ClickException as exc:
        exc.show()
        sys.exit(exc.exit_code)
    except (click.exceptions.Abort, KeyboardInterrupt):
        print("aborted", file=sys.stderr)
        sys.exit(130)
    except typer.Exit as exc:  # pragma: no cover - typer re-exports click's Exit
        sys.exit(exc.exit_code)


def _fail(message: str) -> None:
    print(f"error: {message}", file=sys.stderr)
    sys.exit(2)
