"""What a REFI-QDA selection's positions count: code points, or NVivo's UTF-16 code units."""

from hypothesis import given
from hypothesis import strategies as st

from workbench.interop.positions import CODE_POINTS, UTF16, Selected, reading, utf16_to_code_points

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
