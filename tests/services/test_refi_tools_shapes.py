"""Projects in the shapes the tools really write (NVivo for Windows and Mac, ATLAS.ti 8, 23 and 26, MAXQDA,
QualCoder, qc), each imported, exported, imported and exported again and compared element by element; and a
project with every element kind of the standard, each stored or listed."""

import io
import json
import re
import uuid
import zipfile
from dataclasses import dataclass, replace

import pytest
import xmlschema
from sqlalchemy import select

from tests.conftest import ROOT, rezip
from workbench.core.db import Database, resolve_url
from workbench.core.models import Code, Coder, Coding, Participant, StudyMemo, Transcript, Turn
from workbench.interop import refi_xml
from workbench.services import codebook, erasure, exchange, memos
from workbench.services.lookup import CodeTree

REFI = ROOT / "tests" / "data" / "refi-qda"
INTERVIEW = ("Interviewer: Wat houdt studenten tegen om naar het buitenland te gaan?\n"
             "Femke: Vooral geld, en de angst voor studievertraging. Dat hoor ik vaak 😀 van collega's.\n"
             "Interviewer: En wat zijn de kansen?\n"
             "Femke: De kansen zijn groot als de school helpt.\n"
             "Interviewer: Dank je wel.\n"
             "Femke: Graag gedaan.\n")
SURVEY = ["Ik vind het buitenland te duur voor mij.", "Geen tijd: mijn studievertraging is al groot genoeg.",
          "Kansen genoeg, maar het geld ontbreekt."]
CODES = {"Belemmeringen": None, "Belemmeringen/Financieel": "geld", "Belemmeringen/Studievertraging":
         "studievertraging", "Kansen": "kansen"}  # path -> the word its codings are on


@dataclass
class Tool:
    """How one tool lays out a project."""

    name: str
    folder: str = "sources"
    path: str = "internal://{guid}.txt"
    qde: str = "project.qde"
    utf16: bool = False  # NVivo counts positions in UTF-16 code units
    braces: bool = False  # NVivo: {GUID} in upper case
    memos_as_notes: bool = True  # else only as <Description> (QualCoder, ATLAS.ti 26)
    texts: str = "all"  # "none": ATLAS.ti 8 ships no files; "byte": NVivo for Mac writes one byte each
    document_cases: bool = False  # MAXQDA: a case per document, holding the document's variables
    groups: bool = False  # ATLAS.ti's code groups, and memo groups
    surveys: int = 0  # MAXQDA: one source per survey respondent
    seed: str = ""  # a tool that gives everything new GUIDs on each export


TOOLS = [
    Tool("nvivo-windows", folder="Sources", utf16=True, braces=True),
    Tool("nvivo-mac", texts="byte", utf16=True),
    Tool("atlas-8", qde="Buitenland.qde", texts="none", groups=True),
    Tool("atlas-23", path="internal:/{guid}.txt", qde="Buitenland.qde", groups=True),
    Tool("atlas-26", memos_as_notes=False, groups=True, seed="first"),
    Tool("maxqda", document_cases=True, surveys=3),
    Tool("qualcoder", memos_as_notes=False),
    Tool("qc", path="{name}.txt"),
]


def _guid(tool: Tool, *key: str) -> str:
    value = str(uuid.uuid5(uuid.NAMESPACE_URL, ":".join((tool.seed, *key))))
    return "{" + value.upper() + "}" if tool.braces else value


def _at(text: str, word: str, utf16: bool) -> tuple[int, int]:
    start = text.index(word)
    if utf16:
        return len(text[:start].encode("utf-16-le")) // 2, len(text[: start + len(word)].encode("utf-16-le")) // 2
    return start, start + len(word)


def project_of(tool: Tool) -> bytes:
    """A project of two coders: an interview and (MAXQDA) survey answers, nested codes with colours and
    descriptions, memos on codings, sources and an uncoded span, a case with variables of every type, a set of
    sources, code groups and memo groups (ATLAS.ti), and notes of the project itself."""
    g = lambda *key: _guid(tool, *key)  # noqa: E731
    notes, out, files = [], [], {}

    def memo(text: str, *key: str) -> str:
        if not tool.memos_as_notes:
            return f"<Description>{text}</Description>"
        notes.append(f'<Note guid="{g("note", *key)}" name="{key[-1]}"><PlainTextContent>{text}'
                     "</PlainTextContent></Note>")
        return f'<Description>{text}</Description><NoteRef targetGUID="{g("note", *key)}"/>'

    users = ["Anouk", "Bram"]
    out.append("<Users>" + "".join(f'<User guid="{g("user", u)}" name="{u}"/>' for u in users) + "</Users>")

    def code_xml(parent: str) -> str:
        """The codes under parent ('' for the top), each with its children inside."""
        return "".join(
            f'<Code guid="{g("code", path)}" name="{path.rsplit("/", 1)[-1]}" isCodable="true" color="#1F77B4">'
            f'<Description>Over {path.rsplit("/", 1)[-1].lower()}</Description>{code_xml(path)}</Code>'
            for path in CODES if (path.rsplit("/", 1)[0] if "/" in path else "") == parent)

    out.append(f"<CodeBook><Codes>{code_xml('')}</Codes></CodeBook>")
    variables = {"role": "Text", "leeftijd": "Integer", "ervaren": "Boolean", "cijfer": "Float",
                 "gestart": "Date", "gesproken": "DateTime"}
    values = {"role": "respondent", "leeftijd": "34", "ervaren": "true", "cijfer": "7.5", "gestart": "2019-09-01",
              "gesproken": "2024-03-05T10:00:00Z"}
    out.append("<Variables>" + "".join(f'<Variable guid="{g("var", n)}" name="{n}" typeOfVariable="{t}"/>'
                                       for n, t in variables.items()) + "</Variables>")

    def value_xml(name: str, value: str) -> str:
        kind = variables.get(name, "Text")
        return f'<VariableValue><VariableRef targetGUID="{g("var", name)}"/><{kind}Value>{value}</{kind}Value>' \
               "</VariableValue>"

    sources = {"Interview Femke": INTERVIEW, **{f"Enquête {n}": SURVEY[n - 1] for n in range(1, tool.surveys + 1)}}
    cases = [f'<Case guid="{g("case", "Femke")}" name="Femke">'
             + "".join(value_xml(n, v) for n, v in values.items())
             + f'<SourceRef targetGUID="{g("source", "Interview Femke")}"/></Case>']
    if tool.document_cases:
        variables["leeftijd"] = "Integer"
        cases += [f'<Case guid="{g("case", name)}" name="{name}">{value_xml("leeftijd", str(20 + n))}'
                  f'<SourceRef targetGUID="{g("source", name)}"/></Case>' for n, name in enumerate(sources) if n]
    out.append("<Cases>" + "".join(cases) + "</Cases>")
    out.append("<Sources>")
    for number, (name, text) in enumerate(sources.items()):
        member = tool.path.format(guid=g("source", name).strip("{}"), name=name)
        files[f"{tool.folder}/{member.split(':', 1)[-1].lstrip('/')}"] = (
            text if tool.texts == "all" else "\n" if tool.texts == "byte" else None)
        out.append(f'<TextSource guid="{g("source", name)}" name="{name}" plainTextPath="{member}">'
                   + (memo(f"Memo bij {name}", "source", name) if not number else ""))
        for n, (path, word) in enumerate((p, w) for p, w in CODES.items() if w):
            if word not in text.lower():
                continue
            start, end = _at(text.lower(), word, tool.utf16)
            who = users[n % 2]
            coding_memo = memo(f"Let op: {word}", "coding", name, path) if n == 0 else ""
            out.append(f'<PlainTextSelection guid="{g("selection", name, path)}" name="{word}" '
                       f'startPosition="{start}" endPosition="{end}" creatingUser="{g("user", who)}">'
                       f'{coding_memo}<Coding guid="{g("coding", name, path)}" creatingUser="{g("user", who)}" '
                       f'creationDateTime="2024-03-0{n + 1}T12:00:00Z"><CodeRef targetGUID="{g("code", path)}"/>'
                       "</Coding></PlainTextSelection>")
        if not number:
            start, end = _at(text, "Dank je wel", tool.utf16)
            out.append(f'<PlainTextSelection guid="{g("memo-selection", name)}" startPosition="{start}" '
                       f'endPosition="{end}">{memo("Afsluiting", "span", name)}</PlainTextSelection>')
        out.append("</TextSource>")
    out.append("</Sources>")
    notes.append(f'<Note guid="{g("note", "project")}" name="Eerste indruk" creatingUser="{g("user", "Anouk")}" '
                 'creationDateTime="2024-03-09T09:00:00Z"><PlainTextContent>Veel over geld.</PlainTextContent></Note>')
    out.append("<Notes>" + "".join(notes) + "</Notes>")
    sets = [f'<Set guid="{g("set", "Pabo")}" name="Pabo">'
            + "".join(f'<MemberSource targetGUID="{g("source", n)}"/>' for n in sources) + "</Set>"]
    if tool.groups:
        sets += [f'<Set guid="{g("set", "Redenen")}" name="Redenen"><Description>Waarom niet</Description>'
                 f'<MemberCode targetGUID="{g("code", "Belemmeringen/Financieel")}"/>'
                 f'<MemberCode targetGUID="{g("code", "Belemmeringen/Studievertraging")}"/></Set>',
                 f'<Set guid="{g("set", "Indrukken")}" name="Indrukken">'
                 f'<MemberNote targetGUID="{g("note", "project")}"/></Set>']
    out.append("<Sets>" + "".join(sets) + "</Sets>")
    qde = ('<?xml version="1.0" encoding="utf-8"?>\n<Project xmlns="urn:QDA-XML:project:1.0" name="Buitenland" '
           f'origin="{tool.name}">' + "".join(out) + "</Project>")
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr(tool.qde, qde)
        for member, text in files.items():
            if text is not None:
                archive.writestr(member, text.encode("utf-8"))
    return buffer.getvalue()


def contents(db: Database) -> dict:
    """Everything a study holds that a project carries, by name and text (GUIDs may change on the way)."""
    with db.read() as session:
        tree = CodeTree(session)
        names = dict(session.execute(select(Transcript.id, Transcript.name)).all())
        coders = dict(session.execute(select(Coder.id, Coder.name)).all())
        return {
            "codes": sorted((tree.path(c.id), c.codable, c.description, c.colour) for c in session.scalars(select(Code))),
            "sources": sorted((t.name, t.text, t.memo, json.dumps((t.meta or {}).get("variables", {}), sort_keys=True),
                               tuple((t.meta or {}).get("sets", []))) for t in session.scalars(select(Transcript))),
            "codings": sorted((names[c.transcript_id], tree.path(c.code_id), c.quote, coders[c.coder_id], c.memo or "",
                               c.created_at.replace(tzinfo=None).isoformat()) for c in session.scalars(select(Coding))),
            "span memos": sorted((names[t.transcript_id], t.memo) for t in session.scalars(
                select(Turn).where(Turn.memo.is_not(None)))),
            "participants": sorted((p.pseudonym, p.role, json.dumps(p.variables, sort_keys=True))
                                   for p in session.scalars(select(Participant))),
            "study memos": sorted((m.name, m.text, m.author or "", tuple(m.sets)) for m in session.scalars(
                select(StudyMemo))),
            "code groups": codebook.code_groups(db),
        }


def _in_file(data: bytes) -> refi_xml.RefiProject:
    return refi_xml.read_qdpx(data)


@pytest.mark.parametrize("tool", TOOLS, ids=lambda tool: tool.name)
def test_a_project_comes_in_whole_and_goes_out_and_in_again_with_nothing_added_or_lost(db, tmp_path, tool):
    data = project_of(tool)
    (tmp_path / "in.qdpx").write_bytes(data)
    outcome = exchange.import_project(db, tmp_path / "in.qdpx", "me")
    first = contents(db)

    # every code, coding, memo, set and variable of the file has a place, or is listed
    file_codings = len(re.findall(rb"<Coding ", zipfile.ZipFile(io.BytesIO(data)).read(tool.qde)))
    assert [path for path, *_ in first["codes"]] == sorted(p.replace("/", " > ") for p in CODES)
    assert all(description.startswith("Over ") and colour == "#1f77b4" for _, _, description, colour in first["codes"])
    assert ("Eerste indruk", "Veel over geld.") in [(m[0], m[1]) for m in first["study memos"]]
    assert outcome.characters_not_kept == 0
    if tool.groups:
        assert first["code groups"] == {"Redenen": ["Belemmeringen > Financieel", "Belemmeringen > Studievertraging"]}
        assert next(m for m in first["study memos"] if m[0] == "Eerste indruk")[3] == ("Indrukken",)
    if tool.texts != "all":  # nothing to place the codings on: each source named, with its codings
        assert outcome.sources == 0 and len(first["codings"]) == 0
        if tool.memos_as_notes:  # and the notes of its elements kept as the study's
            assert {m[1] for m in first["study memos"]} == {"Veel over geld.", "Let op: geld", "Afsluiting",
                                                            "Memo bij Interview Femke"}
        assert sum(int(n) for n in re.findall(r"its (\d+) coding\(s\) not placed", " ".join(outcome.lost))) \
            == file_codings
        return
    assert len(first["codings"]) == file_codings and outcome.lost == [] and len(first["study memos"]) == 1
    assert {(c[2].lower(), c[3]) for c in first["codings"]} >= {("geld", "Anouk"), ("studievertraging", "Bram")}
    assert ("Let op: geld" in {c[4] for c in first["codings"]}) and first["span memos"][0][1] == "Afsluiting"
    interview = next(s for s in first["sources"] if s[0] == "Interview Femke")
    assert interview[2] == "Memo bij Interview Femke" and interview[4] == ("Pabo",)
    (femke,) = [p for p in first["participants"] if p[0] == "Femke"]
    assert json.loads(femke[2]) == {"cijfer": ["Float", "7.5"], "ervaren": ["Boolean", "true"],
                                    "gesproken": ["DateTime", "2024-03-05T10:00:00Z"], "gestart": ["Date", "2019-09-01"],
                                    "leeftijd": ["Integer", "34"]}
    for name, text in zip((s[0] for s in first["sources"] if s[0].startswith("Enquête")), SURVEY):
        stored = next(s for s in first["sources"] if s[0] == name)
        assert stored[1] == text  # a plain document, every character as written
        if tool.document_cases:
            assert json.loads(stored[3]) == {"leeftijd": ["Integer", str(20 + int(name[-1]))]}

    # out, in, out, in: the same study each time, and the same file the second time
    schema = xmlschema.XMLSchema(str(REFI / "Project.xsd"))
    states, files, study = [first], [], db
    for trip in (1, 2):
        out = tmp_path / f"out{trip}.qdpx"
        exchange.export_project(study, out, "Buitenland")
        schema.validate(zipfile.ZipFile(out).read("project.qde").decode("utf-8"))
        files.append(_in_file(out.read_bytes()))
        study = Database(resolve_url(str(tmp_path / f"trip{trip}.sqlite")))
        again = exchange.import_project(study, out, "someone else")
        assert again.lost == [] and again.characters_not_kept == 0
        states.append(contents(study))
    assert states[0] == states[1] == states[2]
    one, two = files
    assert [(s.name, s.text, s.memo, s.variables, s.selection_memos) for s in one.sources] == \
        [(s.name, s.text, s.memo, s.variables, s.selection_memos) for s in two.sources]
    assert [sorted((c.start, c.end, c.memo or "") for c in s.codings) for s in one.sources] == \
        [sorted((c.start, c.end, c.memo or "") for c in s.codings) for s in two.sources]
    assert [(m.name, m.text, m.sets) for m in one.memos] == [(m.name, m.text, m.sets) for m in two.memos]
    assert (one.sets, [(c.name, c.variables) for c in one.cases]) == (two.sets, [(c.name, c.variables) for c in two.cases])
    assert [(g.name, g.description, len(g.code_guids)) for g in one.codebook.groups] == \
        [(g.name, g.description, len(g.code_guids)) for g in two.codebook.groups]


def test_a_project_back_with_new_guids_adds_nothing_and_known_groups_are_not_counted_again(db, tmp_path):
    """ATLAS.ti 26 changes the GUIDs between two exports; a second import reported known code groups as
    imported again."""
    tool = next(t for t in TOOLS if t.name == "atlas-26")
    (tmp_path / "a.qdpx").write_bytes(project_of(tool))
    (tmp_path / "b.qdpx").write_bytes(project_of(replace(tool, seed="second")))
    assert exchange.import_project(db, tmp_path / "a.qdpx", "me").code_groups == 1
    before = contents(db)
    again = exchange.import_project(db, tmp_path / "b.qdpx", "me")
    assert (again.sources, again.codes_added, again.codings, again.memos, again.code_groups) == (0, 0, 0, 0, 0)
    assert contents(db) == before


def test_every_element_kind_of_the_standard_is_stored_or_listed(db, tmp_path):
    """What the workbench has no place for is named in the loss report, each kind with its line; the notes of
    elements it does not keep become memos of the study."""
    tool = Tool("all")
    data = project_of(tool)
    qde = zipfile.ZipFile(io.BytesIO(data)).read("project.qde").decode("utf-8")
    g = lambda *key: _guid(tool, *key)  # noqa: E731
    link = (f'<Links><Link guid="{g("link")}" name="verband" originGUID="{g("code", "Kansen")}" '
            f'targetGUID="{g("code", "Belemmeringen")}"><NoteRef targetGUID="{g("note", "link")}"/></Link></Links>')
    extra_notes = (f'<Note guid="{g("note", "link")}" name="Over het verband"><PlainTextContent>Kansen wegen op '
                   f'tegen geld.</PlainTextContent></Note><Note guid="{g("note", "file")}" name="Los" '
                   f'plainTextPath="internal://weg.txt"/>')
    qde = (qde.replace("</Notes>", extra_notes + "</Notes>")
           .replace("<Sets>", link + "<Sets>")
           .replace("</Project>", "<Description>Studie naar buitenlandervaring</Description></Project>")
           .replace('<Variable guid', '<Variable guid="' + g("var", "opmerking") + '" name="opmerking" '
                    'typeOfVariable="Text"><Description>vrij veld</Description></Variable><Variable guid', 1)
           .replace('<SourceRef', f'<SelectionRef targetGUID="{g("selection", "Interview Femke", "Kansen")}"/>'
                    '<SourceRef', 1)
           .replace('name="Femke">', f'name="Femke"><Description>Docent</Description><CodeRef '
                    f'targetGUID="{g("code", "Kansen")}"/>', 1)
           .replace("</TextSource>", f'<Coding guid="{g("whole")}"><CodeRef targetGUID="{g("code", "Kansen")}"/>'
                    '</Coding></TextSource>', 1)
           .replace("</Sources>", f'<PDFSource guid="{g("pdf")}" name="beleid.pdf" path="internal://b.pdf">'
                    f'<NoteRef targetGUID="{g("note", "pdf")}"/></PDFSource></Sources>')
           .replace("</Notes>", f'<Note guid="{g("note", "pdf")}" name="Bij de pdf"><PlainTextContent>Beleid van '
                    'de school</PlainTextContent></Note></Notes>'))
    buffer = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(data)) as source, zipfile.ZipFile(buffer, "w") as target:
        for name in source.namelist():
            target.writestr(name, qde if name == "project.qde" else source.read(name))
    (tmp_path / "p.qdpx").write_bytes(buffer.getvalue())
    outcome = exchange.import_project(db, tmp_path / "p.qdpx", "me")
    lost = "\n".join(outcome.lost)
    for kind in ("PDFSource 'beleid.pdf'", "Links", "<Description> in <Variable>", "<SelectionRef> in <Case>",
                 "<Description> in <Case>", "<CodeRef> in <Case>", "<Coding> in <TextSource>",
                 "note 'Los': its text is not in the file (internal://weg.txt)"):
        assert kind in lost, kind
    assert re.search(r"line \d+: <Coding> in <TextSource> \(1x\)", lost)
    assert sorted(m.text for m in memos.study_memos(db)) == [
        "Beleid van de school", "Kansen wegen op tegen geld.", "Studie naar buitenlandervaring", "Veel over geld."]
    assert len(outcome.lost) == 8


def test_a_codebook_carries_its_code_groups_both_ways(db, tmp_path):
    """`codebook import` ignored a .qdc's <Sets> and `codebook export` wrote none; Taguette writes an empty
    <Sets/>, and a .qdc names a member code by `guid` (a .qdpx by `targetGUID`: some tools write that)."""
    flat = ('<?xml version="1.0" encoding="utf-8"?><CodeBook xmlns="urn:QDA-XML:codebook:1.0" origin="t"><Codes>'
            '<Code guid="AAAAAAAA-0000-4000-8000-000000000001" name="Geld" isCodable="true"/>'
            '<Code guid="AAAAAAAA-0000-4000-8000-000000000002" name="Tijd" isCodable="true"/></Codes>{sets}'
            '</CodeBook>')
    (tmp_path / "taguette.qdc").write_text(flat.format(sets="<Sets/>"), encoding="utf-8")
    outcome = codebook.import_codebook(db, tmp_path / "taguette.qdc", "me")
    assert len(outcome.added) == 2 and outcome.groups_added == () and outcome.not_read == ()
    grouped = flat.format(sets='<Sets><Set guid="bbbbbbbb-0000-4000-8000-000000000001" name="Kosten">'
                          '<Description>geld en tijd</Description>'
                          '<MemberCode guid="aaaaaaaa-0000-4000-8000-000000000001"/>'
                          '<MemberCode targetGUID="aaaaaaaa-0000-4000-8000-000000000002"/></Set></Sets>')
    (tmp_path / "grouped.qdc").write_text(grouped, encoding="utf-8")
    outcome = codebook.import_codebook(db, tmp_path / "grouped.qdc", "me")
    assert outcome.groups_added == ("Kosten",) and codebook.code_groups(db) == {"Kosten": ["Geld", "Tijd"]}
    assert codebook.import_codebook(db, tmp_path / "grouped.qdc", "me").groups_added == ()

    written = refi_xml.codebook_xml(codebook.export_codebook(db))
    xmlschema.XMLSchema(str(REFI / "Codebook.xsd")).validate(written.decode("utf-8"))
    (tmp_path / "out.qdc").write_bytes(written)
    other = Database(resolve_url(str(tmp_path / "other.sqlite")))
    codebook.import_codebook(other, tmp_path / "out.qdc", "me")
    assert codebook.code_groups(other) == codebook.code_groups(db)
    assert codebook.export_codebook(other).groups[0].description == "geld en tijd"


def test_what_a_codebook_file_holds_beyond_codes_and_groups_is_listed(db, tmp_path):
    (tmp_path / "c.qdc").write_text(
        '<?xml version="1.0"?><CodeBook xmlns="urn:QDA-XML:codebook:1.0"><Codes><Code guid="aaaaaaaa-0000-4000-8000'
        '-000000000001" name="Geld" isCodable="true"><NoteRef targetGUID="aaaaaaaa-0000-4000-8000-000000000009"/>'
        "</Code></Codes></CodeBook>", encoding="utf-8")
    outcome = codebook.import_codebook(db, tmp_path / "c.qdc", "me")
    assert outcome.added == ("Geld",) and outcome.not_read == ("line 1: <NoteRef> in <Code> (1x) is not read",)


def test_study_memos_are_written_and_go_out_as_project_notes(db, tmp_path):
    memos.add_study_memo(db, "Analyseplan", "Eerst de belemmeringen.", "Anouk")
    exchange.export_project(db, tmp_path / "p.qdpx", "Studie")
    (memo,) = _in_file((tmp_path / "p.qdpx").read_bytes()).memos
    assert (memo.name, memo.text) == ("Analyseplan", "Eerst de belemmeringen.")
    other = Database(resolve_url(str(tmp_path / "other.sqlite")))
    exchange.import_project(other, tmp_path / "p.qdpx", "me")
    assert [(m.name, m.text, m.author) for m in memos.study_memos(other)] == [
        ("Analyseplan", "Eerst de belemmeringen.", "Anouk")]


def test_a_variable_the_study_holds_otherwise_keeps_ours_and_says_so(db, tmp_path):
    tool = next(t for t in TOOLS if t.name == "maxqda")
    data = project_of(tool)
    (tmp_path / "a.qdpx").write_bytes(data)
    exchange.import_project(db, tmp_path / "a.qdpx", "me")
    (tmp_path / "b.qdpx").write_bytes(rezip(data, lambda name, content: content.replace(
        b"<IntegerValue>34</IntegerValue>", b"<IntegerValue>35</IntegerValue>")))
    outcome = exchange.import_project(db, tmp_path / "b.qdpx", "me")
    assert "'Femke': variable 'leeftijd': ours '34' kept, the file's '35'" in outcome.notes
    with db.read() as session:
        assert session.scalar(select(Participant.variables).where(Participant.pseudonym == "Femke"))["leeftijd"] == \
            ["Integer", "34"]


def test_erasure_drops_the_variables_of_the_respondent_s_case(db, tmp_path):
    (tmp_path / "a.qdpx").write_bytes(project_of(next(t for t in TOOLS if t.name == "qualcoder")))
    exchange.import_project(db, tmp_path / "a.qdpx", "me")
    erasure.erase_respondent(db, "Femke")
    exchange.export_project(db, tmp_path / "out.qdpx", "Studie")
    (case,) = _in_file((tmp_path / "out.qdpx").read_bytes()).cases
    assert set(case.variables) == {"role"}
