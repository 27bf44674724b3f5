"""The guide in a study: questions found in speech on a study the constants were not chosen on (the
generator with another seed), questions a coder set kept, coverage, autocode of one question's answers."""

import json
import sqlite3
from collections import defaultdict

import pytest
from sqlalchemy import select

from tests.conftest import CODEBOOK
from tests.unit.test_guide import GUIDE_FILE
from workbench.core import guide_align
from workbench.core.db import Database, resolve_url
from workbench.core.models import Coding, GuideQuestion, Turn, TurnQuestion
from workbench.sample.__main__ import make
from workbench.services import autocode, codebook, guide, participants, transcripts

CODE = "Erasmus+ > Belemmeringen Erasmus+ > Administratieve last"


@pytest.fixture(scope="module")
def held_out(tmp_path_factory):
    """Thirty short interviews made with seed 7 (the sample study is seed 2020), their guide found."""
    folder = tmp_path_factory.mktemp("held-out")
    make(folder, seed=7, interviews=30, words=(1500, 2500))
    db = Database(resolve_url(str(folder / "study.sqlite")))
    transcripts.import_paths(db, [folder], replace=False, coder="tester")
    participants.import_registry(db, folder / "participants.csv")
    guide.import_guide(db, GUIDE_FILE)
    yield db, json.loads((folder / "questions.json").read_text(encoding="utf-8")), folder
    db.close()


def test_questions_are_found_in_speech_with_precision_and_recall_of_095(held_out):
    db, truth, _ = held_out
    right = wrong = missed = 0
    for row in guide.coverage(db):
        turns = {t.index: " ".join(t.text.split()) for t in transcripts.show_transcript(db, row.transcript).turns}
        asked = truth[row.transcript].get(row.question)
        if row.turn is not None and asked is not None and " ".join(asked.split()) in turns[row.turn]:
            right += 1
        elif row.turn is not None:
            wrong += 1
        if asked is not None and (row.turn is None or " ".join(asked.split()) not in turns[row.turn]):
            missed += 1
    precision, recall = right / (right + wrong), right / (right + missed)
    print(f"guide alignment on a held-out study: precision {precision:.3f}, recall {recall:.3f}")
    assert precision >= 0.95 and recall >= 0.95


def test_a_question_a_coder_set_is_kept_and_coverage_says_where(held_out):
    db, _, _ = held_out
    first = next(r for r in guide.coverage(db, "interview-01") if r.question == "3")
    guide.set_question(db, "anna", "interview-01", first.turn, None)  # "that is no question"
    guide.set_question(db, "anna", "interview-01", first.turn + 2, "3")  # ... this one is
    guide.align_questions(db, "interview-01")
    now = next(r for r in guide.coverage(db, "interview-01") if r.question == "3")
    assert (now.turn, now.score) == (first.turn + 2, None)
    turns = transcripts.show_transcript(db, "interview-01").turns
    assert [t.index for t in turns if t.asks == "3"] == [first.turn + 2]  # the cleared turn stays cleared
    assert next(s for s in transcripts.list_transcripts(db) if s.name == "interview-01").questions_asked == len(
        {r.question for r in guide.coverage(db, "interview-01") if r.turn is not None})
    assert [r.question for r in guide.coverage(db, "interview-01")][:3] == ["a", "b", "c"]
    assert next(r for r in guide.coverage(db, "interview-01") if r.question == "c").turn is None  # never asked


def test_autocode_a_question_codes_its_answers_whole(held_out):
    db, _, _ = held_out
    codebook.import_codebook(db, CODEBOOK, coder="lead")
    outcome = autocode.autocode(db, "lead", code_path=CODE, question="21", role="respondent")
    with db.read() as session:
        answering = guide.answers(session, "21")
        turns = [(tid, start, end) for tid, index, start, end in session.execute(
            select(Turn.transcript_id, Turn.index, Turn.start, Turn.end)) if index in answering.get(tid, ())]
        made = session.execute(select(Coding.transcript_id, Coding.start, Coding.end)).all()
    assert outcome.created == len(turns) == len(made) > 8  # every answer, in every interview, once
    assert len(answering) == len(transcripts.list_transcripts(db))  # (30, or 31 after the test that imports one)
    assert sum(1 for indexes in answering.values() if indexes) >= 30  # every interview answers it
    for tid, start, end in made:  # each the whole of one answer (its outer spaces trimmed)
        assert any(t == tid and s <= start < end <= e and end - start >= e - s - 2 for t, s, e in turns)


def test_the_answers_are_the_respondent_turns_the_guide_s_rule_gives_over_every_turn(held_out, tmp_path):
    """answers() reads only the turns from a question to the next one asked (at 1,000 interviews it read all
    600,000): the same turns as the rule over all of them, for every question, also where a coder said a turn
    asks none, where a turn asks a question a second time and where a respondent's turn asks one."""
    with sqlite3.connect(held_out[0].path) as live, sqlite3.connect(tmp_path / "copy.sqlite") as copy:
        live.backup(copy)  # the module's study stays as the other tests find it
    db = Database(resolve_url(str(tmp_path / "copy.sqlite")))
    found = [r for r in guide.coverage(db, "interview-01") if r.turn is not None]
    guide.set_question(db, "lead", "interview-01", found[1].turn, None)
    guide.set_question(db, "lead", "interview-01", found[-1].turn + 2, found[0].question)
    answering = next(t for t in transcripts.show_transcript(db, "interview-01").turns
                     if t.role == "respondent" and t.index > found[3].turn + 1)
    guide.set_question(db, "lead", "interview-01", answering.index, found[2].question)
    with db.read() as session:
        asked = defaultdict(list)
        for tid, index, ident in session.execute(
                select(Turn.transcript_id, Turn.index, GuideQuestion.ident).join(TurnQuestion, TurnQuestion.turn_id == Turn.id)
                .join(GuideQuestion, GuideQuestion.id == TurnQuestion.question_id).order_by(Turn.index)):
            asked[tid].append(guide_align.QuestionFound(ident, index, 1.0, ""))
        belongs = {tid: guide_align.respondent_questions(turns, asked[tid])
                   for tid, turns in guide._spoken(session, None, words=False).items()}
        for question in guide.questions(session):
            expected = {tid: [i for i, q in found.items() if q == question.id] for tid, found in belongs.items()}
            got = guide.answers(session, question.id)
            assert {t: v for t, v in got.items() if v} == {t: v for t, v in expected.items() if v}, question.id
    assert sum(map(len, expected.values())) > 0


def test_a_transcript_imported_after_the_guide_has_its_questions_found(held_out, tmp_path):
    db, truth, folder = held_out
    source = next(p for p in sorted(transcripts.transcript_files([folder])) if p.suffix == ".vtt")
    text = source.read_text(encoding="utf-8").replace("Ja, dat is prima, hoor.", "Ja, dat is goed, hoor.")
    (tmp_path / "interview-99.vtt").write_text(text, encoding="utf-8")
    (outcome,) = transcripts.import_paths(db, [tmp_path / "interview-99.vtt"], replace=False, coder="tester")
    assert outcome.status == "imported"
    found = {r.question for r in guide.coverage(db, "interview-99") if r.turn is not None}
    assert set(truth[source.stem]) - found <= {"22", "a", "10"}  # the paraphrases it misses elsewhere, at most
    assert len(found) >= len(truth[source.stem]) - 2


def test_a_replaced_transcript_keeps_the_questions_coders_set_on_it(held_out, tmp_path):
    """A corrected transcript imported with --replace lost every link a coder had set (turns are made anew
    and their links went with them); the coders' links follow their turns as codings and memos do."""
    db, _, folder = held_out
    source = next(p for p in sorted(transcripts.transcript_files([folder])) if p.suffix == ".vtt")
    name = source.stem
    found = next(r for r in guide.coverage(db, name) if r.question == "3" and r.turn is not None)
    guide.set_question(db, "anna", name, found.turn, None)  # "that is no question"
    guide.set_question(db, "anna", name, found.turn + 2, "3")  # ... this one is
    corrected = tmp_path / source.name
    corrected.write_text("WEBVTT\n\n00:00:00.000 --> 00:00:01.000\n<v Iris>Goedemorgen allemaal.</v>\n\n"
                         + source.read_text(encoding="utf-8").removeprefix("WEBVTT").lstrip("\n"), encoding="utf-8")
    (outcome,) = transcripts.import_paths(db, [corrected], replace=True, coder="tester")
    assert outcome.status == "replaced"
    turns = transcripts.show_transcript(db, name).turns
    assert [t.index for t in turns if t.asks == "3"] == [found.turn + 3]  # a turn was put in front
    assert turns[found.turn + 1].asks is None  # the turn the coder cleared stays cleared


def test_a_question_link_whose_turn_is_gone_after_a_replace_is_kept_in_the_transcripts_memo(db, tmp_path):
    """Where the corrected text no longer has the turn a coder linked, the link is written down, not lost."""
    guide.import_guide(db, GUIDE_FILE)
    first = "Iris   0:01\nHoe kijk je terug op de opleiding?\n\nRuben   0:05\nGoed, vooral de stages.\n"
    (tmp_path / "kort.txt").write_text(first, encoding="utf-8")
    transcripts.import_paths(db, [tmp_path / "kort.txt"], replace=False, coder="tester")
    guide.set_question(db, "anna", "kort", 0, "3")
    (tmp_path / "kort.txt").write_text(first.replace("Hoe kijk je terug op de opleiding?", "Zullen we beginnen?"),
                                       encoding="utf-8")
    transcripts.import_paths(db, [tmp_path / "kort.txt"], replace=True, coder="tester")
    detail = transcripts.show_transcript(db, "kort")
    assert detail.turns[0].asks != "3"
    assert "[question link kept on replace] anna: 'Hoe kijk je terug op de opleiding?' asks 3" in detail.memo


def test_a_guide_import_stopped_halfway_changes_nothing(held_out, tmp_path, monkeypatch):
    """The questions were committed before they were looked for in the transcripts: a process stopped then
    (killed, or the server gone) left a guide without its links. Now it is one transaction."""
    from tests.conftest import dump

    db, _, _ = held_out
    before = dump(db)
    changed = tmp_path / "guide.md"
    changed.write_text(GUIDE_FILE.read_text(encoding="utf-8").replace("?", "? (anders)", 3), encoding="utf-8")

    def stopped(*_args, **_kwargs):
        raise KeyboardInterrupt  # as a process is stopped: between storing the questions and their links

    monkeypatch.setattr(guide, "_store_links", stopped)
    with pytest.raises(KeyboardInterrupt):
        guide.import_guide(db, changed)
    assert dump(db) == before
