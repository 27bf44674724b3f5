"""The participants registry's rules: reading the CSV, merging rows, labels, interviewers, resolution."""

import pytest
from hypothesis import given
from hypothesis import strategies as st

from workbench.core.registry import (
    RegistryRow,
    labels,
    name_interviewers,
    parse_registry,
    participant_of,
    people,
)
from workbench.errors import WorkbenchError

HEADER = "transcript,speaker,respondent,role,institution,programme\n"


def row(line=2, transcript="", speaker="Bram", pseudonym="R01", role="respondent", institution="", programmes=()):
    return RegistryRow(line, transcript, speaker, pseudonym, role, institution, programmes)


def refused(call, *args) -> str:
    with pytest.raises(WorkbenchError) as caught:
        call(*args)
    return str(caught.value)


@pytest.mark.parametrize("delimiter", [",", ";", "\t"])
def test_rows_in_any_delimiter_with_their_line_numbers(delimiter):
    text = HEADER.replace(",", delimiter) + delimiter.join(
        ["int1", " Bram   van  Dijk ", "R01", "Respondent", "Hogeschool A", "\"pabo; ALO;pabo\""]) + "\n\n" + \
        delimiter.join(["", "Anouk", "", "interviewer", "", ""]) + "\n"
    assert parse_registry(text) == [
        RegistryRow(2, "int1", "Bram van Dijk", "R01", "respondent", "Hogeschool A", ("pabo", "ALO")),
        RegistryRow(4, "", "Anouk", "", "interviewer", "", ()),
    ]


def test_columns_in_any_order_and_short_rows():
    text = "Role,Speaker,Respondent,Transcript,Programme,Institution,extra\ninterviewer,Anouk\n"
    assert parse_registry(text) == [RegistryRow(2, "", "Anouk", "", "interviewer", "", ())]


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("  \n", "the CSV is empty"),
        ("speaker,respondent\n", "line 1: missing column(s) transcript, role, institution, programme "
                                 "(need transcript,speaker,respondent,role,institution,programme)"),
        (HEADER + ",,R01,respondent,,\n", "line 2: 'speaker' is empty"),
        (HEADER + ",Bram,R01,,,\n", "line 2: 'role' is empty"),
        (HEADER + ",Bram,R01,student,,\n", "line 2: role 'student' is not interviewer or respondent"),
        (HEADER + "\n,Bram,,respondent,,\n", "line 3: 'respondent' is empty (a respondent needs a pseudonym)"),
        (HEADER + ",Bram,R01,respondent,A\x07,\n", "line 2: 'institution' holds a control character ('A\\x07')"),
    ],
)
def test_a_bad_row_says_its_line(text, message):
    assert refused(parse_registry, text) == message


def test_rows_of_one_person_merge_and_conflicts_name_both_lines():
    merged = people([row(2), row(3, speaker="B.", institution="A"), row(4, programmes=("pabo",)),
                     row(5, institution="A", programmes=("pabo",))])
    assert merged == {"R01": row(2, institution="A", programmes=("pabo",))}
    assert refused(people, [row(2, institution="A"), row(7, institution="B")]) == \
        "line 7: R01 has institution 'B' here but 'A' on line 2"
    assert refused(people, [row(2, programmes=("a", "b")), row(3, programmes=("c",))]) == \
        "line 3: R01 has programme 'c' here but 'a;b' on line 2"
    assert refused(people, [row(2), row(3, role="interviewer")]) == \
        "line 3: R01 has role 'interviewer' here but 'respondent' on line 2"
    assert refused(people, [row(0, institution="A"), row(0, institution="B")]) == \
        "R01 has institution 'B' here but 'A' on line 0"
    assert set(people([row(2), row(3, pseudonym="R02")])) == {"R01", "R02"}


def test_labels_per_transcript_or_global_any_case():
    transcripts = {"int1": 1, "int2": 2}
    found = labels([row(2, "int1", "Bram"), row(3, "", "BRAM", "R02"), row(4, "int2", "bram", "R03"),
                    row(5, "int1", "bram")], transcripts)
    assert {key: r.pseudonym for key, r in found.items()} == {(1, "bram"): "R01", (None, "bram"): "R02",
                                                              (2, "bram"): "R03"}
    assert found[(1, "bram")].line == 5
    assert refused(labels, [row(2, "int1", "Bram"), row(3, "int1", "bram", "R02")], transcripts) == \
        "line 3: speaker 'bram' is R01 on line 2 and R02 here"
    assert refused(labels, [row(2, "nope")], transcripts) == "line 2: unknown transcript 'nope'"
    assert refused(labels, [row(0, "nope")], transcripts) == "unknown transcript 'nope'"


def test_a_transcripts_own_label_wins_over_a_global_one():
    aliases = {(1, "bram"): 10, (None, "bram"): 20, (None, "anouk"): 30}
    assert participant_of(1, "Bram", aliases) == 10
    assert participant_of(2, "BRAM", aliases) == 20
    assert participant_of(1, "Anouk", aliases) == 30
    assert participant_of(1, "Chantal", aliases) is None


def test_interviewers_get_the_pseudonym_their_label_has_else_the_first_free_one():
    transcripts = {"int1": 1, "int2": 2}
    rows = [row(2, "int1", "Anouk", "", "interviewer"), row(3, "int2", "anouk", "", "interviewer"),
            row(4, "int1", "Bram", "I2", "interviewer"), row(5, "", "Chantal", "", "interviewer"),
            row(6, "int2", "Daan", "", "interviewer"), row(7, "int2", "Eva", "R05")]
    known = {(2, "daan"): "I7", (None, "chantal"): "I9"}
    named = name_interviewers(rows, transcripts, known, taken={"I1"})
    assert [r.pseudonym for r in named] == ["I3", "I4", "I2", "I9", "I7", "R05"]
    again = name_interviewers([r for r in rows if r.line == 3], transcripts, {(2, "anouk"): "I4"}, taken={"I1", "I4"})
    assert [r.pseudonym for r in again] == ["I4"]
    assert name_interviewers([row(2, "int1", "Ed", "", "interviewer")], transcripts, {(None, "ed"): "I5"},
                             taken=())[0].pseudonym == "I5"


@given(st.lists(st.tuples(st.sampled_from(["", "int1", "int2"]), st.sampled_from(["Anouk", "anouk", "Bram", "Cas"]),
                          st.sampled_from(["", "", "I1", "R2"])), max_size=8),
       st.sets(st.sampled_from(["I1", "I2", "I3", "R1"])))
def test_generated_pseudonyms_are_free_and_the_same_for_one_label(specs, taken):
    rows = [row(n, transcript, speaker, pseudonym, "interviewer") for n, (transcript, speaker, pseudonym) in
            enumerate(specs, 2)]
    named = name_interviewers(rows, {"int1": 1, "int2": 2}, {}, taken)
    given_ones = {r.pseudonym for r in rows}
    made = {(r.transcript, r.speaker.casefold()): n.pseudonym for r, n in zip(rows, named) if not r.pseudonym}
    assert all(n.pseudonym for n in named)
    assert not set(made.values()) & (taken | given_ones)
    for r, n in zip(rows, named):
        if not r.pseudonym:
            assert n.pseudonym == made[(r.transcript, r.speaker.casefold())]
