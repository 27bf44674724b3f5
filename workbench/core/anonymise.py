"""Masking names of people and institutions: in quotes for reports and exports (Anonymiser), and a
person's name in everyone else's words when that person is erased (NameHider)."""

from __future__ import annotations

import re
from collections.abc import Iterable

# words in registry labels that identify nobody
GENERIC = {
    "hogeschool", "universiteit", "academie", "kunstacademie", "gast", "guest", "van", "de", "der", "den",
    "ter", "het", "te", "ten", "la", "le", "du", "interviewer", "respondent", "spreker", "speaker", "onbekend",
}


_POSSESSIVE = "(?:['’]s|s|['’])?"  # Dutch: Bosgraafs studenten, Anna's, Joris' collega


class Anonymiser:
    """Replaces known names (whole, and their distinctive parts) by a placeholder."""

    def __init__(self, people: Iterable[str], institutions: Iterable[str]):
        self._patterns = [
            (self._pattern(people), "[naam]"),
            (self._pattern(institutions), "[instelling]"),
        ]

    @staticmethod
    def _pattern(names: Iterable[str]) -> re.Pattern[str] | None:
        terms = set()
        for name in names:
            name = " ".join(name.split())
            if len(name) < 3 or re.fullmatch(r"[A-Z]{1,2}\d*", name):
                continue  # labels such as I, R1, R05 are no names
            terms.add(name)
            parts = re.split(r"[\s(),]+", name)
            parts += [piece for part in parts for piece in part.split("-")]  # 'Haverkamp-Lier' and 'Lier'
            terms.update(part for part in parts if len(part) >= 3 and part.casefold() not in GENERIC)
        if not terms:
            return None
        alternatives = "|".join(re.escape(t) for t in sorted(terms, key=len, reverse=True))
        return re.compile(rf"(?<!\w)(?:{alternatives}){_POSSESSIVE}(?!\w)", re.IGNORECASE)

    def same_length(self, text: str, mark: str = "▒") -> str:
        """Names masked character for character, so every offset into the text stays right (exports)."""
        for pattern, _ in self._patterns:
            if pattern is not None:
                text = pattern.sub(lambda m: mark * len(m.group()), text)
        return text

    def unique_name(self, name: str, guid: str) -> str:
        """A transcript's name for outside the study: a real name in it masked, and then kept apart from
        other masked names by the start of its guid ('gesprek met [naam] 1a2b3c4d')."""
        masked = self(name)
        return name if masked == name else f"{masked} {guid[:8]}"

    def __call__(self, text: str) -> str:
        for pattern, placeholder in self._patterns:
            if pattern is not None:
                text = pattern.sub(placeholder, text)
        return text


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
        self._any_case = _words(any_case, re.IGNORECASE)
        self._as_name = _words(as_name, 0)

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


def _words(alternatives: list[str], flags: int) -> re.Pattern[str] | None:
    return re.compile(rf"(?<!\w)(?:{'|'.join(alternatives)}){_POSSESSIVE}(?!\w)", flags) if alternatives else None


def _sentence_start(text: str, position: int) -> bool:
    before = text[:position]
    stripped = before.rstrip()
    return not stripped or stripped[-1] in ".!?…:" or "\n" in before[len(stripped):]
