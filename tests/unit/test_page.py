"""The coding view's page: exact offsets between what is shown and the canonical text."""

from datetime import datetime

import pytest
from hypothesis import given
from hypothesis import strategies as st

from workbench import i18n
from workbench.core.dto import CodingView, TurnView
from workbench.tui.page import TranscriptPage, code_colours, fold


@pytest.fixture(autouse=True)
def dutch(language):
    """Turn headers as a Dutch coder reads them."""
    i18n.use("nl")


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


long_texts = st.lists(st.text(alphabet="ab c.\n", min_size=1, max_size=80).map(str.strip).filter(bool),
                      min_size=1, max_size=4)


@given(long_texts, st.integers(4, 12), st.data())
def test_long_paragraphs_fold_into_short_lines_that_map_exactly(items, line, data):
    turns, canonical = build(items)
    page = TranscriptPage(turns, [], {}, line=line)
    turn = data.draw(st.sampled_from(turns))
    offset = data.draw(st.integers(turn.start, turn.end))
    shown = page.to_display(offset, is_end=offset == turn.end)
    assert page.to_canonical(shown) == offset
    if offset < turn.end:
        assert page.plain[shown] == canonical[offset]


@given(st.text(alphabet="ab c.\n", max_size=200), st.integers(2, 12))
def test_folding_only_breaks_lines(text, line):
    folded = fold(text, line)
    assert all(len(shown) <= line for shown in folded.text.split("\n"))
    assert len(folded.text) == len(folded.plain) == len(text) + len(folded.inserted)
    assert all(a == b or (a, b) == ("\n", " ") for a, b in zip(folded.text, folded.plain))
    put_in = {at + n for n, at in enumerate(folded.inserted)}
    assert all(folded.plain[at] == "\n" for at in put_in)
    assert "".join(c for at, c in enumerate(folded.plain) if at not in put_in) == text


@given(long_texts, st.integers(4, 12), st.data())
def test_folded_highlights_cover_exactly_the_coded_text(items, line, data):
    turns, canonical = build(items)
    start = data.draw(st.integers(0, len(canonical) - 1))
    end = data.draw(st.integers(start + 1, len(canonical)))
    page = TranscriptPage(turns, [coding(canonical, start, end)], {"A > B": "#ff0000"}, line=line)
    inserted = "".join(page.plain[h.start : h.end] for h in page.highlights())
    coded = "".join(canonical[max(start, t.start) : min(end, t.end)] for t in turns)
    assert inserted.replace("\n", "") == coded.replace("\n", "") and len(inserted) >= len(coded)


def test_a_long_paragraph_breaks_at_a_sentence_end_then_a_space_then_anywhere():
    assert fold("Dat klopt. Ja wel hoor", 12).text == "Dat klopt.\nJa wel hoor"
    folded = fold("abcdefghij", 4)
    assert (folded.text, folded.inserted) == ("abcd\nefgh\nij", [4, 8])
    assert fold("één twee\ndrie vier vijf", 9).text == "één twee\ndrie vier\nvijf"


def test_search_finds_words_across_a_folded_line_in_any_case():
    turns, _ = build(["Vraag?", "ik ben bang voor STUDIEVERTRAGING en voor geld"])
    page = TranscriptPage(turns, [], {}, line=20)
    assert "voor\nSTUDIEVERTRAGING" in page.text
    ((start, end),) = page.places("voor studievertraging")
    assert page.to_canonical(start) == turns[1].start + len("ik ben bang ")
    assert page.to_canonical(end) == turns[1].start + len("ik ben bang voor STUDIEVERTRAGING")
    assert len(page.places("VOOR")) == 2 and page.places("geen") == [] and page.places("") == []


def test_a_turn_that_asks_a_guide_question_says_which_and_its_answers_point_back():
    from dataclasses import replace

    turns, _ = build(["Hoe denkt jouw leidinggevende erover?", "Positief.", "Hmm.", "Ze steunt het."])
    turns = [replace(turns[0], asks="3"), replace(turns[1], answers="3"), turns[2], replace(turns[3], answers="3")]
    guide = {"3": "Hoe denkt jouw leidinggevende over internationalisering? " + "En verder " * 10}
    page = TranscriptPage(turns, [], {}, guide=guide)
    head = page.text.split("\n")[0]
    assert head.startswith("R00 · interviewer · 0:00 · vraag 3: Hoe denkt jouw leidinggevende over")
    assert head.endswith("…") and len(head.split("vraag 3: ")[1]) == 70
    assert page.header(1).endswith("· (vraag 3)") and "vraag" not in page.header(2)


def test_n_passes_turns_that_say_nothing_to_code():
    """`n` stopped on filler turns ("Ja, ja.": 7 presses to the next real answer)."""
    from workbench.core.suggest.pipeline import says_something

    said = ["Hoe gaat het?", "Ja, ja.", "En verder?", "Oké, hm.", "Nog iets?", "De werkdruk is hoog."]
    turns, _canonical = build(said)
    fillers = {t.index for t in turns if t.role == "respondent" and not says_something(t.text)}
    assert fillers == {1, 3}
    page = TranscriptPage(turns, [], {})
    assert page.next_uncoded(-1) == 1 and page.next_uncoded(-1, fillers) == 5
