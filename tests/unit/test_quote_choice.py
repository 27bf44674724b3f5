"""Which quotes a report shows for a code: picked first, then the clearest, spread, never the same words twice."""

from dataclasses import replace

from hypothesis import given
from hypothesis import strategies as st

from workbench.core.dto import QuoteView
from workbench.services.quotes import report_quotes, sentences, spread

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


def words(q: QuoteView) -> str:
    return " ".join(q.text.casefold().split())


@given(quotes, st.integers(0, 6))
def test_every_pick_kept_the_rest_to_the_limit_never_twice_the_same_words_and_picks_first(found, limit):
    chosen = spread(found, limit)
    said = [words(q) for q in chosen]
    picks = {words(q) for q in found if q.picked}
    assert len(set(said)) == len(said) and set(chosen) <= set(found)
    assert picks <= set(said) and len(chosen) <= max(limit, len(picks))  # a pick is never dropped
    picked = [q for q in chosen if q.picked]
    assert chosen[:len(picked)] == picked
    if len(chosen) < limit:  # all distinct wordings are in
        assert set(said) == {words(q) for q in found}


SENTENCES = ["Studenten zijn bang voor studievertraging.", "Het is voor veel studenten te duur.",
             "Mijn collega's doen er weinig mee.", "Ja.", "Dat zie ik elk jaar weer terug bij ons."]
CODES = ["A", "B", "C"]
passages = st.lists(st.tuples(st.sampled_from(CODES), st.lists(st.sampled_from(SENTENCES), min_size=1, max_size=2),
                              st.sampled_from(["R01", "R02", "R03", "R04"]), st.booleans()), max_size=20)


def coded(code: str, text: list[str], respondent: str, picked: bool, n: int) -> QuoteView:
    return QuoteView(f"g{n}", code, "t", respondent, ("pabo",), 1000, " ".join(text), "anna", n, "t", picked)


@given(passages, st.integers(1, 4))
def test_a_report_never_quotes_a_sentence_under_two_codes_unless_picked_and_keeps_every_pick(found, limit):
    found = [coded(*item, n) for n, item in enumerate(found)]
    chosen, notes = report_quotes(found, limit, CODES)
    holders: dict[str, set[str]] = {}
    for code, mine in chosen.items():
        for q in mine:
            for sentence in sentences(q.text):
                holders.setdefault(sentence, set()).add(code)
    for sentence, codes in holders.items():  # shared only where each code's quote with it was picked
        if len(codes) > 1:
            unpicked = {code for code in codes for q in chosen[code] if not q.picked and sentence in sentences(q.text)}
            assert len(unpicked) <= 1, (sentence, codes)
    for code in CODES:
        picks = {words(q) for q in found if q.picked and q.code_path == code}
        assert picks <= {words(q) for q in chosen.get(code, [])}
        twins = sum(q.picked and q.code_path == code for q in found) - len(picks)
        assert bool(twins) == any(note.startswith(f"{code}: ") for note in notes)


def test_the_report_quotes_first_the_respondents_it_has_quoted_least():
    found = [coded("A", [CLEAR], "R01", False, 1), coded("B", ["Dat is bij ons ook zo, echt waar."], "R01", False, 2),
             coded("B", ["Bij ons zie ik dat elk jaar weer gebeuren."], "R02", False, 3)]
    chosen, _ = report_quotes(found, 1, ["A", "B"])
    assert [q.respondent for q in chosen["B"]] == ["R02"]  # R01 is quoted under A already


def test_a_quote_that_says_its_code_in_more_words_before_one_that_only_shares_a_word_with_it():
    """'coördinator van de uitwisselingen' (a job title; the keyword uitwisseling*) was quoted under Studenten
    naar het buitenland before 'studenten die naar het buitenland gaan': an autocode's evidence is the words its
    keywords matched; a coding a person made or kept outweighs any keyword."""
    title = replace(quote("Ik ben sinds twee jaar ook coördinator van de uitwisselingen.", "R01"), evidence=1)
    abroad = replace(quote("Collega's denken meteen aan studenten die naar het buitenland gaan.", "R02"), evidence=3)
    by_hand = replace(quote("Ze gaan een half jaar weg, dat vinden ze spannend maar mooi.", "R03"), evidence=None)
    assert spread([title, abroad], 1) == [abroad]
    assert spread([title, abroad, by_hand], 2) == [by_hand, abroad]


def test_a_sentence_another_respondent_s_chosen_quote_holds_comes_after_quotes_with_sentences_of_their_own():
    said = "Het gesprek gaat eigenlijk altijd over uitwisseling, studenten die een semester weg zijn."
    found = [quote(f"Ja, nou. {said}", "R01"), quote(f"Tja. {said}", "R02"), quote(CLEAR, "R03")]
    assert [q.respondent for q in spread(found, 2)] == ["R01", "R03"]
    assert [q.respondent for q in spread(found, 3)] == ["R01", "R03", "R02"]  # when nothing else is left
