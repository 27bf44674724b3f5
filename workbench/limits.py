"""What an input file may expand to (zip archives, XML documents, YAML graphs, regular expressions),
and what an XML file we write may hold.

Every reader of an outside file goes through these checks, so a small hostile file (a zip or entity
bomb, a deeply nested document, a pattern that backtracks for ever) ends in one clear refusal."""

from __future__ import annotations

import re
import zipfile
from typing import TYPE_CHECKING

from workbench.errors import WorkbenchError
from workbench.i18n import _

if TYPE_CHECKING:  # lxml only for its type: a command that reads no XML does not load it
    from lxml import etree

UNPACKED_BYTES = 100_000_000  # all of a .docx, or one member of a .qdpx: 100x a three-hour transcript
ZIP_MEMBERS = 10_000
NESTING = 64  # levels of a codebook file (each code level is two levels of YAML)
GRAPH_NODES = 100_000  # YAML nodes once aliases are followed
REGEX_SECONDS = 5.0  # one pattern over one text


def open_zip(archive: zipfile.ZipFile, what: str, *, whole: bool) -> zipfile.ZipFile:
    """The archive, once its member count (and, when it is read whole, its unpacked size) is within limits.

    zipfile never unpacks more than a member's declared size (and then fails its CRC check), so the
    declared sizes bound what reading can cost."""
    members = archive.infolist()
    if len(members) > ZIP_MEMBERS:
        raise WorkbenchError(
            _("the {what} holds {n:,} files (at most {ZIP_MEMBERS:,}); refused").format(
                what=what, n=len(members), ZIP_MEMBERS=ZIP_MEMBERS
            )
        )
    total = sum(member.file_size for member in members)
    if whole and total > UNPACKED_BYTES:
        raise WorkbenchError(
            _(
                "the {what} would unpack to {value:,.0f} MB (at most {value2:.0f} MB); refused as a possible zip bomb"
            ).format(what=what, value=total / 1e6, value2=UNPACKED_BYTES / 1e6)
        )
    return archive


def read_member(archive: zipfile.ZipFile, name: str) -> bytes:
    """One member of an archive whose other members may be large (media in a .qdpx)."""
    size = archive.getinfo(name).file_size
    if size > UNPACKED_BYTES:
        raise WorkbenchError(
            _(
                "{name} would unpack to {value:,.0f} MB (at most {value2:.0f} MB); refused as a possible zip bomb"
            ).format(name=name, value=size / 1e6, value2=UNPACKED_BYTES / 1e6)
        )
    try:
        return archive.read(name)
    except NotImplementedError as exc:  # zipfile: "That compression method is not supported"
        raise WorkbenchError(_("{name} is packed with a method this workbench cannot unpack ({exc}); "
                               "export it again").format(name=name, exc=exc)) from exc
    except RuntimeError as exc:  # zipfile: "File ... is encrypted, password required for extraction"
        raise WorkbenchError(_("{name} is encrypted; export it again without a password").format(name=name)) from exc


_NOT_IN_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")  # XML 1.0 cannot hold these at all


def xml_safe(text: str) -> str:
    """Text an XML file (.qde, .xlsx, .docx) can hold: a control character (in a study imported before
    they were dropped) becomes U+FFFD, one for one, so offsets and the rest of the text stay as they were."""
    return _NOT_IN_XML.sub("\ufffd", text)


def xml_escaped(safe: str) -> str:
    """Text XML can hold (xml_safe's) written for XML, every character kept: markup escaped for element text or
    an attribute in double quotes, a carriage return as a reference (a reader turns a bare one into a line feed)."""
    return safe.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace('"', "&quot;") \
        .replace("\r", "&#13;")


_WRITTEN_OTHERWISE = re.compile('[&<>"\r\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]')  # what the two above change


def xml_text(text: str) -> str:
    """xml_escaped(xml_safe(text)); text with nothing to change (most) at a glance: a spreadsheet of millions
    of quotes writes six texts a row."""
    return xml_escaped(xml_safe(text)) if _WRITTEN_OTHERWISE.search(text) else text


def refuse_dtd(tree: etree._ElementTree, where: str) -> None:
    """No document type declarations: their entities would be left unexpanded and hide text."""
    if tree.docinfo.doctype or tree.docinfo.internalDTD is not None:
        raise WorkbenchError(
            _(
                "{where} declares a DTD (<!DOCTYPE ...>), which no QDA tool or Word writes; refused (its entities "
                "would drop text)"
            ).format(where=where)
        )
