from hypothesis import given
from hypothesis import strategies as st

from workbench.core.spans import PASSAGE_WORDS, enclosing, overlapping, passage, sentences, trim


def test_dutch_sentences_and_abbreviations():
    text = "Ik ging bijv. naar Spanje. Dat was duur! Echt? Ja, o.a. door de huur.  Einde"
    assert [text[s:e] for s, e in sentences(text)] == [
        "Ik ging bijv. naar Spanje.", "Dat was duur!", "Echt?", "Ja, o.a. door de huur.", "Einde"]
    text = "Zie ondersteuningsmogelijkheden. Zie xxxxxxx(((((((bijv. Zie (bijv. dit"  # a long word ends in none
    assert [text[s:e] for s, e in sentences(text)] == [
        "Zie ondersteuningsmogelijkheden.", "Zie xxxxxxx(((((((bijv.", "Zie (bijv. dit"]


@given(st.text(alphabet="ab .!?\n", max_size=80))
def test_sentences_are_ordered_trimmed_and_cover_all_words(text):
    spans = sentences(text)
    for (_, e1), (s2, _) in zip(spans, spans[1:]):
        assert e1 <= s2
    for s, e in spans:
        assert s < e and text[s:e] == text[s:e].strip()
    assert "".join(text[s:e] for s, e in spans).replace(" ", "").replace("\n", "") == text.replace(" ", "").replace("\n", "")


word = st.one_of(st.sampled_from(["bijv", "o.a", "d.w.z", "z.g.a.n", "(bijv", "'o.a", "A", "j", "Spanje",
                                   "ondersteuningsmogelijkheden", "nietbijv", "xz.g.a.n", "é",
                                   "qqqqqqq(((((((bijv"]),
                 st.text(alphabet="qxyz.", min_size=1, max_size=14).filter(lambda w: not w.endswith(".")))


@given(st.lists(st.tuples(word, st.sampled_from([" ", ". ", ".\n", "! "])), min_size=1, max_size=12))
def test_a_sentence_ends_at_a_full_stop_except_after_an_abbreviation_or_an_initial(parts):
    """Built word by word, so each break is known: a full stop ends a sentence unless the word before it is a
    Dutch abbreviation or one letter (the brackets or quote before it aside), whatever its length (the other
    words, of q, x, y and z, are none)."""
    text, breaks = "", []
    for text_of_word, after in parts:
        text += text_of_word + after
        stem = text_of_word.lower().lstrip("(\"'")
        abbreviation = stem in {"bijv", "o.a", "d.w.z", "z.g.a.n"} or (len(stem) == 1 and stem.isalpha())
        if after != " " and not (after.startswith(".") and abbreviation):
            breaks.append(len(text) - len(after) + 1)
    ends = [e for _s, e in sentences(text)]
    assert [e for e in ends if e < len(text.rstrip())] == [b for b in breaks if b < len(text.rstrip())]


disjoint = st.lists(st.integers(0, 200), max_size=30, unique=True).map(sorted).map(
    lambda xs: [(a, b) for a, b in zip(xs[::2], xs[1::2])])


@given(disjoint, st.integers(0, 220), st.integers(1, 30))
def test_overlapping_agrees_with_brute_force(spans, start, length):
    end = start + length
    assert list(overlapping(spans, start, end)) == [i for i, (s, e) in enumerate(spans) if s < end and start < e]


def test_enclosing_and_trim():
    spans = [(0, 5), (7, 10), (12, 20)]
    assert enclosing(spans, 8, 13) == (7, 20)
    assert enclosing(spans, 5, 7) is None
    assert trim("  ab  ", 0, 6) == (2, 4)


def test_a_span_grows_and_shrinks_a_word_at_a_time_and_keeps_words_whole():
    from workbench.core.spans import reshaped

    text = "Nee. Mijn collega's zo'n beetje, echt niet."
    start = text.index("collega's")
    span = (start, start + len("collega's"))
    assert text[slice(*reshaped(text, *span, "end", 1, (0, len(text))))] == "collega's zo'n"
    assert text[slice(*reshaped(text, *span, "start", -1, (0, len(text))))] == "Mijn collega's"
    assert reshaped(text, *span, "end", -1, (0, len(text))) == span  # one word left: it stays
    assert reshaped(text, *span, "start", -1, (start, len(text))) == span  # the turn's start is the limit
    whole = (0, len(text))
    assert text[slice(*reshaped(text, *whole, "end", -1, whole))] == "Nee. Mijn collega's zo'n beetje, echt"


@given(st.text(alphabet="ab. \n'", max_size=40), st.data())
def test_a_reshaped_span_stays_inside_its_bounds_and_is_undone_by_the_opposite_step(text, data):
    from workbench.core.spans import _TOKEN, reshaped

    tokens = [m.span() for m in _TOKEN.finditer(text)]
    if not tokens:
        return
    first = data.draw(st.integers(0, len(tokens) - 1))
    last = data.draw(st.integers(first, len(tokens) - 1))
    span = (tokens[first][0], tokens[last][1])
    edge, step = data.draw(st.sampled_from(["start", "end"])), data.draw(st.sampled_from([-1, 1]))
    moved = reshaped(text, *span, edge, step, (0, len(text)))
    assert 0 <= moved[0] < moved[1] <= len(text)
    assert moved[0] in {s for s, _ in tokens} and moved[1] in {e for _, e in tokens}
    if moved != span:
        assert reshaped(text, *moved, edge, -step, (0, len(text))) == span


def test_a_suggested_span_widens_and_narrows_by_whole_sentences_inside_its_turn():
    from workbench.core.spans import widened

    text = "Intro. Het is duur. Ik wacht. Klaar! Daarna"
    turn = (text.index("Het"), text.index(" Daarna"))
    duur = (text.index("duur"), text.index("duur") + 4)
    assert text[slice(*widened(text, *duur, 1, turn))] == "Het is duur. Ik wacht."
    assert text[slice(*widened(text, *widened(text, *duur, 1, turn), 1, turn))] == "Het is duur. Ik wacht. Klaar!"
    last = (text.index("Klaar"), text.index("!") + 1)
    assert text[slice(*widened(text, *last, 1, turn))] == "Ik wacht. Klaar!"  # the turn's end: the one before
    assert text[slice(*widened(text, turn[0], turn[1], -1, turn))] == "Het is duur. Ik wacht."
    assert widened(text, *last, -1, turn) == last  # one sentence: it stays


TURN = ("Goed dat je het vraagt. Bij ons is studievertraging echt een probleem. Studenten gaan niet, "
        "want ze willen op tijd klaar zijn. Dat hoor ik elk jaar weer. En de kosten spelen mee.")


def test_a_report_quote_is_the_coded_sentence_widened_to_a_passage_of_whole_sentences():
    start = TURN.index("studievertraging")
    a, b = passage(TURN, start, start + len("studievertraging"), (0, len(TURN)), words=(20, 40))
    assert TURN[a:b] == ("Bij ons is studievertraging echt een probleem. Studenten gaan niet, want ze willen op tijd "
                         "klaar zijn. Dat hoor ik elk jaar weer.")
    assert passage(TURN, start, start + 5, (0, len(TURN)), words=(3, 40)) == (
        TURN.index("Bij ons"), TURN.index("Studenten") - 1)  # a sentence long enough already stays alone


def test_a_coding_too_long_to_quote_is_cut_to_the_sentences_that_carry_its_code():
    filler = "Dat weet ik niet zo goed, dat moet je aan een ander vragen denk ik. " * 8
    point = "Bij ons is studievertraging echt een groot probleem voor de studenten. "
    text = filler + point + filler
    at = text.index("studievertraging")
    a, b = passage(text, 0, len(text), (0, len(text)), hits=[(at, at + len("studievertraging"))])
    assert a <= at < b and len(text[a:b].split()) <= PASSAGE_WORDS[1] and text[a:b].endswith(".")
    a, b = passage(text, 0, len(text), (0, len(text)))  # no evidence: the first sentences that fit
    assert a == 0 and len(text[a:b].split()) <= PASSAGE_WORDS[1]


@given(st.lists(st.sampled_from(["Ja.", "Dat is zo.", "Bij ons is het echt een groot probleem.", "Nou,",
                                 "studenten willen op tijd klaar zijn en gaan daarom niet."]), min_size=1, max_size=12),
       st.data())
def test_a_passage_holds_its_coding_stays_in_its_turn_and_ends_on_sentences(parts, data):
    text = " ".join(parts)
    start = data.draw(st.integers(0, len(text) - 1))
    end = data.draw(st.integers(start + 1, len(text)))
    a, b = passage(text, start, end, (0, len(text)))
    ends = {e for _, e in sentences(text)} | {end}
    starts = {s for s, _ in sentences(text)} | {start}
    assert a in starts and b in ends and 0 <= a < b <= len(text)
    coded = len(text[start:end].split())
    longest = max(len(p.split()) for p in parts)
    if coded <= PASSAGE_WORDS[1]:  # the coding whole, with some sentences round it
        assert a <= start and end <= b
        assert len(text[a:b].split()) <= max(PASSAGE_WORDS[1], coded + 2 * longest)
    else:  # cut to sentences of it that fit
        first, last = sentences(text)[0][0], sentences(text)[-1][1]
        assert first <= a and b <= last and len(text[a:b].split()) <= max(PASSAGE_WORDS[1], longest)
