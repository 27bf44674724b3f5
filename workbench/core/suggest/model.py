"""Rank codes for a piece of text: how near its words are to each code's, whether the code's name or
keywords occur in it, and how near it is to what the team coded with the code.

Similarity: each codable code's text (its name NAME_TIMES, its keywords, its description) and the turn
become two TF-IDF vectors, one of content lemmas (compounds split: studievertraging -> studie, vertraging)
and one of the letter 3-5-grams of those lemmas (financiering meets financieel, a typo still shares most
grams); similarity is the mean of the two cosines.
Matches: names and keywords as spaCy PhraseMatcher patterns (as written and by lemma), prefix keywords
(financ*), and all lemmas of a keyword somewhere in the turn (so "vertraging in de studie" meets the
keyword studievertraging); any match adds MATCH_BONUS. A match inside one of the code's exclusions (phrases
written as keywords, as autocode reads them) is none.
Learning: the team's coded segments of a code are its examples; LEARNED times how much of one of them the turn
holds (its weight in lemmas and letters found in the turn: a segment said again inside a long turn is 1) is added.
Negation: a code whose name denies ("Geen formele uren", "Lessen niet verplaatsbaar") gains NEGATION where the
turn denies and loses it where it does not (its words are those of its positive sibling). Where: a clause with
a denying word and a word of the code's name (speech says "niet" everywhere, about other things).
A turn's raw scores are kept for the audit; what is shown is the relative score, raw / the turn's best, and
only on evidence of substance (see _substantial): most turns of an interview make no point.
"""

from __future__ import annotations

from collections import OrderedDict, defaultdict
from collections.abc import Sequence
from dataclasses import dataclass, replace

import numpy as np
from rapidfuzz import fuzz, process

from workbench.core.codes import PATH_SEPARATOR
from workbench.core.matching import Exclusions, TextIndex
from workbench.core.suggest.compounds import split
from workbench.core.suggest.pipeline import Pipeline, analyse, cut, pipeline, terms
from workbench.core.suggest.vectors import Index, Space, Text

VERSION = "suggest-4"
NAME_TIMES = 2  # a code's name weighs as two mentions in its text
MATCH_BONUS = 0.2  # a name or keyword found in the turn
LEARNED = 0.2  # weight of the coded segment the turn holds most of (measured on the evaluation's tuning part)
MIN_RAW = 0.15  # below this raw score a code is never shown, however it compares to the turn's others
ALIKE, ALIKE_LENGTH = 85, 6  # a turn's word explained as nearly a code's word: similarity %, shortest word
SHORT_TURN = 4  # content words below which only a match is shown ("Ja, dat is prima, hoor.")
SPECIFIC, SIMILAR = 2, 0.25  # a similarity is shown when it rests on this many of the code's words and reaches this
STRONG = 0.4  # a similarity shown whatever it rests on
HELD = 0.7  # a coded segment this much of which the turn holds is shown (measured on the sample study)
LONG_TURN = 20_000  # characters: a longer turn is ranked a piece of at most this at a time
NEGATION = 0.1  # a denying code on a turn that denies, or off it on one that does not (measured on the tuning part)
NEGATIONS = frozenset({"geen", "niet", "niks", "niets", "nee", "nooit", "zonder", "nauwelijks"})
CLAUSE_WORDS = frozenset({"maar", "want", "omdat", "terwijl"})  # a new clause starts at these


@dataclass(frozen=True)
class CodeText:
    """What the model knows of a code (from the codebook)."""

    path: str
    description: str = ""
    keywords: tuple[str, ...] = ()
    exclusions: tuple[str, ...] = ()  # phrases (as keywords) in which a keyword is no match


@dataclass(frozen=True)
class Candidate:
    path: str
    score: float  # relative: raw / the best raw score of the same text (1.0 for the best code)
    raw: float  # similarity + match bonus + learned, kept for the audit
    method: str  # match, similar, learned, negation, joined with +
    evidence: str  # one line, e.g. lemmas "studievertraging" + words studie, vertraging (0.41)
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


Evidence = dict[str, dict[str, tuple[int, int]]]  # code -> 'kind "text"' -> span


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
        self.denying: dict[str, frozenset[str]] = {}  # code whose name denies -> its name's content lemmas
        self.exclusions = {code.path: found for code in codes if (found := Exclusions(code.exclusions))}
        self.negation_ids = np.array([self.pipe.nlp.vocab.strings.add(word) for word in NEGATIONS], dtype=np.uint64)
        documents = [self._learn_code(code) for code in self.codes]
        known = {code.path for code in self.codes}
        segments = {path: found for path, texts in (examples or {}).items() if path in known and texts
                    and (found := self._teaching(texts))}
        self.space = Space(documents + [words for found in segments.values() for words in found])
        self.texts = {code.path: self.space.text(words) for code, words in zip(self.codes, documents)}
        self.examples = {path: [self.space.text(words) for words in found] for path, found in segments.items()}
        self.words = {path: frozenset(text.words) for path, text in self.texts.items()}  # a code's content words
        self.rows = {path: row for row, path in enumerate(self.texts)}
        self.index = Index(list(self.texts.values()))
        examples_in_order: list[Text] = []
        self.example_rows: dict[int, tuple[int, int]] = {}  # code's row -> its examples' rows [start, stop)
        for row, path in enumerate(self.texts):
            if path in self.examples:
                self.example_rows[row] = (len(examples_in_order), len(examples_in_order) + len(self.examples[path]))
                examples_in_order += self.examples[path]
        self.coded = Index(examples_in_order, cover=True)

    def _learn_code(self, code: CodeText) -> list[str]:
        """A code's name and keywords as match patterns and lemma sets; its words (the name NAME_TIMES, the
        keywords and the description once) for the similarity."""
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
            if label == "phrase" and len(content) > 1:  # a name's words alone are too common (studenten)
                self.lemma_sets[code.path].append((content, phrase.rstrip("*")))
            if label == "name" and NEGATIONS & {t.lower_ for t in doc}:
                self.denying[code.path] = frozenset(terms(doc, stop))
        return (terms(docs[0], stop) * NAME_TIMES + [t for d in docs[1:] for t in terms(d, stop)]
                + terms(analysed(self.pipe, [code.description])[0], stop))

    def _teaching(self, texts: list[str]) -> list[list[str]]:
        """The content words of the coded segments that teach: SPECIFIC different ones at least ('Gewoon doen, zeg
        ik altijd' has one, said in every other turn)."""
        found = (terms(doc, self.pipe.stop_words) for doc in analysed(self.pipe, texts))
        return [words for words in found if len(set(words)) >= SPECIFIC]

    @property
    def version(self) -> str:
        return f"{VERSION}/{self.pipe.name}/{len(self.codes)}c/{sum(map(len, self.examples.values()))}x"

    def rank(self, texts: Sequence[str], top: int = 3, min_score: float = 0.0) -> list[list[Candidate]]:
        """The top codes of each text, best first: every code's when min_score is 0, else those whose relative
        score reaches min_score (and whose raw score reaches MIN_RAW)."""
        docs = iter(analysed(self.pipe, [text for text in texts if len(text) <= LONG_TURN]))
        return [self._rank_doc(next(docs), top, min_score) if len(text) <= LONG_TURN
                else self._rank_long(text, top, min_score) for text in texts]

    def _rank_long(self, text: str, top: int, min_score: float) -> list[Candidate]:
        """A turn of over LONG_TURN characters, a piece at a time (memory stays that of one piece, and a span
        that of one piece at most): each code where it ranks best, scored against the best of them all; shown
        where it is shown in its piece and near that best."""
        found: dict[str, Candidate] = {}
        for start, piece in cut(text, LONG_TURN):
            for candidate in self._rank_doc(analyse(self.pipe.nlp, [piece])[0], top, min_score):
                if candidate.path not in found or candidate.raw > found[candidate.path].raw:
                    found[candidate.path] = replace(candidate, start=start + candidate.start, end=start + candidate.end)
        best = max((c.raw for c in found.values()), default=0.0)
        ranked = sorted(found.values(), key=lambda c: (-c.raw, c.path))
        if min_score > 0:
            ranked = [c for c in ranked if c.raw >= max(MIN_RAW, min_score * best)]
        return [replace(c, score=round(c.raw / best, 4) if best else 0.0) for c in ranked[:top]]

    def _rank_doc(self, doc, top: int, min_score: float) -> list[Candidate]:
        turn = self.space.text(terms(doc, self.pipe.stop_words))
        evidence = self._evidence(doc, set(turn.words))
        near = self.index.near(turn)
        held = self.coded.near(turn)
        learned = {row: float(held[a:b].max()) for row, (a, b) in self.example_rows.items()}
        denials = self._denials(doc)
        raws = {path: max(0.0, float(near[row]) + MATCH_BONUS * (path in evidence) + LEARNED * learned.get(row, 0.0)
                          + (NEGATION if denials.get(path) else -NEGATION) * (path in self.denying))
                for row, path in enumerate(self.texts)}
        best = max(raws.values(), default=0.0)
        ranked = sorted(raws, key=lambda path: (-raws[path], path))
        rows = self.rows
        if min_score > 0:
            words = set(turn.words)
            ranked = [p for p in ranked if raws[p] >= max(MIN_RAW, min_score * best)
                      and self._substantial(p, raws[p], words, p in evidence, learned.get(rows[p], 0.0))]
        length = len(doc.text)
        return [self._candidate(path, raws[path], best, turn, float(near[rows[path]]), learned.get(rows[path]),
                                evidence.get(path, {}), length, denials.get(path)) for path in ranked[:top]]

    def _substantial(self, path: str, raw: float, words: set[str], matched: bool, learned: float) -> bool:
        """Whether a code's evidence is worth a coder's look: a match, a coded segment the turn mostly holds, or
        (in a turn of SHORT_TURN content words or more) a strong similarity, or one resting on SPECIFIC words of
        the code at least (one word, such as terug or denken, is said in every other turn)."""
        if matched or learned >= HELD:
            return True
        return len(words) >= SHORT_TURN and (raw >= STRONG or (
            raw >= SIMILAR and len(words & self.words[path]) >= SPECIFIC))

    def _denials(self, doc) -> dict[str, str | None]:
        """Per denying code, the first denying word of a clause that holds a word of its name."""
        if not self.denying:
            return {}
        at = np.flatnonzero(np.isin(doc.to_array("LOWER"), self.negation_ids))
        denying = [(set(terms(_clause(doc[int(i)]), self.pipe.stop_words)), doc[int(i)].text) for i in at]
        return {path: next((denial for held, denial in denying if held & words), None)
                for path, words in self.denying.items()}

    def _evidence(self, doc, present: set[str]) -> Evidence:
        """Every match of a code's name or keywords in the text: as written, by lemma, by prefix, all of a
        keyword's lemmas somewhere (compounds split)."""
        evidence: Evidence = defaultdict(dict)
        for matcher in (m for m in (self.lower, self.lemma) if len(m)):
            for match_id, start, end in matcher(doc):
                label, path, _ = self.pipe.nlp.vocab.strings[match_id].split("\t")
                span = doc[start:end]
                found = f'lemmas "{span.lemma_}"' if matcher is self.lemma else f'{label} "{span.text}"'
                evidence[path].setdefault(found, (span.start_char, span.end_char))
        for token in doc:
            for words, path in self.prefixes.get(token.lower_[:3], ()):
                first = token.i - len(words) + 1
                if (token.lower_.startswith(words[-1]) and first >= 0
                        and all(doc[first + k].lower_ == w for k, w in enumerate(words[:-1]))):
                    evidence[path].setdefault(f'phrase "{doc[first : token.i + 1].text}"',
                                              (doc[first].idx, token.idx + len(token)))
        where: dict[str, list[tuple[int, int]]] | None = None  # lemma -> its sentences, made when first needed
        for path, sets in self.lemma_sets.items():
            for content, phrase in sets:
                if content <= present:
                    where = _sentences_of(doc) if where is None else where
                    single = len(phrase.split()) == 1
                    kind = f'compound "{"|".join(sorted(content))}"' if single else f'lemmas "{phrase}"'
                    spans = [span for word in content for span in where.get(word, ())]
                    evidence[path].setdefault(kind, (min(s for s, _ in spans), max(e for _, e in spans)) if spans
                                              else (0, len(doc.text)))  # from the first to the last sentence
        index = TextIndex(doc.text) if self.exclusions else None
        for path, exclusions in self.exclusions.items():  # as autocode: no match inside an excluded phrase
            pieces = evidence.pop(path, {})
            kept = set(exclusions.outside(pieces.values(), index))
            if kept:
                evidence[path] = {found: span for found, span in pieces.items() if span in kept}
        return evidence

    def _candidate(self, path: str, raw: float, best: float, turn: Text, near: float, learned: float | None,
                   pieces: dict[str, tuple[int, int]], length: int, denial: str | None) -> Candidate:
        """How a code was found, and the span of its evidence (the whole text without any). denial: for a
        denying code, the denying word where the turn speaks of it, if any."""
        words = self.words[path]
        shared = sorted(set(turn.words) & words, key=lambda w: -turn.lemmas.get(w, 0.0))[:3]
        explain = list(pieces)[:3]
        methods = ["match"] if pieces else []
        if near > 0:
            methods.append("similar")
            alike = [] if shared else _alike(set(turn.words), words)
            explain.append(f"words {', '.join(shared + alike) or '(letters)'} ({near:.2f})")
        if learned is not None:
            methods.append("learned")
            explain.append(f"like {len(self.examples[path])} coded segment(s) ({learned:.2f})")
        if path in self.denying:
            methods.append("negation")
            explain.append(f'denied "{denial}" (+{NEGATION:.2f})' if denial else f"nothing denied (-{NEGATION:.2f})")
        spans = [span for span in pieces.values() if span != (0, length)]
        start, end = (min(s for s, _ in spans), max(e for _, e in spans)) if spans else (0, length)
        return Candidate(path, round(raw / best, 4) if best else 0.0, round(raw, 4), "+".join(methods) or "none",
                         " + ".join(explain) or "no evidence", start, end)


def _alike(words: set[str], targets: set[str]) -> list[str]:
    """Up to two words that are nearly a code's word (a typo, another form): 'studievetraging≈studievertraging'."""
    found = []
    for word in sorted(w for w in words if len(w) >= ALIKE_LENGTH):
        near = process.extractOne(word, targets, scorer=fuzz.ratio, score_cutoff=ALIKE)
        if near:
            found.append(f"{word}≈{near[0]}")
    return found[:2]


def _clause(token):
    """The clause around a word, roughly: from the sentence's start, a punctuation mark or a word such as 'maar'
    to the next ('Ik krijg uren, maar het is niet genoeg' denies the enough, not the hours)."""
    doc = token.doc

    def bound(i: int) -> bool:  # a clause starts at i
        return doc[i].is_sent_start or doc[i].is_punct or doc[i].lower_ in CLAUSE_WORDS

    start = token.i
    while start > 0 and not bound(start) and not doc[start - 1].is_punct:
        start -= 1
    end = token.i + 1
    while end < len(doc) and not bound(end):
        end += 1
    return doc[start:end]


def _sentences_of(doc) -> dict[str, list[tuple[int, int]]]:
    """Each lemma of the text, and each part of its compounds -> the spans of the sentences holding it."""
    found: dict[str, list[tuple[int, int]]] = defaultdict(list)
    for sentence in doc.sents:
        span = (sentence.start_char, sentence.end_char)
        for token in sentence:
            word = token.lemma_.lower()
            for key in {word, *(split(word) if token.is_alpha else ())}:
                found[key].append(span)
    return found
