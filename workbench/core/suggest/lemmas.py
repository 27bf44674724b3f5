"""A Dutch lemmatizer that needs no tagger: spacy-lookups-data's tables, rules tried per word class.

spaCy's rule lemmatizer needs part-of-speech tags (a blank pipeline has none and then returns the
lower-cased word). Here each word is tried as noun, verb and adjective in turn, and a candidate is
kept only when the tables confirm it as a known lemma. Measured on bench/data/lemmas.tsv.
"""

from __future__ import annotations

import gzip
import json
import re
from functools import cache, lru_cache
from importlib.resources import files

CLASSES = ("noun", "verb", "adj")
# what the tables' suffix rules miss: diaeresis adjectives, -ische, plural -eren/-s after vowels
EXTRA_RULES = {
    "adj": [("iële", "ieel"), ("ële", "eel"), ("ische", "isch"), ("ieve", "ief"), ("ere", "er")],
    "noun": [("eren", ""), ("'s", ""), ("ën", "")],
    "verb": [("den", "en"), ("ten", "en"), ("t", "en"), ("d", "en"), ("", "en")],
}
LONG_VOWEL = re.compile(r"(aa|ee|oo|uu)([^aeiou])en$")
OPEN_SYLLABLE = re.compile(r"(?<![aeiou])([aou])([^aeiouy])$")


@cache
def _tables() -> dict:
    data = files("spacy_lookups_data") / "data"
    load = lambda name: json.loads(gzip.decompress((data / f"nl_lemma_{name}.json.gz").read_bytes()))  # noqa: E731
    index = {cls: frozenset(words) for cls, words in load("index").items()}
    return dict(index=index, known=frozenset().union(*index.values()), exc=load("exc"), lookup=load("lookup"),
                rules=load("rules"))


def known_lemmas() -> frozenset[str]:
    """Every lemma the tables know (the lexicon for compound splitting)."""
    return _tables()["known"]


def nouns() -> frozenset[str]:
    return _tables()["index"]["noun"]


def _verb_forms(stem: str) -> list[str]:
    """Infinitive candidates for a verb stem: werk -> werken, maak -> maken, leef -> leven, reis -> reizen."""
    forms = [stem + "en", LONG_VOWEL.sub(lambda m: m.group(1)[0] + m.group(2) + "en", stem + "en")]
    if stem.endswith("f"):
        forms.append(LONG_VOWEL.sub(lambda m: m.group(1)[0] + m.group(2) + "en", stem[:-1] + "ven"))
    if stem.endswith("s"):
        forms.append(LONG_VOWEL.sub(lambda m: m.group(1)[0] + m.group(2) + "en", stem[:-1] + "zen"))
    if len(stem) > 2 and stem[-1] == stem[-2]:
        forms.append(stem[:-1] + "en")
    return forms


@lru_cache(maxsize=200_000)
def lemma(word: str) -> str:
    """The lemma of one word (any case in, lower case out)."""
    word = word.lower().replace("’", "'")
    if len(word) <= 2:  # "at" is no form of "eten", "ka" none of "kaan"
        return word
    tables = _tables()
    for cls in ("verb", "adj", "noun", "adv", "adp", "det"):  # irregular forms first: the index is noisy
        found = tables["exc"].get(cls, {}).get(word)
        if found and tables["exc"].get("noun", {}).get(found[0], [None])[0] != word:
            return found[0]  # (not when that is the noun's own plural: leraar is no form of a verb leraren)
    return _regular(word)


def _regular(word: str) -> str:
    """The lemma by the tables' lookup and suffix rules, irregular forms aside."""
    tables = _tables()
    if word in tables["known"]:
        return word
    if word in tables["lookup"]:
        return tables["lookup"][word]
    for cls in CLASSES:
        for old, new in [*tables["rules"][cls], *EXTRA_RULES[cls]]:
            if word.endswith(old) and len(word) - len(old) >= 2:
                for candidate in _candidates(word[: len(word) - len(old)] + new, cls):
                    if candidate in tables["index"][cls]:
                        return candidate
    participle = _participle(word)
    return participle or word


def _candidates(candidate: str, cls: str) -> list[str]:
    if cls == "adj":  # grot(e) -> groot, internationa(l)e -> internationaal
        return [candidate, OPEN_SYLLABLE.sub(r"\1\1\2", candidate)]
    if cls == "verb" and candidate.endswith("en"):
        return [candidate, *_verb_forms(candidate[:-2])]
    return [candidate]


def _participle(word: str) -> str | None:
    """ge...d/t/en -> infinitive (gewerkt -> werken, gestudeerd -> studeren, gegaan -> gaan)."""
    verbs = _tables()["index"]["verb"]
    for prefix in ("ge", ""):
        if not word.startswith(prefix) or len(word) < len(prefix) + 3:
            continue
        rest = word[len(prefix):]
        for end in ("d", "t", "en", "n"):
            if rest.endswith(end):
                for form in (rest, *_verb_forms(rest[: -len(end)])):
                    if form in verbs and (prefix or form != word):
                        return form
    return None
