"""What a REFI-QDA selection's positions count: code points, or NVivo's UTF-16 code units."""

from hypothesis import given
from hypothesis import strategies as st

from workbench.interop.positions import (
    CODE_POINTS,
    UTF16,
    Selected,
    _edge,
    _fit,
    _same,
    reading,
    utf16_to_code_points,
)

TEXT = "Ik vond het 😀 leuk 👍🏽 maar de studievertraging 😬 was zwaar. Geld ook."


def utf16(text, at):
    return len(text[:at].encode("utf-16-le")) // 2


def selections(text, words, convert=lambda text, at: at, named=False):
    found = []
    for word in words:
        start = text.index(word)
        found.append(Selected(convert(text, start), convert(text, start + len(word)), word[:10] if named else ""))
    return found


@given(st.text(alphabet="ab 😀👍é", max_size=30), st.data())
def test_utf16_positions_convert_to_code_points(text, data):
    at = data.draw(st.integers(0, len(text)))
    assert utf16_to_code_points(text)(utf16(text, at)) == at


def test_nvivo_positions_are_read_as_utf16_and_standard_ones_as_code_points():
    words = ["studievertraging", "zwaar", "Geld ook"]
    assert reading(TEXT, selections(TEXT, words, utf16))[0] == UTF16
    assert reading(TEXT, selections(TEXT, words))[0] == CODE_POINTS
    assert reading(TEXT, selections(TEXT, ["leuk"], utf16), writer="NVivo 14")[0] == UTF16  # word edges either way
    name, convert = reading(TEXT, selections(TEXT, words, utf16, named=True))
    start = TEXT.index("studievertraging")
    assert name == UTF16 and convert(utf16(TEXT, start)) == start


def test_without_characters_beyond_the_basic_plane_both_readings_are_one():
    text = "Geen emoji hier, alleen é en ñ."
    name, convert = reading(text, selections(text, ["emoji"]), writer="NVivo")
    assert name == CODE_POINTS and convert(5) == 5


def test_a_reading_that_puts_selections_outside_the_text_loses():
    text = "😀" * 5 + " ja"
    assert reading(text, [Selected(6, 8)])[0] == CODE_POINTS  # as UTF-16 that is inside the emoji: no word edges
    assert reading(text, [Selected(11, 13)])[0] == UTF16  # as code points: outside the text


def test_word_edges_and_scores():
    assert [at for at in range(7) if _edge("ja nee", at)] == [0, 2, 3, 6]
    assert not _edge("", 0) and not _edge(" a ", 0) and _edge("a", 1) and not _edge("ab", 1)
    text = "Ja, studievertraging. Geld."
    assert _fit(text, [Selected(4, 20)], _same) == 2
    assert _fit(text, [Selected(4, 20, "studieverâ")], _same) == 2  # a name that is not its text: no bonus
    assert _fit(text, [Selected(4, 20, "studievert…")], _same) == 4  # a name cut short with an ellipsis
    assert _fit(text, [Selected(4, 20, "st")], _same) == 2  # too short to tell
    assert _fit(text, [Selected(0, 3, "Ja,")], _same) == 3  # from the very start, a name of three
    assert _fit(text, [Selected(5, 20)], _same) == 1 and _fit(text, [Selected(5, 21)], _same) == 0
    assert _fit(text, [Selected(40, 44), Selected(22, 26)], _same) == 0  # outside: -2, and the next still counts
    assert _fit(text, [Selected(0, 0), Selected(3, 3)], _same) == -4  # empty selections are no spans


def test_the_basic_plane_ends_at_u_ffff():
    assert utf16_to_code_points("\uffffa")(1) == 1 and utf16_to_code_points("\U00010000a")(2) == 1
    assert reading("\uffff ja", [Selected(2, 4)], writer="NVivo")[0] == CODE_POINTS
    assert reading("\U00010000 ja", [Selected(3, 5)])[0] == UTF16


def test_a_tie_goes_to_the_standard_unless_nvivo_wrote_it():
    text = "😀 ja nee"
    assert reading(text, [Selected(5, 8)], writer="NVivo")[0] == CODE_POINTS  # 'nee' as written beats ' ne'
    even = [Selected(2, 4), Selected(3, 6)]  # as written 'ja' and 'a n', as UTF-16 ' j' and 'ja ': 2 edges each
    assert _fit(text, even, _same) == _fit(text, even, utf16_to_code_points(text))
    assert reading(text, even)[0] == CODE_POINTS and reading(text, even, writer="NVivo 14 (Windows)")[0] == UTF16
