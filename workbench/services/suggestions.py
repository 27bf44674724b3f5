"""Suggested codes for respondent turns: computed, stored for review, accepted or rejected.

The model is built once per codebook version and learning state (cached in the process); turn
analyses are not stored. Accepting makes a coding (origin "suggestion", the evidence as memo)
through the one coding writer; a rejection is remembered so the span is not suggested again.

Coders code independently: a coder's suggestions leave out what that coder coded or decided (not what another
did), are stored for that coder and decided by that coder alone.
"""

from __future__ import annotations

import gc
import hashlib
import json
from collections import defaultdict
from functools import lru_cache

from sqlalchemy import delete, or_, select

from workbench.core.db import Database
from workbench.core.dto import CodingView, SuggestionView
from workbench.core.models import Code, Coder, Coding, Suggestion, Transcript, utcnow
from workbench.core.suggest import SHOWN
from workbench.core.suggest.evidence import said, said_method
from workbench.errors import WorkbenchError
from workbench.i18n import _
from workbench.services.codebook import codable_code
from workbench.services.coding_writer import CodingWriter, NewCoding
from workbench.services.codings import coding_view
from workbench.services.lookup import CodeTree, coder_named, respondent_turns, transcript_named

LEARN_FROM = ("manual", "suggestion", "import")  # origins of codings the model learns from
EXAMPLES_PER_CODE = 50
SPARE = 5  # codes ranked beyond --top, to take the place of codes coded or decided on that span already


def _codebook(session) -> tuple[tuple, dict[str, tuple[str, ...]]]:
    """The codable codes as (path, description, keywords, exclusions) and the team's coded segments per path."""
    from workbench.core.suggest.model import CodeText

    tree = CodeTree(session)
    codable = session.scalars(select(Code).where(Code.codable)).all()
    codes = tuple(CodeText(tree.path(c.id), c.description, tuple(c.keywords), tuple(c.exclusions or ()))
                  for c in codable)
    examples: dict[str, list[str]] = {}
    for code in codable:  # each code's latest by index: never a row per coding of the study
        found = list(session.scalars(select(Coding.quote).where(Coding.code_id == code.id, Coding.origin.in_(
            LEARN_FROM)).order_by(Coding.id.desc()).limit(EXAMPLES_PER_CODE)))
        if found:
            examples[tree.path(code.id)] = found
    return tuple(sorted(codes, key=lambda c: c.path)), {p: tuple(q) for p, q in sorted(examples.items())}


def model_for(db: Database):
    """The model for the database's current codebook and codings (rebuilt only when they changed)."""
    with db.read() as session:
        codes, examples = _codebook(session)
    key = hashlib.sha1(json.dumps([[c.path, c.description, c.keywords, c.exclusions] for c in codes] + [examples],
                                  sort_keys=True).encode()).hexdigest()
    return _model(key, codes, tuple(examples.items()))


@lru_cache(maxsize=2)
def _model(key: str, codes: tuple, examples: tuple):
    from workbench.core.suggest.model import SuggestionModel

    model = SuggestionModel(codes, {path: list(texts) for path, texts in examples})
    gc.freeze()  # spaCy's many long-lived objects out of the collector's way: no pauses in the TUI after
    return model


def _mine(coder_id: int | None) -> list:
    """Suggestions for this coder (and those made for anyone, before suggestions were per coder)."""
    anyones = Suggestion.coder_id.is_(None)
    return [anyones if coder_id is None else or_(Suggestion.coder_id == coder_id, anyones)]


def _known(session, coder: str | None) -> int | None:
    """A coder's id, without making a coder of a name nobody codes under (None: no such coder, or none given)."""
    return None if coder is None else session.scalar(select(Coder.id).where(Coder.name == coder.strip()))


def suggest(db: Database, transcript: str | None = None, min_score: float = SHOWN, top: int = 3,
            model=None, coder: str | None = None) -> list[SuggestionView]:
    """The top codes of each respondent turn not yet coded or decided on that span (by coder; None: by anyone),
    not stored, not applied. min_score is relative to each turn's best code; 0 gives the top codes of every turn
    whatever they score."""
    model = model or model_for(db)
    with db.read() as session:
        me = _known(session, coder)
        turns = respondent_turns(session, transcript)
        shown = {t.transcript_id for t in turns}  # only these transcripts' decisions and codings matter
        decided = {(s.transcript_id, s.start, s.end, s.code_id) for s in session.scalars(
            select(Suggestion).where(Suggestion.status != "pending", Suggestion.transcript_id.in_(shown),
                                     *([or_(Suggestion.decided_by_id == me, Suggestion.coder_id == me)]
                                       if coder is not None else [])))}
        coded = defaultdict(list)  # a span already coded with the code (any overlap) is not suggested
        for transcript_id, code_id, start, end in session.execute(
                select(Coding.transcript_id, Coding.code_id, Coding.start, Coding.end)
                .where(Coding.transcript_id.in_(shown), *([Coding.coder_id == me] if coder is not None else []))):
            coded[transcript_id, code_id].append((start, end))
        tree = CodeTree(session)
    ranked = model.rank([t.text for t in turns], top=top + SPARE, min_score=min_score)
    found = []
    for turn, candidates in zip(turns, ranked):
        kept = []
        for c in candidates:
            span = (turn.transcript_id, turn.start + c.start, turn.start + c.end, tree.get(c.path))
            if span not in decided and not any(a < span[2] and span[1] < b for a, b in coded[span[0], span[3]]):
                kept.append(SuggestionView(None, turn.transcript, turn.index, span[1], span[2], c.path, c.score,
                                           c.raw, c.method, c.evidence, model.version, "pending"))
        found += kept[:top]
    return found


def refresh(db: Database, transcript: str, min_score: float = SHOWN, top: int = 3,
            coder: str | None = None) -> list[SuggestionView]:
    """Compute a transcript's suggestions for coder and store them as pending: a stored one made again stays as
    it is (its id too), the rest of coder's older pending ones go (another coder's stay). Nothing changed,
    nothing is written: opening a transcript moves no other screen."""
    made = suggest(db, transcript, min_score, top, coder=coder)
    with db.write() as session:
        target = transcript_named(session, transcript)
        # one refresh of a transcript at a time: two at once each replaced what they had read, and both stayed
        session.execute(select(Transcript.id).where(Transcript.id == target.id).with_for_update())
        tree = CodeTree(session)
        me = None if coder is None else coder_named(session, coder).id
        stored: dict[tuple, list[int]] = {}
        for row in session.execute(select(Suggestion.id, *_SAME).where(
                Suggestion.transcript_id == target.id, Suggestion.status == "pending", *_mine(me))):
            stored.setdefault(tuple(row[1:]), []).append(row[0])
        new = []
        for s in made:
            same = (s.turn, tree.get(s.path), s.start, s.end, s.score, s.raw, s.method, s.evidence, s.model_version)
            if stored.get(same):
                stored[same].pop()
            else:
                new.append(Suggestion(transcript_id=target.id, turn_index=s.turn, code_id=same[1], start=s.start,
                                      end=s.end, score=s.score, raw_score=s.raw, method=s.method,
                                      evidence=s.evidence, model_version=s.model_version, coder_id=me))
        session.add_all(new)
        session.flush()  # the new ones first: SQLite would give a deleted suggestion's id to a new one, and a
        gone = [i for ids in stored.values() for i in ids]  # screen's stale id would take it
        if gone:
            session.execute(delete(Suggestion).where(Suggestion.id.in_(gone)))
    return pending(db, transcript, coder)


# what makes a stored suggestion the same as one made again
_SAME = (Suggestion.turn_index, Suggestion.code_id, Suggestion.start, Suggestion.end, Suggestion.score,
         Suggestion.raw_score, Suggestion.method, Suggestion.evidence, Suggestion.model_version)


def pending(db: Database, transcript: str | None = None, coder: str | None = None) -> list[SuggestionView]:
    """Pending suggestions (of a transcript), a coder's (None: everyone's)."""
    with db.read() as session:
        me = _known(session, coder)
        query = (select(Suggestion, Transcript.name).join(Transcript)
                 .where(Suggestion.status == "pending", *(_mine(me) if coder is not None else []))
                 .order_by(Transcript.name, Suggestion.start, Suggestion.score.desc()))
        if transcript:
            query = query.where(Transcript.id == transcript_named(session, transcript).id)
        tree = CodeTree(session)
        return [_suggestion_view(s, name, tree) for s, name in session.execute(query)]


def _suggestion_view(s: Suggestion, transcript: str, tree: CodeTree) -> SuggestionView:
    return SuggestionView(s.id, transcript, s.turn_index, s.start, s.end, tree.path(s.code_id), s.score,
                          s.raw_score, s.method, s.evidence, s.model_version, s.status)


def _decide(session, coder: str, suggestion_id: int, status: str) -> Suggestion:
    found = session.get(Suggestion, suggestion_id)
    if found is None or found.status != "pending":
        raise WorkbenchError(_("this suggestion was replaced or decided meanwhile (the list is refreshed)"))
    me = coder_named(session, coder).id
    if found.coder_id not in (None, me):
        raise WorkbenchError(_("this suggestion is another coder's: only they decide it"))
    found.status, found.decided_by_id, found.decided_at = status, me, utcnow()
    return found


Span = tuple[int, int]


def accept(db: Database, coder: str, suggestion_id: int, span: Span | None = None) -> CodingView | None:
    """The suggestion becomes a coding by coder (origin 'suggestion', evidence in the memo), of its span or the
    span the coder widened or narrowed it to; None when the coder had coded that span with that code already
    (the suggestion is then linked to that coding)."""
    with db.write() as session:
        found = _decide(session, coder, suggestion_id, "accepted")
        writer = CodingWriter(session, coder_named(session, coder))
        twin = writer.existing(found.transcript_id, found.code_id, *(span or (found.start, found.end)))
        if twin is not None:
            found.coding_guid = twin.guid
            return None
        memo = _("suggested ({method}, {score:.2f} of the turn's best): {evidence}").format(
            method=said_method(found.method), score=found.score, evidence=said(found.evidence))
        return _code(session, writer, found, session.get(Code, found.code_id), "suggestion", memo, span)


def correct(db: Database, coder: str, suggestion_id: int, code_path: str, create: bool = False,
            span: Span | None = None) -> CodingView:
    """Another code than suggested, in one transaction: the coder's coding of the span (or the one they made of
    it) with code_path (made first when create), and the suggestion rejected with a link to that coding."""
    with db.write() as session:
        found = _decide(session, coder, suggestion_id, "rejected")
        code, _created = codable_code(session, code_path, coder, create)
        return _code(session, CodingWriter(session, coder_named(session, coder)), found, code, "manual", None, span)


def _code(session, writer: CodingWriter, found: Suggestion, code: Code, origin: str, memo: str | None,
          span: Span | None) -> CodingView:
    start, end = span or (found.start, found.end)
    coding = writer.add(NewCoding(found.transcript_id, code, start, end, origin, memo))
    found.coding_guid = coding.guid
    name = session.get(Transcript, found.transcript_id).name
    return coding_view(coding, name, CodeTree(session).path(code.id), writer.coder.name)


def reject(db: Database, coder: str, suggestion_id: int) -> None:
    with db.write() as session:
        _decide(session, coder, suggestion_id, "rejected")
