"""Bad files give one clear message; odd encodings are read."""

import codecs

import pytest

from tests.conftest import docx_bytes, rezip, with_entity
from workbench.errors import WorkbenchError
from workbench.transcripts.detect import _parse
from workbench.transcripts.reader import read_lines

TEXT = "Anouk   0:01\nGoedemorgen, één vraag.\nBram   0:05\nJa.\n"


def parse_bytes(data, suffix):
    read = read_lines(data, suffix)
    return _parse(read.lines, "t", "0" * 64, f"t{suffix}", read.dropped)


@pytest.mark.parametrize(
    "data",
    [TEXT.encode("utf-8"), codecs.BOM_UTF8 + TEXT.encode("utf-8"), TEXT.encode("utf-16"),
     TEXT.encode("utf-16-le"), TEXT.encode("utf-16-be"), TEXT.replace("\n", "\r\n").encode("utf-8")],
    ids=["utf8", "utf8-bom", "utf16-bom", "utf16le", "utf16be", "crlf"],
)
def test_encodings_read_alike(data):
    parsed = parse_bytes(data, ".txt")
    assert parsed.text == "Goedemorgen, één vraag.\n\nJa."


@pytest.mark.parametrize(
    ("data", "suffix", "message"),
    [
        (b"", ".txt", "file is empty"),
        (b"  \n\n", ".vtt", "file is empty"),
        (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(600), ".docx", "password-protected"),
        (b"PK\x03\x04" + b"garbage" * 20, ".docx", "corrupt .docx"),
        (b"not a zip at all", ".docx", "no zip signature"),
        (bytes(range(256)) * 8, ".vtt", "binary"),
        (b"Caf\xe9 \x81\x8d met lange tekst", ".txt", "cannot read as UTF-8 / WINDOWS-1252"),
        (b"WEBVTT\n\nNOTE nothing here\n", ".vtt", "WebVTT file has no cues"),
        (b"Dit is gewoon een brief.\nMet twee regels.\n", ".txt", "no transcript turns found"),
    ],
    ids=["empty", "blank", "protected", "corrupt-zip", "not-zip", "binary-vtt", "no-utf8-nor-1252", "vtt-no-cues", "letter"],
)
def test_bad_input_says_what_is_wrong(data, suffix, message):
    with pytest.raises(WorkbenchError, match=message):
        parse_bytes(data, suffix)


def test_a_docx_that_is_no_transcript():
    with pytest.raises(WorkbenchError, match="no transcript turns found"):
        parse_bytes(docx_bytes(["Notulen van de vergadering", "Aanwezig: iedereen."]), ".docx")


def test_a_zip_that_is_no_word_document():
    import io
    import zipfile

    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("hello.txt", "hi")
    with pytest.raises(WorkbenchError, match="not a Word document|corrupt"):
        parse_bytes(buffer.getvalue(), ".docx")


def test_a_docx_that_unpacks_to_more_than_the_limit_is_refused_before_it_is_read():
    bomb = rezip(docx_bytes(["Anouk   0:01", "Ja."]), zeros={"word/media/film.bin": 101_000_000})
    assert len(bomb) < 200_000
    with pytest.raises(WorkbenchError, match=r"^the .docx would unpack to 10\d MB \(at most 100 MB\); refused as a possible zip bomb$"):
        parse_bytes(bomb, ".docx")


def test_a_docx_with_a_dtd_is_refused_rather_than_losing_the_text_after_an_entity():
    def entity(name, content):
        return with_entity(content, b"Ja, ik ben", b"en ik werk hier.") if name == "word/document.xml" else content
    data = rezip(docx_bytes(["Anouk   0:01", "Ja, ik ben"]), entity)
    with pytest.raises(WorkbenchError, match="declares a DTD"):
        parse_bytes(data, ".docx")


def test_control_characters_past_the_first_4_kb_are_dropped_and_counted():
    """(XML, so a .docx, cannot hold them at all.)"""
    speech = "Ik vind het " + "heel " * 1000 + "belangrijk\x07 en\x1b ook\x0c dit."
    parsed = parse_bytes(f"Anouk   0:01\nVraag?\nBram   0:05\n{speech}\n".encode(), ".txt")
    assert "belangrijk en ook\ndit." in parsed.text and not any(ch in parsed.text for ch in "\x07\x1b\x0c")
    assert parsed.meta["control_characters_dropped"] == 2
