"""Agreement figures against reference implementations on randomized data."""

import math

import krippendorff
import numpy as np
from hypothesis import assume, given, settings
from hypothesis import strategies as st

from workbench.core.agreement import cohen_kappa, krippendorff_alpha, percent_agreement

values = st.one_of(st.none(), st.integers(0, 1))


def close(a, b) -> bool:
    return (a is None and (b is None or math.isnan(b))) or (a is not None and math.isclose(a, b, abs_tol=1e-9))


@settings(max_examples=200, deadline=None)
@given(st.integers(2, 4).flatmap(lambda coders: st.lists(st.lists(values, min_size=coders, max_size=coders),
                                                          min_size=2, max_size=40)))
def test_alpha_matches_the_krippendorff_package(units):
    ours = krippendorff_alpha(units)
    pairable = [u for u in units if sum(v is not None for v in u) >= 2]
    assume(len({v for u in pairable for v in u if v is not None}) >= 2)  # the package divides by zero otherwise
    reliability = np.array([[np.nan if v is None else v for v in unit] for unit in units], dtype=float).T
    assert close(ours, krippendorff.alpha(reliability_data=reliability, level_of_measurement="nominal"))


@settings(max_examples=200, deadline=None)
@given(st.lists(st.tuples(st.integers(0, 1), st.integers(0, 1)), min_size=2, max_size=60))
def test_kappa_matches_scikit_learn(pairs):
    from sklearn.metrics import cohen_kappa_score  # 2 s to load: only in the test that asks it

    first, second = [a for a, _ in pairs], [b for _, b in pairs]
    ours = cohen_kappa(first, second)
    assume(ours is not None)
    assert math.isclose(ours, cohen_kappa_score(first, second), abs_tol=1e-9)


def test_missing_values_are_left_out_and_pairs_counted():
    assert cohen_kappa([1, None, 0, 1], [1, 1, 0, None]) == 1.0
    assert percent_agreement([[1, 1, 0], [0, 0, None], [1, None, None]]) == (1 + 1) / (3 + 1)
    assert krippendorff_alpha([[1, 1], [1, 1]]) is None  # no variation: undefined


def test_percent_agreement_counts_agreeing_pairs_and_is_none_without_pairs():
    assert percent_agreement([["a", "a"], ["a", "b"], ["b", "b", "a"], ["c", None]]) == 2 / 5
    assert percent_agreement([["a", None], [None, None]]) is None


@settings(max_examples=200, deadline=None)
@given(st.integers(2, 3).flatmap(lambda coders: st.lists(st.lists(values, min_size=coders, max_size=coders),
                                                          min_size=2, max_size=40)))
def test_tallied_units_give_the_figures_their_rows_give(units):
    """A study's units come tallied (each distinct row with its count): the same figures as row by row."""
    from collections import Counter

    from workbench.core.agreement import kappa

    def same(a, b) -> bool:
        return a is b is None or (a is not None and b is not None and math.isclose(a, b, abs_tol=1e-9))

    counted = Counter(tuple(u) for u in units)
    assert same(percent_agreement(counted), percent_agreement(units))
    assert same(krippendorff_alpha(counted), krippendorff_alpha(units))
    if len(units[0]) == 2:
        assert same(kappa(counted), cohen_kappa([u[0] for u in units], [u[1] for u in units]))
