"""What can go wrong under a study, said in the user's words by the service layer: a server that goes away (a
real PostgreSQL server behind a relay the test cuts), a full disk, a read-only, vanished or damaged study file.
Each is one WorkbenchError naming the study (never its password), and the study is left as it was."""

import time

import pytest
from sqlalchemy import text

from tests.backends import SERVER, dump
from workbench.core.db import Database, resolve_url
from workbench.core.faults import StudyFault, StudyUnreachable
from workbench.errors import WorkbenchError
from workbench.services import codebook, codings, transcripts

CODE = "Studenten > Belemmeringen studenten > Studievertraging"
needs_server = pytest.mark.skipif(not SERVER, reason="needs the PostgreSQL test server (WORKBENCH_TEST_POSTGRES)")


def respondent_turns(db, name="interview-01"):
    return [t for t in transcripts.show_transcript(db, name).turns if t.role == "respondent"]


@needs_server
def test_every_service_says_the_server_is_gone_in_one_line_and_carries_on_when_it_is_back(relayed, outage):
    turn = respondent_turns(relayed)[0]
    outage.cut()
    for call in (relayed.version, lambda: codings.coders(relayed), lambda: codebook.show_codebook(relayed),
                 lambda: codings.add_coding(relayed, "anna", "interview-01", CODE, turn.start, turn.end)):
        with pytest.raises(StudyUnreachable) as caught:
            call()
        said = str(caught.value)
        assert said.endswith("the study's server cannot be reached") and "\n" not in said
        assert "workbench@" not in said and "***" in said  # the study named, its password hidden
        assert not caught.value.maybe_done
    outage.restore()
    made = codings.add_coding(relayed, "anna", "interview-01", CODE, turn.start, turn.end)  # a fresh connection
    assert made.code_path == CODE


@needs_server
def test_a_process_coding_in_a_loop_through_an_outage_loses_nothing_and_makes_nothing_twice(relayed, outage):
    """One write per respondent turn while the server goes away for two seconds: a write that failed is looked
    up by its receipt and made again only if it did not land."""
    turns, failures, cut_at = respondent_turns(relayed)[:30], 0, None
    for ticket, turn in enumerate(turns, start=1):
        if ticket == 10:
            outage.cut()
            cut_at = time.monotonic()
        while True:
            if outage.is_cut and time.monotonic() - cut_at > 2:
                outage.restore()
            try:
                with relayed.receipt_of("loop", ticket):
                    codings.add_coding(relayed, "loop", "interview-01", CODE, turn.start, turn.end)
                break
            except StudyUnreachable:
                failures += 1
                time.sleep(0.1)
                try:
                    if relayed.landed("loop", ticket):
                        break
                except StudyUnreachable:
                    continue
    made = [c for c in codings.list_codings(relayed, transcript="interview-01") if c.coder == "loop"]
    assert failures > 0
    assert sorted(c.start for c in made) == sorted(t.start for t in turns)  # each once


@needs_server
def test_a_commit_whose_answer_is_lost_may_have_landed_and_the_receipt_says_whether(relayed):
    from sqlalchemy import event

    turns = respondent_turns(relayed)[:2]
    for ticket, (turn, landed) in enumerate(zip(turns, (True, False)), start=1):
        def lose_the_answer(conn, landed=landed):
            connection = conn.connection.dbapi_connection
            if landed:
                connection.commit()
            connection.close()

        event.listen(relayed.engine, "commit", lose_the_answer, once=True)
        with pytest.raises(StudyUnreachable) as caught, relayed.receipt_of("app", ticket):
            codings.add_coding(relayed, "anna", "interview-01", CODE, turn.start, turn.end)
        assert caught.value.maybe_done
        assert relayed.landed("app", ticket) is landed
        found = [c for c in codings.list_codings(relayed, transcript="interview-01")
                 if c.coder == "anna" and c.start == turn.start]
        assert len(found) == (1 if landed else 0)


def _file_study(sample_template, tmp_path):
    import shutil

    path = tmp_path / "sample.sqlite"
    shutil.copy(sample_template, path)
    return path


def test_a_full_disk_is_said_as_such_and_changes_nothing(sample_template, tmp_path):
    path = _file_study(sample_template, tmp_path)
    db = Database(resolve_url(str(path)))
    with db.engine.connect() as conn:
        pages = conn.execute(text("PRAGMA page_count")).scalar()
    db.engine.dispose()

    from sqlalchemy import event

    @event.listens_for(db.engine, "connect")
    def _no_room(dbapi_connection, _record):  # SQLite's own limit: the file cannot grow, as on a full disk
        dbapi_connection.execute(f"PRAGMA max_page_count={pages}")

    made, before = [], dump(db)
    with pytest.raises(StudyFault, match="the disk holding the study is full; nothing was changed") as caught:
        for turn in respondent_turns(db):
            made.append(codings.add_coding(db, "anna", "interview-01", CODE, turn.start, turn.end,
                                           memo="x" * 4000).guid)
            before = dump(db)
    assert str(caught.value).startswith(str(path))
    assert dump(db) == before  # the write the disk had no room for left no trace; those before it stay
    assert [c.guid for c in codings.list_codings(db, transcript="interview-01") if c.coder == "anna"] == made


def test_a_read_only_or_vanished_study_file_is_said_as_such(sample_template, tmp_path):
    path = _file_study(sample_template, tmp_path)
    read_only = Database(f"sqlite+pysqlite:///file:{path}?mode=ro&uri=true")
    turn = respondent_turns(read_only)[0]
    with pytest.raises(WorkbenchError, match="the study file is read-only; nothing was changed"):
        codings.add_coding(read_only, "anna", "interview-01", CODE, turn.start, turn.end)
    read_only.close()

    db = Database(resolve_url(str(path)))
    before = codings.list_codings(db, transcript="interview-01")
    path.rename(tmp_path / "moved.sqlite")  # deleted or moved while a coder has it open
    with pytest.raises(StudyFault, match="the study file is gone; nothing was changed"):
        codings.add_coding(db, "anna", "interview-01", CODE, turn.start, turn.end)
    with pytest.raises(StudyFault, match="the study file is gone"):
        db.version()
    db.close()
    moved = Database(resolve_url(str(tmp_path / "moved.sqlite")))
    assert codings.list_codings(moved, transcript="interview-01") == before
