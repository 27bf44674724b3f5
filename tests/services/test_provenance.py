"""What a report's counts rest on: its coders and codings by how they were made, only reviewed codings, only
codings two coders agree on (each against a recount: the same report after the other codings are deleted)."""

from sqlalchemy import select

from workbench.core.models import Coder, Coding
from workbench.services import codings, transcripts
from workbench.services.coding_writer import CodingWriter
from workbench.services.frequencies import frequencies

CODE = "Studenten > Belemmeringen studenten > Studievertraging"
OTHER = "Medewerkers > Belemmeringen medewerkers > Geen tijd"
UNITS = ("respondent", "institution", "quotation")


def roles(db, name):
    return [(t.start, t.end, t.role) for t in transcripts.show_transcript(db, name).turns]


def on_respondents(db, found):
    """The codings that touch a respondent's turn (those a report counts)."""
    turns = {name: roles(db, name) for name in {c.transcript for c in found}}
    return [c for c in found if any(role == "respondent" and s < c.end and c.start < e
                                    for s, e, role in turns[c.transcript])]


def reports(db, **basis):
    return {unit: frequencies(db, unit, "programme", **basis).rows for unit in UNITS}


def keep_only(db, kept):
    """Delete every coding but those kept (by GUID), through the one writer of codings."""
    with db.write() as session:
        for coder in session.scalars(select(Coder)).all():
            drop = session.scalars(select(Coding.id).where(Coding.coder_id == coder.id,
                                                           Coding.guid.not_in(kept))).all()
            CodingWriter(session, coder).delete(list(drop), "deleted")


def respondent_turn(db, name, n):
    return [t for t in transcripts.show_transcript(db, name).turns if t.role == "respondent"][n]


def test_a_report_names_its_coders_and_how_its_codings_were_made(sample_db):
    codings.code_turn(sample_db, "anna", "interview-03", respondent_turn(sample_db, "interview-03", 2).index, OTHER)
    interviewer = next(t for t in transcripts.show_transcript(sample_db, "interview-03").turns
                       if t.role == "interviewer")
    codings.code_turn(sample_db, "anna", "interview-03", interviewer.index, OTHER)  # on no respondent: not counted
    autocodes = on_respondents(sample_db, codings.list_codings(sample_db, coder="autocoder"))
    source = frequencies(sample_db).provenance
    assert (source.coders, source.manual, source.autocode, source.confirmed) == (("anna", "autocoder"), 1,
                                                                                len(autocodes), 0)
    assert source.codings == len(autocodes) + 1
    assert f"{len(autocodes)} autocodes not reviewed" in source.text and "1 by hand" in source.text
    assert frequencies(sample_db, coders=["anna"]).provenance.coders == ("anna",)


def test_reviewed_counts_what_a_person_made_or_kept_as_the_study_without_the_rest_counts(sample_db):
    assert not any(row.count for row in frequencies(sample_db, reviewed=True).rows)  # nothing reviewed yet
    n = codings.confirm_autocodes(sample_db, "lead", code_path="Studenten")
    n += codings.confirm_autocodes(sample_db, "lead", transcript="interview-02")
    codings.code_turn(sample_db, "anna", "interview-04", respondent_turn(sample_db, "interview-04", 1).index, OTHER)
    found = codings.list_codings(sample_db)
    kept = [c for c in found if c.origin != "autocode" or c.confirmed_by == "lead"]
    assert n == len(kept) - 1 and n and len(kept) < len(found)
    reviewed = reports(sample_db, reviewed=True)
    source = frequencies(sample_db, reviewed=True).provenance
    assert (source.confirmed, source.manual, source.autocode) == (len(on_respondents(sample_db, kept)) - 1, 1, 0)
    assert "only reviewed codings" in source.text
    keep_only(sample_db, [c.guid for c in kept])
    assert reviewed == reports(sample_db)  # the recount


def test_consensus_counts_the_codings_another_coder_overlaps_as_the_study_without_the_rest_counts(sample_db):
    name = codings.list_codings(sample_db, code_path=CODE)[0].transcript
    autocoded = [c for c in codings.list_codings(sample_db, name, CODE)]
    turns = [t for t in transcripts.show_transcript(sample_db, name).turns if t.role == "respondent"]
    agreed = next(t for t in turns if any(t.start <= c.start < t.end for c in autocoded))
    alone = next(t for t in turns if not any(t.start <= c.start < t.end for c in autocoded))
    codings.code_turn(sample_db, "bea", name, agreed.index, CODE)  # overlaps an autocode
    codings.code_turn(sample_db, "bea", name, alone.index, CODE)  # overlaps nobody's
    codings.code_turn(sample_db, "anna", name, agreed.index, OTHER)  # another code: no agreement
    found = codings.list_codings(sample_db)
    kept = [c for c in found if any(o.coder != c.coder and o.code_path == c.code_path and o.transcript ==
                                    c.transcript and o.start < c.end and c.start < o.end for o in found)]
    assert {c.coder for c in kept} == {"autocoder", "bea"} and len(kept) >= 2
    agreed_counts = reports(sample_db, consensus=True)
    source = frequencies(sample_db, consensus=True).provenance
    assert source.codings == len(on_respondents(sample_db, kept)) and source.coders == ("autocoder", "bea")
    keep_only(sample_db, [c.guid for c in kept])
    assert agreed_counts == reports(sample_db)


def test_a_confirmation_is_withdrawn_and_an_undone_deletion_brings_it_back(sample_db):
    name = codings.list_codings(sample_db, code_path=CODE)[0].transcript
    n = codings.confirm_autocodes(sample_db, "lead", transcript=name, code_path=CODE)
    assert n and codings.confirm_autocodes(sample_db, "lead", transcript=name, code_path=CODE) == 0
    view = next(c for c in codings.list_codings(sample_db, name, CODE) if c.confirmed_by == "lead")
    codings.delete_coding(sample_db, "autocoder", view.guid)
    codings.swap(sample_db, "autocoder", None, view, "undo")
    assert next(c for c in codings.list_codings(sample_db, name, CODE) if c.guid == view.guid).confirmed_by == "lead"
    assert codings.confirm_autocodes(sample_db, "lead", transcript=name, withdraw=True) == n
    assert not [c for c in codings.list_codings(sample_db) if c.confirmed_by]
