"""Canonical text and turn offsets: every turn is exactly a span of the text."""

import re

from hypothesis import given
from hypothesis import strategies as st

from workbench.transcripts.assemble import TURN_SEPARATOR, assemble, clean, find_start
from workbench.transcripts.model import Fragment, RawTranscript

speakers = st.sampled_from(["Anouk", "Bram", "R1"])
texts = st.text(alphabet=st.characters(blacklist_categories=("Cs",)), max_size=40)
fragments = st.lists(
    st.builds(Fragment, speaker=speakers, text=texts, start_ms=st.integers(0, 10_000)), max_size=25
)


@given(fragments, st.sampled_from([" ", "\n"]), st.booleans())
def test_turns_are_exact_disjoint_spans_of_the_text(items, joiner, by_time):
    text, turns = assemble(RawTranscript("x", items, joiner=joiner, sort_by_time=by_time))
    previous_end = -len(TURN_SEPARATOR)
    for turn in turns:
        assert turn.start == previous_end + len(TURN_SEPARATOR)
        body = text[turn.start : turn.end]
        assert body and body == body.strip() and TURN_SEPARATOR not in body
        previous_end = turn.end
    assert previous_end == len(text) or not turns
    for a, b in zip(turns, turns[1:]):
        assert a.speaker != b.speaker


@given(fragments)
def test_no_speech_is_lost(items):
    text, _ = assemble(RawTranscript("x", items))
    kept = [clean(f.text) for f in items if f.text.strip()]
    assert "".join(text.split()) == "".join("".join(k.split()) for k in kept)


vocabulary = st.sampled_from(["ja", "j", "a", "ja,", "nee", "geld.", "Ja"])
gaps = st.sampled_from([" ", "  ", "\n", " \n ", "\t", "\u00a0", "\u2028", "\x1c"])
pieces = st.lists(st.tuples(vocabulary, gaps), max_size=20).map(lambda items: "".join(w + g for w, g in items))


@given(pieces, st.lists(st.tuples(vocabulary, gaps), min_size=1, max_size=8), pieces, st.integers(0, 40))
def test_a_turn_is_found_by_its_first_six_words_whatever_the_white_space_between_them(before, said, after, position):
    text = before + "".join(word + gap for word, gap in said) + after  # the words said, among others
    words = [word for word, _ in said]
    first = re.compile(r"\s+".join(map(re.escape, words[:6]))).search(text, position)  # what the words say
    assert find_start(" ".join(words), text, position) == (first.start() if first else None)
