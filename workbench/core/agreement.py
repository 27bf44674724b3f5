"""Intercoder agreement on fixed units, pure: percent agreement, Cohen's kappa, Krippendorff's alpha.

Each coder gives each unit a value (here 1: coded with the code, 0: not) or None (missing: the
coder did not code that transcript). Alpha is nominal and allows missing values and any number
of coders (Krippendorff 2011, coincidence matrix); kappa is for two coders on the units both
coded. Undefined figures (no variation, too few values) are None.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Hashable, Sequence
from itertools import combinations, permutations

Value = Hashable | None


def _pairable(units: Sequence[Sequence[Value]]) -> list[list[Hashable]]:
    """The values of every unit that has at least two."""
    found = [[v for v in unit if v is not None] for unit in units]
    return [values for values in found if len(values) >= 2]


def percent_agreement(units: Sequence[Sequence[Value]]) -> float | None:
    """Share of agreeing coder pairs, over all pairs of values within units."""
    agree = pairs = 0
    for values in _pairable(units):
        for a, b in combinations(values, 2):
            pairs += 1
            agree += a == b
    return agree / pairs if pairs else None


def cohen_kappa(first: Sequence[Value], second: Sequence[Value]) -> float | None:
    """Cohen's kappa of two coders over the units both gave a value."""
    both = [(a, b) for a, b in zip(first, second) if a is not None and b is not None]
    if not both:
        return None
    n = len(both)
    observed = sum(a == b for a, b in both) / n
    left, right = Counter(a for a, _ in both), Counter(b for _, b in both)
    expected = sum(left[c] * right[c] for c in left) / (n * n)
    return None if expected == 1 else (observed - expected) / (1 - expected)


def krippendorff_alpha(units: Sequence[Sequence[Value]]) -> float | None:
    """Nominal alpha; units are rows of one value per coder (None where missing)."""
    coincidences: defaultdict[tuple[Value, Value], float] = defaultdict(float)
    for values in _pairable(units):
        weight = 1 / (len(values) - 1)
        for a, b in permutations(values, 2):
            coincidences[a, b] += weight
    totals: defaultdict[Value, float] = defaultdict(float)
    for (a, _), count in coincidences.items():
        totals[a] += count
    n = sum(totals.values())
    disagreeing = sum(count for (a, b), count in coincidences.items() if a != b)
    expected = sum(totals[a] * totals[b] for a in totals for b in totals if a != b)
    if n <= 1 or expected == 0:
        return None
    return 1 - (n - 1) * disagreeing / expected
