"""The participants registry's rules, pure: reading the CSV, one participant per pseudonym, which
speaker label means whom, interviewers' generated pseudonyms, and which alias a speaker resolves to.
The service (services/participants.py) stores what these decide."""

from __future__ import annotations

import csv
import io
import itertools
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, replace
from typing import Any

from workbench.errors import WorkbenchError
from workbench.i18n import _

COLUMNS = ("transcript", "speaker", "respondent", "role", "institution", "programme")
ROLES = ("interviewer", "respondent")

LabelKey = tuple[int | None, str]  # (transcript id, or None for every transcript; casefolded label)


@dataclass(frozen=True)
class RegistryRow:
    line: int
    transcript: str
    speaker: str
    pseudonym: str
    role: str
    institution: str
    programmes: tuple[str, ...]
    institution_pseudonym: str = ""  # an optional column: what reports call the institution


def parse_registry(text: str) -> list[RegistryRow]:
    """Rows of a participants CSV (comma, semicolon or tab separated), each checked on its own."""
    if not text.strip():
        raise WorkbenchError(_("the CSV is empty"))
    first = text.splitlines()[0]
    delimiter = max(",;\t", key=first.count)
    reader = csv.reader(io.StringIO(text), delimiter=delimiter)
    try:
        return _rows(reader)
    except csv.Error as exc:  # a field beyond the csv module's limit, a quote left open
        raise WorkbenchError(
            _("line {line_num}: not a readable CSV ({exc})").format(line_num=reader.line_num, exc=exc)
        ) from exc


def _rows(reader: Any) -> list[RegistryRow]:  # a csv reader (typeshed names it only privately)
    header = [h.strip().lower() for h in next(reader)]
    missing = [c for c in COLUMNS if c not in header]
    if missing:
        raise WorkbenchError(
            _("line 1: missing column(s) {items} (need {items2})").format(
                items=", ".join(missing), items2=",".join(COLUMNS)
            )
        )
    rows = []
    for values in reader:
        if any(v.strip() for v in values):
            record = {h: (values[i].strip() if i < len(values) else "") for i, h in enumerate(header)}
            rows.append(_row(reader.line_num, record))
    return rows


def _row(line: int, record: dict[str, str]) -> RegistryRow:
    record.setdefault("institution_pseudonym", "")
    for column in (*COLUMNS, "institution_pseudonym"):  # invisible here, and no report could be written with it
        if not record[column].isprintable():
            raise WorkbenchError(
                _("line {line}: '{column}' holds a control character ({record!r})").format(
                    line=line, column=column, record=record[column]
                )
            )
    for column in ("speaker", "role"):
        if not record[column]:
            raise WorkbenchError(_("line {line}: '{column}' is empty").format(line=line, column=column))
    role = record["role"].lower()
    if role not in ROLES:
        raise WorkbenchError(
            _("line {line}: role '{record}' is not interviewer or respondent").format(line=line, record=record["role"])
        )
    if not record["respondent"] and role == "respondent":  # an interviewer gets one made up (I1, I2, ...)
        raise WorkbenchError(_("line {line}: 'respondent' is empty (a respondent needs a pseudonym)").format(line=line))
    programmes = tuple(dict.fromkeys(p.strip() for p in record["programme"].split(";") if p.strip()))
    return RegistryRow(line, record["transcript"], " ".join(record["speaker"].split()), record["respondent"], role,
                       record["institution"], programmes, record["institution_pseudonym"])


def name_interviewers(rows: Iterable[RegistryRow], transcripts: Mapping[str, int], known: Mapping[LabelKey, str],
                      taken: Iterable[str]) -> list[RegistryRow]:
    """Interviewer rows without a pseudonym get one: the one their label already has (`known`: in the
    study, for this transcript or every one; or earlier in the file), else the first free I1, I2, ...
    `taken`: pseudonyms in use. The same on every import."""
    known, rows = dict(known), list(rows)
    taken = set(taken) | {row.pseudonym for row in rows}
    named = []
    for row in rows:
        if not row.pseudonym:
            key = (transcripts.get(row.transcript), row.speaker.casefold())
            pseudonym = known.get(key) or known.get((None, key[1]))
            if pseudonym is None:
                pseudonym = next(f"I{n}" for n in itertools.count(1) if f"I{n}" not in taken)
                taken.add(pseudonym)
            known.setdefault(key, pseudonym)
            row = replace(row, pseudonym=pseudonym)
        named.append(row)
    return named


def people(rows: Iterable[RegistryRow]) -> dict[str, RegistryRow]:
    """One row per pseudonym: what its rows say together (a row without an institution or programme
    leaves them to another); two rows that say different things are refused."""
    found: dict[str, RegistryRow] = {}
    for row in rows:
        earlier = found.setdefault(row.pseudonym, row)
        for field, label in (("role", "role"), ("institution", "institution"), ("programmes", "programme")):
            mine, theirs = getattr(row, field), getattr(earlier, field)
            if mine and theirs and mine != theirs:
                raise WorkbenchError(
                    _("{at}{pseudonym} has {label} '{show}' here but '{show2}' on line {line}").format(
                        at=_at(row),
                        pseudonym=row.pseudonym,
                        label=label,
                        show=_show(mine),
                        show2=_show(theirs),
                        line=earlier.line,
                    )
                )
        found[row.pseudonym] = replace(earlier, institution=earlier.institution or row.institution,
                                       programmes=earlier.programmes or row.programmes)
    return found


def labels(rows: Iterable[RegistryRow], transcripts: Mapping[str, int]) -> dict[LabelKey, RegistryRow]:
    """Which row each speaker label means, in its transcript or (no transcript) in every one; a label
    for an unknown transcript, or one label given two pseudonyms, is refused."""
    found: dict[LabelKey, RegistryRow] = {}
    for row in rows:
        if row.transcript and row.transcript not in transcripts:
            raise WorkbenchError(
                _("{at}unknown transcript '{transcript}'").format(at=_at(row), transcript=row.transcript)
            )
        key = (transcripts[row.transcript] if row.transcript else None, row.speaker.casefold())
        if key in found and found[key].pseudonym != row.pseudonym:
            raise WorkbenchError(
                _("{at}speaker '{speaker}' is {pseudonym} on line {line} and {pseudonym2} here").format(
                    at=_at(row),
                    speaker=row.speaker,
                    pseudonym=found[key].pseudonym,
                    line=found[key].line,
                    pseudonym2=row.pseudonym,
                )
            )
        found[key] = row
    return found


def participant_of(transcript_id: int, label: str, aliases: Mapping[LabelKey, int]) -> int | None:
    """Whom a speaker label means: the transcript's own alias wins over a global one (any case)."""
    key = label.casefold()
    return aliases.get((transcript_id, key), aliases.get((None, key)))


def _at(row: RegistryRow) -> str:
    """Where a row is: its CSV line (a row assigned in the TUI has none)."""
    return f"line {row.line}: " if row.line else ""


def _show(value: str | tuple[str, ...]) -> str:
    return ";".join(value) if isinstance(value, tuple) else value
