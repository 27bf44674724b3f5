"""The matrices a lead checks counts against: respondents x codes (with their attributes) and codes x
documents (a code with its subcodes; an interview of two respondents split by respondent)."""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Sequence

from sqlalchemy import distinct, func, select

from workbench.core.db import Database
from workbench.core.dto import CodeDocumentMatrix, RespondentMatrix, RespondentRow
from workbench.core.models import Coding, CodingTurn, Participant, Speaker, Transcript
from workbench.services.counted import Basis, provenance, respondent_speakers
from workbench.services.frequencies import counted_respondents, respondents_codings
from workbench.services.lookup import CodeTree, coder_ids
from workbench.services.quotes import anonymiser

_coding, _coding_turn, _participant, _speaker, _transcript = (
    model.__table__ for model in (Coding, CodingTurn, Participant, Speaker, Transcript))


def _ancestry(tree: CodeTree) -> dict[int, list[int]]:
    """Each code with the codes above it: a coding counts for each."""
    parents = tree.parents()
    found = {}
    for code_id in parents:
        chain, at = [], code_id
        while at is not None and at not in chain:
            chain.append(at)
            at = parents.get(at)
        found[code_id] = chain
    return found


def respondent_matrix(db: Database, coders: Sequence[str] | None = None, reviewed: bool = False,
                      consensus: bool = False, real_names: bool = False) -> RespondentMatrix:
    """Per respondent (pseudonym, programmes, institution, variables, interviews) the codings of each code with
    its subcodes, of the codings a frequency report with the same basis counts: a code's respondent count in a
    programme is the number of that programme's rows with a count above 0."""
    with db.read() as session:
        basis = Basis(coder_ids(session, coders), reviewed, consensus)
        tree = CodeTree(session)
        respondents = counted_respondents(session, real_names)
        up = _ancestry(tree)
        codings: Counter[tuple[int, int]] = Counter()  # a coding has one code: its code's and subcodes' add up
        for pid, code_id, count in _per_respondent_and_code(session, basis):
            for code in up.get(code_id, [code_id]):
                codings[(pid, code)] += count
        people = dict(session.execute(select(_participant.c.id, _participant.c.pseudonym)).all())
        variables = dict(session.execute(select(_participant.c.id, _participant.c.variables)).all())
        interviews = defaultdict(set)
        mask = anonymiser(session)
        for pid, name in session.execute(
            select(_speaker.c.participant_id, _transcript.c.name).select_from(_speaker.join(_transcript))
            .where(_speaker.c.participant_id.in_(respondents))
        ):
            interviews[pid].add(mask(name))
        source = provenance(session, basis)
    codes = [(code_id, tree.path(code_id)) for code_id, _ in tree.walk()]
    named = sorted({name for pid in respondents for name in (variables.get(pid) or {})}, key=str.casefold)
    rows = tuple(
        RespondentRow(people[pid], who.programmes, who.institution,
                      {name: str(value[1] if isinstance(value, list) else value)
                       for name, value in (variables.get(pid) or {}).items()},
                      tuple(sorted(interviews[pid])),
                      {path: codings[(pid, code_id)] for code_id, path in codes})
        for pid, who in sorted(respondents.items(), key=lambda item: people[item[0]].casefold()))
    return RespondentMatrix(tuple(path for _, path in codes), tuple(named), rows, source)


def _per_respondent_and_code(session, basis: Basis) -> list[tuple[int, int, int]]:
    """(respondent, code, codings): from the tally and the codings over several turns (3M codings: 0.3 s, not
    3.5 s), or, for codings a tally does not tell apart (reviewed, consensus), from every turn link."""
    if basis.filtered:
        return session.execute(
            select(_speaker.c.participant_id, _coding_turn.c.code_id, func.count(distinct(_coding_turn.c.coding_id)))
            .select_from(_coding_turn.join(_speaker, _speaker.c.id == _coding_turn.c.speaker_id))
            .where(_coding_turn.c.speaker_id.in_(respondent_speakers()), *basis.on_links())
            .group_by(_speaker.c.participant_id, _coding_turn.c.code_id)).all()
    speaker_of = dict(session.execute(respondent_speakers(_speaker.c.id, _speaker.c.participant_id)).all())
    tallies, spread = respondents_codings(session, speaker_of, basis.coder_ids)
    tallies.update((code_id, pid) for code_id, pid, _coding in spread)
    return [(pid, code_id, n) for (code_id, pid), n in tallies.items() if n]


def code_document_matrix(db: Database, coders: Sequence[str] | None = None, reviewed: bool = False,
                         consensus: bool = False) -> CodeDocumentMatrix:
    """Codings of each code with its subcodes per document (every speaker's turns), and, for a document with
    two or more respondents, per respondent of it as well ('interview-05 · R07')."""
    with db.read() as session:
        basis = Basis(coder_ids(session, coders), reviewed, consensus)
        tree = CodeTree(session)
        mask = anonymiser(session)
        shown = {id_: mask.unique_name(name, guid) for id_, name, guid in session.execute(
            select(_transcript.c.id, _transcript.c.name, _transcript.c.guid))}
        up = _ancestry(tree)
        people = dict(session.execute(select(_participant.c.id, _participant.c.pseudonym)).all())
        speakers_in = defaultdict(set)  # transcript -> its respondents
        for transcript_id, pid in session.execute(select(_speaker.c.transcript_id, _speaker.c.participant_id)
                                                   .where(_speaker.c.id.in_(respondent_speakers()))):
            speakers_in[transcript_id].add(pid)
        cells: Counter[tuple[str, str]] = Counter()  # a coding has one code: its code's and subcodes' add up
        for code_id, transcript_id, count in session.execute(
            select(_coding.c.code_id, _coding.c.transcript_id, func.count())
            .where(*basis.where()).group_by(_coding.c.code_id, _coding.c.transcript_id)
        ):
            for code in up.get(code_id, [code_id]):
                cells[(tree.path(code), shown[transcript_id])] += count
        split_ids = [id_ for id_, pids in speakers_in.items() if len(pids) > 1]
        for code_id, transcript_id, pid, count in session.execute(
            select(_coding_turn.c.code_id, _speaker.c.transcript_id, _speaker.c.participant_id,
                   func.count(distinct(_coding_turn.c.coding_id)))
            .select_from(_coding_turn.join(_speaker, _speaker.c.id == _coding_turn.c.speaker_id))
            .where(_coding_turn.c.speaker_id.in_(respondent_speakers()), _speaker.c.transcript_id.in_(split_ids),
                   *basis.on_links())
            .group_by(_coding_turn.c.code_id, _speaker.c.transcript_id, _speaker.c.participant_id)
        ) if split_ids else ():
            for code in up.get(code_id, [code_id]):
                cells[(tree.path(code), f"{shown[transcript_id]} · {people[pid]}")] += count
        split = {id_: sorted(people[pid] for pid in pids) for id_, pids in speakers_in.items() if len(pids) > 1}
        source = provenance(session, basis)
    documents = []
    for id_, name in sorted(shown.items(), key=lambda item: item[1]):
        documents.append(name)
        documents.extend(f"{name} · {who}" for who in split.get(id_, []))
    return CodeDocumentMatrix(tuple(tree.path(code_id) for code_id, _ in tree.walk()), tuple(documents),
                              dict(cells), source)
