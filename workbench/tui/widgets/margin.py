"""The coding margin beside the text: one bracket per coding from its first line to its last, in its code's colour
with the code's name at its top; codings that overlap stand side by side (as in ATLAS.ti's margin)."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from rich.segment import Segment
from rich.style import Style
from textual.strip import Strip
from textual.widget import Widget

from workbench.core.codes import PATH_SEPARATOR


@dataclass(frozen=True)
class Span:
    top: int  # the text's visual rows it covers, first and last
    bottom: int
    name: str
    colour: str


@dataclass(frozen=True)
class Bracket:
    span: Span
    lane: int  # 0: next to the text


def lay_out(spans: Sequence[Span], lanes: int) -> tuple[list[Bracket], list[Span]]:
    """Each span in the lane nearest the text that is free over all its rows, longer spans first where they start
    together; spans no lane has room for are returned apart (the margin counts them: +n)."""
    placed: list[Bracket] = []
    left_out: list[Span] = []
    free_from = [0] * lanes  # per lane: the first row after its last bracket
    for span in sorted(spans, key=lambda s: (s.top, -s.bottom)):
        lane = next((i for i, row in enumerate(free_from) if row <= span.top), None)
        if lane is None:
            left_out.append(span)
            continue
        free_from[lane] = span.bottom + 1
        placed.append(Bracket(span, lane))
    return placed, left_out


def leaf(bracket: Bracket) -> str:
    return bracket.span.name.rsplit(PATH_SEPARATOR, 1)[-1]


def bracket_char(bracket: Bracket, row: int) -> str:
    top, bottom = bracket.span.top, bracket.span.bottom
    if top == bottom:
        return "]"
    return "┐" if row == top else "┘" if row == bottom else "│"


class Rows:
    """What the margin shows on each visual row: a character per lane and a name (or +n) beside them."""

    def __init__(self, spans: Sequence[Span], lanes: int, width: int):
        self.lanes, self.room = lanes, max(width - lanes - 1, 0)
        placed, left_out = lay_out(spans, lanes)
        self.cells: dict[int, list[tuple[str, str]]] = {}
        self.names: dict[int, tuple[str, str]] = {}
        self.named_at: list[tuple[int, Bracket]] = []  # each bracket with the row its name is on (-1: none)
        for span in left_out:  # +n where codings start that no lane had room for
            count = int(self.names.get(span.top, ("+0", ""))[0][1:]) + 1
            self.names[span.top] = (f"+{count}", "")
        for bracket in placed:
            for row in range(bracket.span.top, bracket.span.bottom + 1):
                self.cells.setdefault(row, [(" ", "")] * lanes)[bracket.lane] = (bracket_char(bracket, row),
                                                                                 bracket.span.colour)
            free = next((row for row in range(bracket.span.top, bracket.span.bottom + 1) if row not in self.names),
                        None)
            if free is not None:  # the code's name on the bracket's first row that has room for it
                self.names[free] = (leaf(bracket), bracket.span.colour)
            self.named_at.append((-1 if free is None else free, bracket))

    def line(self, row: int, view_top: int | None = None) -> list[tuple[str, str]]:
        """(text, colour) pieces of one row, as wide as the margin; on the first row in view (view_top) the name
        of a bracket that began above it, where its own name is scrolled away and the row has none."""
        pieces = list(self.cells.get(row, [(" ", "")] * self.lanes)) + [(" ", "")]
        name, colour = self.names.get(row, ("", ""))
        if row == view_top and not name:
            above = next((b for at, b in sorted(self.named_at, key=lambda n: n[1].lane)
                          if b.span.top < row <= b.span.bottom and -1 < at < row), None)
            name, colour = (leaf(above), above.span.colour) if above else ("", "")
        name = name if len(name) <= self.room else name[: max(self.room - 1, 0)] + "…"
        return [*pieces, (name.ljust(self.room)[: self.room], colour)]


class CodingMargin(Widget):
    """The margin of a CodedText: it follows the text's wrapping and scrolling."""

    DEFAULT_CSS = """
    CodingMargin { width: 10; height: 1fr; }
    """

    def __init__(self, text, **kwargs):
        super().__init__(**kwargs)
        self.text = text  # the CodedText it stands beside
        self._rows: Rows | None = None
        self._made_for: tuple | None = None

    def on_mount(self) -> None:
        self.watch(self.text, "scroll_y", lambda _y: self.refresh(), init=False)

    def rows(self) -> Rows:
        """The layout for the page as it is wrapped now (made again when the page, the wrapping or the width
        changed)."""
        page, wrapped = self.text.page, self.text.wrapped_document
        key = (page, wrapped.height, self.text.size.width, self.size.width)  # the page itself: its id is not reused
        if self._rows is None or self._made_for is None or any(
                a is not b and a != b for a, b in zip(key, self._made_for)):
            spans = []
            for coding in page.codings if page else ():  # a page is shown in a sped-up document: visual_row
                first = page.to_display(coding.start)
                last = max(page.to_display(coding.end, True) - 1, first)
                spans.append(Span(wrapped.visual_row(page.location(first)), wrapped.visual_row(page.location(last)),
                                  coding.code_path, page.colours.get(coding.code_path, "")))
            self._rows, self._made_for = Rows(spans, 2 if self.size.width < 16 else 4, self.size.width), key
        return self._rows

    def render_line(self, y: int) -> Strip:
        rows = self.rows()
        base = self.rich_style
        segments = [Segment(text, base + Style(color=colour, bold=bool(colour)) if colour else base)
                    for text, colour in rows.line(int(self.text.scroll_y) + y, int(self.text.scroll_y))]
        return Strip(segments, self.size.width)
