"""Masking names of people and institutions in quotes, for reports and exports."""

from __future__ import annotations

import re
from collections.abc import Iterable

# words in registry labels that identify nobody
_GENERIC = {
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
            terms.update(part for part in parts if len(part) >= 3 and part.casefold() not in _GENERIC)
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
