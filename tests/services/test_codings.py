import pytest

from tests.conftest import CODEBOOK, dump
from workbench.errors import WorkbenchError
from workbench.services import codebook, codings, memos, participants, transcripts
from workbench.services.frequencies import frequencies

TEXT = "Anouk   0:01\nWaarom niet?\n\nBram   0:05\nHet is te duur. En ik ben bang voor studievertraging.\n"
CODE = "Studenten > Belemmeringen studenten > Studievertraging"


@pytest.fixture
def ready(db, tmp_path):
    (tmp_path / "t.txt").write_text(TEXT, encoding="utf-8")
    (tmp_path / "p.csv").write_text("transcript,speaker,respondent,role,institution,programme\n"
                                    ",Anouk,,interviewer,,\n,Bram,R01,respondent,A,pabo\n", encoding="utf-8")
    transcripts.import_paths(db, [tmp_path / "t.txt"], replace=False, coder="c")
    participants.import_registry(db, tmp_path / "p.csv")  # Bram is a respondent: his codings count
    codebook.import_codebook(db, CODEBOOK, coder="lead")
    return db


def test_code_a_span_a_turn_and_overlap_them(ready):
    text = transcripts.show_transcript(ready, "t").text
    start = text.index("En ik")
    span = codings.add_coding(ready, "ann", "t", CODE, start - 1, len(text), memo="kern")
    assert span.quote == "En ik ben bang voor studievertraging."  # white space at the ends left out
    turn = codings.code_turn(ready, "ann", "t", 1, "Studenten > Belemmeringen studenten > Financiële redenen")
    assert turn.quote == text[text.index("Het") :]
    listed = codings.list_codings(ready, code_path="Studenten > Belemmeringen studenten")
    assert [c.guid for c in listed] == [turn.guid, span.guid]
    assert listed[1].memo == "kern" and listed[1].coder == "ann" and listed[1].origin == "manual"


def test_every_memo_of_the_study_is_listed_where_it_belongs_and_multi_line_memos_keep_their_lines(ready):
    text = transcripts.show_transcript(ready, "t").text
    made = codings.add_coding(ready, "ann", "t", CODE, text.index("En ik"), len(text))
    codings.set_memo(ready, made.guid, "twijfel:\nbang of zeker?")
    codings.set_turn_memo(ready, "t", 0, "vraag te sturend")
    codings.set_transcript_memo(ready, "t", "geluid slecht")
    memos.add_study_memo(ready, "Opzet", "eerste indruk", "lead")
    listed = memos.all_memos(ready)
    assert [(m.kind, m.text, m.transcript, m.turn, m.code_path, m.coder) for m in listed] == [
        ("transcript", "geluid slecht", "t", None, None, None),
        ("turn", "vraag te sturend", "t", 0, None, None),
        ("coding", "twijfel:\nbang of zeker?", "t", 1, CODE, "ann"),
        ("study", "eerste indruk", None, None, None, "lead")]
    assert listed[2].at == made.start and listed[2].start_ms == 5000 and listed[1].start_ms == 1000
    assert listed[-1].title == "Opzet"


def test_memo_and_delete(ready):
    made = codings.code_turn(ready, "ann", "t", 1, CODE)
    assert {row.count for row in frequencies(ready, "quotation", "none").rows if row.path == CODE} == {1}
    codings.set_memo(ready, made.guid, "twijfel")
    assert codings.list_codings(ready)[0].memo == "twijfel"
    removed = codings.delete_coding(ready, "ann", made.guid)
    assert removed.quote == made.quote and codings.list_codings(ready) == []
    assert all(row.count == 0 for row in frequencies(ready, "quotation", "none").rows)


@pytest.mark.parametrize(
    ("action", "message"),
    [
        (lambda db: codings.code_turn(db, "a", "t", 9, CODE), "has no turn 9"),
        (lambda db: codings.add_coding(db, "a", "t", CODE, 5, 5), "empty or reversed"),
        (lambda db: codings.add_coding(db, "a", "t", CODE, 9, 5), "empty or reversed"),
        (lambda db: codings.add_coding(db, "a", "t", CODE, 0, 99999999), "outside the transcript"),
        (lambda db: codings.add_coding(db, "a", "t", "Studenten", 0, 5), "is a code group"),
        (lambda db: codings.add_coding(db, "a", "t", "Studenten", 0, 5, create=True), "is a code group"),
        (lambda db: codings.add_coding(db, "a", "x", CODE, 0, 5), "unknown transcript"),
        (lambda db: codings.delete_coding(db, "a", "nope"), "unknown coding"),
        (lambda db: codings.add_coding(db, " ", "t", CODE, 0, 5), "needs a name"),
    ],
)
def test_refusals_change_nothing(ready, action, message):
    before = dump(ready)
    with pytest.raises(WorkbenchError, match=message):
        action(ready)
    assert dump(ready) == before


def test_the_same_coder_code_and_span_is_already_coded(ready):
    made = codings.code_turn(ready, "ann", "t", 1, CODE)
    before = dump(ready)
    with pytest.raises(WorkbenchError, match="already coded"):
        codings.add_coding(ready, "ann", "t", CODE, made.start, made.end)
    with pytest.raises(WorkbenchError, match="already coded"):
        codings.code_turn(ready, "ann", "t", 1, CODE)
    assert dump(ready) == before
    other = codings.code_turn(ready, "bea", "t", 1, CODE)  # another coder's own coding is no duplicate
    assert other.coder == "bea"
    assert sorted(c.coder for c in codings.list_codings(ready)) == ["ann", "bea"]


def test_someone_elses_coding_is_theirs(ready):
    theirs = codings.code_turn(ready, "bram", "t", 1, CODE)
    before = dump(ready)
    with pytest.raises(WorkbenchError, match="bram's"):
        codings.delete_coding(ready, "anna", theirs.guid)
    assert dump(ready) == before
    change = codings.change_code(ready, "anna", theirs.guid, "Studenten > Belemmeringen studenten > Financiële redenen")
    assert change.removed is None and change.added.coder == "anna"
    assert {(c.coder, c.code_path) for c in codings.list_codings(ready)} == {
        ("bram", CODE), ("anna", "Studenten > Belemmeringen studenten > Financiële redenen")}
    codings.delete_coding(ready, "anna", theirs.guid, settle=True)
    (record,) = codings.deletions(ready)
    assert (record.coded_by, record.deleted_by, record.reason) == ("bram", "anna", "settled")


def test_change_own_code_is_one_step_and_keeps_the_memo(ready):
    mine = codings.code_turn(ready, "anna", "t", 1, CODE, memo="eerste indruk")
    change = codings.change_code(ready, "anna", mine.guid, "Nieuw > Duur", create=True)
    assert change.removed.guid == mine.guid and change.added.code_path == "Nieuw > Duur"
    (now,) = codings.list_codings(ready)
    assert now.memo == "eerste indruk" and now.coder == "anna"
    before = dump(ready)  # a failing change leaves both codings and the codebook as they were
    with pytest.raises(WorkbenchError, match="code group"):
        codings.change_code(ready, "anna", now.guid, "Studenten")
    assert dump(ready) == before


def test_undo_of_something_removed_meanwhile_says_so_and_changes_nothing(ready):
    made = codings.code_turn(ready, "anna", "t", 1, CODE)
    codings.delete_coding(ready, "anna", made.guid)  # as if another window removed it
    before = dump(ready)
    with pytest.raises(WorkbenchError, match="removed meanwhile"):
        codings.swap(ready, "anna", made, None, "undo")
    assert dump(ready) == before
    back = codings.swap(ready, "anna", None, made, "undo")
    assert back.added.guid == made.guid
    with pytest.raises(WorkbenchError, match="back already"):
        codings.swap(ready, "anna", None, made, "redo")


def test_a_coding_is_found_by_the_start_of_its_guid_that_the_list_shows(ready):
    from sqlalchemy import update

    from workbench.core.models import Coding

    first = codings.code_turn(ready, "ann", "t", 1, CODE)
    second = codings.add_coding(ready, "ann", "t", CODE, 0, 5)
    codings.set_memo(ready, first.guid[:8].upper(), "op de eerste acht")
    assert {c.guid: c.memo for c in codings.list_codings(ready)}[first.guid] == "op de eerste acht"
    with ready.write() as session:  # two GUIDs with one start
        for made, guid in ((first, "abcdef12-0000-4000-8000-000000000001"), (second, "abcdef12-0000-4000-8000-000000000002")):
            session.execute(update(Coding).where(Coding.guid == made.guid).values(guid=guid))
    before = dump(ready)
    with pytest.raises(WorkbenchError, match="more than one coding's GUID starts with 'abcdef12': give more of it"):
        codings.delete_coding(ready, "ann", "abcdef12")
    with pytest.raises(WorkbenchError, match=r"unknown coding 'abcdef1' \(give its GUID, or its first 8 characters\)"):
        codings.delete_coding(ready, "ann", "abcdef1")
    with pytest.raises(WorkbenchError, match="unknown coding 'abcdef12_%'"):
        codings.delete_coding(ready, "ann", "abcdef12_%")
    assert dump(ready) == before
    removed = codings.delete_coding(ready, "ann", "ABCDEF12-0000-4000-8000-000000000002")  # any case
    assert removed.guid == "abcdef12-0000-4000-8000-000000000002"


def test_a_coding_is_reshaped_in_place_and_back(ready):
    """A coding's span grows and shrinks; it stays the same coding (GUID, memo, time) with the words of its span,
    and its turn links follow (a span into the interviewer's turn still counts once)."""
    text = transcripts.show_transcript(ready, "t").text
    start = text.index("te duur")
    made = codings.add_coding(ready, "anna", "t", CODE, start, start + len("te duur"), memo="kern")
    change = codings.reshape(ready, "anna", made.guid, text.index("Het is"), text.index("En ik") + 5)
    (now,) = codings.list_codings(ready)
    assert (now.guid, now.memo, now.created_at, now.quote) == (made.guid, "kern", made.created_at,
                                                               "Het is te duur. En ik")
    assert change.added == now and change.removed == made
    codings.reshape(ready, "anna", made.guid, text.index("Waarom"), now.end)  # into the interviewer's turn
    assert {row.count for row in frequencies(ready, "respondent", "none").rows if row.path == CODE} == {1}
    codings.reshape(ready, "anna", made.guid, made.start, made.end)
    assert codings.list_codings(ready) == [made]


def test_a_reshape_that_cannot_be_is_refused_whole(ready):
    text = transcripts.show_transcript(ready, "t").text
    mine = codings.code_turn(ready, "anna", "t", 1, CODE)
    short = codings.add_coding(ready, "anna", "t", CODE, text.index("te duur"), text.index("te duur") + 7)
    theirs = codings.code_turn(ready, "bram", "t", 1, CODE)
    before = dump(ready)
    with pytest.raises(WorkbenchError, match="bram's"):
        codings.reshape(ready, "anna", theirs.guid, theirs.start, theirs.end - 1)
    with pytest.raises(WorkbenchError, match="already coded"):
        codings.reshape(ready, "anna", short.guid, mine.start, mine.end)
    with pytest.raises(WorkbenchError, match="outside the transcript"):
        codings.reshape(ready, "anna", short.guid, short.start, len(text) + 5)
    assert dump(ready) == before
