"""Errors a user can act on: shown as one line, exit code 2, database untouched."""

from workbench.i18n import _

LONGEST = 500  # characters of a message line; a longer one (a value from a file in it) loses its middle


def shown(value: object, limit: int = 80) -> str:
    """A value from a file, quoted for a message: on one line, and a long one shortened."""
    text = repr(str(value))
    return text if len(text) <= limit else f"{text[: limit - 12]}…{text[-10:]}"


def one_line(message: str) -> str:
    """A message as the one line it must be: line breaks folded, a long middle left out."""
    text = " ".join(part.strip() for part in message.splitlines() if part.strip())
    return text if len(text) <= LONGEST else f"{text[: LONGEST - 61]} … {text[-58:]}"


class WorkbenchError(Exception):
    """A problem with the user's input, optionally naming where it is."""

    def __init__(self, message: str, where: str | None = None):
        message = one_line(message)  # one line, always, and a value from a file never printed whole
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
