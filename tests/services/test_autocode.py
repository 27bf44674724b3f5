import re

import pytest

from tests.conftest import CODEBOOK, dump
from workbench.errors import WorkbenchError
from workbench.services import autocode, codebook, participants, quotes, transcripts

TEXT = ("Anouk   0:01\nIs studievertraging een thema?\n\nBram   0:05\nJa. Ze zijn bang voor studievertraging. "
        "Echt waar.\n\nAnouk   0:09\nOké.\n")
CODE = "Studenten > Belemmeringen studenten > Studievertraging"


@pytest.fixture
def loaded(db, tmp_path):
    (tmp_path / "t.txt").write_text(TEXT, encoding="utf-8")
    (tmp_path / "p.csv").write_text("transcript,speaker,respondent,role,institution,programme\n"
                                    ",Anouk,I1,interviewer,,\n,Bram,R01,respondent,A,pabo\n", encoding="utf-8")
    transcripts.import_paths(db, [tmp_path / "t.txt"], replace=False, coder="c")
    participants.import_registry(db, tmp_path / "p.csv")
    codebook.import_codebook(db, CODEBOOK, coder="lead")
    return db


@pytest.mark.parametrize(
    ("unit", "quotes"),
    [
        ("match", ["studievertraging", "studievertraging"]),
        ("sentence", ["Is studievertraging een thema?", "Ze zijn bang voor studievertraging."]),
        ("turn", ["Is studievertraging een thema?", "Ja. Ze zijn bang voor studievertraging. Echt waar."]),
    ],
)
def test_units(loaded, unit, quotes):
    outcome = autocode.autocode(loaded, "c", code_path=CODE, unit=unit)
    assert [h.quote for h in outcome.hits] == quotes


def test_role_filter_dry_run_and_idempotence(loaded):
    before = dump(loaded)
    dry = autocode.autocode(loaded, "c", code_path=CODE, role="respondent", dry_run=True)
    assert dump(loaded) == before and dry.created == 1
    first = autocode.autocode(loaded, "c", code_path=CODE, role="respondent")
    second = autocode.autocode(loaded, "c", code_path=CODE, role="respondent")
    assert (first.created, second.created, len(second.hits)) == (1, 0, 1)


def test_a_second_coder_autocodes_independently_of_the_first(loaded):
    """`--coder bram autocode` after another coder's said "created 0 coding(s), 129 already coded": the
    check ignored the coder, though each coder may code the same span (an independent second coding)."""
    first = autocode.autocode(loaded, "anouk", code_path=CODE)
    second = autocode.autocode(loaded, "bram", code_path=CODE)
    again = autocode.autocode(loaded, "bram", code_path=CODE)
    assert (first.created, second.created, again.created) == (2, 2, 0)
    assert [h.quote for h in second.hits] == [h.quote for h in first.hits]


@pytest.mark.parametrize(
    ("kwargs", "message"),
    [
        (dict(code_path="Studenten", pattern="x"), "only groups"),
        (dict(pattern="x"), "needs --code"),
        (dict(code_path=CODE, pattern="("), "bad pattern"),
        (dict(code_path="Nope", pattern="x"), "unknown code 'Nope'"),
        (dict(code_path=CODE, unit="paragraph"), "unit must be"),
        (dict(code_path=CODE, transcript="nope"), "unknown transcript"),
    ],
)
def test_bad_requests(loaded, kwargs, message):
    before = dump(loaded)
    with pytest.raises(WorkbenchError, match=message):
        autocode.autocode(loaded, "c", **kwargs)
    assert dump(loaded) == before


def test_a_pattern_that_backtracks_for_ever_is_refused_and_changes_nothing(loaded, tmp_path, monkeypatch):
    """re would run `(\\w|\\w\\w)*$` on one long word for longer than the universe; the budget stops it."""
    monkeypatch.setattr("workbench.core.patterns.REGEX_SECONDS", 0.5)
    (tmp_path / "long.txt").write_text(f"Anouk   0:01\nWat?\n\nBram   0:05\n{'ab' * 40}!\n", encoding="utf-8")
    transcripts.import_paths(loaded, [tmp_path / "long.txt"], replace=False, coder="c")
    before = dump(loaded)
    with pytest.raises(WorkbenchError, match=r"pattern '\(\\\\w\|\\\\w\\\\w\)\*\$' ran for more than .* s on one text "
                                             r"of \d+ characters \(catastrophic backtracking\?\); simplify it"):
        autocode.autocode(loaded, "c", code_path=CODE, pattern=r"(\w|\w\w)*$")
    assert dump(loaded) == before


def test_the_sample_s_job_titles_are_coded_functie_and_not_students_abroad(sample_db):
    """'coördinator van de uitwisselingen' was autocoded Studenten naar het buitenland (keyword
    uitwisseling*) as well as Functie, and counted there: the shipped codebook excludes the job title."""
    title = re.compile(r"coördinator\s+van\s+de\s+uitwisseling", re.I)
    abroad = quotes.quotes(sample_db, "Beelden bij collega's en management > Activiteiten waarover gesproken wordt "
                                      "> Studenten naar het buitenland")
    assert abroad and not [q.text for q in abroad if title.search(q.text) and q.text.count("uitwissel") == 1]
    assert [q for q in quotes.quotes(sample_db, "Functie en uren > Functie") if title.search(q.text)]
