"""Every file reader fuzzed (tests/fuzz.py): the sample's participants CSV, codebooks (YAML, REFI-QDA .qdc,
Taguette CSV), the interview guide (Markdown, YAML, .docx), a REFI-QDA project, a backup to restore, and a study
file damaged under the workbench. Each case is taken or refused in one line (a WorkbenchError, its message short),
never a traceback or a hang; a refused case leaves the study exactly as it was."""

from __future__ import annotations

import random
import shutil
import sqlite3

import pytest

from tests.backends import dump
from tests.conftest import CODEBOOK, ROOT, SAMPLE
from tests.fuzz import CSV, FUZZ_CASES, XML, YAML, fuzz, mutate_text, mutate_zip, within
from workbench.core.db import Database, resolve_url
from workbench.errors import WorkbenchError
from workbench.services import (
    autocode,
    backups,
    codebook,
    codings,
    exchange,
    frequencies,
    guide,
    participants,
    quotes,
    transcripts,
)

pytestmark = pytest.mark.sqlite_only
TRANSCRIPTS = ["interview-01.docx", "interview-04.vtt", "interview-13.txt"]
LONGEST_MESSAGE = 2_000  # characters: a value from the file is shortened in a message, never printed whole


@pytest.fixture(scope="module")
def small_study(tmp_path_factory):
    """Three of the sample's interviews, their registry rows, the codebook, auto-coded, the guide: a study
    small enough to copy for every case."""
    folder = tmp_path_factory.mktemp("fuzz")
    path = folder / "small.sqlite"
    db = Database(resolve_url(str(path)))
    transcripts.import_paths(db, [SAMPLE / name for name in TRANSCRIPTS], replace=False, coder="tester")
    lines = (SAMPLE / "participants.csv").read_text(encoding="utf-8").splitlines(keepends=True)
    names = tuple(name.split(".")[0] + "," for name in TRANSCRIPTS)
    (folder / "participants.csv").write_text("".join([lines[0], *(x for x in lines if x.startswith(names))]))
    participants.import_registry(db, folder / "participants.csv")
    codebook.import_codebook(db, CODEBOOK, coder="tester")
    autocode.autocode(db, "autocoder", role="respondent")
    guide.import_guide(db, ROOT / "codebook" / "interview-guide.md")
    exchange.export_project(db, folder / "project.qdpx", "Fuzz")
    from workbench.interop.refi_xml import codebook_xml

    (folder / "codebook.qdc").write_bytes(codebook_xml(codebook.export_codebook(db)))
    (folder / "taguette.csv").write_text("tag,description,count\n" + "".join(
        f'"{c.path.replace(" > ", "::")}","{c.description}",1\n' for c in codebook.show_codebook(db)), encoding="utf-8")
    backups.backup(db, folder / "backup.sqlite")
    db.close()
    return folder


def _guide_files(folder):
    import docx
    from ruamel.yaml import YAML as Writer

    from workbench.transcripts.guide_file import read_guide

    read = read_guide(ROOT / "codebook" / "interview-guide.md")
    parts = [{"number": p.number, "title": p.title,
              "questions": [{"id": q.id, "text": q.text} for q in read.questions if q.part == p.number]}
             for p in read.parts]
    with (folder / "guide.yaml").open("w", encoding="utf-8") as out:
        Writer().dump({"parts": parts}, out)
    document = docx.Document()
    for part in read.parts:
        document.add_heading(f"Deel {part.number} — {part.title}", level=2)
        for question in (q for q in read.questions if q.part == part.number):
            document.add_paragraph(f"{question.id}. {question.text}")
    document.save(folder / "guide.docx")


def _copy(small_study, tmp_path, name="study.sqlite"):
    path = tmp_path / name
    shutil.copy(small_study / "small.sqlite", path)
    return Database(resolve_url(str(path)))


def _refused_in_one_line(exc: WorkbenchError, case: str) -> None:
    said = str(exc)
    assert "\n" not in said and len(said) < LONGEST_MESSAGE, (case, said[:300])


READERS = {  # reader: (seed file in the small study's folder, suffix, the import, the inserts it is hurt with)
    "registry": ("participants.csv", ".csv", lambda db, path: participants.import_registry(db, path), CSV),
    "codebook-yaml": (CODEBOOK, ".yaml", lambda db, path: codebook.import_codebook(db, path, "fuzz"), YAML),
    "codebook-qdc": ("codebook.qdc", ".qdc", lambda db, path: codebook.import_codebook(db, path, "fuzz"), XML),
    "codebook-taguette": ("taguette.csv", ".csv", lambda db, path: codebook.import_codebook(db, path, "fuzz"), CSV),
    "guide-markdown": (ROOT / "codebook" / "interview-guide.md", ".md", guide.import_guide, ["## Deel 9999 — x"]),
    "guide-yaml": ("guide.yaml", ".yaml", guide.import_guide, YAML),
    "guide-docx": ("guide.docx", ".docx", guide.import_guide, XML),
}


@pytest.mark.parametrize("reader", list(READERS))
def test_a_mutated_file_is_taken_or_refused_in_one_line_and_a_refusal_changes_nothing(reader, small_study,
                                                                                        tmp_path):
    seed_file, suffix, take, inserts = READERS[reader]
    if suffix in (".yaml", ".docx") and reader.startswith("guide"):
        _guide_files(small_study)
    seed = (seed_file if not isinstance(seed_file, str) else small_study / seed_file).read_bytes()
    db = _copy(small_study, tmp_path)
    state = dump(db)
    outcomes = {"taken": 0, "refused": 0}

    def attempt(data: bytes, case: str) -> None:
        nonlocal state
        path = tmp_path / f"case{suffix}"
        path.write_bytes(data)
        try:
            take(db, path)
        except WorkbenchError as exc:
            _refused_in_one_line(exc, case)
            assert dump(db) == state, f"{case}: refused, and the study changed"
            outcomes["refused"] += 1
        else:
            state = dump(db)
            outcomes["taken"] += 1

    mutate = mutate_zip if suffix == ".docx" else mutate_text
    fuzz([seed], lambda rng, data: mutate(rng, data, inserts), attempt, seed=sum(map(ord, reader)))
    assert outcomes["taken"] and outcomes["refused"], outcomes  # the mutations reach both ways


def test_a_mutated_project_is_imported_or_refused_in_one_line_on_an_empty_study(small_study, tmp_path):
    """REFI-QDA: XML mutated inside a valid .qdpx, members encrypted or packed with a method zipfile lacks, a
    code guid said twice, the archive's bytes damaged."""
    seed = (small_study / "project.qdpx").read_bytes()
    empty = Database(resolve_url(str(tmp_path / "empty.sqlite")))
    nothing = dump(empty)
    empty.close()
    outcomes = {"taken": 0, "refused": 0}

    def attempt(data: bytes, case: str) -> None:
        shutil.copy(tmp_path / "empty.sqlite", tmp_path / "case.sqlite")
        db = Database(resolve_url(str(tmp_path / "case.sqlite")))
        (tmp_path / "case.qdpx").write_bytes(data)
        try:
            exchange.import_project(db, tmp_path / "case.qdpx", "fuzz")
        except WorkbenchError as exc:
            _refused_in_one_line(exc, case)
            assert dump(db) == nothing, f"{case}: refused, and the study changed"
            outcomes["refused"] += 1
        else:
            outcomes["taken"] += 1
        finally:
            db.close()

    fuzz([seed], lambda rng, data: mutate_zip(rng, data, XML), attempt, seed=31)
    assert outcomes["taken"] and outcomes["refused"], outcomes


DAMAGE = [  # what another program or a failing disk can leave in a study file
    "PRAGMA foreign_keys=OFF; DELETE FROM code WHERE id IN (SELECT code_id FROM coding LIMIT 1)",
    "UPDATE code SET keywords = 'not json' WHERE id = (SELECT min(id) FROM code)",
    "UPDATE code SET patterns = '{\"a\": 1}' WHERE id = (SELECT min(id) FROM code)",
    "UPDATE code SET parent_id = id WHERE id = (SELECT max(id) FROM code)",
    "UPDATE code SET parent_id = (SELECT max(id) FROM code) WHERE id = (SELECT parent_id FROM code WHERE id = "
    "(SELECT max(id) FROM code))",
    "UPDATE transcript SET meta = '[1,' WHERE id = (SELECT min(id) FROM transcript)",
    "UPDATE codebook_change SET detail = 'x' WHERE id = (SELECT min(id) FROM codebook_change)",
    "UPDATE coding SET start = -5 WHERE id = (SELECT min(id) FROM coding)",
    "UPDATE coding SET \"end\" = 99999999 WHERE id = (SELECT min(id) FROM coding)",
    "PRAGMA foreign_keys=OFF; DELETE FROM transcript WHERE id = (SELECT min(id) FROM transcript)",
    "PRAGMA foreign_keys=OFF; DROP TABLE speaker_alias",
    "PRAGMA foreign_keys=OFF; DELETE FROM study_version",
    "UPDATE turn SET start = \"end\" + 10 WHERE id = (SELECT min(id) FROM turn)",
]
READS = [  # what a coder or the lead asks of the study
    lambda db: codings.list_codings(db), lambda db: codebook.show_codebook(db),
    lambda db: transcripts.list_transcripts(db), lambda db: transcripts.show_transcript(db, "interview-01"),
    lambda db: frequencies.frequencies(db, "respondent", "programme"), lambda db: codebook.history(db),
    lambda db: quotes.quotes(db, "Studenten"), lambda db: db.version(),
]


@pytest.mark.parametrize("damage", DAMAGE)
def test_a_damaged_study_file_is_said_to_be_damaged_never_a_traceback_or_a_hang(damage, small_study, tmp_path):
    db = _copy(small_study, tmp_path)
    db.close()
    with sqlite3.connect(tmp_path / "study.sqlite") as raw:
        raw.executescript(damage)
    db = Database(resolve_url(str(tmp_path / "study.sqlite")))
    for number, read in enumerate(READS):
        with within(15, f"{damage}: read {number}"):
            try:
                read(db)
            except WorkbenchError as exc:
                _refused_in_one_line(exc, damage)


def test_a_damaged_backup_is_refused_in_one_line_and_the_study_is_as_it_was(small_study, tmp_path):
    """Bytes flipped or cut in the backup file, and the damage of a study file above done to a backup."""
    db = _copy(small_study, tmp_path)
    backups.backup(db, tmp_path / "good.sqlite")
    codings.add_coding(db, "anna", "interview-01", "Studenten > Heimwee", 0, 20, create=True)  # after the backup
    state = dump(db)
    seed = (small_study / "backup.sqlite").read_bytes()

    def attempt(data: bytes, case: str) -> None:
        nonlocal state
        (tmp_path / "case.sqlite").write_bytes(data)
        try:
            backups.restore(db, tmp_path / "case.sqlite")
        except WorkbenchError as exc:
            _refused_in_one_line(exc, case)
            assert dump(db) == state, f"{case}: refused, and the study changed"
        else:  # flipped bits in free pages may leave a backup whole: restoring it is right
            state = dump(db)

    def damaged(rng: random.Random, data: bytes) -> bytes:
        if rng.random() < 0.4:
            (tmp_path / "damaged.sqlite").write_bytes(data)
            with sqlite3.connect(tmp_path / "damaged.sqlite") as raw:
                raw.executescript(rng.choice(DAMAGE))
            return (tmp_path / "damaged.sqlite").read_bytes()
        out = bytearray(data)
        if rng.random() < 0.5:
            for _ in range(rng.randrange(1, 40)):
                out[rng.randrange(100, len(out))] ^= 1 << rng.randrange(8)
        else:
            out = out[: rng.randrange(len(out))]
        return bytes(out)

    fuzz([seed], damaged, attempt, seed=47, cases=max(FUZZ_CASES // 4, 20))
    backups.restore(db, tmp_path / "good.sqlite")  # an intact backup still restores, after all that
    assert not [c for c in codings.list_codings(db) if c.coder == "anna"]
