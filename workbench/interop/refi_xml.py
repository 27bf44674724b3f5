"""REFI-QDA XML (QDA-XML 1.0): codebooks (.qdc) and projects (.qdpx) in and out.

Writing is strict (every file validates against the REFI schemas); reading is lenient
about what real tools write: GUIDs in braces or upper case, '#RGB' colours, code names
flattened as 'Parent::Child', a project file named '<project>.qde', CRLF sources.
"""

from __future__ import annotations

import io
import re
import uuid
import zipfile
import zlib
from collections.abc import Callable
from datetime import datetime, timezone
from xml.sax.saxutils import escape as _sax_escape

from lxml import etree

from workbench import __version__
from workbench.core.codebook_file import Codebook, CodeSpec
from workbench.core.codes import normalise_colour, split_names
from workbench.errors import WorkbenchError
from workbench.i18n import _
from workbench.interop.positions import Selected, reading
from workbench.interop.refi_model import RefiCase, RefiCodeGroup, RefiCoding, RefiProject, RefiSource
from workbench.limits import NESTING, open_zip, read_member, refuse_dtd, xml_safe

PROJECT_NS = "urn:QDA-XML:project:1.0"
CODEBOOK_NS = "urn:QDA-XML:codebook:1.0"
ORIGIN = f"Interview workbench {__version__}"
VARIABLES = ("role", "institution", "programme")


def guid(value: str) -> str:
    """A GUID as the workbench stores it: lower case, no braces."""
    try:
        return str(uuid.UUID(value.strip().strip("{}")))
    except (ValueError, AttributeError) as exc:
        raise WorkbenchError(_("not a GUID: {value!r}").format(value=value)) from exc


def derived_guid(*parts: str) -> str:
    """A GUID that is the same every time for the same parts (selections, users, notes)."""
    return str(uuid.uuid5(uuid.NAMESPACE_URL, "workbench:" + ":".join(parts)))


def _stamp(moment: datetime | None) -> str:
    moment = moment or datetime.now(timezone.utc)
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=timezone.utc)
    return moment.astimezone(timezone.utc).strftime("%Y-%m-%dT%H:%M:%SZ")


# ---------------------------------------------------------------- writing


def _description(memo: str | None) -> str:
    """A memo also as the element's <Description>: the only place QualCoder and qdapy read one."""
    return f"<Description>{_escape(memo)}</Description>" if memo else ""


def _escape(text: str, entities: dict[str, str] | None = None) -> str:
    """Text for XML: a character XML cannot hold (a control character in an old memo) becomes U+FFFD,
    one for one, so the file stays readable, by us and by every other tool."""
    return _sax_escape(xml_safe(text), entities or {})


def _attrs(**values) -> str:
    return "".join(f' {k}="{_escape(str(v), {chr(34): "&quot;"})}"' for k, v in values.items() if v is not None)


def _codes_xml(codes: list[CodeSpec]) -> list[str]:
    out = []
    for spec in codes:
        out.append(
            f"<Code{_attrs(guid=spec.guid, name=spec.name, isCodable=str(spec.codable).lower(), color=spec.colour)}>"
        )
        if spec.description:
            out.append(f"<Description>{_escape(spec.description)}</Description>")
        out.extend(_codes_xml(spec.children))
        out.append("</Code>")
    return out


def codebook_xml(book: Codebook) -> bytes:
    if not book.codes:
        raise WorkbenchError(_("the codebook is empty: nothing to export"))
    lines = ['<?xml version="1.0" encoding="utf-8"?>',
             f'<CodeBook xmlns="{CODEBOOK_NS}"{_attrs(origin=ORIGIN)}>', "<Codes>",
             *_codes_xml(book.codes), "</Codes>", "</CodeBook>"]
    return "\n".join(lines).encode("utf-8")


def project_qdpx(project: RefiProject) -> bytes:
    """A .qdpx: project.qde plus sources/<guid>.txt, as a zip."""
    notes: list[tuple[str, str, str, str | None, str | None]] = []  # guid, name, text, user, time

    def note(text: str | None, *key: str, user: str | None = None, at: datetime | None = None) -> str:
        """A memo as a Note (with who wrote it and when, where known) and the reference to it."""
        if not text:
            return ""
        note_guid = derived_guid("note", *key)
        notes.append((note_guid, f"Memo {len(notes) + 1}", text, user, _stamp(at) if at else None))
        return f'<NoteRef targetGUID="{note_guid}"/>'

    now = _stamp(None)
    out = ['<?xml version="1.0" encoding="utf-8"?>',
           f'<Project xmlns="{PROJECT_NS}"{_attrs(name=project.name, origin=ORIGIN, creationDateTime=now)}>']
    if project.users:
        out.append("<Users>")
        out.extend(f"<User{_attrs(guid=g, name=n)}/>" for g, n in project.users.items())
        out.append("</Users>")
    if project.codebook.codes:
        out += ["<CodeBook><Codes>", *_codes_xml(project.codebook.codes), "</Codes></CodeBook>"]
    variable_guids = {name: derived_guid("variable", name) for name in VARIABLES}
    if project.cases:
        out.append("<Variables>")
        out.extend(f"<Variable{_attrs(guid=g, name=n, typeOfVariable='Text')}/>" for n, g in variable_guids.items())
        out.append("</Variables><Cases>")
        for case in project.cases:
            out.append(f"<Case{_attrs(guid=case.guid, name=case.name)}>")
            for name, value in case.variables.items():
                if value:
                    out.append(f'<VariableValue><VariableRef targetGUID="{variable_guids[name]}"/>'
                               f"<TextValue>{_escape(value)}</TextValue></VariableValue>")
            out.extend(f'<SourceRef targetGUID="{g}"/>' for g in case.source_guids)
            out.append("</Case>")
        out.append("</Cases>")
    files = {}
    if project.sources:
        out.append("<Sources>")
        for source in project.sources:
            path = f"{source.guid}.txt"
            files[f"sources/{path}"] = source.text.encode("utf-8")
            out.append(f"<TextSource{_attrs(guid=source.guid, name=source.name, plainTextPath='internal://' + path, creationDateTime=now)}>"
                       + _description(source.memo))
            for c in source.codings:
                selection = c.selection_guid or derived_guid("selection", c.guid)
                out.append(f"<PlainTextSelection{_attrs(guid=selection, name=source.text[c.start:c.end][:60], startPosition=c.start, endPosition=c.end, creatingUser=c.user_guid, creationDateTime=_stamp(c.created))}>"
                           + _description(c.memo))
                out.append(f"<Coding{_attrs(guid=c.guid, creatingUser=c.user_guid, creationDateTime=_stamp(c.created))}>"
                           f'<CodeRef targetGUID="{c.code_guid}"/>{note(c.memo, c.guid, user=c.user_guid, at=c.created)}</Coding>')
                out.append("</PlainTextSelection>")
            for start, end, memo in source.selection_memos:
                selection = derived_guid("memo-selection", source.guid, str(start))
                out.append(f"<PlainTextSelection{_attrs(guid=selection, startPosition=start, endPosition=end)}>"
                           f"{_description(memo)}{note(memo, selection)}</PlainTextSelection>")
            out.append(note(source.memo, source.guid))
            out.append("</TextSource>")
        out.append("</Sources>")
    if notes:
        out.append("<Notes>")
        out.extend(f"<Note{_attrs(guid=g, name=n, creatingUser=user, creationDateTime=at)}>"
                   f"<PlainTextContent>{_escape(t)}</PlainTextContent></Note>" for g, n, t, user, at in notes)
        out.append("</Notes>")
    sets = {name: members for name, members in project.sets.items() if members}
    groups = [group for group in project.code_groups if group.code_guids]
    if sets or groups:  # never an empty <Sets/>: the schema forbids it
        out.append("<Sets>")
        for group in groups:
            out.append(f"<Set{_attrs(guid=group.guid, name=group.name)}>")
            out.extend(f'<MemberCode targetGUID="{g}"/>' for g in group.code_guids)
            out.append("</Set>")
        for name, members in sets.items():
            out.append(f"<Set{_attrs(guid=derived_guid('set', name), name=name)}>")
            out.extend(f'<MemberSource targetGUID="{g}"/>' for g in members)
            out.append("</Set>")
        out.append("</Sets>")
    out.append("</Project>")
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("project.qde", "\n".join(out).encode("utf-8"))
        for name, data in files.items():
            archive.writestr(name, data)
    return buffer.getvalue()


# ---------------------------------------------------------------- reading


def _tag(element) -> str:
    return etree.QName(element).localname


def _children(element, name: str):
    return [child for child in element if isinstance(child.tag, str) and _tag(child) == name]


def _items(root, container: str, item: str):
    """The <item> elements inside root's <container>, if there is one."""
    found = _child(root, container)
    return _children(found, item) if found is not None else []


def _child(element, name: str):
    found = _children(element, name)
    return found[0] if found else None


def _required(element, attribute: str) -> str:
    value = element.get(attribute)
    if value is None or not value.strip():
        raise WorkbenchError(
            _("line {sourceline}: <{tag}> has no '{attribute}'").format(
                sourceline=element.sourceline, tag=_tag(element), attribute=attribute
            )
        )
    return value


def _guid_of(element, attribute: str = "guid") -> str:
    value = _required(element, attribute)
    try:
        return guid(value)
    except WorkbenchError as exc:
        raise WorkbenchError(
            _("line {sourceline}: <{tag}> {exc}").format(sourceline=element.sourceline, tag=_tag(element), exc=exc)
        ) from exc


def _parse_xml(data: bytes, root_name: str):
    try:
        root = etree.fromstring(data, etree.XMLParser(resolve_entities=False, no_network=True, huge_tree=True))
    except etree.XMLSyntaxError as exc:
        raise WorkbenchError(_("not well-formed XML: {exc}").format(exc=exc)) from exc
    refuse_dtd(root.getroottree(), "the file")
    if _tag(root) != root_name:
        raise WorkbenchError(
            _("line {sourceline}: root element is <{tag}>, expected <{root_name}>").format(
                sourceline=root.sourceline, tag=_tag(root), root_name=root_name
            )
        )
    return root


def _read_codes(parent, depth: int = 0) -> list[CodeSpec]:
    if depth > NESTING:
        raise WorkbenchError(
            _("line {sourceline}: codes nested more than {NESTING} levels deep").format(
                sourceline=parent.sourceline, NESTING=NESTING
            )
        )
    specs: list[CodeSpec] = []
    for element in _children(parent, "Code"):
        name = _required(element, "name").strip()
        if not name.isprintable():
            raise WorkbenchError(
                _("line {sourceline}: <Code> name {name!r} holds a line break or control character").format(
                    sourceline=element.sourceline, name=name
                )
            )
        colour = element.get("color")
        try:
            colour = normalise_colour(colour) if colour else None
        except ValueError as exc:
            raise WorkbenchError(
                _("line {sourceline}: <Code> {exc}").format(sourceline=element.sourceline, exc=exc)
            ) from exc
        codable = element.get("isCodable", "true").strip().lower() in ("true", "1")
        description = _child(element, "Description")
        spec = CodeSpec(name=name, description=(description.text or "").strip() if description is not None else "",
                        colour=colour, codable=codable, guid=_guid_of(element), line=element.sourceline or 0,
                        children=_read_codes(element, depth + 1))
        specs.append(spec)
    return unflatten(specs)


def unflatten(specs: list[CodeSpec]) -> list[CodeSpec]:
    """'Parent::Child' and 'Parent > Child' names (how some tools flatten a tree, and how this workbench writes
    a path) become a hierarchy: a '>' in a name is read as the path it is everywhere else here."""
    roots: list[CodeSpec] = []
    made_up: set[int] = set()  # parents that exist only as a prefix of flattened names
    for spec in specs:
        *parents, spec.name = [name for name in split_names(spec.name) if name] or [spec.name.strip()]
        level = roots
        for depth, name in enumerate(parents):
            parent = next((s for s in level if s.name == name), None)
            if parent is None:
                parent = CodeSpec(name=name, codable=False, line=spec.line,
                                  guid=derived_guid("flattened", *parents[: depth + 1]))
                made_up.add(id(parent))
                level.append(parent)
            level = parent.children
        twin = next((s for s in level if s.name == spec.name), None)
        if twin is not None and id(twin) in made_up:
            spec.children = twin.children + spec.children
            level.remove(twin)
        level.append(spec)
    return roots


def read_codebook_xml(data: bytes) -> Codebook:
    root = _parse_xml(data, "CodeBook")
    codes = _child(root, "Codes")
    if codes is None:
        raise WorkbenchError(_("line {sourceline}: <CodeBook> has no <Codes>").format(sourceline=root.sourceline))
    return Codebook(root.get("origin", ""), _read_codes(codes))


def read_qdpx(data: bytes) -> RefiProject:
    try:
        archive = open_zip(zipfile.ZipFile(io.BytesIO(data)), ".qdpx", whole=False)
        names = archive.namelist()
    except (zipfile.BadZipFile, OSError, ValueError) as exc:
        raise WorkbenchError(_("not a valid .qdpx (zip) file: {exc}").format(exc=exc)) from exc
    qde = "project.qde" if "project.qde" in names else next((n for n in names if n.lower().endswith(".qde")), None)
    if qde is None:
        raise WorkbenchError(_("no project.qde (or <project>.qde) inside the .qdpx"))
    files = _Members(archive)
    try:
        return _read_project(_parse_xml(files[qde], "Project"), files)
    except WorkbenchError as exc:
        raise WorkbenchError(_("{qde}: {exc}").format(qde=qde, exc=exc)) from exc


class _Members:
    """A .qdpx's files, each read when asked for (media there may be large and is never read), by name
    without regard to case: NVivo for Windows writes `Sources/`."""

    def __init__(self, archive: zipfile.ZipFile):
        self.archive = archive
        self.names = {name.casefold(): name for name in archive.namelist()}

    def __contains__(self, name: str) -> bool:
        return name.casefold() in self.names

    def __getitem__(self, name: str) -> bytes:
        name = self.names.get(name.casefold(), name)
        try:
            return read_member(self.archive, name)
        except (zipfile.BadZipFile, OSError, EOFError, ValueError, zlib.error) as exc:
            raise WorkbenchError(
                _("the .qdpx is damaged or truncated ({name}): {exc}").format(name=name, exc=exc)
            ) from exc


def _source_text(element, files: _Members) -> tuple[str | None, str]:
    """A text source's text (None: not in the file), and where it was looked for. plainTextPath is found as
    tools write it: `internal://GUID.txt` (the standard), `internal:/` (ATLAS.ti 23), or a bare name (qc),
    under `sources/` or at the zip's root, in any case."""
    content = _child(element, "PlainTextContent")
    if content is not None:
        return content.text or "", "PlainTextContent"
    path = element.get("plainTextPath", "")
    name = next((m for m in _member_names(path) if m in files), None)
    if name is None:
        return None, path or _("no path")
    data = files[name]
    for encoding in ("utf-8-sig", "utf-16"):
        try:
            return data.decode(encoding), name
        except UnicodeDecodeError:
            continue
    raise WorkbenchError(_("{name} is neither UTF-8 nor UTF-16 text").format(name=name))


def _member_names(path: str) -> list[str]:
    """Where in the .qdpx a plainTextPath may point (nothing for a path on the author's disk)."""
    rest = re.sub(r"^internal:/*", "", path.strip()).replace("\\", "/").lstrip("/")
    if not rest or re.match(r"^[a-z][a-z0-9+.-]*:", rest, re.IGNORECASE) or path.startswith(("/", "\\")):
        return []  # file://, C:/..., an absolute path: outside the file
    base = rest.rsplit("/", 1)[-1]
    return list(dict.fromkeys([f"sources/{rest}", rest, f"sources/{base}"]))


def _read_project(root, files: _Members) -> RefiProject:
    """A project in named steps: notes (memos), codebook, users, sources with their codings, cases, sets."""
    memo = _memos(root)
    codebook = _child(root, "CodeBook")
    codes = _child(codebook, "Codes") if codebook is not None else None
    project = RefiProject(root.get("name", ""), Codebook(root.get("name", ""), _read_codes(codes) if codes is not None else []),
                          origin=root.get("origin", ""))
    for user in _items(root, "Users", "User"):
        project.users[_guid_of(user)] = user.get("name") or user.get("id") or "imported"
    sources = _child(root, "Sources")
    for element in list(sources) if sources is not None else []:
        if isinstance(element.tag, str):
            _read_source(element, files, memo, project)
    project.cases = _read_cases(root)
    for element in _items(root, "Sets", "Set"):
        name, codes = _required(element, "name"), _children(element, "MemberCode")
        if codes:  # ATLAS.ti's code groups
            project.code_groups.append(RefiCodeGroup(_guid_of(element), name,
                                                     [_guid_of(code, "targetGUID") for code in codes]))
        members = [guid(m.get("targetGUID", "")) for m in _children(element, "MemberSource")]
        if members or not codes:
            project.sets[name] = members
    referenced = {guid(ref.get("targetGUID", "")) for ref in root.iter() if isinstance(ref.tag, str)
                  and _tag(ref) == "NoteRef"}
    unplaced = [note for note in _items(root, "Notes", "Note") if _guid_of(note) not in referenced]
    if unplaced:  # the project's own notes: the study has no memo of its own to hold them yet
        project.skipped.append(_("{n} project note(s) that belong to no source, code or coding ('{first}')").format(
            n=len(unplaced), first=unplaced[0].get("name") or _guid_of(unplaced[0])))
    for kind in ("Graphs", "Links"):
        if _child(root, kind) is not None:
            project.skipped.append(_("{kind} (not used by the workbench)").format(kind=kind))
    return project


def _memos(root) -> Callable[..., str | None]:
    """The memo of elements: their <Description> (where QualCoder, ATLAS.ti and qdapy put a memo) and the
    texts of the notes their <NoteRef>s point at, each text once."""
    notes = {}
    for note in _items(root, "Notes", "Note"):
        content = _child(note, "PlainTextContent")
        notes[_guid_of(note)] = (content.text or "").strip() if content is not None else ""

    def memo(*elements) -> str | None:
        texts = []
        for element in elements:
            description = _child(element, "Description")
            texts.append((description.text or "").strip() if description is not None else "")
            texts += [notes.get(guid(ref.get("targetGUID", "")), "") for ref in _children(element, "NoteRef")]
        return "\n".join(dict.fromkeys(t for t in texts if t)) or None

    return memo


def _read_source(element, files: _Members, memo: Callable[..., str | None], project: RefiProject) -> None:
    """One source into the project: a text source with its selections, or a line on what was skipped."""
    kind = _tag(element)
    if kind != "TextSource":
        project.skipped.append(
            _("{kind} '{name}' (only text sources are read)").format(kind=kind, name=element.get("name", "?"))
        )
        return
    text, where = _source_text(element, files)
    if text is None or not any(c.isalnum() for c in text):  # NVivo for Mac writes a 1-byte file, no text
        codings = sum(len(_children(s, "Coding")) for s in _children(element, "PlainTextSelection"))
        said = (_("its text is not in the file ({path})").format(path=where) if text is None
                else _("its text in the file is empty ({path})").format(path=where))
        project.skipped.append(_("line {line}: TextSource '{name}': {said}; its {n} coding(s) not placed").format(
            line=element.sourceline, name=element.get("name") or element.get("guid") or "?", said=said, n=codings))
        return
    source = RefiSource(_guid_of(element), element.get("name") or _guid_of(element), text, memo=memo(element))
    selections = [(selection, _positions(selection)) for selection in _children(element, "PlainTextSelection")]
    source.positions, convert = reading(text, [Selected(*at, selection.get("name") or "")
                                               for selection, at in selections if at], project.origin)
    for selection, at in selections:
        start, end = (convert(at[0]), convert(at[1])) if at else (-1, -1)
        if 0 <= start < end <= len(text):
            _read_selection(selection, start, end, source, memo)
        else:
            written = f"{selection.get('startPosition')}-{selection.get('endPosition')}"
            project.skipped.append(_("line {line}: selection {written} in '{source}' is not a span of its text "
                                     "(0-{n}): skipped, with its codings").format(
                line=selection.sourceline, written=written, source=source.name, n=len(text)))
    project.sources.append(source)


def _positions(selection) -> tuple[int, int] | None:
    try:
        return int(_required(selection, "startPosition")), int(_required(selection, "endPosition"))
    except ValueError:
        return None


def _read_selection(selection, start: int, end: int, source: RefiSource, memo: Callable[..., str | None]) -> None:
    """A selection's codings (or, without codings, its memo) into the source."""
    codings = _children(selection, "Coding")
    if not codings and (selection_memo := memo(selection)):
        source.selection_memos.append((start, end, selection_memo))
    for coding in codings:
        ref = _child(coding, "CodeRef")
        if ref is None:
            raise WorkbenchError(_("line {sourceline}: <Coding> has no <CodeRef>").format(sourceline=coding.sourceline))
        user = coding.get("creatingUser") or selection.get("creatingUser")
        source.codings.append(RefiCoding(
            guid=_guid_of(coding), code_guid=_guid_of(ref, "targetGUID"), start=start, end=end,
            user_guid=guid(user) if user else None, created=_when(coding.get("creationDateTime")),
            memo=memo(coding, selection),
            selection_guid=_guid_of(selection),
        ))


def _read_cases(root) -> list[RefiCase]:
    """Cases with their variable values by variable name, and the sources they cover."""
    variables = {_guid_of(variable): variable.get("name", "") for variable in _items(root, "Variables", "Variable")}
    cases = []
    for case in _items(root, "Cases", "Case"):
        values = {}
        for value in _children(case, "VariableValue"):
            ref = _child(value, "VariableRef")
            text = next((v.text for v in value if isinstance(v.tag, str) and _tag(v) != "VariableRef"), None)
            if ref is not None and text:
                values[variables.get(guid(ref.get("targetGUID", "")), "")] = text.strip()
        cases.append(RefiCase(_guid_of(case), case.get("name") or "", values,
                              [guid(r.get("targetGUID", "")) for r in _children(case, "SourceRef")]))
    return cases


def _when(value: str | None) -> datetime | None:
    if not value:
        return None
    try:
        return datetime.fromisoformat(value.replace("Z", "+00:00"))
    except ValueError:
        return None
