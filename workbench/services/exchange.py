"""Projects in and out of ATLAS.ti, MAXQDA, NVivo and QualCoder (REFI-QDA .qdpx)."""

from __future__ import annotations

import itertools
from collections import defaultdict
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field, replace
from pathlib import Path

from rapidfuzz import fuzz
from sqlalchemy import func, select
from sqlalchemy.orm import Session, selectinload

from workbench.core.db import Database, driver_rows, study_at
from workbench.core.models import (
    Code,
    Coder,
    Coding,
    Institution,
    Participant,
    Programme,
    Speaker,
    SpeakerAlias,
    StudyMemo,
    Transcript,
    Turn,
)
from workbench.core.reanchor import find_quote
from workbench.errors import WorkbenchError
from workbench.i18n import _, current
from workbench.interop import refi_xml
from workbench.interop.positions import CODE_POINTS
from workbench.interop.refi_model import RefiCase, RefiCoding, RefiMemo, RefiProject, RefiSource, Value
from workbench.services import backups
from workbench.services.codebook import codebook_of, merge_codebook
from workbench.services.coding_writer import CodingWriter, NewCoding
from workbench.services.lookup import CodeTree, coder_named, named, worth_a_second_process
from workbench.services.participants import institution_labels, resolve_speakers
from workbench.services.quotes import anonymiser
from workbench.services.transcripts import store_parsed
from workbench.transcripts.detect import parse_source, words_not_kept
from workbench.transcripts.model import ParsedTranscript
from workbench.transcripts.source_text import ExportText, SourceMap, SpeakerTurn, clean_map


@dataclass
class ExchangeOutcome:
    """What an import brought in, and what it could not (the standard asks to report loss)."""

    codes_added: int = 0
    sources: int = 0
    sources_known: int = 0
    codings: int = 0
    codings_known: int = 0
    participants: int = 0
    memos: int = 0
    code_groups: int = 0  # new ones
    characters_not_kept: int = 0  # of the sources' words (speaker labels and times are the turns themselves)
    lost: list[str] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)  # how the file was read where it was not as the standard says


@dataclass
class ExportOutcome:
    """What an export wrote."""

    sources: int = 0
    codings: int = 0
    cases: int = 0
    sets: int = 0
    names_masked: int = 0  # registered names masked in the sources' text


ALIKE = 90  # a source of a transcript's name with text this similar (rapidfuzz ratio) is that transcript


def _coder_guid(name: str) -> str:
    return refi_xml.derived_guid("coder", name)


# ---------------------------------------------------------------- export


def export_project(db: Database, path: Path, name: str, mask_institutions: bool = False) -> ExportOutcome:
    """Write a .qdpx of everything: coders, codebook, transcripts, codings, memos, cases, sets. The text is
    as stored but for registered names of people (and of institutions, when asked), masked letter for
    letter; institutions are named by pseudonym. Everything is read in one transaction (of a large study by a
    process beside this one, a second CPU, while this one writes): the project, then the transcripts one by one."""
    from workbench.streams import made_aside

    read = made_aside(_project_at, db.url, current(), name, mask_institutions, batch=1,
                      aside=worth_a_second_process(db))
    project, types = next(read)
    outcome = ExportOutcome()

    def sources() -> Iterator[RefiSource]:
        for guid, shown, text, memo, variables, codings, selection_memos, masked in read:
            outcome.sources += 1
            outcome.codings += len(codings)
            outcome.names_masked += masked
            yield RefiSource(guid, shown, text, [RefiCoding(*coding) for coding in codings], memo=memo,
                             selection_memos=selection_memos, variables=variables)

    try:
        refi_xml.write_qdpx(path, project, sources(), types)
    except OSError as exc:
        raise WorkbenchError(_("cannot write: {strerror}").format(strerror=exc.strerror), where=str(path)) from exc
    outcome.cases, outcome.sets = len(project.cases), len(project.sets)
    return outcome


def _project_at(url: str, language: str, name: str, mask_institutions: bool) -> Iterator[tuple]:
    """The project of the study at url (in a process of its own): (project, variable types), then each
    transcript as _sources gives it."""
    with study_at(url, language) as db, db.read() as session:
        project = RefiProject(name, codebook_of(session))
        memos = session.scalars(select(StudyMemo).order_by(StudyMemo.created_at, StudyMemo.id)).all()
        authors = set(session.scalars(select(Coder.name))) | {m.author for m in memos if m.author}
        project.users = {_coder_guid(n): n for n in sorted(authors)}
        mask = anonymiser(session)
        documents = session.execute(select(Transcript.id, Transcript.guid, Transcript.name, Transcript.layout,
                                           Transcript.memo, Transcript.meta).order_by(Transcript.id)).all()
        variables = {d.id: _masked_values(mask, (d.meta or {}).get("variables", {})) for d in documents}
        project.cases, project.sets = _cases_and_sets(session, documents, mask)
        project.memos = [RefiMemo(m.guid, m.name, mask(m.text), _coder_guid(m.author) if m.author else None,
                                  m.created_at, list(m.sets)) for m in memos]
        yield project, refi_xml.variable_types([*(c.variables for c in project.cases), *variables.values()])
        yield from _sources(session, documents, variables, mask, mask_institutions)


def _cases_and_sets(session: Session, documents, mask) -> tuple[list[RefiCase], dict[str, list[str]]]:
    """A case per participant who speaks, in the order they first speak (transcripts as imported); the sets: a
    transcript's own, and the programmes of the respondents in it, each with its transcripts in order."""
    institutions = institution_labels(session)  # pseudonyms: no output names an institution
    order = {d.id: i for i, d in enumerate(documents)}
    guids = {d.id: d.guid for d in documents}
    spoken = sorted(session.execute(
        select(Turn.transcript_id, Speaker.participant_id, func.min(Turn.index))
        .join(Speaker, Turn.speaker_id == Speaker.id).where(Speaker.participant_id.is_not(None))
        .group_by(Turn.transcript_id, Speaker.participant_id)
    ).all(), key=lambda row: (order[row[0]], row[2]))
    people = {p.id: p for p in session.scalars(
        select(Participant).where(Participant.id.in_(select(Speaker.participant_id)))
        .options(selectinload(Participant.programmes), selectinload(Participant.institution)))}
    cases: dict[int, RefiCase] = {}
    members: dict[str, dict[str, None]] = defaultdict(dict)
    for document in documents:
        for set_name in (document.meta or {}).get("sets", []):
            members[set_name][document.guid] = None
    for transcript_id, pid, _first in spoken:
        person = people[pid]
        case = cases.get(pid) or cases.setdefault(pid, RefiCase(
            refi_xml.derived_guid("case", person.pseudonym), person.pseudonym, {
                "role": ("Text", person.role),
                "institution": ("Text", institutions[person.institution.name] if person.institution else ""),
                "programme": ("Text", "; ".join(p.name for p in person.programmes)),
                **_masked_values(mask, person.variables or {}),
            }))
        case.source_guids.append(guids[transcript_id])
        for programme in person.programmes if person.role == "respondent" else []:
            members[programme.name][guids[transcript_id]] = None
    ranked = {guid: i for i, guid in enumerate(guids[d.id] for d in documents)}
    return list(cases.values()), {name: sorted(found, key=ranked.__getitem__) for name, found in members.items()}


def _sources(session: Session, documents, variables: dict[int, dict[str, Value]], mask,
             mask_institutions: bool) -> Iterator[tuple]:
    """The transcripts as sources, one at a time, as plain values (they cross to another process): guid, name,
    the text with speaker lines (names masked, offsets kept), memo, variables, the codings as RefiCoding's
    fields, the turns' memos, and how many names were masked. The codings come in one pass over the table,
    sorted by the database (per transcript through the index, each row was a read of its own page)."""
    code_guids = dict(session.execute(select(Code.id, Code.guid)).all())
    users = {i: _coder_guid(n) for i, n in session.execute(select(Coder.id, Coder.name)).all()}
    codings = driver_rows(session, select(  # created as stored: no parsing of SQLite's text (_stamp cuts it)
        Coding.transcript_id, Coding.guid, Coding.code_id, Coding.coder_id, Coding.start, Coding.end,
        Coding.created_at, Coding.memo).order_by(Coding.transcript_id + 0, Coding.start, Coding.id), CHUNK)
    rows = itertools.groupby(codings, key=lambda row: row[0])
    held = next(rows, None)
    for document in documents:
        turns = session.execute(
            select(Turn.start_ms, Turn.start, Turn.end, Turn.memo, Speaker.label, Participant.pseudonym)
            .join(Speaker, Turn.speaker_id == Speaker.id)
            .outerjoin(Participant, Speaker.participant_id == Participant.id)
            .where(Turn.transcript_id == document.id).order_by(Turn.index)
        ).all()
        stored = session.scalar(select(Transcript.text).where(Transcript.id == document.id))
        text, masked = mask.masked_count(stored, institutions=mask_institutions)  # offsets kept
        export = ExportText(text, [SpeakerTurn(pseudonym or mask(label), start_ms, start, end)
                                   for start_ms, start, end, _, label, pseudonym in turns],
                            plain=document.layout == "plain")
        offset, coded = export.offset, []
        if held is not None and held[0] == document.id:
            coded = [(guid, code_guids[code_id], offset(start), offset(end, True), users[coder_id], created,
                      memo and mask(memo))
                     for _, guid, code_id, coder_id, start, end, created, memo in held[1]]
            held = next(rows, None)
        yield (document.guid, mask.unique_name(document.name, document.guid), export.text,
               document.memo and mask(document.memo), variables[document.id], coded,
               [(offset(start), offset(end, True), mask(memo)) for _, start, end, memo, _, _ in turns if memo], masked)


CHUNK = 5_000  # codings read from the database at a time


# ---------------------------------------------------------------- import


def import_project(db: Database, path: Path, coder: str, sets_as_programmes: bool = False) -> ExchangeOutcome:
    """Read a .qdpx into the database in one transaction; importing it twice adds nothing."""
    try:
        project = refi_xml.read_qdpx(path.read_bytes())
    except OSError as exc:
        raise WorkbenchError(_("cannot read: {strerror}").format(strerror=exc.strerror), where=str(path)) from exc
    except WorkbenchError as exc:
        raise exc.at(str(path)) from exc
    outcome = ExchangeOutcome(lost=list(project.skipped), notes=[
        _("'{source}': positions read as {positions} (they fit its words; the standard says code points)").format(
            source=source.name, positions=source.positions)
        for source in project.sources if source.positions != CODE_POINTS])
    backups.before(db, "project-import")
    try:
        with db.write() as session:
            merged = merge_codebook(session, project.codebook, coder, keywords=False)
            outcome.codes_added, code_ids = len(merged.added), merged.ids
            outcome.code_groups = len(merged.groups_added)
            outcome.notes += [f"codebook: {line}" for line in merged.conflicts]
            for source in project.sources:
                _import_source(session, project, source, coder, outcome, code_ids)
            _import_cases(session, project, outcome)
            _import_sets(session, project, sets_as_programmes)
            _import_memos(session, project, outcome)
            resolve_speakers(session)
    except WorkbenchError as exc:
        raise exc.at(str(path)) from exc
    return outcome


def _import_source(session: Session, project: RefiProject, source: RefiSource, coder: str,
                   outcome: ExchangeOutcome, code_ids: dict[str, int]) -> None:
    text, convert = clean_map(source.text)
    name = source.name.rsplit(".", 1)[0] if source.name.lower().endswith((".txt", ".docx", ".rtf")) else source.name
    parsed = parse_source(text, name)
    outcome.characters_not_kept += words_not_kept(text, parsed.text, [t.speaker for t in parsed.turns])
    transcript, carry = _transcript_for(session, source, parsed, outcome)
    mapping = SourceMap(text, parsed)

    def place(start: int, end: int) -> tuple[int, int] | None:
        """A span of the file's text as a span of the study's transcript."""
        span = mapping.span(convert(start), convert(end))
        return span and carry(span)

    tree = CodeTree(session)
    codes = {c.id: c for c in session.scalars(select(Code))}
    known = set(session.scalars(select(Coding.guid).where(Coding.transcript_id == transcript.id)))
    by_coder: dict[str, list[NewCoding]] = defaultdict(list)
    for coding in source.codings:
        if coding.guid in known:
            outcome.codings_known += 1
            continue
        code = codes.get(code_ids.get(coding.code_guid, -1))
        span = place(coding.start, coding.end)
        where = f"{source.name} {coding.start}-{coding.end}"
        if code is None:
            outcome.lost.append(_("coding at {where}: its code {code} is not in the codebook").format(
                where=where, code=coding.code_guid))
        elif not code.codable:
            outcome.lost.append(
                _("coding at {where}: code '{code}' is not codable").format(where=where, code=tree.path(code.id))
            )
        elif span is None:
            outcome.lost.append(
                _("coding at {where}: its text could not be found in the transcript").format(where=where)
            )
        else:
            who = project.users.get(coding.user_guid or "", coder)
            by_coder[who].append(NewCoding(transcript.id, code, *span, origin="import", memo=coding.memo,
                                           guid=coding.guid, created_at=coding.created))
    for who, items in by_coder.items():  # the same code, span and coder as a coding there: known already
        added = CodingWriter(session, coder_named(session, who)).add_many(items)
        outcome.codings += len(added)
        outcome.codings_known += len(items) - len(added)
        outcome.memos += session.scalar(select(func.count()).select_from(Coding).where(
            Coding.id.in_(added), Coding.memo.is_not(None))) if added else 0
    for start, end, memo in source.selection_memos:
        span = place(start, end)
        turn = span and session.scalar(select(Turn).where(
            Turn.transcript_id == transcript.id, Turn.start <= span[0], Turn.end > span[0]))
        if turn and memo not in (turn.memo or ""):
            turn.memo = f"{turn.memo}\n{memo}" if turn.memo else memo
            outcome.memos += 1


def _transcript_for(session: Session, source: RefiSource, parsed: ParsedTranscript, outcome: ExchangeOutcome
                    ) -> tuple[Transcript, Callable[[tuple[int, int]], tuple[int, int] | None]]:
    """The study's transcript for a source, and what carries spans of the source's text onto it: the
    one with its GUID, else the one of its name with (nearly) the same text (a project back from a
    tool that gives everything new GUIDs), else a new one, renamed when its name is taken."""
    transcript = session.scalar(select(Transcript).where(Transcript.guid == source.guid))
    named = session.scalar(select(Transcript).where(Transcript.name == parsed.name)) if transcript is None else None
    if transcript is None and named is not None and fuzz.ratio(named.text, parsed.text, score_cutoff=ALIKE):
        transcript = named
    if transcript is not None:
        outcome.sources_known += 1
        return transcript, _carry(parsed.text, transcript.text)
    if named is not None:
        taken = set(session.scalars(select(Transcript.name).where(Transcript.name.startswith(parsed.name))))
        free = next(f"{parsed.name} ({n})" for n in itertools.count(2) if f"{parsed.name} ({n})" not in taken)
        outcome.notes.append(_("'{source}': the study's '{name}' has another text; imported as '{free}'").format(
            source=source.name, name=parsed.name, free=free))
        parsed = replace(parsed, name=free)
    transcript = Transcript(guid=source.guid, name=parsed.name)
    session.add(transcript)
    store_parsed(session, transcript, parsed)
    transcript.source_path = f"refi-qda:{source.name}"
    transcript.memo = source.memo
    if source.variables:
        transcript.meta = {**(transcript.meta or {}), "variables": {k: list(v) for k, v in source.variables.items()}}
    outcome.sources += 1
    return transcript, lambda span: span


def _carry(theirs: str, ours: str) -> Callable[[tuple[int, int]], tuple[int, int] | None]:
    """Spans of their text onto ours: as they are where the texts line up character for character (our
    exports mask names letter for letter), else re-anchored by their words."""
    if len(theirs) == len(ours) and sum(a != b for a, b in zip(theirs, ours)) <= len(ours) // 10:
        return lambda span: span
    return lambda span: find_quote(theirs[span[0] : span[1]], ours, round(span[0] * len(ours) / max(len(theirs), 1)))


def _import_cases(session: Session, project: RefiProject, outcome: ExchangeOutcome) -> None:
    """Cases become participants (pseudonym = case name) when named like a speaker of their sources (of
    any transcript, for a case without sources) or like a participant. A case that names no speaker of the
    sources it covers holds those documents' variables (MAXQDA writes document variables so); the others
    are listed."""
    transcripts = dict(session.execute(select(Transcript.guid, Transcript.id)).all())
    documents = 0
    for case in project.cases:
        sources = [transcripts[g] for g in case.source_guids if g in transcripts]
        speakers = select(Speaker.transcript_id).where(Speaker.label == case.name)
        speaks_in = session.scalars(speakers.where(Speaker.transcript_id.in_(sources)) if case.source_guids
                                    else speakers).all()
        person = session.scalar(select(Participant).where(Participant.pseudonym == case.name))
        if case.name and not speaks_in and person is None and sources:
            for transcript in session.scalars(select(Transcript).where(Transcript.id.in_(sources))):
                meta = transcript.meta or {}
                transcript.meta = {**meta, "variables": _with_values(
                    transcript.name, meta.get("variables", {}), case.variables, outcome)}
            documents += 1
            continue
        if not case.name or not speaks_in and person is None:
            outcome.lost.append((_("case '{case}': no participant, and no speaker of that name in its sources; its "
                                   "variables not used") if case.source_guids else
                                 _("case '{case}': no participant, and no speaker of that name in any transcript; "
                                   "its variables not used")).format(case=case.name)
                                + (f" ({', '.join(case.variables)})" if case.variables else ""))
            continue
        if person is None:
            person = Participant(pseudonym=case.name, role="respondent")
            session.add(person)
            outcome.participants += 1
        _place_own(session, person, {n: case.variables[n][1] for n in refi_xml.VARIABLES if n in case.variables})
        person.variables = _with_values(case.name, person.variables or {}, {
            n: v for n, v in case.variables.items() if n not in refi_xml.VARIABLES}, outcome)
        session.flush()
        for transcript_id in speaks_in:
            alias = session.scalar(select(SpeakerAlias).where(
                SpeakerAlias.transcript_id == transcript_id, SpeakerAlias.label == case.name))
            if alias is None:
                session.add(SpeakerAlias(transcript_id=transcript_id, label=case.name, participant_id=person.id))
    if documents:
        outcome.notes.append(_("{n} case(s) name no speaker of the sources they cover (MAXQDA's document "
                               "variables): their variables are kept on those documents").format(n=documents))
    session.flush()


def _place_own(session: Session, person: Participant, values: dict[str, str]) -> None:
    """A case's role, institution and programmes, the participant's own fields."""
    role = values.get("role", "").lower()
    person.role = role if role in ("interviewer", "respondent") else person.role
    if values.get("institution"):
        person.institution = named(session, Institution, values["institution"])
    programmes = [p.strip() for p in values.get("programme", "").split(";") if p.strip()]
    if programmes:
        person.programmes = [named(session, Programme, p) for p in programmes]


def _with_values(holder: str, ours: dict[str, list[str]], theirs: dict[str, Value], outcome: ExchangeOutcome
                 ) -> dict[str, list[str]]:
    """Our variable values with the file's added; where ours says otherwise, ours is kept and that is said."""
    ours = dict(ours)
    for name, (kind, value) in theirs.items():
        if name not in ours:
            ours[name] = [kind, value]
        elif ours[name][1] != value:
            outcome.notes.append(_("'{holder}': variable '{name}': ours {ours!r} kept, the file's {theirs!r}").format(
                holder=holder, name=name, ours=ours[name][1], theirs=value))
    return ours


def _masked_values(mask, values: dict[str, list[str]]) -> dict[str, Value]:
    return {name: (kind, mask(value)) for name, (kind, value) in values.items()}


def _import_memos(session: Session, project: RefiProject, outcome: ExchangeOutcome) -> None:
    """The project's own notes as memos of the study: by GUID, else by name and text (a tool that gives
    everything new GUIDs); their sets added."""
    for found in project.memos:
        name = found.name or found.text[:60]  # a note without a name is known by its first words
        memo = session.scalar(select(StudyMemo).where(StudyMemo.guid == found.guid)) or session.scalar(
            select(StudyMemo).where(StudyMemo.name == name, StudyMemo.text == found.text))
        if memo is None:
            memo = StudyMemo(guid=found.guid, name=name, text=found.text,
                             author=project.users.get(found.user_guid or ""), created_at=found.created, sets=[])
            session.add(memo)
            outcome.memos += 1
        memo.sets = sorted(set(memo.sets or []) | set(found.sets))
    session.flush()


def _import_sets(session: Session, project: RefiProject, as_programmes: bool) -> None:
    """Sets are kept on their transcripts; as programmes, they go to the respondents in them."""
    resolve_speakers(session)
    for set_name, members in project.sets.items():
        for transcript in session.scalars(select(Transcript).where(Transcript.guid.in_(members))):
            meta = dict(transcript.meta or {})
            meta["sets"] = sorted(set(meta.get("sets", [])) | {set_name})
            transcript.meta = meta
            if not as_programmes:
                continue
            programme = named(session, Programme, set_name)
            for person in session.scalars(select(Participant).join(Speaker).where(
                    Speaker.transcript_id == transcript.id, Participant.role == "respondent")):
                if programme not in person.programmes:
                    person.programmes.append(programme)
    session.flush()
