"""Bytes of a file into normalised lines: .docx paragraphs or decoded text."""

from __future__ import annotations

import codecs
import io
import re
import unicodedata
import zipfile
from typing import NamedTuple

from workbench.errors import WorkbenchError
from workbench.i18n import _
from workbench.limits import open_zip, refuse_dtd

_OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
_CONTROLS = re.compile(r"[\x00-\x08\x0e-\x1f\x7f-\x9f]")
_INVISIBLE = ("\ufeff", "\u200b", "\u200e", "\u200f")


class Lines(NamedTuple):
    lines: list[str]
    dropped: int  # control characters dropped
    encoding: str  # how the bytes were read: 'utf-8', 'utf-16', 'windows-1252' or 'docx'


def read_lines(data: bytes, suffix: str) -> Lines:
    """Lines of a transcript file, how many control characters were dropped from it and how it was read;
    raises WorkbenchError naming the problem."""
    if not data.strip():
        raise WorkbenchError(_("file is empty"))
    if data.startswith(_OLE_MAGIC):
        raise WorkbenchError(
            _("password-protected or old-style Word file; save it as an unprotected .docx")
        )
    if data.startswith(b"PK\x03\x04"):
        return _docx_lines(data)
    if suffix.lower() == ".docx":
        raise WorkbenchError(_("not a .docx file (no zip signature); is it damaged?"))
    return _lines(*decode_named(data))


def _lines(text: str, encoding: str) -> Lines:
    text, dropped = drop_controls(normalise(text))
    return Lines(text.split("\n"), dropped, encoding)


_WORD_NAMESPACES = ("http://schemas.openxmlformats.org/wordprocessingml/2006/main",
                    "http://purl.oclc.org/ooxml/wordprocessingml/main")  # transitional, and strict OOXML


def _docx_lines(data: bytes) -> Lines:
    root = open_document(data).element
    ns = word_namespace(root)
    text, tab, paragraph = f"{{{ns}}}t", f"{{{ns}}}tab", f"{{{ns}}}p"
    paragraphs = []
    # The paragraphs' text as python-docx's Paragraph.text gives it, read straight from
    # its lxml tree: ten times faster on long transcripts. Table cells are included.
    for element in root.find(f"{{{ns}}}body").iter(paragraph):
        parts = []
        for node in element.iter(text, tab, f"{{{ns}}}br", f"{{{ns}}}cr"):
            parts.append(node.text or "" if node.tag == text else "\t" if node.tag == tab else "\n")
        paragraphs.append("".join(parts))
    return _lines("\n\n".join(paragraphs), "docx")


def open_document(data: bytes):
    """A python-docx Document from untrusted bytes: size limits, no DTD, one line for what is wrong."""
    import docx  # python-docx costs ~0.2 s to import: only when a .docx comes in

    try:
        open_zip(zipfile.ZipFile(io.BytesIO(data)), ".docx", whole=True)  # python-docx reads every part
        document = docx.Document(io.BytesIO(data))
    except WorkbenchError:
        raise
    except zipfile.BadZipFile as exc:
        raise WorkbenchError(_("corrupt .docx: {exc}").format(exc=exc)) from exc
    except (KeyError, ValueError) as exc:
        raise WorkbenchError(_("not a Word document: {exc}").format(exc=exc)) from exc
    except Exception as exc:  # noqa: BLE001 - lxml and zlib raise many kinds
        raise WorkbenchError(_("corrupt .docx: {name}: {exc}").format(name=type(exc).__name__, exc=exc)) from exc
    refuse_dtd(document.element.getroottree(), "word/document.xml")
    word_namespace(document.element)
    return document


def word_namespace(root) -> str:
    """The WordprocessingML namespace of a document's root that holds its body; refused when there is none (a
    renamed or foreign root element)."""
    found = next((ns for ns in _WORD_NAMESPACES
                  if root.tag == f"{{{ns}}}document" and root.find(f"{{{ns}}}body") is not None), None)
    if found is None:
        raise WorkbenchError(_("the .docx holds no Word document (word/document.xml is no <w:document> with a <w:body>)"))
    return found


def decode(data: bytes) -> str:
    return decode_named(data)[0]


def decode_named(data: bytes) -> tuple[str, str]:
    """The text and how it was read: UTF-8 (BOM or not), UTF-16 (BOM, or recognised by its zero bytes),
    or, where the bytes are no UTF-8, Windows-1252 (what a .txt saved on Windows is; Latin-1's letters
    are the same bytes)."""
    if data.startswith(codecs.BOM_UTF8):
        return _strict(data[len(codecs.BOM_UTF8) :], "utf-8"), "utf-8"
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return _strict(data, "utf-16"), "utf-16"
    if b"\x00" in data[:4096]:
        sample = data[:4096]
        even, odd = sample[0::2].count(0), sample[1::2].count(0)
        if odd > len(sample) // 4 and even == 0:
            return _strict(data, "utf-16-le"), "utf-16"
        if even > len(sample) // 4 and odd == 0:
            return _strict(data, "utf-16-be"), "utf-16"
        raise WorkbenchError(_("binary data, not a text transcript"))
    try:
        text, encoding = data.decode("utf-8"), "utf-8"
    except UnicodeDecodeError as exc:
        try:
            text, encoding = data.decode("windows-1252"), "windows-1252"
        except UnicodeDecodeError:
            raise _unreadable("UTF-8 / WINDOWS-1252", data, exc.start) from exc
    controls = sum(1 for ch in text[:4096] if unicodedata.category(ch) == "Cc" and ch not in "\t\n\r\f")
    if controls:
        raise WorkbenchError(_("binary data, not a text transcript"))
    return text, encoding


def _strict(data: bytes, encoding: str) -> str:
    try:
        return data.decode(encoding)
    except UnicodeDecodeError as exc:
        raise _unreadable(encoding.upper(), data, exc.start) from exc


def _unreadable(encoding: str, data: bytes, at: int) -> WorkbenchError:
    return WorkbenchError(
        _("cannot read as {value} text (byte 0x{data:02x} at offset {start}); binary file or unsupported "
          "encoding, save it as UTF-8").format(value=encoding, data=data[at], start=at))


def drop_controls(text: str) -> tuple[str, int]:
    """The text without control characters (form feeds become line ends); how many were dropped.

    They are invisible in a transcript and invalid in .xlsx, .docx and XML exports."""
    text = text.replace("\f", "\n").replace("\v", "\n")
    return _CONTROLS.subn("", text)


def normalise(text: str) -> str:
    """NFC, '\\n' line ends, no BOM or zero-width characters."""
    text = text.replace("\r\n", "\n").replace("\r", "\n").replace("\u2028", "\n")
    for invisible in _INVISIBLE:
        if invisible in text:
            text = text.replace(invisible, "")
    return unicodedata.normalize("NFC", text)
