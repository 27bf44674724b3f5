"""The `workbench` command end to end, in-process, on a real SQLite file (and PostgreSQL, when configured)."""

import csv
import io
import json
import subprocess
import sys
import zipfile
from pathlib import Path

import docx
import openpyxl
import pytest

from tests.backends import drop_postgres, dump, new_postgres
from tests.conftest import CODEBOOK, SAMPLE, docx_bytes, rezip, with_entity
from workbench.cli import main
from workbench.core.codebook_file import read_codebook
from workbench.core.db import Database, resolve_url


@pytest.fixture
def run(tmp_path, capsys, monkeypatch, backend, request):
    monkeypatch.delenv("WORKBENCH_DB", raising=False)
    if backend != "sqlite" and request.node.get_closest_marker("sqlite_only"):
        pytest.skip("SQLite only")
    dbfile = tmp_path / "cli.sqlite" if backend == "sqlite" else new_postgres()
    if backend != "sqlite":
        request.addfinalizer(lambda: drop_postgres(dbfile))

    def invoke(*args, db=True):
        argv = (["--db", str(dbfile), "--coder", "tester"] if db else []) + [str(a) for a in args]
        try:
            main(argv)
            code = 0
        except SystemExit as exc:
            code = exc.code or 0
        out = capsys.readouterr()
        return code, out.out, out.err

    invoke.dbfile = dbfile
    return invoke


def dump_file(where):
    database = Database(resolve_url(str(where)))
    try:
        return dump(database)
    finally:
        database.close()


@pytest.fixture
def loaded(run, tmp_path):
    one = tmp_path / "transcripts"
    one.mkdir()
    (one / "int1.txt").write_text(
        "Anouk   0:01\nIs studievertraging een thema?\n\nBram   0:05\nIk vrees studievertraging. "
        "Ik vrees studievertraging.\n\nCarlijn   0:09\nHet is te duur.\n", encoding="utf-8")
    (tmp_path / "p.csv").write_text(
        "transcript,speaker,respondent,role,institution,programme\n,Anouk,I1,interviewer,,\n"
        ",Bram,R01,respondent,Hogeschool A,pabo;tweedegraads\n,Carlijn,R02,respondent,Hogeschool B,pabo\n",
        encoding="utf-8")
    assert run("import", one)[0] == 0
    assert run("participants", "import", tmp_path / "p.csv")[0] == 0
    assert run("codebook", "import", CODEBOOK)[0] == 0
    return run


def test_import_list_show(loaded):
    code, out, _ = loaded("transcripts", "list", "--format", "json")
    (summary,) = json.loads(out)
    assert summary["respondents"] == ["R01", "R02"] and summary["programmes"] == ["pabo", "tweedegraads"]
    code, out, _ = loaded("transcripts", "show", "int1", "--format", "json")
    turns = json.loads(out)["turns"]
    assert [t["speaker"] for t in turns] == ["I1", "R01", "R02"]
    assert set(turns[0]) >= {"index", "speaker", "respondent", "role", "start_ms", "end_ms", "start", "end", "text"}


@pytest.mark.sqlite_only
def test_a_folder_from_many_tools_imports_every_file_it_can_and_names_each_refused_one(run, tmp_path):
    """It stopped at the first refused file and imported none of 33; .srt and .md were skipped without a word."""
    folder = tmp_path / "export"
    (folder / "sub").mkdir(parents=True)
    (folder / "a.srt").write_text("1\n00:00:01,000 --> 00:00:02,000\nHallo daar.\n\n2\n00:00:02,000 --> "
                                  "00:00:03,000\nFijn.\n", encoding="utf-8")
    (folder / "b.md").write_text("**Anna:** Waarom?\n\n**Bram:** Daarom.\n", encoding="utf-8")
    (folder / "sub" / "c.txt").write_bytes("I: Café?\nR1: Één keer.\n".encode("cp1252"))
    (folder / "d.vtt").write_text("WEBVTT\n\n00:00:61.000 --> 00:01:02.000\n<v A>Hoi.</v>\n", encoding="utf-8")
    (folder / "e.txt").write_text("Beste Anna,\n\nDank voor je brief.\n", encoding="utf-8")
    (folder / "notes.pdf").write_bytes(b"%PDF-1.4")
    code, out, err = run("import", folder)
    assert code == 2
    assert [line.split()[:3] for line in out.splitlines()[1:]] == [
        ["a", "imported", "srt"], ["b", "imported", "markdown"], ["c", "imported", "verbatim"]]
    assert "read as WINDOWS-1252" in out
    errors = [line for line in err.splitlines() if line.startswith("error: ")]
    assert errors == [f"error: {folder / 'd.vtt'}: not a time: '00:00:61.000' (minutes and seconds go up to 59)",
                      f"error: {folder / 'e.txt'}: no transcript turns found: expected speaker lines ('Name   0:03', "
                      "'Speaker 1 (00:03:18):'), cues (WebVTT, SRT), labelled lines ('I: ...', 'R1: ...') or "
                      "timestamped lines ('[00:00:05] ...')"]
    assert "not read, no transcript layout reads these: notes.pdf" in err
    code, out, _ = run("transcripts", "show", "a", "--format", "json")
    assert [(t["speaker"], t["text"]) for t in json.loads(out)["turns"]] == [("(unknown)", "Hallo daar."),
                                                                             ("(unknown)", "Fijn.")]


def test_autocode_and_report_in_every_format(loaded, tmp_path):
    code, out, _ = loaded("autocode", "--role", "respondent")
    assert code == 0 and "created" in out
    code, out, _ = loaded("report", "frequencies", "--format", "csv")
    rows = list(csv.DictReader(io.StringIO(out)))
    assert list(rows[0]) == ["path", "code", "group", "unit", "count", "n", "percent", "coders", "basis"]
    assert (rows[0]["coders"], rows[0]["basis"]) == ("*", "all")
    sv = {r["group"]: r["count"] for r in rows if r["code"] == "Studievertraging"}
    assert sv == {"pabo": "1", "tweedegraads": "1", "": "1"}
    code, out, _ = loaded("report", "frequencies", "--by", "none", "--format", "md")
    assert "- Studievertraging (1x)" in out and "- Financiële redenen (1x)" in out
    code, out, _ = loaded("report", "frequencies", "--unit", "quotation", "--by", "none", "--format", "json")
    report = json.loads(out)
    assert {r["count"] for r in report["rows"] if r["code"] == "Studievertraging"} == {2}
    target = tmp_path / "out" / "freq.md"
    assert loaded("report", "frequencies", "--format", "md", "--out", target, "--language", "nl")[0] == 0
    assert "(N = 2 respondenten)" in target.read_text(encoding="utf-8")
    assert loaded("report", "frequencies", "--format", "md", "--out", target)[0] == 0  # the locale's: English
    assert "(N = 2 respondents)" in target.read_text(encoding="utf-8")
    code, out, _ = loaded("report", "frequencies")
    assert "pabo (N=2)" in out and "Counted: every coding, 3 codings by tester (3 autocodes not reviewed)." in out


def test_the_respondent_matrix_recounts_the_frequency_report(loaded, tmp_path):
    loaded("autocode", "--role", "respondent")
    code, out, _ = loaded("report", "frequencies", "--format", "csv")
    counts = {(r["path"], r["group"]): int(r["count"]) for r in csv.DictReader(io.StringIO(out))}
    shares = {(r["path"], r["group"]): r["percent"] for r in csv.DictReader(io.StringIO(out))}
    code, out, err = loaded("report", "matrix")
    people = list(csv.DictReader(io.StringIO(out)))
    assert code == 0 and [p["respondent"] for p in people] == ["R01", "R02"] and err.startswith("Counted: ")
    for (path, group), count in counts.items():
        assert sum(1 for p in people if int(p[path]) and (not group or group in p["programme"].split("; "))) == count
    assert shares[("Studenten", "")] == ""  # N = 2: no share
    assert loaded("report", "matrix", "--format", "xlsx")[0] == 2  # a file needs --out
    assert loaded("report", "matrix", "--format", "xlsx", "--out", tmp_path / "m.xlsx")[0] == 0
    sheet = openpyxl.load_workbook(tmp_path / "m.xlsx").active
    assert [c.value for c in sheet[1]][:4] == ["respondent", "programme", "institution", "interviews"]


def test_autocodes_confirmed_are_counted_by_reviewed_reports_and_every_report_says_what_it_counts(loaded, tmp_path):
    loaded("autocode", "--role", "respondent")
    code, out, _ = loaded("report", "frequencies", "--reviewed", "--by", "none", "--format", "csv")
    assert {r["count"] for r in csv.DictReader(io.StringIO(out))} == {"0"}
    code, _, err = loaded("codings", "confirm")
    assert code == 2 and len(err.splitlines()) == 1 and "which autocodes" in err
    assert loaded("codings", "confirm", "--code", "Studenten > Belemmeringen studenten > Studievertraging",
                  "--transcript", "int1")[1].strip() == "2 autocodes confirmed"
    code, out, _ = loaded("report", "frequencies", "--reviewed", "--by", "none", "--format", "csv")
    counted = {r["code"]: r["count"] for r in csv.DictReader(io.StringIO(out)) if r["count"] != "0"}
    assert counted == {"Studenten": "1", "Belemmeringen studenten": "1", "Studievertraging": "1"}
    code, out, err = loaded("report", "frequencies", "--reviewed", "--format", "json")
    assert json.loads(out)["provenance"]["text"] == err.splitlines()[0] == (
        "Counted: only reviewed codings, 2 codings by tester (2 confirmed autocodes).")
    report = tmp_path / "r.docx"
    assert loaded("report", "frequencies", "--format", "docx", "--out", report, "--language", "nl")[0] == 0
    said = [p.text for p in docx.Document(str(report)).paragraphs]
    assert ("Geteld: alle coderingen, 3 coderingen van tester (2 bevestigde automatische coderingen, 1 automatische "
            "codering niet nagekeken).") in said
    code, out, _ = loaded("report", "quotes", "Studenten > Belemmeringen studenten > Financiële redenen",
                          "--reviewed")
    assert "0 quotes of 0 respondents." in out
    code, out, _ = loaded("codings", "confirm", "--of", "tester", "--withdraw")
    assert out.strip() == "2 autocodes no longer confirmed"


def test_frequencies_of_chosen_coders(loaded):
    loaded("autocode", "--role", "respondent")
    turn = next(t for t in json.loads(loaded("transcripts", "show", "int1", "--format", "json")[1])["turns"]
                if t["role"] == "respondent")
    code, out, err = loaded("--coder", "bram", "--new-coder", "codings", "add", "int1", "Functie en uren > Functie",
                            "--turn", turn["index"])
    assert code == 0, err
    code, out, err = loaded("report", "frequencies", "--by", "none", "--format", "json", "--coder", "bram")
    counts = {r["code"]: r["count"] for r in json.loads(out)["rows"]}
    assert json.loads(out)["coders"] == ["bram"] and "Counted: every coding, 1 coding by bram (1 by hand)." in err
    assert counts["Functie"] == 1 and counts["Studievertraging"] == 0
    both = json.loads(loaded("report", "frequencies", "--by", "none", "--format", "json", "--coder", "bram",
                             "--coder", "tester")[1])
    assert {r["code"]: r["count"] for r in both["rows"]}["Studievertraging"] == 1
    code, _, err = loaded("report", "frequencies", "--coder", "brma")
    assert code == 2 and "unknown coder 'brma'" in err


def test_codebook_commands(loaded, tmp_path):
    assert loaded("codebook", "add", "Nieuw > Sub", "--description", "Iets")[0] == 0
    code, out, _ = loaded("codebook", "show", "--format", "json")
    paths = [c["path"] for c in json.loads(out)]
    assert "Nieuw > Sub" in paths
    assert loaded("codebook", "rename", "Nieuw > Sub", "Ander")[0] == 0
    assert loaded("codebook", "move", "Nieuw > Ander", "--to", "")[0] == 0
    assert loaded("codebook", "set", "Ander", "--colour", "#abc", "--keyword", "vrees*")[0] == 0
    assert loaded("autocode", "--code", "Ander", "--unit", "match")[0] == 0
    assert loaded("codebook", "merge", "Ander", "Studenten > Belemmeringen studenten > Studievertraging")[0] == 0
    code, out, _ = loaded("codebook", "history", "--format", "json")
    assert [c["action"] for c in json.loads(out)][-5:] == ["add", "rename", "move", "update", "merge"]
    exported = tmp_path / "book.yaml"
    assert loaded("codebook", "export", exported)[0] == 0
    assert "Studievertraging" in exported.read_text(encoding="utf-8")


def test_codebook_delete_and_group_commands(loaded):
    assert loaded("codebook", "add", "Leeg")[0] == 0
    assert loaded("autocode", "--code", "Studenten > Belemmeringen studenten > Studievertraging")[0] == 0
    assert loaded("codebook", "group", "Drempels", "Leeg", "Studenten > Belemmeringen studenten > Studievertraging")[1] \
        .strip() == "2 code(s) added to Drempels"
    code, out, _ = loaded("codebook", "show")
    assert "  Drempels: Leeg; Studenten > Belemmeringen studenten > Studievertraging" in out.splitlines()
    code, _, err = loaded("codebook", "delete", "Studenten > Belemmeringen studenten > Studievertraging")
    assert code == 2 and "coding(s): merge it into another code instead" in err and len(err.splitlines()) == 1
    assert loaded("codebook", "delete", "Leeg")[1].strip() == "deleted Leeg"
    assert loaded("codebook", "group", "--remove", "Drempels",
                  "Studenten > Belemmeringen studenten > Studievertraging")[0] == 0
    code, out, _ = loaded("codebook", "show")
    assert "code groups:" not in out and "Leeg" not in out


def bad_inputs(tmp_path):
    """(name, argv) pairs that must each fail with one line, exit 2, nothing changed."""
    (tmp_path / "empty.txt").write_bytes(b"")
    (tmp_path / "binary.vtt").write_bytes(bytes(range(256)) * 20)
    (tmp_path / "nocues.vtt").write_text("WEBVTT\n\n", encoding="utf-8")
    (tmp_path / "corrupt.docx").write_bytes(b"PK\x03\x04" + b"\x00junk" * 100)
    (tmp_path / "protected.docx").write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(512))
    (tmp_path / "letter.docx").write_bytes(docx_bytes(["Beste collega,", "Tot ziens."]))
    (tmp_path / "neither.txt").write_bytes(b"Anouk   0:01\nCaf\xe9 \x81\n")  # no UTF-8, and 0x81 is no Windows-1252
    (tmp_path / "digits.vtt").write_text("WEBVTT\n\n0:0:\u0661.0 --> 0:0:2.0\n<v A>Hoi.</v>\n", encoding="utf-8")
    (tmp_path / "sixty.vtt").write_text("WEBVTT\n\n00:00:60.000 --> 00:01:02.000\n<v A>Hoi.</v>\n", encoding="utf-8")
    (tmp_path / "nobody.docx").write_bytes(rezip(docx_bytes(["Anouk   0:01", "Ja."]), lambda name, content: (
        content.replace(b"<w:body>", b"<w:bodyX>").replace(b"</w:body>", b"</w:bodyX>")
        if name == "word/document.xml" else content)))
    (tmp_path / "int1.txt").write_text("Anouk   0:01\nAnders.\nBram   0:02\nJa.\n", encoding="utf-8")
    (tmp_path / "cols.csv").write_text("speaker,respondent\nBram,R01\n", encoding="utf-8")
    (tmp_path / "unknown.csv").write_text(
        "transcript,speaker,respondent,role,institution,programme\nnope,R1,R05,respondent,,\n", encoding="utf-8")
    (tmp_path / "dup.yaml").write_text("codes:\n  - name: A\n  - name: A\n", encoding="utf-8")
    (tmp_path / "cycle.yaml").write_text("codes:\n  - &a\n    name: A\n    children: [*a]\n", encoding="utf-8")
    (tmp_path / "truncated.qdpx").write_bytes(b"PK\x03\x04" + bytes(40))
    (tmp_path / "broken.qdc").write_text("<CodeBook><Codes><Code name='x'", encoding="utf-8")
    with (tmp_path / "huge.txt").open("wb") as handle:  # 50 MB: sparse, written in an instant
        handle.truncate(50_000_000)
    (tmp_path / "bom-semicolons.csv").write_bytes(
        "\ufefftranscript;speaker;respondent;institution;programme\n;Bram;R01;Hogeschool A;pabo\n".encode())
    (tmp_path / "not-a-backup.sqlite").write_bytes(b"SQLite format 3\x00" + bytes(100))
    speech = docx_bytes(["Anouk   0:01", "Waarom?", "Bram   0:05", "Ja, ik ben"])
    (tmp_path / "bomb.docx").write_bytes(rezip(speech, zeros={"word/media/film.bin": 120_000_000}))
    (tmp_path / "entity.docx").write_bytes(rezip(speech, lambda name, content: with_entity(
        content, b"Ja, ik ben", b"en ik werk hier.") if name == "word/document.xml" else content))
    (tmp_path / "entity.qdc").write_bytes(with_entity(
        b'<?xml version="1.0"?><CodeBook origin="x"><Codes><Code guid="A1A1A1A1-0000-4000-8000-000000000001" '
        b'name="Tijd" isCodable="true"><Description>Geen tijd</Description></Code></Codes></CodeBook>',
        b"<Description>Geen", b"tijd"))
    (tmp_path / "alias-bomb.yaml").write_text('a: &a ["x","x","x","x","x","x","x","x","x"]\n' + "".join(
        f"{chr(98 + i)}: &{chr(98 + i)} [{','.join([f'*{chr(97 + i)}'] * 9)}]\n" for i in range(8))
        + "codes:\n  - name: A\n    keywords: *i\n", encoding="utf-8")
    (tmp_path / "deep.yaml").write_text("codes:\n  - name: A\n    children: " + "[" * 200_000 + "]" * 200_000,
                                        encoding="utf-8")
    hostile = _hostile_files(tmp_path)
    sql = "Robert'); DROP TABLE coding;--"
    return hostile + [
        ("empty", ["import", tmp_path / "empty.txt"]),
        ("binary", ["import", tmp_path / "binary.vtt"]),
        ("no cues", ["import", tmp_path / "nocues.vtt"]),
        ("corrupt docx", ["import", tmp_path / "corrupt.docx"]),
        ("protected docx", ["import", tmp_path / "protected.docx"]),
        ("not a transcript", ["import", tmp_path / "letter.docx"]),
        ("encoding", ["import", tmp_path / "neither.txt"]),
        ("digits that are not ASCII in a timing line", ["import", tmp_path / "digits.vtt"]),
        ("sixty seconds", ["import", tmp_path / "sixty.vtt"]),
        ("docx without a body", ["import", tmp_path / "nobody.docx"]),
        ("missing file", ["import", tmp_path / "nope.docx"]),
        ("same name, other file", ["import", tmp_path / "int1.txt"]),
        ("csv columns", ["participants", "import", tmp_path / "cols.csv"]),
        ("csv transcript", ["participants", "import", tmp_path / "unknown.csv"]),
        ("duplicate code", ["codebook", "import", tmp_path / "dup.yaml"]),
        ("cycle", ["codebook", "import", tmp_path / "cycle.yaml"]),
        ("unknown code", ["autocode", "--code", "Nope", "--pattern", "x"]),
        ("sql-looking code", ["codebook", "rename", sql, "x"]),
        ("sql-looking transcript", ["transcripts", "show", sql]),
        ("bad regex", ["autocode", "--code", "Studenten > Houding studenten", "--pattern", "(("]),
        ("bad unit", ["report", "frequencies", "--unit", "quotes"]),
        ("truncated qdpx", ["project", "import", tmp_path / "truncated.qdpx"]),
        ("broken qdc", ["codebook", "import", tmp_path / "broken.qdc"]),
        ("docx without --out", ["report", "frequencies", "--format", "docx"]),
        ("chart type", ["report", "frequencies", "--chart", "x.gif"]),
        ("50 MB file", ["import", tmp_path / "huge.txt"]),
        ("csv with BOM and semicolons, no role column", ["participants", "import", tmp_path / "bom-semicolons.csv"]),
        ("unknown coder", ["agreement", "tester", "nobody"]),
        ("one coder", ["disagreements", "tester", "tester"]),
        ("sql-looking coder", ["agreement", "tester", sql]),
        ("score out of range", ["suggest", "--min-score", "2"]),
        ("not a backup", ["restore", tmp_path / "not-a-backup.sqlite"]),
        ("erase unknown respondent", ["participants", "erase", "R99"]),
        ("erase, missing backup", ["participants", "erase", "R01", "--backup", tmp_path / "nope.sqlite"]),
        ("code name with a line break", ["codebook", "add", "Een\nregel"]),
        ("coder name of 300 characters", ["--coder", "x" * 300, "--new-coder", "codings", "add", "int1",
                                          "Studenten > Houding studenten", "--turn", "1"]),
        ("zip bomb", ["import", tmp_path / "bomb.docx"]),
        ("entity in a docx", ["import", tmp_path / "entity.docx"]),
        ("entity in a qdc", ["codebook", "import", tmp_path / "entity.qdc"]),
        ("yaml alias bomb", ["codebook", "import", tmp_path / "alias-bomb.yaml"]),
        ("yaml nested deep", ["codebook", "import", tmp_path / "deep.yaml"]),
    ]


def _hostile_files(tmp_path):
    """The files of the issue on faults and hostile files: each was a traceback (or a loop) before."""
    guid = "A1A1A1A1-0000-4000-8000-000000000001"
    book = "codes:\n  - name: A\n    description: {}\n"
    files = {
        "control.yaml": book.format("een\x07bel"), "digits.yaml": book.format("9" * 5000),
        "versions.yaml": "codes:\n  - name: A\n    patterns: ['(?V0)(?<=a)b', '(?V1)x']\n",
        **{f"part-{name}.yaml": f"parts:\n  - number: {value}\n    questions:\n      - id: 1\n        text: Vraag?\n"
           for name, value in (("word", "twee"), ("nan", ".nan"), ("list", "[1, 2]"), ("huge", "9" * 5000))},
        "many.csv": "transcript,speaker,respondent,role,institution,programme\nint1,Bram,R09," + "x" * 100_000
                    + ",H,pabo\n",
    }
    for name, content in files.items():
        (tmp_path / name).write_text(content, encoding="utf-8")
    (tmp_path / "renamed.docx").write_bytes(rezip(docx_bytes(["1. Wat is uw functie?"]), lambda name, content: (
        content.replace(b"<w:document ", b"<w:documentX ").replace(b"</w:document>", b"</w:documentX>")
        if name == "word/document.xml" else content)))
    qde = ('<?xml version="1.0" encoding="utf-8"?>\n<Project xmlns="urn:QDA-XML:project:1.0" name="p"><CodeBook><Codes>'
           f'<Code guid="{guid}" name="A" isCodable="true"><Code guid="{guid}" name="B" isCodable="true"/></Code>'
           "</Codes></CodeBook></Project>")
    for name, flag, method in (("twins.qdpx", 0, None), ("encrypted.qdpx", 1, None), ("packed.qdpx", 0, 99)):
        buffer = io.BytesIO()
        with zipfile.ZipFile(buffer, "w") as archive:
            archive.writestr("project.qde", qde)
        data = bytearray(buffer.getvalue())
        for at in (6, data.find(b"PK\x01\x02") + 8):  # the member's flags, in both of its headers
            data[at] |= flag
            if method:
                data[at + 2 : at + 4] = method.to_bytes(2, "little")
        (tmp_path / name).write_bytes(bytes(data))
    return [
        ("a control character in YAML", ["codebook", "import", tmp_path / "control.yaml"]),
        ("a 5,000-digit number in YAML", ["codebook", "import", tmp_path / "digits.yaml"]),
        ("a pattern of regex VERSION0 and VERSION1", ["codebook", "import", tmp_path / "versions.yaml"]),
        *((f"a guide part numbered {name}", ["guide", "import", tmp_path / f"part-{name}.yaml"])
          for name in ("word", "nan", "list", "huge")),
        ("a guide .docx whose root is renamed", ["guide", "import", tmp_path / "renamed.docx"]),
        ("a registry field of 100,000 characters", ["participants", "import", tmp_path / "many.csv"]),
        ("a project whose code guids repeat", ["project", "import", tmp_path / "twins.qdpx"]),
        ("a project member encrypted", ["project", "import", tmp_path / "encrypted.qdpx"]),
        ("a project member packed as zipfile cannot unpack", ["project", "import", tmp_path / "packed.qdpx"]),
    ]


def test_bad_input_catalogue(loaded, tmp_path):
    bad = tmp_path / "bad"
    bad.mkdir()
    before = dump_file(loaded.dbfile)
    for name, argv in bad_inputs(bad):
        code, out, err = loaded(*argv)
        lines = err.strip().splitlines()
        assert code == 2, (name, code, err)
        assert len(lines) == 1 and lines[0].startswith("error: "), (name, err)
        assert len(lines[0]) < 800, (name, len(lines[0]))  # a long value in it is shortened
        assert dump_file(loaded.dbfile) == before, name
        if isinstance(argv[-1], Path):
            assert f"error: {argv[-1]}: " in lines[0], (name, err)


@pytest.mark.sqlite_only
@pytest.mark.parametrize("damage", ["DROP TABLE speaker_alias", "INSERT INTO code (guid, name, position, keywords, "
                                    "patterns, codable, description) VALUES ('g', 'X', 0, 'geen json', '[]', 1, '')"])
def test_a_damaged_backup_is_refused_in_one_line(loaded, tmp_path, damage):
    """A backup without a table ended in a traceback from the middle of the swap; one whose keywords are no JSON
    was restored without a word."""
    import sqlite3

    from workbench.core.db import Database, resolve_url

    Database(resolve_url(str(tmp_path / "backup.sqlite"))).close()
    with sqlite3.connect(tmp_path / "backup.sqlite") as raw:
        raw.executescript(damage)
    before = dump_file(loaded.dbfile)
    code, _, err = loaded("restore", tmp_path / "backup.sqlite")
    assert code == 2 and err.startswith(f"error: {tmp_path / 'backup.sqlite'}: ") and len(err.splitlines()) == 1
    assert dump_file(loaded.dbfile) == before


@pytest.mark.sqlite_only
def test_db_option_env_and_url(tmp_path, monkeypatch, run):
    env_db = tmp_path / "env.sqlite"
    monkeypatch.setenv("WORKBENCH_DB", str(env_db))
    assert run("transcripts", "list", db=False)[0] == 0
    assert env_db.exists()
    url = f"sqlite:///{tmp_path / 'url.sqlite'}"
    assert run("--db", url, "codebook", "add", "X", db=False)[0] == 0
    assert (tmp_path / "url.sqlite").exists()


@pytest.mark.sqlite_only
def test_a_study_that_cannot_be_reached_is_named_without_its_password(run):
    """The error printed the whole URL, password and all, to the terminal (and to any log of it)."""
    code, out, err = run("--db", "postgresql+psycopg://lead:Geheim-42@127.0.0.1:1/studie", "transcripts", "list",
                         db=False)
    assert code == 2 and out == ""
    assert err.startswith("error: postgresql+psycopg://lead:***@127.0.0.1:1/studie: cannot open database: ")
    assert "Geheim-42" not in err


@pytest.mark.sqlite_only
def test_the_installed_command_runs_as_a_process(tmp_path):
    result = subprocess.run(
        [sys.executable, "-m", "workbench", "--db", str(tmp_path / "p.sqlite"), "import", str(SAMPLE / "interview-15.txt")],
        capture_output=True, text=True,
    )
    assert result.returncode == 0, result.stderr
    assert "imported" in result.stdout
    # closed before the process ends (its objects are left to the OS): the journal is folded into the study
    assert [p.name for p in tmp_path.iterdir() if p.name.startswith("p.sqlite")] == ["p.sqlite"]
    result = subprocess.run([sys.executable, "-m", "workbench", "--db", str(tmp_path / "p.sqlite"), "import",
                             str(tmp_path / "missing.vtt")], capture_output=True, text=True)
    assert result.returncode == 2 and result.stderr.count("\n") == 1


@pytest.mark.sqlite_only
@pytest.mark.parametrize("command", [["report", "frequencies"], ["report", "frequencies", "--unit", "quotation"],
                                     ["transcripts", "list", "--format", "json"],
                                     ["codings", "list", "--code", "Studenten", "--format", "json"]])
def test_reports_and_lists_load_no_parser_ui_or_validation_library(loaded, command):
    """What every figure command pays on start (issue 19's one second): no pydantic (typer 0.29 coerced every
    option through it), no transcript parsers, no Textual, spaCy, YAML reader or report writers; and a report
    reads table columns, so that the ORM's mappers are not configured for it."""
    heavy = ("pydantic", "lxml", "docx", "textual", "spacy", "openpyxl", "matplotlib", "ruamel")
    code = (f"import sys\nfrom workbench.cli import main\nfrom workbench.core.models import Code\n"
            f"try:\n    main({['--db', str(loaded.dbfile), *command]!r})\n"
            f"except SystemExit as exc:\n    assert not exc.code, exc.code\n"
            f"print(sorted(m for m in {heavy!r} if m in sys.modules), Code.__mapper__.configured)")
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert done.returncode == 0, done.stderr
    modules, configured = done.stdout.splitlines()[-1].rsplit(" ", 1)
    assert modules == "[]"
    assert configured == "False" or command[0] != "report"


def test_codings_by_hand(loaded):
    code, out, err = loaded("codings", "add", "int1", "Studenten > Houding studenten", "--turn", "1", "--memo", "x")
    assert code == 0, err
    guid = out.split()[0]
    assert loaded("codings", "add", "int1", "Studenten > Houding studenten", "--span", "0-5")[0] == 0
    code, out, _ = loaded("codings", "list", "--code", "Studenten", "--format", "json")
    assert [c["coder"] for c in json.loads(out)] == ["tester", "tester"]
    assert loaded("codings", "memo", guid, "anders")[0] == 0
    assert loaded("codings", "delete", guid)[0] == 0
    code, _, err = loaded("codings", "add", "int1", "Studenten > Houding studenten", "--span", "a-b")
    assert code == 2 and err.startswith("error: --span")


def test_a_picked_quote_leads_the_word_report_and_unpick_takes_it_back(loaded, tmp_path):
    loaded("autocode", "--role", "respondent")
    code, out, _ = loaded("codings", "list", "--code", "Studenten > Belemmeringen studenten > Studievertraging",
                          "--format", "json")
    last = json.loads(out)[-1]
    code, out, err = loaded("codings", "pick", last["guid"][:8])
    assert code == 0 and out.startswith("picked as a report quote"), err
    code, out, _ = loaded("codings", "list", "--format", "json")
    assert [c["picked_by"] for c in json.loads(out) if c["guid"] == last["guid"]] == ["tester"]
    report = tmp_path / "r.docx"
    assert loaded("report", "frequencies", "--format", "docx", "--out", report, "--quotes", "1")[0] == 0
    cited = [p.text for p in docx.Document(str(report)).paragraphs if p.text.startswith("“")]
    assert " ".join(last["quote"].split()) in cited[0] and len(cited) == len(set(cited))
    english = tmp_path / "en.docx"
    assert loaded("report", "frequencies", "--format", "docx", "--out", english, "--language", "en")[0] == 0
    assert any("Counting rule:" in p.text for p in docx.Document(str(english)).paragraphs)
    code, _, err = loaded("report", "frequencies", "--format", "docx", "--out", tmp_path / "de.docx", "--language", "de")
    assert code == 2 and "--language" in err and not (tmp_path / "de.docx").exists()
    assert loaded("codings", "unpick", last["guid"][:8])[0] == 0
    code, out, _ = loaded("codings", "list", "--format", "json")
    assert [c["picked_by"] for c in json.loads(out) if c["guid"] == last["guid"]] == [None]


def test_project_exchange_and_reports(loaded, tmp_path, run):
    loaded("autocode", "--role", "respondent")
    exported = tmp_path / "study.qdpx"
    code, out, err = loaded("project", "export", exported)
    assert code == 0 and "1 transcript(s)" in out, err
    other = tmp_path / "other.sqlite"
    code, out, err = run("--db", other, "project", "import", exported, db=False)
    assert code == 0 and "imported 1 transcript(s)" in out and err == ""
    code, out, _ = run("--db", other, "report", "frequencies", "--by", "none", "--format", "csv", db=False)
    assert "Studievertraging,,respondent,1" in out
    book = tmp_path / "book.qdc"
    assert loaded("codebook", "export", book)[0] == 0 and book.read_bytes().startswith(b"<?xml")
    assert run("--db", tmp_path / "third.sqlite", "codebook", "import", book, db=False)[0] == 0
    (tmp_path / "tags.csv").write_text("tag,description\nStudenten::Belemmeringen studenten::Studievertraging,Anders\n",
                                       encoding="utf-8")
    code, out, err = loaded("codebook", "import", tmp_path / "tags.csv")
    assert code == 0 and "0 code(s) added" in out and "kept ours where the file says otherwise (1; --overwrite" in err
    assert "Studievertraging: description 'Angst voor" in err and "the file has 'Anders'" in err
    for fmt in ("docx", "xlsx"):
        target = tmp_path / f"freq.{fmt}"
        code, _, err = loaded("report", "frequencies", "--format", fmt, "--out", target, "--chart", tmp_path / "c.png")
        assert code == 0 and target.stat().st_size > 0 and list(tmp_path.glob("c-0*-*.png")), err
    code, out, _ = loaded("report", "cooccurrence", "--format", "csv", "--chart", tmp_path / "heat.svg")
    assert out.startswith("code_a,code_b,unit,count") and b"<svg" in (tmp_path / "heat.svg").read_bytes()[:500]
    code, out, err = loaded("report", "cooccurrence", "--chart", tmp_path / "heat.gif")
    assert code == 2 and out == "" and ".png or .svg" in err
    code, out, _ = loaded("report", "quotes", "Studenten", "--programme", "pabo")
    assert code == 0 and "— R01, pabo, tweedegraads" in out and "Bram" not in out


def test_codings_stay_with_their_coder_and_are_not_doubled(loaded):
    assert loaded("codings", "add", "int1", "Functie en uren > Functie", "--turn", "1")[0] == 0
    code, _, err = loaded("codings", "add", "int1", "Functie en uren > Functie", "--turn", "1")
    assert code == 2 and "already coded" in err
    guid = json.loads(loaded("codings", "list", "--format", "json")[1])[0]["guid"]
    code, _, err = loaded("--coder", "bram", "--new-coder", "codings", "delete", guid)
    assert code == 2 and "tester's" in err
    assert loaded("--coder", "bram", "--new-coder", "codings", "delete", guid, "--settle")[0] == 0
    history = json.loads(loaded("codings", "deleted", "--format", "json")[1])
    assert [(d["coded_by"], d["deleted_by"], d["reason"]) for d in history] == [("tester", "bram", "settled")]


def test_a_mistyped_coder_is_refused_and_a_new_one_says_so(loaded):
    assert loaded("codings", "add", "int1", "Functie en uren > Functie", "--turn", "1")[0] == 0
    before = dump_file(loaded.dbfile)
    code, _, err = loaded("--coder", "tesster", "codings", "add", "int1", "Functie en uren > Functie", "--turn", "2")
    assert code == 2 and err == ("error: unknown coder 'tesster' (this study's coders: tester); a new coder says so "
                                 "once with --new-coder\n")
    assert dump_file(loaded.dbfile) == before
    assert loaded("--coder", "tessa", "--new-coder", "codings", "add", "int1", "Functie en uren > Functie",
                  "--turn", "2")[0] == 0
    assert loaded("--coder", "tessa", "codings", "list")[0] == 0  # known from now on


def test_memos_in_transcripts_show(loaded):
    code, out, err = loaded("codings", "add", "int1", "Functie en uren > Functie", "--turn", "1", "--memo", "m1")
    assert code == 0, err
    from workbench.core.db import Database, resolve_url
    from workbench.services import codings

    db = Database(resolve_url(str(loaded.dbfile)) if "://" not in str(loaded.dbfile) else str(loaded.dbfile))
    codings.set_turn_memo(db, "int1", 1, "beurtmemo")
    codings.set_transcript_memo(db, "int1", "gesprek kort")
    db.close()
    shown = json.loads(loaded("transcripts", "show", "int1", "--format", "json")[1])
    assert shown["memo"] == "gesprek kort"
    assert [t["memo"] for t in shown["turns"]] == [None, "beurtmemo", None]
    assert "memo: beurtmemo" in loaded("transcripts", "show", "int1")[1]


@pytest.mark.sqlite_only
def test_no_command_writes_over_the_study_or_its_backups(loaded, tmp_path):
    study = Path(loaded.dbfile)
    assert loaded("backup")[0] == 0
    (made,) = (study.parent / "backups").glob("*.sqlite")
    before = study.read_bytes()
    for args in (("backup", study), ("backup", made), ("report", "frequencies", "--format", "xlsx", "--out", study),
                 ("report", "frequencies", "--format", "csv", "--out", f"{study}-wal"),
                 ("report", "frequencies", "--chart", made), ("codebook", "export", study),
                 ("project", "export", made), ("report", "quotes", "Studenten", "--out", study)):
        code, _, err = loaded(*args)
        assert code == 2 and "refusing to write over the study" in err, args
    assert study.read_bytes() == before and made.stat().st_size > 0


@pytest.mark.sqlite_only
def test_what_holds_interview_data_is_for_its_owner_only(loaded, tmp_path):
    shared = tmp_path / "shared.xlsx"
    shared.write_bytes(b"")
    shared.chmod(0o644)  # a file that was there already, readable by everyone
    out = tmp_path / "new" / "freq.docx"
    assert loaded("report", "frequencies", "--format", "xlsx", "--out", shared)[0] == 0
    assert loaded("report", "frequencies", "--format", "docx", "--out", out, "--chart", tmp_path / "c.png")[0] == 0
    assert loaded("project", "export", tmp_path / "p.qdpx")[0] == 0
    assert loaded("backup", tmp_path / "b.sqlite")[0] == 0
    for path in (shared, out, *tmp_path.glob("c-*.png"), tmp_path / "p.qdpx", tmp_path / "b.sqlite"):
        assert path.stat().st_mode & 0o077 == 0, path
    assert out.parent.stat().st_mode & 0o077 == 0


@pytest.mark.sqlite_only
def test_the_workbench_on_a_file_that_is_not_a_study_says_so_in_one_line_and_exits_2(tmp_path):
    import subprocess
    import sys

    notes = tmp_path / "notities.txt"
    notes.write_text("geen database\n", encoding="utf-8")
    done = subprocess.run([sys.executable, "-m", "workbench", "--db", str(notes), "tui"], stdin=subprocess.DEVNULL,
                          capture_output=True, text=True, timeout=120)
    assert done.returncode == 2  # the screen's own output (no terminal here) comes first, then one line
    assert done.stderr.rstrip().endswith(
        f"\x1b[?1006lerror: {notes}: cannot open database: file is not a database")
    assert notes.read_text(encoding="utf-8") == "geen database\n"


def test_guide_import_coverage_and_set(loaded, tmp_path):
    """The guide's coverage as JSON and CSV; a turn's question set by hand; a bad guide is one line, exit 2,
    and leaves the study as it was."""
    guide = tmp_path / "guide.md"
    guide.write_text("## Deel 1 — Studenten\n1. Is studievertraging een thema bij jullie studenten?\n"
                     "2. Wat vinden studenten van internationalisering?\n", encoding="utf-8")
    code, out, _ = loaded("guide", "import", guide)
    assert code == 0 and "2 question(s) in 1 part(s); found 1 asked" in out
    code, out, _ = loaded("guide", "coverage", "--format", "json")
    first, second = "Is studievertraging een thema bij jullie studenten?", "Wat vinden studenten van internationalisering?"
    assert json.loads(out) == [
        {"transcript": "int1", "question": "1", "turn": 0, "start_ms": 1000, "score": json.loads(out)[0]["score"],
         "status": "found", "text": first},
        {"transcript": "int1", "question": "2", "turn": None, "start_ms": None, "score": None, "status": "not found",
         "text": second}]
    assert json.loads(out)[0]["score"] > 0.3
    assert loaded("guide", "not-asked", "int1", "2")[1].strip() == "int1: question 2 was not asked"
    code, out, _ = loaded("guide", "coverage")
    assert "not asked" in out.splitlines()[2] and "| 0/1 " not in out
    assert loaded("guide", "set", "int1", "0", "2")[0] == 0  # asked after all: no longer "not asked"
    rows = list(csv.DictReader(io.StringIO(loaded("guide", "coverage", "--format", "csv")[1])))
    assert [(r["question"], r["turn"], r["score"], r["status"]) for r in rows] == [("1", "", "", "not found"),
                                                                                   ("2", "0", "", "set")]
    assert loaded("guide", "not-asked", "int1", "9")[0] == 2  # no such question: one line
    before = dump_file(loaded.dbfile)
    (tmp_path / "bad.md").write_text("## Deel 1 — A\n1. Een vraag?\n1. Nog een?\n", encoding="utf-8")
    code, out, err = loaded("guide", "import", tmp_path / "bad.md")
    assert code == 2 and err.strip().splitlines() == [f"error: {tmp_path / 'bad.md'}: question 1 appears twice"]
    assert dump_file(loaded.dbfile) == before


def test_a_project_s_own_notes_and_a_case_s_variables_are_shown_and_memos_written(run, tmp_path):
    from tests.services.test_refi_tools_shapes import TOOLS, project_of

    (tmp_path / "atlas.qdpx").write_bytes(project_of(next(t for t in TOOLS if t.name == "atlas-23")))
    code, out, err = run("project", "import", tmp_path / "atlas.qdpx")
    assert code == 0 and "1 code group(s)" in out and err == "", err
    assert run("--new-coder", "project", "memo", "Analyseplan", "Eerst de belemmeringen.")[0] == 0
    code, out, err = run("project", "memos")
    assert code == 0 and "Eerste indruk (Anouk) [Indrukken]\n  Veel over geld." in out, err
    code, out, _ = run("project", "memos", "--format", "json")
    assert [(m["name"], m["author"]) for m in json.loads(out)] == [("Eerste indruk", "Anouk"), ("Analyseplan", "tester")]
    code, out, _ = run("participants", "list")
    assert "cijfer=7.5; ervaren=true" in out
    code, _, err = run("project", "memo", "Leeg", " ")
    assert code != 0 and err.strip().endswith("a memo needs a name and a text")


def test_agreement_and_disagreements_write_word_and_excel(loaded, tmp_path):
    delay = "Studenten > Belemmeringen studenten > Studievertraging"
    assert loaded("codings", "add", "int1", delay, "--turn", "1")[0] == 0
    assert loaded("--coder", "bram", "--new-coder", "codings", "add", "int1", delay, "--turn", "2")[0] == 0
    code, out, _ = loaded("disagreements", "tester", "bram", "--format", "json")
    found = json.loads(out)
    assert [(d["respondent"], d["start_ms"]) for d in found] == [("R01", 5000), ("R02", 9000)]
    code, out, err = loaded("disagreements", "tester", "nobody", "--format", "json")  # printed as found: the
    assert code == 2 and out == "" and "nobody" in err  # names are checked before the list begins
    for fmt in ("docx", "xlsx"):
        assert loaded("agreement", "tester", "bram", "--format", fmt)[0] == 2  # a file needs --out
        code, _, err = loaded("disagreements", "tester", "bram", "--format", fmt, "--out", tmp_path / f"a.{fmt}")
        assert code == 0 and (tmp_path / f"a.{fmt}").stat().st_size and "wrote" in err


def test_a_report_states_its_notes_and_leaves_the_command_line_to_stderr(loaded, tmp_path):
    """The Word report's small-group note read '(--attribution pseudonym or none)', and the Excel report wrote
    no note at all: both documents say the risk in words, the options go to stderr only."""
    assert loaded("codings", "add", "int1", "Studenten > Belemmeringen studenten > Studievertraging",
                  "--turn", "1")[0] == 0
    for fmt in ("docx", "xlsx"):
        target = tmp_path / f"notes.{fmt}"
        code, _, err = loaded("report", "frequencies", "--format", fmt, "--out", target)
        assert code == 0 and "--attribution pseudonym" in err, err
        if fmt == "docx":
            said = [p.text for p in docx.Document(str(target)).paragraphs]
        else:
            said = [str(c.value) for s in openpyxl.load_workbook(target).worksheets for r in s.iter_rows()
                    for c in r if c.value is not None]
        notes = [line for line in said if "fewer than 3 respondents" in line]
        assert notes and "pabo + tweedegraads: 1" in notes[0], (fmt, said)
        assert not [line for line in said if "--" in line or "workbench " in line], fmt


def test_a_code_s_exclusions_are_set_honoured_by_autocode_and_exported(loaded, tmp_path):
    delay = "Studenten > Belemmeringen studenten > Studievertraging"
    assert loaded("codebook", "set", delay, "--exclude", "vrees studievertraging*")[0] == 0
    code, out, _ = loaded("autocode", "--code", delay, "--unit", "match")
    assert code == 0 and "created 1 coding(s)" in out, out  # the interviewer's question; not 'Ik vrees ...'
    code, out, _ = loaded("codings", "list", "--format", "json")
    assert [c["transcript"] for c in json.loads(out)] == ["int1"]
    assert loaded("codebook", "export", tmp_path / "book.yaml")[0] == 0
    book = read_codebook(tmp_path / "book.yaml")
    assert {" > ".join(names): spec.exclusions for names, spec in book.walk()}[delay] == ["vrees studievertraging*"]
