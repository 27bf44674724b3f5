"""The `workbench` command. Every command calls the service layer; errors are one line."""

from __future__ import annotations

import gc
import os
import sys

import typer

from workbench import i18n
from workbench.cli.app import app
from workbench.errors import WorkbenchError, one_line
from workbench.i18n import _

__all__ = ["app", "main", "run"]


def run() -> None:
    """The `workbench` process: main(), then what it holds is left to the operating system. Python's last
    garbage collection at exit looks at every object again (0.1 s after a report on a 3M-coding study);
    frozen objects it skips. The database is committed and closed by then, or left as a crash would."""
    try:
        main()
    finally:
        gc.freeze()


def main(argv: list[str] | None = None) -> None:
    """Run the CLI: user errors print 'error: WHERE: WHAT' and exit 2."""
    os.umask(0o077)  # what it writes (reports, exports, backups) holds interview data: for its owner only
    _speak()
    try:
        code = app(args=argv, prog_name="workbench", standalone_mode=False)
    except WorkbenchError as exc:
        _fail(str(exc))
    except typer.Exit as exc:
        sys.exit(exc.exit_code)
    except typer.TyperException as exc:  # usage errors: the message and help hint, exit 2
        show = getattr(exc, "show", None)
        show() if show else _fail(exc.format_message(), exc.exit_code)
        sys.exit(exc.exit_code)
    except (typer.Abort, KeyboardInterrupt):
        print(_("aborted"), file=sys.stderr)
        sys.exit(130)
    except Exception as exc:
        if not _from_database(exc):
            raise
        _fail(_("database: {problem}").format(problem=str(getattr(exc, "orig", None) or exc).splitlines()[0]))
    if isinstance(code, int) and code:  # a command's typer.Exit(code), returned outside standalone mode
        sys.exit(code)


def _speak() -> None:
    """The language of the settings' `language`, else the locale's (a settings file that cannot be read is said
    by `workbench tui`, which needs the rest of it)."""
    from workbench.config import Settings, load_settings

    i18n.use(i18n.from_environment())
    try:
        settings = load_settings()
    except WorkbenchError:
        settings = Settings()
    settings.speak()


def _from_database(exc: Exception) -> bool:
    """A SQLAlchemy error (SQLAlchemy is imported only when a command uses the database)."""
    errors = sys.modules.get("sqlalchemy.exc")
    return errors is not None and isinstance(exc, errors.SQLAlchemyError)


def _fail(message: str, code: int = 2) -> None:
    print(_("error: {message}").format(message=one_line(message)), file=sys.stderr)
    sys.exit(code)
