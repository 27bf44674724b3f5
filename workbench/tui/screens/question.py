"""Every respondent's answer to one guide question, across all transcripts (a framework-matrix column),
coded in place: the answer under the cursor is shown whole below the list; t codes the answer, c the part of it
selected there, enter opens it in its transcript."""

from __future__ import annotations

from dataclasses import dataclass, field

from rich.markup import escape
from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.widgets import Static, TextArea

from workbench.core.codes import PATH_SEPARATOR
from workbench.core.dto import AnswerView
from workbench.core.guide import codes_for_question
from workbench.i18n import N_, _
from workbench.services import codebook, codings, guide
from workbench.transcripts.clock import format_clock
from workbench.tui.screens.base import LINE, KeyFooter, StudyRead, WorkbenchScreen
from workbench.tui.screens.dialogs import CodePicker, Words, search_words
from workbench.tui.widgets.header import StudyHeader
from workbench.tui.widgets.long_table import LongTable


@dataclass(frozen=True)
class Answers:
    found: list[AnswerView]
    paths: tuple[str, ...]  # codes an answer can get
    groups: tuple[str, ...]
    recent: tuple[str, ...]  # the codes the coder applied most recently, newest first
    first: tuple[str, ...] = ()  # the question's own codes, offered first
    words: Words = field(default_factory=dict)  # what the picker searches besides names


class QuestionScreen(WorkbenchScreen):
    """Answers to one question"""

    NAME = N_("Answers to one question")

    BINDINGS = [
        Binding("t", "code", N_("Code answer"), id="code_answer"),
        Binding("c", "code_selection", N_("Code selection"), id="code_answer_part"),
        Binding("enter", "open", N_("Open in transcript"), id="open_answer", show=False),
        Binding("escape", "back", N_("Back"), id="back"),
    ]

    class Loaded(StudyRead):
        def __init__(self, version: int, answers: Answers):
            super().__init__(version)
            self.answers = answers

    def __init__(self, question: str, text: str):
        super().__init__()
        self.question, self.text = question, text
        self.answers: Answers | None = None

    def compose(self) -> ComposeResult:
        yield StudyHeader()
        yield LongTable(_cells, id="answers")
        yield Static("", id="answer-head")
        yield TextArea("", id="answer", read_only=True, soft_wrap=True, show_cursor=True)
        yield KeyFooter()

    def on_mount(self) -> None:
        table = self.query_one(LongTable)
        for label, width in ((_("transcript"), 13), (_("respondent"), 10), (_("programme"), 14), (_("time"), 8),
                             (_("codes"), 24), (_("answer"), LINE)):
            table.add_column(label, width=width)
        self.sub_title = _("question {question}: {text}").format(question=self.question, text=self.text)
        self.load()

    def study_changed(self) -> None:
        self.load()

    @work(thread=True, exclusive=True, exit_on_error=False)
    def load(self) -> None:
        version = self.app.db.version()  # read first: what follows is at least this new
        book = codebook.show_codebook(self.app.db, counted=False)
        self.post_message(self.Loaded(version, Answers(guide.answer_views(self.app.db, self.question),
                                              tuple(c.path for c in book if c.codable),
                                              tuple(c.path for c in book if not c.codable),
                                              tuple(codings.recent_codes(self.app.db, self.app.coder)),
                                              tuple(codes_for_question(book, self.question)), search_words(book))))

    @on(Loaded)
    def _loaded(self, message: Loaded) -> None:
        if not self.fresh(message):
            return
        self.answers = message.answers
        table = self.query_one(LongTable)
        row = table.cursor_row
        table.clear()
        table.add_rows(self.answers.found)
        respondents = len({a.respondent for a in self.answers.found})
        self.sub_title = _("question {question}: {text} · {answers} answers of {respondents} respondents").format(
            question=self.question, text=self.text, answers=len(self.answers.found), respondents=respondents)
        table.focus()
        if self.answers.found:  # a reload (after coding) keeps the coder's place
            table.move_cursor(row=min(row, len(self.answers.found) - 1))
        else:
            self.query_one("#answer-head", Static).update(
                _("No answers found: was the question asked in the transcripts? (workbench guide coverage)"))
        self._show()

    @on(LongTable.RowHighlighted)
    def _show(self) -> None:
        """The answer under the cursor, whole, below the list (tab goes into it: select a part and code it)."""
        answer = self._current()
        if answer:
            codes = " · ".join(escape(p.split(PATH_SEPARATOR)[-1]) for p in answer.codes)
            self.query_one("#answer-head", Static).update(
                f"[b]{escape(answer.respondent)}[/b] · {escape(answer.transcript)} · "
                + _("turn {index}").format(index=answer.turn) + (f" · [i]{codes}[/i]" if codes else ""))
            shown = self.query_one("#answer", TextArea)
            if shown.text != answer.text:
                shown.load_text(answer.text)

    def _current(self) -> AnswerView | None:
        table = self.query_one(LongTable)
        found = self.answers.found if self.answers else []
        return found[table.cursor_row] if found and 0 <= table.cursor_row < len(found) else None

    @on(LongTable.RowSelected)
    def action_open(self) -> None:
        answer = self._current()
        if answer:
            self.app.open_transcript(answer.transcript, at=answer.start)

    def action_code(self) -> None:
        """Code the whole answer, as t does on a turn in its transcript."""
        answer = self._current()
        if answer is not None and self.answers is not None:
            self._code(answer, answer.start, answer.end,
                       _("Code the answer of {respondent}").format(respondent=answer.respondent))

    def _code(self, answer: AnswerView, start: int, end: int, title: str) -> None:
        """Pick a code (the question's own first) for a span of an answer, and code it."""
        self.app.push_screen(
            CodePicker(self.answers.paths, self.answers.recent, title, self.answers.groups,
                       first=self.answers.first, words=self.answers.words),
            lambda picked: picked and self.write(
                lambda: codings.add_coding(self.app.db, self.app.coder, answer.transcript, picked.path, start, end,
                                           create=picked.create),
                lambda _result: self.load()))

    def action_code_selection(self) -> None:
        """Code the part of the answer selected below the list."""
        answer, shown = self._current(), self.query_one("#answer", TextArea)
        if answer is None or self.answers is None:
            return
        start, end = sorted((shown.document.get_index_from_location(shown.selection.start),
                             shown.document.get_index_from_location(shown.selection.end)))
        if start == end:
            self.notify(_("Select part of the answer first (tab, then shift+arrows), or code it whole with t."))
            return
        self._code(answer, answer.start + start, answer.start + end,
                   _("Code part of the answer of {respondent}").format(respondent=answer.respondent))

    def action_back(self) -> None:
        if self.app.screen is self:
            self.app.pop_screen()


def _cells(answer: AnswerView) -> tuple:
    """An answer's row in the list."""
    return (answer.transcript, answer.respondent, ", ".join(answer.programmes),
            format_clock(answer.start_ms) if answer.start_ms is not None else "",
            ", ".join(p.split(PATH_SEPARATOR)[-1] for p in answer.codes), " ".join(answer.text.split())[:LINE])
