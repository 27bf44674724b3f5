"""Errors a user can act on: shown as one line, exit code 2, database untouched."""

from workbench.i18n import _


class WorkbenchError(Exception):
    """A problem with the user's input, optionally naming where it is."""

    def __init__(self, message: str, where: str | None = None):
        super().__init__(message)
        self.message = message
        self.where = where

    def __str__(self) -> str:
        if not self.where:
            return self.message
        where = self.where if self.where.isprintable() else self.where.encode("unicode_escape").decode("ascii")
        return f"{where}: {self.message}"  # a file name with a line break stays on one line

    def at(self, where: str) -> "WorkbenchError":
        """The same error, located (e.g. in a file), unless it already is."""
        return self if self.where else WorkbenchError(self.message, where)


def _first_line(exc: BaseException) -> str:
    text = str(getattr(exc, "orig", None) or exc).strip().splitlines()
    return text[0] if text else type(exc).__name__


def is_busy(exc: BaseException) -> bool:
    """Another program holds the study's write lock (SQLite) or the rows (PostgreSQL)."""
    return any(words in _first_line(exc) for words in ("database is locked", "could not obtain lock"))


def expected(exc: BaseException) -> bool:
    """A failure the coder can act on (a refusal, or a busy study), not a bug."""
    return isinstance(exc, WorkbenchError) or is_busy(exc)


def user_message(exc: BaseException) -> str:
    """One line a coder can act on, for any failure (no driver internals, no web links)."""
    if isinstance(exc, WorkbenchError):
        return str(exc)
    if is_busy(exc):
        return _("the study is busy: another program is writing to it; nothing was changed, try again")
    return f"{type(exc).__name__}: {_first_line(exc)}"
