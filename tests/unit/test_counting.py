"""The counting rule, on small studies whose counts follow from how they are built."""

from collections import Counter

from hypothesis import given
from hypothesis import strategies as st

from workbench.core.counting import (
    TOTAL,
    GroupBy,
    Occurrence,
    Respondent,
    Unit,
    ancestors,
    count,
    count_quotations,
    group_sizes,
    groups_of,
)

# 1 Belemmeringen > 2 Studievertraging, 3 Financieel
PARENTS = {1: None, 2: 1, 3: 1}
PEOPLE = {
    10: Respondent(10, "Hogeschool A", ("pabo",)),
    11: Respondent(11, "Hogeschool A", ("pabo", "tweedegraads")),
    12: Respondent(12, "Hogeschool B", ("tweedegraads",)),
}


def test_six_times_weighs_as_once():
    made = [Occurrence(2, 10, i) for i in range(6)]
    assert count(PARENTS, made, PEOPLE, Unit.RESPONDENT, GroupBy.NONE)[(2, TOTAL)] == 1
    assert count(PARENTS, made, PEOPLE, Unit.QUOTATION, GroupBy.NONE)[(2, TOTAL)] == 6


def test_parent_counts_distinct_respondents_over_its_subtree():
    made = [Occurrence(2, 10, 1), Occurrence(3, 10, 2), Occurrence(3, 12, 3)]
    counts = count(PARENTS, made, PEOPLE, Unit.RESPONDENT, GroupBy.NONE)
    assert (counts[(2, TOTAL)], counts[(3, TOTAL)], counts[(1, TOTAL)]) == (1, 2, 2)


def test_respondent_in_two_programmes_counts_in_both_and_once_in_total():
    counts = count(PARENTS, [Occurrence(2, 11, 1)], PEOPLE, Unit.RESPONDENT, GroupBy.PROGRAMME)
    assert counts[(2, "pabo")] == counts[(2, "tweedegraads")] == counts[(2, TOTAL)] == 1


def test_institutions_are_counted_once_per_institution():
    made = [Occurrence(2, 10, 1), Occurrence(2, 11, 2), Occurrence(2, 12, 3)]
    counts = count(PARENTS, made, PEOPLE, Unit.INSTITUTION, GroupBy.PROGRAMME)
    assert counts[(2, TOTAL)] == 2
    assert counts[(2, "pabo")] == 1  # two pabo respondents, one institution
    assert counts[(2, "tweedegraads")] == 2


def test_group_sizes():
    sizes = group_sizes(PEOPLE.values(), Unit.RESPONDENT, GroupBy.PROGRAMME)
    assert sizes == {TOTAL: 3, "pabo": 2, "tweedegraads": 2}
    assert group_sizes(PEOPLE.values(), Unit.INSTITUTION, GroupBy.NONE) == {TOTAL: 2}


occurrences = st.lists(
    st.builds(Occurrence, code_id=st.sampled_from([1, 2, 3]), respondent_id=st.sampled_from([10, 11, 12]),
              coding_id=st.integers(0, 50)),
    max_size=40,
)


@given(occurrences, st.sampled_from(list(Unit)), st.sampled_from(list(GroupBy)))
def test_counts_never_exceed_n_and_parents_dominate(made, unit, by):
    counts = count(PARENTS, made, PEOPLE, unit, by)
    sizes = group_sizes(PEOPLE.values(), unit, by)
    for (code, group), value in counts.items():
        assert value >= counts.get((2, group), 0) if code == 1 else True
        assert value <= counts[(1, group)]
        if unit is not Unit.QUOTATION:
            assert value <= sizes[group]
        assert value <= counts[(code, TOTAL)] or group == TOTAL


@given(occurrences, st.sampled_from([Unit.RESPONDENT, Unit.INSTITUTION]), st.sampled_from(list(GroupBy)))
def test_respondents_and_institutions_are_the_distinct_ones_in_each_cell(made, unit, by):
    """count()'s set arithmetic against the rule read plainly: per code (with its subtree) and group, the
    distinct respondents (institutions) among the occurrences; a cell nobody is in is left out."""
    expected = {}
    for code in PARENTS:
        for group in {TOTAL, *(g for r in PEOPLE.values() for g in groups_of(r, by))}:
            said = {o.respondent_id for o in made if code in ancestors(o.code_id, PARENTS)}
            keys = {r if unit is Unit.RESPONDENT else PEOPLE[r].institution for r in said
                    if group == TOTAL or group in groups_of(PEOPLE[r], by)}
            if keys:
                expected[(code, group)] = len(keys)
    assert count(PARENTS, made, PEOPLE, unit, by) == expected


@given(occurrences)
def test_repeating_a_point_changes_no_respondent_count(made):
    again = made + [Occurrence(o.code_id, o.respondent_id, o.coding_id + 1000) for o in made]
    for by in GroupBy:
        assert count(PARENTS, again, PEOPLE, Unit.RESPONDENT, by) == count(PARENTS, made, PEOPLE, Unit.RESPONDENT, by)


def test_unknown_respondents_and_respondents_without_an_institution_are_skipped_not_the_rest():
    parents = {3: 2, 2: None}
    people = {1: Respondent(1, None, ("pabo",)), 2: Respondent(2, "Hogeschool A", ("pabo",)),
              3: Respondent(3, "Hogeschool B", ())}
    seen = [Occurrence(3, 99, 1), Occurrence(3, 1, 2), Occurrence(3, 2, 3), Occurrence(3, 3, 4)]
    assert ancestors(3, parents) == [3, 2]
    assert count(parents, seen, people, Unit.RESPONDENT, GroupBy.INSTITUTION) == {
        (3, ""): 3, (2, ""): 3, (3, "Hogeschool A"): 1, (2, "Hogeschool A"): 1, (3, "Hogeschool B"): 1,
        (2, "Hogeschool B"): 1}
    assert count(parents, seen, people, Unit.INSTITUTION, GroupBy.PROGRAMME) == {(3, ""): 2, (2, ""): 2, (3, "pabo"): 1,
                                                                              (2, "pabo"): 1}
    assert group_sizes(people.values(), Unit.INSTITUTION, GroupBy.NONE) == {"": 2}
    assert group_sizes(people.values(), Unit.RESPONDENT, GroupBy.INSTITUTION) == {"": 3, "Hogeschool A": 1,
                                                                                 "Hogeschool B": 1}


@given(st.lists(st.tuples(st.sampled_from([1, 2, 3]), st.lists(st.sampled_from([10, 11, 12, 99]), min_size=1,
                                                               max_size=4)), max_size=30),
       st.sampled_from(list(GroupBy)))
def test_quotations_from_one_turn_tallies_and_spread_codings_are_the_distinct_count(codings, by):
    """A coding in one turn is tallied per (code, respondent); one over several turns (of the same or other
    respondents, or of someone unknown) is counted distinct: together exactly what counting every turn gives."""
    every, spread = [], []
    tallies: Counter[tuple[int, int]] = Counter()
    for coding_id, (code_id, turn_speakers) in enumerate(codings):
        occurrences = [Occurrence(code_id, respondent_id, coding_id) for respondent_id in turn_speakers]
        every += occurrences
        if len(turn_speakers) == 1:
            tallies[(code_id, turn_speakers[0])] += 1
        else:
            spread += occurrences
    assert count_quotations(PARENTS, tallies, spread, PEOPLE, by) == count(PARENTS, every, PEOPLE, Unit.QUOTATION, by)
