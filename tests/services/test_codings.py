import pytest

from tests.conftest import CODEBOOK, dump
from workbench.core.services import codebook, codings, transcripts
from workbench.core.services.frequencies import frequencies
from workbench.errors import WorkbenchError

TEXT = "Anouk   0:01\nWaarom niet?\n\nBram   0:05\nHet is te duur. En ik ben bang voor studievertraging.\n"
CODE = "Studenten > Belemmeringen studenten > Studievertraging"


@pytest.fixture
def ready(db, tmp_path):
    (tmp_path / "t.txt").write_text(TEXT, encoding="utf-8")
    transcripts.import_paths(db, [tmp_path / "t.txt"], replace=False, coder="c")
    codebook.import_codebook(db, CODEBOOK, coder="lead")
    return db


def test_code_a_span_a_turn_and_overlap_them(ready):
    text = transcripts.show_transcript(ready, "t").text
    start = text.index("En ik")
    span = codings.add_coding(ready, "ann", "t", CODE, start - 1, len(text) + 5, memo="kern")
    assert span.quote == "En ik ben bang voor studievertraging."  # trimmed, clipped to the text
    turn = codings.code_turn(ready, "ann", "t", 1, "Studenten > Belemmeringen studenten > Financiële redenen")
    assert turn.quote == text[text.index("Het") :]
    listed = codings.list_codings(ready, code_path="Studenten > Belemmeringen studenten")
    assert [c.guid for c in listed] == [turn.guid, span.guid]
    assert listed[1].memo == "kern" and listed[1].coder == "ann" and listed[1].origin == "manual"


def test_memo_and_delete(ready):
    made = codings.code_turn(ready, "ann", "t", 1, CODE)
    codings.set_memo(ready, made.guid, "twijfel")
    assert codings.list_codings(ready)[0].memo == "twijfel"
    removed = codings.delete_coding(ready, "ann", made.guid)
    assert removed.quote == made.quote and codings.list_codings(ready) == []
    assert all(row.count == 0 for row in frequencies(ready, "quotation", "none").rows)


@pytest.mark.parametrize(
    ("action", "message"),
    [
        (lambda db: codings.code_turn(db, "a", "t", 9, CODE), "has no turn 9"),
        (lambda db: codings.add_coding(db, "a", "t", CODE, 5, 5), "outside the transcript"),
        (lambda db: codings.add_coding(db, "a", "t", "Studenten", 0, 5), "only groups"),
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
