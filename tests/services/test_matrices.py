"""The matrices a lead checks counts against, each recounted: respondents x codes against the frequency report
(a code's count in a programme is its rows above 0), codes x documents against the listed codings."""

from sqlalchemy import select

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
