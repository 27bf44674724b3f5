"""Coding one transcript: select and code, code a turn, change, remove, memo, undo."""

from __future__ import annotations

import bisect
from dataclasses import dataclass, field, replace

from rich.markup import escape
from rich.text import Text
from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, VerticalScroll
from textual.message import Message
from textual.widgets import Static, TextArea

from workbench.core.db import Database
from workbench.core.dto import CodingView, SuggestionView, TranscriptDetail, TurnView
from workbench.core.faults import StudyFault
from workbench.core.guide import codes_for_question
from workbench.core.spans import reshaped, widened
from workbench.core.suggest.evidence import said
from workbench.core.suggest.pipeline import says_something
from workbench.errors import WorkbenchError
from workbench.i18n import N_, _
from workbench.services import codebook, codings, guide, suggestions, transcripts
from workbench.transcripts.clock import format_clock
from workbench.tui.page import TranscriptPage, code_colours, origin_name, role_name, shorten
from workbench.tui.places import Places
from workbench.tui.screens.base import KeyFooter, WorkbenchScreen
from workbench.tui.screens.dialogs import (
    ChoicePicker,
    CodePicker,
    Confirm,
    Picked,
    TextPrompt,
    Words,
    remember,
    search_words,
)
from workbench.tui.screens.memos import MemoEditor
from workbench.tui.widgets.coded_text import CodedText
from workbench.tui.widgets.header import StudyHeader
from workbench.tui.widgets.margin import CodingMargin


@dataclass(frozen=True)
class Step:
    """One undoable coding action: what was added and what was removed."""

    added: CodingView | None = None
    removed: CodingView | None = None
    made: str | None = None  # a code made for it: undo offers to remove it, redo makes it again


FIRST_TURNS = 15  # shown in the first paint: more than a screen holds


@dataclass(frozen=True)
class TranscriptData:
    """Everything the coding view needs, read in a worker before the screen opens."""

    detail: TranscriptDetail
    codings: tuple[CodingView, ...]
    colours: dict[str, str]
    paths: tuple[str, ...]  # codes a coding can go to
    groups: tuple[str, ...] = ()  # code groups (no codings; never made anew from the picker)
    by_question: dict[str, tuple[str, ...]] = field(default_factory=dict)  # guide question -> its codes
    recent: tuple[str, ...] = ()  # the codes the coder applied most recently, newest first
    words: Words = field(default_factory=dict)  # what the picker searches besides names
    fillers: frozenset[int] = frozenset()  # respondent turns that say nothing to code ("Ja, ja."): n passes them


def load_transcript(db: Database, name: str, coder: str) -> TranscriptData:
    book = codebook.show_codebook(db, counted=False)
    detail = transcripts.show_transcript(db, name)
    return TranscriptData(detail, tuple(codings.list_codings(db, transcript=name)),
                          code_colours({c.path: c.colour for c in book}), tuple(c.path for c in book if c.codable),
                          tuple(c.path for c in book if not c.codable),
                          {q: tuple(codes_for_question(book, q)) for q in detail.guide},
                          tuple(codings.recent_codes(db, coder)), search_words(book),
                          frozenset(t.index for t in detail.turns if t.role == "respondent" and not says_something(t.text)))


class SidePanel(VerticalScroll):
    """Where the cursor is, its codes and the turn's suggestions; focused (tab), ↑ and ↓ choose a suggestion."""

    BINDINGS = [Binding("up", "choose(-1)", N_("Previous suggestion here"), show=False),
                Binding("down", "choose(1)", N_("Next suggestion here"), show=False)]

    def action_choose(self, step: int) -> None:
        self.screen.choose_suggestion(step)

    def show_line(self, before: list[str]) -> None:
        """Scroll so that the line after these lines (of markup) is in view."""
        width = max(self.scrollable_content_region.width, 1)
        row = sum(len(Text.from_markup(line).wrap(self.app.console, width)) for line in before)
        if not self.scroll_y <= row < self.scroll_y + self.scrollable_content_region.height - 3:
            self.call_after_refresh(self.scroll_to, y=max(row - 1, 0), animate=False)


class TranscriptScreen(WorkbenchScreen):
    """Transcript: code text and turns"""

    NAME = N_("Transcript: code text and turns")
    # narrow: the text takes the width, no side panel; roomy: a wider coding margin
    HORIZONTAL_BREAKPOINTS = [(0, "-narrow"), (72, "-wide"), (120, "-roomy")]

    BINDINGS = [
        Binding("c", "code_selection", N_("Code selection"), id="code_selection"),
        Binding("t", "code_turn", N_("Code turn"), id="code_turn"),
        Binding("e", "change_coding", N_("Change code"), id="change_coding", show=False),
        Binding("x", "remove_coding", N_("Remove coding"), id="remove_coding", show=False),
        Binding("y", "confirm_autocode", N_("Keep autocode (reviewed)"), id="confirm_autocode", show=False),
        Binding("m", "memo", N_("Memo"), id="memo", show=False),
        Binding("M", "transcript_memo", N_("Transcript memo"), id="transcript_memo", show=False),
        Binding("left_curly_bracket", "reshape('start', -1)", N_("Coding starts a word earlier"), id="start_earlier",
                show=False),
        Binding("right_curly_bracket", "reshape('start', 1)", N_("Coding starts a word later"), id="start_later",
                show=False),
        Binding("left_square_bracket", "reshape('end', -1)", N_("Coding ends a word earlier"), id="end_earlier",
                show=False),
        Binding("right_square_bracket", "reshape('end', 1)", N_("Coding ends a word later"), id="end_later",
                show=False),
        Binding("n", "next_uncoded", N_("Next uncoded"), id="next_uncoded", show=False),
        Binding("slash", "search", N_("Search"), id="search"),
        Binding("g", "search_next", N_("Find next"), id="search_next", show=False),
        Binding("G", "search_previous", N_("Find previous"), id="search_previous", show=False),
        Binding("s", "filter_speaker", N_("Speaker"), id="filter_speaker", show=False),
        Binding("ctrl+z,u", "undo", N_("Undo"), id="undo"),  # the text's own ctrl+z comes here too (CodedText)
        Binding("ctrl+y,U", "redo", N_("Redo"), id="redo", show=False),
        Binding("a", "accept_suggestion", N_("Accept suggestion"), id="accept_suggestion", show=False),
        Binding("r", "reject_suggestion", N_("Reject suggestion"), id="reject_suggestion", show=False),
        Binding("k", "correct_suggestion", N_("Correct suggestion"), id="correct_suggestion", show=False),
        Binding("plus", "widen(1)", N_("Suggestion a sentence wider"), id="widen_suggestion", show=False),
        Binding("minus", "widen(-1)", N_("Suggestion a sentence narrower"), id="narrow_suggestion", show=False),
        Binding("w", "next_suggestion", N_("Next suggestion"), id="next_suggestion", show=False),
        Binding("W", "previous_suggestion", N_("Previous suggestion"), id="previous_suggestion", show=False),
        Binding("o", "next_coder", N_("Whose codings"), id="next_coder", show=False),
        Binding("vertical_line", "toggle_margin", N_("Margin"), id="toggle_margin", show=False),
        Binding("v", "outline", N_("Questions"), id="outline", show=False),
        Binding("V", "set_question", N_("Set question"), id="set_question", show=False),
        Binding("escape", "back", N_("Back"), id="back"),
    ]

    class Suggested(Message):
        def __init__(self, transcript: str, found: list[SuggestionView]):
            super().__init__()
            self.transcript, self.found = transcript, found

    class Reloaded(Message):
        def __init__(self, transcript: str, data: TranscriptData, found: list[SuggestionView] | None, version: int):
            super().__init__()
            self.transcript, self.data, self.found, self.version = transcript, data, found, version

    def __init__(self):
        """One coding view for the whole session: opening another transcript only swaps its data
        (composing a screen with its footer and styles costs more than showing a transcript)."""
        super().__init__()
        self._waiting: tuple | None = None  # data that came before the screen was mounted
        self._ready = False
        self.page: TranscriptPage | None = None
        self.transcript: str | None = None
        self.suggestions: list[SuggestionView] | None = None  # pending, loaded in a worker
        self._place: int | None = None  # where the cursor is in the transcript shown (canonical), as it moves
        self._shapes: dict[str, tuple[int, int]] = {}  # coding GUID -> the span last asked for ([ ] { })
        self._chosen: int | None = None  # the suggestion a, r and k act on (else the turn's best)
        self._spans: dict[int, tuple[int, int]] = {}  # suggestion id -> the span + and - made of it
        self._side_shown = ""

    def check_action(self, action: str, parameters: tuple) -> bool | None:
        """Until a transcript is on the page (keys typed while it opens), only going back does anything."""
        return self.page is not None or action == "back"

    def show_data(self, data: TranscriptData, at: int | None = None, review: bool = False,
                  settling: bool = False) -> None:
        """Show a transcript: the turns around `at` at once, the whole transcript right after.
        settling: opened from the disagreements list, where another coder's coding may be removed."""
        if not self._ready:
            self._waiting = (data, at, review, settling)
            return
        self.remember_place()
        self._place = None
        if at is None and not review:  # where this coder left it (walking suggestions goes to the first)
            at = self._places().get(data.detail.summary.guid)
            at = min(at, data.detail.turns[-1].end) if at is not None and data.detail.turns else None
        self.settling = settling
        self.suggestions = None
        self.review = review  # walking through the study's pending suggestions
        self.transcript = data.detail.summary.name
        self.at = at  # canonical offset to show first
        self._take(data)
        self.speaker: str | None = None
        self.shown_coder: str | None = None  # None: every coder's codings
        self.undo_steps: list[Step] = []
        self.redo_steps: list[Step] = []
        self.search_text = ""
        self._title()
        turns = self.detail.turns
        first = bisect.bisect_right([t.start for t in turns], at) - 1 if at is not None else 0
        self.refresh_page(turns[max(first - 5, 0) : first + FIRST_TURNS], fresh=True)
        self.text.move_to(self.page.to_display(at) if at is not None else 0)
        self.refresh_bindings()  # its keys work now (check_action)
        self.call_after_refresh(self._whole)

    def _places(self) -> Places:
        return Places(self.app.db.where, self.app.coder)

    def remember_place(self) -> None:
        """Keep where the cursor is, for the next time this coder opens the transcript."""
        if self._place is not None:
            self._places().put(self.detail.summary.guid, self._place)

    def on_screen_suspend(self) -> None:
        self.remember_place()

    def on_unmount(self) -> None:
        self.remember_place()

    def _title(self) -> None:
        """The header: transcript and coder, and every filter while it is active."""
        shown = [_("{transcript} · coder {coder}").format(transcript=self.transcript, coder=self.app.coder),
                 _("blind") if self.app.settings.blind else "", _("settling a difference") if self.settling else "",
                 _("only speaker {speaker}").format(speaker=self.speaker) if self.speaker else "",
                 _("codings of {coder}").format(coder=self.shown_coder)
                 if self.shown_coder and not self.app.settings.blind else ""]
        self.sub_title = " · ".join(part for part in shown if part)

    def _take(self, data: TranscriptData) -> None:
        self.detail, self.by_question, self.recent = data.detail, data.by_question, list(data.recent)
        self.codings = list(data.codings)
        if not self.app.writes_pending:  # the spans asked for are all written: the codings say them
            self._shapes.clear()
        self.colours, self.paths, self.groups = dict(data.colours), list(data.paths), list(data.groups)
        self.words, self.fillers = data.words, data.fillers

    def compose(self) -> ComposeResult:
        yield StudyHeader()
        with Horizontal():
            text = CodedText(id="text")
            yield text
            yield CodingMargin(text, id="margin")
            with SidePanel(id="side"):
                yield Static("", id="side-text")
        yield KeyFooter()

    def on_mount(self) -> None:
        self._ready = True
        if self._waiting:
            waiting, self._waiting = self._waiting, None
            self.show_data(*waiting)

    def _whole(self) -> None:
        here = self._cursor() if self.at is not None else None  # where the coder is, as a text offset
        self.refresh_page()
        if here is not None:
            self.text.move_to(self.page.to_display(here))
        self.text.focus()
        self.call_after_refresh(self.load_suggestions)  # after the whole page is painted: the ranking thread
        # would otherwise share the interpreter with that paint

    @work(thread=True, exclusive=True, exit_on_error=False, group="suggest")
    def load_suggestions(self) -> None:
        """The transcript's pending suggestions, made now (the first time loads spaCy: seconds)."""
        name = self.transcript
        self.post_message(self.Suggested(name, suggestions.refresh(self.app.db, name, coder=self.app.coder)))

    @on(Suggested)
    def _suggested(self, message: Suggested) -> None:
        if message.transcript != self.transcript:
            return  # made for the transcript shown before
        self.suggestions = message.found
        self._side()
        self.app.freeze_loaded()
        if self.review:
            self.review = False
            self.action_next_suggestion()

    # ---------------------------------------------------------------- changes made elsewhere

    def study_changed(self) -> None:
        if self.transcript is not None:
            self._reload(self.transcript)

    @work(thread=True, exclusive=True, exit_on_error=False, group="reload")
    def _reload(self, name: str) -> None:
        """The transcript's codings, memos and codebook as they are now; pending suggestions as stored."""
        try:
            version = self.app.db.version()  # read first: the data is at least this new
            data = load_transcript(self.app.db, name, self.app.coder)
        except StudyFault:
            raise  # out of reach: said once by the app, the screen keeps what it shows
        except WorkbenchError:  # the transcript itself is gone
            self.app.call_from_thread(self.notify, _("'{name}' was removed from the study.").format(name=name),
                                   severity="warning")
            self.app.call_from_thread(self.action_back)
            return
        found = suggestions.pending(self.app.db, name, self.app.coder) if self.suggestions is not None else None
        self.post_message(self.Reloaded(name, data, found, version))

    @on(Reloaded)
    def _reloaded(self, message: Reloaded) -> None:
        if message.transcript != self.transcript or self.page is None:
            return
        if message.version < self.app.written_version:  # read before a write this screen has shown since
            self.study_changed()
            return
        data = message.data
        self.words = data.words  # a keyword added elsewhere finds its code here too
        if message.found is not None and self.suggestions is not None:
            self.suggestions = message.found
        same = (data.codings == tuple(self.codings) and data.detail.turns == self.detail.turns
                and data.detail.memo == self.detail.memo and data.colours == self.colours
                and (data.paths, data.groups) == (tuple(self.paths), tuple(self.groups)))
        if not same:
            self._take(data)
            self.refresh_page()
        else:
            self._side()

    @property
    def text(self) -> CodedText:
        return self.query_one("#text", CodedText)

    def refresh_page(self, turns=None, fresh: bool = False) -> None:
        """Show the page again (after a change); fresh: another transcript, load the text anew."""
        if turns is None:
            turns = [t for t in self.detail.turns if self.speaker is None or t.speaker == self.speaker]
        if self.app.settings.blind:  # other coders' codings stay hidden while coding
            self.shown_coder = self.app.coder
        shown = [c for c in self.codings if self.shown_coder is None or c.coder == self.shown_coder]
        self.page = TranscriptPage(turns, shown, self.colours, guide=self.detail.guide)
        self.text.show(self.page, fresh)
        self.call_after_refresh(self.query_one(CodingMargin).refresh)  # once the text is wrapped anew
        self._side()

    # ---------------------------------------------------------------- where the cursor is

    def _cursor(self) -> int:
        return self.page.to_canonical(self.text.offset(self.text.cursor_location))

    def _turn(self) -> TurnView | None:
        position = self.page.turn_at(self.text.offset(self.text.cursor_location)) if self.page else None
        return self.page.turns[position] if position is not None else None

    @on(TextArea.SelectionChanged, "#text")
    def _side(self) -> None:
        if not self.page:
            return
        self._place = self._cursor()
        turn, here = self._turn(), self.page.codings_at(self._place)
        lines = [f"[b]{escape(self.transcript)}[/b]", _("coder: {coder}").format(coder=escape(self.app.coder))]
        if self.detail.memo:
            lines.append(f"[i]✎ {escape(self.detail.memo)}[/i]")
        lines.append("")
        if turn:
            lines += [_("[b]Turn {index}[/b] · {speaker}").format(index=turn.index, speaker=escape(turn.speaker)),
                      role_name(turn.role)]
            if turn.memo:
                lines.append(f"[i]✎ {escape(turn.memo)}[/i]")
            lines.append("")
        lines += [_("[b]Codes here[/b]")] + [f"• {escape(c.code_path.split(' > ')[-1])}  [dim]{escape(c.coder)}, "
                                         f"{escape(origin_name(c.origin, c.confirmed_by))}[/dim]"
                                         + (f"\n  [i]{escape(c.memo)}[/i]" if c.memo else "")
                                         for c in here]
        if not here:
            lines.append(_("[dim]none[/dim]"))
        lines += ["", _("[b]Suggestions[/b]")]
        chosen = self._current(turn)
        if self.suggestions is None:
            lines.append(_("[dim]being made…[/dim]"))
        else:
            offered = self._offered(turn)
            at = len(lines)
            lines += [self._said(s, s is chosen) for s in offered] or [_("[dim]none for this turn[/dim]")]
            if offered:
                lines.append(_("[dim]a: accept · r: reject · k: another code · +/-: a sentence more or less · "
                               "w: next · tab, ↑↓: choose[/dim]"))
                self.query_one(SidePanel).show_line(lines[: at + offered.index(chosen)])
        shown = "\n".join(lines)
        if shown != self._side_shown:  # most cursor moves change nothing here: no new layout
            self._side_shown = shown
            self.query_one("#side-text", Static).update(shown)
        span = self._span(chosen) if chosen else None
        self.text.mark((self.page.to_display(span[0]), self.page.to_display(span[1], True)) if span else None)

    def _said(self, suggestion: SuggestionView, chosen: bool) -> str:
        """One suggestion in the side panel: its code, score, the words it would code, and why."""
        words = self.detail.text[slice(*self._span(suggestion))]
        return (("[reverse]▶[/reverse] " if chosen else "• ")
                + f"{escape(suggestion.path.split(' > ')[-1])} · {suggestion.score:.2f}\n"
                + f"  “{escape(shorten(' '.join(words.split()), 70))}”\n  [dim]{escape(said(suggestion.evidence))}[/dim]")

    # ---------------------------------------------------------------- suggestions

    def _offered(self, turn) -> list[SuggestionView]:
        """Pending suggestions for the turn, best first."""
        if turn is None or not self.suggestions:
            return []
        return sorted((s for s in self.suggestions if s.turn == turn.index), key=lambda s: -s.score)

    def _current(self, turn) -> SuggestionView | None:
        """The suggestion chosen in the side panel, else the turn's best."""
        offered = self._offered(turn)
        return next((s for s in offered if s.id == self._chosen), offered[0] if offered else None)

    def _span(self, suggestion: SuggestionView) -> tuple[int, int]:
        return self._spans.get(suggestion.id, (suggestion.start, suggestion.end))

    def choose_suggestion(self, step: int) -> None:
        """The turn's next (or previous) suggestion becomes the one a, r, k, + and - act on."""
        turn = self._turn()
        offered, chosen = self._offered(turn), self._current(turn)
        if chosen is not None:
            self._chosen = offered[max(0, min(offered.index(chosen) + step, len(offered) - 1))].id
            self._side()

    def action_widen(self, step: int) -> None:
        """The chosen suggestion a sentence wider or narrower (inside its turn), before it is coded."""
        turn, chosen = self._turn(), self._current(self._turn())
        if chosen is None or turn is None:
            self.notify(_("No suggestion for this turn (w: to the next)."))
            return
        self._spans[chosen.id] = widened(self.detail.text, *self._span(chosen), step, (turn.start, turn.end))
        self._side()

    def _top_suggestion(self) -> SuggestionView | None:
        chosen = self._current(self._turn())
        if chosen is None:
            self.notify(_("No suggestion for this turn (w: to the next)."))
        return chosen

    def _decide(self, chosen: SuggestionView, call, new_code: str | None = None) -> None:
        """Settle a suggestion through call (which returns the coding it made, or None); new_code: the code it
        makes."""
        def done(made: CodingView | None) -> None:
            self.suggestions = [s for s in self.suggestions or [] if s.id != chosen.id]
            if made:
                self.notify(_("Coded {code}: “{quote}”").format(code=made.code_path.split(" > ")[-1],
                                                               quote=shorten(" ".join(made.quote.split()), 60)))
                self._done(Step(added=made, made=new_code))
            else:
                self._side()

        self.suggestions = [s for s in self.suggestions or [] if s.id != chosen.id]  # not offered twice meanwhile
        self._side()
        self.write(call, done)

    def action_accept_suggestion(self) -> None:
        chosen = self._top_suggestion()
        if chosen:
            span = self._span(chosen)
            self._decide(chosen, lambda: suggestions.accept(self.app.db, self.app.coder, chosen.id, span))

    def action_reject_suggestion(self) -> None:
        chosen = self._top_suggestion()
        if chosen:
            self._decide(chosen, lambda: suggestions.reject(self.app.db, self.app.coder, chosen.id))

    def action_correct_suggestion(self) -> None:
        chosen = self._top_suggestion()
        if chosen:
            span = self._span(chosen)
            self._pick(lambda picked: picked and self._decide(chosen, lambda: suggestions.correct(
                self.app.db, self.app.coder, chosen.id, picked.path, picked.create, span), _new(picked)),
                _("Another code than {code}").format(code=chosen.path))

    def action_next_suggestion(self) -> None:
        """The next turn with a pending suggestion; after the last, the next transcript that has one."""
        if not self._walk(forward=True):
            self.app.review_suggestions(after=self.transcript)

    def action_previous_suggestion(self) -> None:
        """The turn before this one with a pending suggestion."""
        if not self._walk(forward=False) and self.suggestions is not None:
            self.notify(_("No earlier suggestion in this transcript."))

    def _walk(self, forward: bool) -> bool:
        """To the nearest turn after (or before) the cursor's with a pending suggestion; False if none."""
        if self.suggestions is None:
            self.notify(_("Suggestions are still being made."))
            return True
        position = self.page.turn_at(self.text.offset(self.text.cursor_location))
        current = self.page.turns[position].index if position is not None else -1
        shown = {t.index: i for i, t in enumerate(self.page.turns)}
        turns = sorted({s.turn for s in self.suggestions if s.turn in shown
                        and (s.turn > current if forward else s.turn < current)}, reverse=not forward)
        if turns:
            self.text.move_to(self.page.body_starts[shown[turns[0]]])
            self._side()
        return bool(turns)

    # ---------------------------------------------------------------- coding

    def _pick(self, then, title: str | None = None) -> None:
        """The code picker; the codes of the turn's guide question first (the one it asks or answers)."""
        turn = self._turn()
        question = turn and (turn.asks or turn.answers)
        first = self.by_question.get(question, ()) if question else ()
        here = self.page.codings_at(self._cursor())
        self.app.push_screen(CodePicker(self.paths, self.recent, title or _("Code"), self.groups, first=first,
                                        near=here[0].code_path if here else None, words=self.words), then)

    def _code(self, span: tuple[int, int], title: str) -> None:
        """Pick a code for a span; on an interviewer's words, ask first (such codings are not counted)."""
        def pick(go: bool | None = True) -> None:
            if go:
                self._pick(lambda picked: picked and self.write(
                    lambda: codings.add_coding(self.app.db, self.app.coder, self.transcript, picked.path, *span,
                                               create=picked.create),
                    lambda made: self._done(Step(added=made, made=_new(picked)))), title)

        roles = {t.role for t in self.detail.turns if t.start < span[1] and span[0] < t.end}
        if "respondent" in roles:
            pick()
        else:
            question = (_("This text is the interviewer's. Code it anyway?") if "interviewer" in roles
                        else _("This text is an unassigned speaker's. Code it anyway?"))
            self.app.push_screen(Confirm(question, _("Codings outside respondent turns are not counted in the "
                                                     "frequencies.")), pick)

    def action_code_selection(self) -> None:
        start, end = self.text.selected_offsets()
        if start == end:
            self.notify(_("Select text first (shift+arrows or the mouse), or code the turn with t."))
            return
        self._code((self.page.to_canonical(start), self.page.to_canonical(end)), _("Code"))

    def action_code_turn(self) -> None:
        turn = self._turn()
        if turn:
            self._code((turn.start, turn.end), _("Code turn {index}").format(index=turn.index))

    def _done(self, step: Step, undoing: bool = False) -> None:
        """A write's result on the page; a reload that already brought it leaves no second copy."""
        gone = {c.guid for c in (step.removed, step.added) if c}
        self.codings = [c for c in self.codings if c.guid not in gone]
        if step.added:
            self.codings.append(step.added)
            self.recent = remember(self.recent, step.added.code_path)
            if step.added.code_path not in self.colours:  # a code made on the spot
                self.study_changed()
        if not undoing:
            self.undo_steps.append(step)
            self.redo_steps.clear()
        self.refresh_page()

    def _choose_coding(self, then, title: str, here: list[CodingView] | None = None) -> None:
        here = self.page.codings_at(self._cursor()) if here is None else here
        if len(here) == 1:
            then(here[0])
        elif here:
            choices = [(c.guid, f"{c.code_path}  ({c.coder})") for c in here]
            self.app.push_screen(ChoicePicker(title, choices),
                                 lambda guid: guid and then(next(c for c in here if c.guid == guid)))
        else:
            self.notify(_("No coding here."))

    def action_remove_coding(self) -> None:
        def remove(coding: CodingView) -> None:
            settle = coding.coder != self.app.coder
            if settle and not self.settling:
                self.notify(_("This coding is {coder}'s: only they can remove it (or settle the difference from "
                              "the Differences screen, d).").format(coder=coding.coder), severity="warning")
                return
            self.write(lambda: codings.delete_coding(self.app.db, self.app.coder, coding.guid, settle=settle),
                       lambda _: self._done(Step(removed=coding)))

        self._choose_coding(remove, _("Remove which coding?"))

    def action_confirm_autocode(self) -> None:
        """Say an autocode here was reviewed and is kept (reports with --reviewed count it); on one already
        confirmed, y takes that back."""
        def confirm(coding: CodingView) -> None:
            withdraw = coding.confirmed_by is not None
            kept = replace(coding, confirmed_by=None if withdraw else self.app.coder)

            def shown(_n: int) -> None:
                self.codings = [kept if c.guid == coding.guid else c for c in self.codings]
                self.refresh_page()
                self.notify((_("No longer confirmed: {code}") if withdraw else _("Autocode kept: {code}")).format(
                    code=coding.code_path.split(" > ")[-1]))

            self.write(lambda: codings.confirm_autocodes(self.app.db, self.app.coder, guids=[coding.guid],
                                                         withdraw=withdraw), shown)

        autocodes = [c for c in self.page.codings_at(self._cursor()) if c.origin == "autocode"]
        if not autocodes:
            self.notify(_("No autocode here."))
            return
        self._choose_coding(confirm, _("Keep which autocode?"), autocodes)

    def action_change_coding(self) -> None:
        """Another code: my own coding changes; on someone else's I get a coding of my own."""
        def change(coding: CodingView) -> None:
            self._pick(lambda picked: picked and self.write(
                lambda: codings.change_code(self.app.db, self.app.coder, coding.guid, picked.path, picked.create),
                lambda made: self._done(Step(added=made.added, removed=made.removed, made=_new(picked)))),
                _("Another code for: {code}").format(code=coding.code_path))

        self._choose_coding(change, _("Change which coding?"))

    def action_reshape(self, edge: str, step: int) -> None:
        """Move the start or end of my coding here by one word, as one undoable step (the coding stays itself).
        Keys in a burst each move it on from the span the one before asked for."""
        def reshape(coding: CodingView) -> None:
            if coding.coder != self.app.coder:
                self.notify(_("This coding is {coder}'s: only they can change its span.").format(coder=coding.coder),
                            severity="warning")
                return
            start, end = self._shapes.get(coding.guid, (coding.start, coding.end))
            turns = [t for t in self.detail.turns if t.start < end and start < t.end]
            span = reshaped(self.detail.text, start, end, edge, step, (turns[0].start, turns[-1].end))
            if span == (start, end):
                self.notify(_("The coding cannot grow past its turn or lose its last word."))
                return
            self._shapes[coding.guid] = span
            self.write(lambda: codings.reshape(self.app.db, self.app.coder, coding.guid, *span),
                       lambda change: self._done(Step(added=change.added, removed=change.removed)))

        self._choose_coding(reshape, _("Reshape which coding?"),
                            [c for c in self.page.codings_at(self._cursor()) if c.coder == self.app.coder]
                            or None)

    def action_undo(self) -> None:
        self._step(self.undo_steps, self.redo_steps, reverse=True)

    def action_redo(self) -> None:
        self._step(self.redo_steps, self.undo_steps, reverse=False)

    def _step(self, source: list[Step], target: list[Step], reverse: bool) -> None:
        if not source:
            self.notify(_("Nothing to undo.") if reverse else _("Nothing to redo."))
            return
        step = source.pop()
        drop, bring = (step.added, step.removed) if reverse else (step.removed, step.added)

        def done(change) -> None:
            self._done(Step(added=change.added, removed=change.removed), undoing=True)
            target.append(step)
            self.notify((_("Undone: {what}") if reverse else _("Redone: {what}")).format(what=_what(drop, bring)))

        if drop and bring and drop.guid == bring.guid:  # a reshaped coding: its span back (or on again)
            self._shapes.pop(drop.guid, None)
            self.write(lambda: codings.reshape(self.app.db, self.app.coder, drop.guid, bring.start, bring.end), done)
            return
        unmade = step.made if reverse else None

        def undone(result: tuple[codings.CodingChange, bool]) -> None:
            change, unused = result
            done(change)
            if unused:
                self._offer_removal(unmade)

        self.write(lambda: (codings.swap(self.app.db, self.app.coder, drop, bring, "undo" if reverse else "redo",
                                         create=step.made is not None),
                            unmade is not None and codebook.unused(self.app.db, unmade)), undone)

    def _offer_removal(self, path: str) -> None:
        """The code an undone coding made, which nothing else uses: removed if the coder says so."""
        def removed(_path: str) -> None:
            self.notify(_("Code removed: {code}").format(code=path))
            self.study_changed()

        self.app.push_screen(Confirm(_("Remove the code '{code}' too?").format(code=path),
                                     _("It was made for this coding and nothing else is coded with it.")),
                             lambda yes: yes and self.write(
                                 lambda: codebook.delete_code(self.app.db, path, self.app.coder), removed))

    # ---------------------------------------------------------------- memos, moving, filtering

    def action_memo(self) -> None:
        """A memo on one of my codings here, or on the turn; asks which when there is a choice."""
        turn = self._turn()
        mine = [c for c in self.page.codings_at(self._cursor()) if c.coder == self.app.coder]
        choices = [(c.guid, _("coding {code}").format(code=c.code_path)) for c in mine]
        if turn:
            choices.append(("turn", _("turn {index} ({speaker})").format(index=turn.index, speaker=turn.speaker)))
        if not choices:
            return

        def chosen(key: str | None) -> None:
            if key == "turn":
                self._memo(_("Memo on turn {index}").format(index=turn.index), turn.memo,
                           lambda memo: codings.set_turn_memo(self.app.db, self.transcript, turn.index, memo))
            elif key is not None:
                coding = next(c for c in mine if c.guid == key)
                self._memo(_("Memo on {what}").format(what=coding.code_path), coding.memo,
                           lambda memo: codings.set_memo(self.app.db, coding.guid, memo))

        if len(choices) == 1:
            chosen(choices[0][0])
        else:
            self.app.push_screen(ChoicePicker(_("Memo on…"), choices), chosen)

    def action_transcript_memo(self) -> None:
        self._memo(_("Memo on {what}").format(what=self.transcript), self.detail.memo,
                   lambda memo: codings.set_transcript_memo(self.app.db, self.transcript, memo))

    def _memo(self, title: str, memo: str | None, save) -> None:
        """Edit a memo, opened with the text it has; saved, then shown as stored."""
        self.app.push_screen(MemoEditor(title, memo or ""),
                             lambda text: text is not None and text != (memo or "") and self.write(
                                 lambda: save(text), lambda _: self.study_changed()))

    def action_next_uncoded(self) -> None:
        position = self.page.turn_at(self.text.offset(self.text.cursor_location))
        found = self.page.next_uncoded(position if position is not None else -1, self.fillers)
        if found is None:
            self.notify(_("No uncoded respondent turn after this one."))
            return
        self.text.move_to(self.page.body_starts[found])

    def action_search(self) -> None:
        """Search: the last query is offered selected, so the first key typed replaces it."""
        def find(text: str | None) -> None:
            if text:
                self.search_text = text
                self._search(1, from_here=True)

        self.app.push_screen(TextPrompt(_("Search"), self.search_text, replace=True), find)

    def action_search_next(self) -> None:
        self._search(1)

    def action_search_previous(self) -> None:
        self._search(-1)

    def _search(self, step: int, from_here: bool = False) -> None:
        """Select the next (step 1) or previous (-1) place of the query and say which of how many it is; past
        the last (or first) place it goes round, and says so."""
        if not self.search_text:
            return
        found = self.page.places(self.search_text)
        if not found:
            self.notify(_("'{text}' not found.").format(text=self.search_text))
            return
        here = self.text.offset(self.text.selection.start)
        starts = [start for start, _ in found]
        if step > 0:
            i = bisect.bisect_left(starts, here) if from_here else bisect.bisect_right(starts, here)
        else:
            i = bisect.bisect_left(starts, here) - 1
        wrapped = not 0 <= i < len(found)
        i %= len(found)
        self.text.move_to(*found[i])
        place = _("'{text}': {n}/{total}").format(text=self.search_text, n=i + 1, total=len(found))
        if wrapped:
            place += " · " + (_("past the end, from the top again") if step > 0
                              else _("past the top, from the end again"))
        self.notify(place, timeout=3)

    def action_filter_speaker(self) -> None:
        speakers = list(dict.fromkeys(t.speaker for t in self.detail.turns))
        choices = [("*", _("all speakers"))] + [(s, s) for s in speakers]

        def chosen(key: str | None) -> None:
            if key is not None:
                here = self._cursor()  # the place in the transcript, not on the screen: it stays
                self.speaker = None if key == "*" else key
                self.refresh_page()
                self.text.move_to(self.page.to_display(here))
                self._title()

        self.app.push_screen(ChoicePicker(_("Show only"), choices), chosen)

    def action_outline(self) -> None:
        """Jump to a guide question as it was asked in this transcript; the questions not found are listed
        after them (an interviewer sees what was skipped)."""
        if not self.detail.guide:
            self.notify(_("No interview guide in the study (workbench guide import FILE)."))
            return
        asked = {t.asks: t for t in self.detail.turns if t.asks}
        choices = [(str(asked[q].index), f"{q}. {text}" + (f"  ({format_clock(asked[q].start_ms)})"
                                                           if asked[q].start_ms is not None else ""))
                   for q, text in self.detail.guide.items() if q in asked]
        choices += [(f"missing:{q}", f"— {q}. {text}  " + _("(not found)"))
                    for q, text in self.detail.guide.items() if q not in asked]

        def chosen(key: str | None) -> None:
            if key is None:
                return
            shown = [i for i, t in enumerate(self.page.turns) if str(t.index) == key]
            if key.startswith("missing:"):
                self.notify(_("Question {question} was not found in this transcript (V sets it on a turn).")
                            .format(question=key[8:]))
            elif not shown:
                self.notify(_("That turn is hidden by the speaker filter (s: all speakers)."))
            else:
                self.text.move_to(self.page.body_starts[shown[0]])

        self.app.push_screen(ChoicePicker(_("Questions: {asked} of {all} asked").format(
            asked=len(asked), all=len(self.detail.guide)), choices),
                             chosen)

    def action_set_question(self) -> None:
        """Say which guide question the cursor's turn asks (or that it asks none)."""
        turn = self._turn()
        if turn is None or not self.detail.guide:
            self.notify(_("No interview guide in the study (workbench guide import FILE)."))
            return
        choices = [("-", _("no question"))] + [(q, f"{q}. {text}") for q, text in self.detail.guide.items()]

        def chosen(key: str | None) -> None:
            if key is not None:
                self.write(lambda: guide.set_question(self.app.db, self.app.coder, self.transcript, turn.index,
                                                      None if key == "-" else key),
                           lambda _: self.study_changed())

        self.app.push_screen(ChoicePicker(_("Question of turn {index}").format(index=turn.index), choices), chosen)

    def action_toggle_margin(self) -> None:
        """The coding margin off (the text takes its columns) or on again."""
        margin = self.query_one(CodingMargin)
        margin.display = not margin.display

    def action_next_coder(self) -> None:
        """Show every coder's codings, then mine, then each other coder's in turn."""
        if self.app.settings.blind:
            self.notify(_("Coding blind: other coders' codings stay hidden."))
            return
        others = sorted({c.coder for c in self.codings} - {self.app.coder})
        order = [None, self.app.coder, *others]
        now = order.index(self.shown_coder) if self.shown_coder in order else 0
        self.shown_coder = order[(now + 1) % len(order)]
        self.refresh_page()
        self._title()
        self.notify(_("Codings of: {coder}").format(coder=self.shown_coder or _("everyone")))

    def action_back(self) -> None:
        if self.app.screen is self:
            self.app.pop_screen()


def _new(picked: Picked) -> str | None:
    """The code a pick makes, if it makes one."""
    return picked.path if picked.create else None


def _what(drop: CodingView | None, bring: CodingView | None) -> str:
    """What an undo or redo did, in a few words: 'Studievertraging removed'."""
    gone, back = (c.code_path.split(" > ")[-1] if c else None for c in (drop, bring))
    if drop and bring and drop.guid == bring.guid:
        return f"{back}: '{shorten(bring.quote, 40)}'"
    if gone and back:
        return f"{gone} → {back}"
    return _("{code} removed").format(code=gone) if gone else _("{code} put back").format(code=back)
