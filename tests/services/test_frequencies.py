"""Frequencies from the database, counted the study's way."""

import json
import random

import pytest
from sqlalchemy import select

from bench.corpus import add_codings_over_turns, add_random_codings
from tests.conftest import CODEBOOK, SAMPLE
from workbench.core import counting
from workbench.core.codebook_file import read_codebook
from workbench.core.matching import Matcher, TextIndex
from workbench.core.models import CodingTurn, Speaker
from workbench.sample.banks import POINTS
from workbench.services import autocode, codebook, participants, transcripts
from workbench.services.frequencies import counted_respondents, frequencies
from workbench.services.lookup import CodeTree

CODE = "Studenten > Belemmeringen studenten > Studievertraging"
REGISTRY = ("transcript,speaker,respondent,role,institution,programme\n"
            ",Anouk,I1,interviewer,,\n"
            ",Bram,R01,respondent,Hogeschool A,pabo;tweedegraads\n"
            ",Carlijn,R02,respondent,Hogeschool A,pabo\n"
            ",Daan,R03,respondent,Hogeschool B,tweedegraads\n")


@pytest.fixture
def study(db, tmp_path):
    """Bram says 'studievertraging' six times, Carlijn once, Daan never; Anouk asks about it."""
    (tmp_path / "one.txt").write_text(
        "Anouk   0:01\nIs studievertraging een thema?\n\nBram   0:05\n"
        + " ".join(["Ik vrees studievertraging."] * 6) + "\n", encoding="utf-8")
    (tmp_path / "two.txt").write_text(
        "Anouk   0:01\nEn bij jullie?\n\nCarlijn   0:05\nJa, studievertraging. Het is te duur.\n\n"
        "Daan   0:09\nTe duur, ja.\n\nGast   0:12\nStudievertraging!\n", encoding="utf-8")
    (tmp_path / "p.csv").write_text(REGISTRY, encoding="utf-8")
    transcripts.import_paths(db, [tmp_path / "one.txt", tmp_path / "two.txt"], replace=False, coder="c")
    participants.import_registry(db, tmp_path / "p.csv")
    codebook.import_codebook(db, CODEBOOK, coder="lead")
    autocode.autocode(db, "c", unit="sentence")
    return db


def cells(report, path):
    return {row.group: (row.count, row.n) for row in report.rows if row.path == path}


def test_respondents_not_quotations(study):
    report = frequencies(study, "respondent", "programme")
    assert report.groups == ("pabo", "tweedegraads")
    assert cells(report, CODE) == {"pabo": (2, 2), "tweedegraads": (1, 2), "": (2, 3)}
    parent = "Studenten > Belemmeringen studenten"
    assert cells(report, parent)[""] == (3, 3)  # studievertraging or te duur: all three
    assert report.uncounted_codings == 1 and "not in the participants registry" in report.notes[0]


def test_quotations_and_institutions(study):
    quotes = frequencies(study, "quotation", "none")
    assert cells(quotes, CODE) == {"": (7, 3)}
    institutions = frequencies(study, "institution", "programme")
    assert cells(institutions, CODE) == {"pabo": (1, 1), "tweedegraads": (1, 2), "": (1, 2)}


def test_the_sample_study_finds_every_planned_point_whose_wording_has_a_keyword(sample_db):
    """Plan.json says who makes which point; for points every wording of which carries one of
    the code's keywords, keyword auto-coding must find each such respondent."""
    plan = json.loads((SAMPLE / "plan.json").read_text())
    book = {" > ".join(names): spec for names, spec in read_codebook(CODEBOOK).walk()}
    report = frequencies(sample_db, "respondent", "none")
    checked = 0
    for path, (_, _, variants) in POINTS.items():
        matcher = Matcher(book[path].keywords, book[path].patterns, path.rsplit(" > ", 1)[-1])
        if not all(list(matcher.find(TextIndex(v))) for v in variants):
            continue
        planned = {r for people in plan.values() for r, points in people.items() if path in points}
        found = cells(report, path)[""][0]
        assert found >= len(planned), path
        checked += 1
    assert checked >= 20


def test_the_indexed_query_counts_what_every_coding_row_says(sample_db):
    """The respondent unit reads (code, speaker) pairs by index seeks; the quotation unit reads every
    coding's rows. Both must agree with the pure rule fed with all rows, for every unit and grouping."""
    add_random_codings(sample_db, 3000, random.Random(5))
    add_codings_over_turns(sample_db, 300, random.Random(6))
    with sample_db.read() as session:
        tree, respondents = CodeTree(session), counted_respondents(session)
        speaker_of = dict(session.execute(select(Speaker.id, Speaker.participant_id)).all())
        rows = session.execute(select(CodingTurn.code_id, CodingTurn.speaker_id, CodingTurn.coding_id)).all()
    assert len({coding for _, _, coding in rows}) < len(rows)  # some codings lie over several turns
    occurrences = [counting.Occurrence(code, speaker_of[speaker], coding) for code, speaker, coding in rows
                   if speaker_of[speaker] in respondents]
    for unit in counting.Unit:
        for by in counting.GroupBy:
            expected = counting.count(tree.parents(), occurrences, respondents, unit, by)
            report = frequencies(sample_db, unit.value, by.value)
            got = {(tree.get(r.path), r.group): r.count for r in report.rows if r.count}
            assert got == {key: n for key, n in expected.items() if n}, (unit, by)


def test_migration_0008_marks_the_codings_over_several_turns_of_a_study_made_before_it(sample_db):
    """Down to 0007 (no one_turn column) and up again: every link is marked as the coding writer marks it."""
    from alembic import command

    from workbench import migrations

    add_codings_over_turns(sample_db, 50, random.Random(7))
    with sample_db.read() as session:
        marked = session.execute(select(CodingTurn.coding_id, CodingTurn.turn_id, CodingTurn.one_turn)).all()
    assert {one for _, _, one in marked} == {True, False}
    config = migrations.config()
    with sample_db.engine.begin() as connection:
        config.attributes["connection"] = connection
        command.downgrade(config, "0007")
    migrations.upgrade(sample_db.engine)
    with sample_db.read() as session:
        assert sorted(session.execute(select(CodingTurn.coding_id, CodingTurn.turn_id, CodingTurn.one_turn))) == \
            sorted(marked)
