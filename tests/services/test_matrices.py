"""The matrices a lead checks counts against, each recounted: respondents x codes against the frequency report
(a code's count in a programme is its rows above 0), codes x documents against the listed codings."""

import random
from collections import Counter

from sqlalchemy import select

from bench.corpus import add_codings_over_turns, add_random_codings
from workbench.core.counting import TOTAL
from workbench.core.models import Participant
from workbench.services import codings, transcripts
from workbench.services.frequencies import frequencies
from workbench.services.matrices import code_document_matrix, respondent_matrix

CODE = "Studenten > Belemmeringen studenten > Studievertraging"


def test_every_count_of_the_frequency_report_is_the_rows_of_the_respondent_matrix_above_zero(sample_db):
    with sample_db.write() as session:  # a variable, as a REFI-QDA project or the registry brings it
        first = session.scalars(select(Participant).where(Participant.role == "respondent")
                                .order_by(Participant.pseudonym)).first()
        first.variables = {"leeftijd": ["integer", 41]}
        pseudonym = first.pseudonym
    codings.confirm_autocodes(sample_db, "lead", code_path="Studenten")
    for basis in ({}, {"reviewed": True}):
        matrix = respondent_matrix(sample_db, **basis)
        report = frequencies(sample_db, "respondent", "programme", **basis)
        assert matrix.codes == tuple(dict.fromkeys(row.path for row in report.rows))
        assert matrix.provenance == report.provenance
        for row in report.rows:
            rows = [r for r in matrix.rows if row.group == TOTAL or row.group in r.programmes]
            assert sum(1 for r in rows if r.counts[row.path]) == row.count, (row.path, row.group, basis)
    assert matrix.variables == ("leeftijd",)
    assert next(r for r in matrix.rows if r.respondent == pseudonym).variables == {"leeftijd": "41"}
    assert all(r.interviews for r in matrix.rows)


def test_each_cell_of_the_respondent_matrix_is_the_codings_of_its_code_and_subcodes_on_the_respondents_turns(
        sample_db):
    """Recounted from the codings' spans and the respondents' turns: a coding over several turns of one
    respondent is one coding, one over turns of two respondents counts for each."""
    rng = random.Random(5)
    add_random_codings(sample_db, 800, rng)
    add_codings_over_turns(sample_db, 300, rng)
    codings.confirm_autocodes(sample_db, "lead", code_path="Studenten")
    found = codings.list_codings(sample_db)
    turns = {name: [(t.start, t.end, t.respondent) for t in transcripts.show_transcript(sample_db, name).turns
                    if t.respondent and t.role == "respondent"] for name in {c.transcript for c in found}}
    for basis in ({}, {"coders": ["spreader"]}, {"reviewed": True}):
        matrix = respondent_matrix(sample_db, **basis)
        counted = [c for c in found if c.coder in basis.get("coders", [c.coder])
                   and (not basis.get("reviewed") or c.origin != "autocode" or c.confirmed_by)]
        expected = Counter()
        for c in counted:
            for who in {who for start, end, who in turns[c.transcript] if start < c.end and c.start < end}:
                for path in matrix.codes:
                    if c.code_path == path or c.code_path.startswith(path + " > "):
                        expected[(who, path)] += 1
        cells = Counter({(row.respondent, path): n for row in matrix.rows for path, n in row.counts.items() if n})
        assert cells == expected and len(cells) > 100, basis


def test_codes_by_documents_sum_the_subcodes_and_split_an_interview_of_two_respondents(sample_db):
    matrix = code_document_matrix(sample_db)
    found = codings.list_codings(sample_db)
    split = [d for d in matrix.documents if " · " in d]
    assert split and all(d.split(" · ")[0] in matrix.documents for d in split)  # interview-01 and -13: a duo each
    for document in matrix.documents:
        name, _, who = document.partition(" · ")
        turns = [(t.start, t.end) for t in transcripts.show_transcript(sample_db, name).turns if t.respondent == who]
        for path in ("Studenten", "Studenten > Belemmeringen studenten", CODE):
            mine = [c for c in found if c.transcript == name and (c.code_path == path or c.code_path.startswith(
                path + " > ")) and (not who or any(s < c.end and c.start < e for s, e in turns))]
            assert matrix.counts.get((path, document), 0) == len(mine), (path, document)
