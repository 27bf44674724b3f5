import re

from hypothesis import given
from hypothesis import strategies as st

from workbench.core.codes import keyword_regex, normalise_colour, split_path
from workbench.core.matching import Matcher, TextIndex

TEXT = "Studievertraging? Ja, ze zijn bang voor STUDIEVERTRAGINGEN en het is te  duur. Te duurzaam."


def spans(matcher, text=TEXT):
    return [text[s:e] for s, e in matcher.find(TextIndex(text))]


def test_keywords_are_whole_words_case_insensitive_with_star_for_endings():
    assert spans(Matcher(["studievertraging"])) == ["Studievertraging"]
    assert spans(Matcher(["studievertraging*"])) == ["Studievertraging", "STUDIEVERTRAGINGEN"]
    assert spans(Matcher(["te duur"])) == ["te  duur"]
    assert spans(Matcher(["te duur*"])) == ["te  duur", "Te duurzaam"]


def test_patterns_and_odd_keywords():
    assert spans(Matcher(patterns=[r"bang\s+voor"])) == ["bang voor"]
    assert spans(Matcher(["@home"]), "internationalisering@home werkt") == ["@home"]


words = st.sampled_from(["studie", "studievertraging", "te", "duur", "geld", "Geld", "vriend", "vriendin"])


@given(st.lists(words, max_size=30), st.lists(words, min_size=1, max_size=2), st.booleans())
def test_index_finds_what_a_full_scan_finds(text_words, keyword_words, star):
    text = " ".join(text_words)
    keyword = " ".join(keyword_words) + ("*" if star else "")
    scan = [m.span() for m in re.finditer(keyword_regex(keyword), text, re.IGNORECASE)]
    found = list(Matcher([keyword]).find(TextIndex(text)))
    assert set(scan) <= set(found)
    assert all(re.compile(keyword_regex(keyword), re.IGNORECASE).fullmatch(text[s:e]) for s, e in found)


def test_paths_and_colours():
    assert split_path("Studenten > Belemmeringen::Studievertraging") == ["Studenten", "Belemmeringen", "Studievertraging"]
    assert normalise_colour("#ABC") == "#aabbcc"
