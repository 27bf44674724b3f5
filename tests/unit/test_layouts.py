"""One test group per transcript layout, through the same interface (parse_text/read_lines)."""

from hypothesis import given
from hypothesis import strategies as st

from tests.conftest import docx_bytes
from workbench.transcripts.detect import _parse, parse_text
from workbench.transcripts.reader import read_lines


def parse_docx(paragraphs):
    return _parse(read_lines(docx_bytes(paragraphs), ".docx")[0], "t", "0" * 64, "t.docx")


def turn_texts(parsed):
    return [(t.speaker, parsed.text[t.start : t.end]) for t in parsed.turns]


class TestTeamsDocx:
    def test_speaker_lines_and_paragraphs_make_turns(self):
        parsed = parse_docx([
            "Interview pabo 3", "20 oktober 2020, 10:02", "1h 2m 17s",
            "Anouk Brinkhorst heeft de transcriptie gestart",
            "Anouk Brinkhorst   0:03", "Goedemorgen.", "Fijn dat je er bent.",
            "Bram Feddema   0:15", "Dank je.",
            "Bram Feddema   1:02:17", "Nog één ding.",
            "Anouk Brinkhorst heeft de transcriptie gestopt",
        ])
        assert parsed.layout == "teams-docx"
        assert turn_texts(parsed) == [
            ("Anouk Brinkhorst", "Goedemorgen.\nFijn dat je er bent."),
            ("Bram Feddema", "Dank je.\nNog één ding."),
        ]
        assert [t.start_ms for t in parsed.turns] == [3000, 15000]
        assert parsed.meta["title"] == "Interview pabo 3"
        assert parsed.meta["date"] == "2020-10-20"
        assert parsed.meta["duration_ms"] == 3737000
        assert [e["event"] for e in parsed.meta["transcription_events"]] == ["started", "stopped"]

    def test_name_time_and_text_in_one_paragraph(self):
        parsed = parse_docx([
            ["October 20, 2020, 10:02AM"],
            ["Anouk Brinkhorst started transcription"],
            ["Anouk Brinkhorst   0:03", "Goedemorgen."],
            ["Bram Feddema   1:00:01", "Hallo.", "Tweede alinea."],
            ["Anouk Brinkhorst stopped transcription"],
        ])
        assert turn_texts(parsed) == [("Anouk Brinkhorst", "Goedemorgen."), ("Bram Feddema", "Hallo.\nTweede alinea.")]
        assert parsed.turns[1].start_ms == 3601000
        assert parsed.meta["date"] == "2020-10-20"
        assert parsed.meta["transcription_events"][0]["by"] == "Anouk Brinkhorst"

    def test_transcription_lines_never_become_turns(self):
        parsed = parse_text("Anouk   0:01\nHoi.\nAnouk heeft de transcriptie gestopt\nBram   0:05\nHoi.\n", "t")
        assert "transcriptie" not in parsed.text
        assert len(parsed.turns) == 2


class TestTeamsDocxLegacy:
    BLOCKS = ["0:0:0.0 --> 0:0:3.810", "Anouk Brinkhorst", "Goedemorgen allemaal.",
              "0:0:3.810 --> 0:0:9.120", "Anouk Brinkhorst", "Zullen we beginnen?",
              "0:0:9.120 --> 1:0:10.5", "Bram Feddema", "Ja, prima."]

    def test_separate_paragraphs(self):
        parsed = parse_docx(self.BLOCKS)
        assert parsed.layout == "teams-docx-legacy"
        assert turn_texts(parsed) == [("Anouk Brinkhorst", "Goedemorgen allemaal. Zullen we beginnen?"),
                                      ("Bram Feddema", "Ja, prima.")]
        assert (parsed.turns[0].start_ms, parsed.turns[0].end_ms) == (0, 9120)
        assert parsed.turns[1].end_ms == 3610500

    def test_one_paragraph_per_block(self):
        blocks = [self.BLOCKS[i : i + 3] for i in range(0, 9, 3)]
        assert turn_texts(parse_docx(blocks)) == turn_texts(parse_docx(self.BLOCKS))


VTT = """WEBVTT

3f2a9c1e-7b1d-4c55-9d7e-0a1b2c3d4e5f/12-0
00:00:03.120 --> 00:00:07.480
<v Bram Feddema>Nou, het is vooral zo dat
studenten bang zijn voor</v>

7c0b/13-0
00:00:05.000 --> 00:00:05.600
<v Anouk Brinkhorst>Hmm.</v>

3f2a9c1e-7b1d-4c55-9d7e-0a1b2c3d4e5f/12-1
00:00:07.480 --> 00:00:09.000
<v Bram Feddema>studievertraging.</v>

7c0b/14-0
01:00:10.000 --> 01:00:12.000
<v Anouk Brinkhorst>Dank je &amp; tot ziens.</v>
"""


class TestTeamsVtt:
    def test_wrapped_cues_of_one_utterance_stay_together(self):
        parsed = parse_text(VTT, "t")
        assert parsed.layout == "teams-vtt"
        assert turn_texts(parsed) == [
            ("Bram Feddema", "Nou, het is vooral zo dat studenten bang zijn voor studievertraging."),
            ("Anouk Brinkhorst", "Hmm. Dank je & tot ziens."),
        ]
        first = parsed.turns[0]
        assert first.cue_ids == ("3f2a9c1e-7b1d-4c55-9d7e-0a1b2c3d4e5f/12-0", "3f2a9c1e-7b1d-4c55-9d7e-0a1b2c3d4e5f/12-1")
        assert (first.start_ms, first.end_ms) == (3120, 9000)
        assert parsed.turns[1].end_ms == 3612000

    def test_utterances_are_sorted_by_start_time(self):
        swapped = VTT.replace("7c0b/14-0\n01:00:10.000", "7c0b/14-0\n00:00:01.000")
        parsed = parse_text(swapped, "t")
        assert parsed.turns[0].speaker == "Anouk Brinkhorst"
        assert parsed.text.startswith("Dank je")


class TestTeamsVttLegacy:
    def test_bom_crlf_and_unpadded_times(self):
        data = ("\ufeffWEBVTT\r\n\r\n0:0:0.0 --> 0:0:3.810\r\n<v Anouk Brinkhorst>Goedemorgen.</v>\r\n\r\n"
                "0:0:3.810 --> 0:0:13.370\r\n<v Bram Feddema>Goedemorgen,\r\nhoe gaat het?</v>\r\n").encode("utf-8")
        parsed = _parse(read_lines(data, ".vtt")[0], "t", "0" * 64, "t.vtt")
        assert parsed.layout == "teams-vtt-legacy"
        assert turn_texts(parsed) == [("Anouk Brinkhorst", "Goedemorgen."), ("Bram Feddema", "Goedemorgen, hoe gaat het?")]
        assert "\r" not in parsed.text and "\ufeff" not in parsed.text
        assert parsed.turns[1].end_ms == 13370


class TestVerbatim:
    def test_timestamps_labels_and_continuations(self):
        parsed = parse_text(
            "Transcriptie interview 17\nDatum: 12-01-2021\n\n"
            "[00:12:03] I: Wat vinden studenten ervan?\n"
            "[00:12:09] R1: Ze vinden het leuk: echt waar.\nMaar ze gaan niet.\n"
            "[01:02:00] R2: Dat klopt.\n", "t")
        assert parsed.layout == "verbatim"
        assert turn_texts(parsed) == [("I", "Wat vinden studenten ervan?"),
                                      ("R1", "Ze vinden het leuk: echt waar.\nMaar ze gaan niet."),
                                      ("R2", "Dat klopt.")]
        assert [t.start_ms for t in parsed.turns] == [723000, 729000, 3720000]
        assert parsed.meta["date"] == "2021-01-12"

    def test_names_as_labels_without_timestamps(self):
        parsed = parse_text(
            "Marieke: Hoe is het?\nJoost: Goed.\nDat betekent: niets.\nMarieke: Mooi.\nJoost: Ja.\n", "t")
        assert [t.speaker for t in parsed.turns] == ["Marieke", "Joost", "Marieke", "Joost"]
        assert parsed.text.split("\n\n")[1] == "Goed.\nDat betekent: niets."


@given(st.text(alphabet="abcdefghij ", min_size=1, max_size=12).map(str.strip).filter(bool),
       st.integers(min_value=0, max_value=20 * 3600))
def test_a_speaker_label_never_contains_a_timestamp(name, seconds):
    stamp = f"{seconds // 3600}:{seconds // 60 % 60:02d}:{seconds % 60:02d}" if seconds >= 3600 else f"{seconds // 60}:{seconds % 60:02d}"
    parsed = parse_text(f"{name}   {stamp}\nTekst.\nAnder   0:01\nMeer.\n", "t")
    assert parsed.turns[0].speaker == " ".join(name.split())
    assert parsed.turns[0].start_ms == seconds * 1000


def test_text_is_nfc_with_unix_line_ends():
    parsed = parse_text("Anouk   0:01\nZe zei: cafe\u0301.\r\nBram   0:02\r\nJa.\r\n", "t")
    assert "café" in parsed.text and "\r" not in parsed.text
