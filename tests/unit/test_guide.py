"""The interview guide read from its three layouts, and questions found in speech (pure)."""

from pathlib import Path

import docx
import pytest

from workbench.core.guide import codes_for_question
from workbench.core.guide_align import SpokenTurn, align, respondent_questions
from workbench.errors import WorkbenchError
from workbench.transcripts.guide_file import read_guide

GUIDE_FILE = Path(__file__).resolve().parents[2] / "codebook" / "interview-guide.md"  # a copy of the study's guide


def test_the_studys_guide_in_markdown():
    guide = read_guide(GUIDE_FILE)
    ids = [q.id for q in guide.questions]
    assert ids == ["a", "b", "c", *map(str, range(1, 27)), "afsluiting"]
    assert [p.number for p in guide.parts] == [1, 2, 3, 4, 5, 6, 7]  # 'Slotvragen' has no number: the next
    assert next(q for q in guide.questions if q.id == "16").part == 6
    assert guide.parts[1].title == "Beelden van internationalisering bij collega's en management"


def test_yaml_and_docx_guides(tmp_path):
    (tmp_path / "guide.yaml").write_text(
        "parts:\n- number: 6\n  title: Erasmus+\n  theme: Erasmus+\n  questions:\n"
        "  - id: 16\n    text: Doet de opleiding een beroep op Erasmus+ middelen?\n", encoding="utf-8")
    guide = read_guide(tmp_path / "guide.yaml")
    assert guide.questions[0].id == "16" and guide.parts[0].theme == "Erasmus+"
    document = docx.Document()
    document.add_heading("Interviewleidraad", 0)
    document.add_heading("Deel 1 — Introductie", 1)
    document.add_paragraph("Wat is je functie?", style="List Number")  # numbered by Word, not in the text
    document.add_paragraph("Heb je uren voor internationalisering?", style="List Number")
    document.add_heading("Deel 2 — Beelden", 1)
    document.add_paragraph("3. Hoe denkt je leidinggevende erover?")
    document.save(tmp_path / "guide.docx")
    guide = read_guide(tmp_path / "guide.docx")
    assert [(q.id, q.part) for q in guide.questions] == [("1", 1), ("2", 1), ("3", 2)]


@pytest.mark.parametrize("name, text, words", [
    ("guide.md", "# Gids\n\n1. Een vraag?\n", "before the first part heading"),
    ("guide.md", "## Deel 1 — A\n1. Een vraag?\n1. Nog een?\n", "question 1 appears twice"),
    ("guide.md", "## Deel 1 — A\nGeen vragen hier.\n", "no questions found"),
    ("guide.yaml", "parts: &a\n- *a\n", "cycle"),  # what the codebook reader refuses, refused here too
    ("guide.yaml", "parts:\n- title: A\n  questions:\n  - text: zonder id\n", "each question needs an id"),
])
def test_a_guide_that_is_wrong_is_one_line(tmp_path, name, text, words):
    (tmp_path / name).write_text(text, encoding="utf-8")
    with pytest.raises(WorkbenchError, match=words):
        read_guide(tmp_path / name)


def words(text: str) -> set[str]:
    """Lemmas enough for these tests: lower-case words without the Dutch function words used here."""
    return {w.strip("?,.").lower() for w in text.split()} - {"je", "de", "het", "een", "over", "daar", "kun",
                                                             "wat", "hoe", "van", "is", "er", "dan", "nog"}


GUIDE = read_guide(GUIDE_FILE).questions


def test_preamble_split_question_and_probes():
    """'Hmm.' before a question and a preamble turn of its own are one asking, linked at the question's
    turn; a probe is no question; respondents' turns belong to the last question asked."""
    turns = [
        SpokenTurn(0, "interviewer", "Hmm."),
        SpokenTurn(1, "interviewer", "Hoe denkt jouw leidinggevende over internationalisering?"),
        SpokenTurn(2, "respondent", "Positief."),
        SpokenTurn(3, "interviewer", "Kun je daar een voorbeeld van geven?"),
        SpokenTurn(4, "respondent", "Ja."),
        SpokenTurn(5, "interviewer", "Dan iets anders."),
        SpokenTurn(6, "interviewer", "Wat ervaar je als grootste belemmering om deel te nemen aan Erasmus+?"),
        SpokenTurn(7, "respondent", "De administratie."),
    ]
    found = align(turns, GUIDE, words)
    assert [(f.question, f.turn) for f in found] == [("3", 1), ("21", 6)]
    assert "leidinggevende" in found[0].evidence
    assert respondent_questions(turns, found) == {2: "3", 4: "3", 7: "21"}


def test_the_codes_of_a_question_nearest_first():
    from workbench.core.dto import CodeView

    def code(path, guide=(), codable=True):
        return CodeView("g", path, path.split(" > ")[-1], path.count(" > "), "", None, (), (), codable, 0, guide)

    book = [code("Erasmus+", ("16", "21"), codable=False), code("Erasmus+ > Gebruik"),
            code("Erasmus+ > Belemmeringen", ("21",), codable=False), code("Erasmus+ > Belemmeringen > Administratie"),
            code("Erasmus+ > Aanraden", ("22",)), code("Studenten > Houding", ("11",))]
    assert codes_for_question(book, "21") == ["Erasmus+ > Belemmeringen > Administratie", "Erasmus+ > Gebruik",
                                              "Erasmus+ > Aanraden"]
    assert codes_for_question(book, "22") == ["Erasmus+ > Aanraden"]
    assert codes_for_question(book, "5") == []


def test_a_guide_saved_by_notepad_or_built_to_hurt(tmp_path):
    """Word and Notepad save UTF-16 with a byte-order mark: read as any transcript is; a file far larger
    than any guide is refused in one line before it is read; a .docx zip bomb is refused as a transcript's."""
    (tmp_path / "utf16.md").write_bytes(GUIDE_FILE.read_text(encoding="utf-8").encode("utf-16"))
    assert len(read_guide(tmp_path / "utf16.md").questions) == 30
    with (tmp_path / "huge.md").open("wb") as handle:
        handle.truncate(50_000_000)
    with pytest.raises(WorkbenchError, match="too large for an interview guide"):
        read_guide(tmp_path / "huge.md")
    import zipfile
    with zipfile.ZipFile(tmp_path / "bomb.docx", "w", zipfile.ZIP_DEFLATED) as bomb:
        bomb.writestr("word/document.xml", b"<" + b" " * 150_000_000 + b"/>")
    with pytest.raises(WorkbenchError, match="zip bomb"):
        read_guide(tmp_path / "bomb.docx")
