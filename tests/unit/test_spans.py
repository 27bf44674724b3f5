from hypothesis import given
from hypothesis import strategies as st

from workbench.core.spans import enclosing, overlapping, sentences, trim


def test_dutch_sentences_and_abbreviations():
    text = "Ik ging bijv. naar Spanje. Dat was duur! Echt? Ja, o.a. door de huur.  Einde"
    assert [text[s:e] for s, e in sentences(text)] == [
        "Ik ging bijv. naar Spanje.", "Dat was duur!", "Echt?", "Ja, o.a. door de huur.", "Einde"]


@given(st.text(alphabet="ab .!?\n", max_size=80))
def test_sentences_are_ordered_trimmed_and_cover_all_words(text):
    spans = sentences(text)
    for (_, e1), (s2, _) in zip(spans, spans[1:]):
        assert e1 <= s2
    for s, e in spans:
        assert s < e and text[s:e] == text[s:e].strip()
    assert "".join(text[s:e] for s, e in spans).replace(" ", "").replace("\n", "") == text.replace(" ", "").replace("\n", "")


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
