"""REFI-QDA with another tool's code: pyrefiqda (a schema-generated reader and writer from PyPI) reads our
exports, and writes projects the way NVivo, QualCoder and ATLAS.ti lay them out for us to import."""

import io
import zipfile
from datetime import timezone

import pytest
from sqlalchemy import select

from tests.conftest import rezip
from workbench.core.db import Database, resolve_url
from workbench.core.models import Code, Coding, Transcript
from workbench.services import codings, exchange, memos, transcripts
from workbench.transcripts.labels import unknown_speaker

pyrefiqda = pytest.importorskip("pyrefiqda")
models = pytest.importorskip("pyrefiqda.models.project")


def utc(moment):
    """SQLite gives times without a zone (they are UTC), PostgreSQL with one."""
    return moment.replace(tzinfo=timezone.utc) if moment.tzinfo is None else moment.astimezone(timezone.utc)


def read_with_pyrefiqda(path, tmp_path):
    return pyrefiqda.RefiProject.load(path, extract_dir=str(tmp_path / "extracted"))


def codes_of(code_book):
    found = {}

    def walk(codes, parents):
        for code in codes:
            found[code.guid] = " > ".join([*parents, code.name])
            walk(code.code, [*parents, code.name])

    walk(code_book.codes.code, [])
    return found


def test_our_export_is_read_whole_by_pyrefiqda_memos_included(sample_db, tmp_path):
    first = codings.list_codings(sample_db)[0]
    with sample_db.write() as session:
        session.get(Coding, session.scalar(select(Coding.id).where(Coding.guid == first.guid))).memo = "Let op: ironie"
        session.scalar(select(Transcript).where(Transcript.name == first.transcript)).memo = "Tweede gesprek"
    exchange.export_project(sample_db, tmp_path / "study.qdpx", "Studie")
    project = read_with_pyrefiqda(tmp_path / "study.qdpx", tmp_path)

    codes = codes_of(project.code_book)
    with sample_db.read() as session:
        ours = {c.guid for c in session.scalars(select(Code))}
    assert set(codes) == ours
    sources = project.sources.text_source
    assert len(sources) == len(transcripts.list_transcripts(sample_db))
    selections = [(s, sel) for s in sources for sel in s.plain_text_selection]
    read = sorted((codes[c.code_ref.target_guid], sel.end_position - sel.start_position)
                  for _, sel in selections for c in sel.coding)
    mine = sorted((c.code_path, c.end - c.start) for c in codings.list_codings(sample_db))
    assert read == mine
    users = {u.guid for u in project.users.user}
    assert all(c.creating_user in users for _, sel in selections for c in sel.coding)
    described = {sel.description for _, sel in selections if sel.description}
    assert "Let op: ironie" in described
    assert "Tweede gesprek" in {s.description for s in sources}
    (note,) = [n for n in project.notes.note if n.plain_text_content == "Let op: ironie"]  # who wrote it, and when
    assert note.creating_user in users and utc(note.creation_date_time.to_datetime()) == \
        utc(first.created_at.replace(microsecond=0))
    with zipfile.ZipFile(tmp_path / "study.qdpx") as archive:  # the text a selection points at is the quote
        source = next(s for s in sources if any(sel.description == "Let op: ironie" for sel in s.plain_text_selection))
        text = archive.read(f"sources/{source.plain_text_path.removeprefix('internal://')}").decode("utf-8")
    selection = next(sel for sel in source.plain_text_selection if sel.description == "Let op: ironie")
    assert " ".join(text[selection.start_position : selection.end_position].split()) == " ".join(first.quote.split())


def nvivo_like_project(path, tmp_path, text, selections, folder="Sources"):
    """A project as NVivo writes it, made with pyrefiqda: positions in UTF-16 code units, a memo as a
    selection's Description, the text in a `Sources/` folder."""
    m = models
    user = "6f1c1d8e-9a4b-4c55-8f0e-3b1a2c4d5e60"
    codes = [m.CodeType(guid=f"00000000-0000-4000-8000-00000000000{n}", name=name, is_codable=True)
             for n, name in enumerate(["Studievertraging", "Geld"], 1)]
    def utf16(at):
        return len(text[:at].encode("utf-16-le")) // 2

    chosen = []
    for n, (words, code, memo) in enumerate(selections, 1):
        start = text.index(words)
        chosen.append(m.PlainTextSelectionType(
            guid=f"10000000-0000-4000-8000-00000000000{n}", start_position=utf16(start),
            end_position=utf16(start + len(words)), description=memo, creating_user=user,
            coding=[m.CodingType(guid=f"20000000-0000-4000-8000-00000000000{n}", creating_user=user,
                                 code_ref=m.CodeRefType(target_guid=codes[code].guid))]))
    source = m.TextSourceType(guid="30000000-0000-4000-8000-000000000001", name="Open antwoorden",
                              plain_text_path="internal://30000000-0000-4000-8000-000000000001.txt",
                              plain_text_selection=chosen)
    project = m.Project(name="NVivo project", origin="NVivo 14", users=m.UsersType(user=[m.UserType(guid=user, name="Dewi")]),
                        code_book=m.CodeBookType(codes=m.CodesType(code=codes)),
                        sources=m.SourcesType(text_source=[source]))
    pyrefiqda.RefiProject.save(project, path)
    with zipfile.ZipFile(path, "a") as archive:
        archive.writestr(f"{folder}/30000000-0000-4000-8000-000000000001.txt", text.encode("utf-8"))


def test_an_nvivo_project_with_emoji_lands_on_the_right_words(db, tmp_path):
    text = ("Anouk   0:01\nHoe was het? 😀\n\nBram   0:04\nLeuk 👍🏽 maar de studievertraging 😬 was zwaar. "
            "En het geld 💸 ook, echt.\n")
    nvivo_like_project(tmp_path / "nvivo.qdpx", tmp_path, text, [
        ("studievertraging 😬 was zwaar", 0, "Let op: ironie"), ("het geld 💸 ook", 1, None), ("zwaar", 0, None)])
    outcome = exchange.import_project(db, tmp_path / "nvivo.qdpx", "me")
    assert outcome.codings == 3 and not outcome.lost
    assert outcome.notes == ["'Open antwoorden': positions read as UTF-16 code units (they fit its words; "
                             "the standard says code points)"]
    made = {c.quote: c for c in codings.list_codings(db)}
    assert set(made) == {"studievertraging 😬 was zwaar", "het geld 💸 ook", "zwaar"}
    assert made["studievertraging 😬 was zwaar"].memo == "Let op: ironie"
    assert made["zwaar"].coder == "Dewi"


def test_documents_that_are_not_transcripts_keep_every_word(db, tmp_path):
    """As MAXQDA exports a project of articles: label-like lines are no speakers, nothing is dropped."""
    article = ("Onderwijs in beweging\nEen artikel over lerarenopleidingen. Het gaat over studievertraging.\n\n"
               "Tweede alinea over de stage.\nAuteur: Dewi Jansen\nBron: Tijdschrift\nAuteur: Dewi Jansen\n"
               "Slot: dit is het einde.\n")
    nvivo_like_project(tmp_path / "a.qdpx", tmp_path, article, [("studievertraging", 0, None), ("het einde", 1, None)],
                       folder="sources")
    outcome = exchange.import_project(db, tmp_path / "a.qdpx", "me")
    assert outcome.characters_not_kept == 0 and outcome.codings == 2
    detail = transcripts.show_transcript(db, "Open antwoorden")
    assert detail.text.split() == article.split() and {t.speaker for t in detail.turns} == {unknown_speaker()}
    assert {c.quote for c in codings.list_codings(db)} == {"studievertraging", "het einde"}


def test_our_export_is_read_whole_by_qdapy_memos_and_coders_included(sample_db, tmp_path):
    import warnings

    qdapy = pytest.importorskip("qdapy")
    first = codings.list_codings(sample_db)[0]
    codings.set_memo(sample_db, first.guid, "Let op: ironie")
    exchange.export_project(sample_db, tmp_path / "study.qdpx", "Studie")
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")  # what its tables cannot hold (cases, sets): not ours to judge
        project = qdapy.read_qdpx(tmp_path / "study.qdpx")
    fragments = project.fragments
    mine = codings.list_codings(sample_db)
    assert len(fragments) == len(mine)
    assert sorted(fragments["code"]) == sorted("/".join(c.code_path.split(" > ")) for c in mine)  # its separator
    assert set(fragments["codedBy"]) == {c.coder for c in mine}
    assert (fragments["comment"] == "Let op: ironie").sum() == 1


def test_a_project_of_another_tool_goes_out_and_in_again_with_the_same_words(db, tmp_path):
    """An NVivo project of comments had 2,866 words masked in its export (covid, Pfizer, Dr., committee: labels
    read as speakers, which nobody registered), and the next import carried the masks into the quotes."""
    comments = ("Covid: the covid vaccine came late, after Covid hit.\n\nPfizer: Dr. Smith said the committee agreed "
                "on Pfizer.\n\nCovid: a second covid wave, Mr. Jones said.\n\nPfizer: Ms. Brown of the committee.\n")
    nvivo_like_project(tmp_path / "c.qdpx", tmp_path, comments, [("covid vaccine", 0, None), ("the committee", 1, None)])
    exchange.import_project(db, tmp_path / "c.qdpx", "me")
    assert exchange.export_project(db, tmp_path / "out.qdpx", "Uit").names_masked == 0
    again = Database(resolve_url(str(tmp_path / "again.sqlite")))
    exchange.import_project(again, tmp_path / "out.qdpx", "me")
    (first,), (source,) = ([s.name for s in transcripts.list_transcripts(d)] for d in (db, again))
    text = transcripts.show_transcript(again, source).text
    assert text.split() == transcripts.show_transcript(db, first).text.split() and "▒" not in text
    assert {c.quote for c in codings.list_codings(again)} == {"covid vaccine", "the committee"}
    again.close()


def test_a_document_of_comments_is_a_plain_document_kept_character_for_character(db, tmp_path):
    """Its paragraphs start 'Covid:' and 'Pfizer:' (each twice): 21 invented speakers and about 3,000 characters of
    such prefixes gone, with 0 characters 'not kept' in the summary. Now it is a document, stored as written."""
    comments = ("Covid: the covid vaccine came late, after Covid hit.\n\nPfizer: Dr. Smith said the committee agreed "
                "on Pfizer.\n\nCovid: a second covid wave, Mr. Jones said.\n\nPfizer: Ms. Brown of the committee.\n")
    nvivo_like_project(tmp_path / "c.qdpx", tmp_path, comments, [("covid vaccine", 0, None), ("the committee", 1, None)])
    outcome = exchange.import_project(db, tmp_path / "c.qdpx", "me")
    detail = transcripts.show_transcript(db, "Open antwoorden")
    assert {t.speaker for t in detail.turns} == {unknown_speaker()}
    assert detail.text == comments.strip() and outcome.characters_not_kept == 0
    assert {c.quote for c in codings.list_codings(db)} == {"covid vaccine", "the committee"}


def test_a_plain_document_goes_round_trips_unchanged(db, tmp_path):
    """The export wrote a '(onbekend)   0:00' line above each paragraph of a plain document, and the next import
    kept them as its text: the document grew on every round trip."""
    article = "Onderwijs in beweging\n\nEen artikel over studievertraging.\n\nSlot: dit is het einde.\n"
    nvivo_like_project(tmp_path / "a.qdpx", tmp_path, article, [("studievertraging", 0, None)], folder="sources")
    exchange.import_project(db, tmp_path / "a.qdpx", "me")
    texts, quotes = [], []
    study = db
    for trip in range(3):
        exchange.export_project(study, tmp_path / f"out{trip}.qdpx", "Uit")
        with zipfile.ZipFile(tmp_path / f"out{trip}.qdpx") as archive:
            texts += [archive.read(n).decode("utf-8") for n in archive.namelist() if n.startswith("sources/")]
        study = Database(resolve_url(str(tmp_path / f"trip{trip}.sqlite")))
        exchange.import_project(study, tmp_path / f"out{trip}.qdpx", "me")
        quotes.append(sorted(c.quote for c in codings.list_codings(study)))
    assert texts == [article.strip()] * 3 and "0:00" not in texts[0]
    assert quotes == [["studievertraging"]] * 3


def _project_of(sources: dict[str, tuple[str, tuple[str, str] | None]]) -> bytes:
    """A .qdpx written by hand: per source its plainTextPath and the member text (None: no such member), each
    with one selection coded with the one code."""
    code = "00000000-0000-4000-8000-000000000001"
    parts, members = [], {}
    for n, (name, (path, text)) in enumerate(sources.items(), 1):
        selection = (f'<PlainTextSelection guid="10000000-0000-4000-8000-00000000000{n}" startPosition="0" '
                     f'endPosition="4"><Coding guid="20000000-0000-4000-8000-00000000000{n}"><CodeRef '
                     f'targetGUID="{code}"/></Coding></PlainTextSelection>')
        parts.append(f'<TextSource guid="30000000-0000-4000-8000-00000000000{n}" name="{name}" '
                     f'plainTextPath="{path}">{selection}</TextSource>')
        if text is not None:
            members[text[0]] = text[1]
    qde = ('<?xml version="1.0" encoding="utf-8"?>\n<Project xmlns="urn:QDA-XML:project:1.0" name="p" origin="x">'
           f'<CodeBook><Codes><Code guid="{code}" name="Geld" isCodable="true"/></Codes></CodeBook>'
           f'<Sources>{"".join(parts)}</Sources></Project>')
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("project.qde", qde)
        for member, content in members.items():
            archive.writestr(member, content)
    return buffer.getvalue()


def test_one_source_without_text_refuses_nothing_else_and_is_named(db, tmp_path):
    """ATLAS.ti 8 ships its projects with an empty Sources/ (one missing text refused the whole project, its
    codes and notes lost) and NVivo for Mac writes a 1-byte file for every source ('the source holds no text',
    naming none). Those sources are named with their codings; the rest comes in."""
    text = "Geld is het probleem, zegt iedereen."
    path = tmp_path / "p.qdpx"
    path.write_bytes(_project_of({
        "Gone": ("internal://gone.txt", None),
        "Mac": ("internal://mac.txt", ("sources/mac.txt", "\n")),
        "Good": ("internal://good.txt", ("sources/good.txt", text)),
    }))
    outcome = exchange.import_project(db, path, "me")
    assert outcome.sources == 1 and outcome.codings == 1 and outcome.codes_added == 1
    gone, mac = (next(line for line in outcome.lost if f"'{name}'" in line) for name in ("Gone", "Mac"))
    assert "not in the file (internal://gone.txt)" in gone and "1 coding(s) not placed" in gone
    assert "empty" in mac and "1 coding(s) not placed" in mac
    assert [c.quote for c in codings.list_codings(db)] == ["Geld"]


@pytest.mark.parametrize("path, member", [
    ("doc.txt", "sources/doc.txt"),  # qc: a bare name
    ("internal:/doc.txt", "sources/doc.txt"),  # ATLAS.ti 23
    ("internal://doc.txt", "Sources/DOC.TXT"),  # NVivo for Windows' folder, another case
    ("doc.txt", "doc.txt"),  # at the zip's root
])
def test_a_source_text_is_found_where_tools_put_it(db, tmp_path, path, member):
    """qc writes plainTextPath="doc.txt": its file in sources/ was not found and 0 of 205 codings came in."""
    (tmp_path / "p.qdpx").write_bytes(_project_of({"Doc": (path, (member, "Geld is het probleem."))}))
    outcome = exchange.import_project(db, tmp_path / "p.qdpx", "me")
    assert outcome.sources == 1 and outcome.codings == 1 and not outcome.lost


def test_project_notes_that_belong_to_nothing_are_memos_of_the_study(db, tmp_path):
    """A project's own <Notes> (ATLAS.ti's memos) were dropped without a word, then only listed."""
    data = _project_of({"Doc": ("internal://doc.txt", ("sources/doc.txt", "Geld is het probleem."))})
    notes = ('<Notes><Note guid="40000000-0000-4000-8000-000000000001" name="Eerste indruk"><PlainTextContent>'
             "Veel over geld.</PlainTextContent></Note></Notes>")
    (tmp_path / "p.qdpx").write_bytes(rezip(data, lambda name, content: content.replace(
        b"<CodeBook>", notes.encode() + b"<CodeBook>") if name == "project.qde" else content))
    outcome = exchange.import_project(db, tmp_path / "p.qdpx", "me")
    assert outcome.codings == 1 and outcome.memos == 1 and outcome.lost == []
    assert [(m.name, m.text) for m in memos.study_memos(db)] == [("Eerste indruk", "Veel over geld.")]
