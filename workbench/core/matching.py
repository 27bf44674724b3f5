"""Finding a code's keywords and patterns in a text, fast enough for a whole study.

A keyword's first word is found by a scan of the text in lower case and only there checked
with the keyword's regex; patterns (free regular expressions) scan the text.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from typing import Protocol

from workbench.core.codes import keyword_regex
from workbench.core.patterns import Pattern

_WORD = re.compile(r"\w+")


class TextIndex:
    """Where a word (lower case) starts in a text, found by a scan of the text in lower case for just that word:
    no index of every word is built, so one code's few keywords over a whole study cost a few string scans."""

    def __init__(self, text: str):
        self.text = text
        lowered = text.lower().replace("ς", "σ")  # a final sigma is final in a word, not always in the text
        self._lowered = lowered if len(lowered) == len(text) else None  # 'İ' lowers to two: offsets would shift
        self._positions: dict[str, list[int]] | None = None

    def starts(self, word: str, prefix: bool) -> list[int]:
        """Start offsets of a word, or of every word beginning with it."""
        lowered = self._lowered
        if lowered is None:
            return self._indexed(word, prefix)
        word = word.replace("ς", "σ")
        found, at, size = [], lowered.find(word), len(word)
        while at >= 0:
            after = at + size
            if (at == 0 or not _word_char(lowered[at - 1])) and (
                    prefix or after == len(lowered) or not _word_char(lowered[after])):
                found.append(at)
            at = lowered.find(word, at + 1)
        return found

    def _indexed(self, word: str, prefix: bool) -> list[int]:
        """starts() where lower case changes the text's length: each word lowered on its own."""
        if self._positions is None:
            self._positions = {}
            for match in _WORD.finditer(self.text):
                self._positions.setdefault(match.group().lower(), []).append(match.start())
        return sorted(at for entry, found in self._positions.items()
                      if (entry.startswith(word) if prefix else entry == word) for at in found)


def _word_char(char: str) -> bool:
    """What \\w matches: a letter, a digit or the underscore."""
    return char.isalnum() or char == "_"


NEGATIONS = frozenset({"niet", "geen", "nooit", "nergens", "niemand", "not", "no", "never", "nobody"})
NEGATION_REACH = 3  # words before a keyword, in its clause, that a negation may stand in
_CLAUSE_END = re.compile(r"[,.;:!?()\n]")


def says_no(words: str) -> bool:
    """Whether a phrase holds a negation ('geen uren', 'Lessen niet verplaatsbaar')."""
    return any(word.lower() in NEGATIONS for word in _WORD.findall(words))


def negated(text: str, start: int) -> bool:
    """Whether one of the few words before text[start] in the same clause is a negation."""
    before = text[max(0, start - 80):start]
    clause = _CLAUSE_END.split(before)[-1]
    return any(word.lower() in NEGATIONS for word in _WORD.findall(clause)[-NEGATION_REACH:])


@dataclass(frozen=True)
class _Keyword:
    first: str | None  # first word, lower case; None if it does not start with a word
    prefix: bool  # the first word is all there is and ends in '*'
    regex: re.Pattern[str]
    negative: bool  # it holds a negation itself ('geen uren'): a negation is what it looks for


class CodeWords(Protocol):
    """What a code's matcher is made of (a Code row has it)."""

    @property
    def name(self) -> str: ...
    @property
    def keywords(self) -> Iterable[str] | None: ...
    @property
    def patterns(self) -> Iterable[str] | None: ...
    @property
    def exclusions(self) -> Iterable[str] | None: ...


class Exclusions:
    """Phrases, written as keywords, in which a hit is none: a job title ('coördinator* van de uitwisseling*') for
    a code of students abroad whose keyword is 'uitwisseling*'. Autocode, quotes and suggestions read them."""

    def __init__(self, phrases: Iterable[str] = ()):
        self.phrases = [_compiled(phrase) for phrase in phrases if phrase.strip()]

    def __bool__(self) -> bool:
        return bool(self.phrases)

    def outside(self, spans: Iterable[tuple[int, int]], index: TextIndex) -> list[tuple[int, int]]:
        """The spans that lie inside no excluded phrase of the text."""
        spans = list(spans)
        excluded = [found for phrase in self.phrases for found in _spans(phrase, index)] if spans else []
        return [h for h in spans if not any(s <= h[0] and h[1] <= e for s, e in excluded)]


class Matcher:
    """A code's keywords and patterns, case-insensitive."""

    def __init__(self, keywords: Iterable[str] = (), patterns: Iterable[str] = (), code: str = "",
                 exclusions: Iterable[str] = ()):
        """code: the code's name; a code that names a lack ('Lessen niet verplaatsbaar', 'Geen tijd') is said
        with negations ('niemand kan je lessen overnemen'): its keywords are hits whatever stands before.
        exclusions: phrases, written as keywords, in which a hit is none ('coördinator* van de uitwisseling*',
        a job title, for a code of students abroad whose keyword is 'uitwisseling*')."""
        self.keeps_negations = says_no(code)
        self.keywords = [_compiled(k) for k in keywords if k.strip()]
        self.exclusions = Exclusions(exclusions)
        self.patterns = [Pattern(p) for p in patterns if p]

    @classmethod
    def of(cls, code: CodeWords) -> Matcher:
        """A code's own: anything with its keywords, patterns, name and exclusions (a Code row)."""
        return cls(code.keywords or (), code.patterns or (), code.name, code.exclusions or ())

    def __bool__(self) -> bool:
        return bool(self.keywords or self.patterns)

    def find(self, index: TextIndex) -> Iterator[tuple[int, int]]:
        """(start, end) of every hit, in text order, each span once; a keyword said with a negation just
        before it in its clause ('niet verplicht') is no hit, unless the keyword or the code's name holds a
        negation itself."""
        text = index.text
        hits: set[tuple[int, int]] = set()
        for keyword in self.keywords:
            hits.update(span for span in _spans(keyword, index)
                        if keyword.negative or self.keeps_negations or not negated(text, span[0]))
        for pattern in self.patterns:
            hits.update(pattern.spans(text))
        return iter(sorted(h for h in self.exclusions.outside(hits, index) if h[0] < h[1]))


def _compiled(keyword: str) -> _Keyword:
    keyword = keyword.strip()
    head = keyword.split()[0]
    word = _WORD.match(head)
    anchored = word is not None and word.end() == len(head.rstrip("*"))
    return _Keyword(first=head.rstrip("*").lower() if anchored else None, prefix=head.endswith("*"),
                    regex=re.compile(keyword_regex(keyword), re.IGNORECASE), negative=says_no(keyword))


def _spans(keyword: _Keyword, index: TextIndex) -> list[tuple[int, int]]:
    """Where a keyword is in the text: its first word found by the index, the rest checked by its regex."""
    if keyword.first is None:
        return [m.span() for m in keyword.regex.finditer(index.text)]
    return [m.span() for position in index.starts(keyword.first, keyword.prefix)
            if (m := keyword.regex.match(index.text, position))]
