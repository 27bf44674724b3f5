"""The coding view's page: exact offsets between what is shown and the canonical text."""

from datetime import datetime

from hypothesis import given
from hypothesis import strategies as st

from workbench.core.dto import CodingView, TurnView
from workbench.tui.page import TranscriptPage, code_colours


def build(texts, codings=()):
    turns, start = [], 0
    for i, text in enumerate(texts):
        role = "respondent" if i % 2 else "interviewer"
        turns.append(TurnView(i, f"R0{i % 2}", f"R0{i % 2}" if i % 2 else None, role, i * 1000, None,
                              start, start + len(text), text))
        start += len(text) + 2
    return turns, "\n\n".join(texts)


def coding(text, start, end, path="A > B"):
    return CodingView("g", "t", path, start, end, text[start:end], "c", "manual", None, datetime(2020, 1, 1))


texts = st.lists(st.text(alphabet="ab c.", min_size=1, max_size=30).map(str.strip).filter(bool), min_size=1, max_size=6)


@given(texts, st.data())
def test_offsets_map_both_ways_inside_turns(items, data):
    turns, canonical = build(items)
    page = TranscriptPage(turns, [], {})
    turn = data.draw(st.sampled_from(turns))
    offset = data.draw(st.integers(turn.start, turn.end))
    shown = page.to_display(offset, is_end=offset == turn.end)
    assert page.to_canonical(shown) == offset
    assert page.text[shown : shown + 1] == canonical[offset : offset + 1] or offset == turn.end


@given(texts, st.data())
def test_highlights_cover_exactly_the_coded_text(items, data):
    turns, canonical = build(items)
    start = data.draw(st.integers(0, len(canonical) - 1))
    end = data.draw(st.integers(start + 1, len(canonical)))
    page = TranscriptPage(turns, [coding(canonical, start, end)], {"A > B": "#ff0000"})
    shown = "".join(page.text[h.start : h.end] for h in page.highlights())
    assert shown == "".join(canonical[max(start, t.start) : min(end, t.end)] for t in turns)


def test_headers_show_speaker_role_time_and_codes():
    turns, canonical = build(["Vraag?", "Ik ben bang voor studievertraging."])
    page = TranscriptPage(turns, [coding(canonical, 8, 20, "Studenten > Studievertraging")], {})
    assert page.text.splitlines()[0] == "R00 · interviewer · 0:00"
    assert page.text.splitlines()[3] == "R01 · respondent · 0:01   [Studievertraging]"
    assert page.next_uncoded(-1) is None
    assert [c.code_path for c in page.codings_at(10)] == ["Studenten > Studievertraging"]


def test_colours_come_from_the_code_or_its_parents():
    colours = code_colours({"A": "#111111", "A > B": None, "A > C": "#222222", "D": None})
    assert colours["A > B"] == "#111111" and colours["A > C"] == "#222222" and colours["D"].startswith("#")


@given(texts, st.data())
def test_locations_are_rows_and_columns_of_the_display_text(items, data):
    page = TranscriptPage(build(items)[0], [], {})
    offset = data.draw(st.integers(0, len(page.text)))
    row, column = page.location(offset)
    lines = page.text.split("\n")
    assert sum(len(line) + 1 for line in lines[:row]) + column == offset and column <= len(lines[row])
    assert page.offset((row, column)) == offset
