import json

import pytest
from sqlalchemy import select

from tests.conftest import dump
from workbench.core.models import Speaker, Transcript
from workbench.errors import WorkbenchError
from workbench.services import participants, transcripts

DUO = "I: Hoe gaat het?\nR1: Goed.\nR2: Ook goed.\nI: Mooi.\nR1: Ja.\n"
TEAMS = "Anouk Brinkhorst   0:03\nVraag?\nBram Feddema   0:09\nAntwoord.\nGast   0:20\nSorry.\n"
HEADER = "transcript,speaker,respondent,role,institution,programme\n"


@pytest.fixture
def imported(db, tmp_path):
    (tmp_path / "duo.txt").write_text(DUO, encoding="utf-8")
    (tmp_path / "teams.txt").write_text(TEAMS, encoding="utf-8")
    transcripts.import_paths(db, [tmp_path / "duo.txt", tmp_path / "teams.txt"], replace=False, coder="c")
    return db


def registry(tmp_path, body, name="p.csv", encoding="utf-8"):
    path = tmp_path / name
    path.write_text(HEADER + body, encoding=encoding)
    return path


def test_global_names_and_per_transcript_labels(imported, tmp_path):
    path = registry(tmp_path, (
        ",Anouk Brinkhorst,I1,interviewer,,\n"
        ",Bram Feddema,R01,respondent,Hogeschool A,pabo;tweedegraads\n"
        "duo,I,I1,interviewer,,\n"
        "duo,R1,R02,respondent,Hogeschool B,ULO\n"
        "duo,R2,R03,respondent,Hogeschool B,ULO\n"
    ))
    outcome = participants.import_registry(imported, path)
    assert outcome.participants == 4
    assert [(u.transcript, u.label) for u in outcome.unassigned] == [("teams", "Gast")]
    people, unassigned = participants.list_participants(imported)
    by_name = {p.pseudonym: p for p in people}
    assert by_name["R01"].programmes == ("pabo", "tweedegraads")
    assert by_name["I1"].transcripts == ("duo", "teams")
    assert len(unassigned) == 1
    detail = transcripts.show_transcript(imported, "duo")
    assert [t.speaker for t in detail.turns] == ["I1", "R02", "R03", "I1", "R02"]
    assert "Bram" not in repr(transcripts.list_transcripts(imported))


def test_interviewers_without_a_pseudonym_get_one_that_stays_the_same(imported, tmp_path):
    """How every user writes a registry: interviewers are no respondents, so their column stays empty."""
    path = registry(tmp_path, (
        ",Anouk Brinkhorst,,interviewer,,\n"
        ",Bram Feddema,R01,respondent,Hogeschool A,pabo\n"
        "duo,I,,interviewer,,\n"
        "duo,R1,I1,respondent,Hogeschool B,ULO\n"  # a respondent may have a pseudonym that looks like one
        "duo,R2,R03,respondent,Hogeschool B,ULO\n"
    ))
    outcome = participants.import_registry(imported, path)
    assert outcome.participants == 5 and outcome.unassigned[0].label == "Gast"
    first = {p.pseudonym: (p.role, p.transcripts) for p in participants.list_participants(imported)[0]}
    assert first["I2"] == ("interviewer", ("teams",)) and first["I3"] == ("interviewer", ("duo",))
    assert first["I1"] == ("respondent", ("duo",))
    participants.import_registry(imported, path)  # again: the same pseudonyms, nobody new
    assert {p.pseudonym: (p.role, p.transcripts) for p in participants.list_participants(imported)[0]} == first
    assert [t.speaker for t in transcripts.show_transcript(imported, "teams").turns][:2] == ["I2", "R01"]


def test_semicolons_and_a_bom_are_fine(imported, tmp_path):
    path = tmp_path / "excel.csv"
    path.write_text(HEADER.replace(",", ";") + ';Bram Feddema;R01;respondent;Hogeschool A;"pabo;ALO"\n',
                    encoding="utf-8-sig")
    participants.import_registry(imported, path)
    people, _ = participants.list_participants(imported)
    assert people[0].programmes == ("ALO", "pabo")


@pytest.mark.parametrize(
    ("body", "message"),
    [
        ("nope,R1,R02,respondent,,\n", "line 2: unknown transcript 'nope'"),
        (",Bram Feddema,R01,student,,\n", "line 2: role 'student'"),
        (",Bram Feddema,,respondent,,\n", "line 2: 'respondent' is empty \\(a respondent needs a pseudonym\\)"),
        (",Bram Feddema,R01,respondent,A,pabo\n,Bram F.,R01,respondent,B,pabo\n", "line 3: R01 has institution 'B'"),
        (",Bram Feddema,R01,respondent,A,\n,Bram Feddema,R02,respondent,A,\n", "line 3: speaker 'Bram Feddema' is R01"),
        (",Bram Feddema,R01,respondent,Hogeschool \x07A,pabo\n", r"line 2: 'institution' holds a control character"),
        (",Bram\x00,R01,respondent,A,pabo\x0b\n", r"line 2: 'speaker' holds a control character"),
        (',"' + "a" * 200_000 + '",R01,respondent,A,pabo\n', r"line 2: not a readable CSV \(field larger than field limit"),
    ],
)
def test_bad_rows_say_which_line_and_change_nothing(imported, tmp_path, body, message):
    before = dump(imported)
    with pytest.raises(WorkbenchError, match=message):
        participants.import_registry(imported, registry(tmp_path, body))
    assert dump(imported) == before


def test_missing_columns(imported, tmp_path):
    path = tmp_path / "p.csv"
    path.write_text("speaker,respondent\nBram,R01\n", encoding="utf-8")
    with pytest.raises(WorkbenchError, match="missing column.*transcript, role, institution, programme"):
        participants.import_registry(imported, path)


def test_a_transcripts_own_label_wins_over_a_global_one_and_a_role_can_change(imported, tmp_path):
    """The review's report (a global label beating a transcript's own, a role that never changes) did not
    reproduce here; these pin the behaviour, in either order of the rows."""
    for body in (",R1,R05,respondent,A,pabo\nduo,R1,R02,respondent,B,ULO\n",
                 "duo,R1,R02,respondent,B,ULO\n,R1,R05,respondent,A,pabo\n"):
        participants.import_registry(imported, registry(tmp_path, body))
        assert [t.speaker for t in transcripts.show_transcript(imported, "duo").turns][1] == "R02"
    participants.import_registry(imported, registry(tmp_path, ",R1,R05,interviewer,,\n"))
    roles = {p.pseudonym: p.role for p in participants.list_participants(imported)[0]}
    assert roles["R05"] == "interviewer" and roles["R02"] == "respondent"


def test_a_transcript_shows_registered_people_by_pseudonym_in_its_metadata_too(sample_db):
    with sample_db.read() as session:
        registered = session.execute(select(Transcript.name, Speaker.label).join(Speaker.transcript)
                                     .where(Speaker.participant_id.is_not(None))).all()
    for name, label in registered:
        assert f'"{label}"' not in json.dumps(transcripts.show_transcript(sample_db, name).meta, ensure_ascii=False)
    meta = transcripts.show_transcript(sample_db, "interview-07").meta
    assert {event["by"] for event in meta["transcription_events"]} == {"I2"}
