"""Suggestions in the service layer: stored for review, accepted into codings, rejections remembered."""

import pytest

from workbench.errors import WorkbenchError
from workbench.services import codebook, codings, suggestions


def test_accept_reject_and_learning(sample_db):
    pending = suggestions.refresh(sample_db, "interview-03")
    assert pending and all(s.status == "pending" and s.id for s in pending)
    assert all(s.transcript == "interview-03" for s in pending)
    first, second = pending[0], pending[1]
    made = suggestions.accept(sample_db, "anna", first.id)
    assert (made.code_path, made.start, made.end, made.origin, made.coder) == (
        first.path, first.start, first.end, "suggestion", "anna")
    assert first.evidence in made.memo
    suggestions.reject(sample_db, "anna", second.id)
    again = suggestions.suggest(sample_db, "interview-03")
    spans = {(s.start, s.end, s.path) for s in again}
    assert (second.start, second.end, second.path) not in spans  # rejected: not suggested again
    assert (first.start, first.end, first.path) not in spans  # coded now
    with pytest.raises(WorkbenchError):
        suggestions.accept(sample_db, "anna", second.id)  # decided already
    assert {s.id for s in suggestions.pending(sample_db, "interview-03")} == {s.id for s in pending[2:]}


def test_respondent_turns_only_and_the_model_follows_the_codebook(sample_db):
    from workbench.services import transcripts

    roles = {t.index: t.role for t in transcripts.show_transcript(sample_db, "interview-03").turns}
    found = suggestions.suggest(sample_db, "interview-03", min_score=0.0, top=5)
    assert found and {roles[s.turn] for s in found} == {"respondent"}
    before = suggestions.model_for(sample_db)
    codebook.add_code(sample_db, "Studenten > Heimwee", "lead", description="Heimwee naar huis en familie.")
    after = suggestions.model_for(sample_db)
    assert after is not before and "Studenten > Heimwee" in after.texts
    assert suggestions.model_for(sample_db) is after  # unchanged codebook: the same model
    longest = max(found, key=lambda s: s.end - s.start)  # a segment of one content word teaches nothing
    codings.add_coding(sample_db, "anna", "interview-03", "Studenten > Heimwee", longest.start, longest.end)
    assert len(suggestions.model_for(sample_db).examples["Studenten > Heimwee"]) == 1  # learns from codings


def test_min_score_zero_ranks_every_respondent_turn_and_stored_suggestions_keep_the_raw_score(sample_db):
    from workbench.services import transcripts

    turns = {t.index for t in transcripts.show_transcript(sample_db, "interview-03").turns if t.role == "respondent"}
    every = suggestions.suggest(sample_db, "interview-03", min_score=0.0, top=2)
    assert {s.turn for s in every} == turns
    shown = suggestions.refresh(sample_db, "interview-03")
    assert shown and len(shown) < len(every)
    assert all(s.raw is not None and s.raw >= s.score * max(o.raw for o in shown if o.turn == s.turn) - 1e-3
               for s in shown)
    ranked = {(s.turn, s.path, s.score, s.raw) for s in suggestions.suggest(sample_db, "interview-03", 0.0, top=3)}
    assert {(s.turn, s.path, s.score, s.raw) for s in shown} <= ranked  # the threshold only leaves out


def test_undoing_an_accept_puts_the_suggestion_back_and_redoing_settles_it_again(sample_db):
    """Undoing an accept removed the coding but left the suggestion 'accepted' and gone from the panel."""
    first = suggestions.refresh(sample_db, "interview-03")[0]
    made = suggestions.accept(sample_db, "anna", first.id)
    assert first.id not in {s.id for s in suggestions.pending(sample_db, "interview-03")}
    codings.swap(sample_db, "anna", made, None, "undo")
    assert first.id in {s.id for s in suggestions.pending(sample_db, "interview-03")}
    codings.swap(sample_db, "anna", None, made, "redo")
    assert first.id not in {s.id for s in suggestions.pending(sample_db, "interview-03")}


def test_coding_a_suggested_span_by_hand_settles_the_suggestion(sample_db):
    """Coding the same span by hand left the suggestion pending, so `w` kept stopping there."""
    pending = suggestions.refresh(sample_db, "interview-03")
    first = pending[0]
    other_code = next(s for s in pending if s.path != first.path and (s.start, s.end) != (first.start, first.end))
    made = codings.add_coding(sample_db, "anna", "interview-03", first.path, first.start, first.end)
    left = {s.id for s in suggestions.pending(sample_db, "interview-03")}
    assert first.id not in left and other_code.id in left  # another code's suggestion there stays
    codings.delete_coding(sample_db, "anna", made.guid)  # and x puts it back
    assert first.id in {s.id for s in suggestions.pending(sample_db, "interview-03")}


def test_a_suggestion_is_accepted_or_corrected_on_the_span_the_coder_widened_it_to(sample_db):
    from workbench.services import transcripts

    turns = {t.index: t for t in transcripts.show_transcript(sample_db, "interview-03").turns}
    pending = suggestions.refresh(sample_db, "interview-03")
    first = next(s for s in pending if (s.start, s.end) != (turns[s.turn].start, turns[s.turn].end))
    whole = (turns[first.turn].start, turns[first.turn].end)
    made = suggestions.accept(sample_db, "anna", first.id, span=whole)
    assert (made.start, made.end, made.code_path, made.origin) == (*whole, first.path, "suggestion")
    codings.swap(sample_db, "anna", made, None, "undo")  # linked to the coding it made: pending again
    assert first.id in {s.id for s in suggestions.pending(sample_db, "interview-03")}
    other = next(s for s in suggestions.pending(sample_db, "interview-03") if s.id != first.id)
    wide = (turns[other.turn].start, turns[other.turn].end)
    corrected = suggestions.correct(sample_db, "anna", other.id, "Studenten > Heimwee", create=True, span=wide)
    assert (corrected.start, corrected.end) == wide


def test_each_coder_has_suggestions_of_their_own_that_another_coder_s_work_leaves_alone(sample_db):
    """A suggestion had one status for the whole study: what anna coded, accepted or rejected was gone for bea,
    so a second, independent coding for agreement had no suggestions where the first coder had been."""
    anna = suggestions.refresh(sample_db, "interview-03", coder="anna")
    bea = suggestions.refresh(sample_db, "interview-03", coder="bea")
    key = lambda s: (s.start, s.end, s.path)  # noqa: E731
    assert anna and {key(s) for s in anna} == {key(s) for s in bea}  # the same model, rows of their own
    assert not {s.id for s in anna} & {s.id for s in bea}
    accepted, rejected, by_hand = anna[0], anna[1], anna[2]
    suggestions.accept(sample_db, "anna", accepted.id)
    suggestions.reject(sample_db, "anna", rejected.id)
    codings.add_coding(sample_db, "anna", "interview-03", by_hand.path, by_hand.start, by_hand.end)
    assert {key(s) for s in suggestions.pending(sample_db, "interview-03", "bea")} == {key(s) for s in bea}
    again = suggestions.refresh(sample_db, "interview-03", coder="bea")  # made again: anna's work leaves bea's
    assert {key(accepted), key(rejected), key(by_hand)} <= {key(s) for s in again}
    mine = {key(s) for s in suggestions.refresh(sample_db, "interview-03", coder="anna")}
    assert not {key(accepted), key(rejected), key(by_hand)} & mine  # anna's own decisions hold for her
    with pytest.raises(WorkbenchError, match="another coder's"):
        suggestions.reject(sample_db, "anna", again[0].id)


def test_two_refreshes_of_one_transcript_at_once_leave_one_set_of_pending_suggestions(sample_db):
    """The monkey's outage test logged "DELETE on 'suggestion' expected to delete 153 rows; 0 were matched":
    two refreshes of one transcript (a screen's and a retried one) each replaced the pending suggestions they
    had read, so one deleted what the other had, and both sets were stored."""
    import threading
    import warnings

    from sqlalchemy.exc import SAWarning

    suggestions.refresh(sample_db, "interview-03", coder="anna")
    warnings.simplefilter("error", SAWarning)  # for this test only: pytest restores the filters after it
    for _round in range(4):
        start, failed = threading.Barrier(3), []

        def refresh(start=start, failed=failed):
            start.wait()
            try:
                suggestions.refresh(sample_db, "interview-03", coder="anna")
            except Exception as exc:  # noqa: BLE001 - the test reports what went wrong in a thread
                failed.append(exc)

        threads = [threading.Thread(target=refresh) for _ in range(3)]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join()
        assert failed == []
        spans = [(s.start, s.end, s.path) for s in suggestions.pending(sample_db, "interview-03", "anna")]
        assert spans and len(spans) == len(set(spans))


def test_a_refresh_that_finds_what_is_stored_writes_nothing(sample_db):
    """Opening a transcript refreshes its suggestions: each open replaced them all with equal ones, which moved
    the study's version, so every other screen (and every other coder's, on a shared server) read itself
    again. Now an unchanged suggestion stays as it is (its id too); only what differs is written."""
    first = suggestions.refresh(sample_db, "interview-03", coder="anna")
    version = sample_db.version()
    again = suggestions.refresh(sample_db, "interview-03", coder="anna")
    assert sample_db.version() == version
    assert [(s.id, s.start, s.end, s.path, s.score) for s in again] == [
        (s.id, s.start, s.end, s.path, s.score) for s in first]
    dropped = first[0]
    codings.add_coding(sample_db, "anna", "interview-03", dropped.path, dropped.start, dropped.end)
    changed = suggestions.refresh(sample_db, "interview-03", coder="anna")
    assert sample_db.version() > version
    assert (dropped.start, dropped.end, dropped.path) not in {(s.start, s.end, s.path) for s in changed}
    assert changed == suggestions.pending(sample_db, "interview-03", "anna")
    made = suggestions.suggest(sample_db, "interview-03", coder="anna")
    assert sorted((s.turn, s.start, s.end, s.path, s.score, s.method) for s in changed) == sorted(
        (s.turn, s.start, s.end, s.path, s.score, s.method) for s in made)
    kept = {s.id for s in first} & {s.id for s in changed}
    assert kept and all(s.id in kept for s in changed if (s.start, s.end, s.path, s.score) in {
        (f.start, f.end, f.path, f.score) for f in first})
