"""Offsets between canonical text and exchanged source text."""

from hypothesis import given, settings
from hypothesis import strategies as st

from workbench.transcripts.detect import parse_source, parse_text
from workbench.transcripts.source_text import ExportText, SourceMap, SpeakerTurn, crlf_map

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
    if parsed.text[start:end].strip():
        assert mapped is not None
        assert " ".join(parsed.text[mapped[0]:mapped[1]].split()) == " ".join(export.text[s:e].split()) or \
            "\n\n" in parsed.text[start:end]


@given(st.text(alphabet="ab\r\n", max_size=40), st.booleans(), st.data())
def test_crlf_offsets_point_at_the_same_characters(raw, bom, data):
    raw = ("\ufeff" if bom else "") + raw
    text, convert = crlf_map(raw)
    body = raw[1:] if bom else raw
    assert text == body.replace("\r\n", "\n").replace("\r", "\n")
    for offset in range(1 if bom else 0, len(raw)):
        if raw[offset] != "\r":
            expected = raw[offset] if raw[offset] != "\n" else "\n"
            assert text[convert(offset)] == expected


def test_plain_text_without_speakers_becomes_one_unknown_speaker():
    parsed = parse_source("Een memo zonder sprekers.\n\nTweede alinea.", "memo")
    assert parsed.layout == "plain" and [t.speaker for t in parsed.turns] == ["(onbekend)"]
