"""Coding one transcript: select and code, code a turn, change, remove, memo, undo."""

from __future__ import annotations

import bisect
from dataclasses import dataclass, replace

from rich.markup import escape
from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal
from textual.message import Message
from textual.widgets import Footer, Header, Static, TextArea

from workbench.core.db import Database
from workbench.core.dto import CodingView, SuggestionView, TranscriptDetail
from workbench.core.services import codebook, codings, suggestions, transcripts
from workbench.tui.page import TranscriptPage, code_colours
from workbench.tui.screens.base import WorkbenchScreen
from workbench.tui.screens.dialogs import ChoicePicker, CodePicker, Picked, TextPrompt
from workbench.tui.widgets.coded_text import CodedText


@dataclass(frozen=True)
class Step:
    """One undoable coding action: what was added and what was removed."""

    added: CodingView | None = None
    removed: CodingView | None = None


FIRST_TURNS = 15  # shown in the first paint: more than a screen holds


@dataclass(frozen=True)
class TranscriptData:
    """Everything the coding view needs, read in a worker before the screen opens."""

    detail: TranscriptDetail
    codings: tuple[CodingView, ...]
    colours: dict[str, str]
    paths: tuple[str, ...]


def load_transcript(db: Database, name: str) -> TranscriptData:
    book = codebook.show_codebook(db)
    return TranscriptData(transcripts.show_transcript(db, name), tuple(codings.list_codings(db, transcript=name)),
                          code_colours({c.path: c.colour for c in book}), tuple(c.path for c in book if c.codable))


class TranscriptScreen(WorkbenchScreen):
    """Transcript: code text and turns"""

    BINDINGS = [
        Binding("c", "code_selection", "Code selection", id="code_selection"),
        Binding("t", "code_turn", "Code turn", id="code_turn"),
        Binding("e", "change_coding", "Change code", id="change_coding"),
        Binding("x", "remove_coding", "Remove coding", id="remove_coding"),
        Binding("m", "memo", "Memo", id="memo"),
        Binding("M", "transcript_memo", "Transcript memo", id="transcript_memo", show=False),
        Binding("n", "next_uncoded", "Next uncoded", id="next_uncoded"),
        Binding("slash", "search", "Search", id="search"),
        Binding("g", "search_next", "Find next", id="search_next", show=False),
        Binding("s", "filter_speaker", "Speaker", id="filter_speaker"),
        # priority: the text area has its own ctrl+z/ctrl+y (for typing), which would win
        Binding("ctrl+z,u", "undo", "Undo", id="undo", priority=True),
        Binding("ctrl+y,U", "redo", "Redo", id="redo", show=False, priority=True),
        Binding("a", "accept_suggestion", "Accept suggestion", id="accept_suggestion", show=False),
        Binding("r", "reject_suggestion", "Reject suggestion", id="reject_suggestion", show=False),
        Binding("k", "correct_suggestion", "Correct suggestion", id="correct_suggestion", show=False),
        Binding("w", "next_suggestion", "Next suggestion", id="next_suggestion", show=False),
        Binding("o", "next_coder", "Whose codings", id="next_coder", show=False),
        Binding("escape", "back", "Back", id="back"),
    ]

    class Suggested(Message):
        def __init__(self, transcript: str, found: list[SuggestionView]):
            super().__init__()
            self.transcript, self.found = transcript, found

    def __init__(self):
        """One coding view for the whole session: opening another transcript only swaps its data
        (composing a screen with its footer and styles costs more than showing a transcript)."""
        super().__init__()
        self._waiting: tuple | None = None  # data that came before the screen was mounted
        self._ready = False
        self.page: TranscriptPage | None = None
        self.transcript: str | None = None
        self.suggestions: list[SuggestionView] | None = None  # pending, loaded in a worker

    def show_data(self, data: TranscriptData, at: int | None = None, review: bool = False) -> None:
        """Show a transcript: the turns around `at` at once, the whole transcript right after."""
        if not self._ready:
            self._waiting = (data, at, review)
            return
        self.suggestions = None
        self.review = review  # walking through the study's pending suggestions
        self.transcript = data.detail.summary.name
        self.at = at  # canonical offset to show first
        self.detail = data.detail
        self.codings = list(data.codings)
        self.colours, self.paths = dict(data.colours), list(data.paths)
        self.speaker: str | None = None
        self.shown_coder: str | None = None  # None: every coder's codings
        self.undo_steps: list[Step] = []
        self.redo_steps: list[Step] = []
        self.search_text = ""
        self.sub_title = f"{self.transcript} · codeur {self.app.coder}" + (" · blind" if self.app.settings.blind else "")
        turns = self.detail.turns
        first = bisect.bisect_right([t.start for t in turns], at) - 1 if at is not None else 0
        self.refresh_page(turns[max(first - 5, 0) : first + FIRST_TURNS], fresh=True)
        self.text.move_to(self.page.to_display(at) if at is not None else 0)
        self.call_after_refresh(self._whole)

    def compose(self) -> ComposeResult:
        yield Header()
        with Horizontal():
            yield CodedText(id="text")
            yield Static("", id="side")
        yield Footer()

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
        self.load_suggestions()

    @work(thread=True, exclusive=True, exit_on_error=False, group="suggest")
    def load_suggestions(self) -> None:
        """The transcript's pending suggestions, made now (the first time loads spaCy: seconds)."""
        name = self.transcript
        self.post_message(self.Suggested(name, suggestions.refresh(self.app.db, name)))

    @on(Suggested)
    def _suggested(self, message: Suggested) -> None:
        if message.transcript != self.transcript:
            return  # made for the transcript shown before
        self.suggestions = message.found
        self._side()
        if self.review:
            self.review = False
            self.action_next_suggestion()

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
        self.page = TranscriptPage(turns, shown, self.colours)
        self.text.show(self.page, fresh)
        self._side()

    # ---------------------------------------------------------------- where the cursor is

    def _cursor(self) -> int:
        return self.page.to_canonical(self.text.offset(self.text.cursor_location))

    def _turn(self):
        position = self.page.turn_at(self.text.offset(self.text.cursor_location)) if self.page else None
        return self.page.turns[position] if position is not None else None

    @on(TextArea.SelectionChanged, "#text")
    def _side(self) -> None:
        if not self.page:
            return
        turn, here = self._turn(), self.page.codings_at(self._cursor())
        lines = [f"[b]{self.transcript}[/b]", f"coder: {self.app.coder}", ""]
        if turn:
            lines += [f"[b]Beurt {turn.index}[/b] · {turn.speaker}", f"{turn.role or 'niet toegewezen'}", ""]
        lines += ["[b]Codes hier[/b]"] + [f"• {c.code_path.split(' > ')[-1]}  [dim]{c.coder}, {c.origin}[/dim]"
                                         + (f"\n  [i]{c.memo}[/i]" if c.memo else "") for c in here]
        if not here:
            lines.append("[dim]geen[/dim]")
        lines += ["", "[b]Suggesties[/b]"]
        if self.suggestions is None:
            lines.append("[dim]worden gemaakt…[/dim]")
        else:
            offered = self._offered(turn)
            lines += [f"• {escape(s.path.split(' > ')[-1])} · {s.score:.2f}\n  [dim]{escape(s.evidence)}[/dim]"
                      for s in offered] or ["[dim]geen voor deze beurt[/dim]"]
            if offered:
                lines.append("[dim]a: accepteer · r: verwerp · k: andere code · w: volgende[/dim]")
        self.query_one("#side", Static).update("\n".join(lines), layout=False)

    # ---------------------------------------------------------------- suggestions

    def _offered(self, turn) -> list[SuggestionView]:
        """Pending suggestions for the turn, best first."""
        if turn is None or not self.suggestions:
            return []
        return sorted((s for s in self.suggestions if s.turn == turn.index), key=lambda s: -s.score)

    def _top_suggestion(self) -> SuggestionView | None:
        offered = self._offered(self._turn())
        if not offered:
            self.notify("Geen suggestie voor deze beurt (w: naar de volgende).")
        return offered[0] if offered else None

    def _settled(self, suggestion: SuggestionView, made: CodingView | None) -> None:
        self.suggestions = [s for s in self.suggestions if s.id != suggestion.id]
        if made:
            self._done(Step(added=made))
        else:
            self._side()

    def action_accept_suggestion(self) -> None:
        chosen = self._top_suggestion()
        if chosen:
            self._settled(chosen, suggestions.accept(self.app.db, self.app.coder, chosen.id))

    def action_reject_suggestion(self) -> None:
        chosen = self._top_suggestion()
        if chosen:
            suggestions.reject(self.app.db, self.app.coder, chosen.id)
            self._settled(chosen, None)

    def action_correct_suggestion(self) -> None:
        chosen = self._top_suggestion()
        if not chosen:
            return

        def to(picked: Picked | None) -> None:
            if picked:
                suggestions.reject(self.app.db, self.app.coder, chosen.id)
                made = codings.add_coding(self.app.db, self.app.coder, self.transcript, self._code_path(picked),
                                          chosen.start, chosen.end)
                self._settled(chosen, made)

        self._pick(to, f"Andere code dan {chosen.path}")

    def action_next_suggestion(self) -> None:
        """The next turn with a pending suggestion; after the last, the next transcript that has one."""
        if self.suggestions is None:
            self.notify("Suggesties worden nog gemaakt.")
            return
        position = self.page.turn_at(self.text.offset(self.text.cursor_location))
        current = self.page.turns[position].index if position is not None else -1
        later = sorted({s.turn for s in self.suggestions if s.turn > current})
        if later:
            turn = next(i for i, t in enumerate(self.page.turns) if t.index == later[0])
            self.text.move_to(self.page.body_starts[turn])
            self._side()
            return
        self.app.review_suggestions(after=self.transcript)

    # ---------------------------------------------------------------- coding

    def _pick(self, then, title: str = "Code") -> None:
        recent = codings.recent_codes(self.app.db, self.app.coder)
        self.app.push_screen(CodePicker(self.paths, recent, title), then)

    def _code_path(self, picked: Picked) -> str:
        if picked.create:
            path = codebook.add_code(self.app.db, picked.path, self.app.coder)
            self.paths.append(path)
            self.colours = code_colours({c.path: c.colour for c in codebook.show_codebook(self.app.db)})
            return path
        return picked.path

    def action_code_selection(self) -> None:
        start, end = self.text.selected_offsets()
        if start == end:
            self.notify("Selecteer eerst tekst (shift+pijltjes of de muis), of codeer de beurt met t.")
            return
        span = self.page.to_canonical(start), self.page.to_canonical(end)
        self._pick(lambda picked: picked and self._apply(codings.add_coding, span, picked))

    def action_code_turn(self) -> None:
        turn = self._turn()
        if turn:
            self._pick(lambda picked: picked and self._apply(codings.add_coding, (turn.start, turn.end), picked),
                       f"Code beurt {turn.index}")

    def _apply(self, add, span: tuple[int, int], picked: Picked) -> None:
        try:
            made = add(self.app.db, self.app.coder, self.transcript, self._code_path(picked), *span)
        except Exception as exc:  # noqa: BLE001 - shown to the coder, nothing half-done
            self.notify(str(exc), severity="error")
            return
        self._done(Step(added=made))

    def _done(self, step: Step, undoing: bool = False) -> None:
        if step.removed:
            self.codings = [c for c in self.codings if c.guid != step.removed.guid]
        if step.added:
            self.codings.append(step.added)
        if not undoing:
            self.undo_steps.append(step)
            self.redo_steps.clear()
        self.refresh_page()

    def _choose_coding(self, then, title: str) -> None:
        here = self.page.codings_at(self._cursor())
        if len(here) == 1:
            then(here[0])
        elif here:
            choices = [(c.guid, f"{c.code_path}  ({c.coder})") for c in here]
            self.app.push_screen(ChoicePicker(title, choices),
                                 lambda guid: guid and then(next(c for c in here if c.guid == guid)))
        else:
            self.notify("Geen codering op deze plek.")

    def action_remove_coding(self) -> None:
        def remove(coding: CodingView) -> None:
            codings.delete_coding(self.app.db, self.app.coder, coding.guid)
            self._done(Step(removed=coding))

        self._choose_coding(remove, "Welke codering verwijderen?")

    def action_change_coding(self) -> None:
        def change(coding: CodingView) -> None:
            def to(picked: Picked | None) -> None:
                if not picked:
                    return
                path = self._code_path(picked)
                codings.delete_coding(self.app.db, self.app.coder, coding.guid, "changed code")
                made = codings.add_coding(self.app.db, self.app.coder, self.transcript, path, coding.start,
                                          coding.end, memo=coding.memo)
                self._done(Step(added=made, removed=coding))

            self._pick(to, f"Andere code voor: {coding.code_path}")

        self._choose_coding(change, "Welke codering veranderen?")

    def action_undo(self) -> None:
        self._step(self.undo_steps, self.redo_steps, reverse=True)

    def action_redo(self) -> None:
        self._step(self.redo_steps, self.undo_steps, reverse=False)

    def _step(self, source: list[Step], target: list[Step], reverse: bool) -> None:
        if not source:
            self.notify("Niets om " + ("ongedaan te maken." if reverse else "opnieuw te doen."))
            return
        step = source.pop()
        drop, bring = (step.added, step.removed) if reverse else (step.removed, step.added)
        if drop:
            codings.delete_coding(self.app.db, self.app.coder, drop.guid, "undo" if reverse else "redo")
        brought = codings.restore_coding(self.app.db, bring) if bring else None
        self._done(Step(added=brought, removed=drop), undoing=True)
        target.append(step)

    # ---------------------------------------------------------------- memos, moving, filtering

    def action_memo(self) -> None:
        here = self.page.codings_at(self._cursor())
        if here:
            def save(memo: str | None, coding=here[0]) -> None:
                if memo is not None:
                    codings.set_memo(self.app.db, coding.guid, memo)
                    self.codings = [c if c.guid != coding.guid else _with_memo(c, memo) for c in self.codings]
                    self.refresh_page()

            self.app.push_screen(TextPrompt(f"Memo bij {here[0].code_path}", here[0].memo or ""), save)
            return
        turn = self._turn()
        if turn:
            self.app.push_screen(
                TextPrompt(f"Memo bij beurt {turn.index}"),
                lambda memo: memo is not None and codings.set_turn_memo(self.app.db, self.transcript, turn.index, memo))

    def action_transcript_memo(self) -> None:
        self.app.push_screen(TextPrompt(f"Memo bij {self.transcript}"), lambda memo: memo is not None and
                             codings.set_transcript_memo(self.app.db, self.transcript, memo))

    def action_next_uncoded(self) -> None:
        position = self.page.turn_at(self.text.offset(self.text.cursor_location))
        found = self.page.next_uncoded(position if position is not None else -1)
        if found is None:
            self.notify("Geen ongecodeerde respondentbeurt meer na deze.")
            return
        self.text.move_to(self.page.body_starts[found])

    def action_search(self) -> None:
        def find(text: str | None) -> None:
            if text:
                self.search_text = text
                self.action_search_next()

        self.app.push_screen(TextPrompt("Zoeken", self.search_text), find)

    def action_search_next(self) -> None:
        if not self.search_text:
            return
        haystack, needle = self.page.text.casefold(), self.search_text.casefold()
        start = haystack.find(needle, self.text.offset(self.text.cursor_location) + 1)
        start = start if start >= 0 else haystack.find(needle)
        if start < 0:
            self.notify(f"'{self.search_text}' niet gevonden.")
            return
        self.text.move_to(start, start + len(needle))

    def action_filter_speaker(self) -> None:
        speakers = list(dict.fromkeys(t.speaker for t in self.detail.turns))
        choices = [("*", "alle sprekers")] + [(s, s) for s in speakers]

        def chosen(key: str | None) -> None:
            if key is not None:
                self.speaker = None if key == "*" else key
                self.refresh_page()

        self.app.push_screen(ChoicePicker("Toon alleen", choices), chosen)

    def action_next_coder(self) -> None:
        """Show every coder's codings, then mine, then each other coder's in turn."""
        if self.app.settings.blind:
            self.notify("Blind coderen: de coderingen van anderen blijven verborgen.")
            return
        others = sorted({c.coder for c in self.codings} - {self.app.coder})
        order = [None, self.app.coder, *others]
        now = order.index(self.shown_coder) if self.shown_coder in order else 0
        self.shown_coder = order[(now + 1) % len(order)]
        self.refresh_page()
        self.notify(f"Coderingen van: {self.shown_coder or 'iedereen'}")

    def action_back(self) -> None:
        self.app.pop_screen()


def _with_memo(coding: CodingView, memo: str) -> CodingView:
    return replace(coding, memo=memo or None)
