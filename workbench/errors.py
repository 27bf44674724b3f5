"""Errors a user can act on: shown as one line, exit code 2, database untouched."""


class WorkbenchError(Exception):
    """A problem with the user's input, optionally naming where it is."""

    def __init__(self, message: str, where: str | None = None):
        super().__init__(message)
        self.message = message
        self.where = where

    def __str__(self) -> str:
        return f"{self.where}: {self.message}" if self.where else self.message

    def at(self, where: str) -> "WorkbenchError":
        """The same error, located (e.g. in a file), unless it already is."""
        return self if self.where else WorkbenchError(self.message, where)
