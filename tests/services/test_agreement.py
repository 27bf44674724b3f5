"""Agreement and disagreements on the sample study, two coders coding one transcript."""

import math
import random
from types import SimpleNamespace

import pytest

from workbench.errors import WorkbenchError
from workbench.services import agreement, codebook, codings, transcripts

DELAY = "Studenten > Belemmeringen studenten > Studievertraging"
MONEY = "Studenten > Belemmeringen studenten > Financiële redenen"


def respondent_turns(db, name="interview-01"):
    return [t for t in transcripts.show_transcript(db, name).turns if t.role == "respondent"]


def test_two_coders_on_one_transcript(sample_db):
    from sklearn.metrics import cohen_kappa_score  # 2 s to load: only in the test that asks it

    turns = respondent_turns(sample_db)
    a, b, c = turns[1], turns[2], turns[3]
    for coder, turn in (("anna", a), ("anna", b), ("bea", a), ("bea", c)):
        codings.code_turn(sample_db, coder, "interview-01", turn.index, DELAY)
    codings.add_coding(sample_db, "bea", "interview-01", MONEY, a.start, a.start + 10)  # inside turn a

    rows = {r.code_path: r for r in agreement.agreement(sample_db, ["anna", "bea"])}
    delay = rows[DELAY]
    assert delay.units == len(turns)  # compared: only the units both coders coded (interview-01's)
    anna = [int(t in (a, b)) for t in turns]
    bea = [int(t in (a, c)) for t in turns]
    assert delay.coded_units == 3
    assert delay.percent == sum(x == y for x, y in zip(anna, bea)) / len(turns)  # only interview-01 is pairable
    assert abs(delay.kappa - cohen_kappa_score(anna, bea)) < 1e-9
    parent = rows["Studenten > Belemmeringen studenten"]  # subcodes count for their parent
    assert parent.coded_units == 3

    found = agreement.disagreements(sample_db, ["anna", "bea"], DELAY)
    assert [(d.turn, d.coded_by, d.not_coded_by) for d in found] == [(b.index, ("anna",), ("bea",)),
                                                                      (c.index, ("bea",), ("anna",))]
    money = agreement.disagreements(sample_db, ["anna", "bea"], MONEY)
    assert [(d.turn, d.coded_by) for d in money] == [(a.index, ("bea",))]

    overall = rows[agreement.OVERALL]  # over units: a unit agrees when both gave it the same codes
    anna_sets = [frozenset({DELAY}) if t in (a, b) else frozenset() for t in turns]
    bea_sets = [frozenset({DELAY, MONEY}) if t is a else frozenset({DELAY}) if t is c else frozenset()
                for t in turns]
    assert overall.units == len(turns) and overall.coded_units == 3
    assert overall.percent == sum(x == y for x, y in zip(anna_sets, bea_sets)) / len(turns)
    assert abs(overall.kappa - cohen_kappa_score([str(sorted(x)) for x in anna_sets],
                                                 [str(sorted(y)) for y in bea_sets])) < 1e-9


def test_a_parent_code_row_only_when_no_subcode_explains_it(sample_db):
    turns = respondent_turns(sample_db)
    codings.code_turn(sample_db, "anna", "interview-01", turns[0].index, DELAY)
    codings.code_turn(sample_db, "bea", "interview-01", turns[0].index, MONEY)
    codings.code_turn(sample_db, "bea", "interview-01", turns[1].index, DELAY)
    found = agreement.disagreements(sample_db, ["anna", "bea"])
    assert sorted((d.turn, d.code_path) for d in found) == sorted([
        (turns[0].index, DELAY), (turns[0].index, MONEY), (turns[1].index, DELAY)])
    # asked about the parent code alone, its row is the one that says where they differ
    found = agreement.disagreements(sample_db, ["anna", "bea"], "Studenten > Belemmeringen studenten")
    assert [d.turn for d in found] == [turns[1].index]


def test_sentence_units_split_respondent_turns(sample_db):
    turn = max(respondent_turns(sample_db), key=lambda t: len(t.text))
    codings.add_coding(sample_db, "anna", "interview-01", DELAY, turn.start, turn.start + 5)
    codings.add_coding(sample_db, "bea", "interview-01", DELAY, turn.end - 5, turn.end)
    by_turn = agreement.disagreements(sample_db, ["anna", "bea"], DELAY, unit="turn")
    by_sentence = agreement.disagreements(sample_db, ["anna", "bea"], DELAY, unit="sentence")
    assert by_turn == []  # both coded the turn
    assert len(by_sentence) == 2 and {d.coded_by for d in by_sentence} == {("anna",), ("bea",)}


def test_a_coding_that_ends_where_a_sentence_starts_is_not_on_that_sentence(sample_db):
    from workbench.core.spans import sentences

    detail = transcripts.show_transcript(sample_db, "interview-01")
    turn = next(t for t in respondent_turns(sample_db) if len(sentences(detail.text, t.start, t.end)) >= 2)
    (s1, e1), (s2, e2) = sentences(detail.text, turn.start, turn.end)[:2]
    codings.add_coding(sample_db, "anna", "interview-01", DELAY, s1, s2)  # up to the second sentence's start
    codings.add_coding(sample_db, "bea", "interview-01", DELAY, s2, e2)  # from the end of anna's
    found = {(d.start, d.coded_by, d.not_coded_by) for d in
             agreement.disagreements(sample_db, ["anna", "bea"], DELAY, unit="sentence")}
    assert found == {(s1, ("anna",), ("bea",)), (s2, ("bea",), ("anna",))}


def dense(db, coders, unit):
    """The figures and disagreements as the first version worked them out: every unit by every code by every
    coder, row by row (the oracle for the sparse, tallied reading of a study of a hundred thousand turns)."""
    from sqlalchemy import select

    from workbench.core import agreement as measures
    from workbench.core.models import Coding
    from workbench.core.spans import sentences
    from workbench.services.lookup import CodeTree, coder_ids, respondent_turns

    with db.read() as session:
        ids = dict(zip(coders, coder_ids(session, coders)))
        tree = CodeTree(session)
        units = [SimpleNamespace(transcript_id=t.transcript_id, transcript=t.transcript, start=a, end=b)
                 for t in respondent_turns(session)
                 for a, b in (sentences(t.transcript_text, t.start, t.end) if unit == "sentence" else [(t.start, t.end)])]
        codings_ = session.execute(select(Coding.coder_id, Coding.transcript_id, Coding.code_id, Coding.start,
                                          Coding.end)).all()
        codes = [c for c, _ in tree.walk()]
        subtree = {c: set(tree.subtree(c)) for c in codes}
        paths = {c: tree.path(c) for c in codes}
    coded: dict[tuple[int, int], list] = {}  # (coder, transcript) -> its codings, each looked at for every unit
    for c, t, code, s, e in codings_:
        coded.setdefault((c, t), []).append((code, s, e))
    on = [[None if (ids[n], u.transcript_id) not in coded else
           {code for code, s, e in coded[ids[n], u.transcript_id] if s < u.end and u.start < e}
           for n in coders] for u in units]
    figures = {}
    for code in codes:
        rows = [[None if f is None else int(not f.isdisjoint(subtree[code])) for f in row] for row in on]
        figures[paths[code]] = (measures.percent_agreement(rows), measures.krippendorff_alpha(rows),
                                measures.cohen_kappa([r[0] for r in rows], [r[1] for r in rows]))
        figures[paths[code], "differ"] = [i for i, r in enumerate(rows) if len({v for v in r if v is not None}) > 1]
    everything = [[None if f is None else frozenset(f) for f in row] for row in on]
    figures["overall"] = (measures.percent_agreement(everything), measures.krippendorff_alpha(everything),
                          measures.cohen_kappa([r[0] for r in everything], [r[1] for r in everything]))
    return units, figures


@pytest.mark.parametrize("seed", [1, 2, 3])
@pytest.mark.parametrize("unit", ["turn", "sentence"])
def test_the_sparse_reading_gives_every_figure_and_disagreement_the_dense_one_gives(sample_db, seed, unit):
    """Random codings by two coders, parents and subcodes, across turn borders, one transcript coded by one of
    them only: the same percent, alpha and kappa per code and overall, and a disagreement on every unit and
    code where they differ (a parent's left out where a subcode says it)."""
    rng = random.Random(seed)
    paths = [c.path for c in codebook.show_codebook(sample_db, counted=False)][:25]
    for name in ("interview-01", "interview-02", "interview-03"):
        text = transcripts.show_transcript(sample_db, name).text
        for coder in ("anna", "bea") if name != "interview-03" else ("anna",):
            for _ in range(40):
                start = rng.randrange(len(text) - 400)
                try:
                    codings.add_coding(sample_db, coder, name, rng.choice(paths), start, start + rng.randrange(5, 400))
                except WorkbenchError:  # a code that only groups others cannot be applied
                    pass
    figures, found = agreement.compare(sample_db, ["anna", "bea"], unit=unit)
    units, expected = dense(sample_db, ["anna", "bea"], unit)

    def same(a, b):
        return a is b is None or (a is not None and b is not None and math.isclose(a, b, abs_tol=1e-9))

    for row in figures:
        key = "overall" if row.code_path == agreement._(agreement.OVERALL) else row.code_path
        assert all(same(x, y) for x, y in zip((row.percent, row.alpha, row.kappa), expected[key])), row
    differing = {(units[i].transcript, units[i].start, path) for (path, tag), rows in
                 ((k, v) for k, v in expected.items() if isinstance(k, tuple)) for i in rows}
    said = {(d.transcript, d.start, d.code_path) for d in found}
    assert said <= differing and len(found) > 10
    for transcript, start, path in differing - said:  # left out: a subcode of it differs on that unit
        assert any((transcript, start, other) in said and other.startswith(path + " > ") for other in
                   {p for _, _, p in said})
