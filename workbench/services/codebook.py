"""The codebook: import/export, and changes (add, rename, move, merge, split) that keep codings."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from workbench.core.codebook_file import Codebook, CodeGroupSpec, CodeSpec, read_codebook
from workbench.core.codes import join_path, normalise_colour, split_path
from workbench.core.db import Database
from workbench.core.dto import CodebookChangeView, CodebookOutcome, CodeView
from workbench.core.models import Code, CodebookChange, CodeGroup, Coding
from workbench.core.patterns import Pattern
from workbench.errors import WorkbenchError
from workbench.i18n import _
from workbench.services import backups
from workbench.services.coding_writer import CodingWriter
from workbench.services.lookup import CodeTree, coder_ids, coder_named

_FIELDS = ("description", "colour", "keywords", "patterns", "codable")


def _record(session: Session, coder: str, action: str, code: Code, **detail) -> None:
    session.add(CodebookChange(coder=coder, action=action, code_guid=code.guid, detail=detail))


def import_codebook(db: Database, path: Path, coder: str, overwrite: bool = False) -> CodebookOutcome:
    """A YAML codebook, or a REFI-QDA one (.qdc)."""
    suffix = path.suffix.lower()
    book = _read_other(path) if suffix in (".qdc", ".csv") else read_codebook(path)
    try:
        with db.write() as session:
            return merge_codebook(session, book, coder, keywords=suffix not in (".qdc", ".csv"), overwrite=overwrite)
    except WorkbenchError as exc:
        raise exc.at(str(path)) from exc


def merge_codebook(session: Session, book: Codebook, coder: str, keywords: bool = True,
                   overwrite: bool = False) -> CodebookOutcome:
    """Add new codes, update known ones (matched by guid, else by path); delete nothing. What the file
    leaves out keeps ours; where it says otherwise ours stays and is listed, unless overwrite.

    keywords=False: the book has none (REFI-QDA), so codes keep their own.
    """
    _refuse_twin_guids(book)
    added, updated, unchanged, conflicts = [], [], 0, []
    ids: dict[tuple[str, ...], int] = {}
    by_guid: dict[str, int] = {}
    tree = CodeTree(session)  # read once, kept in step (place)
    ours = {code.guid: code for code in session.scalars(select(Code))}
    by_id = {code.id: code for code in ours.values()}
    for position, (names, spec) in enumerate(book.walk()):
        parent_id = ids[names[:-1]] if len(names) > 1 else None
        code = ours.get(spec.guid) if spec.guid else None
        if code is None and (found := tree.find(join_path(names))) is not None:
            code = by_id[found]
        path = join_path(names)
        if code is None:
            code = Code(name=spec.name, parent_id=parent_id, guid=spec.guid or None, position=position)
            _apply(code, spec, keywords)
            session.add(code)
            session.flush()
            ours[code.guid], by_id[code.id] = code, code
            tree.place(code.id, code.name, parent_id, position)
            _record(session, coder, "add", code, path=path, source="import")
            added.append(path)
        else:
            before = {f: getattr(code, f) for f in _FIELDS}
            old_path = tree.path(code.id)
            if old_path.casefold() != path.casefold():
                _refuse_taken(tree, path, code.id)
                if parent_id is not None and parent_id in tree.subtree(code.id):
                    raise WorkbenchError(_("line {line}: '{path}' would go under itself").format(
                        line=spec.line, path=path))
                code.name, code.parent_id = spec.name, parent_id
                tree.place(code.id, code.name, parent_id, code.position)
                _record(session, coder, "move", code, old=old_path, new=path, source="import")
            conflicts += _update(code, spec, keywords, overwrite, path)
            changed = {f: getattr(code, f) for f in _FIELDS if getattr(code, f) != before[f]}
            if changed or old_path != path:
                if changed:
                    _record(session, coder, "update", code, path=path, source="import", **changed)
                updated.append(path)
            else:
                unchanged += 1
            session.flush()
        ids[names] = code.id
        if spec.guid:
            by_guid[spec.guid] = code.id
    groups_added, groups_updated = _merge_groups(session, book, by_guid, overwrite, conflicts)
    return CodebookOutcome(tuple(added), tuple(updated), unchanged, by_guid, tuple(conflicts), groups_added,
                           groups_updated, tuple(book.skipped))


def _merge_groups(session: Session, book: Codebook, by_guid: dict[str, int], overwrite: bool,
                  conflicts: list[str]) -> tuple[tuple[str, ...], tuple[str, ...]]:
    """Code groups by guid, else by name: new ones added, known ones given the file's codes they lack (a group
    loses no code); a code the file's group names that is nowhere is listed. Returns (added, updated)."""
    added, updated = [], []
    study_codes = dict(session.execute(select(Code.guid, Code.id)).all())
    for found in book.groups:
        group = (session.scalar(select(CodeGroup).where(CodeGroup.guid == found.guid)) if found.guid else None) \
            or session.scalar(select(CodeGroup).where(CodeGroup.name == found.name))
        is_new = group is None
        if group is None:
            group = CodeGroup(guid=found.guid or None, name=found.name, description=found.description)
            session.add(group)
        members = {code.id for code in group.codes}
        wanted = []
        for code_guid in dict.fromkeys(found.code_guids):
            code_id = by_guid.get(code_guid, study_codes.get(code_guid))
            if code_id is None:
                conflicts.append(_("code group '{group}': its code {code} is not in the codebook").format(
                    group=found.name, code=code_guid))
            elif code_id not in members:
                wanted.append(code_id)
        group.codes += [session.get(Code, code_id) for code_id in wanted]
        described = found.description and found.description != group.description
        if described and (overwrite or not group.description):
            group.description = found.description
        elif described:
            conflicts.append(_("code group '{group}': description: ours {ours}, the file's {theirs}").format(
                group=found.name, ours=_show(group.description), theirs=_show(found.description)))
        if is_new:
            added.append(found.name)
        elif wanted or described and group.description == found.description:
            updated.append(found.name)
    session.flush()
    return tuple(added), tuple(updated)


def _refuse_twin_guids(book: Codebook) -> None:
    """A guid names one code (codings and groups point at it): two codes with one guid are refused."""
    seen: dict[str, str] = {}
    for names, spec in book.walk():
        if spec.guid and spec.guid in seen:
            raise WorkbenchError(_("line {line}: the codes '{first}' and '{second}' have the same guid {guid}").format(
                line=spec.line, first=seen[spec.guid], second=join_path(names), guid=spec.guid))
        if spec.guid:
            seen[spec.guid] = join_path(names)


def code_groups(db: Database) -> dict[str, list[str]]:
    """Each code group's name and the paths of its codes, in order."""
    with db.read() as session:
        tree = CodeTree(session)
        return {group.name: sorted(tree.path(code.id) for code in group.codes)
                for group in session.scalars(select(CodeGroup).order_by(CodeGroup.name))}


def _read_other(path: Path) -> Codebook:
    """A REFI-QDA (.qdc) or Taguette (.csv) codebook: names, descriptions, colours; no keywords."""
    from workbench.interop.refi_xml import read_codebook_xml
    from workbench.interop.taguette import read_codebook_csv

    try:
        data = path.read_bytes()
        return read_codebook_csv(data, path.stem) if path.suffix.lower() == ".csv" else read_codebook_xml(data)
    except OSError as exc:
        raise WorkbenchError(_("cannot read: {strerror}").format(strerror=exc.strerror), where=str(path)) from exc
    except WorkbenchError as exc:
        raise exc.at(str(path)) from exc


def _apply(code: Code, spec: CodeSpec, keywords: bool = True) -> None:
    """A new code as the file gives it."""
    code.description = spec.description or ""
    code.colour = spec.colour
    code.keywords, code.patterns = (list(spec.keywords), list(spec.patterns)) if keywords else ([], [])
    code.exclusions = list(spec.exclusions) if keywords else []
    code.codable = spec.codable
    code.guide_questions = list(spec.guide)


def _update(code: Code, spec: CodeSpec, keywords: bool, overwrite: bool, path: str) -> list[str]:
    """A known code from a file: what the file leaves out (no description or colour: QualCoder, Taguette;
    fewer keywords) keeps ours; a value the file has otherwise replaces ours only with overwrite, else
    it is one line of the returned conflicts."""
    conflicts = []
    for field, theirs in (("description", spec.description.strip()), ("colour", spec.colour),
                          ("codable", spec.codable)):
        ours = getattr(code, field)
        if theirs in ("", None) or ours == theirs:
            continue
        if ours in ("", None) or overwrite:
            setattr(code, field, theirs)
        else:
            conflicts.append(_("{code}: {field} {ours} kept; the file has {theirs}").format(
                code=path, field=field, ours=_show(ours), theirs=_show(theirs)))
    if spec.guide:  # a file that names the guide's questions (YAML) says where the code comes from
        code.guide_questions = list(spec.guide)
    if keywords:
        code.keywords = (
            list(spec.keywords) if overwrite else list(dict.fromkeys([*(code.keywords or []), *spec.keywords]))
        )
        code.patterns = (
            list(spec.patterns) if overwrite else list(dict.fromkeys([*(code.patterns or []), *spec.patterns]))
        )
        code.exclusions = (
            list(spec.exclusions) if overwrite else list(dict.fromkeys([*(code.exclusions or []), *spec.exclusions]))
        )
    elif code.keywords is None:
        code.keywords, code.patterns, code.exclusions = [], [], []
    return conflicts


def _show(value: object) -> str:
    text = str(value)
    return repr(text if len(text) <= 60 else text[:57] + "...")


def _refuse_taken(tree: CodeTree, path: str, code_id: int | None = None) -> None:
    found = tree.find(path)
    if found is not None and found != code_id:
        raise WorkbenchError(_("a code '{value}' already exists").format(value=tree.path(found)))


def export_codebook(db: Database) -> Codebook:
    with db.read() as session:
        return codebook_of(session)


def codebook_of(session: Session) -> Codebook:
    """The study's codebook as a file holds it (in the transaction of a larger read: a project's export)."""
    tree = CodeTree(session)
    codes = {c.id: c for c in session.scalars(select(Code))}

    def spec(code_id: int) -> CodeSpec:
        code = codes[code_id]
        return CodeSpec(
            name=code.name, description=code.description, colour=code.colour,
            keywords=list(code.keywords), patterns=list(code.patterns), exclusions=list(code.exclusions or ()),
            codable=code.codable, guid=code.guid, guide=list(code.guide_questions or []),
            children=[spec(child) for child in tree.children.get(code_id, [])],
        )

    guids = {code.id: code.guid for code in codes.values()}
    groups = [CodeGroupSpec(group.name, group.guid, [guids[code.id] for code in group.codes], group.description)
              for group in session.scalars(select(CodeGroup).order_by(CodeGroup.name))]
    return Codebook("", [spec(code_id) for code_id in tree.children.get(None, [])], groups)


def show_codebook(db: Database, coders: Sequence[str] | None = None, counted: bool = True) -> list[CodeView]:
    """The codes in tree order, each with its number of codings (by coders, or by everyone; counted False:
    0, for a caller that needs no counts and should not wait for them in a study of millions)."""
    with db.read() as session:
        tree = CodeTree(session)
        codes = {c.id: c for c in session.scalars(select(Code))}
        ids = coder_ids(session, coders)
        counts = dict(session.execute(select(Coding.code_id, func.count()).where(
            *([Coding.coder_id.in_(ids)] if ids else [])).group_by(Coding.code_id)).all()) if counted else {}
        return [
            CodeView(
                guid=codes[code_id].guid, path=tree.path(code_id), name=codes[code_id].name,
                depth=depth, description=codes[code_id].description, colour=codes[code_id].colour,
                keywords=tuple(codes[code_id].keywords), patterns=tuple(codes[code_id].patterns),
                codable=codes[code_id].codable, codings=counts.get(code_id, 0),
                guide=tuple(codes[code_id].guide_questions or ()),
                exclusions=tuple(codes[code_id].exclusions or ()),
            )
            for code_id, depth in tree.walk()
        ]


def add_code(db: Database, path: str, coder: str, description: str = "", colour: str | None = None) -> str:
    """Create a code, and any missing parents on its path."""
    with db.write() as session:
        tree = CodeTree(session)
        if (found := tree.find(path)) is not None:
            raise WorkbenchError(_("code '{value}' already exists").format(value=tree.path(found)))
        code_id = _ensure(session, _names(path), coder, description, _colour(colour) if colour else None)
        return CodeTree(session).path(code_id)


def codable_code(session: Session, path: str, coder: str, create: bool = False) -> tuple[Code, CodeTree]:
    """The code a coding goes to, and the code tree it is in: the code must exist (or, with create, is
    made with missing parents) and not be a code group."""
    tree = CodeTree(session)
    found = tree.find(path)
    if found is None and not create:
        raise WorkbenchError(_("unknown code '{path}' (see 'workbench codebook show')").format(path=path))
    if found is None:
        found = _ensure(session, _names(path), coder)
        tree = CodeTree(session)  # with the new code
    code = session.get(Code, found)
    if not code.codable:
        raise WorkbenchError(_("'{value}' is a code group: choose one of its codes").format(value=tree.path(code.id)))
    return code, tree


def _ensure(session: Session, names: list[str], coder: str, description: str = "", colour: str | None = None) -> int:
    """The code at that path, created (with missing parents) if need be."""
    tree = CodeTree(session)
    parent_id = None
    for depth in range(1, len(names) + 1):
        found = tree.find(join_path(names[:depth]))
        if found is None:
            last = depth == len(names)
            code = Code(
                name=names[depth - 1], parent_id=parent_id,
                description=description if last else "", colour=colour if last else None,
                position=len(tree.children.get(parent_id, [])),
            )
            session.add(code)
            session.flush()
            _record(session, coder, "add", code, path=join_path(names[:depth]))
            found = code.id
        parent_id = found
    return parent_id


def update_code(
    db: Database, path: str, coder: str, *, description: str | None = None, colour: str | None = None,
    keywords: list[str] | None = None, patterns: list[str] | None = None, exclusions: list[str] | None = None,
) -> None:
    with db.write() as session:
        code = session.get(Code, CodeTree(session).get(path))
        changes = {}
        for field, value in (("description", description), ("colour", colour and _colour(colour)),
                             ("keywords", keywords), ("patterns", patterns), ("exclusions", exclusions)):
            if value is not None and value != getattr(code, field):
                if field == "patterns":
                    _check_patterns(value)
                changes[field] = {"old": getattr(code, field), "new": value}
                setattr(code, field, value)
        if changes:
            _record(session, coder, "update", code, path=path, **changes)


def rename_code(db: Database, path: str, new_name: str, coder: str) -> str:
    with db.write() as session:
        tree = CodeTree(session)
        code = session.get(Code, tree.get(path))
        (new_name,) = _names(new_name)
        new_path = join_path((*tree.names(code.id)[:-1], new_name))
        _refuse_taken(tree, new_path, code.id)
        _record(session, coder, "rename", code, old=tree.path(code.id), new=new_path)
        code.name = new_name
        return new_path


def move_code(db: Database, path: str, new_parent: str | None, coder: str) -> str:
    """Put a code (with its subtree and codings) under another parent, or at the top."""
    with db.write() as session:
        tree = CodeTree(session)
        code = session.get(Code, tree.get(path))
        parent_id = tree.get(new_parent) if new_parent else None
        if parent_id is not None and parent_id in tree.subtree(code.id):
            raise WorkbenchError(_("cannot move '{value}' inside itself").format(value=tree.path(code.id)))
        parent_names = tree.names(parent_id) if parent_id is not None else ()
        new_path = join_path((*parent_names, code.name))
        _refuse_taken(tree, new_path, code.id)
        _record(session, coder, "move", code, old=tree.path(code.id), new=new_path)
        code.parent_id = parent_id
        code.position = len(tree.children.get(parent_id, []))
        return new_path


def merge_codes(db: Database, source: str, target: str, coder: str) -> int:
    """Move source's codings and subcodes to target, then remove source. Returns codings moved.

    A span that the same coder had coded with both codes keeps one coding (memos joined).
    """
    backups.before(db, "merge")
    with db.write() as session:
        tree = CodeTree(session)
        source_id, target_id = tree.get(source), tree.get(target)
        if source_id == target_id or target_id in tree.subtree(source_id):
            raise WorkbenchError(
                _("cannot merge '{value}' into itself or its own subcode").format(value=tree.path(source_id))
            )
        source_code, target_code = session.get(Code, source_id), session.get(Code, target_id)
        if not target_code.codable:
            raise WorkbenchError(
                _("'{value}' only groups codes and cannot take codings").format(value=tree.path(target_id))
            )
        writer = CodingWriter(session, coder_named(session, coder))
        moving = list(session.scalars(select(Coding.id).where(Coding.code_id == source_id)))
        duplicates = writer.recode(moving, target_code)
        for child_id in tree.children.get(source_id, []):
            child = session.get(Code, child_id)
            _refuse_taken(tree, join_path((*tree.names(target_id), child.name)), child_id)
            child.parent_id = target_id
        _record(
            session, coder, "merge", source_code, source=tree.path(source_id), target=tree.path(target_id),
            target_guid=target_code.guid, codings_moved=len(moving) - duplicates, duplicates_joined=duplicates,
        )
        session.flush()
        session.delete(source_code)
        return len(moving)


def unused(db: Database, path: str) -> bool:
    """Whether the code is there and nothing rests on it (no coding by anyone, no subcode): it can be deleted."""
    with db.read() as session:
        tree = CodeTree(session)
        code_id = tree.find(path)
        return code_id is not None and not tree.children.get(code_id) and not session.scalar(
            select(Coding.id).where(Coding.code_id == code_id).limit(1))


def delete_code(db: Database, path: str, coder: str) -> str:
    """Remove a code that nothing rests on: no coding by anyone, no subcode (merge it into another code
    instead). Its pending suggestions and places in code groups go with it; the history keeps what it was."""
    with db.write() as session:
        tree = CodeTree(session)
        code = session.get(Code, tree.get(path))
        path = tree.path(code.id)
        codings = session.scalar(select(func.count()).select_from(Coding).where(Coding.code_id == code.id))
        if codings:
            raise WorkbenchError(_("'{code}' has {n} coding(s): merge it into another code instead").format(
                code=path, n=codings))
        if tree.children.get(code.id):
            raise WorkbenchError(_("'{code}' has subcodes: move or delete them first").format(code=path))
        _record(session, coder, "delete", code, path=path, description=code.description,
                keywords=list(code.keywords or ()))
        session.delete(code)
        return path


def add_to_code_group(db: Database, group: str, paths: Sequence[str], coder: str) -> list[str]:
    """Put codes in a code group, made if it is new (a group of codes from anywhere in the tree, as
    ATLAS.ti's). Returns the paths it did not hold before."""
    name = group.strip()
    if not name:
        raise WorkbenchError(_("a code group needs a name"))
    with db.write() as session:
        tree = CodeTree(session)
        found = session.scalar(select(CodeGroup).where(CodeGroup.name == name))
        if found is None:
            found = CodeGroup(name=name)
            session.add(found)
        members = {code.id for code in found.codes}
        added = []
        for path in paths:
            code = session.get(Code, tree.get(path))
            if code.id not in members:
                found.codes.append(code)
                members.add(code.id)
                _record(session, coder, "group", code, path=tree.path(code.id), group=name)
                added.append(tree.path(code.id))
        return added


def remove_from_code_group(db: Database, group: str, paths: Sequence[str], coder: str) -> None:
    """Take codes out of a code group, all or none; a group left empty goes."""
    with db.write() as session:
        tree = CodeTree(session)
        found = session.scalar(select(CodeGroup).where(CodeGroup.name == group))
        for path in paths:
            code = session.get(Code, tree.get(path))
            if found is None or code not in found.codes:
                raise WorkbenchError(_("'{code}' is not in the code group '{group}'").format(code=path, group=group))
            found.codes.remove(code)
            _record(session, coder, "ungroup", code, path=tree.path(code.id), group=group)
        if found is not None and not found.codes:
            session.delete(found)


def split_code(
    db: Database, path: str, new_path: str, coder: str, *, pattern: str | None = None,
    coding_guids: list[str] | None = None,
) -> int:
    """Move the codings of a code whose quote matches pattern (or that are named) to a new code."""
    if not pattern and not coding_guids:
        raise WorkbenchError(_("say which codings move: --pattern REGEX or --coding GUID"))
    regex = Pattern(pattern) if pattern else None
    with db.write() as session:
        source_id = CodeTree(session).get(path)
        target_id = _ensure(session, _names(new_path), coder)
        tree = CodeTree(session)
        if target_id == source_id:
            raise WorkbenchError(_("a code cannot be split into itself"))
        codings = session.scalars(select(Coding).where(Coding.code_id == source_id)).all()
        wanted = set(coding_guids or [])
        unknown = wanted - {c.guid for c in codings}
        if unknown:
            raise WorkbenchError(
                _("coding {sorted} is not coded with '{value}'").format(
                    sorted=sorted(unknown)[0], value=tree.path(source_id)
                )
            )
        chosen = [c.id for c in codings if c.guid in wanted or (regex and regex.search(c.quote))]
        CodingWriter(session, coder_named(session, coder)).recode(chosen, session.get(Code, target_id))
        _record(
            session, coder, "split", session.get(Code, source_id), source=tree.path(source_id),
            target=tree.path(target_id), target_guid=session.get(Code, target_id).guid,
            pattern=pattern, codings_moved=len(chosen),
        )
        return len(chosen)


def history(db: Database) -> list[CodebookChangeView]:
    with db.read() as session:
        return [
            CodebookChangeView(c.at, c.coder, c.action, c.code_guid, dict(c.detail))
            for c in session.scalars(select(CodebookChange).order_by(CodebookChange.id))
        ]


def _names(path: str) -> list[str]:
    try:
        return split_path(path)
    except ValueError as exc:
        raise WorkbenchError(str(exc)) from exc


def _colour(value: str) -> str:
    try:
        return normalise_colour(value)
    except ValueError as exc:
        raise WorkbenchError(str(exc)) from exc


def _check_patterns(patterns: list[str]) -> None:
    for pattern in patterns:
        Pattern(pattern)
