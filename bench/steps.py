"""One benchmark step per process: `python -m bench.steps RUNS STEP [ARGS]` prints one JSON line.

RUNS 0 only prepares the step's data (corpus, database), so that set-up is neither timed nor in
the step's peak memory.
"""

from __future__ import annotations

import asyncio
import json
import os
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from bench.corpus import CACHE, ROOT, corpus, on_postgres, study
from bench.paint import paint_clock

SAMPLE = ROOT / "transcripts" / "sample-study"
BIG = "interview-20"  # the sample's 15,490-word transcript
CODE = "Studenten > Belemmeringen studenten > Studievertraging"
LARGE = (1000, 12_000, 3_000_000)  # interviews, words each, random codings: ~3,000 per transcript
LARGE_ONE = "interview-500"
MONOLOGUE = 19_000_000  # characters: a transcript may hold 20 MB
CLI = {  # whole workbench processes on the large study
    "respondents": ["report", "frequencies", "--by", "programme"],
    "institutions": ["report", "frequencies", "--by", "programme", "--unit", "institution"],
    "quotations": ["report", "frequencies", "--by", "programme", "--unit", "quotation"],
    "list": ["transcripts", "list", "--format", "json"],
    "suggest": ["suggest", "--transcript", LARGE_ONE],
    "autocode": ["autocode", "--code", CODE, "--role", "respondent"],
    "codings": ["codings", "list", "--code", CODE, "--format", "json"],
    "quotes": ["report", "quotes", CODE],  # every code has about as many codings (random): any is the largest
    "disagreements": ["disagreements", "anna", "bram", "--format", "json"],
    "agreement": ["agreement", "anna", "bram", "--format", "json"],
    "xlsx": ["report", "frequencies", "--format", "xlsx", "--out", str(CACHE / "large-report.xlsx")],
    "export": ["project", "export", str(CACHE / "large-project.qdpx")],
}
GUIDE_QUESTION = "11"  # 'Wat vinden studenten van internationalisering?'


def sample_study() -> Path:
    """The bundled sample study, imported, registered, with codebook and auto-coding."""
    from workbench.core.db import Database, resolve_url
    from workbench.services import autocode, codebook, participants, transcripts

    path = CACHE / "sample.sqlite"
    if not path.exists():
        CACHE.mkdir(parents=True, exist_ok=True)
        partial = path.with_suffix(".partial")
        partial.unlink(missing_ok=True)
        db = Database(resolve_url(str(partial)))
        transcripts.import_paths(db, [SAMPLE], replace=False, coder="bench")
        participants.import_registry(db, SAMPLE / "participants.csv")
        codebook.import_codebook(db, ROOT / "codebook" / "interview-guide.yaml", coder="bench")
        autocode.autocode(db, "autocoder", role="respondent")
        db.close()
        partial.rename(path)
    return path


def private_copy(path: Path) -> Path:
    """A copy to write into, so that runs do not change the cached database."""
    target = Path(tempfile.mkdtemp()) / path.name
    shutil.copy(path, target)
    return target


def timed(action) -> float:
    start = time.perf_counter()
    action()
    return time.perf_counter() - start


# ------------------------------------------------------------------ import and counting

def step_import(runs: int, interviews: str, words: str) -> dict:
    import docx

    from workbench.core.db import Database, resolve_url
    from workbench.services.transcripts import import_paths, transcript_files

    folder = corpus(int(interviews), int(words))
    if not runs:
        return {}
    files = transcript_files([folder])

    def read_only() -> None:  # what any tool must do at least: python-docx paragraphs, decoded text files
        for path in files:
            if path.suffix == ".docx":
                [paragraph.text for paragraph in docx.Document(str(path)).paragraphs]
            else:
                data = path.read_bytes()
                data.decode("utf-16") if data[:2] in (b"\xff\xfe", b"\xfe\xff") else data.decode("utf-8-sig")

    def store() -> None:
        with tempfile.TemporaryDirectory() as tmp:
            db = Database(resolve_url(str(Path(tmp) / "bench.sqlite")))
            import_paths(db, [folder], replace=False, coder="bench")
            db.close()

    ratios, imports, reads = [], [], []
    for _ in range(runs):  # interleaved: both see the same machine load
        reads.append(timed(read_only))
        imports.append(timed(store))
        ratios.append(imports[-1] / reads[-1])
    return dict(times=ratios, unit="ratio", note=f"{len(files)} files; import {statistics.median(imports):.1f} s, "
                f"read only {statistics.median(reads):.1f} s")


def step_import_large_file(runs: int, shape: str) -> dict:
    """`workbench import` as a whole process of a file just under the 20 MB limit: 3.3 million 'R1: a' lines
    (built to hurt: a turn of 3.3 million labelled lines), or an SRT of 300,000 cues."""
    folder = Path(tempfile.mkdtemp())
    path = folder / ("big.txt" if shape == "lines" else "big.srt")
    with path.open("w", encoding="utf-8") as out:
        if shape == "lines":
            out.write("R1: a\n" * 3_300_000)
        else:
            for n in range(1, 300_001):
                s = n
                out.write(f"{n}\n{s // 3600:02d}:{s // 60 % 60:02d}:{s % 60:02d},000 --> "
                          f"{s // 3600:02d}:{s // 60 % 60:02d}:{s % 60:02d},900\nWoord {n} van de zin.\n\n")

    def once() -> None:
        db = folder / "bench.sqlite"
        db.unlink(missing_ok=True)
        subprocess.run([sys.executable, "-m", "workbench", "--db", str(db), "import", str(path)], check=True,
                       capture_output=True)

    return dict(times=[timed(once) for _ in range(runs)], unit="s", note=f"{path.stat().st_size / 1e6:.1f} MB")


def step_import_large_input(runs: int, what: str) -> dict:
    """A whole `workbench` process taking a file far larger than a real study's (size is no attack): a codebook
    of 5,000 codes (YAML, REFI-QDA .qdc, Taguette CSV), a registry of 50,000 rows, a guide of 2,000 questions,
    a REFI-QDA project of 5,000 sources; into a study of one interview."""
    import io
    import uuid
    import zipfile

    folder = Path(tempfile.mkdtemp())
    base = folder / "base.sqlite"
    sample = ROOT / "transcripts" / "sample-study" / "interview-01.docx"
    subprocess.run([sys.executable, "-m", "workbench", "--db", str(base), "--coder", "bench", "--new-coder",
                    "import", str(sample)], check=True, capture_output=True)
    files = {
        "codebook-yaml": ("big.yaml", "codes:\n" + "".join(
            f"  - name: Thema {i}\n    keywords: [woord{i}]\n    children:\n      - name: Sub {i}\n"
            for i in range(2500))),
        "codebook-qdc": ("big.qdc", '<?xml version="1.0" encoding="utf-8"?>\n<CodeBook xmlns="urn:QDA-XML:codebook:1.0">'
                         "<Codes>" + "".join(f'<Code guid="{uuid.UUID(int=i)}" name="Code {i}" isCodable="true"/>'
                                             for i in range(5000)) + "</Codes></CodeBook>"),
        "codebook-taguette": ("big.csv", "tag,description\n" + "".join(f"tag {i},over {i}\n" for i in range(5000))),
        "registry": ("registry.csv", "transcript,speaker,respondent,role,institution,programme\n" + "".join(
            f"interview-01,Spreker {i},R{i},respondent,Hogeschool {i % 17},pabo\n" for i in range(50_000))),
        "guide": ("guide.md", "## Deel 1 — Alles\n" + "".join(
            f"{i}. Wat vindt u van onderwerp {i} in de opleiding?\n" for i in range(1, 2001))),
    }
    command = {"codebook-yaml": "codebook", "codebook-qdc": "codebook", "codebook-taguette": "codebook",
               "registry": "participants", "guide": "guide", "project": "project"}[what]
    if what == "project":
        sources = "".join(f'<TextSource guid="{uuid.UUID(int=i)}" name="doc {i}"><PlainTextContent>Interviewer   0:01'
                          f"\nHoe gaat het?\n\nRespondent   0:05\nGoed, ik werk hier {i} jaar.</PlainTextContent>"
                          "</TextSource>" for i in range(5000))
        buffer = io.BytesIO()
        with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
            archive.writestr("project.qde", '<?xml version="1.0" encoding="utf-8"?>\n<Project '
                             f'xmlns="urn:QDA-XML:project:1.0" name="groot"><Sources>{sources}</Sources></Project>')
        path = folder / "big.qdpx"
        path.write_bytes(buffer.getvalue())
    else:
        path = folder / files[what][0]
        path.write_text(files[what][1], encoding="utf-8")

    def once() -> None:
        db = folder / "bench.sqlite"
        shutil.copy(base, db)
        subprocess.run([sys.executable, "-m", "workbench", "--db", str(db), "--coder", "bench", command, "import",
                        str(path)], check=True, capture_output=True)

    return dict(times=[timed(once) for _ in range(runs)], unit="s", note=f"{path.stat().st_size / 1e6:.1f} MB")


def step_frequencies(runs: int, codings: str, unit: str = "respondent") -> dict:
    from workbench.core.db import Database, resolve_url
    from workbench.services.frequencies import frequencies

    path = study(30, 12_000, int(codings))
    db = Database(resolve_url(str(path)))  # brings an older cached database to the newest schema
    if not runs:
        return {}
    frequencies(db, unit, "programme")  # warm: page cache, imports
    times = [timed(lambda: frequencies(db, unit, "programme")) for _ in range(runs)]
    return dict(times=times, unit="s", note=f"{unit} unit, by programme, 30 interviews, SQLite")


def step_suggest(runs: int, what: str) -> dict:
    """Suggestions for every respondent turn of the 30 x 12,000-word corpus (model load, or the corpus)."""
    from workbench.core.db import Database, resolve_url
    from workbench.services import suggestions
    from workbench.services.lookup import respondent_turns

    path = study(30, 12_000, 0)
    db = Database(resolve_url(str(path)))
    if not runs:
        return {}
    if what == "load":  # a new process each time would be fairer; spaCy's import is the bulk
        times = [timed(lambda: suggestions._model.cache_clear() or suggestions.model_for(db))]
        return dict(times=times, unit="s", note="spaCy import + blank nl + codebook patterns (first load)")
    model = suggestions.model_for(db)
    with db.read() as session:
        every, five = respondent_turns(session), respondent_turns(session, "interview-05")
    if what == "turn":  # one respondent turn not seen before (no analysis cached): the TUI's case
        texts = [turn.text + " ." for turn in five][:runs * 20]
        times = [timed(lambda t=t: model.rank([t])) for t in texts]
        return dict(times=times, unit="s", note=f"{len(texts)} turns of interview-05, each analysed and ranked")
    if what == "monologue":  # one turn as long as an importable transcript may be (hostile, or hours of one voice)
        corpus = " ".join(turn.text for turn in every) + " "
        text = (corpus * (MONOLOGUE // len(corpus) + 1))[:MONOLOGUE]
        times = [timed(lambda: model.rank([text])) for _ in range(runs)]
        return dict(times=times, unit="s", note=f"{len(text) / 1e6:.0f} million characters in one respondent turn")
    words = sum(len(turn.text.split()) for turn in every)
    times = [timed(lambda: suggestions.suggest(db, model=model)) for _ in range(runs)]
    return dict(times=times, unit="s", note=f"{words:,} respondent words, {words / statistics.median(times):,.0f} "
                "words/s")


def step_large(runs: int, command: str, backend: str = "sqlite") -> dict:
    """One workbench command as a whole process (start, query, output) on the 1,000-interview study."""
    path = study(*LARGE)
    db = str(path) if backend == "sqlite" else on_postgres(path, os.environ["WORKBENCH_BENCH_POSTGRES"])
    if command == "autocode":  # it writes: into a copy, a new coder each run so that each does the same work
        db = str(CACHE / "large-autocode.sqlite")
        if not runs:
            shutil.copy(path, db)
    argv = [sys.executable, "-m", "workbench", "--db", db]

    def once(i: int) -> None:
        who = ["--coder", f"bench{i}", "--new-coder"] if command == "autocode" else []
        subprocess.run([*argv, *who, *CLI[command]], cwd=ROOT, check=True, stdout=subprocess.DEVNULL)

    if not runs:  # bytecode, as an installed package has it (this VM sets PYTHONDONTWRITEBYTECODE)
        subprocess.run([sys.executable, "-m", "compileall", "-q", "workbench"], cwd=ROOT, check=True,
                       capture_output=True)
        if command != "autocode":
            once(0)  # the page cache warm, as on a machine in use
        return {}
    times = [timed(lambda i=i: once(i + 1)) for i in range(runs)]
    return dict(times=times, unit="s", note=f"{LARGE[0]:,} x {LARGE[1]:,} words, {LARGE[2]:,} codings, {backend}",
                peak_mb=resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024)  # the command's own


# ------------------------------------------------------------------ the TUI, through Textual's pilot

def step_tui_start(runs: int, until_: str = "paint") -> dict:
    """A new process: from its start to the first frame, or to the overview painted with its rows (headless)."""
    path = sample_study()
    if not runs:  # bytecode, as an installed package has it (this VM sets PYTHONDONTWRITEBYTECODE)
        subprocess.run([sys.executable, "-m", "compileall", "-q", "workbench", "bench"], cwd=ROOT, check=True,
                       capture_output=True)
        return {}
    times, notes = [], set()
    for _ in range(runs):
        out = subprocess.run([sys.executable, "-m", "bench.tui_start", str(path), repr(time.time())], cwd=ROOT,
                             capture_output=True, text=True, check=True).stdout.split()
        times.append(float(out[0] if until_ == "paint" else out[1]))
        notes.add(out[2])
    return dict(times=times, unit="s", note=f"new process, sample study; spaCy imported: {', '.join(notes)}")


async def _pilot(db_path: Path, scenario, size=(120, 40)):
    from workbench.core.db import Database, resolve_url
    from workbench.tui.app import WorkbenchApp
    from workbench.tui.screens.overview import OverviewScreen

    app = WorkbenchApp(Database(resolve_url(str(db_path))), "bench")
    app.frames = paint_clock(app)
    async with app.run_test(size=size) as pilot:
        await until(pilot, lambda: isinstance(app.screen, OverviewScreen) and app.screen.summaries)
        return await scenario(app, pilot)


async def until(pilot, condition, timeout: float = 60) -> None:
    deadline = time.monotonic() + timeout
    while not condition():
        if time.monotonic() > deadline:
            raise TimeoutError("the TUI did not get there")
        await asyncio.sleep(0.001)


def step_tui_open(runs: int, phase: str, which: str = "sample") -> dict:
    """From asking for the transcript to its first paint (or to the first frame with all its turns in the view:
    not the last frame before the app is idle, which waited for the suggestions made after it); which: the
    sample's longest transcript, or one of the large study (~3,000 codings)."""
    from workbench.tui.screens.transcript import TranscriptScreen

    path, name = (sample_study(), BIG) if which == "sample" else (study(*LARGE), LARGE_ONE)
    if not runs:
        return {}
    painted: list[float] = []
    put: list[float] = []
    whole = TranscriptScreen._whole

    def _whole(screen) -> None:  # called right after the first paint
        painted.append(time.perf_counter())
        whole(screen)
        put.append(time.perf_counter())  # every turn is in the view now: the next frame shows them

    TranscriptScreen._whole = _whole

    async def scenario(app, pilot):
        times = []
        for _ in range(runs):
            start = time.perf_counter()
            app.open_transcript(name)
            await until(pilot, lambda: isinstance(app.screen, TranscriptScreen) and app.screen.page is not None
                        and len(app.screen.page.turns) == len(app.screen.detail.turns))
            await pilot.pause()
            times.append((painted[-1] if phase == "paint" else next(f for f in app.frames if f > put[-1])) - start)
            # its suggestions come after (the first time with spaCy's load): let them finish
            await until(pilot, lambda shown=app.screen: shown.suggestions is not None)
            await pilot.press("escape")
            await pilot.pause(0.3)
        return times

    note = f"{BIG} (15,490 words, ~630 turns)" if which == "sample" else f"{LARGE_ONE} of the large study"
    return dict(times=asyncio.run(_pilot(path, scenario)), unit="s", note=f"{note}, 120x40")


def step_tui_apply(runs: int) -> dict:
    """Code the next uncoded respondent turn: database commit, page rebuilt, repainted."""
    from workbench.services import codings
    from workbench.tui.screens.transcript import Step, TranscriptScreen

    path = sample_study()
    if not runs:
        return {}
    path = private_copy(path)

    async def scenario(app, pilot):
        app.open_transcript(BIG)
        await until(pilot, lambda: isinstance(app.screen, TranscriptScreen) and app.screen.suggestions is not None)
        screen, times = app.screen, []  # (suggestions loaded: no worker competes for the GIL)
        for _ in range(runs + 1):
            await pilot.press("n")
            turn, shown = screen._turn(), []

            def done(made, shown=shown):
                screen._done(Step(added=made))
                shown.append(time.perf_counter())

            start = time.perf_counter()  # the coder's request, through the one write path (a worker)
            screen.write(lambda turn=turn: codings.add_coding(app.db, app.coder, screen.transcript, CODE, turn.start,
                                                              turn.end), done)
            await until(pilot, lambda shown=shown: shown)
            await pilot.pause()
            times.append(next(f for f in app.frames if f > shown[0]) - start)  # the first frame with the coding
        return times[1:]  # the first includes one-off imports

    return dict(times=asyncio.run(_pilot(path, scenario)), unit="s",
                note="worker commit, page rebuilt, first frame with the coding; 15,490 words")


def step_tui_long_turn(runs: int) -> dict:
    """One key in a respondent's turn of 20,000 words (an hour of monologue): down, page down, End, up, page
    up, Home, each from the key to the first frame after it."""
    from workbench.core.db import Database, resolve_url
    from workbench.services import participants, transcripts
    from workbench.tui.screens.transcript import TranscriptScreen

    if not runs:
        return {}
    folder = Path(tempfile.mkdtemp())
    sentences = [f"{opener} {words}" for opener, words in zip(
        ["Ja,", "Nou,", "Kijk,", "Eh,"] * 2000, ["dat verschilt van jaar tot jaar bij ons op de opleiding."] * 8000)]
    monologue = " ".join(sentences)
    while len(monologue.split()) < 20_000:
        monologue += " " + monologue
    monologue = " ".join(monologue.split()[:20_000])
    (folder / "lange-beurt.txt").write_text(f"I   0:01\nVertel eens?\n\nR   0:05\n{monologue}\n", encoding="utf-8")
    (folder / "registry.csv").write_text("transcript,speaker,respondent,role,institution,programme\n"
                                         "lange-beurt,I,I1,interviewer,,\nlange-beurt,R,R1,respondent,A,pabo\n",
                                         encoding="utf-8")
    path = folder / "long.sqlite"
    db = Database(resolve_url(str(path)))
    transcripts.import_paths(db, [folder / "lange-beurt.txt"], replace=False, coder="bench")
    participants.import_registry(db, folder / "registry.csv")
    db.close()
    keys = ("down", "pagedown", "end", "up", "pageup", "home")

    async def scenario(app, pilot):
        app.open_transcript("lange-beurt")
        await until(pilot, lambda: isinstance(app.screen, TranscriptScreen) and app.screen.suggestions is not None)
        screen, times = app.screen, []
        screen.text.move_to(screen.page.body_starts[1])
        await pilot.pause()
        for key in keys * (runs + 1):
            start = time.perf_counter()
            await pilot.press(key)
            await until(pilot, lambda start=start: app.frames[-1] > start)
            times.append(next(f for f in app.frames if f > start) - start)
        return times[len(keys):]  # the first round includes one-off imports

    return dict(times=asyncio.run(_pilot(path, scenario)), unit="s",
                note="a 20,000-word turn; down, page down, End, up, page up, Home: each key to its first frame")


def _nodes(node) -> int:
    return 1 + sum(_nodes(child) for child in node.children)


def large_with_guide() -> Path:
    """The large study with the interview guide imported and found in every interview (made once)."""
    path = CACHE / "large-guide.sqlite"
    if not path.exists():
        partial = path.with_suffix(".partial")
        shutil.copy(study(*LARGE), partial)
        subprocess.run([sys.executable, "-m", "workbench", "--db", str(partial), "guide", "import",
                        str(ROOT / "codebook" / "interview-guide.md")], cwd=ROOT, check=True, stdout=subprocess.DEVNULL)
        partial.rename(path)
    return path


def step_tui_screen(runs: int, which: str) -> dict:
    """A screen of the large study, from asking for it to the first frame with all its rows: the codebook with
    its counts, the frequencies, the answers to one guide question in every interview, two coders'
    disagreements, the quotes of one code."""
    from textual.widgets import DataTable, Tree

    from workbench.tui.screens.codebook import CodebookScreen
    from workbench.tui.screens.disagreements import DisagreementsScreen
    from workbench.tui.screens.frequencies import FrequenciesScreen
    from workbench.tui.screens.question import QuestionScreen
    from workbench.tui.screens.quotes import QuotesScreen
    from workbench.tui.widgets.long_table import LongTable

    path = large_with_guide() if which == "answers" else study(*LARGE)
    if not runs:
        return {}
    make = {"codebook": CodebookScreen, "frequencies": FrequenciesScreen,
            "answers": lambda: QuestionScreen(GUIDE_QUESTION, "Wat vinden studenten van internationalisering?"),
            "disagreements": lambda: DisagreementsScreen(["anna", "bram"]), "quotes": lambda: QuotesScreen(CODE)}[which]

    def rows_of(screen) -> int:
        return (sum(t.row_count for t in screen.query(DataTable)) + sum(t.row_count for t in screen.query(LongTable))
                + sum(_nodes(t.root) - 1 for t in screen.query(Tree)))

    async def scenario(app, pilot):
        times, firsts, rows = [], [], 0
        for _ in range(runs):
            screen = make()
            start = time.perf_counter()
            app.push_screen(screen)
            await until(pilot, lambda screen=screen: screen.is_current and any(w.node is screen for w in app.workers))
            lists = [*screen.query(DataTable), *screen.query(LongTable)]  # asked every millisecond: kept cheap
            trees = list(screen.query(Tree))
            await until(pilot, lambda lists=lists, trees=trees: any(t.row_count for t in lists)
                        or any(t.root.children for t in trees), timeout=600)
            shown = time.perf_counter()
            await until(pilot, lambda screen=screen: not any(w.node is screen and not w.is_finished
                                                             for w in app.workers), timeout=600)
            await pilot.pause()
            times.append(app.frames[-1] - start)
            firsts.append(next((f for f in app.frames if f > shown), app.frames[-1]) - start)  # a frame with rows
            rows = rows_of(screen)
            await pilot.press("escape")
            await pilot.pause(0.3)
        return times, firsts, rows

    times, firsts, rows = asyncio.run(_pilot(path, scenario))
    return dict(times=times, unit="s", note=f"the large study, {rows:,} rows, 120x40; the first rows shown after "
                                            f"{statistics.median(firsts):.2f} s")


def _overview_db(transcripts_: int) -> Path:
    return study(transcripts_, 300, 0)


def step_tui_overview(runs: int, transcripts_: str, which: str = "small") -> dict:
    """From the app's start to all rows of the study in the overview table (transcripts of 300 words, or the
    large study)."""
    from workbench.tui.screens.overview import OverviewScreen

    path = _overview_db(int(transcripts_)) if which == "small" else study(*LARGE)
    if not runs:
        return {}

    async def once():
        from workbench.core.db import Database, resolve_url
        from workbench.tui.app import WorkbenchApp

        app = WorkbenchApp(Database(resolve_url(str(path))), "bench")
        frames = paint_clock(app)
        start = time.perf_counter()
        async with app.run_test(size=(140, 40)) as pilot:
            await until(pilot, lambda: isinstance(app.screen, OverviewScreen)
                        and app.screen.query_one("DataTable").row_count == int(transcripts_))
            await pilot.pause()
            return frames[-1] - start

    return dict(times=[asyncio.run(once()) for _ in range(runs)], unit="s",
                note=f"{transcripts_} transcripts of 300 words" if which == "small" else "the large study")


def step_tui_overview_keys(runs: int, transcripts_: str) -> dict:
    """Page down in the 1,000-row overview: key to repaint."""
    path = _overview_db(int(transcripts_))
    if not runs:
        return {}

    async def scenario(app, pilot):
        times = []
        await pilot.pause()
        for _ in range(runs):
            start = time.perf_counter()
            app.simulate_key("pagedown")
            await pilot.pause()
            times.append(app.frames[-1] - start)
        return times

    return dict(times=asyncio.run(_pilot(path, scenario, size=(140, 40))), unit="s",
                note=f"{transcripts_} transcripts, DataTable renders visible rows only")


def main() -> None:
    runs, name, *args = sys.argv[1:]
    result = globals()[f"step_{name}"](int(runs), *args)
    result.setdefault("peak_mb", resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024)
    print(json.dumps(result))


if __name__ == "__main__":
    main()
