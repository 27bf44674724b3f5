"""Nothing lost, nothing leaked: backups, restore, deletion history, erasure."""

import pytest

from tests.conftest import CODEBOOK, SAMPLE, dump
from workbench.core.anonymise import MASK
from workbench.errors import WorkbenchError
from workbench.services import backups, codebook, codings, erasure, frequencies, transcripts

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
                assert set(t.text) <= {MASK, " ", "\n"}
    assert words.strip(MASK + " ")
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


ERASED_STUDY = ("Anouk   0:01\nWie was er?\n\nTom van der Meer   0:05\nIk, Tom. Mijn naam is Tom van der Meer.\n\n"
                "Bram   0:09\nIk wil meer tijd. Dat zei Tom ook, en Van der Meer weet het. TOMS idee was goed. "
                "Meer is niet nodig. Van der Heijden komt van de Meerwijk.\n")


@pytest.mark.sqlite_only  # automatic backups are SQLite files
def test_erasure_masks_the_name_and_leaves_everyone_elses_words(db, tmp_path):
    from workbench.services import participants

    (tmp_path / "gesprek met Tom.txt").write_text(ERASED_STUDY, encoding="utf-8")
    (tmp_path / "p.csv").write_text("transcript,speaker,respondent,role,institution,programme\n"
                                    ",Anouk,,interviewer,,\n,Tom van der Meer,R01,respondent,A,pabo\n"
                                    ",Bram,R02,respondent,A,pabo\n", encoding="utf-8")
    transcripts.import_paths(db, [tmp_path / "gesprek met Tom.txt"], replace=False, coder="c")
    participants.import_registry(db, tmp_path / "p.csv")
    codebook.import_codebook(db, CODEBOOK, "lead")
    bram = transcripts.show_transcript(db, "gesprek met Tom").turns[2]
    mine = codings.add_coding(db, "c", "gesprek met Tom", DELAY, bram.start, bram.end, memo="Tom zei dit al")
    automatic = backups.before(db, "merge")
    counts = frequencies.frequencies(db)
    erasure.erase_respondent(db, "R01")
    (name,) = [s.name for s in transcripts.list_transcripts(db)]
    assert "Tom" not in name and name.startswith("gesprek met ▒▒▒ ")
    said = transcripts.show_transcript(db, name).turns[2].text
    assert said == ("Ik wil meer tijd. Dat zei ▒▒▒ ook, en Van der ▒▒▒▒ weet het. ▒▒▒▒ idee was goed. "
                    "Meer is niet nodig. Van der Heijden komt van de Meerwijk.")
    assert {c.memo for c in codings.list_codings(db)} == {"▒▒▒ zei dit al"} and mine.guid
    again = participants.import_registry(db, tmp_path / "p.csv")  # the registry as it always was
    assert again.erased_skipped == ("R01",) and frequencies.frequencies(db) == counts
    assert "Tom" not in repr(participants.list_participants(db))
    for path in (db.path, automatic):
        assert b"Tom van der Meer" not in path.read_bytes() and b"met Tom" not in path.read_bytes()


def test_after_an_erasure_a_write_that_fails_halfway_still_changes_nothing(sample_db):
    """The erasure's vacuum needs a connection outside any transaction; on PostgreSQL it went back to the
    pool in autocommit, and the next unit of work on it committed each statement as it went."""
    from sqlalchemy import update

    from workbench.core.models import Code

    erasure.erase_respondent(sample_db, "R03")
    state = dump(sample_db)
    for _ in range(3):  # whichever pooled connection the next units of work get
        with pytest.raises(RuntimeError), sample_db.write() as session:
            session.execute(update(Code).values(description="half done"))
            session.flush()
            raise RuntimeError("the coder's machine went off")
    assert dump(sample_db) == state
