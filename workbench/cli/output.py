"""Printing: aligned tables, JSON, writing to --out."""

from __future__ import annotations

import functools
import json
import json.encoder
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import fields, is_dataclass
from datetime import datetime
from pathlib import Path
from typing import Annotated

import typer

from workbench.errors import WorkbenchError
from workbench.i18n import _

Format = Annotated[str, typer.Option("--format", help="table or json")]
Guid = Annotated[str, typer.Argument(help="a coding's GUID, or its first 8 characters as `codings list` shows")]
CodePath = Annotated[str, typer.Argument(help="code path 'Parent > Child'")]
TranscriptName = Annotated[str, typer.Argument(help="a transcript's name, as `transcripts list` shows it")]


def table(headers: Sequence[str], rows: Sequence[Sequence[object]]) -> str:
    cells = [[str(h) for h in headers], *[["" if v is None else str(v) for v in row] for row in rows]]
    widths = [max(len(row[i]) for row in cells) for i in range(len(headers))]
    return "\n".join("  ".join(c.ljust(w) for c, w in zip(row, widths)).rstrip() for row in cells)


@functools.cache
def _field_names(kind: type) -> tuple[str, ...]:
    return tuple(field.name for field in fields(kind))


def _plain(obj):
    """A data class as a dict of its fields (its own __dict__ where that holds just them: dataclasses.fields()
    on each of 70,000 codings took 0.7 s), a time in ISO 8601."""
    if isinstance(obj, datetime):
        return obj.isoformat()
    if is_dataclass(obj):
        names, own = _field_names(type(obj)), getattr(obj, "__dict__", None)
        return own if own is not None and len(own) == len(names) else {name: getattr(obj, name) for name in names}
    raise TypeError(type(obj).__name__)


def to_json(value: object) -> str:
    """Data classes as objects, field by field (json.dumps meets the nested ones itself: no deep copy, which
    took 60 ms for a 1,000-transcript list), times in ISO 8601; a list one item a line (see json_lines)."""
    if isinstance(value, list):
        return "".join(json_lines(value))
    return json.dumps(value, ensure_ascii=False, indent=2, default=_plain)


def json_lines(items: Iterable[object], batch: int = 2000) -> Iterator[str]:
    """A JSON list in pieces as the items come, one item a line (written by json's C encoder: indenting takes
    its pure-Python one, 4.4 s for 70,000 codings), so that a list of a million is never held whole."""
    encode = _encoder()
    lines, opened = [], False
    for item in items:
        lines.append(encode(item))
        if len(lines) == batch:
            yield (",\n" if opened else "[\n") + ",\n".join(lines)
            lines, opened = [], True
    if lines:
        yield (",\n" if opened else "[\n") + ",\n".join(lines)
    yield "\n]" if lines or opened else "[]"


def _encoder() -> Callable[[object], str]:
    """One item's JSON, by json's C encoder made once (JSONEncoder.encode makes one per call: a third of the
    time for a million small objects); by JSONEncoder where Python has no C encoder."""
    make = getattr(json.encoder, "c_make_encoder", None)
    if make is None:
        return json.JSONEncoder(ensure_ascii=False, default=_plain).encode
    one = make(None, _plain, json.encoder.encode_basestring, None, ": ", ", ", False, False, True)
    return lambda item: "".join(one(item, 0))


def emit(text: str, out: Path | None = None) -> None:
    """Print, or write to a file (created with its folder)."""
    if out is None:
        typer.echo(text.rstrip("\n"))
        return
    try:
        out.parent.mkdir(parents=True, exist_ok=True)
        out.write_text(text, encoding="utf-8")
    except OSError as exc:
        raise WorkbenchError(_("cannot write: {reason}").format(reason=exc.strerror), where=str(out)) from exc
    typer.echo(_("wrote {file}").format(file=out), err=True)


def check_choice(value: str, choices: Sequence[str], option: str) -> str:
    if value not in choices:
        raise WorkbenchError(_("{option} must be one of {choices}, not '{value}'").format(
            option=option, choices=", ".join(choices), value=value))
    return value


def listing(fmt: str, items, headers: Sequence[str], row, choices=("table", "json")) -> None:
    """Print items as JSON (each as it comes), or as a table with one row(item) per item."""
    check_choice(fmt, choices, "--format")
    if fmt == "json":
        for piece in json_lines(items):  # printed as it comes: the first disagreements of millions at once
            typer.echo(piece, nl=False)
        typer.echo()
    else:
        emit(table(headers, [row(item) for item in items]))
