"""Taguette's CSV codebook: a `tag` (or `name`, or `path`) column, an optional `description`, and
counts we do not need. A tag named `Parent::Child` is a subcode, as in a flattened REFI-QDA codebook."""

from __future__ import annotations

import csv
import io

from workbench.core.codebook_file import Codebook, CodeSpec
from workbench.errors import WorkbenchError
from workbench.i18n import _
from workbench.interop.refi_xml import unflatten

NAME_COLUMNS = ("tag", "name", "path")


def read_codebook_csv(data: bytes, name: str = "Taguette") -> Codebook:
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise WorkbenchError(_("byte {start}: not UTF-8 text; save the CSV as UTF-8").format(start=exc.start)) from exc
    rows = csv.reader(io.StringIO(text))
    try:
        return Codebook(name, unflatten(_specs(rows)))
    except csv.Error as exc:  # a field beyond the csv module's limit, a quote left open
        raise WorkbenchError(
            _("line {line_num}: not a readable CSV ({exc})").format(line_num=rows.line_num, exc=exc)
        ) from exc


def _specs(rows) -> list[CodeSpec]:
    header = [cell.strip().lower() for cell in next(rows, [])]
    named = [column for column in NAME_COLUMNS if column in header]
    if len(named) != 1:
        raise WorkbenchError(
            _("line 1: a codebook CSV needs one column named tag, name or path (found: {value})").format(
                value=", ".join(header) or "nothing"
            )
        )
    at, described = header.index(named[0]), header.index("description") if "description" in header else None
    specs, seen = [], set()
    for row in rows:
        tag = row[at].strip() if at < len(row) else ""
        if not tag:
            continue
        if not tag.isprintable():
            raise WorkbenchError(
                _("line {line_num}: the tag {tag!r} holds a control character").format(line_num=rows.line_num, tag=tag)
            )
        if tag.casefold() in seen:
            raise WorkbenchError(
                _("line {line_num}: the tag '{tag}' is there twice").format(line_num=rows.line_num, tag=tag)
            )
        seen.add(tag.casefold())
        description = row[described].strip() if described is not None and described < len(row) else ""
        specs.append(CodeSpec(name=tag, description=description, line=rows.line_num))
    if not specs:
        raise WorkbenchError(_("the CSV names no tag"))
    return specs
