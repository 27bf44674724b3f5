"""Texts as TF-IDF vectors of their content lemmas and of those lemmas' letter n-grams, and an index that
compares one text with many at once (one pass over the text's features, not one per text compared)."""

from __future__ import annotations

import math
from collections import Counter, defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

import numpy as np

GRAMS = (3, 5)  # letter n-grams of lemmas, shortest and longest

Vector = dict[str, float]


def grams(words: Iterable[str]) -> list[str]:
    """The letter n-grams of each word, its edges marked: studie -> ' st', 'stu', ..., 'die '."""
    found = []
    for word in words:
        marked = f" {word} "
        for n in range(GRAMS[0], GRAMS[1] + 1):
            found.extend(marked[i : i + n] for i in range(len(marked) - n + 1))
    return found


def idf(documents: Iterable[Iterable[str]]) -> dict[str, float]:
    """Smoothed inverse document frequency of every feature."""
    df: Counter[str] = Counter()
    count = 0
    for features in documents:
        df.update(set(features))
        count += 1
    return {f: math.log((1 + count) / (1 + n)) + 1 for f, n in df.items()}


def tfidf(features: Iterable[str], weights: dict[str, float]) -> Vector:
    """Sublinear TF-IDF, unit length; features without a weight are left out."""
    counts = Counter(f for f in features if f in weights)
    vector = {f: (1 + math.log(n)) * weights[f] for f, n in counts.items()}
    norm = math.sqrt(sum(v * v for v in vector.values())) or 1.0
    return {f: v / norm for f, v in vector.items()}


@dataclass(frozen=True)
class Text:
    """A text as it is compared: its content lemmas and the two vectors."""

    words: tuple[str, ...]
    lemmas: Vector
    letters: Vector


class Space:
    """Feature weights fitted on a set of documents (lists of content lemmas)."""

    def __init__(self, documents: Sequence[list[str]]):
        self.lemma_idf = idf(documents)
        self.letter_idf = idf(grams(words) for words in documents)

    def text(self, words: list[str]) -> Text:
        return Text(tuple(words), tfidf(words, self.lemma_idf), tfidf(grams(words), self.letter_idf))


class Index:
    """Rows of texts; near(text) gives each row's similarity to text: the mean of the lemma cosine and the
    letter cosine, 0 to 1. With cover, instead how much of each row's weight text holds, 0 to 1 (a coded
    segment said again inside a longer turn: 1)."""

    def __init__(self, rows: Sequence[Text], cover: bool = False):
        self.size, self.cover = len(rows), cover
        self.lemmas = self._postings((row.lemmas for row in rows), cover)
        self.letters = self._postings((row.letters for row in rows), cover)

    @staticmethod
    def _postings(vectors: Iterable[Vector], squared: bool) -> dict[str, tuple[np.ndarray, np.ndarray]]:
        found: dict[str, tuple[list[int], list[float]]] = defaultdict(lambda: ([], []))
        for row, vector in enumerate(vectors):
            for feature, value in vector.items():
                found[feature][0].append(row)
                found[feature][1].append(value * value if squared else value)
        return {f: (np.array(rows, dtype=np.int32), np.array(values)) for f, (rows, values) in found.items()}

    def near(self, text: Text) -> np.ndarray:
        rows, values = [], []
        for vector, postings in ((text.lemmas, self.lemmas), (text.letters, self.letters)):
            for feature, value in vector.items():
                hit = postings.get(feature)
                if hit is not None:
                    rows.append(hit[0])
                    values.append(hit[1] if self.cover else hit[1] * value)
        if not rows:
            return np.zeros(self.size)
        return np.bincount(np.concatenate(rows), np.concatenate(values), minlength=self.size) / 2
