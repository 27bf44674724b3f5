"""Importing transcripts into a real SQLite file."""

import json
import os
import stat

import pytest
from sqlalchemy import func, select

from tests.conftest import SAMPLE, dump
from workbench.core.models import Coding
from workbench.errors import WorkbenchError
from workbench.services import autocode, codebook, codings, transcripts

TEAMS = "Anouk Brinkhorst   0:03\nWat vinden studenten ervan?\n\nBram Feddema   0:09\nZe zijn bang voor studievertraging.\n"


def write(path, text):
    path.write_text(text, encoding="utf-8")
    return path


def test_the_whole_sample_study_imports_in_every_layout(sample_db):
    summaries = transcripts.list_transcripts(sample_db)
    plan = json.loads((SAMPLE / "plan.json").read_text())
    assert [s.name for s in summaries] == sorted(plan)
    assert {s.layout for s in summaries} == {"teams-docx", "teams-docx-legacy", "teams-vtt", "teams-vtt-legacy", "verbatim"}
    for summary in summaries:
        assert 4000 <= summary.words <= 16000
        assert set(summary.respondents) == set(plan[summary.name])
    detail = transcripts.show_transcript(sample_db, summaries[0].name)
    for turn in detail.turns:
        assert detail.text[turn.start : turn.end] == turn.text


def test_importing_twice_changes_nothing(db, tmp_path):
    path = write(tmp_path / "int1.txt", TEAMS)
    first = transcripts.import_paths(db, [path], replace=False, coder="c")
    before = dump(db)
    again = transcripts.import_paths(db, [tmp_path], replace=False, coder="c")
    assert [o.status for o in first] == ["imported"] and [o.status for o in again] == ["unchanged"]
    assert dump(db) == before


def test_same_file_under_another_name_is_not_imported_twice(db, tmp_path):
    transcripts.import_paths(db, [write(tmp_path / "a.txt", TEAMS)], replace=False, coder="c")
    (outcome,) = transcripts.import_paths(db, [write(tmp_path / "b.txt", TEAMS)], replace=False, coder="c")
    assert outcome.status == "duplicate" and "'a'" in outcome.note


def coded_once(db, tmp_path, unit):
    """int1 imported and 'studievertraging' coded (by match or whole turn); a folder for v2."""
    transcripts.import_paths(db, [write(tmp_path / "int1.txt", TEAMS)], replace=False, coder="c")
    codebook.add_code(db, "Belemmeringen > Studievertraging", "c")
    autocode.autocode(db, "c", code_path="Belemmeringen > Studievertraging", pattern="studievertraging", unit=unit)
    folder = tmp_path / "v2"
    folder.mkdir()
    return folder


def test_a_different_file_under_an_existing_name_is_refused_unless_replace(db, tmp_path):
    folder = coded_once(db, tmp_path, "match")
    before = dump(db)
    corrected = write(folder / "int1.txt", "Anouk Brinkhorst   0:01\nWelkom.\n\n" + TEAMS)
    with pytest.raises(WorkbenchError, match="--replace"):
        transcripts.import_paths(db, [corrected], replace=False, coder="c")
    assert dump(db) == before
    (outcome,) = transcripts.import_paths(db, [corrected], replace=True, coder="c")
    assert outcome.status == "replaced" and "1 coding" in outcome.note
    detail = transcripts.show_transcript(db, "int1")
    with db.read() as session:
        coding = session.scalars(select(Coding)).one()
    assert detail.text[coding.start : coding.end] == "studievertraging"
    assert [t.text for t in detail.turns][0] == "Welkom.\nWat vinden studenten ervan?"


def test_a_corrected_word_keeps_the_whole_coding_and_its_quote(db, tmp_path):
    """'studievertraging' corrected to 'studie-vertraging': the coding covers the corrected words, and
    the quote shown everywhere is the new text, not the old."""
    folder = coded_once(db, tmp_path, "turn")
    corrected = write(folder / "int1.txt", TEAMS.replace("studievertraging", "studie-vertraging"))
    transcripts.import_paths(db, [corrected], replace=True, coder="c")
    (coding,) = codings.list_codings(db)
    text = transcripts.show_transcript(db, "int1").text
    assert coding.quote == text[coding.start : coding.end] == "Ze zijn bang voor studie-vertraging."


def test_replace_is_refused_when_codings_would_be_lost(db, tmp_path):
    folder = coded_once(db, tmp_path, "turn")
    before = dump(db)
    gutted = write(folder / "int1.txt", "Anouk Brinkhorst   0:03\nIets heel anders.\nBram Feddema   0:09\nNee.\n")
    with pytest.raises(WorkbenchError, match="cannot be found in the new text"):
        transcripts.import_paths(db, [gutted], replace=True, coder="c")
    assert dump(db) == before


def test_a_folder_imports_every_file_it_can_and_says_why_each_other_is_refused(db, tmp_path):
    """It stopped at the first bad file and imported nothing, naming only that one."""
    write(tmp_path / "good.txt", TEAMS)
    (tmp_path / "bad.vtt").write_bytes(b"\x00\x01binary\xff" * 50)
    (tmp_path / "letter.txt").write_text("Beste Anna,\nDank voor je brief.\n", encoding="utf-8")
    outcomes = transcripts.import_paths(db, [tmp_path], replace=False, coder="c")
    assert [(o.name, o.status) for o in outcomes] == [("good", "imported"), ("bad", "refused"), ("letter", "refused")]
    assert outcomes[1].note == "binary data, not a text transcript"
    assert outcomes[2].note.startswith("no transcript turns found")
    assert [s.name for s in transcripts.list_transcripts(db)] == ["good"]


def test_one_bad_file_is_refused_whole_and_the_study_is_unchanged(db, tmp_path):
    (tmp_path / "bad.vtt").write_bytes(b"\x00\x01binary\xff" * 50)
    before = dump(db)
    with pytest.raises(WorkbenchError, match="bad.vtt: binary"):
        transcripts.import_paths(db, [tmp_path / "bad.vtt"], replace=False, coder="c")
    assert dump(db) == before


def test_unassigned_speakers_are_listed(db, tmp_path):
    (outcome,) = transcripts.import_paths(db, [write(tmp_path / "int1.txt", TEAMS)], replace=False, coder="c")
    assert outcome.unassigned == ("Anouk Brinkhorst", "Bram Feddema")


@pytest.mark.sqlite_only
def test_database_file_is_private(db):
    assert stat.S_IMODE(os.stat(db.path).st_mode) == 0o600
    with db.read() as session:
        assert session.execute(select(func.count()).select_from(Coding)).scalar() == 0
        assert session.connection().exec_driver_sql("PRAGMA journal_mode").scalar() == "wal"
        assert session.connection().exec_driver_sql("PRAGMA foreign_keys").scalar() == 1


def test_a_name_typed_on_macos_is_the_same_transcript_and_a_line_break_is_refused(db, tmp_path):
    """macOS writes file names decomposed (NFD): 'café' must not become a second transcript."""
    import unicodedata

    text = "Anouk   0:01\nWat?\n\nBram   0:05\nJa.\n"
    (tmp_path / "a").mkdir()
    (tmp_path / "a" / (unicodedata.normalize("NFD", "interview café") + ".txt")).write_text(text, encoding="utf-8")
    (outcome,) = transcripts.import_paths(db, [tmp_path / "a"], replace=False, coder="c")
    assert outcome.name == unicodedata.normalize("NFC", "interview café")
    assert transcripts.show_transcript(db, unicodedata.normalize("NFD", "interview café")).turns
    (tmp_path / "b").mkdir()
    (tmp_path / "b" / "two\nlines.txt").write_text(text, encoding="utf-8")
    before = dump(db)
    with pytest.raises(WorkbenchError, match=r"/b/two\\nlines.txt: transcript name 'two\\nlines' is empty or holds a "
                                             "line break"):
        transcripts.import_paths(db, [tmp_path / "b"], replace=False, coder="c")
    assert dump(db) == before
