import pytest
from hypothesis import given
from hypothesis import strategies as st

from workbench.core.reanchor import reanchor

OLD = "Ik ben bang voor studievertraging. Ook het geld speelt mee. Geld!"


def test_unchanged_text_keeps_spans():
    assert reanchor(OLD, OLD, [(0, 5)]) == [(0, 5)]


def test_spans_follow_inserted_text_and_pick_the_nearest_copy():
    new = "Inleiding. " + OLD
    start = OLD.index("studievertraging")
    assert reanchor(OLD, new, [(start, start + 16)]) == [(start + 11, start + 27)]
    second = OLD.rindex("Geld")
    (span,) = reanchor(OLD, new, [(second, second + 4)])
    assert new[span[0] : span[1]] == "Geld" and span[0] == second + 11


def test_a_corrected_typo_is_found_fuzzily_and_deleted_text_is_not():
    new = OLD.replace("studievertraging", "studie-vertraging")
    start = OLD.index("bang voor studievertraging")
    (span,) = reanchor(OLD, new, [(start, start + 26)])
    assert new[span[0] : span[1]] == "bang voor studie-vertraging"  # the whole span, one character longer
    gone = OLD.replace("Ook het geld speelt mee. ", "")
    cut = OLD.index("Ook het geld speelt mee.")
    assert reanchor(OLD, gone, [(cut, cut + 24)]) == [None]


@pytest.mark.parametrize(("old_word", "new_word"), [
    ("studievertraging", "studie-vertraging"), ("studievertraging", "studievertragin"),
    ("speelt", "speeld"), ("bang voor", "bang, voor"), ("Ik ben", "Ik"),
])
def test_a_corrected_span_covers_exactly_the_corrected_words(old_word, new_word):
    quote = "Ik ben bang voor studievertraging. Ook het geld speelt mee."
    old = "Vraag: waarom niet? " + quote + " Verder niets."
    new = old.replace(old_word, new_word)
    start = old.index(quote)
    (span,) = reanchor(old, new, [(start, start + len(quote))])
    assert new[span[0] : span[1]] == quote.replace(old_word, new_word)


@given(st.integers(0, 40), st.sampled_from(["-", "xx", ""]), st.integers(0, 3))
def test_an_edit_inside_a_span_moves_its_end_with_it(where, inserted, removed):
    quote = "Ik ben bang voor studievertraging, zegt ze."
    old = "Eerst een heel andere zin over iets. " + quote + " En dan nog een zin erachter."
    start = old.index(quote)
    at = start + 5 + where % (len(quote) - 10)
    new = old[:at] + inserted + old[at + removed:]
    (span,) = reanchor(old, new, [(start, start + len(quote))])
    assert span == (start, start + len(quote) + len(inserted) - removed)
