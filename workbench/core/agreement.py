"""Intercoder agreement on fixed units, pure: percent agreement, Cohen's kappa, Krippendorff's alpha.

Each coder gives each unit a value (here 1: coded with the code, 0: not) or None (missing: the
coder did not code that transcript). Alpha is nominal and allows missing values and any number
of coders (Krippendorff 2011, coincidence matrix); kappa is for two coders on the units both
coded. Undefined figures (no variation, too few values) are None.

Units come as rows, or tallied: each distinct row with how many units have it (a study's hundred thousand
turns are a handful of rows per code).
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Hashable, Mapping, Sequence
from itertools import combinations, permutations

Value = Hashable | None
Units = Sequence[Sequence[Value]] | Mapping[tuple[Value, ...], int]  # rows, or each distinct row with its count


def tallied(units: Units) -> Mapping[tuple[Value, ...], int]:
    """Each distinct row and how many units have it."""
    return units if isinstance(units, Mapping) else Counter(tuple(unit) for unit in units)


def _pairable(units: Units) -> list[tuple[list[Hashable], int]]:
    """The values of every distinct row that has at least two, with its count."""
    found = [([v for v in row if v is not None], count) for row, count in tallied(units).items()]
    return [(values, count) for values, count in found if len(values) >= 2 and count]


def percent_agreement(units: Units) -> float | None:
    """Share of agreeing coder pairs, over all pairs of values within units."""
    agree = pairs = 0
    for values, count in _pairable(units):
        for a, b in combinations(values, 2):
            pairs += count
            agree += count * (a == b)
    return agree / pairs if pairs else None


def cohen_kappa(first: Sequence[Value], second: Sequence[Value]) -> float | None:
    """Cohen's kappa of two coders over the units both gave a value."""
    return kappa(Counter(zip(first, second)))


def kappa(units: Units) -> float | None:
    """Cohen's kappa of units of two coders (rows or tallied), over those both gave a value."""
    both = {(a, b): count for (a, b), count in tallied(units).items() if a is not None and b is not None and count}
    n = sum(both.values())
    if not n:
        return None
    observed = sum(count for (a, b), count in both.items() if a == b) / n
    left: Counter[Hashable] = Counter()
    right: Counter[Hashable] = Counter()
    for (a, b), count in both.items():
        left[a] += count
        right[b] += count
    expected = sum(left[c] * right[c] for c in left) / (n * n)
    return None if expected == 1 else (observed - expected) / (1 - expected)


def krippendorff_alpha(units: Units) -> float | None:
    """Nominal alpha; units are rows of one value per coder (None where missing), or tallied."""
    coincidences: defaultdict[tuple[Value, Value], float] = defaultdict(float)
    for values, count in _pairable(units):
        weight = count / (len(values) - 1)
        for a, b in permutations(values, 2):
            coincidences[a, b] += weight
    totals: defaultdict[Value, float] = defaultdict(float)
    for (a, _), share in coincidences.items():
        totals[a] += share
    n = sum(totals.values())
    disagreeing = sum(share for (a, b), share in coincidences.items() if a != b)
    expected = n * n - sum(t * t for t in totals.values())  # every pair of two different values
    if n <= 1 or expected <= 1e-9 * n * n:
        return None
    return 1 - (n - 1) * disagreeing / expected
