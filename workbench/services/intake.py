"""One 'import' for whatever a coder has: transcripts, a codebook, the participants registry, a project or
the interview guide, recognised by what the file holds (not only by its name)."""

from __future__ import annotations

import zipfile
from pathlib import Path

from workbench.core.db import Database
from workbench.errors import WorkbenchError
from workbench.i18n import _

KINDS = ("transcripts", "codebook", "participants", "project", "guide")
SNIFF = 4096  # bytes read to recognise a file


def recognise(path: Path) -> str:
    """Which kind of file this is (one of KINDS); a folder holds transcripts."""
    if path.is_dir():
        return "transcripts"
    if not path.is_file():
        raise WorkbenchError(_("no such file or folder"), where=str(path))
    head = path.open("rb").read(SNIFF)
    if head.startswith(b"PK\x03\x04"):
        try:
            with zipfile.ZipFile(path) as archive:
                return "project" if "project.qde" in {n.lower() for n in archive.namelist()} else "transcripts"
        except zipfile.BadZipFile as exc:
            raise WorkbenchError(_("a damaged zip file: {exc}").format(exc=exc), where=str(path)) from exc
    text = head.decode("utf-8", errors="replace").lstrip("\ufeff")
    first = text.lstrip().splitlines()[0].casefold() if text.strip() else ""
    if "<codebook" in text.casefold():
        return "codebook"
    if path.suffix.lower() in (".yaml", ".yml"):
        return "guide" if _yaml_key(text) == "parts" else "codebook"
    if "," in first and {"speaker", "respondent"} <= {c.strip() for c in first.split(",")}:
        return "participants"
    if path.suffix.lower() == ".csv":
        return "codebook"  # a Taguette codebook
    if path.suffix.lower() == ".md" or text.lstrip().startswith("## Deel") or "\n## Deel" in text:
        return "guide"
    return "transcripts"


def _yaml_key(text: str) -> str | None:
    """The first top-level key of a YAML text, read without parsing it."""
    for line in text.splitlines():
        if line and not line.startswith((" ", "#", "-")) and ":" in line:
            return line.split(":", 1)[0].strip()
    return None


def import_file(db: Database, path: Path, kind: str, coder: str) -> str:
    """Import a codebook, registry, project or guide; one line says what came in."""
    from workbench.services import codebook, exchange, guide, participants

    if kind == "codebook":
        book = codebook.import_codebook(db, path, coder)
        return _("codebook: {added} new codes, {updated} updated").format(
            added=len(book.added), updated=len(book.updated)
        )
    if kind == "participants":
        registry = participants.import_registry(db, path)
        return _("participants: {participants}, speakers assigned: {assigned}, not assigned yet: {unassigned}").format(
            participants=registry.participants, assigned=registry.assigned_speakers,
            unassigned=len(registry.unassigned))
    if kind == "project":
        project = exchange.import_project(db, path, coder)
        return _("project: {sources} transcripts, {codings} codings, {codes} new codes").format(
            sources=project.sources, codings=project.codings, codes=project.codes_added)
    if kind == "guide":
        found = guide.import_guide(db, path)
        return _("interview guide: {questions} questions, {found} found in the transcripts").format(
            questions=found.questions, found=found.found)
    raise WorkbenchError(_("not a kind of file to import here: {kind}").format(kind=kind), where=str(path))
