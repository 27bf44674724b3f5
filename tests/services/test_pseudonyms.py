"""Pseudonyms both ways on the sample study: people and institutions masked as names, never words; institutions
named by pseudonym in every report by institution; quotes attributed as asked, small groups warned of."""

import csv
import re
import zipfile

import docx
from sqlalchemy import select

from tests.conftest import SAMPLE
from workbench.core.models import Coding, Institution, Speaker, SpeakerAlias
from workbench.reports.excel import frequency_xlsx
from workbench.reports.frequency_text import render
from workbench.reports.word import frequency_docx, quotes_docx
from workbench.services import exchange, participants, quotes
from workbench.services.frequencies import frequencies
from workbench.services.matrices import code_document_matrix, respondent_matrix

PLACEHOLDER = re.compile(r"\[naam\]|\[instelling\]")


def _institutions():
    with open(SAMPLE / "participants.csv", encoding="utf-8") as handle:
        return {row["institution"] for row in csv.DictReader(handle) if row["institution"]}


def _masked_originals(masked: str, original: str):
    """Where the placeholders of a masked quote stand in the original: (start, end) of each."""
    pieces = PLACEHOLDER.split(masked)
    pattern = "(.+?)".join(re.escape(piece) for piece in pieces)
    match = re.fullmatch(pattern, original, re.DOTALL)
    assert match, (masked, original)
    return [match.span(i) for i in range(1, len(pieces))]


def test_the_sample_studys_quotes_hold_no_false_mask(sample_db):
    """All 16 masks in 1,495 quotes were false: 'in [instelling]-Afrika' (Zuid of Hogeschool Randstad-Zuid),
    'vier [instelling]' (landen, of Universiteit Lage Landen)."""
    with sample_db.read() as session:
        raw = {c.guid: c.quote for c in session.scalars(select(Coding))}
        names = {" ".join(n.split()).casefold() for n in [
            *session.scalars(select(Speaker.label).where(Speaker.participant_id.is_not(None))),
            *session.scalars(select(SpeakerAlias.label)), *session.scalars(select(Institution.name))]}
    parts = {p for name in names for p in re.split(r"[\s(),-]+", name) if len(p) >= 3}
    found = quotes.quotes(sample_db)
    assert len(found) > 1000
    for quote in found:
        original = raw[quote.guid]
        for start, end in _masked_originals(quote.text, original):
            said = re.sub(r"(['’]s|s|['’])$", "", original[start:end])
            assert said.casefold() in names | parts, (said, original)  # a registered name ...
            assert " " in said or said[0].isupper(), (said, original)  # ... written as a name
            assert original[start - 1 : start] != "-" and original[end : end + 1] != "-", (said, original)


def test_reports_by_institution_name_institutions_by_pseudonym_unless_asked(sample_db, tmp_path):
    """The table, Markdown and Word reports by institution had the real names as column headers and headings,
    right above the line saying names were replaced."""
    real = _institutions()
    report = frequencies(sample_db, "respondent", "institution")
    assert set(report.groups) == {f"Institution {letter}" for letter in "ABCDEFGHIJKLMNOPQ"[: len(real)]}
    frequency_docx(report, {}, tmp_path / "r.docx")
    frequency_xlsx([report], code_document_matrix(sample_db), respondent_matrix(sample_db), [], tmp_path / "r.xlsx")
    document = docx.Document(str(tmp_path / "r.docx"))
    word = "\n".join([p.text for p in document.paragraphs]
                     + [c.text for t in document.tables for row in t.rows for c in row.cells])
    with zipfile.ZipFile(tmp_path / "r.xlsx") as book:
        excel = "".join(book.read(n).decode("utf-8") for n in book.namelist() if n.endswith(".xml"))
    for text in (render(report, "table"), render(report, "csv"), render(report, "json"), word, excel):
        assert "Institution A" in text and not any(name in text for name in real)
    assert not any(name in render(report, "md") for name in real)
    shown = frequencies(sample_db, "respondent", "institution", real_names=True)
    assert set(shown.groups) == real and any("not anonymous" in note for note in shown.notes)
    counts = {(r.path, r.group): r.count for r in report.rows}
    assert sorted(counts.values()) == sorted(r.count for r in shown.rows)  # named otherwise, counted the same


def test_the_registrys_institution_pseudonym_is_used_and_kept_apart(sample_db, tmp_path):
    (tmp_path / "p.csv").write_text(
        "transcript,speaker,respondent,role,institution,programme,institution_pseudonym\n"
        "interview-01,R1,R01,respondent,Hogeschool Noordkust,pabo,Hogeschool Noord\n", encoding="utf-8")
    participants.import_registry(sample_db, tmp_path / "p.csv")
    groups = frequencies(sample_db, "respondent", "institution").groups
    assert "Hogeschool Noord" in groups and "Hogeschool Noordkust" not in groups
    assert "Institution A" not in groups or len(set(groups)) == len(groups)
    (tmp_path / "q.csv").write_text(
        "transcript,speaker,respondent,role,institution,programme,institution_pseudonym\n"
        "interview-02,R1,R03,respondent,Universiteit Lage Landen,pabo,Hogeschool Noord\n", encoding="utf-8")
    import pytest

    from workbench.errors import WorkbenchError

    with pytest.raises(WorkbenchError, match="line 2: institution pseudonym 'Hogeschool Noord' is that of another"):
        participants.import_registry(sample_db, tmp_path / "q.csv")


def test_an_export_names_institutions_by_pseudonym(sample_db, tmp_path):
    exchange.export_project(sample_db, tmp_path / "s.qdpx", "S")
    with zipfile.ZipFile(tmp_path / "s.qdpx") as archive:
        project = archive.read("project.qde").decode("utf-8")
    cases = re.findall(r'name="institution"[^>]*>\s*<VariableValue>\s*<TextValue>([^<]*)', project)
    values = set(re.findall(r"<TextValue>([^<]*)</TextValue>", project))
    assert not values & _institutions()
    assert any(v.startswith("Institution ") for v in values), cases
    with zipfile.ZipFile(tmp_path / "s.qdpx") as archive:  # a speaker nobody registered: 'Gast (Hogeschool ...)'
        sources = "".join(archive.read(n).decode("utf-8") for n in archive.namelist() if n.startswith("sources/"))
    assert "Gast ([instelling])   0:13" in sources
    assert not any(name in sources for name in _institutions())


def test_quotes_are_attributed_as_asked_and_a_small_programme_is_warned_of(sample_db, tmp_path):
    """The only KVDO respondent, and the only one in both pabo and tweedegraads, were named by programme on
    every quote, and nothing warned."""
    found = quotes.quotes(sample_db)
    notes = quotes.small_group_notes(sample_db, (q.programmes for q in found), "pseudonym+programme", 3)
    assert len(notes) == 1 and "(ALO: 2, KVDO: 1, pabo + tweedegraads: 1)" in notes[0]
    found = [q for q in found if q.code_path.startswith("Studenten")]
    assert quotes.small_group_notes(sample_db, (q.programmes for q in found), "pseudonym", 3) == []
    for attribution, shows_pseudonym, shows_programme in [("none", False, False), ("programme", False, True),
                                                          ("pseudonym", True, False)]:
        quotes_docx("Studenten", [quotes.attributed(q, attribution) for q in found[:20]], tmp_path / "q.docx", None)
        lines = [p.text for p in docx.Document(str(tmp_path / "q.docx")).paragraphs if p.text.startswith("— ")]
        assert len(lines) == 20
        assert all((q.respondent in line) == shows_pseudonym for q, line in zip(found, lines)), (attribution, lines)
        assert all((q.programmes[0] in line) == shows_programme for q, line in zip(found, lines)), (attribution, lines)
        assert all((f"({q.source}, " in line) == shows_pseudonym for q, line in zip(found, lines))  # the interview
