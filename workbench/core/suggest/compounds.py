"""Dutch compounds split on the lexicon: studievertraging -> studie + vertraging.

A split needs a known head (a lemma of any class, no particle: onderwijs is whole) and a known noun as its
last part, with an optional linking s / e / en / er between (er only after kind, ei, ...: kinderopvang); the
last part may itself be a compound. Parts have at least four letters (a few common three-letter heads aside),
so student is not stud + ent. Of
several splits the one with the fewest parts wins, then the one with the longest last part
(buitenlandstage -> buitenland + stage), then the longest head (buitenland is buiten + land, not
buit + en + land). A head that is no noun becomes its lemma (lerarenopleiding -> leraar + opleiding).
"""

from __future__ import annotations

from functools import lru_cache

from workbench.core.suggest.lemmas import known_lemmas, lemma, nouns

LINKS = ("", "s", "e", "en", "er")
SHORTEST = 4
LONGEST = 60  # letters: a longer token is no word anyone says (a pasted key; every cut of it is a copy)
SHORT_HEADS = frozenset({"bij", "dag", "les", "vak", "top", "wet", "oud", "rol", "web"})
ER_PLURALS = frozenset({"kind", "ei", "lied", "blad", "kalf", "lam", "rund", "been", "volk", "goed", "rad", "hoen"})
# -er- joins only the nouns whose plural is -eren (kinderopvang), so achtergrond is no acht + grond
PARTICLES = frozenset({"onder", "over", "door", "tegen", "voor", "achter", "uit", "mee", "samen", "terug", "toe"})
# a particle makes a new word, not a kind of the rest: onderwijs is no wijs, voorbeeld no beeld (buitenland is a land)
SUFFIXES = frozenset({"lijk", "rijk", "baar", "zaam", "loos", "achtig", "matig"})  # nouns only in the lexicon:
# belangrijk is no belang + rijk (realm), persoonlijk no persoon + lijk (corpse), haalbaar no haal + baar


@lru_cache(maxsize=200_000)
def split(word: str) -> tuple[str, ...]:
    """The parts of a compound (as lemmas), or () when the word is not one."""
    word = lemma(word)
    if not 2 * SHORTEST - 1 <= len(word) <= LONGEST:
        return ()
    heads, tails = known_lemmas(), nouns()
    best: tuple[str, ...] = ()
    for cut in range(SHORTEST - 1, len(word) - SHORTEST + 1):
        head, rest = word[:cut], word[cut:]
        if head not in heads or head in PARTICLES or (cut < SHORTEST and head not in SHORT_HEADS):
            continue
        for link in LINKS:
            if (not rest.startswith(link) or len(rest) - len(link) < SHORTEST
                    or (link == "er" and head not in ER_PLURALS)):
                continue
            tail = rest[len(link):]
            if tail in SUFFIXES:
                continue
            tail = tail if tail in tails else lemma(tail)
            parts = (tail,) if tail in tails else split(tail)
            candidate = (head, *parts)
            if parts and (not best or _order(candidate) < _order(best)):
                best = candidate
    if not best:
        return ()
    head = best[0] if best[0] in tails else lemma(best[0])  # leraren -> leraar; a noun stays (moeder, not moederen)
    return (head, *best[1:])


def _order(parts: tuple[str, ...]) -> tuple[int, int, int]:
    """Fewest parts, then the longest last part, then the longest head."""
    return len(parts), -len(parts[-1]), -len(parts[0])
