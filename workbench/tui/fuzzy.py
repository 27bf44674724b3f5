"""Ranking code paths for what a coder types: abbreviations ('studvert'), typos, and what a code means.

A query whose letters appear in order in a code's name (as in fzf) scores by how tightly
they sit; otherwise rapidfuzz's similarity catches typos ('studievertaging'). A code's
keywords ('geen uren', 'te duur', 'financ*') and the words of its description find it too:
a coder types what was said, not the code's name.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence

from rapidfuzz import fuzz

from workbench.core.codes import PATH_SEPARATOR


def _in_order(query: str, text: str) -> float:
    """0-100: how tightly the query's letters occur in order in text (0 if they do not)."""
    position, first = 0, -1
    for char in query:
        position = text.find(char, position)
        if position < 0:
            return 0.0
        first = position if first < 0 else first
        position += 1
    tightness = len(query) / (position - first)
    at_word = first == 0 or not text[first - 1].isalnum()
    return 100 * tightness * (1.0 if at_word else 0.9)


def score(query: str, path: str) -> float:
    query = query.strip().lower()
    if not query:
        return 0.0
    name = path.rsplit(PATH_SEPARATOR, 1)[-1].lower()
    return max(
        _in_order(query, name),
        0.9 * _in_order(query, path.lower()),
        0.85 * fuzz.partial_ratio(query, name),
        0.75 * fuzz.WRatio(query, path.lower()),
    )


TYPO = 80  # a keyword this similar (rapidfuzz ratio) to what was typed is it, mistyped ('te dure', 'bijbann')


def meaning(query: str, keywords: Sequence[str], description: str = "") -> tuple[float, str | None]:
    """0-100: how well the query is one of a code's keywords (a trailing * is any ending) or words of its
    description, and which keyword matched (None: none, or the description)."""
    query = " ".join(query.strip().lower().split())
    if len(query) < 3:
        return 0.0, None
    best: tuple[float, str | None] = (0.0, None)
    for keyword in keywords:
        word = " ".join(keyword.lower().split())
        stem = word.rstrip("*")
        typo = fuzz.ratio(query, stem)
        found = (100.0 if query == stem or (word.endswith("*") and query.startswith(stem)) else
                 97.0 if stem.startswith(query) else 0.9 * typo if typo >= TYPO else 0.0)
        best = max(best, (found, keyword), key=lambda pair: pair[0])
    words = description.lower()
    if best[0] < 80 and re.search(rf"\b{re.escape(query)}", words):
        best = (80.0, None)
    return best


def rank(query: str, paths: list[str], limit: int = 30, cutoff: float = 55.0,
         words: Mapping[str, tuple[Sequence[str], str]] | None = None) -> list[tuple[str, str | None]]:
    """Best matches first, each with the keyword that found it (None: its name did); ties keep codebook order.
    words: per path its keywords and description."""
    scored = []
    for i, path in enumerate(paths):
        by_name = score(query, path)
        by_meaning, keyword = meaning(query, *words[path]) if words and path in words else (0.0, None)
        scored.append((by_name, -i, path, None) if by_name >= by_meaning else (by_meaning, -i, path, keyword))
    return [(path, keyword) for s, _, path, keyword in sorted(scored, reverse=True) if s >= cutoff][:limit]
