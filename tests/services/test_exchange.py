"""REFI-QDA: .qdc and .qdpx out (schema-valid) and in (lenient), round trips, loss reported."""

import io
import zipfile
from datetime import datetime, timezone
from pathlib import Path

import pytest
import xmlschema
from sqlalchemy import select

from tests.conftest import CODEBOOK, ROOT, dump, rezip
from workbench.core.db import Database, resolve_url
from workbench.core.models import Code, Coding
from workbench.errors import WorkbenchError
from workbench.interop import refi_xml
from workbench.services import codebook, exchange, transcripts
from workbench.services.frequencies import frequencies
from workbench.services.quotes import anonymiser

REFI = ROOT / "tests" / "data" / "refi-qda"  # the standard's schemas, unchanged


@pytest.fixture(scope="module")
def schemas():
    return xmlschema.XMLSchema(str(REFI / "Project.xsd")), xmlschema.XMLSchema(str(REFI / "Codebook.xsd"))


def qde(path: Path) -> str:
    return zipfile.ZipFile(path).read("project.qde").decode("utf-8")


def state(db, masked_from=None):
    """Codes and codings as a comparable set, by GUID; quotes as an export shows them (people's registered
    names masked with masked_from's registry: the export of that study keeps offsets and masks them)."""
    with db.read() as session:
        guids = dict(session.execute(select(Code.id, Code.guid)).all())
        codes = {(c.guid, c.name, guids.get(c.parent_id), c.codable, c.colour, c.description)
                 for c in session.scalars(select(Code))}
        codings = [(c.guid, guids[c.code_id], c.start, c.end, c.quote, c.memo) for c in session.scalars(select(Coding))]
    if masked_from is not None:
        with masked_from.read() as session:
            mask = anonymiser(session)
        codings = [(*c[:4], mask.same_length(c[4], institutions=False), c[5]) for c in codings]
    return codes, set(codings)


def test_exports_validate_against_the_refi_schemas(sample_db, tmp_path, schemas):
    project_schema, codebook_schema = schemas
    exchange.export_project(sample_db, tmp_path / "study.qdpx", "Studie")
    project_schema.validate(qde(tmp_path / "study.qdpx"))
    from workbench.interop.refi_xml import codebook_xml

    codebook_schema.validate(codebook_xml(codebook.export_codebook(sample_db)).decode("utf-8"))
    text = qde(tmp_path / "study.qdpx")
    assert "<Sets>" in text and "<Sets/>" not in text
    assert "Carlijn" not in text and "Haverkamp" not in text  # pseudonyms only


def test_round_trip_into_an_empty_database_keeps_codes_codings_and_counts(sample_db, tmp_path, schemas):
    with sample_db.write() as session:
        coding = session.scalars(select(Coding).limit(1)).one()
        coding.memo = "Mooi citaat"
    exchange.export_project(sample_db, tmp_path / "one.qdpx", "Studie")
    empty = Database(resolve_url(str(tmp_path / "empty.sqlite")))
    outcome = exchange.import_project(empty, tmp_path / "one.qdpx", "importer")
    assert outcome.lost == [] and outcome.sources == 30
    assert state(empty) == state(sample_db, masked_from=sample_db)
    # no coded quote of the sample names a registered person: the round trip changes no word (it masked
    # 'Zuid' of Zuid-Afrika and such, and the next import carried the masks into the quotes)
    assert state(empty) == state(sample_db)
    for unit in ("respondent", "quotation"):
        assert frequencies(empty, unit, "programme").rows == frequencies(sample_db, unit, "programme").rows
    exchange.export_project(empty, tmp_path / "two.qdpx", "Studie")
    schemas[0].validate(qde(tmp_path / "two.qdpx"))
    again = Database(resolve_url(str(tmp_path / "again.sqlite")))
    exchange.import_project(again, tmp_path / "two.qdpx", "importer")
    assert state(again) == state(sample_db, masked_from=sample_db)
    before = dump(again)
    second = exchange.import_project(again, tmp_path / "two.qdpx", "importer")
    assert (second.sources, second.codings, second.sources_known) == (0, 0, 30)
    assert dump(again) == before
    for database in (empty, again):
        database.close()


def messy_qdpx(qde_name="Studie.qde", edit=lambda xml: xml, folder="sources") -> bytes:
    """What ATLAS.ti and friends write: braces, upper case, #RGB, 'A::B', CRLF, no descriptions."""
    source = ("Anouk Brinkhorst   0:03\r\nWaarom gaan ze niet?\r\n\r\nBram Feddema   0:09\r\n"
              "Ze zijn bang voor studievertraging.\r\nEn het is te duur.\r\n")
    start = source.index("studievertraging")
    money = source.index("te duur")
    cross = source.index("niet?")
    project = f"""<?xml version="1.0" encoding="utf-8"?>
<Project xmlns="urn:QDA-XML:project:1.0" name="Atlas export" origin="ATLAS.ti">
 <Users><User guid="{{0B3B9C64-1F1A-4C1E-9D2B-3C7A5E6F7A81}}" name="Dewi"/></Users>
 <CodeBook><Codes>
  <Code guid="{{A1A1A1A1-0000-4000-8000-000000000001}}" name="Belemmeringen::Studievertraging" isCodable="true" color="#F00"/>
  <Code guid="A1A1A1A1-0000-4000-8000-000000000002" name="Belemmeringen::Financieel" isCodable="true"/>
 </Codes></CodeBook>
 <Cases><Case guid="C1C1C1C1-0000-4000-8000-000000000001" name="Bram Feddema">
   <SourceRef targetGUID="{{5A5A5A5A-0000-4000-8000-000000000001}}"/></Case></Cases>
 <Sources>
  <TextSource guid="{{5A5A5A5A-0000-4000-8000-000000000001}}" name="Interview 1.docx" plainTextPath="internal://interview1.txt">
   <PlainTextSelection guid="{{5E5E5E5E-0000-4000-8000-000000000001}}" startPosition="{start}" endPosition="{start + 16}">
    <Coding guid="{{C0C0C0C0-0000-4000-8000-000000000001}}" creatingUser="{{0B3B9C64-1F1A-4C1E-9D2B-3C7A5E6F7A81}}">
     <CodeRef targetGUID="A1A1A1A1-0000-4000-8000-000000000001"/></Coding>
   </PlainTextSelection>
   <PlainTextSelection guid="5E5E5E5E-0000-4000-8000-000000000002" startPosition="{money}" endPosition="{money + 7}">
    <Coding guid="C0C0C0C0-0000-4000-8000-000000000002"><CodeRef targetGUID="{{A1A1A1A1-0000-4000-8000-000000000002}}"/></Coding>
    <Coding guid="C0C0C0C0-0000-4000-8000-000000000003"><CodeRef targetGUID="A1A1A1A1-0000-4000-8000-00000000FFFF"/></Coding>
   </PlainTextSelection>
   <PlainTextSelection guid="5E5E5E5E-0000-4000-8000-000000000003" startPosition="{cross}" endPosition="{start + 16}">
    <Coding guid="C0C0C0C0-0000-4000-8000-000000000004"><CodeRef targetGUID="A1A1A1A1-0000-4000-8000-000000000002"/></Coding>
   </PlainTextSelection>
  </TextSource>
  <PictureSource guid="5A5A5A5A-0000-4000-8000-000000000002" name="foto.jpg" path="internal://foto.jpg"/>
 </Sources>
 <Sets><Set guid="5E75E75E-0000-4000-8000-000000000001" name="pabo">
   <MemberSource targetGUID="5A5A5A5A-0000-4000-8000-000000000001"/></Set></Sets>
</Project>"""
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr(qde_name, edit(project))
        archive.writestr(f"{folder}/interview1.txt", source.encode("utf-8"))
    return buffer.getvalue()


def test_a_messy_file_from_another_tool(db, tmp_path):
    path = tmp_path / "atlas.qdpx"
    path.write_bytes(messy_qdpx())
    outcome = exchange.import_project(db, path, "me", sets_as_programmes=True)
    assert outcome.sources == 1 and outcome.codings == 3
    assert any("PictureSource" in item for item in outcome.lost)
    assert any("not in the codebook" in item for item in outcome.lost)
    paths = [c.path for c in codebook.show_codebook(db)]
    assert paths == ["Belemmeringen", "Belemmeringen > Studievertraging", "Belemmeringen > Financieel"]
    assert codebook.show_codebook(db)[1].colour == "#ff0000"
    with db.read() as session:
        quotes = sorted(c.quote for c in session.scalars(select(Coding)))
    assert quotes[1:] == ["studievertraging", "te duur"]
    assert quotes[0].startswith("niet?") and quotes[0].endswith("studievertraging") and "0:09" not in quotes[0]
    detail = transcripts.show_transcript(db, "Interview 1")
    assert [(t.speaker, t.role) for t in detail.turns] == [("Anouk Brinkhorst", None), ("Bram Feddema", "respondent")]
    report = frequencies(db, "respondent", "programme")
    assert {(r.group, r.count) for r in report.rows if r.code == "Studievertraging"} == {("pabo", 1), ("", 1)}


def test_nvivo_for_windows_writes_sources_with_a_capital(db, tmp_path):
    path = tmp_path / "nvivo.qdpx"
    path.write_bytes(messy_qdpx(folder="Sources"))
    outcome = exchange.import_project(db, path, "me")
    assert outcome.sources == 1 and outcome.codings == 3


def test_memos_written_as_descriptions_are_read(db, tmp_path):
    """QualCoder and ATLAS.ti put a coding's memo in its selection's <Description>, a document's in the
    source's: both come in (the file had 2 memos; before, "0 memo(s)")."""
    def describe(xml):
        xml = xml.replace('plainTextPath="internal://interview1.txt">',
                          'plainTextPath="internal://interview1.txt"><Description>Tweede gesprek</Description>')
        return xml.replace('endPosition="{}">'.format(xml.split('endPosition="')[1].split('"')[0]),
                           'endPosition="{}"><Description>Kern van het antwoord</Description>'.format(
                               xml.split('endPosition="')[1].split('"')[0]), 1)
    path = tmp_path / "qualcoder.qdpx"
    path.write_bytes(messy_qdpx(edit=describe))
    exchange.import_project(db, path, "me")
    from workbench.services import codings

    assert "Kern van het antwoord" in {c.memo for c in codings.list_codings(db)}
    assert transcripts.show_transcript(db, "Interview 1").memo == "Tweede gesprek"


def test_code_groups_are_kept_and_go_back_out_and_cases_without_sources_are_said(db, tmp_path, schemas):
    def groups(xml):
        return xml.replace("</Sets>", '<Set guid="5E75E75E-0000-4000-8000-000000000002" name="Redenen">'
                           '<MemberCode targetGUID="A1A1A1A1-0000-4000-8000-000000000002"/>'
                           '<MemberCode targetGUID="{A1A1A1A1-0000-4000-8000-000000000001}"/></Set></Sets>').replace(
            "</Cases>", '<Case guid="C1C1C1C1-0000-4000-8000-000000000002" name="Losse case"/>'
                        '<Case guid="C1C1C1C1-0000-4000-8000-000000000003" name="Anouk Brinkhorst"/></Cases>')
    path = tmp_path / "atlas-groups.qdpx"
    path.write_bytes(messy_qdpx(edit=groups))
    outcome = exchange.import_project(db, path, "me", sets_as_programmes=True)
    assert outcome.code_groups == 1 and not any("code group" in item for item in outcome.lost)
    assert "case 'Losse case': no participant, and no speaker of that name in any transcript; its variables not used" \
        in outcome.lost
    assert outcome.participants == 2  # Bram Feddema by his source, Anouk Brinkhorst by her name
    assert "Redenen" not in {p for s in transcripts.list_transcripts(db) for p in s.programmes}
    assert codebook.code_groups(db) == {"Redenen": ["Belemmeringen > Financieel", "Belemmeringen > Studievertraging"]}
    exchange.export_project(db, tmp_path / "out.qdpx", "Studie")
    schemas[0].validate(qde(tmp_path / "out.qdpx"))
    again = Database(resolve_url(str(tmp_path / "again.sqlite")))
    assert exchange.import_project(again, tmp_path / "out.qdpx", "me").code_groups == 1
    assert codebook.code_groups(again) == codebook.code_groups(db)
    exchange.import_project(again, tmp_path / "out.qdpx", "me")
    assert codebook.code_groups(again) == codebook.code_groups(db)  # twice: nothing doubled
    again.close()


def test_media_in_a_project_is_never_read(db, tmp_path):
    """A .qdpx may carry hours of video next to its texts: only the texts are unpacked."""
    path = tmp_path / "with-film.qdpx"
    path.write_bytes(rezip(messy_qdpx(), zeros={"sources/film.mp4": 150_000_000}))
    assert exchange.import_project(db, path, "me").sources == 1


def test_qdc_import_keeps_keywords_and_guids(db, tmp_path):
    codebook.import_codebook(db, CODEBOOK, "lead")
    before = {c.guid: c for c in codebook.show_codebook(db)}
    from workbench.interop.refi_xml import codebook_xml

    (tmp_path / "book.qdc").write_bytes(codebook_xml(codebook.export_codebook(db)))
    outcome = codebook.import_codebook(db, tmp_path / "book.qdc", "lead")
    assert outcome.added == () and outcome.updated == ()
    assert {c.guid: c for c in codebook.show_codebook(db)} == before


def test_a_codebook_without_descriptions_or_colours_erases_neither(db, tmp_path):
    """What QualCoder and Taguette write: names only. Our 54 descriptions and colours stay."""
    import re

    codebook.import_codebook(db, CODEBOOK, "lead")
    before = {c.guid: c for c in codebook.show_codebook(db)}
    from workbench.interop.refi_xml import codebook_xml

    bare = codebook_xml(codebook.export_codebook(db)).decode("utf-8")
    bare = re.sub(r"<Description>.*?</Description>", "", re.sub(r' color="#[0-9a-f]{6}"', "", bare), flags=re.S)
    assert "<Description>" not in bare and "color=" not in bare
    (tmp_path / "bare.qdc").write_text(bare, encoding="utf-8")
    outcome = codebook.import_codebook(db, tmp_path / "bare.qdc", "lead")
    assert outcome.updated == () and {c.guid: c for c in codebook.show_codebook(db)} == before
    assert sum(1 for c in before.values() if c.description) > 40


@pytest.mark.parametrize(
    ("data", "message"),
    [
        (b"not a zip", "not a valid .qdpx"),
        (messy_qdpx()[:300], "not a valid .qdpx|damaged or truncated"),
        (messy_qdpx("readme.txt"), "no project.qde"),
        (messy_qdpx(edit=lambda x: x.replace('guid="{C0C0C0C0-0000-4000-8000-000000000001}"', "")),
         r"Studie.qde: line \d+: <Coding> has no 'guid'"),
        (messy_qdpx(edit=lambda x: x.replace('<CodeRef targetGUID="A1A1A1A1-0000-4000-8000-000000000001"/>', "")),
         "<Coding> has no <CodeRef>"),
        (messy_qdpx(edit=lambda x: x.replace("</Project>", "")), "not well-formed XML"),
        (messy_qdpx(edit=lambda x: x.replace('User guid="{0B3B9C64', 'User guid="{nope')), "line 3: <User> not a GUID"),
        (messy_qdpx(edit=lambda x: x.replace("<Project ", '<!DOCTYPE Project [<!ENTITY n "Tom">]><Project ')
                    .replace("Waarom gaan", "&n; gaan")), "Studie.qde: the file declares a DTD"),
        (rezip(messy_qdpx(edit=lambda x: x.replace("internal://interview1.txt", "internal://big.txt")),
               zeros={"sources/big.txt": 101_000_000}), r"sources/big.txt would unpack to 101 MB .*zip bomb"),
    ],
    ids=["not-zip", "truncated", "no-qde", "no-guid", "no-coderef", "broken-xml", "bad-guid", "dtd",
         "bomb"],
)
def test_bad_files_say_what_is_wrong_and_change_nothing(db, tmp_path, data, message):
    codebook.import_codebook(db, CODEBOOK, "lead")
    before = dump(db)
    path = tmp_path / "bad.qdpx"
    path.write_bytes(data)
    with pytest.raises(WorkbenchError, match=message):
        exchange.import_project(db, path, "me")
    assert dump(db) == before


def test_a_selection_outside_its_text_is_skipped_and_listed_and_the_rest_imported(db, tmp_path):
    codebook.import_codebook(db, CODEBOOK, "lead")
    path = tmp_path / "p.qdpx"
    path.write_bytes(messy_qdpx(edit=lambda x: x.replace('endPosition="', 'endPosition="9', 1)))
    outcome = exchange.import_project(db, path, "me")
    outside = [line for line in outcome.lost if "is not a span of its text" in line]
    assert len(outside) == 1 and "'Interview 1.docx'" in outside[0] and "skipped, with its codings" in outside[0]
    assert outcome.codings == 2  # of the four: this one skipped, one of an unknown code


def test_a_control_character_in_a_memo_leaves_the_export_readable(sample_db, db, tmp_path):
    """XML cannot hold \\x07 at all: it is written as U+FFFD, and the project imports again."""
    from workbench.services import codings

    coding = codings.list_codings(sample_db, transcript="interview-01")[0]
    codings.set_memo(sample_db, coding.guid, "bel\x07 terug")
    exchange.export_project(sample_db, tmp_path / "p.qdpx", "study")
    exchange.import_project(db, tmp_path / "p.qdpx", "me")
    assert {c.memo for c in codings.list_codings(db, transcript="interview-01")} >= {"bel\ufffd terug"}


def with_new_guids(data: bytes, edit=lambda qde: qde) -> bytes:
    """What QualCoder writes back: the same project, every GUID new (files named by GUID renamed)."""
    import re
    import uuid

    found = re.compile(r"[0-9A-Fa-f]{8}-[0-9A-Fa-f]{4}-[0-9A-Fa-f]{4}-[0-9A-Fa-f]{4}-[0-9A-Fa-f]{12}")
    new: dict[str, str] = {}

    def renamed(text):
        return found.sub(lambda m: new.setdefault(m.group().lower(), str(uuid.uuid4())), text)

    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(data)) as old, zipfile.ZipFile(out, "w") as archive:
        for member in old.namelist():
            body = old.read(member)
            if member.endswith(".qde"):
                body = edit(renamed(body.decode("utf-8"))).encode("utf-8")
            archive.writestr(renamed(member), body)
    return out.getvalue()


def test_a_project_back_from_another_tool_with_new_guids_adds_only_what_is_new(sample_db, tmp_path):
    exchange.export_project(sample_db, tmp_path / "out.qdpx", "Studie")
    before = state(sample_db)
    back = tmp_path / "back.qdpx"
    back.write_bytes(with_new_guids((tmp_path / "out.qdpx").read_bytes()))
    outcome = exchange.import_project(sample_db, back, "importer")
    assert (outcome.sources, outcome.sources_known, outcome.codes_added, outcome.codings) == (0, 30, 0, 0)
    assert outcome.codings_known == len(before[1]) and outcome.lost == []
    assert state(sample_db) == before


def test_what_another_tool_added_comes_back_and_a_different_text_of_the_same_name_is_renamed(sample_db, tmp_path):
    from workbench.services import codings

    exchange.export_project(sample_db, tmp_path / "out.qdpx", "Studie")
    theirs = Database(resolve_url(str(tmp_path / "theirs.sqlite")))
    exchange.import_project(theirs, tmp_path / "out.qdpx", "dewi")
    text = transcripts.show_transcript(theirs, "interview-03").text
    start = text.index("stage") if "stage" in text else len(text) // 2
    codings.add_coding(theirs, "dewi", "interview-03", codings.list_codings(theirs)[0].code_path, start, start + 5)
    exchange.export_project(theirs, tmp_path / "theirs.qdpx", "Studie")
    theirs.close()
    before = state(sample_db)
    back = tmp_path / "back.qdpx"
    back.write_bytes(with_new_guids((tmp_path / "theirs.qdpx").read_bytes()))
    outcome = exchange.import_project(sample_db, back, "importer")
    assert (outcome.sources, outcome.codings, outcome.codings_known) == (0, 1, len(before[1]))
    (added,) = [c for c in codings.list_codings(sample_db, transcript="interview-03") if c.coder == "dewi"]
    assert added.quote == text[start : start + 5]

    other = messy_qdpx(edit=lambda x: x.replace('name="Interview 1.docx"', 'name="interview-03.txt"'))
    (tmp_path / "other.qdpx").write_bytes(other)
    outcome = exchange.import_project(sample_db, tmp_path / "other.qdpx", "importer")
    assert outcome.sources == 1 and outcome.notes == [
        "'interview-03.txt': the study's 'interview-03' has another text; imported as 'interview-03 (2)'"]
    assert transcripts.show_transcript(sample_db, "interview-03 (2)").turns


def test_an_export_masks_registered_people_only_and_says_how_many(db, tmp_path):
    """An imported project had 2,866 words masked (covid, Pfizer, committee: labels nobody registered) and the
    next import carried the masks into the quotes."""
    (tmp_path / "t.txt").write_text("Anouk   0:01\nSprak je Bram Feddema over covid, bij Hogeschool Windkust?\n\n"
                                    "Bram Feddema   0:05\nJa, met de committee van Zuid-Afrika.\n", encoding="utf-8")
    (tmp_path / "p.csv").write_text("transcript,speaker,respondent,role,institution,programme\n"
                                    ",Bram Feddema,R01,respondent,Hogeschool Windkust,pabo\n", encoding="utf-8")
    from workbench.services import participants

    transcripts.import_paths(db, [tmp_path / "t.txt"], replace=False, coder="c")
    participants.import_registry(db, tmp_path / "p.csv")
    wrote = exchange.export_project(db, tmp_path / "t.qdpx", "T")
    (source,) = refi_xml.read_qdpx((tmp_path / "t.qdpx").read_bytes()).sources
    assert wrote.names_masked == 1
    assert "Sprak je ▒▒▒▒ ▒▒▒▒▒▒▒ over covid, bij Hogeschool Windkust?" in source.text
    assert "Ja, met de committee van Zuid-Afrika." in source.text and "Bram" not in source.text
    wrote = exchange.export_project(db, tmp_path / "t.qdpx", "T", mask_institutions=True)  # when asked
    (source,) = refi_xml.read_qdpx((tmp_path / "t.qdpx").read_bytes()).sources
    assert wrote.names_masked == 2 and "bij ▒▒▒▒▒▒▒▒▒▒ ▒▒▒▒▒▒▒▒?" in source.text


def test_a_large_studys_export_read_in_a_second_process_is_the_same_project(sample_db, tmp_path, monkeypatch):
    """A study of millions of codings is read by a process beside the one writing the XML: the same project (but
    for the moment it was written), masks and counts included, as one read in this process."""
    from workbench.services import codings, lookup

    turn = next(t for t in transcripts.show_transcript(sample_db, "interview-02").turns if t.role == "respondent")
    codings.set_turn_memo(sample_db, "interview-02", turn.index, "a memo, on one turn")

    def exported(name: str) -> tuple[exchange.ExportOutcome, dict[str, bytes]]:
        wrote = exchange.export_project(sample_db, tmp_path / name, "S", mask_institutions=True)
        with zipfile.ZipFile(tmp_path / name) as archive:
            members = {member: archive.read(member) for member in archive.namelist()}
        now = refi_xml.etree.fromstring(members["project.qde"]).get("creationDateTime").encode()
        members["project.qde"] = members["project.qde"].replace(now, b"NOW")
        return wrote, members

    here = exported("here.qdpx")
    monkeypatch.setattr(lookup, "ASIDE_FROM", 1)
    assert lookup.worth_a_second_process(sample_db)
    beside = exported("beside.qdpx")
    assert beside == here and here[0].codings > 100 and here[0].sources == 30
    assert b"a memo, on one turn" in here[1]["project.qde"]


def test_a_coding_s_time_with_an_offset_goes_out_again_as_the_same_moment(db, tmp_path):
    """A time another tool wrote with its zone (10:00+02:00) was stored as its clock time on SQLite, which keeps
    no zone, and read back as 10:00 UTC: two hours off in the next export."""
    made = 'creatingUser="{0B3B9C64-1F1A-4C1E-9D2B-3C7A5E6F7A81}" creationDateTime="2024-05-01T10:00:00+02:00"'
    (tmp_path / "in.qdpx").write_bytes(messy_qdpx(edit=lambda xml: xml.replace(
        'creatingUser="{0B3B9C64-1F1A-4C1E-9D2B-3C7A5E6F7A81}">', made + ">", 1)))
    exchange.import_project(db, tmp_path / "in.qdpx", "me")
    exchange.export_project(db, tmp_path / "out.qdpx", "Uit")
    (source,) = refi_xml.read_qdpx((tmp_path / "out.qdpx").read_bytes()).sources
    (coding,) = [c for c in source.codings if c.guid == "c0c0c0c0-0000-4000-8000-000000000001"]
    assert coding.created.astimezone(timezone.utc) == datetime(2024, 5, 1, 8, 0, tzinfo=timezone.utc)


def test_a_time_at_the_calendar_s_edge_leaves_the_coding_and_no_traceback(db, tmp_path):
    """In UTC, 0001-01-01T00:00:00+02:00 is before the first day Python can hold: the import stopped with an
    OverflowError. The coding comes in; its time is unknown."""
    made = 'creatingUser="{0B3B9C64-1F1A-4C1E-9D2B-3C7A5E6F7A81}" creationDateTime="0001-01-01T00:00:00+02:00"'
    (tmp_path / "in.qdpx").write_bytes(messy_qdpx(edit=lambda xml: xml.replace(
        'creatingUser="{0B3B9C64-1F1A-4C1E-9D2B-3C7A5E6F7A81}">', made + ">", 1)))
    (tmp_path / "plain.qdpx").write_bytes(messy_qdpx())
    other = Database(resolve_url(str(tmp_path / "other.sqlite")))
    assert exchange.import_project(db, tmp_path / "in.qdpx", "me").codings == \
        exchange.import_project(other, tmp_path / "plain.qdpx", "me").codings > 0
