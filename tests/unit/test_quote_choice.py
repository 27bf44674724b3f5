"""Which quotes a report shows for a code: picked first, then the clearest, spread, never the same words twice."""

from hypothesis import given
from hypothesis import strategies as st

from workbench.core.dto import QuoteView
from workbench.services.quotes import spread

CLEAR = "Ik vind het vooral lastig dat studenten bang zijn voor studievertraging."


def quote(text: str, respondent: str = "R01", programme: str = "pabo", picked: bool = False,
          start_ms: int | None = 1000) -> QuoteView:
    return QuoteView(f"g-{respondent}-{text}", "Studievertraging", "t", respondent, (programme,), start_ms, text,
                     "anna", 0, "t", picked)


def test_a_picked_quote_comes_first_even_when_it_is_not_the_clearest():
    found = [quote(CLEAR, "R01"), quote("ja, vertraging", "R02", picked=True)]
    assert [q.respondent for q in spread(found, 2)] == ["R02", "R01"]


def test_the_same_words_coded_twice_are_quoted_once():
    found = [quote(CLEAR, "R01"), quote(CLEAR.upper().lower().capitalize(), "R01"), quote(f"  {CLEAR} ", "R01")]
    assert len(spread(found, 3)) == 1


def test_each_respondent_s_clearest_quote_first_and_other_respondents_before_a_second_quote():
    found = [quote("eh ja", "R01"), quote(CLEAR, "R01"), quote("Nou, dat geldt ook voor ons, die vertraging zie ik "
                                                             "elk jaar weer terug.", "R02", "alo")]
    chosen = spread(found, 3)
    assert [(q.respondent, q.text) for q in chosen[:2]] == [("R01", CLEAR), ("R02", found[2].text)]
    assert chosen[2].text == "eh ja"


def test_a_quote_with_its_time_before_one_without():
    found = [quote(CLEAR, "R01", start_ms=None), quote(CLEAR.replace("vooral", "echt"), "R01")]
    assert spread(found, 1)[0].start_ms == 1000


quotes = st.lists(st.builds(quote, text=st.sampled_from([CLEAR, "eh ja", "Dat is zo.", CLEAR.lower()]),
                            respondent=st.sampled_from(["R01", "R02", "R03"]),
                            programme=st.sampled_from(["pabo", "alo"]), picked=st.booleans()), max_size=12)


@given(quotes, st.integers(0, 6))
def test_never_over_the_limit_never_twice_the_same_words_and_picks_first(found, limit):
    chosen = spread(found, limit)
    words = [" ".join(q.text.casefold().split()) for q in chosen]
    assert len(chosen) <= limit and len(set(words)) == len(words) and set(chosen) <= set(found)
    picked = [q for q in chosen if q.picked]
    assert chosen[:len(picked)] == picked
    if len(chosen) < limit:  # all distinct wordings are in
        assert set(words) == {" ".join(q.text.casefold().split()) for q in found}
