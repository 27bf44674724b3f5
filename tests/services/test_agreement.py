"""Agreement and disagreements on the sample study, two coders coding one transcript."""

from sklearn.metrics import cohen_kappa_score

from workbench.services import agreement, codings, transcripts

DELAY = "Studenten > Belemmeringen studenten > Studievertraging"
MONEY = "Studenten > Belemmeringen studenten > Financiële redenen"


def respondent_turns(db, name="interview-01"):
    return [t for t in transcripts.show_transcript(db, name).turns if t.role == "respondent"]


def test_two_coders_on_one_transcript(sample_db):
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
