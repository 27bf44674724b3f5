"""Modal dialogs: pick a code, pick from a list, type a line of text, assign a speaker.

What they show comes from the study (code names, speakers, file names) and is shown as written: a name such as
'Kosten [euro]' or '[link=…]' is never read as markup (Content, labels without markup)."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical, VerticalScroll
from textual.content import Content
from textual.screen import ModalScreen
from textual.widgets import Checkbox, Input, Label, OptionList, ProgressBar, Select
from textual.widgets.input import Selection
from textual.widgets.option_list import Option

from workbench.core.codes import PATH_SEPARATOR
from workbench.core.dto import CodeView
from workbench.i18n import N_, _
from workbench.tui.fuzzy import meaning, rank, score
from workbench.tui.keys import speak_keys
from workbench.tui.page import role_name
from workbench.tui.typeahead import TypeAhead

SURE = 75  # a fuzzy match scoring this (0-100) is what the coder meant; below it a new code is offered first


def title_label(text: str) -> Label:
    """A dialog's title, as written (it quotes names from the study)."""
    return Label(text, markup=False, classes="dialog-title")


@dataclass(frozen=True)
class Picked:
    path: str
    create: bool = False  # a new code to make first


RECENT = 8  # recent codes the picker offers first
Words = dict[str, tuple[tuple[str, ...], str]]  # per code path: its keywords and description


def search_words(book: Sequence[CodeView]) -> Words:
    """What the picker searches besides a code's name: its keywords and description."""
    return {code.path: (code.keywords, code.description) for code in book if code.keywords or code.description}


def remember(recent: Sequence[str], path: str) -> list[str]:
    """The recent codes once path has been applied: it is the newest."""
    return [path, *(p for p in recent if p != path)][:RECENT]


class CodePicker(TypeAhead, ModalScreen[Picked | None]):
    """Fuzzy search over code paths; the turn's guide question's codes (◇) and recent codes (★) first; make a
    new (sub)code on the spot.

    Enter takes what the typed text selects, however fast it was typed."""

    BINDINGS = [Binding("escape", "cancel", N_("Cancel")), Binding("down", "down", show=False),
                Binding("up", "up", show=False)]

    def __init__(self, paths: Sequence[str], recent: Sequence[str], title: str, taken: list[str] = (),
                 first: Sequence[str] = (), near: str | None = None,
                 words: Words | None = None):
        """paths: the codes a coding can go to; taken: every code path (groups too): never offered as new;
        first: the codes of the turn's guide question, offered before the recent ones; near: a code on the
        turn: a new code typed as a bare name goes beside it; words: per code its keywords and description,
        searched as its name is (a coder types what was said)."""
        super().__init__()
        self.words = words or {}
        self.near = near
        self.paths, self.recent, self.title_text = paths, [p for p in recent if p in paths], title
        self.first = [p for p in first if p in paths]
        self.taken = {p.casefold() for p in [*paths, *taken]}
        self.filled_for: str | None = None

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog"):
            yield title_label(self.title_text)
            yield Input(placeholder=_("type to search, e.g. studvert"), id="query")
            yield OptionList(id="options")

    def prepare(self) -> None:
        self._fill("")
        self.query_one("#query", Input).focus()

    @on(Input.Changed, "#query")
    def _changed(self, event: Input.Changed) -> None:
        self._fill(event.value)

    def _fill(self, query: str) -> None:
        if query == self.filled_for:
            return
        self.filled_for = query
        options = self.query_one("#options", OptionList)
        options.clear_options()
        if query.strip():
            ranked = rank(query, self.paths, words=self.words)
            found = [path for path, _keyword in ranked]
            items = [Option(Content(path if keyword is None else _("{code}  · keyword: {keyword}").format(
                code=path, keyword=keyword)), id=f"code:{path}") for path, keyword in ranked]
            new = self._new_path(query.strip(), found)
            if new.casefold() not in self.taken:
                where = new.rsplit(PATH_SEPARATOR, 1)[0] if PATH_SEPARATOR in new else _("at the top, in no group")
                offer = Option(Content(_("+ new code: {name}  (in {where})").format(
                    name=new.rsplit(PATH_SEPARATOR, 1)[-1], where=where)), id=f"new:{new}")
                typed_path = PATH_SEPARATOR.strip() in query
                sure = found and max(score(query, found[0]), meaning(query, *self.words.get(found[0], ((), "")))[0]) >= SURE
                items.insert(0 if typed_path or not sure else len(items), offer)
        else:
            asked = [Option(Content(f"◇ {p}"), id=f"code:{p}") for p in self.first]
            recent = [Option(Content(f"★ {p}"), id=f"code:{p}") for p in self.recent if p not in self.first]
            items = asked + recent + [Option(Content(p), id=f"code:{p}") for p in self.paths
                                      if p not in self.recent and p not in self.first]
        options.add_options(items)
        if items:
            options.highlighted = 0

    def _new_path(self, typed: str, found: list[str]) -> str:
        """Where a new code goes: a typed path as typed; a bare name beside the turn's code, else beside the
        best match."""
        if PATH_SEPARATOR.strip() in typed:
            return PATH_SEPARATOR.join(part.strip() for part in typed.split(PATH_SEPARATOR.strip()))
        beside = self.near or (found[0] if found else None)
        group = beside.rsplit(PATH_SEPARATOR, 1)[0] if beside and PATH_SEPARATOR in beside else None
        return f"{group}{PATH_SEPARATOR}{typed}" if group else typed

    def action_down(self) -> None:
        self.query_one("#options", OptionList).action_cursor_down()

    def action_up(self) -> None:
        self.query_one("#options", OptionList).action_cursor_up()

    @on(Input.Submitted, "#query")
    def _submit(self, event: Input.Submitted) -> None:
        self.submit(event.value)

    def submit(self, value: str) -> None:
        self._fill(value)  # the list may not have caught up with keys typed in a burst
        options = self.query_one("#options", OptionList)
        if options.highlighted is not None:
            self._choose(options.get_option_at_index(options.highlighted).id)

    def take_key(self, key) -> bool:
        if key.key in ("up", "down"):
            self._fill(self.query_one("#query", Input).value)
            getattr(self, f"action_{key.key}")()
            return True
        return super().take_key(key)

    @on(OptionList.OptionSelected, "#options")
    def _selected(self, event: OptionList.OptionSelected) -> None:
        self._choose(event.option.id)

    def _choose(self, option_id: str) -> None:
        """A code; a new one only once the coder says so (a keyword typed fast must not become a code)."""
        kind, _colon, path = option_id.partition(":")
        if kind != "new":
            self.dismiss(Picked(path))
            return
        name, _sep, where = path.rpartition(PATH_SEPARATOR)
        question = (_("New code '{name}' in {where}?").format(name=where, where=name) if name
                    else _("New code '{name}' at the top?").format(name=where))

        def answered(yes: bool | None) -> None:
            if yes:
                self.dismiss(Picked(path, create=True))

        self.app.push_screen(Confirm(question, _("Nothing in the codebook has this name or keyword.")), answered)


class ChoicePicker(TypeAhead, ModalScreen[str | None]):
    """Pick one of a few labelled choices; returns its key."""

    BINDINGS = [Binding("escape", "cancel", N_("Cancel"))]

    def __init__(self, title: str, choices: list[tuple[str, str]]):
        super().__init__()
        self.title_text, self.choices = title, choices

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog"):
            yield title_label(self.title_text)
            yield OptionList(*[Option(Content(label), id=key) for key, label in self.choices], id="choices")

    def prepare(self) -> None:
        choices = self.query_one("#choices", OptionList)
        choices.highlighted = 0
        choices.focus()

    @on(OptionList.OptionSelected, "#choices")
    def _selected(self, event: OptionList.OptionSelected) -> None:
        self.dismiss(event.option.id)

    def take_key(self, key) -> bool:
        choices = self.query_one("#choices", OptionList)
        if key.key == "enter" and choices.highlighted is not None:
            self.dismiss(choices.get_option_at_index(choices.highlighted).id)
        elif key.key in ("up", "down"):
            getattr(choices, f"action_cursor_{key.key}")()
        else:
            return super().take_key(key)
        return True


def choose_filter(app, title: str, values: set[str], chosen) -> None:
    """Pick which value a list shows, or all: chosen gets the value, or None for all (nothing when cancelled)."""
    app.push_screen(ChoicePicker(title, [("*", _("all"))] + [(v, v) for v in sorted(values)]),
                    lambda key: key is not None and chosen(None if key == "*" else key))


class TextPrompt(TypeAhead, ModalScreen[str | None]):
    """One line of text (memo, search, path); Enter accepts, Escape cancels. replace: the value is selected, so
    the first key typed replaces it (a search); else the cursor is at its end and typing adds (a memo)."""

    BINDINGS = [Binding("escape", "cancel", N_("Cancel"))]

    def __init__(self, title: str, value: str = "", placeholder: str = "", replace: bool = False):
        super().__init__()
        self.title_text, self.value, self.placeholder, self.replace = title, value, placeholder, replace

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog"):
            yield title_label(self.title_text)
            # a memo opens with its text, the cursor at its end: typing adds, it never wipes what was there
            yield Input(self.value, placeholder=self.placeholder, id="text", select_on_focus=False)

    def prepare(self) -> None:
        field = self.query_one("#text", Input)
        field.focus()
        field.selection = Selection(0 if self.replace else len(field.value), len(field.value))

    @on(Input.Submitted, "#text")
    def _submit(self, event: Input.Submitted) -> None:
        self.dismiss(event.value)


@dataclass(frozen=True)
class Assignment:
    label: str
    pseudonym: str
    role: str
    institution: str
    programmes: tuple[str, ...]
    everywhere: bool  # the label means this participant in every transcript


class AssignSpeaker(ModalScreen[Assignment | None]):
    """Say who an unassigned speaker is: pseudonym, role, institution, programme(s)."""

    BINDINGS = [Binding("escape", "cancel", N_("Cancel"))]

    def __init__(self, transcript: str, labels: list[str]):
        super().__init__()
        speak_keys(self)
        self.transcript, self.labels = transcript, labels

    def compose(self) -> ComposeResult:
        with VerticalScroll(classes="dialog"):  # in 24 lines its fields scroll: the focused one comes into view
            yield title_label(_("Assign a speaker in {transcript}").format(transcript=self.transcript))
            yield Select([(Content(label), label) for label in self.labels], value=self.labels[0], allow_blank=False,
                         id="label")
            yield Input(placeholder=_("pseudonym, e.g. R34"), id="pseudonym")
            yield Select([(role_name(role), role) for role in ("respondent", "interviewer")], value="respondent",
                         allow_blank=False, id="role")
            yield Input(placeholder=_("institution"), id="institution")
            yield Input(placeholder=_("programme(s), separated by ;"), id="programmes")
            yield Checkbox(_("this name in every transcript"), value=True, id="everywhere")
            yield Label(_("Enter: save · Esc: cancel"), classes="dialog-hint")

    @on(Input.Submitted)
    def _submit(self) -> None:
        value = lambda widget_id: self.query_one(f"#{widget_id}").value  # noqa: E731
        if not value("pseudonym").strip():
            self.notify(_("A pseudonym is needed."), severity="warning")
            return
        self.dismiss(Assignment(value("label"), value("pseudonym").strip(), value("role"), value("institution"),
                                tuple(p.strip() for p in value("programmes").split(";") if p.strip()),
                                value("everywhere")))

    def action_cancel(self) -> None:
        self.dismiss(None)


class Progress(ModalScreen[None]):
    """A progress bar that a worker moves with update(); closed by the caller."""

    def __init__(self, title: str):
        super().__init__()
        self.title_text = title

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog"):
            yield title_label(self.title_text)
            yield ProgressBar(id="bar")
            yield Label("", id="step", markup=False)

    def update(self, done: int, total: int, step: str) -> None:
        if self in self.app.screen_stack:  # not taken down meanwhile (opening a transcript does)
            self.query_one("#bar", ProgressBar).update(total=total, progress=done)
            self.query_one("#step", Label).update(step)

    def close(self) -> None:
        if self in self.app.screen_stack:
            self.dismiss()


YES = N_("y")  # the key that says yes, in the language spoken: j in Dutch (y is taken too)


class Confirm(TypeAhead, ModalScreen[bool]):
    """Ask before a change: the language's yes key (y, j in Dutch) or Enter goes ahead, n / Escape does not."""

    BINDINGS = [Binding("y,enter", "answer(True)", N_("Yes")), Binding("n,escape", "answer(False)", N_("No"))]

    def __init__(self, question: str, consequence: str = ""):
        super().__init__()
        self.question, self.consequence = question, consequence

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog"):
            yield title_label(self.question)
            if self.consequence:
                yield Label(self.consequence, markup=False)
            yield Label(_("y / Enter: yes · n / Esc: no"), classes="dialog-hint")

    def action_answer(self, yes: bool) -> None:
        self.dismiss(yes)

    def on_key(self, event) -> None:
        if event.key == _(YES):
            event.stop()
            self.dismiss(True)

    def take_key(self, key) -> bool:
        if key.key in ("y", _(YES), "enter", "n", "escape"):
            self.dismiss(key.key in ("y", _(YES), "enter"))
            return True
        return False
