"""Masking names of people and institutions: in quotes for reports and exports (Anonymiser), and a
person's name in everyone else's words when that person is erased (NameHider)."""

from __future__ import annotations

import functools
import re
from collections.abc import Callable, Iterable, Iterator

# words in registry labels that identify nobody: kinds of institution, particles, roles, titles, compass words
GENERIC = {
    "hogeschool", "universiteit", "academie", "kunstacademie", "gast", "guest", "van", "de", "der", "den",
    "ter", "het", "te", "ten", "la", "le", "du", "interviewer", "respondent", "spreker", "speaker", "onbekend",
    "mr", "mrs", "ms", "dr", "drs", "prof", "ir", "mevrouw", "mevr", "meneer", "dhr", "heer", "sir",
    "noord", "zuid", "oost", "west", "midden", "centrum", "north", "south", "east", "central",
}


_POSSESSIVE = "(?:['’]s|s|['’])?"  # Dutch: Bosgraafs studenten, Anna's, Joris' collega


class _Names:
    """The registered names of one kind, found as names: a whole name of two words or more in any case;
    a single part (a first name, a surname, 'Windkust') only as a name is written, capitalised or in
    capitals; a part that is also a word ('Meer') not at the start of a sentence, and of an institution
    ('Lage', 'Landen' of Universiteit Lage Landen) never alone. Never a lower-case word, never half of a
    hyphenated word ('Zuid-Afrika')."""

    def __init__(self, names: Iterable[str], words_name_it: bool = True):
        self.words_name_it = words_name_it  # whether a part that is a word may stand for the name
        wholes, parts = set(), set()
        for name in names:
            name = " ".join(name.split())
            if len(name) < 3 or re.fullmatch(r"[A-Z]{1,2}\d*", name):
                continue  # labels such as I, R1, R05 are no names
            pieces = re.split(r"[\s(),]+", name)
            pieces += [piece for part in pieces for piece in part.split("-")]  # 'Haverkamp-Lier' and 'Lier'
            pieces = [p.strip(".") for p in pieces if len(p.strip(".")) >= 3 and p.strip(".").casefold() not in GENERIC]
            if len(name.split()) > 1:
                wholes.add(name)
            parts.update(pieces)
        self.wholes = _words([r"\s+".join(map(re.escape, w.split())) for w in sorted(wholes, key=len, reverse=True)],
                             re.IGNORECASE)
        forms = {form for p in parts for form in (p[0].upper() + p[1:], p.upper())}
        self.parts = _words([re.escape(f) for f in sorted(forms, key=len, reverse=True)], 0)
        self._whole_starts = _first_words(wholes, str.lower)  # a word lowered alone, as a name's first word is
        self._part_starts = _first_words(forms, str)

    def first_words(self) -> frozenset[str] | None:
        """The words in lower case that a name of this kind may start with (None: any position)."""
        if self._whole_starts is None or self._part_starts is None:
            return None
        return self._whole_starts | frozenset(map(str.lower, self._part_starts))

    def spans(self, text: str, common: Callable[[str], bool], words: _Words | None = None) -> list[tuple[int, int]]:
        """Where the names are in text (words: its words, where they have been read already)."""
        words = words or _Words(text)
        found = [m.span() for m in _matches(self.wholes, text, self._whole_starts, words.lower, str.lower)
                 ] if self.wholes else []
        if self.parts:
            found += [m.span() for m in _matches(self.parts, text, self._part_starts, words.written, str)
                      if not ((not self.words_name_it or _sentence_start(text, m.start()))
                              and common(m["name"].casefold()))]
        return _merged(found)


class Anonymiser:
    """Replaces registered names of people and institutions, as names (see _Names), by a placeholder.

    common(word) says whether a lower-case word is an ordinary word; it is asked only of a part that
    starts a sentence."""

    def __init__(self, people: Iterable[str], institutions: Iterable[str],
                 common: Callable[[str], bool] = lambda word: False):
        self._kinds = [(_Names(people), "[naam]"), (_Names(institutions, words_name_it=False), "[instelling]")]
        self._common = common
        starts = [names.first_words() for names, _ in self._kinds]
        self._starts = None if None in starts else frozenset(word for words in starts for word in words or ())

    def _spans(self, text: str, institutions: bool = True) -> list[tuple[int, int, str]]:
        if self._starts is not None and not _UNEVEN_LOWER.search(text) \
                and self._starts.isdisjoint(_TOKEN.findall(text.lower())):
            return []  # no word a name starts with (most quotes): one look, not one per kind of name
        kinds, words = self._kinds if institutions else self._kinds[:1], _Words(text)
        return sorted((*span, placeholder) for names, placeholder in kinds
                      for span in names.spans(text, self._common, words))

    def same_length(self, text: str, mark: str = "▒", institutions: bool = True) -> str:
        """Names masked character for character (white space kept), so every offset stays right (exports)."""
        return self.masked_count(text, mark, institutions)[0]

    def masked_count(self, text: str, mark: str = "▒", institutions: bool = True) -> tuple[str, int]:
        """same_length's text, and how many names it masked."""
        spans = self._spans(text, institutions)
        if not spans:
            return text, 0
        chars = list(text)
        for start, end, _ in spans:
            chars[start:end] = re.sub(r"\S", mark, text[start:end])  # white space stays: words stay words
        return "".join(chars), len(spans)

    def unique_name(self, name: str, guid: str) -> str:
        """A transcript's name for outside the study: a real name in it masked, and then kept apart from
        other masked names by the start of its guid ('gesprek met [naam] 1a2b3c4d')."""
        masked = self(name)
        return name if masked == name else f"{masked} {guid[:8]}"

    def __call__(self, text: str) -> str:
        pieces, done = [], 0
        for start, end, placeholder in self._spans(text):
            if start >= done:
                pieces += [text[done:start], placeholder]
                done = end
        return "".join(pieces) + text[done:]


_TOKEN = re.compile(r"\w+")
# A text's words in lower case are its lowered text's words, but for two letters: 'İ' lowers to two characters
# and 'Σ' by what follows the word (final 'ς'); a text with either is read word by word.
_UNEVEN_LOWER = re.compile("[İΣ]")


class _Words:
    """A text's words as written and lowered, read once for every kind of name looked for in it (four
    readings of each of 70,000 quotes took a second), and only when a kind of name asks."""

    def __init__(self, text: str):
        self.text = text

    @functools.cached_property
    def written(self) -> frozenset[str]:
        return frozenset(_TOKEN.findall(self.text))

    @functools.cached_property
    def lower(self) -> frozenset[str]:
        return frozenset(map(str.lower, self.written))


def _first_words(names: Iterable[str], key: Callable[[str], str]) -> frozenset[str] | None:
    """The first word of every name as key gives it, and with a possessive s; None when a name does not start
    with a word (then every position of a text is tried)."""
    firsts = [_TOKEN.match(name) for name in names]
    if not all(firsts):
        return None
    words = {key(m.group()) for m in firsts if m}
    return frozenset(words | {word + "s" for word in words})


def _matches(pattern: re.Pattern[str], text: str, firsts: frozenset[str] | None, words: frozenset[str],
             key: Callable[[str], str]) -> Iterator[re.Match[str]]:
    """pattern.finditer(text), tried only where a word starts that a name starts with: thousands of
    registered names cost a set lookup per word, not a try per name at every position. words: the text's
    words as key gives them."""
    if firsts is None:
        yield from pattern.finditer(text)
        return
    if firsts.isdisjoint(words):
        return
    done = 0
    for token in _TOKEN.finditer(text):
        if token.start() >= done and key(token.group()) in firsts:
            found = pattern.match(text, token.start())
            if found:
                done = found.end()
                yield found


def _merged(spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """Spans in order, overlapping ones as one."""
    out: list[tuple[int, int]] = []
    for start, end in sorted(spans):
        if out and start < out[-1][1]:
            out[-1] = (out[-1][0], max(out[-1][1], end))
        else:
            out.append((start, end))
    return out


MASK = "▒"


def masked(value: str) -> str:
    """Every character but white space overwritten: lengths and offsets stay."""
    return re.sub(r"\S", MASK, value)


class NameHider:
    """A person's name masked in other people's words, character for character: the whole name and its
    distinctive parts in any case and with a possessive ('MOSTERTMAN', 'Chantals'); a part that is also a
    Dutch word ('Meer', 'Berg') only where it is written as a name (capitalised, not at the start of a
    sentence); particles ('van der') never on their own. Everything else stays word for word."""

    def __init__(self, names: set[str], common: frozenset[str]):
        wholes = {" ".join(name.split()) for name in names}
        parts = {part for name in wholes for piece in re.split(r"[\s(),]+", name) for part in {piece, *piece.split("-")}
                 if len(part) >= 3 and part.casefold() not in GENERIC}
        any_case = [r"\s+".join(map(re.escape, whole.split())) for whole in sorted(wholes, key=len, reverse=True)]
        any_case += [re.escape(p) for p in sorted(parts, key=len, reverse=True) if p.casefold() not in common]
        as_name = [re.escape(form) for p in parts if p.casefold() in common for form in (p.capitalize(), p.upper())]
        self._any_case = _words(any_case, re.IGNORECASE, hyphenated=True)  # erased: 'Bosgraaf-methode' too
        self._as_name = _words(as_name, 0, hyphenated=True)

    def __call__(self, text: str) -> str:
        spans = [m.span() for m in self._any_case.finditer(text)] if self._any_case else []
        if self._as_name:
            spans += [m.span() for m in self._as_name.finditer(text) if not _sentence_start(text, m.start())]
        if not spans:
            return text
        chars = list(text)
        for start, end in spans:
            chars[start:end] = masked(text[start:end])
        return "".join(chars)


def _words(alternatives: list[str], flags: int, hyphenated: bool = False) -> re.Pattern[str] | None:
    """A pattern of whole words (with a possessive); hyphenated: also as half of a hyphenated word."""
    if not alternatives:
        return None
    edge = r"\w" if hyphenated else r"[\w-]"
    return re.compile(rf"(?<!{edge})(?P<name>{'|'.join(alternatives)}){_POSSESSIVE}(?!{edge})", flags)


def _sentence_start(text: str, position: int) -> bool:
    before = text[:position]
    stripped = before.rstrip()
    return not stripped or stripped[-1] in ".!?…:" or "\n" in before[len(stripped):]
