"""A coder's regular expression (autocode, codebook patterns, split), run with a time budget.

Patterns come from people and from codebook files: one that backtracks without end on some text
(`(\\w|\\w\\w)*$`) must end in a refusal, not hang the study."""

from __future__ import annotations

from collections.abc import Iterator

import regex

from workbench.errors import WorkbenchError, shown
from workbench.i18n import _
from workbench.limits import REGEX_SECONDS


class Pattern:
    """A case-insensitive regular expression (Python's `re` syntax)."""

    def __init__(self, source: str):
        self.source = source
        try:
            self._compiled = regex.compile(source, regex.IGNORECASE | regex.VERSION0)
        except (regex.error, ValueError, OverflowError, RecursionError) as exc:  # ValueError: (?V0) with (?V1)
            raise WorkbenchError(_("bad pattern {source}: {exc}").format(source=shown(source), exc=exc)) from exc

    def spans(self, text: str) -> Iterator[tuple[int, int]]:
        """(start, end) of every match; refuses a pattern that runs over its time budget on one text."""
        try:
            yield from (match.span() for match in self._compiled.finditer(text, timeout=REGEX_SECONDS))
        except TimeoutError as exc:
            raise self._too_slow(text) from exc

    def search(self, text: str) -> bool:
        try:
            return self._compiled.search(text, timeout=REGEX_SECONDS) is not None
        except TimeoutError as exc:
            raise self._too_slow(text) from exc

    def _too_slow(self, text: str) -> WorkbenchError:
        return WorkbenchError(
            _(
                "pattern {source} ran for more than {REGEX_SECONDS:g} s on one text of {n:,} characters "
                "(catastrophic backtracking?); simplify it"
            ).format(source=shown(self.source), REGEX_SECONDS=REGEX_SECONDS, n=len(text))
        )
