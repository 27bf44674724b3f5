"""Importing transcripts and looking at them."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable, Iterable, Sequence
from pathlib import Path

from sqlalchemy import delete, distinct, exists, func, insert, literal, select, true
from sqlalchemy.orm import Session

from workbench.core.db import Database
from workbench.core.dto import ImportOutcome, TranscriptDetail, TranscriptSummary, TurnView
from workbench.core.models import (
    ANY_CODER,
    CodedTurnTally,
    Coder,
    Coding,
    CodingTurn,
    GuideQuestion,
    Institution,
    Participant,
    Programme,
    Speaker,
    Transcript,
    Turn,
    TurnQuestion,
    participant_programme,
)
from workbench.core.reanchor import reanchor
from workbench.errors import WorkbenchError
from workbench.i18n import _
from workbench.services import backups, guide
from workbench.services.coding_writer import CodingWriter
from workbench.services.lookup import coder_ids, coder_named, transcript_named
from workbench.services.participants import resolve_speakers
from workbench.transcripts.model import ParsedTranscript


def transcript_files(paths: Iterable[Path]) -> list[Path]:
    """The transcript files named, folders searched recursively, in a stable order."""
    found: list[Path] = []
    readable = suffixes()  # the parsers load when a study imports, not when it lists
    for path in paths:
        if path.is_dir():
            found.extend(
                sorted(
                    p
                    for p in path.rglob("*")
                    if p.is_file() and p.suffix.lower() in readable and not p.name.startswith((".", "~$"))
                )
            )
        elif path.is_file():
            found.append(path)
        else:
            raise WorkbenchError(_("no such file or folder"), where=str(path))
    return found


def import_paths(
    db: Database, paths: Iterable[Path], *, replace: bool, coder: str,
    progress: Callable[[int, int, str], None] | None = None,
) -> list[ImportOutcome]:
    """Parse every file first, then store all that can be stored in one transaction; then, when the study
    has an interview guide, find its questions in the new transcripts.

    One file that cannot be imported is refused (a WorkbenchError); of several, each is imported or comes
    back as a 'refused' outcome whose note says why (nothing of it stored). progress(done, total, file
    name) is called after each file is parsed.
    """
    from workbench.transcripts.detect import parse_file

    files = transcript_files(paths)
    if not files:
        raise WorkbenchError(_("no transcript files ({suffixes}) found").format(suffixes=", ".join(sorted(suffixes()))))
    parsed: list[ParsedTranscript] = []
    refused: list[ImportOutcome] = []
    names: dict[str, str] = {}
    for done, path in enumerate(files, start=1):
        try:
            item = parse_file(path)
            if item.name in names:
                raise WorkbenchError(_("two files would both be transcript '{name}' (also {names})").format(
                    name=item.name, names=names[item.name]), where=item.source_path)
            names[item.name] = item.source_path
            parsed.append(item)
        except WorkbenchError as exc:
            if len(files) == 1:
                raise
            refused.append(_refused(path, exc))
        if progress:
            progress(done, len(files), path.name)
    if replace:
        backups.before(db, "replace")
    with db.write() as session:
        outcomes = []
        for item in parsed:
            try:
                outcomes.append(_store(session, item, replace=replace, coder=coder))
            except WorkbenchError as exc:  # refused before anything of it was written
                if len(files) == 1:
                    raise
                refused.append(_refused(Path(item.source_path), exc))
        resolve_speakers(session)
        done = [_with_unassigned(session, outcome) for outcome in outcomes]
        has_guide = bool(guide.questions(session))
    for outcome in done:  # the guide's questions found in what is new (a replaced transcript's links went with it)
        if has_guide and outcome.status in ("imported", "replaced"):
            guide.align_questions(db, outcome.name)
    return done + refused


def other_files(paths: Iterable[Path]) -> list[Path]:
    """The files in the folders named that no transcript layout reads (a registry, notes, audio)."""
    readable = suffixes()
    return sorted(p for path in paths if path.is_dir() for p in path.rglob("*")
                  if p.is_file() and p.suffix.lower() not in readable and not p.name.startswith("."))


def suffixes() -> set[str]:
    from workbench.transcripts.detect import SUFFIXES

    return SUFFIXES


def _refused(path: Path, exc: WorkbenchError) -> ImportOutcome:
    return ImportOutcome(path.stem, "refused", "", 0, 0, note=exc.message, source_path=str(path))


def _store(session: Session, parsed: ParsedTranscript, *, replace: bool, coder: str) -> ImportOutcome:
    existing = session.scalar(select(Transcript).where(Transcript.name == parsed.name))
    counts = dict(layout=parsed.layout, turns=len(parsed.turns), words=parsed.word_count,
                  source_path=parsed.source_path)
    if existing is not None and existing.source_sha256 == parsed.sha256:
        return ImportOutcome(parsed.name, "unchanged", **counts)
    if existing is not None and not replace:
        raise WorkbenchError(
            _("a different transcript '{name}' is already imported (from {source_path}); use --replace to "
              "replace it").format(
                
                name=parsed.name, source_path=existing.source_path),
            where=parsed.source_path,
        )
    if existing is None:
        twin = session.scalar(select(Transcript.name).where(Transcript.source_sha256 == parsed.sha256))
        if twin:
            return ImportOutcome(parsed.name, "duplicate", **counts, note=_("same file as '{twin}'").format(twin=twin))
        transcript = Transcript(name=parsed.name)
        session.add(transcript)
        store_parsed(session, transcript, parsed)
        return ImportOutcome(parsed.name, "imported", **counts, note=_dropped(parsed))
    note = "; ".join(filter(None, [_replace(session, existing, parsed, coder), _dropped(parsed)]))
    return ImportOutcome(parsed.name, "replaced", **counts, note=note)


def _dropped(parsed: ParsedTranscript) -> str:
    """What the import's note says of how the file was read."""
    notes = []
    if encoding := parsed.meta.get("encoding"):
        notes.append(_("read as {encoding}").format(encoding=encoding.upper()))
    if dropped := parsed.meta.get("control_characters_dropped"):
        notes.append(_("{n} control character(s) dropped (invisible; they break exports)").format(n=dropped))
    return "; ".join(notes)


def store_parsed(session: Session, transcript: Transcript, parsed: ParsedTranscript) -> None:
    """Put a parsed transcript's text, speakers and turns into a (new or emptied) transcript."""
    transcript.source_path = parsed.source_path
    transcript.source_sha256 = parsed.sha256
    transcript.layout = parsed.layout
    transcript.text = parsed.text
    transcript.meta = parsed.meta
    transcript.recorded_on = parsed.meta.get("date")
    transcript.duration_ms = parsed.meta.get("duration_ms")
    transcript.word_count = parsed.word_count
    session.flush()
    speakers = {s.label: s for s in session.scalars(select(Speaker).where(Speaker.transcript_id == transcript.id))}
    for label in parsed.speakers:
        if label not in speakers:
            speakers[label] = Speaker(transcript_id=transcript.id, label=label)
            session.add(speakers[label])
    session.flush()
    session.execute(
        insert(Turn.__table__),
        [
            dict(
                transcript_id=transcript.id,
                index=turn.index,
                speaker_id=speakers[turn.speaker].id,
                start_ms=turn.start_ms,
                end_ms=turn.end_ms,
                start=turn.start,
                end=turn.end,
                cue_ids=list(turn.cue_ids),
            )
            for turn in parsed.turns
        ],
    )


def _replace(session: Session, transcript: Transcript, parsed: ParsedTranscript, coder: str) -> str:
    """New text and turns for a transcript; its codings, memos and the questions coders linked are re-anchored
    (what cannot be placed is written in the transcript's memo)."""
    codings = session.scalars(select(Coding).where(Coding.transcript_id == transcript.id)).all()
    old_text = transcript.text
    spans = reanchor(old_text, parsed.text, [(c.start, c.end) for c in codings])
    lost = [c for c, span in zip(codings, spans) if span is None]
    if lost:
        raise WorkbenchError(
            _("{n} coding(s) cannot be found in the new text (first: {quote!r}); the transcript was not "
              "replaced").format(
                
                n=len(lost), quote=lost[0].quote[:60]),
            where=parsed.source_path,
        )
    turn_memos = session.execute(
        select(Turn.start, Turn.end, Turn.memo).where(
            Turn.transcript_id == transcript.id, Turn.memo.is_not(None)
        )
    ).all()
    links = session.execute(  # what coders said a turn asks (automatic links are found again after the import)
        select(Turn.start, Turn.end, TurnQuestion.question_id, TurnQuestion.set_by, GuideQuestion.ident)
        .join(TurnQuestion, TurnQuestion.turn_id == Turn.id).outerjoin(GuideQuestion)
        .where(Turn.transcript_id == transcript.id, TurnQuestion.set_by.is_not(None))
    ).all()
    session.execute(delete(CodingTurn).where(CodingTurn.coding_id.in_([c.id for c in codings])))
    session.execute(delete(Turn).where(Turn.transcript_id == transcript.id))
    session.flush()
    store_parsed(session, transcript, parsed)
    writer = CodingWriter(session, coder_named(session, coder))
    folded = writer.move(transcript.id, [(coding, *span) for coding, span in zip(codings, spans)])
    orphaned = []
    for (_start, _end, memo), turn in zip(turn_memos, _turns_again(session, transcript, old_text, turn_memos)):
        if turn:
            turn.memo = f"{turn.memo}\n{memo}" if turn.memo else memo
        else:
            orphaned.append(f"[turn memo kept on replace] {memo}")
    linked: set[int] = set()
    for (start, end, question_id, set_by, ident), turn in zip(links, _turns_again(session, transcript, old_text, links)):
        if turn and turn.id not in linked:
            linked.add(turn.id)
            session.add(TurnQuestion(turn_id=turn.id, question_id=question_id, set_by=set_by))
        else:
            words = " ".join(old_text[start:end].split())[:80]
            orphaned.append(f"[question link kept on replace] {set_by}: '{words}' asks {ident or '-'}")
    if orphaned:
        kept = "\n".join(orphaned)
        transcript.memo = f"{transcript.memo}\n{kept}" if transcript.memo else kept
    session.flush()
    return _("{n} coding(s) re-anchored").format(n=len(codings)) + (
        _(", {n} merged into a twin").format(n=folded) if folded else "")


def _turns_again(session: Session, transcript: Transcript, old_text: str, spans: Sequence) -> list[Turn | None]:
    """The new turn each old turn's (start, end, ...) is found in again (None: its words are gone)."""
    found = reanchor(old_text, transcript.text, [(row[0], row[1]) for row in spans])
    return [span and session.scalar(select(Turn).where(Turn.transcript_id == transcript.id, Turn.start <= span[0],
                                                       Turn.end > span[0])) for span in found]


def _with_unassigned(session: Session, outcome: ImportOutcome) -> ImportOutcome:
    labels = session.scalars(
        select(Speaker.label)
        .join(Transcript)
        .where(Transcript.name == outcome.name, Speaker.participant_id.is_(None))
        .order_by(Speaker.label)
    ).all()
    return ImportOutcome(**{**outcome.__dict__, "unassigned": tuple(labels)})


def list_transcripts(db: Database, coders: Sequence[str] | None = None) -> list[TranscriptSummary]:
    """Every transcript with its people and how much is coded (by coders, or by everyone)."""
    with db.read() as session:
        return _summaries(session, coders=coders)


def _summaries(session: Session, transcript_id: int | None = None,
               coders: Sequence[str] | None = None) -> list[TranscriptSummary]:
    """Summaries in a fixed number of queries, however many transcripts there are."""
    ids = coder_ids(session, coders)
    where = [Transcript.id == transcript_id] if transcript_id is not None else []
    transcripts = session.execute(
        select(
            Transcript.id, Transcript.name, Transcript.guid, Transcript.layout,
            Transcript.recorded_on, Transcript.duration_ms, Transcript.word_count,
        ).where(*where).order_by(Transcript.name)
    ).all()
    speaker_where = [Speaker.transcript_id == transcript_id] if transcript_id is not None else []
    speakers = session.execute(
        select(
            Speaker.id, Speaker.transcript_id, Speaker.label, Participant.id.label("pid"),
            Participant.pseudonym, Participant.role, Institution.name.label("institution"),
        )
        .outerjoin(Participant, Speaker.participant_id == Participant.id)
        .outerjoin(Institution, Participant.institution_id == Institution.id)
        .where(*speaker_where)
    ).all()
    programmes = defaultdict(list)
    for pid, name in session.execute(
        select(participant_programme.c.participant_id, Programme.name).join(Programme)
    ).all():
        programmes[pid].append(name)
    turn_where = [Turn.transcript_id == transcript_id] if transcript_id is not None else []
    turns = dict(session.execute(select(Turn.speaker_id, func.count()).where(*turn_where)
                                 .group_by(Turn.speaker_id)).all())
    coded = _coded_turns(session, ids, speaker_where)
    coders = defaultdict(set)
    # one index probe per transcript and coder (as EXISTS, PostgreSQL read all 3M codings' index: 0.66 s)
    coded_by = (select(literal(1)).where(Coding.transcript_id == Transcript.id, Coding.coder_id == Coder.id)
                .limit(1).scalar_subquery())
    for tid, name in session.execute(
        select(Transcript.id, Coder.name).join(Coder, true())
        .where(*where, *([Coder.id.in_(ids)] if ids else []), coded_by.is_not(None))
    ).all():
        coders[tid].add(name)
    # from the links, each looking up its turn's transcript: not every turn of the study looked up for a link
    linked_in = select(Turn.transcript_id).where(Turn.id == TurnQuestion.turn_id).scalar_subquery()
    asked = dict(session.execute(
        select(linked_in, func.count(distinct(TurnQuestion.question_id)))
        .where(*([linked_in == transcript_id] if transcript_id is not None else [])).group_by(linked_in)).all())
    guide_size = session.scalar(select(func.count()).select_from(GuideQuestion)) or 0
    by_transcript = defaultdict(list)
    for speaker in speakers:
        by_transcript[speaker.transcript_id].append(speaker)

    summaries = []
    for t in transcripts:
        people = by_transcript[t.id]
        respondents = [s for s in people if s.role == "respondent"]
        summaries.append(
            TranscriptSummary(
                name=t.name,
                guid=t.guid,
                layout=t.layout,
                recorded_on=t.recorded_on,
                duration_ms=t.duration_ms,
                words=t.word_count,
                turns=sum(turns.get(s.id, 0) for s in people),
                interviewers=_sorted(s.pseudonym for s in people if s.role == "interviewer"),
                respondents=_sorted(s.pseudonym for s in respondents),
                institutions=_sorted(s.institution for s in respondents if s.institution),
                programmes=_sorted(p for s in respondents for p in programmes[s.pid]),
                unassigned=_sorted(s.label for s in people if s.pid is None),
                respondent_turns=sum(turns.get(s.id, 0) for s in respondents),
                coded_respondent_turns=sum(coded.get(s.id, 0) for s in respondents),
                coders=_sorted(coders[t.id]),
                questions_asked=asked.get(t.id, 0),
                guide_questions=guide_size,
            )
        )
    return summaries


def _coded_turns(session: Session, ids: list[int] | None, speaker_where: list) -> dict[int, int]:
    """Respondent speakers' turns with a coding (by one of the coders): from the tally kept per speaker and
    coder; for several coders at once, by one index seek per respondent turn."""
    respondent = select(Speaker.id).join(Participant).where(Participant.role == "respondent", *speaker_where)
    if ids is None or len(set(ids)) == 1:
        return dict(session.execute(select(CodedTurnTally.speaker_id, CodedTurnTally.turns).where(
            CodedTurnTally.coder_id == (ids[0] if ids else ANY_CODER), CodedTurnTally.speaker_id.in_(respondent))).all())
    coded_turn = exists().where(CodingTurn.turn_id == Turn.id, CodingTurn.coder_id.in_(ids))
    return dict(session.execute(select(Turn.speaker_id, func.count())
                                .where(Turn.speaker_id.in_(respondent), coded_turn).group_by(Turn.speaker_id)).all())


def _sorted(values: Iterable[str]) -> tuple[str, ...]:
    return tuple(sorted(set(values)))


def show_transcript(db: Database, name: str) -> TranscriptDetail:
    with db.read() as session:
        transcript = transcript_named(session, name)
        rows = session.execute(
            select(Turn, Speaker.label, Participant.pseudonym, Participant.role)
            .join(Speaker, Turn.speaker_id == Speaker.id)
            .outerjoin(Participant, Speaker.participant_id == Participant.id)
            .where(Turn.transcript_id == transcript.id)
            .order_by(Turn.index)
        ).all()
        text = transcript.text
        asks, answers = guide.questions_of(session, transcript.id)
        turns = tuple(
            TurnView(
                index=turn.index,
                speaker=pseudonym or label,
                respondent=pseudonym if role == "respondent" else None,
                role=role,
                start_ms=turn.start_ms,
                end_ms=turn.end_ms,
                start=turn.start,
                end=turn.end,
                text=text[turn.start : turn.end],
                memo=turn.memo,
                asks=asks.get(turn.index),
                answers=answers.get(turn.index),
            )
            for turn, label, pseudonym, role in rows
        )
        summary = _summaries(session, transcript.id)[0]
        pseudonyms = {label: pseudonym for _, label, pseudonym, _ in rows if pseudonym}
        return TranscriptDetail(summary, text, turns, _by_pseudonym(transcript.meta, pseudonyms), transcript.memo,
                                {q.id: q.text for q in guide.questions(session)})


def _by_pseudonym(value, pseudonyms: dict[str, str]):
    """Metadata with each registered speaker's label (who started the transcription) as their pseudonym."""
    if isinstance(value, str):
        return pseudonyms.get(value, value)
    if isinstance(value, list):
        return [_by_pseudonym(item, pseudonyms) for item in value]
    if isinstance(value, dict):
        return {key: _by_pseudonym(item, pseudonyms) for key, item in value.items()}
    return value
