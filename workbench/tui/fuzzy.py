"""Ranking code paths for what a coder types: abbreviations ('studvert') and typos.

A query whose letters appear in order in a code's name (as in fzf) scores by how tightly
they sit; otherwise rapidfuzz's similarity catches typos ('studievertaging').
"""

from __future__ import annotations

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


def rank(query: str, paths: list[str], limit: int = 30, cutoff: float = 55.0) -> list[str]:
    """Best matches first; ties keep codebook order."""
    scored = [(score(query, path), -i, path) for i, path in enumerate(paths)]
    return [path for s, _, path in sorted(scored, reverse=True) if s >= cutoff][:limit]
