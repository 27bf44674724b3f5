"""Offsets between canonical text and exchanged source text."""

import re
import unicodedata
from collections import Counter

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from workbench.transcripts.detect import parse_source, parse_text
from workbench.transcripts.labels import unknown_speaker
from workbench.transcripts.source_text import ExportText, SourceMap, SpeakerTurn, clean_map

words = st.sampled_from(["ja", "studievertraging", "te", "duur", "Nou,", "echt.", "geld", "bang", "collega's"])
turn_texts = st.lists(st.lists(words, min_size=1, max_size=12).map(" ".join), min_size=1, max_size=8)


def transcript(texts):
    lines = []
    for i, text in enumerate(texts):
        lines += [f"{'Anouk' if i % 2 == 0 else 'Bram'}   0:{i:02d}", text]
    return parse_text("\n".join(lines) + "\n", "t")


@settings(max_examples=300)
@given(turn_texts, st.booleans(), st.data())
def test_export_text_reimports_to_the_same_text_and_spans(texts, timed, data):
    parsed = transcript(texts)
    export = ExportText(parsed.text, [SpeakerTurn(f"R{i % 2}", t.start_ms if timed else None, t.start, t.end)
                                      for i, t in enumerate(parsed.turns)])
    again = parse_text(export.text, "again")
    assert again.text == parsed.text
    start = data.draw(st.integers(0, len(parsed.text) - 1))
    end = data.draw(st.integers(start + 1, len(parsed.text)))
    s, e = export.offset(start), export.offset(end, is_end=True)
    mapped = SourceMap(export.text, again).span(s, e)
    # what comes back: the span, with a start between two turns moved to the next turn, an end to the last one
    turns = parsed.turns
    first = next((t.start for t in turns if t.end > start), None)
    last = next((t.end for t in reversed(turns) if t.start < end), None)
    expected = (max(start, first), min(end, last)) if first is not None and last is not None else None
    if expected is None or expected[0] >= expected[1] or not parsed.text[expected[0]:expected[1]].strip():
        assert mapped is None or not parsed.text[mapped[0]:mapped[1]].strip()
    else:
        assert mapped == expected


@given(st.text(alphabet="ab\r\n", max_size=40), st.booleans(), st.data())
def test_crlf_offsets_point_at_the_same_characters(raw, bom, data):
    raw = ("\ufeff" if bom else "") + raw
    text, convert = clean_map(raw)
    body = raw[1:] if bom else raw
    assert text == body.replace("\r\n", "\n").replace("\r", "\n")
    for offset in range(1 if bom else 0, len(raw)):  # a CR, LF or CRLF is the one line end it became
        assert text[convert(offset)] == ("\n" if raw[offset] in "\r\n" else raw[offset])
        if raw[offset : offset + 2] == "\r\n":
            assert convert(offset) == convert(offset + 1)
    assert convert(len(raw)) == len(text) and convert(0) == 0



@given(st.lists(st.sampled_from(["a", "e", "e\u0301", "\u0301", "\u00e9", "\r\n", "\r", "\n", " ", "\u2028"]),
                max_size=30).map("".join))
def test_accents_are_composed_and_line_ends_made_one_wherever_they_stand(raw):
    text, convert = clean_map(raw)
    assert unicodedata.is_normalized("NFC", text) and not {"\r", "\u2028"} & set(text)
    line_ends_made_one = raw.replace("\r\n", "\n").replace("\r", "\n").replace("\u2028", "\n")
    assert unicodedata.normalize("NFD", text) == unicodedata.normalize("NFD", line_ends_made_one)  # nothing else
    for offset in (i for i, c in enumerate(raw) if c == " "):
        assert text[convert(offset)] == " "


def test_plain_text_without_speakers_is_a_document_of_paragraphs():
    parsed = parse_source("Een memo zonder sprekers.\n\nTweede alinea.\nNog een regel.", "memo")
    assert parsed.layout == "plain" and [t.speaker for t in parsed.turns] == [unknown_speaker()] * 2
    assert parsed.text == "Een memo zonder sprekers.\n\nTweede alinea.\nNog een regel."


def test_an_article_with_label_lines_is_a_document_and_keeps_every_word():
    article = ("Onderwijs in beweging\nEen artikel over lerarenopleidingen. Het gaat over studievertraging.\n\n"
               "Tweede alinea over de stage.\nAuteur: Dewi Jansen\nBron: Tijdschrift\nAuteur: Dewi Jansen\n"
               "Slot: dit is het einde.\n")
    parsed = parse_source(article, "artikel")
    assert parsed.layout == "plain" and parsed.text.split() == article.split()


def test_text_before_the_first_speaker_is_a_turn_of_its_own():
    text = ("Interview 07\nOctober 17, 2020, 10:07AM\nLotte started transcription\n\nLotte   0:03\nHoe gaat het met "
            "je studie?\n\nBram   0:09\nGoed hoor, alleen de stage kost veel tijd.\n")
    parsed = parse_source(text, "b")
    assert [t.speaker for t in parsed.turns] == [unknown_speaker(), "Lotte", "Bram"]
    assert parsed.text.split("\n\n")[0] == "Interview 07\nOctober 17, 2020, 10:07AM\nLotte started transcription"
    assert parsed.meta["date"] == "2020-10-17"


@settings(max_examples=300)
@given(st.lists(st.sampled_from(["Anouk:", "R1:", "Auteur:", "ja", "nee", "studie", "0:03", "Bram   0:05", "\n", "\n\n",
                                 "Titel", "."]), min_size=1, max_size=40).map(" ".join))
def test_no_word_of_an_exchanged_source_is_lost(text):
    if not text.strip():
        return
    parsed = parse_source(text, "t")
    def words(value):
        return Counter(w.strip(":.") for w in value.split() if any(c.isalpha() for c in w))
    labels = {w for turn in parsed.turns for w in words(turn.speaker)}  # speaker labels are the turns themselves
    assert not set(words(text) - words(parsed.text)) - labels


SPACED = ("Anouk   0:01\nJa,  ik ben  bang voor   studievertraging en ook voor het geld.\n\n"
          "Bram   0:05\nNee, \u200bgeen geld. Wel café en privé.\n")


def imported(raw):
    text, convert = clean_map(raw)
    parsed = parse_source(text, "t")
    return parsed, SourceMap(text, parsed), convert


@pytest.mark.parametrize("raw", [SPACED, SPACED.replace("\n", "\r\n"), "\ufeff" + unicodedata.normalize("NFD", SPACED)])
@pytest.mark.parametrize("words", ["studievertraging en ook voor het geld", "bang", "geld.", "café en privé", "Ja,"])
def test_a_selection_after_collapsed_spaces_or_composed_letters_lands_on_its_own_words(raw, words):
    parsed, mapping, convert = imported(raw)
    source_words = unicodedata.normalize("NFD", words) if unicodedata.is_normalized("NFD", raw) and "é" in words \
        else words
    start = raw.rindex(source_words)  # the last copy ('geld.' is in both turns)
    span = mapping.span(convert(start), convert(start + len(source_words)))
    assert span is not None and parsed.text[span[0] : span[1]] == words
    assert span[0] == parsed.text.rindex(words)


@settings(max_examples=200)
@given(st.lists(st.tuples(words, st.sampled_from([" ", "  ", "   ", " \n", "\n  ", "\t", " \u200b"])),
                min_size=2, max_size=40), st.data())  # past 64 characters: stretches compared at once
def test_every_word_lands_on_itself_whatever_the_spaces_around_it(items, data):
    body = "".join(word + space for word, space in items).strip()
    raw = f"Anouk   0:01\n{body}\n\nBram   0:05\nNee.\n"
    parsed, mapping, convert = imported(raw)
    n = data.draw(st.integers(0, len(items) - 1))
    source_at = [m.start() for m in re.finditer(r"[^\s\u200b]+", raw[raw.index(body):])][n] + raw.index(body)
    canonical_at = [m.start() for m in re.finditer(r"\S+", parsed.text)][n]
    word = items[n][0]
    assert mapping.span(convert(source_at), convert(source_at + len(word))) == (canonical_at, canonical_at + len(word))


def test_selections_in_merged_turns_and_across_a_three_word_speaker_line_land_on_their_words():
    raw = ("Anouk   0:01\nJa.\n\nAnouk   0:03\nNee, geen geld.\n\nBram de Vries   0:05\nGeld is het niet, nee.\n\n"
           "Anouk   0:09\nEn geld dan?\n")
    parsed, mapping, convert = imported(raw)
    assert parsed.text == "Ja.\nNee, geen geld.\n\nGeld is het niet, nee.\n\nEn geld dan?"

    def mapped(words, nth=0):
        at = [i for i in range(len(raw)) if raw.startswith(words, i)][nth]
        span = mapping.span(convert(at), convert(at + len(words)))
        return span and (span[0], parsed.text[span[0] : span[1]])

    assert mapped("geld") == (14, "geld") and mapped("geld", 1) == (parsed.text.rindex("geld"), "geld")
    assert mapped("Geld is") == (parsed.text.index("Geld is"), "Geld is")
    assert mapped("geen geld.\n\nBram de Vries   0:05\nGeld is") == (9, "geen geld.\n\nGeld is")
    assert mapped("Ja.\n\nAnouk   0:03\nNee") == (0, "Ja.\nNee")
    assert mapped("\n\nAnouk   0:09\n") is None


@pytest.mark.parametrize(("line_end", "past"), [("\r\n", 0), ("\r\n", 1), ("\r\n", 2), ("\n", 0), ("\n", 1),
                                               ("\r", 0), ("\r", 1)])
def test_a_selection_ending_at_or_after_a_line_end_keeps_its_last_character(line_end, past):
    """past: how much of the line end the selection takes (NVivo and MAXQDA end a paragraph's selection after it)."""
    raw = f"Anouk   0:01{line_end}Waarom?{line_end}{line_end}Bram   0:05{line_end}Ik ben bang voor studievertraging.{line_end}En geld.{line_end}"
    parsed, mapping, convert = imported(raw)
    start = raw.index("studievertraging")
    end = min(raw.index("studievertraging.") + len("studievertraging.") + past, len(raw))
    span = mapping.span(convert(start), convert(end))
    assert parsed.text[span[0] : span[1]].rstrip() == "studievertraging."
