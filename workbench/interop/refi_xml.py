"""REFI-QDA XML (QDA-XML 1.0): codebooks (.qdc) and projects (.qdpx) in and out.

Writing is strict (every file validates against the REFI schemas); reading is lenient
about what real tools write: GUIDs in braces or upper case, '#RGB' colours, code names
flattened as 'Parent::Child', a project file named '<project>.qde', CRLF sources.
"""

from __future__ import annotations

import hashlib
import io
import re
import shutil
import tempfile
import uuid
import zipfile
import zlib
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import replace
from datetime import datetime, timezone
from pathlib import Path
from xml.sax.saxutils import escape as _sax_escape

from lxml import etree

from workbench import __version__
from workbench.core.codebook_file import Codebook, CodeGroupSpec, CodeSpec
from workbench.core.codes import normalise_colour, split_names
from workbench.errors import WorkbenchError
from workbench.i18n import _
from workbench.interop.positions import Selected, reading
from workbench.interop.refi_model import RefiCase, RefiCoding, RefiMemo, RefiProject, RefiSource, Value
from workbench.limits import NESTING, open_zip, read_member, refuse_dtd, xml_safe, xml_text
from workbench.streams import HandedText, written_whole

PROJECT_NS = "urn:QDA-XML:project:1.0"
CODEBOOK_NS = "urn:QDA-XML:codebook:1.0"
ORIGIN = f"Interview workbench {__version__}"
VARIABLES = ("role", "institution", "programme")  # a case's variables that are a participant's own fields
VARIABLE_TYPES = ("Text", "Boolean", "Integer", "Float", "Date", "DateTime")


def guid(value: str) -> str:
    """A GUID as the workbench stores it: lower case, no braces."""
    try:
        return str(uuid.UUID(value.strip().strip("{}")))
    except (ValueError, AttributeError) as exc:
        raise WorkbenchError(_("not a GUID: {value!r}").format(value=value)) from exc


def derived_guid(*parts: str) -> str:
    """A GUID that is the same every time for the same parts (selections, users, notes): the name-based
    UUID (version 5) of 'workbench:part:part...' in the URL namespace, as uuid.uuid5 makes it."""
    return _name_based(_URL_NAMESPACE, "workbench:" + ":".join(parts))


def _name_based(namespace, name: str) -> str:
    """uuid.uuid5 made directly from a hash begun on the namespace (and a name's start): uuid.UUID's checks
    took a third of an export's time, one GUID per coding."""
    digest = namespace.copy()
    digest.update(name.encode())
    h = digest.hexdigest()
    return f"{h[:8]}-{h[8:12]}-5{h[13:16]}-{_VARIANT[h[16]]}{h[17:20]}-{h[20:32]}"


_URL_NAMESPACE = hashlib.sha1(uuid.NAMESPACE_URL.bytes)
_SELECTIONS = hashlib.sha1(uuid.NAMESPACE_URL.bytes + b"workbench:selection:")
_VARIANT = {digit: "89ab"[int(digit, 16) & 3] for digit in "0123456789abcdef"}  # RFC 4122: bits 10xx


def _stamp(moment: datetime | str | None) -> str:
    """A moment in UTC to the second (one without a zone is in UTC), as xsd:dateTime; given as SQLite holds it
    (text, as SQLAlchemy writes it, in UTC), it is cut to the second rather than parsed."""
    if isinstance(moment, str):
        if _PLAIN_TIME.match(moment):
            return f"{moment[:10]}T{moment[11:19]}Z"
        moment = datetime.fromisoformat(moment)
    moment = moment or datetime.now(timezone.utc)
    if moment.tzinfo is not None:
        moment = moment.astimezone(timezone.utc).replace(tzinfo=None)
    return moment.isoformat(timespec="seconds") + "Z"


# ---------------------------------------------------------------- writing


_PLAIN_TIME = re.compile(r"\d{4}-\d\d-\d\d[ T]\d\d:\d\d:\d\d(\.\d+)?$")


def _description(memo: str | None) -> str:
    """A memo also as the element's <Description>: the only place QualCoder and qdapy read one."""
    return f"<Description>{_escape(memo)}</Description>" if memo else ""


def _escape(text: str, entities: dict[str, str] | None = None) -> str:
    """Text for XML: a character XML cannot hold (a control character in an old memo) becomes U+FFFD,
    one for one, so the file stays readable, by us and by every other tool."""
    return _sax_escape(xml_safe(text), entities or {})


def _attrs(**values) -> str:
    return "".join(f' {k}="{xml_text(str(v))}"' for k, v in values.items() if v is not None)


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
             *_codes_xml(book.codes), "</Codes>", *_groups_xml(book, "guid"), "</CodeBook>"]
    return "\n".join(lines).encode("utf-8")


def _groups_xml(book: Codebook, reference: str, more: list[str] | None = None) -> list[str]:
    """Code groups as <Set>s of <MemberCode> (a .qdc names the code by `guid`, a .qdpx by `targetGUID`), and
    more sets after them; never an empty <Sets/>, which the schemas forbid."""
    out = []
    for group in (g for g in book.groups if g.code_guids):
        out.append(f"<Set{_attrs(guid=group.guid, name=group.name)}>" + _description(group.description))
        out.extend(f'<MemberCode {reference}="{g}"/>' for g in group.code_guids)
        out.append("</Set>")
    out += more or []
    return ["<Sets>", *out, "</Sets>"] if out else []


def _fits(kind: str, value: str) -> bool:
    """Whether a value is written as the schema's type for its variable says (xsd boolean, integer, ...)."""
    patterns = {"Boolean": r"true|false|1|0", "Integer": r"[+-]?\d+", "Float": r"[+-]?(\d+(\.\d*)?|\.\d+)",
                "Date": r"\d{4}-\d\d-\d\d(Z|[+-]\d\d:\d\d)?",
                "DateTime": r"\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d+)?(Z|[+-]\d\d:\d\d)?"}
    return kind == "Text" or kind in patterns and re.fullmatch(patterns[kind], value) is not None


def variable_types(holders: Iterable[dict[str, Value]]) -> dict[str, str]:
    """Each variable's type: the one all its values (of cases and sources) have and fit, else Text."""
    kinds: dict[str, set[str]] = defaultdict(set)
    for variables in holders:
        for name, (kind, value) in variables.items():
            if value:
                kinds[name].add(kind if _fits(kind, value) else "Text")
    return {name: found.pop() if len(found) == 1 else "Text" for name, found in kinds.items()}


def _values_xml(values: dict[str, Value], types: dict[str, str]) -> list[str]:
    out = []
    for name, (_kind, value) in values.items():
        if value:
            kind = types[name]
            out.append(f'<VariableValue><VariableRef targetGUID="{derived_guid("variable", name)}"/>'
                       f"<{kind}Value>{_escape(value)}</{kind}Value></VariableValue>")
    return out


def write_qdpx(path: Path, project: RefiProject, sources: Iterable[RefiSource], types: dict[str, str]) -> None:
    """A .qdpx (project.qde plus sources/<guid>.txt, as a zip) written as the sources come, one at a time:
    `project` gives the rest (its own sources are not read), `types` each variable's (variable_types). The file
    appears whole or not at all."""
    with written_whole(path) as partial, tempfile.TemporaryFile() as texts, \
            zipfile.ZipFile(partial, "w", zipfile.ZIP_DEFLATED, compresslevel=COMPRESSION) as archive:
        with archive.open("project.qde", "w", force_zip64=True) as member, HandedText(member) as out:
            _ProjectXml(out, texts).write(project, sources, types)
        _copy_texts(archive, texts)


COMPRESSION = 1  # zlib's fastest level: an XML of millions of codings in seconds, not minutes, at a fifth its size


def _copy_texts(archive: zipfile.ZipFile, texts) -> None:
    """The sources' texts, spooled while the project was written, each into its own member."""
    texts.seek(0)
    while header := texts.readline():
        name, size = header.decode("utf-8").rstrip("\n").rsplit(" ", 1)
        archive.writestr(name, texts.read(int(size)))


class _ProjectXml:
    """project.qde written line by line into the zip; each source's text spooled aside (a zip member is written
    whole before the next), and notes (memos as <Note>s, after all sources) in a second spool."""

    def __init__(self, out: HandedText, texts):
        self.out, self.texts = out, texts
        self.notes, self.note_count = tempfile.SpooledTemporaryFile(SPOOL, mode="w+", encoding="utf-8"), 0

    def line(self, *parts: str) -> None:
        for part in parts:
            self.out.write(part)
            self.out.write("\n")

    def note(self, text: str | None, *key: str, user: str | None = None, at: str | None = None) -> str:
        """A memo as a Note (with who wrote it and when, where known) and the reference to it."""
        if not text:
            return ""
        note_guid = derived_guid("note", *key)
        self.note_count += 1
        self._note(note_guid, f"Memo {self.note_count}", text, user, at)
        return f'<NoteRef targetGUID="{note_guid}"/>'

    def _note(self, note_guid: str, name: str, text: str, user: str | None, at: str | None) -> None:
        self.notes.write(f"<Note{_attrs(guid=note_guid, name=name, creatingUser=user, creationDateTime=at)}>"
                         f"<PlainTextContent>{_escape(text)}</PlainTextContent></Note>\n")

    def write(self, project: RefiProject, sources: Iterable[RefiSource], types: dict[str, str]) -> None:
        now = _stamp(None)
        self.line('<?xml version="1.0" encoding="utf-8"?>',
                  f'<Project xmlns="{PROJECT_NS}"{_attrs(name=project.name, origin=ORIGIN, creationDateTime=now)}>')
        if project.users:
            self.line("<Users>", *(f"<User{_attrs(guid=g, name=n)}/>" for g, n in project.users.items()), "</Users>")
        if project.codebook.codes:
            self.line("<CodeBook><Codes>", *_codes_xml(project.codebook.codes), "</Codes></CodeBook>")
        if types:
            self.line("<Variables>", *(f"<Variable{_attrs(guid=derived_guid('variable', n), name=n, typeOfVariable=t)}/>"
                                       for n, t in types.items()), "</Variables>")
        if project.cases:
            self.line("<Cases>")
            for case in project.cases:
                self.line(f"<Case{_attrs(guid=case.guid, name=case.name)}>", *_values_xml(case.variables, types),
                          *(f'<SourceRef targetGUID="{g}"/>' for g in case.source_guids), "</Case>")
            self.line("</Cases>")
        opened = False
        for source in sources:
            if not opened:
                self.line("<Sources>")
                opened = True
            self.source(source, types, now)
        if opened:
            self.line("</Sources>")
        for memo in project.memos:
            self._note(memo.guid, memo.name, memo.text, memo.user_guid, _stamp(memo.created) if memo.created else None)
        if self.note_count or project.memos:
            self.line("<Notes>")
            self.notes.seek(0)
            shutil.copyfileobj(self.notes, self.out)
            self.line("</Notes>")
        self.line(*_groups_xml(project.codebook, "targetGUID", _sets_xml(project)), "</Project>")
        self.notes.close()

    def source(self, source: RefiSource, types: dict[str, str], now: str) -> None:
        path = f"{source.guid}.txt"
        data = source.text.encode("utf-8")
        self.texts.write(f"sources/{path} {len(data)}\n".encode())
        self.texts.write(data)
        self.line(f"<TextSource{_attrs(guid=source.guid, name=source.name, plainTextPath='internal://' + path, creationDateTime=now)}>"
                  + _description(source.memo))
        text, out = source.text, []  # the names of selections: their first 60 characters
        for c in source.codings:  # GUIDs are stored as guid() makes them: nothing in them to escape
            selection = c.selection_guid or _name_based(_SELECTIONS, c.guid)
            user = f' creatingUser="{c.user_guid}"' if c.user_guid else ""
            at = _stamp(c.created)
            out.append(f'<PlainTextSelection guid="{selection}" name="{xml_text(text[c.start:c.end][:60])}"'
                       f' startPosition="{c.start}" endPosition="{c.end}"{user} creationDateTime="{at}">{_description(c.memo)}\n'
                       f'<Coding guid="{c.guid}"{user} creationDateTime="{at}"><CodeRef targetGUID="{c.code_guid}"/>'
                       f'{self.note(c.memo, c.guid, user=c.user_guid, at=at)}</Coding>\n</PlainTextSelection>\n')
        self.out.write("".join(out))
        for start, end, memo in source.selection_memos:
            selection = derived_guid("memo-selection", source.guid, str(start))
            self.line(f"<PlainTextSelection{_attrs(guid=selection, startPosition=start, endPosition=end)}>"
                      f"{_description(memo)}{self.note(memo, selection)}</PlainTextSelection>")
        self.line(self.note(source.memo, source.guid), *_values_xml(source.variables, types), "</TextSource>")


SPOOL = 16 * 2**20  # notes held in memory up to this many characters, then on disk


def _sets_xml(project: RefiProject) -> list[str]:
    """The project's sets of sources and of notes (the study's memos), by name."""
    memo_sets: dict[str, list[str]] = defaultdict(list)
    for memo in project.memos:
        for name in memo.sets:
            memo_sets[name].append(memo.guid)
    sets = []
    for name in sorted({n for n, members in project.sets.items() if members} | set(memo_sets)):
        sets.append(f"<Set{_attrs(guid=derived_guid('set', name), name=name)}>")
        sets.extend(f'<MemberSource targetGUID="{g}"/>' for g in project.sets.get(name, []))
        sets.extend(f'<MemberNote targetGUID="{g}"/>' for g in memo_sets[name])
        sets.append("</Set>")
    return sets


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


def _read_codes(parent, depth: int = 0, notes: _Notes | None = None) -> list[CodeSpec]:
    """Codes with their children; a code's description is its <Description>, and in a project the notes it
    points at too."""
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
        description = notes.memo(element) or "" if notes else _text_of(_child(element, "Description"))
        spec = CodeSpec(name=name, description=description,
                        colour=colour, codable=codable, guid=_guid_of(element), line=element.sourceline or 0,
                        children=_read_codes(element, depth + 1, notes))
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
    book = Codebook(root.get("origin", ""), _read_codes(codes))
    for element in _items(root, "Sets", "Set"):  # Taguette writes an empty <Sets/>: nothing to read
        book.groups.append(_code_group(element))
    unread = _Unread(CODEBOOK_READ)
    unread.walk(root)
    book.skipped = unread.lines
    return book


def _code_group(element) -> CodeGroupSpec:
    """A <Set>'s codes as a code group: <MemberCode guid> in a .qdc, <MemberCode targetGUID> in a .qdpx."""
    members = [_guid_of(code, "targetGUID" if code.get("targetGUID") else "guid")
               for code in _children(element, "MemberCode")]
    return CodeGroupSpec(_required(element, "name").strip(), _guid_of(element), members,
                         _text_of(_child(element, "Description")), element.sourceline or 0)


def _text_of(element) -> str:
    return (element.text or "").strip() if element is not None else ""


# What the readers take, as (parent, child) element names; anything else in a file is listed, never dropped in
# silence. A .qdc holds codes and code groups; a .qdpx everything the standard has, but for what is listed whole.
CODEBOOK_READ = {("CodeBook", "Codes"), ("Codes", "Code"), ("Code", "Code"), ("Code", "Description"),
                 ("CodeBook", "Sets"), ("Sets", "Set"), ("Set", "Description"), ("Set", "MemberCode")}
PROJECT_READ = CODEBOOK_READ | {
    ("Project", "Users"), ("Users", "User"), ("Project", "CodeBook"), ("Code", "NoteRef"),
    ("Project", "Variables"), ("Variables", "Variable"), ("Project", "Cases"), ("Cases", "Case"),
    ("Case", "VariableValue"), ("Case", "SourceRef"), ("TextSource", "VariableValue"),
    ("Project", "Sources"), ("Sources", "TextSource"), ("TextSource", "Description"), ("TextSource", "PlainTextContent"),
    ("TextSource", "PlainTextSelection"), ("TextSource", "NoteRef"), ("PlainTextSelection", "Description"),
    ("PlainTextSelection", "Coding"), ("PlainTextSelection", "NoteRef"), ("Coding", "CodeRef"), ("Coding", "NoteRef"),
    ("Project", "Notes"), ("Notes", "Note"), ("Note", "PlainTextContent"), ("Project", "Sets"),
    ("Set", "MemberSource"), ("Set", "MemberNote"), ("Project", "Description"), ("Project", "NoteRef"),
    *(("VariableValue", kind) for kind in ("VariableRef", *(f"{t}Value" for t in VARIABLE_TYPES))),
}


class _Unread:
    """The elements a reader did not take: each kind once, with how many and the first one's line."""

    def __init__(self, read: set[tuple[str, str]]):
        self.read = read
        self.listed: set = set()  # elements already listed whole (a video, a source without text)
        self.found: dict[tuple[str, str], list[int]] = {}

    def walk(self, element) -> None:
        for child in element:
            if not isinstance(child.tag, str) or child in self.listed:
                continue
            kind = (_tag(element), _tag(child))
            if kind in self.read:
                self.walk(child)
            else:
                self.found.setdefault(kind, []).append(child.sourceline or 0)

    @property
    def lines(self) -> list[str]:
        return [_("line {line}: <{child}> in <{parent}> ({n}x) is not read").format(
            line=lines[0], child=child, parent=parent, n=len(lines)) for (parent, child), lines in self.found.items()]


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
    """A project in named steps: notes, codebook with code groups, users, sources with their codings, cases,
    sets; then the notes no element took (the project's own) as memos, and a line for whatever was not read."""
    notes = _Notes(root, files)
    unread = _Unread(PROJECT_READ)
    codebook = _child(root, "CodeBook")
    codes = _child(codebook, "Codes") if codebook is not None else None
    project = RefiProject(root.get("name", ""), Codebook(root.get("name", ""), _read_codes(codes, notes=notes)
                                                         if codes is not None else []), origin=root.get("origin", ""))
    for user in _items(root, "Users", "User"):
        project.users[_guid_of(user)] = user.get("name") or user.get("id") or "imported"
    variables = _variables(root)
    sources = _child(root, "Sources")
    for element in list(sources) if sources is not None else []:
        if isinstance(element.tag, str):
            _read_source(element, files, notes, project, variables, unread)
    project.cases = [RefiCase(_guid_of(case), (case.get("name") or "").strip(), _values(case, variables),
                              [guid(r.get("targetGUID", "")) for r in _children(case, "SourceRef")])
                     for case in _items(root, "Cases", "Case")]
    memo_sets: dict[str, list[str]] = defaultdict(list)
    for element in _items(root, "Sets", "Set"):
        name, group = _required(element, "name"), _code_group(element)
        if group.code_guids:  # ATLAS.ti's code groups
            project.codebook.groups.append(group)
        members = [guid(m.get("targetGUID", "")) for m in _children(element, "MemberSource")]
        if members or not group.code_guids and not _children(element, "MemberNote"):
            project.sets[name] = members
        if group.description and not group.code_guids:
            project.skipped.append(_("set '{name}': its description (a set of sources has none here)").format(
                name=name))
        for note in _children(element, "MemberNote"):
            memo_sets[guid(note.get("targetGUID", ""))].append(name)
    if description := _text_of(_child(root, "Description")):
        project.memos.append(RefiMemo(derived_guid("project-description", project.name), _("Project description"),
                                      description))
    project.memos += [replace(memo, sets=memo_sets.get(memo.guid, [])) for memo in notes.not_taken()]
    project.skipped += notes.missing
    for kind in ("Graphs", "Links"):
        if (found := _child(root, kind)) is not None:
            unread.listed.add(found)
            project.skipped.append(_("{kind} (not used by the workbench; their notes are kept as memos)").format(
                kind=kind))
    unread.walk(root)
    project.skipped += unread.lines
    return project


class _Notes:
    """The project's notes by GUID; what elements take of them (as their memo), and the rest: the project's own
    notes, and those of elements that have no place here, kept as memos of the study."""

    def __init__(self, root, files: _Members):
        self.notes = {}
        self.missing: list[str] = []
        for note in _items(root, "Notes", "Note"):
            text, where = _source_text(note, files)
            if text is None:
                self.missing.append(_("line {line}: note '{name}': its text is not in the file ({path})").format(
                    line=note.sourceline, name=note.get("name") or note.get("guid"), path=where))
            user = note.get("creatingUser")
            self.notes[_guid_of(note)] = RefiMemo(_guid_of(note), note.get("name") or "", (text or "").strip(),
                                                  guid(user) if user else None, _when(note.get("creationDateTime")))
        self.taken: set[str] = set()

    def memo(self, *elements) -> str | None:
        """The memo of elements: their <Description> (where QualCoder, ATLAS.ti and qdapy put a memo) and the
        texts of the notes their <NoteRef>s point at, each text once."""
        texts = []
        for element in elements:
            texts.append(_text_of(_child(element, "Description")))
            for ref in _children(element, "NoteRef"):
                note = self.notes.get(guid(ref.get("targetGUID", "")))
                if note is not None:
                    self.taken.add(note.guid)
                    texts.append(note.text)
        return "\n".join(dict.fromkeys(t for t in texts if t)) or None

    def not_taken(self) -> list[RefiMemo]:
        return [note for key, note in self.notes.items() if key not in self.taken and note.text]



def _variables(root) -> dict[str, tuple[str, str]]:
    """The project's variables: GUID -> (name, type)."""
    found = {}
    for variable in _items(root, "Variables", "Variable"):
        kind = variable.get("typeOfVariable", "Text")
        found[_guid_of(variable)] = ((variable.get("name") or "").strip(), kind if kind in VARIABLE_TYPES else "Text")
    return found


def _values(element, variables: dict[str, tuple[str, str]]) -> dict[str, Value]:
    """An element's variable values by variable name, each with its type (from the value's element, else the
    variable's)."""
    values = {}
    for value in _children(element, "VariableValue"):
        ref = _child(value, "VariableRef")
        held = next((v for v in value if isinstance(v.tag, str) and _tag(v) != "VariableRef"), None)
        if ref is None or held is None or not (held.text or "").strip():
            continue
        name, kind = variables.get(guid(ref.get("targetGUID", "")), ("", "Text"))
        kind = _tag(held).removesuffix("Value") if _tag(held).removesuffix("Value") in VARIABLE_TYPES else kind
        values[name or ref.get("targetGUID", "")] = (kind, held.text.strip())
    return values


def _read_source(element, files: _Members, notes: _Notes, project: RefiProject,
                 variables: dict[str, tuple[str, str]], unread: _Unread) -> None:
    """One source into the project: a text source with its selections, or a line on what was skipped."""
    kind = _tag(element)
    if kind != "TextSource":
        unread.listed.add(element)
        project.skipped.append(
            _("{kind} '{name}' (only text sources are read)").format(kind=kind, name=element.get("name", "?"))
        )
        return
    text, where = _source_text(element, files)
    if text is None or not any(c.isalnum() for c in text):  # NVivo for Mac writes a 1-byte file, no text
        unread.listed.add(element)
        codings = sum(len(_children(s, "Coding")) for s in _children(element, "PlainTextSelection"))
        said = (_("its text is not in the file ({path})").format(path=where) if text is None
                else _("its text in the file is empty ({path})").format(path=where))
        project.skipped.append(_("line {line}: TextSource '{name}': {said}; its {n} coding(s) not placed").format(
            line=element.sourceline, name=element.get("name") or element.get("guid") or "?", said=said, n=codings))
        return
    source = RefiSource(_guid_of(element), element.get("name") or _guid_of(element), text, memo=notes.memo(element),
                        variables=_values(element, variables))
    selections = [(selection, _positions(selection)) for selection in _children(element, "PlainTextSelection")]
    source.positions, convert = reading(text, [Selected(*at, selection.get("name") or "")
                                               for selection, at in selections if at], project.origin)
    for selection, at in selections:
        start, end = (convert(at[0]), convert(at[1])) if at else (-1, -1)
        if 0 <= start < end <= len(text):
            _read_selection(selection, start, end, source, notes)
        else:
            unread.listed.add(selection)
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


def _read_selection(selection, start: int, end: int, source: RefiSource, notes: _Notes) -> None:
    """A selection's codings (or, without codings, its memo) into the source."""
    codings = _children(selection, "Coding")
    if not codings and (selection_memo := notes.memo(selection)):
        source.selection_memos.append((start, end, selection_memo))
    for coding in codings:
        ref = _child(coding, "CodeRef")
        if ref is None:
            raise WorkbenchError(_("line {sourceline}: <Coding> has no <CodeRef>").format(sourceline=coding.sourceline))
        user = coding.get("creatingUser") or selection.get("creatingUser")
        source.codings.append(RefiCoding(
            guid=_guid_of(coding), code_guid=_guid_of(ref, "targetGUID"), start=start, end=end,
            user_guid=guid(user) if user else None, created=_when(coding.get("creationDateTime")),
            memo=notes.memo(coding, selection),
            selection_guid=_guid_of(selection),
        ))


def _when(value: str | None) -> datetime | None:
    """A time as the file gives it, in UTC (SQLite keeps no zone: 10:00+02:00 was kept as 10:00, read as UTC)."""
    if not value:
        return None
    try:
        moment = datetime.fromisoformat(value.replace("Z", "+00:00"))
        return moment.astimezone(timezone.utc) if moment.tzinfo else moment
    except (ValueError, OverflowError):  # not a time, or one beyond the calendar in UTC (0001-01-01T00:00+02:00)
        return None
