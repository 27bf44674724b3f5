"""The YAML codebook format: read with line-numbered validation, and write.

    name: Interview guide            # optional
    codes:
      - name: Belemmeringen studenten
        description: Waarom studenten niet naar het buitenland gaan.
        colour: "#d62728"
        keywords: [studievertraging*, "te duur"]   # whole words, * = any ending
        exclude: ["studievertraging* is geen*"]    # phrases, as keywords, in which a hit is none
        patterns: ['achter\\s+(?:te\\s+)?raken']     # regular expressions
        codable: true                # false for a grouping-only code
        guid: 6f1c...                # kept stable by export/import
        children: [...]
"""

from __future__ import annotations

import io
import re
import uuid
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from workbench.core.codes import join_path, normalise_colour
from workbench.core.patterns import Pattern
from workbench.errors import WorkbenchError
from workbench.i18n import _
from workbench.limits import GRAPH_NODES, NESTING

if TYPE_CHECKING:  # ruamel is loaded where YAML is read or written: a command that reads none does not pay for it
    from ruamel.yaml.nodes import Node

_BRACKET = re.compile(r"[\[\]{}]")
_KEYS = {"name", "description", "colour", "color", "keywords", "exclude", "patterns", "codable", "guid", "guide",
         "children"}


@dataclass
class CodeSpec:
    name: str
    description: str = ""
    colour: str | None = None
    keywords: list[str] = field(default_factory=list)
    patterns: list[str] = field(default_factory=list)
    exclusions: list[str] = field(default_factory=list)  # phrases (as keywords) in which a keyword's hit is none
    codable: bool = True
    guid: str | None = None
    guide: list[str] = field(default_factory=list)  # the interview guide's questions it comes from ("5", "a")
    children: list[CodeSpec] = field(default_factory=list)
    line: int = 0


@dataclass
class CodeGroupSpec:
    """A named set of codes (ATLAS.ti's code groups, REFI-QDA's <Set> of <MemberCode>), by the codes' guids."""

    name: str
    guid: str | None = None
    code_guids: list[str] = field(default_factory=list)
    description: str = ""
    line: int = 0


@dataclass
class Codebook:
    name: str
    codes: list[CodeSpec]
    groups: list[CodeGroupSpec] = field(default_factory=list)
    skipped: list[str] = field(default_factory=list)  # what a file from another tool held that is not read

    def walk(self, codes: list[CodeSpec] | None = None,
             parents: tuple[str, ...] = ()) -> Iterator[tuple[tuple[str, ...], CodeSpec]]:
        """(path names, spec) for every code, parents before children."""
        for spec in self.codes if codes is None else codes:
            names = (*parents, spec.name)
            yield names, spec
            yield from self.walk(spec.children, names)


def read_codebook(path: Path) -> Codebook:
    try:
        text = path.read_text(encoding="utf-8-sig")
    except (OSError, UnicodeDecodeError) as exc:
        raise WorkbenchError(_("cannot read codebook: {exc}").format(exc=exc), where=str(path)) from exc
    try:
        return parse_codebook(text)
    except WorkbenchError as exc:
        raise exc.at(str(path)) from exc


def parse_codebook(text: str) -> Codebook:
    data = load_yaml(text)
    if not isinstance(data, dict) or not isinstance(data.get("codes"), list):
        raise WorkbenchError(_("line 1: a codebook needs a 'codes:' list"))
    codes = [_spec(item, data["codes"], i) for i, item in enumerate(data["codes"])]
    name = data.get("name") or ""
    if not isinstance(name, str):
        raise WorkbenchError(_("line 1: the codebook's 'name' must be text"))
    book = Codebook(name, codes)
    _refuse_duplicates(book)
    return book


def load_yaml(text: str) -> object:
    """YAML from a file someone sent: bombs, cycles and deep nesting refused first; errors name the line."""
    from ruamel.yaml import YAML
    from ruamel.yaml.error import MarkedYAMLError
    from ruamel.yaml.reader import ReaderError

    _refuse_deep_brackets(text)
    yaml = YAML(typ="rt")
    try:
        root = yaml.compose(text)
        _check_graph(root)
        return None if root is None else yaml.constructor.construct_document(root)  # the text is read once
    except RecursionError as exc:
        raise WorkbenchError(_("nested more than {NESTING} levels deep").format(NESTING=NESTING)) from exc
    except ReaderError as exc:  # a control character: YAML allows none
        character = chr(exc.character) if isinstance(exc.character, int) else str(exc.character)
        raise WorkbenchError(_("line {line}: the control character {character!r} is not allowed in YAML").format(
            line=text.count("\n", 0, exc.position) + 1, character=character)) from exc
    except (ValueError, OverflowError, TypeError) as exc:  # what YAML reads but Python cannot hold: a 5,000-digit
        # number, a list or mapping as a mapping's key
        raise WorkbenchError(_("a value cannot be read: {problem}").format(problem=str(exc).split(";")[0])) from exc
    except MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        line = f"line {mark.line + 1}: " if mark else ""
        raise WorkbenchError(
            _("{line}invalid YAML: {value}").format(line=line, value=exc.problem or exc.context)
        ) from exc


def _refuse_deep_brackets(text: str) -> None:
    """YAML's flow style nested deeply takes its scanner hours: count brackets first (in quotes too, so
    nothing can hide them; no codebook has that many open brackets in its text)."""
    depth = 0
    for found in _BRACKET.finditer(text):
        depth += 1 if found.group() in "[{" else -1
        if depth > NESTING:
            line = text.count("\n", 0, found.start()) + 1
            raise WorkbenchError(
                _("line {line}: nested more than {NESTING} levels deep").format(line=line, NESTING=NESTING)
            )


def _check_graph(root: Node | None) -> None:
    """Refuse cycles, deep nesting and alias bombs before anything walks the document."""
    visited = 0
    stack: list[tuple[Node | None, frozenset[int]]] = [(root, frozenset())]
    while stack:
        node, ancestors = stack.pop()
        if node is None:
            continue
        if id(node) in ancestors:
            raise WorkbenchError(
                _("line {value}: cycle: alias '*{anchor}' puts a code inside itself").format(
                    value=node.start_mark.line + 1, anchor=node.anchor)
            )
        visited += 1
        if visited > GRAPH_NODES:
            raise WorkbenchError(
                _(
                    "more than {GRAPH_NODES:,} entries once aliases are followed; refused as a possible alias bomb"
                ).format(GRAPH_NODES=GRAPH_NODES)
            )
        if len(ancestors) > NESTING:
            raise WorkbenchError(
                _("line {value}: nested more than {NESTING} levels deep").format(
                    value=node.start_mark.line + 1, NESTING=NESTING
                )
            )
        if isinstance(node.value, list):
            inner = ancestors | {id(node)}
            for item in node.value:
                stack.extend((child, inner) for child in (item if isinstance(item, tuple) else (item,)))


def _line(container: Any, index: int) -> int:
    """The line of a parsed YAML item (ruamel's round-trip containers know it)."""
    try:
        lines: Any = container.lc
        return int(lines.item(index)[0] if isinstance(container, list) else lines.line) + 1
    except (AttributeError, KeyError, IndexError, TypeError):
        return 0


def _spec(item: Any, container: Any, index: int) -> CodeSpec:
    line = _line(container, index)
    if not isinstance(item, dict):
        raise WorkbenchError(_("line {line}: each code must be a mapping with at least 'name'").format(line=line))
    unknown = sorted(set(map(str, item)) - _KEYS)
    if unknown:
        raise WorkbenchError(
            _("line {line}: unknown key '{unknown}' (allowed: {items})").format(
                line=line, unknown=unknown[0], items=", ".join(sorted(_KEYS))
            )
        )
    name = item.get("name")
    if not isinstance(name, str) or not name.strip():
        raise WorkbenchError(_("line {line}: code without a name").format(line=line))
    if not name.strip().isprintable():
        raise WorkbenchError(
            _("line {line}: code name {value!r} holds a line break or control character").format(
                line=line, value=name.strip()
            )
        )
    if re.search(r">|::", name):
        raise WorkbenchError(
            _("line {line}: code name {name!r} may not contain '>' or '::'").format(line=line, name=name)
        )
    spec = CodeSpec(name=name.strip(), line=line)
    spec.description = _text(item, "description", line)
    colour = item.get("colour", item.get("color"))
    if colour is not None:
        if not isinstance(colour, str):
            raise WorkbenchError(
                _("line {line}: code '{name}': colour must be text such as \"#d62728\"").format(
                    line=line, name=spec.name
                )
            )
        try:
            spec.colour = normalise_colour(colour)
        except ValueError as exc:
            raise WorkbenchError(
                _("line {line}: code '{name}': {exc}").format(line=line, name=spec.name, exc=exc)
            ) from exc
    spec.keywords = _strings(item, "keywords", line)
    spec.patterns = _strings(item, "patterns", line)
    spec.exclusions = _strings(item, "exclude", line)
    for pattern in spec.patterns:
        try:
            Pattern(pattern)
        except WorkbenchError as exc:
            raise WorkbenchError(
                _("line {line}: code '{name}': {exc}").format(line=line, name=spec.name, exc=exc)
            ) from exc
    codable = item.get("codable", True)
    if not isinstance(codable, bool):
        raise WorkbenchError(
            _("line {line}: code '{name}': 'codable' must be true or false").format(line=line, name=spec.name)
        )
    spec.codable = codable
    if (guid := item.get("guid")) is not None:
        if not isinstance(guid, str):
            raise WorkbenchError(_("line {line}: code '{name}': 'guid' must be text").format(line=line, name=spec.name))
        try:
            spec.guid = str(uuid.UUID(str(guid).strip("{}")))
        except ValueError as exc:
            raise WorkbenchError(
                _("line {line}: code '{name}': bad guid {guid!r}").format(line=line, name=spec.name, guid=guid)
            ) from exc
    asked = item.get("guide") or []
    if not isinstance(asked, list) or not all(isinstance(q, (str, int)) and not isinstance(q, bool) for q in asked):
        raise WorkbenchError(
            _("line {line}: code '{name}': 'guide' must be a list of question ids, e.g. [5, 6]").format(
                line=line, name=spec.name
            )
        )
    spec.guide = [str(q).strip() for q in asked if str(q).strip()]
    children = item.get("children") or []
    if not isinstance(children, list):
        raise WorkbenchError(
            _("line {line}: code '{name}': 'children' must be a list").format(line=line, name=spec.name)
        )
    spec.children = [_spec(child, children, i) for i, child in enumerate(children)]
    return spec


def _text(item: dict[str, Any], key: str, line: int) -> str:
    value = item.get(key) or ""
    if not isinstance(value, str):
        raise WorkbenchError(_("line {line}: '{key}' must be text").format(line=line, key=key))
    return value.strip()


def _strings(item: dict[str, Any], key: str, line: int) -> list[str]:
    value = item.get(key) or []
    if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
        raise WorkbenchError(_("line {line}: '{key}' must be a list of text").format(line=line, key=key))
    return [v.strip() for v in value if v.strip()]


def _refuse_duplicates(book: Codebook) -> None:
    paths: dict[str, int] = {}
    guids: dict[str, int] = {}
    for names, spec in book.walk():
        key = join_path(names).casefold()
        if key in paths:
            raise WorkbenchError(
                _("line {line}: duplicate code '{join_path}' (first at line {paths})").format(
                    line=spec.line, join_path=join_path(names), paths=paths[key])
            )
        paths[key] = spec.line
        if spec.guid:
            if spec.guid in guids:
                raise WorkbenchError(
                    _("line {line}: guid {guid} used twice (first at line {guids})").format(
                        line=spec.line, guid=spec.guid, guids=guids[spec.guid])
                )
            guids[spec.guid] = spec.line


def dump_codebook(book: Codebook) -> str:
    def as_data(spec: CodeSpec) -> dict[str, Any]:
        data: dict[str, Any] = {"name": spec.name}
        if spec.description:
            data["description"] = spec.description
        if spec.colour:
            data["colour"] = spec.colour
        if spec.keywords:
            data["keywords"] = list(spec.keywords)
        if spec.patterns:
            data["patterns"] = list(spec.patterns)
        if spec.exclusions:
            data["exclude"] = list(spec.exclusions)
        if not spec.codable:
            data["codable"] = False
        if spec.guid:
            data["guid"] = spec.guid
        if spec.guide:
            data["guide"] = [int(q) if q.isdigit() else q for q in spec.guide]
        if spec.children:
            data["children"] = [as_data(child) for child in spec.children]
        return data

    from ruamel.yaml import YAML

    yaml = YAML()
    yaml.default_flow_style = False
    yaml.allow_unicode = True
    yaml.width = 100
    yaml.indent(mapping=2, sequence=4, offset=2)
    out = io.StringIO()
    document = {"name": book.name, "codes": [as_data(spec) for spec in book.codes]}
    if not book.name:
        del document["name"]
    yaml.dump(document, out)
    return out.getvalue()
