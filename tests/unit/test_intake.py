"""Every transcript source a researcher brings, in the exact shapes the tools write, read word for word.

Each file here is made as its tool writes it (SRT from WhisperX and subtitle editors, WebVTT from Zoom,
Meet and captioning services, Otter, Rev, AssemblyAI, Deepgram, Markdown exports); each is compared turn by
turn with what it says. A property test puts any text through every writer and reads it back."""

import os
import random
import time

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from tests.conftest import SAMPLE, docx_bytes
from workbench.errors import WorkbenchError
from workbench.transcripts import wordcheck
from workbench.transcripts.detect import parse_file
from workbench.transcripts.model import Fragment, RawTranscript

U = "(unknown)"  # the tests run in English


def read(tmp_path, name, content):
    path = tmp_path / name
    path.write_bytes(content if isinstance(content, bytes) else content.encode("utf-8"))
    return parse_file(path)


def turns(parsed):
    return [(t.speaker, parsed.text[t.start : t.end]) for t in parsed.turns]


class TestSrt:
    def test_cues_without_speakers_are_turns_with_their_times(self, tmp_path):
        """It was read as an old Teams .docx: each cue's text a speaker, the next number the text, 'Fine.' gone."""
        parsed = read(tmp_path, "a.srt", "1\n00:00:01,000 --> 00:00:02,000\nHello there.\n\n2\n00:00:02,000 --> "
                                         "00:00:03,000\nHi, how are you?\n\n3\n00:00:03,000 --> 00:00:04,000\nFine.\n")
        assert parsed.layout == "srt"
        assert turns(parsed) == [(U, "Hello there."), (U, "Hi, how are you?"), (U, "Fine.")]
        assert [(t.start_ms, t.end_ms) for t in parsed.turns] == [(1000, 2000), (2000, 3000), (3000, 4000)]

    def test_whisperx_speaker_prefixes_and_wrapped_lines(self, tmp_path):
        parsed = read(tmp_path, "w.srt", "1\n00:00:00,031 --> 00:00:04,512\n[SPEAKER_00]: Goedemorgen, fijn dat\nje er "
                                         "bent.\n\n2\n00:00:04,900 --> 00:00:06,000\n[SPEAKER_01]: Graag gedaan.\n\n3\n"
                                         "00:00:06,100 --> 00:00:07,000\n[SPEAKER_01]: Echt.\n")
        assert turns(parsed) == [("SPEAKER_00", "Goedemorgen, fijn dat je er bent."),
                                 ("SPEAKER_01", "Graag gedaan. Echt.")]

    def test_names_before_the_text_and_a_missing_blank_line(self, tmp_path):
        parsed = read(tmp_path, "n.srt", "1\r\n00:00:01,000 --> 00:00:02,000\r\nAnna: Waarom?\r\n2\r\n00:00:02,000 --> "
                                         "00:00:03,500\r\nBram: Omdat het moet.\r\n\r\n3\r\n00:00:04,000 --> "
                                         "00:00:05,000\r\nAnna: Goed.\r\n")
        assert turns(parsed) == [("Anna", "Waarom?"), ("Bram", "Omdat het moet."), ("Anna", "Goed.")]


    def test_a_cue_without_its_timing_line_is_a_turn_without_times(self, tmp_path):
        """(webvtt-py's missing_timeframe.srt) its number was kept as text of the cue before it."""
        parsed = read(tmp_path, "m.srt", "1\n00:00:00,500 --> 00:00:07,000\nCaption text #1\n\n2\nCaption text #2\n\n"
                                         "3\n00:00:11,890 --> 00:00:16,320\nCaption text #3\n")
        assert turns(parsed) == [(U, "Caption text #1"), (U, "Caption text #2"), (U, "Caption text #3")]
        assert [t.start_ms for t in parsed.turns] == [500, None, 11890]


class TestWebVtt:
    def test_a_line_of_spaces_does_not_end_a_cue_and_meet_initials_name_speakers(self, tmp_path):
        """Google Meet writes such lines; the rest of the cue was dropped, '(DB)' was no speaker."""
        parsed = read(tmp_path, "m.vtt", "WEBVTT\n\n00:00:01.000 --> 00:00:02.000\n(DF)\nfirst part\n-\n \n(DB)\n"
                                         "second part\n\n00:00:02.000 --> 00:00:03.000\nstill DB\n")
        assert parsed.layout == "meet-vtt"
        assert turns(parsed) == [("DF", "first part -"), ("DB", "second part still DB")]

    def test_inline_timestamps_classes_settings_notes_and_styles(self, tmp_path):
        vtt = ("WEBVTT - captions\nKind: captions\nLanguage: nl\n\nNOTE made by a captioning service,\nnot spoken\n\n"
               "STYLE\n::cue { color: yellow }\n\nintro\n00:00:01.000 --> 00:00:03.000 align:start position:10%\n"
               "<v.loud Anna de Vries>dit<00:00:01.500><c> werkt</c> <i>echt</i> &amp; goed</v>\n\n"
               "00:00:03.000 --> 00:00:04.000\n<v>zonder naam</v>\n\n"
               "00:00:04.000 --> 00:00:05.000\n<v Bram>een</v><v Anna de Vries>twee</v>\n")
        parsed = read(tmp_path, "c.vtt", vtt)
        assert turns(parsed) == [("Anna de Vries", "dit werkt echt & goed"), (U, "zonder naam"), ("Bram", "een"),
                                 ("Anna de Vries", "twee")]

    def test_a_timing_line_right_after_cue_text_starts_the_next_cue(self, tmp_path):
        parsed = read(tmp_path, "t.vtt", "WEBVTT\n\n00:00:01.000 --> 00:00:02.000\n<v A>een</v>\n00:00:02.000 --> "
                                         "00:00:03.000\n<v B>twee</v>\n")
        assert turns(parsed) == [("A", "een"), ("B", "twee")]
        assert parsed.turns[1].start_ms == 2000

    def test_cues_without_speakers_are_turns_with_their_times(self, tmp_path):
        """It was one turn of 13,000 words without a time."""
        cues = "".join(f"{n}\n00:00:0{n}.000 --> 00:00:0{n}.900\nzin nummer {n}\n\n" for n in range(1, 6))
        parsed = read(tmp_path, "p.vtt", "WEBVTT\n\n" + cues)
        assert parsed.layout == "webvtt"
        assert turns(parsed) == [(U, f"zin nummer {n}") for n in range(1, 6)]
        assert [t.start_ms for t in parsed.turns] == [1000, 2000, 3000, 4000, 5000]

    def test_zoom_names_its_speakers_before_the_text(self, tmp_path):
        parsed = read(tmp_path, "zoom.vtt", "WEBVTT\n\n1\n00:00:01.170 --> 00:00:03.990\nAnna de Vries: Goedemorgen.\n\n"
                                            "2\n00:00:04.200 --> 00:00:05.000\nBram Feddema: Hoi: alles goed?\n")
        assert parsed.layout == "zoom-vtt"
        assert turns(parsed) == [("Anna de Vries", "Goedemorgen."), ("Bram Feddema", "Hoi: alles goed?")]

    @pytest.mark.parametrize("timing", ["00:00:60.000 --> 00:01:02.000", "0:0:\u0661.0 --> 0:0:2.0",
                                        "00:00:01.000 -> 00:00:02.000 -->"])
    def test_a_timing_line_that_is_no_time_is_refused_in_one_line(self, tmp_path, timing):
        with pytest.raises(WorkbenchError, match=r"^.*b\.vtt: (line 3|not a time)"):
            read(tmp_path, "b.vtt", f"WEBVTT\n\n{timing}\n<v A>Hoi.</v>\n")


class TestTextLayouts:
    def test_otter_footer_is_metadata_and_its_markdown_bold_is_no_part_of_the_name(self, tmp_path):
        text = "Kelly Jansen  0:00\nGoedemorgen.\n\nTom Bakker  0:05\nHoi.\n\n\nTranscribed by https://otter.ai\n"
        parsed = read(tmp_path, "o.txt", text)
        assert parsed.layout == "otter" and turns(parsed) == [("Kelly Jansen", "Goedemorgen."), ("Tom Bakker", "Hoi.")]
        assert parsed.meta["footer"] == ["Transcribed by https://otter.ai"]
        parsed = read(tmp_path, "o.md", text.replace("Kelly Jansen", "**Kelly Jansen**").replace("Tom Bakker",
                                                                                                "**Tom Bakker**"))
        assert parsed.layout == "markdown" and turns(parsed) == [("Kelly Jansen", "Goedemorgen."),
                                                                 ("Tom Bakker", "Hoi.")]

    def test_headings_annotations_and_a_label_used_once(self, tmp_path):
        """A heading was added to the previous speaker, 'UNKNOWN: Yeah.' merged label and all into the previous
        turn, and 'Image description' became a speaker."""
        text = ("I: Eerste vraag?\n\nR: Antwoord een.\n\nPart two\n\nI: Tweede vraag?\n\nUNKNOWN: Yeah.\n\n"
                "R: Antwoord twee.\nImage description: a slide with a chart\n\nI: Derde?\n\n"
                "Image description: another slide\n\nR: Klaar.\n")
        assert turns(read(tmp_path, "v.txt", text)) == [
            ("I", "Eerste vraag?"), ("R", "Antwoord een."), (U, "Part two"), ("I", "Tweede vraag?"),
            ("UNKNOWN", "Yeah."), ("R", "Antwoord twee."), (U, "Image description: a slide with a chart"),
            ("I", "Derde?"), (U, "Image description: another slide"), ("R", "Klaar.")]

    def test_speech_that_holds_a_colon_stays_speech(self, tmp_path):
        parsed = read(tmp_path, "s.txt", "I: Wat zei ze?\nR1: Ze zei het zo.\nToen zei ik: ga maar.\nI: Goed.\n")
        assert turns(parsed) == [("I", "Wat zei ze?"), ("R1", "Ze zei het zo.\nToen zei ik: ga maar."), ("I", "Goed.")]

    @pytest.mark.parametrize("as_docx", [False, True])
    def test_rev_speaker_and_time_then_text(self, tmp_path, as_docx):
        lines = ["Speaker 1 (00:00:03):", "Goedemorgen allemaal.", "Speaker 2 (00:03:18):", "Dank je.",
                 "Meer tekst.", "Speaker 1 (01:02:17):", "Tot ziens."]
        parsed = (read(tmp_path, "r.docx", docx_bytes(lines)) if as_docx
                  else read(tmp_path, "r.txt", "\n\n".join(lines) + "\n"))
        assert parsed.layout == "rev"
        assert turns(parsed) == [("Speaker 1", "Goedemorgen allemaal."), ("Speaker 2", "Dank je.\nMeer tekst."),
                                 ("Speaker 1", "Tot ziens.")]
        assert [t.start_ms for t in parsed.turns] == [3000, 198000, 3737000]

    @pytest.mark.parametrize(("label_a", "label_b"), [("Speaker A", "Speaker B"), ("Speaker 0", "Speaker 1"),
                                                      ("[SPEAKER_00]", "[SPEAKER_01]")])
    def test_diarised_recogniser_text(self, tmp_path, label_a, label_b):
        parsed = read(tmp_path, "asr.txt", f"{label_a}: Hallo daar.\n\n{label_b}: Hoi.\n\n{label_a}: Tot zo.\n")
        assert parsed.layout == "asr-text"
        a, b = label_a.strip("[]"), label_b.strip("[]")
        assert turns(parsed) == [(a, "Hallo daar."), (b, "Hoi."), (a, "Tot zo.")]

    def test_timestamped_lines_without_speakers(self, tmp_path):
        parsed = read(tmp_path, "ts.txt", "Opname 3\n\n00:00:05 Eerste zin.\n[00:01:02] Tweede zin\nloopt door.\n"
                                          "[00:02:00.000 --> 00:02:05.000] Derde.\n")
        assert parsed.layout == "timestamped"
        assert turns(parsed) == [(U, "Eerste zin."), (U, "Tweede zin\nloopt door."), (U, "Derde.")]
        assert [(t.start_ms, t.end_ms) for t in parsed.turns] == [(5000, None), (62000, None), (120000, 125000)]
        assert parsed.meta["title"] == "Opname 3"

    @pytest.mark.parametrize("line_a, line_b", [
        ("**[00:03] SPEAKER_00:** Hallo daar.", "**[00:09] SPEAKER_01:** Hoi."),
        ("**Anna** [00:00:03] Hallo daar.", "**Bram** [00:00:09] Hoi."),
        ("**Anna:** Hallo daar.", "**Bram:** Hoi."),
    ])
    def test_markdown_bold_labels(self, tmp_path, line_a, line_b):
        parsed = read(tmp_path, "t.md", f"# Interview 4\n\n{line_a}\n\n## Deel 2\n\n{line_b}\n")
        assert parsed.layout == "markdown"
        speakers = [s for s, _ in turns(parsed)]
        assert [text for _, text in turns(parsed)] == ["Hallo daar.", "Deel 2", "Hoi."]
        assert speakers[1] == U and speakers[0] != U and speakers[2] != U
        assert parsed.meta["title"] == "# Interview 4"

    def test_a_transcript_of_one_labelled_speaker(self, tmp_path):
        """It was refused, the refusal asking for exactly the layout it has."""
        parsed = read(tmp_path, "mono.txt", "R1: Ik begin bij het begin.\n\nDaarna ging het snel.\n")
        assert turns(parsed) == [("R1", "Ik begin bij het begin.\nDaarna ging het snel.")]

    @pytest.mark.parametrize("as_docx", [False, True])
    def test_google_meet_document(self, tmp_path, as_docx):
        lines = ["Overleg pabo (2024-03-05 10:00 GMT+1) - Transcript", "Attendees", "Anna de Vries, Bram Feddema",
                 "Transcript", "This editable transcript was computer generated and might contain errors.",
                 "00:00:00", "Anna de Vries: Goedemorgen.", "Bram Feddema: Hoi Anna.", "00:05:00",
                 "Anna de Vries: Nog een vraag.", "Meeting ended after 00:31:12 👋"]
        parsed = (read(tmp_path, "meet.docx", docx_bytes(lines)) if as_docx
                  else read(tmp_path, "meet.txt", "\n".join(lines) + "\n"))
        assert parsed.layout == "meet-text"
        assert turns(parsed) == [("Anna de Vries", "Goedemorgen."), ("Bram Feddema", "Hoi Anna."),
                                 ("Anna de Vries", "Nog een vraag.")]
        assert parsed.turns[2].start_ms == 300_000
        assert parsed.meta["attendees"] == "Anna de Vries, Bram Feddema"
        assert parsed.meta["footer"] == ["Meeting ended after 00:31:12 👋"]


class TestEncodings:
    def test_windows_1252_is_read_and_said(self, tmp_path):
        parsed = read(tmp_path, "w.txt", "I: Hoe gaat het met café’s?\nR1: Goed, één keer per week – zeker.\n"
                                         .encode("cp1252"))
        assert turns(parsed) == [("I", "Hoe gaat het met café’s?"), ("R1", "Goed, één keer per week – zeker.")]
        assert parsed.meta["encoding"] == "windows-1252"

    def test_a_docx_named_txt_is_read_as_a_docx(self, tmp_path):
        parsed = read(tmp_path, "d.txt", docx_bytes(["Anouk   0:01", "Ja.", "Bram   0:02", "Nee."]))
        assert turns(parsed) == [("Anouk", "Ja."), ("Bram", "Nee.")]

    def test_a_strict_ooxml_docx_is_read(self, tmp_path):
        from tests.conftest import rezip

        data = rezip(docx_bytes(["Anouk   0:01", "Ja.", "Bram   0:02", "Nee."]), lambda name, content: content.replace(
            b"http://schemas.openxmlformats.org/wordprocessingml/2006/main",
            b"http://purl.oclc.org/ooxml/wordprocessingml/main") if name == "word/document.xml" else content)
        assert turns(read(tmp_path, "strict.docx", data)) == [("Anouk", "Ja."), ("Bram", "Nee.")]

    def test_a_huge_header_duration_is_a_header_line_not_a_number_to_store(self, tmp_path):
        """OverflowError storing it; 5,001 digits a ValueError of int conversion."""
        for digits in (30, 5001):
            parsed = read(tmp_path, "h.txt", f"Titel\n{'9' * digits}h\nAnna   0:01\nHoi.\nBram   0:02\nJa.\n")
            assert "duration_ms" not in parsed.meta or parsed.meta["duration_ms"] < 10**9
            assert parsed.meta["header"] == [f"{'9' * digits}h"]


class TestWordCheck:
    def test_a_layout_that_loses_a_word_is_refused_naming_how_many_and_where(self):
        lines = ["1", "00:00:01,000 --> 00:00:02,000", "Hello there.", "", "2", "00:00:02,000 --> 00:00:03,000",
                 "Fine, thanks.", ""]
        raw = RawTranscript("srt", [Fragment(U, "Hello there.")], apart=["1", "2"])
        with pytest.raises(WorkbenchError, match=r"^2 of 4 words would be lost \(the first at line 7, cue 2: 'Fine'\); "
                                                 r"read as srt$"):
            wordcheck.check(lines, raw, ["Hello there."])

    def test_the_third_of_three_copies_is_the_one_lost(self):
        loss = wordcheck.lost_words(["ja ja", "nee", "ja"], ["ja ja nee"], [], [])
        assert (loss.lost, loss.total, loss.line, loss.word) == (1, 4, 3, "ja")

    def test_timing_text_kept_as_speech_is_refused(self):
        raw = RawTranscript("x", [Fragment(U, "a")])
        with pytest.raises(WorkbenchError, match="timing text would be kept as speech in turn 1"):
            wordcheck.check(["00:00:01,000 --> 00:00:02,000", "a"], raw, ["a 00:00:01,000 --> 00:00:02,000"])


WORD = st.from_regex(r"[A-Za-zÀ-ÿ]{1,8}[.,!?]?", fullmatch=True)
SENTENCE = st.lists(WORD, min_size=1, max_size=8).map(" ".join)
SPEAKERS = ["Anna de Vries", "Bram", "Cor Jansen"]
SAID = st.lists(st.tuples(st.sampled_from(range(3)), SENTENCE), min_size=1, max_size=8)


def _clock(ms, comma=False):
    h, rest = divmod(ms // 1000, 3600)
    text = f"{h:02d}:{rest // 60:02d}:{rest % 60:02d}.{ms % 1000:03d}"
    return text.replace(".", ",") if comma else text


NAME = SPEAKERS.__getitem__
WRITERS = {  # how each tool writes turns (speaker index, text), and the speaker's label it gives (None: no speakers)
    "srt": (lambda said: "".join(f"{n}\n{_clock(n * 1000, True)} --> {_clock(n * 1000 + 900, True)}\n{text}\n\n"
                                 for n, (_, text) in enumerate(said, 1)), None),
    "srt-whisperx": (lambda said: "".join(f"{n}\n{_clock(n * 1000, True)} --> {_clock(n * 1000 + 900, True)}\n"
                                          f"[SPEAKER_0{who}]: {text}\n\n" for n, (who, text) in enumerate(said, 1)),
                     lambda who: f"SPEAKER_0{who}"),
    "vtt-voices": (lambda said: "WEBVTT\n\n" + "".join(f"{_clock(n * 1000)} --> {_clock(n * 1000 + 900)}\n"
                                                       f"<v {NAME(who)}>{text}</v>\n\n"
                                                       for n, (who, text) in enumerate(said, 1)), NAME),
    "vtt-zoom": (lambda said: "WEBVTT\n\n" + "".join(f"{n}\n{_clock(n * 1000)} --> {_clock(n * 1000 + 900)}\n"
                                                     f"{NAME(who)}: {text}\n\n"
                                                     for n, (who, text) in enumerate(said, 1)), NAME),
    "vtt-plain": (lambda said: "WEBVTT\n\n" + "".join(f"{_clock(n * 1000)} --> {_clock(n * 1000 + 900)}\n{text}\n\n"
                                                      for n, (_, text) in enumerate(said, 1)), None),
    "otter": (lambda said: "".join(f"{NAME(who)}  {n // 60}:{n % 60:02d}\n{text}\n\n"
                                   for n, (who, text) in enumerate(said, 1)) + "\nTranscribed by https://otter.ai\n",
              NAME),
    "rev": (lambda said: "".join(f"Speaker {who + 1} ({_clock(n * 1000)[:8]}):\n{text}\n\n"
                                 for n, (who, text) in enumerate(said, 1)), lambda who: f"Speaker {who + 1}"),
    "verbatim": (lambda said: "".join(f"[{_clock(n * 1000)[:8]}] R{who + 1}: {text}\n"
                                      for n, (who, text) in enumerate(said, 1)), lambda who: f"R{who + 1}"),
    "assemblyai": (lambda said: "".join(f"Speaker {'ABC'[who]}: {text}\n\n" for who, text in said),
                   lambda who: f"Speaker {'ABC'[who]}"),
    "markdown": (lambda said: "# Interview\n\n" + "".join(f"**{NAME(who)}:** {text}\n\n" for who, text in said),
                 NAME),
    "timestamped": (lambda said: "".join(f"[{_clock(n * 1000)[:8]}] {text}\n" for n, (_, text) in enumerate(said, 1)),
                    None),
}


def _expected(said, label):
    """The turns a reader should give: a speaker's consecutive lines are one turn; no speakers, a line a turn."""
    if label is None:
        return [(U, text.split()) for _, text in said]
    merged: list[tuple[int, list[str]]] = []
    for who, text in said:
        if merged and merged[-1][0] == who:
            merged[-1][1].extend(text.split())
        else:
            merged.append((who, text.split()))
    return [(label(who), words) for who, words in merged]


@pytest.mark.parametrize("writer", list(WRITERS))
@settings(max_examples=40, deadline=None)
@given(said=SAID)
def test_any_text_through_any_writer_comes_back_word_for_word(tmp_path_factory, writer, said):
    write, label = WRITERS[writer]
    parsed = read(tmp_path_factory.mktemp(writer), "t.md" if writer == "markdown" else "t.txt", write(said))
    assert [(speaker, text.split()) for speaker, text in turns(parsed)] == _expected(said, label)


FUZZ_CASES = int(os.environ.get("WORKBENCH_FUZZ_CASES", "150"))
INSERTS = ["١".encode(), b"9" * 5001, b"-->", b"\x00", b"<v ", b"&#99999999;", b"\r", b"00:00:99.000 --> 0:1",
           b"WEBVTT\n", b"NOTE\n", b"\xff\xfe", b"R1: ", b"**", b"\n \n"]


def _mutated(rng: random.Random, data: bytes, suffix: str) -> bytes:
    out = bytearray(data)
    kind = rng.randrange(5)
    if kind == 0:  # bytes flipped
        for _ in range(rng.randrange(1, 20)):
            out[rng.randrange(len(out))] = rng.randrange(256)
    elif kind == 1:  # cut short
        out = out[: rng.randrange(len(out))]
    elif kind == 2:  # a chunk said again
        at = rng.randrange(len(out))
        out[at:at] = out[at : at + rng.randrange(2000)] * rng.randrange(1, 5)
    elif kind == 3:  # something built to hurt put in
        at = rng.randrange(len(out))
        out[at:at] = rng.choice(INSERTS)
    elif suffix != ".docx":  # another encoding
        out = bytearray(bytes(out).decode("utf-8", "replace").encode(rng.choice(["utf-16", "utf-16-be", "cp1252"]),
                                                                       "replace"))
    return bytes(out)


def test_mutated_sample_files_are_read_or_refused_in_one_line(tmp_path):
    """A seeded mutation fuzzer over the sample study's transcripts (WORKBENCH_FUZZ_CASES for more): non-ASCII
    digits in a time, a huge number, NUL bytes, cut and repeated chunks gave tracebacks before."""
    rng = random.Random(20261203)
    files = sorted(p for p in SAMPLE.iterdir() if p.suffix in (".vtt", ".txt", ".docx"))
    for case in range(FUZZ_CASES):
        source = rng.choice(files)
        path = tmp_path / f"case-{case}{source.suffix}"
        path.write_bytes(_mutated(rng, source.read_bytes(), source.suffix))
        started = time.perf_counter()
        try:
            parsed = parse_file(path)
        except WorkbenchError as exc:
            assert "\n" not in str(exc), (source.name, str(exc))
        else:
            assert parsed.turns, source.name
        assert time.perf_counter() - started < 10, source.name
