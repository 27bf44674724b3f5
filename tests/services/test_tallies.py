"""The tallies the triggers keep (migration 0011) against a recount of every turn link, after the writes
a study sees: codings added (one turn and several), codes changed, codings deleted, codes merged, a
respondent erased (a cascade through turns and speakers)."""

import contextlib
import random
from collections import Counter

from sqlalchemy import select

from bench.corpus import add_codings_over_turns, add_random_codings
from workbench.core.models import ANY_CODER, CodedTurnTally, CodeTally, Coding, CodingTurn, KindTally
from workbench.services import codings, erasure, participants
from workbench.services.codebook import merge_codes
from workbench.services.coding_writer import AlreadyCoded


def recount_kinds(db):
    """The kind tally as kept, and as the turn links and their codings say (a confirmed autocode: 'confirmed')."""
    with db.read() as session:
        links = session.execute(select(CodingTurn.speaker_id, CodingTurn.coder_id, CodingTurn.one_turn,
                                       Coding.origin, Coding.confirmed_at)
                                .join(Coding, Coding.id == CodingTurn.coding_id)).all()
        kept = {(r.speaker_id, r.coder_id, r.kind): (r.links, r.one_turn) for r in session.scalars(select(KindTally))}
    counted: Counter = Counter()
    one_turn: Counter = Counter()
    for speaker_id, coder_id, one, origin, confirmed_at in links:
        key = (speaker_id, coder_id, "confirmed" if origin == "autocode" and confirmed_at else origin)
        counted[key] += 1
        one_turn[key] += bool(one)
    return kept, {key: (n, one_turn[key]) for key, n in counted.items()}


def test_the_kind_tally_follows_codings_confirmations_undos_and_deletions(sample_db):
    kept, counted = recount_kinds(sample_db)
    assert kept == counted and {kind for _s, _c, kind in kept} == {"autocode"}
    rng = random.Random(5)
    add_random_codings(sample_db, 300, rng)
    add_codings_over_turns(sample_db, 40, rng)
    codings.confirm_autocodes(sample_db, "lead", code_path="Studenten")
    autocodes = [c for c in codings.list_codings(sample_db) if c.origin == "autocode"]
    kept_one = next(c for c in autocodes if c.confirmed_by)
    codings.delete_coding(sample_db, "autocoder", kept_one.guid)
    codings.swap(sample_db, "autocoder", None, kept_one, "undo")  # back, confirmed as it was
    codings.confirm_autocodes(sample_db, "lead", transcript=autocodes[0].transcript, withdraw=True)
    for coding in rng.sample(codings.list_codings(sample_db), 50):
        codings.delete_coding(sample_db, coding.coder, coding.guid)
    kept, counted = recount_kinds(sample_db)
    assert kept == counted and {kind for _s, _c, kind in kept} >= {"autocode", "confirmed", "manual"}


def recount(db):
    with db.read() as session:
        links = session.execute(select(CodingTurn.code_id, CodingTurn.speaker_id, CodingTurn.coder_id,
                                       CodingTurn.one_turn, CodingTurn.turn_id)).all()
        kept_codes = {(r.code_id, r.speaker_id, r.coder_id): (r.links, r.one_turn)
                      for r in session.scalars(select(CodeTally))}
        kept_turns = {(r.speaker_id, r.coder_id): r.turns for r in session.scalars(select(CodedTurnTally))}
    per_code, one_turn = Counter(), Counter()
    turns: dict[tuple[int, int], set[int]] = {}
    for code_id, speaker_id, coder_id, one, turn_id in links:
        per_code[(code_id, speaker_id, coder_id)] += 1
        one_turn[(code_id, speaker_id, coder_id)] += bool(one)
        for who in (coder_id, ANY_CODER):
            turns.setdefault((speaker_id, who), set()).add(turn_id)
    counted_codes = {key: (n, one_turn[key]) for key, n in per_code.items()}
    return kept_codes, counted_codes, kept_turns, {key: len(ids) for key, ids in turns.items()}


def test_the_tallies_stay_what_the_turn_links_say(sample_db):
    rng = random.Random(11)
    add_random_codings(sample_db, 1500, rng)
    add_codings_over_turns(sample_db, 150, rng)
    kept_codes, counted_codes, kept_turns, counted_turns = recount(sample_db)
    assert kept_codes == counted_codes and kept_turns == counted_turns and len(counted_turns) > 20

    made = codings.list_codings(sample_db)
    paths = sorted({c.code_path for c in made})
    for coding in rng.sample(made, 60):
        with contextlib.suppress(AlreadyCoded):  # that code is on those words already: refused, as it should
            codings.change_code(sample_db, coding.coder, coding.guid, rng.choice(paths))
    for coding in rng.sample(made, 120):
        if coding.guid in {c.guid for c in codings.list_codings(sample_db, transcript=coding.transcript)}:
            codings.delete_coding(sample_db, coding.coder, coding.guid)
    merge_codes(sample_db, paths[0], paths[1], "anna")
    erasure.erase_respondent(sample_db, next(p.pseudonym for p in participants.list_participants(sample_db)[0] if p.role == "respondent" and p.transcripts))

    kept_codes, counted_codes, kept_turns, counted_turns = recount(sample_db)
    assert kept_codes == counted_codes
    assert kept_turns == counted_turns
