"""Nothing lost, nothing leaked: backups, restore, deletion history, erasure."""

import pytest

from tests.conftest import SAMPLE, dump
from workbench.core.services import backups, codebook, codings, erasure, frequencies, transcripts
from workbench.errors import WorkbenchError

DELAY = "Studenten > Belemmeringen studenten > Studievertraging"
MONEY = "Studenten > Belemmeringen studenten > Financiële redenen"


@pytest.mark.sqlite_only  # SQLite files: backups, bytes on disk
def test_backup_and_restore_bring_back_the_study_and_keep_the_state_before(sample_db, tmp_path):
    made = backups.backup(sample_db, tmp_path / "before.sqlite")
    assert oct(made.stat().st_mode & 0o777) == "0o600"
    before = frequencies.frequencies(sample_db)
    codebook.merge_codes(sample_db, MONEY, DELAY, "lead")
    assert frequencies.frequencies(sample_db) != before
    kept = backups.restore(sample_db, made)
    assert frequencies.frequencies(sample_db) == before
    assert kept.exists() and "auto-restore" in kept.name


@pytest.mark.sqlite_only  # SQLite files: backups, bytes on disk
def test_destructive_operations_back_up_first(sample_db):
    codebook.merge_codes(sample_db, MONEY, DELAY, "lead")
    first = sorted(p for p in SAMPLE.iterdir() if p.name.startswith("interview-02"))[0]
    transcripts.import_paths(sample_db, [first], replace=True, coder="c")
    reasons = [p.name.rsplit("-auto-", 1)[-1] for p in backups.backups(sample_db)]
    assert reasons == ["merge.sqlite", "replace.sqlite"]


@pytest.mark.sqlite_only  # SQLite files: backups, bytes on disk
def test_restore_refuses_what_is_not_a_backup_and_changes_nothing(sample_db, tmp_path):
    strange = tmp_path / "notes.sqlite"
    strange.write_bytes(b"SQLite format 3\x00" + b"\x00" * 200)
    state = dump(sample_db)
    for bad in (strange, tmp_path / "missing.sqlite"):
        with pytest.raises(WorkbenchError):
            backups.restore(sample_db, bad)
    assert dump(sample_db) == state


def test_every_removed_coding_is_in_the_history(sample_db):
    turn = next(t for t in transcripts.show_transcript(sample_db, "interview-03").turns if t.role == "respondent")
    made = codings.code_turn(sample_db, "anna", "interview-03", turn.index, DELAY)
    codings.delete_coding(sample_db, "lead", made.guid, settle=True)
    twin_a = codings.code_turn(sample_db, "anna", "interview-03", turn.index, MONEY)
    codings.code_turn(sample_db, "anna", "interview-03", turn.index, DELAY)
    codebook.merge_codes(sample_db, MONEY, DELAY, "lead")  # same span and coder: one coding is kept
    history = codings.deletions(sample_db)
    assert [(d.coding_guid, d.code_path, d.coded_by, d.deleted_by, d.reason) for d in history] == [
        (made.guid, DELAY, "anna", "lead", "settled"),
        (twin_a.guid, MONEY, "anna", "lead", "merged into a twin")]
    assert history[0].quote == turn.text


@pytest.mark.sqlite_only  # SQLite files: backups, bytes on disk
def test_erasure_removes_words_and_name_everywhere_and_keeps_the_counts(sample_db, tmp_path):
    copy = backups.backup(sample_db, tmp_path / "copy.sqlite")
    turns = [t for s in transcripts.list_transcripts(sample_db) if "R03" in s.respondents
             for t in transcripts.show_transcript(sample_db, s.name).turns if t.speaker == "R03"]
    words = max((t.text for t in turns), key=len)
    counts = frequencies.frequencies(sample_db)
    done = erasure.erase_respondent(sample_db, "R03", [copy])
    assert done.turns == len(turns) and done.names == 1 and done.backups == (str(copy),)
    assert frequencies.frequencies(sample_db) == counts
    for path in (sample_db.path, copy):  # not in any table, free page or log of either file
        raw = path.read_bytes()  # (another participant, Wouter Wijnbergen, keeps his own label)
        assert b"Stijn" not in raw and b"Stijn Wijnbergen" not in raw
    for s in transcripts.list_transcripts(sample_db):
        for t in transcripts.show_transcript(sample_db, s.name).turns:
            if t.speaker == "R03":
                assert set(t.text) <= {erasure.MASK, " ", "\n"}
    assert words.strip(erasure.MASK + " ")
    for c in codings.list_codings(sample_db):
        assert "Stijn" not in c.quote


def test_erasing_someone_unknown_changes_nothing(sample_db):
    state = dump(sample_db)
    for who in ("R99", "I1"):
        with pytest.raises(WorkbenchError):
            erasure.erase_respondent(sample_db, who)
    assert dump(sample_db) == state


def test_erasure_on_postgresql_rewrites_every_table_it_touched_and_says_what_is_left(sample_db, backend):
    if backend != "postgresql":
        pytest.skip("PostgreSQL keeps old row versions until a vacuum (SQLite: the test above reads the bytes)")
    from sqlalchemy import text

    def files():
        with sample_db.engine.connect() as conn:
            return {t: conn.execute(text("SELECT pg_relation_filenode(:t)"), {"t": t}).scalar()
                    for t in erasure.TOUCHED}

    before = files()
    done = erasure.erase_respondent(sample_db, "R03")
    after = files()
    assert [t for t in erasure.TOUCHED if after[t] == before[t]] == []  # each one rewritten: no dead versions
    assert "VACUUM FULL" in done.notes[0] and "write-ahead log" in done.notes[0]
