"""Rank codes for a piece of text: matcher evidence + TF-IDF similarity (+ what the team coded).

Zero-shot, from the codebook alone: every codable code's name, description and keywords become
(1) spaCy PhraseMatcher/Matcher patterns on lower case and on lemmas, (2) lemma sets that a text
meets when all of a keyword's content lemmas occur in it, compounds split (so "vertraging in de
studie" meets "studievertraging"), (3) fuzzy targets for long words with transcription typos, and
(4) a TF-IDF vector. Evidence pieces combine as a noisy-or; the score fuses evidence and cosine.
Learning: the coded segments of a code make a prototype vector; its cosine joins the fusion with
a weight that grows with the number of examples.
"""

from __future__ import annotations

import math
from collections import Counter, OrderedDict, defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from rapidfuzz import fuzz, process

from workbench.core.codes import PATH_SEPARATOR
from workbench.core.suggest.compounds import split
from workbench.core.suggest.pipeline import Pipeline, analyse, pipeline, terms

VERSION = "suggest-1"
WEIGHTS = {"phrase": 0.9, "name": 0.9, "lemmas": 0.75, "fuzzy": 0.55}
FUZZY_MIN = 86
FUZZY_LENGTH = 6
SHORT_TURN = 4  # content words below which similarity alone suggests nothing ("Ja, dat is prima, hoor.")


@dataclass(frozen=True)
class CodeText:
    """What the model knows of a code (from the codebook)."""

    path: str
    description: str = ""
    keywords: tuple[str, ...] = ()


@dataclass(frozen=True)
class Candidate:
    path: str
    score: float
    method: str  # match, tfidf, learned, joined with +
    evidence: str  # one line, e.g. lemma "vertraging" + compound "studie|vertraging"
    start: int  # span in the text: the sentences with evidence, else the whole text
    end: int


_DOCS: OrderedDict[str, object] = OrderedDict()  # text -> spaCy Doc, shared by every model of the process
DOCS_KEPT = 100_000


def analysed(pipe: Pipeline, texts: Sequence[str]) -> list:
    """Docs for texts; a text analysed before (by any model: the codebook changed) is not analysed again."""
    missing = list(dict.fromkeys(t for t in texts if t not in _DOCS))
    for text, doc in zip(missing, analyse(pipe.nlp, missing)):
        _DOCS[text] = doc
    while len(_DOCS) > DOCS_KEPT:
        _DOCS.popitem(last=False)
    return [_DOCS.get(t) or analyse(pipe.nlp, [t])[0] for t in texts]


def _vector(words: Iterable[str], idf: dict[str, float], weight: float = 1.0) -> dict[str, float]:
    counts = Counter(w for w in words if w in idf)
    return {w: weight * (1 + math.log(n)) * idf[w] for w, n in counts.items()}


def _normalised(vector: dict[str, float]) -> dict[str, float]:
    norm = math.sqrt(sum(v * v for v in vector.values())) or 1.0
    return {w: v / norm for w, v in vector.items()}


def _cosine(a: dict[str, float], b: dict[str, float]) -> float:
    if len(a) > len(b):
        a, b = b, a
    return sum(v * b.get(w, 0.0) for w, v in a.items())


Evidence = dict[str, dict[str, tuple[float, tuple[int, int]]]]  # code -> 'kind "text"' -> (weight, span)


class SuggestionModel:
    def __init__(self, codes: Sequence[CodeText], examples: dict[str, list[str]] | None = None,
                 nlp: Pipeline | None = None):
        """codes: the codable codes; examples: coded segments per code path (the team's codings)."""
        from spacy.matcher import PhraseMatcher

        self.pipe = nlp or pipeline()
        self.codes = list(codes)
        self.lower = PhraseMatcher(self.pipe.nlp.vocab, attr="LOWER")
        self.lemma = PhraseMatcher(self.pipe.nlp.vocab, attr="LEMMA")
        self.prefixes: dict[str, list[tuple[tuple[str, ...], str]]] = defaultdict(list)
        self.lemma_sets: dict[str, list[tuple[frozenset[str], str]]] = defaultdict(list)
        self.fuzzy: dict[str, set[str]] = defaultdict(set)  # long word -> codes
        documents = [self._learn_code(code) for code in self.codes]
        known = {code.path for code in self.codes}
        segments = {path: [terms(doc, self.pipe.stop_words) for doc in analyse(self.pipe.nlp, texts)]
                    for path, texts in (examples or {}).items() if path in known and texts}
        self._fit(documents, segments)
        self.fuzzy_words = list(self.fuzzy)
        self._near_cache: dict[str, tuple[str, ...]] = {}

    def _learn_code(self, code: CodeText) -> list[str]:
        """A code's name and keywords as match patterns, lemma sets and fuzzy targets; its words (the
        name three times, keywords twice, the description once) for TF-IDF."""
        nlp, stop = self.pipe.nlp, self.pipe.stop_words
        name = code.path.split(PATH_SEPARATOR)[-1]
        phrases = [name, *code.keywords]
        docs = list(nlp.pipe([p.rstrip("*") for p in phrases]))
        for phrase, doc in zip(phrases, docs):
            label = "name" if phrase == name else "phrase"
            if phrase.endswith("*"):  # a prefix: checked with str.startswith (a REGEX Matcher is slow)
                words = tuple(t.lower_ for t in doc)
                self.prefixes[words[-1][:3]].append((words, code.path))
            else:
                self.lower.add(f"{label}\t{code.path}\t{phrase}", [doc])
                self.lemma.add(f"{label}\t{code.path}\t{phrase}", [doc])
            content = frozenset(part for word in terms(doc, stop) for part in (split(word) or (word,)))
            if content:
                self.lemma_sets[code.path].append((content, phrase.rstrip("*")))
            for token in doc:
                if len(token.text) >= FUZZY_LENGTH and token.is_alpha:
                    self.fuzzy[token.lower_].add(code.path)
        return (terms(docs[0], stop) * 3 + [t for d in docs[1:] for t in terms(d, stop)] * 2
                + terms(analyse(nlp, [code.description])[0], stop))

    def _fit(self, documents: list[list[str]], segments: dict[str, list[list[str]]]) -> None:
        """IDF over the codes' words and the coded segments; a vector per code, a prototype per code
        with segments, and an inverted index from word to codes."""
        every = documents + [words for found in segments.values() for words in found]
        df = Counter(w for words in every for w in set(words))
        self.idf = {w: math.log((1 + len(every)) / (1 + c)) + 1 for w, c in df.items()}
        self.vectors = {code.path: _normalised(_vector(words, self.idf)) for code, words in zip(self.codes, documents)}
        self.prototypes = {path: _normalised(dict(sum((Counter(_normalised(_vector(w, self.idf))) for w in found),
                                                      Counter()))) for path, found in segments.items()}
        self.example_counts = {path: len(found) for path, found in segments.items()}
        self.postings: dict[str, list[tuple[str, float]]] = defaultdict(list)
        for path, code_vector in self.vectors.items():
            for word, weight in code_vector.items():
                self.postings[word].append((path, weight))

    @property
    def version(self) -> str:
        return f"{VERSION}/{self.pipe.name}/{len(self.codes)}c/{sum(self.example_counts.values())}x"

    def rank(self, texts: Sequence[str], top: int = 3, min_score: float = 0.0) -> list[list[Candidate]]:
        """Best codes for each text, best first."""
        return [self._rank_doc(doc, top, min_score) for doc in analysed(self.pipe, texts)]

    def _rank_doc(self, doc, top: int, min_score: float) -> list[Candidate]:
        words = terms(doc, self.pipe.stop_words)
        evidence = self._evidence(doc, set(words))
        vector = _normalised(_vector(words, self.idf))
        cosines: dict[str, float] = defaultdict(float)
        for word, value in vector.items():  # by the inverted index: only codes that share a word
            for path, weight in self.postings.get(word, ()):
                cosines[path] += value * weight
        learned = {path: _cosine(vector, prototype) for path, prototype in self.prototypes.items()}
        similar = {p for p, c in cosines.items() if c >= 0.05} if len(set(words)) >= SHORT_TURN else set()
        found = [self._candidate(path, evidence.get(path, {}), cosines.get(path, 0.0), learned.get(path, 0.0),
                                 len(doc.text))
                 for path in set(evidence) | similar | {p for p, c in learned.items() if c >= 0.05}]
        found.sort(key=lambda c: (-c.score, c.path))
        return [c for c in found if c.score >= min_score][:top]

    def _evidence(self, doc, present: set[str]) -> Evidence:
        """Every match of a code's name or keywords in the text: as written, by lemma, by prefix, all
        of a keyword's lemmas somewhere (compounds split), a long word within a typo."""
        evidence: Evidence = defaultdict(dict)

        def note(path: str, kind: str, text: str, span: tuple[int, int]) -> None:
            evidence[path].setdefault(f'{kind} "{text}"', (WEIGHTS[kind if kind != "compound" else "lemmas"], span))

        for matcher in (m for m in (self.lower, self.lemma) if len(m)):
            for match_id, start, end in matcher(doc):
                label, path, _ = self.pipe.nlp.vocab.strings[match_id].split("\t")
                span = doc[start:end]
                if matcher is self.lemma:
                    note(path, "lemmas", span.lemma_, (span.start_char, span.end_char))
                else:
                    note(path, "name" if label == "name" else "phrase", span.text, (span.start_char, span.end_char))
        for token in doc:
            for words, path in self.prefixes.get(token.lower_[:3], ()):
                first = token.i - len(words) + 1
                if (token.lower_.startswith(words[-1]) and first >= 0
                        and all(doc[first + k].lower_ == w for k, w in enumerate(words[:-1]))):
                    note(path, "phrase", doc[first : token.i + 1].text, (doc[first].idx, token.idx + len(token)))
        for path, sets in self.lemma_sets.items():
            for content, phrase in sets:
                if len(content) > 1 and content <= present:
                    single = len(phrase.split()) == 1
                    note(path, "compound" if single else "lemmas", "|".join(sorted(content)) if single else phrase,
                         self._sentences(doc, content))
        for token in doc:
            word = token.lower_
            if len(word) >= FUZZY_LENGTH and token.is_alpha and word not in self.fuzzy:
                for target in self._near(word):
                    for path in self.fuzzy[target]:
                        note(path, "fuzzy", f"{token.text}≈{target}", (token.sent.start_char, token.sent.end_char))
        return evidence

    def _candidate(self, path: str, pieces: dict[str, tuple[float, tuple[int, int]]], cosine: float,
                   learned: float, length: int) -> Candidate:
        """One code's score (evidence as a noisy-or, fused with its cosine, then with its prototype's),
        how it was found, and the span of its evidence (the whole text without any)."""
        strength = 1 - math.prod(1 - w for w, _ in pieces.values())
        score = 1 - (1 - 0.85 * strength) * (1 - min(0.9, 1.4 * cosine))
        methods = (["match"] if pieces else []) + (["tfidf"] if cosine >= 0.05 else [])
        explain = sorted(pieces, key=lambda k: -pieces[k][0])[:3]
        if learned >= 0.05:
            weight = self.example_counts[path] / (self.example_counts[path] + 2)
            score = 1 - (1 - score) * (1 - 0.8 * weight * learned)
            methods.append("learned")
            explain.append(f"like {self.example_counts[path]} coded segment(s) ({learned:.2f})")
        if not pieces:
            explain.insert(0, f"tf-idf {cosine:.2f}")
        spans = [span for _, span in pieces.values() if span != (0, length)]
        start, end = (min(s for s, _ in spans), max(e for _, e in spans)) if spans else (0, length)
        return Candidate(path, round(score, 4), "+".join(methods), " + ".join(explain), start, end)

    def _near(self, word: str) -> tuple[str, ...]:
        """Codebook words within a typo of word (remembered per word: transcripts repeat words)."""
        if word not in self._near_cache:
            self._near_cache[word] = tuple(target for target, _, _ in process.extract(
                word, self.fuzzy_words, scorer=fuzz.ratio, score_cutoff=FUZZY_MIN, limit=2))
        return self._near_cache[word]

    @staticmethod
    def _sentences(doc, content: frozenset[str]) -> tuple[int, int]:
        """From the first to the last sentence holding one of the lemmas."""
        hits = [t.sent for t in doc if t.lemma_.lower() in content or any(p in content for p in _parts(t))]
        if not hits:
            return 0, len(doc.text)
        return min(s.start_char for s in hits), max(s.end_char for s in hits)


def _parts(token) -> tuple[str, ...]:
    return split(token.lemma_.lower()) if token.is_alpha else ()
