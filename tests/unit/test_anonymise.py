"""Masking names in quotes: whole names, their distinctive parts, any case, Dutch possessives."""

import pytest
from hypothesis import example, given
from hypothesis import strategies as st

from workbench.core.anonymise import Anonymiser, NameHider, _merged, _Names


def mask(text: str) -> str:
    """Built in each test (not at import), so mutation testing sees which tests run the masking."""
    return Anonymiser(["Tom van der Meer", "Chantal Bosgraaf", "Joris", "R05"], ["Hogeschool Windkust"])(text)


@pytest.mark.parametrize(("text", "masked"), [
    ("Tom van der Meer zei het.", "[naam] zei het."),
    ("Dat waren Bosgraafs studenten.", "Dat waren [naam] studenten."),
    ("Chantal's idee en Joris' collega", "[naam] idee en [naam] collega"),
    ("MEER weet het, bosgraaf ook", "[naam] weet het, bosgraaf ook"),  # a lower-case word is never masked
    ("tom van der meer belde", "[naam] belde"),  # a whole name is, in any case
    ("Bij Windkust doen ze dat.", "Bij [instelling] doen ze dat."),
    ("van der Meer", "van der [naam]"),  # the particles identify nobody
    ("R05 en de meerderheid", "R05 en de meerderheid"),  # labels are no names; no part of a word is masked
])
def test_names_in_any_case_and_possessive_are_masked(text, masked):
    assert mask(text) == masked


@given(st.text(alphabet="abcdefghijklmnopqrstuvwxyzBCJMT '’.,", max_size=60))
def test_same_length_masking_keeps_every_offset(text):
    same = Anonymiser(["Tom van der Meer", "Chantal Bosgraaf"], ["Hogeschool Windkust"]).same_length(text)
    assert len(same) == len(text) and all(a == b or b == "▒" for a, b in zip(text, same))


def hide(text: str) -> str:
    return NameHider({"Tom van der Meer", "Chantal Mostertman"}, frozenset({"meer", "van", "der"}))(text)


@pytest.mark.parametrize(("text", "hidden"), [
    ("Chantals studenten en MOSTERTMAN", "▒▒▒▒▒▒▒▒ studenten en ▒▒▒▒▒▒▒▒▒▒"),
    ("Ze willen meer. Meer tijd! Zei Meer dat?", "Ze willen meer. Meer tijd! Zei ▒▒▒▒ dat?"),
    ("tom van der meer belde", "▒▒▒ ▒▒▒ ▒▒▒ ▒▒▒▒ belde"),
    ("van der Heijden, de Meerwijk", "van der Heijden, de Meerwijk"),
])
def test_erasure_hides_the_name_and_nothing_else(text, hidden):
    assert hide(text) == hidden


@given(st.text(alphabet="abcdefghijklmnopqrstuvwxyzMTC '’.,!\n", max_size=80))
def test_hiding_keeps_length_and_changes_only_masked_characters(text):
    hidden = hide(text)
    assert len(hidden) == len(text)
    assert all(a == b or (b == "▒" and not a.isspace()) for a, b in zip(text, hidden))


def test_generic_words_of_a_name_and_labels_stay():
    text = "De hogeschool en de universiteit, zei de interviewer tegen R05 en I2."
    assert Anonymiser(["Hogeschool van Amsterdam", "R05", "I2", "Gast (Universiteit Utrecht)"], [])(text) == text


def test_a_transcript_name_with_a_real_name_is_masked_and_kept_apart():
    names = Anonymiser(["Tom van der Meer"], [])
    assert names.unique_name("gesprek met Tom", "1a2b3c4d-0000") == "gesprek met [naam] 1a2b3c4d"
    assert names.unique_name("interview-07", "1a2b3c4d-0000") == "interview-07"


def test_only_names_written_as_names_are_masked_never_words_or_halves_of_words():
    """In the sample study's report all 16 masks were false: 'in [instelling]-Afrika' (Zuid of Hogeschool
    Randstad-Zuid), 'vier [instelling]' (landen, of Universiteit Lage Landen)."""
    words = {"landen", "lage", "meer"}
    names = Anonymiser(["Dr. Tom van der Meer", "Mr. Jansen"], ["Hogeschool Randstad-Zuid", "Universiteit Lage Landen"],
                       common=words.__contains__)
    text = ("Ze gingen naar Zuid-Afrika en vier landen, een lage drempel. Meer tijd, zei Dr. Bosman; "
            "Mr. Smits en de Noord-Zuidlijn.")
    assert names(text) == text
    assert names("Bij Randstad-Zuid en de Universiteit Lage Landen zei Meer het, Jansen ook.") == (
        "Bij [instelling] en de [instelling] zei [naam] het, [naam] ook.")
    assert names("Zo gaat dat in de Lage Landen, zei Randstad.") == "Zo gaat dat in de Lage Landen, zei [instelling]."


REGISTERED = ["Chantal Bosgraaf", "Tom van der Meer", "Joris"]
NAME_FREE = st.text(alphabet="abcdefghiklnpqruvwxyzABDEFGHIKLNPQUVWXYZ '’.,-!?\n", max_size=80)


@given(NAME_FREE)
def test_a_text_without_a_registered_name_comes_out_character_for_character(text):
    names = Anonymiser(REGISTERED, ["Hogeschool Windkust"])
    assert names(text) == text and names.same_length(text) == text


@given(st.sampled_from(["Chantal Bosgraaf", "Bosgraaf", "Chantal", "Tom van der Meer", "Joris", "Windkust"]),
       st.sampled_from(["", "s", "'s", "’s", "'"]), st.sampled_from([str.upper, lambda w: w, str.lower]),
       NAME_FREE.filter(lambda t: not t.endswith(("-", "'", "’"))), st.sampled_from([" ", ", ", "\n"]))
def test_every_registered_name_as_a_name_comes_out_masked(name, possessive, case, before, gap):
    if case is str.lower and " " not in name:
        return  # a single word in lower case is a word: never masked
    text = f"{before}{gap}{case(name)}{possessive} zei het."
    masked, n = Anonymiser(REGISTERED, ["Hogeschool Windkust"]).masked_count(text)
    assert n >= 1 and case(name) not in masked


NAMES = ["Chantal Bosgraaf", "Tom van der Meer", "Joris", "Ánna Öztürk", "ΑΣ Σκορδα", "Jan-Peter Lier", "Meer"]
said = st.lists(st.one_of(st.sampled_from(NAMES + ["bosgraafs", "Bosgraafs", "MEER", "Meers", "Jan-Peterse", "-Joris", "ς",
                                                   "Ánnas", "van", "Chantal's", "joris", "ΑΣ", "σκορδα"]),
                          st.text(st.sampled_from("aAé ,.-'\n"), max_size=4)), max_size=14)


@given(said)
def test_names_are_looked_for_only_where_a_word_starts_and_found_as_a_scan_of_every_position_finds_them(words):
    """Thousands of registered names made a quote's masking a scan of every name at every position (15 s for
    the quotes of one code of a large study); now a name is tried only where a word starts that a name starts
    with: the same spans as the full scan."""
    text = " ".join(words)
    names = _Names(NAMES)
    scanned = [m.span() for pattern in (names.wholes, names.parts) for m in pattern.finditer(text)]
    assert names.spans(text, common=lambda word: False) == _merged(scanned)


@given(st.lists(st.one_of(st.sampled_from(NAMES + ["Windkust", "HOGESCHOOL windkust", "İsa", "İSA", "ΑΝΑΣ'Β", "ΣΚΟΡΔΑ",
                                                   "Joriss", "joris'", "Bosgraaf-Lier", "Öztürks"]),
                          st.text(st.sampled_from("aAéİΣσς ,.-'\n"), max_size=4)), max_size=14))
@example(["İsa"]).via("lowers to two characters")
@example(["ΑΝΑΣ'Β"]).via("lowered alone, a final ς")
def test_a_text_passed_over_at_a_glance_is_one_every_kind_of_name_passes_over(words):
    """Most quotes hold no word a name starts with: one look at the lowered text's words lets them through
    (7 µs a quote became about 1 µs); a text with a name's first word is read as before, kind by kind."""
    text = " ".join(words)
    names = Anonymiser(NAMES + ["İsa Kaya", "Ανας Λαμπρου"], ["Hogeschool Windkust", "Σκορδα Academie"])
    kinds = sorted((*span, placeholder) for found, placeholder in names._kinds
                   for span in found.spans(text, names._common))
    assert names._spans(text) == kinds
