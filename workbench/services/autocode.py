"""Auto-coding: code every hit of a pattern (or a code's keywords), as ATLAS.ti does."""

from __future__ import annotations

from collections.abc import Iterator

from sqlalchemy import select
from sqlalchemy.orm import Session

from workbench.core.db import Database
from workbench.core.dto import AutocodeHit, AutocodeOutcome
from workbench.core.matching import Matcher, TextIndex
from workbench.core.models import Code, Coding, Participant, Speaker, Transcript, Turn
from workbench.core.spans import enclosing, overlapping, sentences, trim
from workbench.errors import WorkbenchError
from workbench.i18n import _
from workbench.services import guide
from workbench.services.coding_writer import CodingWriter, NewCoding
from workbench.services.lookup import CodeTree, coder_named, transcript_named

UNITS = ("match", "sentence", "turn")
ROLES = ("respondent", "interviewer", "any")


def autocode(
    db: Database, coder: str, *, code_path: str | None = None, pattern: str | None = None,
    unit: str = "sentence", role: str = "any", transcript: str | None = None, dry_run: bool = False,
    question: str | None = None,
) -> AutocodeOutcome:
    """Code each unit (match, sentence or turn) holding a hit; never the same span twice. question: only
    the respondent turns answering that guide question, each whole unless a pattern is given."""
    if unit not in UNITS:
        raise WorkbenchError(_("unit must be one of {items}").format(items=', '.join(UNITS)))
    if role not in ROLES:
        raise WorkbenchError(_("role must be one of {items}").format(items=', '.join(ROLES)))
    if (pattern or question) and not code_path:
        raise WorkbenchError(
            _("{value} needs --code: which code do the hits get?").format(
                value="--pattern" if pattern else "--question"
            )
        )
    with db.write() as session:
        tree = CodeTree(session)
        answering = guide.answers(session, question) if question else None
        rules: list[tuple[Code, Matcher | None]] = (
            [(_codable(session, tree, code_path), None)] if question and not pattern and code_path
            else list(_rules(session, tree, code_path, pattern)))
        writer = CodingWriter(session, coder_named(session, coder))
        existing = set(session.execute(  # this coder's: a second coder codes independently
            select(Coding.transcript_id, Coding.code_id, Coding.start, Coding.end).where(
                Coding.coder_id == writer.coder.id, Coding.code_id.in_({code.id for code, _ in rules}))).all())
        hits, new = [], []
        for transcript_id, name, text, turns in _transcripts(session, transcript, role, answering):
            index = TextIndex(text)
            for code, matcher in rules:
                spans = _units(text, turns, matcher.find(index), unit) if matcher else (trim(text, *t) for t in turns)
                for start, end in spans:
                    is_new = (transcript_id, code.id, start, end) not in existing
                    existing.add((transcript_id, code.id, start, end))
                    if is_new:
                        new.append(NewCoding(transcript_id, code, start, end, origin="autocode"))
                    hits.append(AutocodeHit(name, tree.path(code.id), start, end, text[start:end], is_new))
        if dry_run:
            session.rollback()
        else:
            writer.add_many(new)
        return AutocodeOutcome(tuple(hits), dry_run)


def _codable(session: Session, tree: CodeTree, code_path: str) -> Code:
    code = session.get(Code, tree.get(code_path))
    if not code.codable:
        raise WorkbenchError(
            _("code '{code_path}' only groups other codes and cannot be applied").format(code_path=code_path)
        )
    return code


def _rules(session: Session, tree: CodeTree, code_path: str | None, pattern: str | None):
    if code_path:
        code = _codable(session, tree, code_path)
        if pattern:
            return [(code, Matcher(patterns=[pattern]))]
        found = Matcher.of(code)
        if not found:
            raise WorkbenchError(
                _("code '{code_path}' has no keywords or patterns; give --pattern").format(code_path=code_path)
            )
        return [(code, found)]
    rules = [
        (code, found)
        for code_id, _ in tree.walk()
        if (code := session.get(Code, code_id)).codable and (found := Matcher.of(code))
    ]
    if not rules:
        raise WorkbenchError(_("no code in the codebook has keywords or patterns"))
    return rules


def _transcripts(session: Session, name: str | None, role: str, only: dict[int, list[int]] | None = None):
    """(id, name, text, turn spans) of the transcripts, turns filtered by speaker role (and to the turn
    indexes in `only`, per transcript id, if given): the turns of all of them in one query, the texts one at a
    time."""
    chosen = [transcript_named(session, name).id] if name else None
    query = (
        select(Turn.transcript_id, Turn.index, Turn.start, Turn.end)
        .join(Speaker, Turn.speaker_id == Speaker.id)
        .outerjoin(Participant, Speaker.participant_id == Participant.id)
        .order_by(Turn.transcript_id, Turn.start)
    )
    if chosen:
        query = query.where(Turn.transcript_id.in_(chosen))
    if role != "any":
        query = query.where(Participant.role == role)
    if only is not None:
        query = query.where(Turn.transcript_id.in_([t for t, indexes in only.items() if indexes]))
    wanted = {t: set(indexes) for t, indexes in only.items()} if only is not None else None
    turns: dict[int, list[tuple[int, int]]] = {}
    for transcript_id, index, start, end in session.execute(query):
        if wanted is None or index in wanted[transcript_id]:
            turns.setdefault(transcript_id, []).append((start, end))
    texts = select(Transcript.id, Transcript.name, Transcript.text).order_by(Transcript.name)
    if chosen:
        texts = texts.where(Transcript.id.in_(chosen))
    elif only is not None:
        texts = texts.where(Transcript.id.in_(list(turns)))
    for transcript_id, transcript_name, text in session.execute(texts.execution_options(yield_per=20)):
        if only is None or turns.get(transcript_id):
            yield transcript_id, transcript_name, text, turns.get(transcript_id, [])


def _units(
    text: str, turns: list[tuple[int, int]], hits: Iterator[tuple[int, int]], unit: str
) -> Iterator[tuple[int, int]]:
    """The span each hit codes; hits outside the given turns are passed over."""
    sentence_cache: dict[int, list[tuple[int, int]]] = {}
    for hit_start, hit_end in hits:
        inside = overlapping(turns, hit_start, hit_end)
        if not inside:
            continue
        turn_start, turn_end = turns[inside[0]]
        if unit == "match":
            start, end = trim(text, hit_start, min(hit_end, turn_end))
        elif unit == "turn":
            start, end = turn_start, turn_end
        else:
            if inside[0] not in sentence_cache:
                sentence_cache[inside[0]] = sentences(text, turn_start, turn_end)
            spans = sentence_cache[inside[0]]
            start, end = enclosing(spans, hit_start, min(hit_end, turn_end)) or (hit_start, hit_end)
        if start < end:
            yield start, end
