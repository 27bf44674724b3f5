"""Codebook changes keep every coding and are recorded."""

import pytest
from sqlalchemy import func, select

from tests.conftest import CODEBOOK, dump
from workbench.core.codebook_file import dump_codebook
from workbench.core.models import Coding, Suggestion, Transcript
from workbench.errors import WorkbenchError
from workbench.services import autocode, codebook, transcripts
from workbench.services.lookup import CodeTree

TEXT = ("Anouk   0:01\nVraag?\n\nBram   0:05\nIk ben bang voor studievertraging. Het is ook te duur. "
        "En weer studievertraging.\n")


@pytest.fixture
def coded(db, tmp_path):
    (tmp_path / "t.txt").write_text(TEXT, encoding="utf-8")
    transcripts.import_paths(db, [tmp_path / "t.txt"], replace=False, coder="c")
    codebook.import_codebook(db, CODEBOOK, coder="lead")
    autocode.autocode(db, "c", unit="match")
    return db


def codings(db):
    with db.read() as session:
        return sorted((c.start, c.end, c.code_id) for c in session.scalars(select(Coding)))


def test_export_then_import_keeps_guids_and_changes_nothing(coded, tmp_path):
    exported = tmp_path / "book.yaml"
    exported.write_text(dump_codebook(codebook.export_codebook(coded)), encoding="utf-8")
    before = [(c.guid, c.path) for c in codebook.show_codebook(coded)]
    outcome = codebook.import_codebook(coded, exported, coder="lead")
    assert outcome.added == () and outcome.updated == () and outcome.unchanged == len(before)
    assert [(c.guid, c.path) for c in codebook.show_codebook(coded)] == before


def test_import_of_a_renamed_code_with_its_guid_renames_it(coded, tmp_path):
    text = dump_codebook(codebook.export_codebook(coded)).replace("name: Studievertraging", "name: Angst voor vertraging")
    (tmp_path / "book.yaml").write_text(text, encoding="utf-8")
    count = len(codings(coded))
    outcome = codebook.import_codebook(coded, tmp_path / "book.yaml", coder="lead")
    assert outcome.updated == ("Studenten > Belemmeringen studenten > Angst voor vertraging",)
    assert len(codings(coded)) == count
    assert codebook.history(coded)[-1].action == "move"


def test_rename_move_merge_split_keep_codings(coded):
    total = len(codings(coded))
    path = "Studenten > Belemmeringen studenten > Studievertraging"
    assert codebook.rename_code(coded, path, "Vertraging", "lead").endswith("> Vertraging")
    moved = codebook.move_code(coded, "Studenten > Belemmeringen studenten > Vertraging", "Studenten", "lead")
    assert moved == "Studenten > Vertraging"
    merged = codebook.merge_codes(coded, "Studenten > Vertraging", "Studenten > Belemmeringen studenten > Financiële redenen", "lead")
    assert merged == 2
    assert len(codings(coded)) == total
    split = codebook.split_code(coded, "Studenten > Belemmeringen studenten > Financiële redenen",
                                "Studenten > Belemmeringen studenten > Studievertraging", "lead", pattern="vertraging")
    assert split == 2
    assert len(codings(coded)) == total
    actions = [c.action for c in codebook.history(coded)]
    assert actions[-5:] == ["rename", "move", "merge", "add", "split"]
    views = {c.path: c for c in codebook.show_codebook(coded)}
    assert views["Studenten > Belemmeringen studenten > Studievertraging"].codings == 2
    assert "Studenten > Vertraging" not in views


def test_merge_joins_codings_that_would_become_doubles(coded):
    base = "Studenten > Belemmeringen studenten > "
    autocode.autocode(coded, "c", code_path=base + "Financiële redenen", pattern="studievertraging", unit="match")
    total = len(codings(coded))
    codebook.merge_codes(coded, base + "Studievertraging", base + "Financiële redenen", "lead")
    assert len(codings(coded)) == total - 2


@pytest.mark.parametrize(
    ("action", "message"),
    [
        (lambda db: codebook.move_code(db, "Studenten", "Studenten > Belemmeringen studenten", "x"), "inside itself"),
        (lambda db: codebook.merge_codes(db, "Studenten", "Studenten > Houding studenten", "x"), "itself or its own subcode"),
        (lambda db: codebook.rename_code(db, "Studenten > Houding studenten", "Belang voor het beroep", "x"), "already exists"),
        (lambda db: codebook.add_code(db, "Studenten > Houding studenten", "x"), "already exists"),
        (lambda db: codebook.split_code(db, "Studenten > Houding studenten", "Nieuw", "x", coding_guids=["nope"]), "is not coded"),
        (lambda db: codebook.update_code(db, "Nope", "x", colour="#fff"), "unknown code"),
        (lambda db: codebook.delete_code(db, "Studenten > Belemmeringen studenten > Studievertraging", "x"),
         "has 2 coding"),
        (lambda db: codebook.delete_code(db, "Functie en uren", "x"), "has subcodes"),
        (lambda db: codebook.delete_code(db, "Nope", "x"), "unknown code"),
        (lambda db: codebook.add_to_code_group(db, "Kosten", ["Studenten", "Nope"], "x"), "unknown code"),
        (lambda db: codebook.add_to_code_group(db, "  ", ["Studenten"], "x"), "needs a name"),
        (lambda db: codebook.remove_from_code_group(db, "Kosten", ["Studenten"], "x"), "is not in the code group"),
    ],
)
def test_refused_changes_leave_everything_as_it_was(coded, action, message):
    before = dump(coded)
    with pytest.raises(WorkbenchError, match=message):
        action(coded)
    assert dump(coded) == before


def test_a_code_without_codings_is_deleted_with_its_suggestions_and_group_places_and_the_history_says_so(coded):
    path = "Studenten > Houding studenten > Nieuw en leeg"
    codebook.add_code(coded, path, "lead", description="te verwijderen")
    codebook.add_to_code_group(coded, "Kosten", [path, "Studenten"], "lead")
    with coded.write() as session:
        code_id = CodeTree(session).get(path)
        session.add(Suggestion(transcript_id=session.scalar(select(Transcript.id)), turn_index=1, code_id=code_id,
                               start=0, end=4, score=1.0, method="keyword", evidence="", model_version="t"))
    assert codebook.delete_code(coded, path.replace("Nieuw", "nieuw"), "lead") == path
    assert path not in [code.path for code in codebook.show_codebook(coded)]
    assert codebook.code_groups(coded) == {"Kosten": ["Studenten"]}
    with coded.read() as session:
        assert session.scalar(select(func.count()).select_from(Suggestion)) == 0
    change = codebook.history(coded)[-1]
    assert (change.action, change.detail["path"], change.detail["description"]) == ("delete", path, "te verwijderen")


def test_code_groups_are_made_added_to_and_emptied_and_each_step_is_in_the_history(coded):
    first = codebook.add_to_code_group(coded, "Kosten", ["Studenten > Belemmeringen studenten > Financiële redenen"],
                                       "lead")
    again = codebook.add_to_code_group(coded, "Kosten", ["Studenten", "Studenten > Belemmeringen studenten > "
                                                         "Financiële redenen"], "bram")
    assert (first, again) == (["Studenten > Belemmeringen studenten > Financiële redenen"], ["Studenten"])
    assert codebook.code_groups(coded) == {"Kosten": ["Studenten", "Studenten > Belemmeringen studenten > "
                                                      "Financiële redenen"]}
    with pytest.raises(WorkbenchError, match="'Functie en uren' is not in"):
        codebook.remove_from_code_group(coded, "Kosten", ["Studenten", "Functie en uren"], "bram")
    assert len(codebook.code_groups(coded)["Kosten"]) == 2  # all or none
    codebook.remove_from_code_group(coded, "Kosten", ["Studenten"], "bram")
    codebook.remove_from_code_group(coded, "Kosten", ["Studenten > Belemmeringen studenten > Financiële redenen"],
                                    "bram")
    assert codebook.code_groups(coded) == {}
    assert [(c.action, c.coder, c.detail["group"]) for c in codebook.history(coded)[-4:]] == [
        ("group", "lead", "Kosten"), ("group", "bram", "Kosten"), ("ungroup", "bram", "Kosten"),
        ("ungroup", "bram", "Kosten")]


def test_a_codebook_import_never_erases_and_lists_what_it_kept(coded, tmp_path):
    path = "Studenten > Belemmeringen studenten > Studievertraging"
    text = CODEBOOK.read_text(encoding="utf-8").replace(
        "description: Angst voor studievertraging, vertraging in de studie, achter raken of uitlopen.\n"
        "            keywords: [studievertraging,",
        "description: Vertraging.\n            colour: '#123456'\n            keywords: [uitstel,")
    (tmp_path / "edited.yaml").write_text(text, encoding="utf-8")
    with coded.write() as session:
        from workbench.core.models import Code
        from workbench.services.lookup import CodeTree

        session.get(Code, CodeTree(session).find(path)).colour = "#ff0000"
    outcome = codebook.import_codebook(coded, tmp_path / "edited.yaml", coder="lead")
    assert outcome.conflicts == (
        f"{path}: description 'Angst voor studievertraging, vertraging in de studie, ach...' kept; "
        "the file has 'Vertraging.'",
        f"{path}: colour '#ff0000' kept; the file has '#123456'")
    (code,) = [c for c in codebook.show_codebook(coded) if c.path == path]
    assert code.description.startswith("Angst") and code.colour == "#ff0000"
    assert code.keywords[0] == "studievertraging" and "uitstel" in code.keywords  # ours kept, theirs added
    outcome = codebook.import_codebook(coded, tmp_path / "edited.yaml", coder="lead", overwrite=True)
    (code,) = [c for c in codebook.show_codebook(coded) if c.path == path]
    assert outcome.conflicts == () and (code.description, code.colour) == ("Vertraging.", "#123456")
    assert "studievertraging" not in code.keywords and "uitstel" in code.keywords


def test_a_taguette_codebook_csv_adds_its_tags_and_keeps_our_descriptions(coded, tmp_path):
    # as Taguette 1.5 exports a codebook (taguette/export.py: codebook_csv)
    (tmp_path / "codebook.csv").write_text(
        "tag,description,number of highlights,number of documents\r\n"
        "Studenten::Belemmeringen studenten::Studievertraging,,12,4\r\n"
        "Werkdruk,Te veel taken naast de studie,3,2\r\n"
        "Werkdruk::Roosters,,1,1\r\n", encoding="utf-8")
    before = {c.path: c for c in codebook.show_codebook(coded)}
    outcome = codebook.import_codebook(coded, tmp_path / "codebook.csv", coder="lead")
    assert outcome.added == ("Werkdruk", "Werkdruk > Roosters") and outcome.conflicts == ()
    after = {c.path: c for c in codebook.show_codebook(coded)}
    path = "Studenten > Belemmeringen studenten > Studievertraging"
    assert after[path].description == before[path].description and after[path].keywords == before[path].keywords
    assert after["Werkdruk"].description == "Te veel taken naast de studie"


@pytest.mark.parametrize(("body", "message"), [
    ("code,count\nA,1\n", "line 1: a codebook CSV needs one column named tag, name or path"),
    ("tag,name\nA,B\n", "line 1: a codebook CSV needs one column named tag"),
    ("tag\nA\nB\na\n", "line 4: the tag 'a' is there twice"),
    ("tag\n\n", "the CSV names no tag"),
])
def test_a_bad_taguette_csv_says_where_and_changes_nothing(coded, tmp_path, body, message):
    (tmp_path / "codebook.csv").write_text(body, encoding="utf-8")
    before = dump(coded)
    with pytest.raises(WorkbenchError, match=message):
        codebook.import_codebook(coded, tmp_path / "codebook.csv", coder="lead")
    assert dump(coded) == before


def test_a_csv_field_beyond_the_csv_limit_is_one_line(coded, tmp_path):
    (tmp_path / "codebook.csv").write_text('tag\n"' + "a" * 200_000 + '"\n', encoding="utf-8")
    before = dump(coded)
    with pytest.raises(WorkbenchError, match=r"line 2: not a readable CSV \(field larger than field limit"):
        codebook.import_codebook(coded, tmp_path / "codebook.csv", coder="lead")
    assert dump(coded) == before


def test_a_tag_with_a_path_sign_is_a_subcode_and_a_second_import_finds_it(db, tmp_path):
    """Taguette tags 'Studenten>Heimwee' and 'Andere > Ding' were codes whose names held '>' (the path sign):
    a second import could not find them and made them again."""
    tags = tmp_path / "tags.csv"
    tags.write_text("tag,description\nStudenten,x\nStudenten>Heimwee,y\nAndere > Ding,z\n", encoding="utf-8")
    first = codebook.import_codebook(db, tags, coder="lead")
    again = codebook.import_codebook(db, tags, coder="lead")
    assert sorted(first.added) == ["Andere", "Andere > Ding", "Studenten", "Studenten > Heimwee"]
    assert again.added == () and again.unchanged == 4
    assert [c.path for c in codebook.show_codebook(db)] == ["Studenten", "Studenten > Heimwee", "Andere",
                                                            "Andere > Ding"]


def test_two_codes_with_one_guid_are_refused_in_one_line_and_change_nothing(db, tmp_path):
    """A project whose code guids repeat made a code its own parent, and the tree walk ran out of memory."""
    book, guid = tmp_path / "twins.qdc", "6f1c0000-0000-4000-8000-000000000001"
    book.write_text('<?xml version="1.0" encoding="utf-8"?>\n<CodeBook xmlns="urn:QDA-XML:codebook:1.0"><Codes>'
                    f'<Code guid="{guid}" name="A" isCodable="true"><Code guid="{guid}" name="B" isCodable="true"/>'
                    "</Code></Codes></CodeBook>", encoding="utf-8")
    before = dump(db)
    with pytest.raises(WorkbenchError, match="the codes 'A' and 'A > B' have the same guid"):
        codebook.import_codebook(db, book, coder="lead")
    assert dump(db) == before


def test_a_codebook_of_thousands_of_codes_is_read_once_not_once_per_code(db, tmp_path, monkeypatch):
    """The import read every code of the study again for each code of the file (5,000 codes: over 20 s)."""
    from workbench.services import lookup

    built = []
    original = lookup.CodeTree.__init__

    def counted(self, session):
        built.append(1)
        original(self, session)

    monkeypatch.setattr(lookup.CodeTree, "__init__", counted)
    book = tmp_path / "big.yaml"
    book.write_text("codes:\n" + "".join(f"  - name: Thema {i}\n    children:\n      - name: Sub {i}\n"
                                          for i in range(300)), encoding="utf-8")
    outcome = codebook.import_codebook(db, book, coder="lead")
    assert len(outcome.added) == 600 and len(built) == 1
