import pytest
from hypothesis import given
from hypothesis import strategies as st

from workbench.core.reanchor import _ends_word, _run, _starts_word, find_quote, reanchor

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


def test_the_exact_copy_nearest_the_scaled_place_wins_and_a_tie_goes_to_the_earlier():
    # copies of "kat" at 10, 60, 100 and overlapping "aa" copies: each call a different nearest one
    new = "." * 10 + "kat" + "." * 47 + "kat" + "." * 37 + "kat" + "." * 20 + "xaaax"
    assert [find_quote("kat", new, expected) for expected in (0, 55, 62, 80, 99, 200)] == [
        (10, 13), (60, 63), (60, 63), (60, 63), (100, 103), (100, 103)]
    assert find_quote("kat", new, 35) == (10, 13)  # 25 from both: the earlier
    assert find_quote("aa", new, 126) == (125, 127) and find_quote("aa", new, 120) == (124, 126)
    # reanchor scales the old place to the new text's length: the old span at 50 of 100 is near 100 of 200
    old, longer = "." * 50 + "kat" + "." * 47, new + "." * 72
    assert len(longer) == 2 * len(old) and reanchor(old, longer, [(50, 53)]) == [(100, 103)]


def test_an_empty_old_text_or_quote_finds_nothing():
    assert reanchor("", "iets", [(0, 0)]) == [None]
    assert find_quote("", "iets", 0) is None


@pytest.mark.parametrize("where", ["start", "end"])
def test_a_corrected_quote_at_the_very_start_or_end_of_the_text(where):
    quote = "Ik ben bang voor studievertraging en ook voor het geld dat ik lenen moet."
    context = "Daarna vroeg ze nog iets heel anders over de stage en de school."
    old = quote + " " + context if where == "start" else context + " " + quote
    new = old.replace("studievertraging", "studie-vertraging").replace("lenen", "lenen, zegt hij,")
    start = old.index(quote)
    (span,) = reanchor(old, new, [(start, start + len(quote))])
    assert new[span[0] : span[1]] == quote.replace("studievertraging", "studie-vertraging").replace(
        "lenen", "lenen, zegt hij,")


@pytest.mark.parametrize(("edit", "in_quote"), [
    (("Ik", "Nou ik"), ("Ik", "ik")),  # a word put before the quote is not the coder's: it starts at its old words
    (("Ik ben", "Ben"), ("Ik ben", "Ben")), (("? Ik ben echt", "? Echt"), ("Ik ben echt", "Echt")),
    (("speelt mee.", "speelt mee, echt waar."), ("speelt mee.", "speelt mee, echt waar.")),
    (("speelt mee.", "speelt."), ("speelt mee.", "speelt.")),
    (("de boeken", "de dure boeken"), ("de boeken", "de dure boeken")),
])
def test_a_long_quote_edited_near_either_end_keeps_exactly_its_words(edit, in_quote):
    quote = "Ik ben echt bang voor studievertraging. Ook het geld voor de huur en de boeken speelt mee."
    old = "Vraag: waarom niet? " + quote + " Verder niets."
    start = old.index(quote)
    new = old.replace(*edit)
    (span,) = reanchor(old, new, [(start, start + len(quote))])
    assert new[span[0] : span[1]] == quote.replace(*in_quote)


@given(st.data(), st.sampled_from(["echt", "nou ja", "eh,", "zegt hij,", "-"]), st.booleans())
def test_a_word_put_in_or_taken_out_inside_a_quote_keeps_exactly_its_words(data, word, put_in):
    quote = "Ik ben echt bang voor studievertraging. Ook het geld voor de huur en de boeken speelt mee."
    old = "Vraag: waarom niet? " + quote + " Verder niets, dank je."
    gaps = [i for i, c in enumerate(quote) if c == " "][1:-1]  # between two words, not at either end
    gap = data.draw(st.sampled_from(gaps if put_in else [g for g in gaps if quote.index(" ", g + 1) - g <= 6]))
    # a short word taken out (a long one makes the quote less than 90 % the same: gone)
    edited = quote[:gap] + " " + word + quote[gap:] if put_in else quote[:gap] + quote[quote.index(" ", gap + 1):]
    start = old.index(quote)
    (span,) = reanchor(old, old.replace(quote, edited), [(start, start + len(quote))])
    assert span is not None and old.replace(quote, edited)[span[0] : span[1]] == edited


def test_words_that_changed_too_much_are_gone_though_the_place_is_close():
    quote = "Ik ben bang voor studievertraging door de stage."
    assert find_quote(quote, "Verder. Ik ben bang voor studiefinanciering door de stage. En meer.", 8) is None
    assert find_quote(quote, "Verder. Ik was bang voor studievertraging bij de stage. En meer.", 8) is None
    assert find_quote(quote, "Verder. Ik ben bang voor vertraging door de stage. En meer.", 8) == (8, 50)


def test_word_edges():
    assert [at for at in range(len("(ja nee")) if _starts_word("(ja nee", at)] == [1, 4]
    assert not _starts_word("ja", 2)
    text = "ja, nee.. toch"
    assert [at for at in range(len(text) + 1) if _ends_word(text, at)] == [2, 3, 7, 9, 14]
    assert not _ends_word("", 0) and _ends_word("x", 1)


def test_a_run_is_the_longest_start_of_the_text_found_together_in_the_quote():
    assert _run("abcdef", "cdx") == 2 and _run("abcdef", "xcd") == 0
    assert _run("ABC", "bcd") == 2 and _run("", "abc") == 0 and _run("abc", "") == 0
