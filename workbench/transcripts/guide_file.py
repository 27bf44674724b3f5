"""An interview guide file: its parts and questions, read into the domain's Guide.

From the Markdown layout of the study's guide (parts as `## Deel N — title`, questions as `N. text` or
`- a. text`, the closing `- Afsluiting: text`), from YAML (`parts: [{number, title, theme, questions: [{id,
text}]}]`) or from a .docx with numbered questions; text files are decoded as a transcript is.
"""

from __future__ import annotations

import re
from pathlib import Path

from workbench.core.guide import Guide, GuidePart, GuideQuestion
from workbench.errors import WorkbenchError, shown
from workbench.i18n import _

PART = re.compile(r"^#{1,3}\s*(?:Deel\s+(\d+)\s*[—–-]\s*)?(.+?)\s*$")
LARGEST = 2_000_000  # bytes: a guide is a page or two
MAX_PART, MAX_ID = 999, 20  # a part's number, a question id's length ("16", "a", "afsluiting")
QUESTION = re.compile(r"^(?:[-*]\s*)?(\d+|[a-z])[.)]\s+(.+)$")
CLOSING = re.compile(r"^(?:[-*]\s*)?(Afsluiting|Slot)\s*:\s*(.+)$", re.IGNORECASE)


def read_guide(path: Path) -> Guide:
    """A guide file, by its suffix: .md/.txt, .yaml/.yml, .docx."""
    if not path.is_file():
        raise WorkbenchError(_("no such file"), where=str(path))
    if path.stat().st_size > LARGEST:
        raise WorkbenchError(
            _("{value:.1f} MB is too large for an interview guide (the limit is {value2:.0f} MB)").format(
                value=path.stat().st_size / 1e6, value2=LARGEST / 1e6
            ),
            where=str(path),
        )
    suffix = path.suffix.lower()
    if suffix in (".yaml", ".yml"):
        return _from_yaml(path)
    if suffix == ".docx":
        return _from_lines(_docx_lines(path), str(path))
    if suffix in (".md", ".markdown", ".txt"):
        from workbench.transcripts.reader import read_lines  # lxml loads only when a guide is read

        try:
            return _from_lines(read_lines(path.read_bytes(), suffix)[0], str(path))
        except WorkbenchError as exc:
            raise exc.at(str(path)) from exc
    raise WorkbenchError(_("an interview guide is .md, .yaml or .docx"), where=str(path))


def _from_lines(lines: list[str], where: str) -> Guide:
    """Headings start parts; numbered or lettered lines are questions; the closing line is one too."""
    parts: list[GuidePart] = []
    questions: list[GuideQuestion] = []
    part = 0
    for number, raw in enumerate(lines, start=1):
        line = raw.strip()
        if line.startswith("#"):
            found = PART.match(line)
            if found and (found.group(1) or parts or questions):  # the document's title is no part
                part = _part_number(found.group(1), len(parts) + 1, f"{where}, line {number}") if found.group(1) \
                    else max((p.number for p in parts), default=0) + 1
                parts.append(GuidePart(part, found.group(2)))
            continue
        closing = CLOSING.match(line)
        asked = QUESTION.match(line)
        if closing:
            questions.append(GuideQuestion("afsluiting", part, closing.group(2)))
        elif asked and parts:
            questions.append(GuideQuestion(asked.group(1), part, asked.group(2)))
        elif asked:
            raise WorkbenchError(
                _("line {number}: a question before the first part heading").format(number=number), where=where
            )
    return _checked(Guide(tuple(parts), tuple(questions)), where)


def _docx_lines(path: Path) -> list[str]:
    """A .docx guide: Heading paragraphs become parts, numbered list paragraphs questions (numbered by
    Word's list numbering when the text itself carries no number)."""
    from workbench.transcripts.reader import open_document

    try:
        document = open_document(path.read_bytes())
    except WorkbenchError as exc:
        raise WorkbenchError(str(exc), where=str(path)) from exc
    lines, counter = [], 0
    try:
        paragraphs = document.paragraphs
    except AttributeError as exc:  # strict OOXML: python-docx reads paragraphs of the transitional namespace only
        raise WorkbenchError(_("a guide .docx is read in Word's usual format (not strict Open XML); save it so"),
                             where=str(path)) from exc
    for paragraph in paragraphs:
        text = paragraph.text.strip()
        style = (paragraph.style.name or "").lower() if paragraph.style is not None else ""
        if not text:
            continue
        if style.startswith(("heading", "kop", "title")):
            lines.append(f"## {text}")
        elif ("list" in style or paragraph._p.pPr is not None and paragraph._p.pPr.numPr is not None) \
                and not QUESTION.match(text) and not CLOSING.match(text):
            counter += 1
            lines.append(f"{counter}. {text}")
        else:
            lines.append(text)
    return lines


def _from_yaml(path: Path) -> Guide:
    from workbench.core.codebook_file import load_yaml

    try:
        data = load_yaml(path.read_text(encoding="utf-8"))
    except UnicodeDecodeError as exc:
        raise WorkbenchError(_("not UTF-8 text"), where=str(path)) from exc
    except WorkbenchError as exc:
        raise exc.at(str(path)) from exc
    if not isinstance(data, dict) or not isinstance(data.get("parts"), list):
        raise WorkbenchError(_("a YAML guide has a list 'parts'"), where=str(path))
    parts, questions = [], []
    for n, item in enumerate(data["parts"], start=1):
        if not isinstance(item, dict) or not isinstance(item.get("questions", []), list):
            raise WorkbenchError(_("part {n}: needs a title and a list 'questions'").format(n=n), where=str(path))
        number = _part_number(item.get("number", n), n, str(path))
        title, theme = item.get("title", f"Deel {number}"), item.get("theme")
        if not isinstance(title, str | int) or not isinstance(theme, str | None):
            raise WorkbenchError(_("part {number}: its title and theme are text").format(number=number),
                                 where=str(path))
        parts.append(GuidePart(number, str(title), theme))
        for q in item.get("questions", []):
            if not isinstance(q, dict) or not isinstance(q.get("id"), str | int) or isinstance(q.get("id"), bool) \
                    or len(str(q["id"])) > MAX_ID or not isinstance(q.get("text"), str | int) \
                    or not str(q["text"]).strip():
                raise WorkbenchError(
                    _("part {number}: each question needs an id (a number or a few letters) and a text").format(
                        number=number), where=str(path)
                )
            questions.append(GuideQuestion(str(q["id"]), number, str(q["text"]).strip()))
    return _checked(Guide(tuple(parts), tuple(questions)), str(path))


def _part_number(value: object, n: int, where: str) -> int:
    """A part's number as written: a whole number of a guide (1 to 999), not a word, a list or infinity."""
    if isinstance(value, str) and value.strip().isascii() and value.strip().isdigit():
        value = int(value)
    if not isinstance(value, int) or isinstance(value, bool) or not 0 <= value <= MAX_PART:
        raise WorkbenchError(_("part {n}: its number {value} is no whole number from 0 to {most}").format(
            n=n, value=shown(value, 40), most=MAX_PART), where=where)
    return value


def _checked(guide: Guide, where: str) -> Guide:
    if not guide.questions:
        raise WorkbenchError(_("no questions found (numbered 'N. text' or '- a. text' under part headings)"),
                             where=where)
    seen: set[str] = set()
    for question in guide.questions:
        if len(question.id) > MAX_ID:
            raise WorkbenchError(_("question {id}: no guide numbers its questions so").format(
                id=shown(question.id, 40)), where=where)
        if question.id in seen:
            raise WorkbenchError(_("question {id} appears twice").format(id=question.id), where=where)
        seen.add(question.id)
    return guide
