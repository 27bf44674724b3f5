"""The start screen: every transcript, who is in it, how much is coded."""

from __future__ import annotations

from collections import Counter
from pathlib import Path

from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.widgets import DataTable, Static

from workbench.core.dto import TranscriptSummary
from workbench.errors import WorkbenchError
from workbench.i18n import N_, _, ngettext
from workbench.tui.screens.base import KeyFooter, StudyRead, WorkbenchScreen
from workbench.tui.screens.dialogs import Assignment, AssignSpeaker, ChoicePicker, Progress, TextPrompt
from workbench.tui.widgets.header import StudyHeader
from workbench.tui.widgets.plain_table import PlainTable

EMPTY = N_("No transcripts in this study yet.\n\n"
           "i  imports: a folder or files of transcripts (Teams .docx and .vtt, verbatim .docx and .txt), a codebook "
           "(.yaml, .qdc), the participants (.csv), a project from ATLAS.ti, MAXQDA, NVivo or QualCoder (.qdpx) or "
           "the interview guide (.md).\n"
           "Then: enter opens a transcript, t codes a turn, f shows the frequencies. F1 shows every key.")
COLUMNS = (  # key, label, the most it takes: a column is as wide as its label and its longest value, up to this
    ("transcript", N_("transcript"), 30), ("date", N_("date"), 10), ("interviewer", N_("int."), 10),
    ("respondents", N_("resp."), 14), ("institution", N_("institution"), 30), ("programme", N_("programme"), 20),
    ("turns", N_("turns"), 7), ("coded", N_("coded"), 9), ("questions", N_("questions"), 6),
    ("coders", N_("coders"), 16), ("unassigned", "⚠", 4),
)


# which columns stay when the terminal is narrow: the least important go first (the sample's all from 135)
PRIORITY = ("transcript", "programme", "coded", "unassigned", "respondents", "institution", "questions", "date",
            "coders", "interviewer", "turns")


def fitting(width: int, widths: dict[str, int]) -> list[str]:
    """The column keys that fit in `width` terminal columns (each cell is padded by 2, the scroll bar takes
    2), the least important left out first; in the table's order."""
    kept, used = set(), 2
    for key in PRIORITY:
        if used + widths[key] + 2 <= width:
            kept.add(key)
            used += widths[key] + 2
    return [key for key, _, _ in COLUMNS if key in kept]


def _cells(s: TranscriptSummary) -> tuple:
    return (s.name, s.recorded_on or "", ", ".join(s.interviewers), ", ".join(s.respondents),
            ", ".join(s.institutions), ", ".join(s.programmes), s.turns, f"{s.coded_share:4.0%}",
            f"{s.questions_asked}/{s.guide_questions}" if s.guide_questions else "",
            ", ".join(s.coders), f"⚠ {len(s.unassigned)}" if s.unassigned else "")


class OverviewScreen(WorkbenchScreen):
    """Study overview"""

    NAME = N_("Study overview")

    BINDINGS = [
        Binding("enter", "open", N_("Open"), id="open", show=False),
        Binding("p", "filter_programme", N_("Programme"), id="filter_programme", show=False),
        Binding("a", "assign", N_("Assign speaker"), id="assign", show=False),
        Binding("i", "import", N_("Import"), id="import"),
        Binding("b", "codebook", N_("Codebook"), id="codebook"),
        Binding("f", "frequencies", N_("Frequencies"), id="frequencies"),
        Binding("v", "review", N_("Review suggestions"), id="review", show=False),
        Binding("d", "disagreements", N_("Disagreements"), id="disagreements", show=False),
        Binding("g", "question", N_("Questions"), id="question"),
        Binding("m", "memos", N_("Memos"), id="memos", show=False),
        Binding("r", "reload", N_("Reload"), id="reload", show=False),
    ]

    class Loaded(StudyRead):
        def __init__(self, version: int, summaries: list[TranscriptSummary]):
            super().__init__(version)
            self.summaries = summaries

    def __init__(self):
        super().__init__()
        self.summaries: list[TranscriptSummary] = []
        self.cells: list[tuple] = []  # each summary's cells, in COLUMNS' order
        self.programme: str | None = None
        self.sorted_by: tuple[str, bool] | None = None
        self.shown_columns: list[str] = []
        self.laid_out: tuple[list[str], dict[str, int]] | None = None  # the columns and widths laid out

    def compose(self) -> ComposeResult:
        yield StudyHeader()
        yield PlainTable(id="transcripts", cursor_type="row", zebra_stripes=True)
        yield Static(_(EMPTY), id="empty")
        yield KeyFooter()

    def on_mount(self) -> None:
        self._columns()
        self.action_reload()

    def on_resize(self) -> None:
        if self._columns() and self.summaries:
            self._fill()

    def _widths(self) -> dict[str, int]:
        """Each column as wide as its label and its longest value, up to its most (no study: the most)."""
        if not self.summaries:
            return {key: most for key, _, most in COLUMNS}
        return {key: min(most, max(len(_(label)), *(len(str(row[i])) for row in self.cells)))
                for i, (key, label, most) in enumerate(COLUMNS)}

    def _columns(self) -> bool:
        """Lay the columns out for the screen's width; True when they changed."""
        widths = self._widths()
        keys = fitting(self.size.width or 80, widths)
        if (keys, widths) == self.laid_out:
            return False
        self.shown_columns, self.laid_out = keys, (keys, widths)
        table = self.query_one(DataTable)
        table.clear(columns=True)
        labels = {key: label for key, label, _ in COLUMNS}
        for key in keys:
            table.add_column(_(labels[key]), key=key, width=widths[key])
        return True

    def study_changed(self) -> None:
        self.action_reload()

    @work(thread=True, exclusive=True, exit_on_error=False)
    def action_reload(self) -> None:
        from workbench.services import transcripts  # after the first paint (SQLAlchemy is slow to import)

        self.post_message(self.Loaded(self.app.db.version(), transcripts.list_transcripts(self.app.db, self.app.counted_coders)))

    @on(Loaded)
    def _loaded(self, message: Loaded) -> None:
        if not self.fresh(message):
            return
        self.summaries = message.summaries
        self.seen_version = message.version  # back from a transcript, the study's version says if shares changed
        self.cells = [_cells(s) for s in self.summaries]
        self._fill()

    def _fill(self) -> None:
        self._columns()  # the names' width may have changed
        table = self.query_one(DataTable)
        row = table.cursor_row
        table.clear()
        shown = [(s, cells) for s, cells in zip(self.summaries, self.cells)
                 if self.programme is None or self.programme in s.programmes]
        at = [i for i, (key, _, _) in enumerate(COLUMNS) if key in self.shown_columns]
        table.add_rows([tuple(cells[i] for i in at) for _summary, cells in shown])
        if self.sorted_by and self.sorted_by[0] in self.shown_columns:
            table.sort(self.sorted_by[0], reverse=self.sorted_by[1])
        table.move_cursor(row=min(row, max(len(shown) - 1, 0)))
        table.focus()
        self.query_one("#empty", Static).display = not self.summaries
        total = sum(s.respondent_turns for s, _row in shown)
        coded = sum(s.coded_respondent_turns for s, _row in shown)
        self.sub_title = " · ".join(part for part in (
            _("coder {coder}").format(coder=self.app.coder),
            ngettext("{n} transcript", "{n} transcripts", len(shown)).format(n=len(shown)),
            _("programme {programme}").format(programme=self.programme) if self.programme else "",
            _("{share:.0%} of the respondent turns coded").format(share=coded / total) if total else "") if part)

    @on(DataTable.HeaderSelected)
    def _sort(self, event: DataTable.HeaderSelected) -> None:
        key = event.column_key.value
        reverse = self.sorted_by == (key, False)
        self.sorted_by = (key, reverse)
        self.query_one(DataTable).sort(key, reverse=reverse)

    def _current(self) -> TranscriptSummary | None:
        if not self.query(DataTable) or not self.query_one(DataTable).row_count:  # closing, or empty
            return None
        table = self.query_one(DataTable)
        name = str(table.get_row_at(table.cursor_row)[0])
        return next(s for s in self.summaries if s.name == name)

    @on(DataTable.RowSelected)
    def action_open(self) -> None:
        current = self._current()
        if current:
            self.app.open_transcript(current.name)

    def action_filter_programme(self) -> None:
        programmes = sorted({p for s in self.summaries for p in s.programmes})

        def chosen(key: str | None) -> None:
            if key is not None:
                self.programme = None if key == "*" else key
                self._fill()

        self.app.push_screen(ChoicePicker(_("Programme"), [("*", _("all programmes"))] + [(p, p) for p in programmes]),
                             chosen)

    def action_assign(self) -> None:
        current = self._current()
        if not current or not current.unassigned:
            self.notify(_("Every speaker of this transcript is assigned."))
            return

        def save(answer: Assignment | None) -> None:
            from workbench.services import participants

            def done(_result) -> None:
                self.notify(_("{label} is now {pseudonym}.").format(label=answer.label, pseudonym=answer.pseudonym))
                self.action_reload()

            if answer:
                self.write(lambda: participants.assign_speaker(
                    self.app.db, None if answer.everywhere else current.name, answer.label, answer.pseudonym,
                    answer.role, answer.institution, answer.programmes), done)

        self.app.push_screen(AssignSpeaker(current.name, list(current.unassigned)), save)

    # the other screens are imported on first use, for a fast start

    def action_codebook(self) -> None:
        from workbench.tui.screens.codebook import CodebookScreen

        self.app.push_screen(CodebookScreen())

    def action_memos(self) -> None:
        from workbench.tui.screens.memos import MemosScreen

        self.app.push_screen(MemosScreen())

    def action_question(self) -> None:
        """Pick a guide question, then read every respondent's answers to it side by side."""
        self._guide()

    @work(thread=True, exclusive=True, exit_on_error=False, group="guide")
    def _guide(self) -> None:
        from workbench.services import guide

        try:
            rows = guide.coverage(self.app.db)
        except WorkbenchError as exc:
            self.app.call_from_thread(
                self.notify, _("{problem} (g then shows the answers per question)").format(problem=exc)
            )
            return
        texts = {q.id: q.text for q in guide.guide_questions(self.app.db)}
        interviews = len({r.transcript for r in rows})
        asked = Counter(r.question for r in rows if r.turn is not None)
        choices = [(q, f"{q}. {text}  ({asked[q]}/{interviews})") for q, text in texts.items()]
        self.app.call_from_thread(self._pick_question, choices, texts)

    def _pick_question(self, choices: list[tuple[str, str]], texts: dict[str, str]) -> None:
        from workbench.tui.screens.question import QuestionScreen

        self.app.push_screen(ChoicePicker(_("Answers to question"), choices),
                             lambda key: key is not None and self.app.push_screen(QuestionScreen(key, texts[key])))

    def action_frequencies(self) -> None:
        from workbench.tui.screens.frequencies import FrequenciesScreen

        self.app.push_screen(FrequenciesScreen())

    def action_disagreements(self) -> None:
        from workbench.tui.screens.disagreements import DisagreementsScreen

        def chosen(names: str | None) -> None:
            coders = [n.strip() for n in (names or "").split(",") if n.strip()]
            if len(set(coders)) >= 2:
                self.app.push_screen(DisagreementsScreen(coders))
            elif names is not None:
                self.notify(_("Name at least two coders, separated by commas."), severity="warning")

        known = sorted({c for s in self.summaries for c in s.coders})
        self.app.push_screen(TextPrompt(_("Differences between coders"), placeholder=", ".join(known[:3])), chosen)

    def action_review(self) -> None:
        self.notify(_("Looking for suggestions (the first time loads spaCy: a few seconds)…"))
        self.app.review_suggestions()

    def action_import(self) -> None:
        self.app.push_screen(TextPrompt(_("Import: transcripts (files or a folder), codebook (.yaml, .qdc), "
                                          "participants (.csv), project (.qdpx) or interview guide"),
                                        placeholder=_("path/to/file-or-folder")),
                             lambda path: path and self._import(Path(path.strip()).expanduser()))

    @work(thread=True, exclusive=True, exit_on_error=False, group="import")
    def _import(self, path: Path) -> None:
        from workbench.services import intake, transcripts

        kind = intake.recognise(path)
        if kind != "transcripts":
            said = intake.import_file(self.app.db, path, kind, self.app.coder)
            self.app.call_from_thread(self.notify, said, title=_("Imported"))
            self.app.call_from_thread(self.action_reload)
            return
        progress = Progress(_("Importing from {path}").format(path=path))
        self.app.call_from_thread(self.app.push_screen, progress)
        try:
            outcomes = transcripts.import_paths(
                self.app.db, [path], replace=False, coder=self.app.coder,
                progress=lambda done, total, name: self.app.call_from_thread(progress.update, done, total, name))
        finally:
            self.app.call_from_thread(progress.close)
        new = sum(o.status == "imported" for o in outcomes)
        refused = [o for o in outcomes if o.status == "refused"]
        said = _("{new} new, {known} already known or twice.").format(new=new, known=len(outcomes) - new - len(refused))
        if refused:
            said += " " + _("Refused: {files}").format(files="; ".join(f"{o.name}: {o.note}" for o in refused))
        self.app.call_from_thread(self.notify, said, severity="warning" if refused else "information")
        self.app.call_from_thread(self.action_reload)
