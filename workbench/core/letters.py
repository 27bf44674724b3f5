"""Counting in letters, as a spreadsheet names its columns and the study names institutions without a
pseudonym ('Instelling A', ... 'Instelling AA')."""

from __future__ import annotations


def in_letters(number: int) -> str:
    """1 -> A, 26 -> Z, 27 -> AA."""
    found = ""
    while number:
        number, rest = divmod(number - 1, 26)
        found = chr(65 + rest) + found
    return found


def from_letters(letters: str) -> int:
    """A -> 1, AA -> 27."""
    return sum((ord(c) - 64) * 26**i for i, c in enumerate(reversed(letters)))
