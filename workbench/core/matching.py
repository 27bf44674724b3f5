"""Finding a code's keywords and patterns in a text, fast enough for a whole study.

Keywords are looked up through an index of the text's words and only then checked
with their regex; patterns (free regular expressions) scan the text.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass

from workbench.core.codes import keyword_regex
from workbench.core.patterns import Pattern

_WORD = re.compile(r"\w+")


class TextIndex:
    """Where each word (lower case) starts in a text."""

    def __init__(self, text: str):
        self.text = text
        self.positions: dict[str, list[int]] = {}
        for match in _WORD.finditer(text):
            self.positions.setdefault(match.group().lower(), []).append(match.start())
        self.vocabulary = sorted(self.positions)

    def starts(self, word: str, prefix: bool) -> list[int]:
        """Start offsets of a word, or of every word beginning with it."""
        if not prefix:
            return self.positions.get(word, [])
        first = bisect.bisect_left(self.vocabulary, word)
        found: list[int] = []
        for entry in self.vocabulary[first:]:
            if not entry.startswith(word):
                break
            found.extend(self.positions[entry])
        return found


@dataclass(frozen=True)
class _Keyword:
    first: str | None  # first word, lower case; None if it does not start with a word
    prefix: bool  # the first word is all there is and ends in '*'
    regex: re.Pattern[str]


class Matcher:
    """A code's keywords and patterns, case-insensitive."""

    def __init__(self, keywords: Iterable[str] = (), patterns: Iterable[str] = ()):
        self.keywords = []
        for keyword in (k.strip() for k in keywords):
            if not keyword:
                continue
            head = keyword.split()[0]
            word = _WORD.match(head)
            anchored = word is not None and word.end() == len(head.rstrip("*"))
            self.keywords.append(
                _Keyword(
                    first=head.rstrip("*").lower() if anchored else None,
                    prefix=head.endswith("*"),
                    regex=re.compile(keyword_regex(keyword), re.IGNORECASE),
                )
            )
        self.patterns = [Pattern(p) for p in patterns if p]

    def __bool__(self) -> bool:
        return bool(self.keywords or self.patterns)

    def find(self, index: TextIndex) -> Iterator[tuple[int, int]]:
        """(start, end) of every hit, in text order, each span once."""
        text = index.text
        hits: set[tuple[int, int]] = set()
        for keyword in self.keywords:
            if keyword.first is None:
                hits.update(m.span() for m in keyword.regex.finditer(text))
                continue
            for position in index.starts(keyword.first, keyword.prefix):
                if match := keyword.regex.match(text, position):
                    hits.add(match.span())
        for pattern in self.patterns:
            hits.update(pattern.spans(text))
        return iter(sorted(h for h in hits if h[0] < h[1]))
