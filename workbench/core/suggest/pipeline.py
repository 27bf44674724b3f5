"""The Dutch spaCy pipeline, built once and lazily (importing spaCy takes seconds).

A trained nl_core_news_* pipeline is used when one is installed (its tagger and lemmatizer);
otherwise spacy.blank("nl") with a sentencizer and our table lemmatizer (lemmas.py).
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from functools import cache

from workbench.core.suggest.compounds import split
from workbench.core.suggest.lemmas import lemma

TRAINED = ("nl_core_news_lg", "nl_core_news_md", "nl_core_news_sm")
NOT_WORD = re.compile(r"[^\w']+")  # what joins the parts of ka2-aanvraag, @home, erasmus+
SPOKEN = frozenset({"heel", "echt", "kijk", "hoor", "soms", "nou", "tja", "ehm", "eh", "uh", "uhm", "hm", "hmm", "mm",
                    "goh", "oké", "okay", "hè", "joh"})  # fillers of speech that spaCy's stop words lack
SENTENCE_ENDS = (". ", "? ", "! ", "\n")  # where a long text is best cut
PIECE = 100_000  # characters analysed at once: spaCy refuses a text of over a million, and memory grows with it


@dataclass(frozen=True)
class Pipeline:
    nlp: object  # spacy.Language
    name: str  # what the lemmas come from, part of the model version
    stop_words: frozenset[str]


@cache
def pipeline() -> Pipeline:
    import spacy
    from spacy.language import Language

    if not Language.has_factory("workbench_lemmas"):
        Language.component("workbench_lemmas", func=_set_lemmas)
    for name in TRAINED:
        try:
            nlp = spacy.load(name, exclude=["ner", "parser"])
        except OSError:
            continue
        nlp.add_pipe("sentencizer")
        return Pipeline(nlp, f"{name}-{nlp.meta.get('version', '')}", _spoken(nlp))
    nlp = spacy.blank("nl")
    nlp.add_pipe("sentencizer")
    nlp.add_pipe("workbench_lemmas")
    return Pipeline(nlp, f"blank-nl+tables-spacy{spacy.__version__}", _spoken(nlp))


def _spoken(nlp) -> frozenset[str]:
    """spaCy's stop words and the fillers of speech."""
    return frozenset(nlp.Defaults.stop_words) | SPOKEN


def says_something(text: str) -> bool:
    """Whether a text holds a content word, not only function words and fillers ("Ja, ja.", "Oké, hm.")."""
    stop_words = pipeline().stop_words
    return any(len(word) > 1 and not word.isdigit() and word not in stop_words
               for word in NOT_WORD.split(text.lower()))


def analyse(nlp, texts: Sequence[str]) -> list:
    """A Doc for each text, of any length: a long one (hours of monologue) is analysed in pieces cut after
    whitespace and joined again, its character offsets unchanged."""
    from spacy.tokens import Doc

    pieces = [(owner, piece) for owner, text in enumerate(texts) for _, piece in cut(text, PIECE)]
    docs: list[list] = [[] for _ in texts]
    for (owner, _), doc in zip(pieces, nlp.pipe((piece for _, piece in pieces), batch_size=256)):
        docs[owner].append(doc)
    return [parts[0] if len(parts) == 1 else Doc.from_docs(parts, ensure_whitespace=False) for parts in docs]


def cut(text: str, size: int) -> Iterator[tuple[int, str]]:
    """A text in pieces of at most size characters, cut after a sentence's end where there is one, else
    after a space: (where the piece starts, the piece)."""
    start = 0
    while len(text) - start > size:
        window = text[start : start + size]
        ends = [window.rfind(mark) + len(mark) for mark in SENTENCE_ENDS if mark in window]
        end = max(ends) if ends else window.rfind(" ") + 1 or size
        yield start, window[:end]
        start += end
    yield start, text[start:]


def _set_lemmas(doc):
    for token in doc:  # function words and fillers keep their form ("het" is no form of "hebben", "heel" of "helen")
        if (token.is_alpha or "'" in token.text) and not token.is_stop and token.lower_ not in SPOKEN:
            token.lemma_ = lemma(token.text)
        else:
            token.lemma_ = token.lower_
    return doc


def terms(doc, stop_words: frozenset[str]) -> list[str]:
    """Content lemmas of a text, each compound followed by its parts (studievertraging, studie, vertraging;
    ka2-aanvraag, ka2, aanvraag; @home, home)."""
    found = []
    for token in doc:
        word = token.lemma_.lower()
        if len(word) < 2 or word in stop_words or not any(ch.isalpha() for ch in word):
            continue
        found.append(word)
        pieces = [p for p in NOT_WORD.split(word) if len(p) >= 2 and p not in stop_words]
        if pieces != [word]:
            found.extend(lemma(p) for p in pieces)
        for piece in pieces:
            found.extend(split(piece))
    return found
