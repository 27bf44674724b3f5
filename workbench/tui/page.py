"""What the coding view shows: each turn under a header line, and offsets both ways.

Pure (no Textual): the display text is the transcript's turns, each under a header
'R05 · respondent · 12:03 · ✎ memo   [Studievertraging | Financiële redenen]' (the memo mark when
the turn has a memo; 'vraag 16: ...' on a turn that asks a guide question, '(vraag 16)' on the respondent
turns that answer it), turns apart by a blank line. A long paragraph is folded into display lines of
at most LINE characters (the text area's cost per key grows with the length of the cursor's line): at
a sentence end or a space, which becomes the line break, else by a break put in. Display offsets map
exactly to canonical ones inside turns.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Collection, Sequence
from dataclasses import dataclass

from workbench.core.codes import PATH_SEPARATOR
from workbench.core.dto import CodingView, TurnView
from workbench.i18n import N_, _
from workbench.transcripts.clock import format_clock

LINE = 1000  # the longest display line, in characters
QUESTION = 70  # a guide question in a header is cut after this many characters
ROLES = {"respondent": N_("respondent"), "interviewer": N_("interviewer")}
ORIGINS = {
    "manual": N_("by hand"),
    "autocode": N_("autocode"),
    "suggestion": N_("suggestion"),
    "import": N_("imported"),
}


def role_name(role: str | None) -> str:
    """A speaker's role as the coder reads it (no role yet: 'unassigned')."""
    return _(ROLES[role]) if role in ROLES else _("unassigned") if role is None else role


def origin_name(origin: str, confirmed_by: str | None = None) -> str:
    """How a coding came about, as the coder reads it (an autocode someone kept: who)."""
    said = _(ORIGINS[origin]) if origin in ORIGINS else origin
    return _("{origin}, kept by {coder}").format(origin=said, coder=confirmed_by) if confirmed_by else said


_SENTENCE_END = re.compile(r"[.?!…] ")
PALETTE = ("#1f77b4", "#ff7f0e", "#2ca02c", "#d62728", "#9467bd", "#8c564b", "#e377c2", "#17becf")


def code_colours(colours: dict[str, str | None]) -> dict[str, str]:
    """Every code's colour: its own, else its nearest parent's, else one by its top code."""
    tops = list(dict.fromkeys(path.split(PATH_SEPARATOR)[0] for path in colours))
    resolved = {}
    for path in colours:
        names = path.split(PATH_SEPARATOR)
        found = next((colours.get(PATH_SEPARATOR.join(names[:n])) for n in range(len(names), 0, -1)
                      if colours.get(PATH_SEPARATOR.join(names[:n]))), None)
        resolved[path] = found or PALETTE[tops.index(names[0]) % len(PALETTE)]
    return resolved


@dataclass(frozen=True)
class Folded:
    text: str  # display lines of at most `line` characters
    plain: str  # the same, with each space that became a line break a space again (to search in)
    inserted: list[int]  # offsets in the original text where a break was put in


def fold(text: str, line: int = LINE) -> Folded:
    """Text as display lines of at most `line` characters: a line ends at the last sentence end or
    space in its second half (that space becomes the line break), else a break is put in."""
    shown, plain, inserted, start = [], [], [], 0  # start: where the current display line begins
    while True:
        newline = text.find("\n", start)
        end = len(text) if newline < 0 else newline
        while end - start > line:
            window = text[start + line // 2 : start + line + 1]
            sentences = [m.end() - 1 for m in _SENTENCE_END.finditer(window)]
            space = sentences[-1] if sentences else window.rfind(" ")
            if space >= 0:
                cut = start + line // 2 + space
                shown += [text[start:cut], "\n"]
                plain.append(text[start : cut + 1])
                start = cut + 1
            else:
                shown += [text[start : start + line], "\n"]
                plain += [text[start : start + line], "\n"]
                start += line
                inserted.append(start)
        if newline < 0:
            shown.append(text[start:])
            plain.append(text[start:])
            return Folded("".join(shown), "".join(plain), inserted)
        shown.append(text[start : newline + 1])
        plain.append(text[start : newline + 1])
        start = newline + 1


def shorten(text: str, width: int) -> str:
    """The text, cut with … when it is longer than width."""
    return text if len(text) <= width else text[: width - 1].rstrip() + "…"


@dataclass(frozen=True)
class Highlight:
    start: int  # display offsets
    end: int
    colour: str


class TranscriptPage:
    def __init__(self, turns: Sequence[TurnView], codings: Sequence[CodingView], colours: dict[str, str],
                 line: int = LINE, guide: dict[str, str] | None = None):
        self.guide = guide or {}  # the interview guide's questions, id -> text
        self.turns = list(turns)
        self.codings = sorted(codings, key=lambda c: (c.start, c.end))
        self.colours = colours
        self._starts = [t.start for t in self.turns]
        self._codes: list[list[str]] = [[] for _ in self.turns]
        for coding in self.codings:  # each coding to the turns it overlaps, by bisection
            first = max(bisect.bisect_right(self._starts, coding.start) - 1, 0)
            for i in range(first, bisect.bisect_left(self._starts, coding.end)):
                if self.turns[i].end > coding.start:
                    self._codes[i].append(coding.code_path.split(PATH_SEPARATOR)[-1])
        parts, plain, self.body_starts, self.header_starts = [], [], [], []
        # turn position -> offsets (in the turn) of the breaks put in, and where they are shown
        self._inserted: dict[int, tuple[list[int], list[int]]] = {}
        position = 0
        for i, turn in enumerate(self.turns):
            head = self.header(i)
            body = fold(turn.text, line) if len(turn.text) > line else Folded(turn.text, turn.text, [])
            if body.inserted:
                self._inserted[i] = (body.inserted, [at + n for n, at in enumerate(body.inserted)])
            self.header_starts.append(position)
            self.body_starts.append(position + len(head) + 1)
            parts.append(f"{head}\n{body.text}")
            plain.append(f"{head}\n{body.plain}")
            position += len(parts[-1]) + 2
        self.text = "\n\n".join(parts)
        self.plain = "\n\n".join(plain)  # the display text with the turns' own spaces: what search looks in
        self.line_starts = [0]
        for line in self.text.split("\n")[:-1]:
            self.line_starts.append(self.line_starts[-1] + len(line) + 1)

    def location(self, offset: int) -> tuple[int, int]:
        """(row, column) of a display offset."""
        row = bisect.bisect_right(self.line_starts, offset) - 1
        return row, offset - self.line_starts[row]

    def offset(self, location: tuple[int, int]) -> int:
        row, column = location
        row = min(max(row, 0), len(self.line_starts) - 1)
        return self.line_starts[row] + column

    def codes_of(self, position: int) -> list[str]:
        """Names of the codes on the turn at this position, in text order, each once."""
        return list(dict.fromkeys(self._codes[position]))

    def header(self, position: int) -> str:
        turn = self.turns[position]
        who = f"{turn.speaker} · {role_name(turn.role)}"
        when = f" · {format_clock(turn.start_ms)}" if turn.start_ms is not None else ""
        codes = self.codes_of(position)
        question = (" · " + _("question {question}: {text}").format(
            question=turn.asks, text=shorten(self.guide.get(turn.asks, ""), QUESTION)) if turn.asks
            else " · " + _("(question {question})").format(question=turn.answers) if turn.answers else "")
        return (f"{who}{when}{question}" + (" · " + _("✎ memo") if turn.memo else "")
                + (f"   [{' | '.join(codes)}]" if codes else ""))

    def turn_at(self, display: int) -> int | None:
        """Position (in self.turns) of the turn whose header or text holds a display offset."""
        i = bisect.bisect_right(self.header_starts, display) - 1
        return i if i >= 0 else None

    def to_canonical(self, display: int) -> int:
        """A display offset in canonical text; a header counts as its turn's start."""
        i = self.turn_at(display)
        if i is None:
            return self.turns[0].start if self.turns else 0
        turn, shown = self.turns[i], display - self.body_starts[i]
        if i in self._inserted:  # each put-in break before this point is not in the canonical text
            shown -= bisect.bisect_left(self._inserted[i][1], shown)
        return max(turn.start, min(turn.start + shown, turn.end))

    def to_display(self, canonical: int, is_end: bool = False) -> int:
        """A canonical offset on the page (clamped to the shown turns)."""
        if not self.turns:
            return 0
        i = bisect.bisect_left(self._starts, canonical) if is_end else bisect.bisect_right(self._starts, canonical)
        i = min(max(i - 1, 0), len(self.turns) - 1)
        turn = self.turns[i]
        inside = max(0, min(canonical, turn.end) - turn.start)
        if i in self._inserted:  # a break put in at this point: an end stays before it, a start after it
            inside += (bisect.bisect_left if is_end else bisect.bisect_right)(self._inserted[i][0], inside)
        return self.body_starts[i] + inside

    def places(self, words: str) -> list[tuple[int, int]]:
        """Display spans of every place where the words are, in text order (any case; a line break in a long
        paragraph counts as the space it was)."""
        return [m.span() for m in re.finditer(re.escape(words), self.plain, re.IGNORECASE)] if words else []

    def codings_at(self, canonical: int) -> list[CodingView]:
        return [c for c in self.codings if c.start <= canonical < c.end]

    def highlights(self) -> list[Highlight]:
        """Coloured display spans for the codings, cut at turn boundaries."""
        found = []
        for coding in self.codings:
            first = bisect.bisect_right(self._starts, coding.start) - 1
            for i in range(max(first, 0), len(self.turns)):
                turn = self.turns[i]
                if turn.start >= coding.end:
                    break
                start, end = max(coding.start, turn.start), min(coding.end, turn.end)
                if start < end:
                    found.append(Highlight(self.to_display(start), self.to_display(end, True),
                                           self.colours.get(coding.code_path, PALETTE[0])))
        return found

    def next_uncoded(self, after: int, fillers: Collection[int] = ()) -> int | None:
        """Position of the next respondent turn after `after` without any coding; fillers: the indexes of turns
        that say nothing to code ("Ja, ja."), passed over."""
        for i in range(after + 1, len(self.turns)):
            if self.turns[i].role == "respondent" and not self._codes[i] and self.turns[i].index not in fillers:
                return i
        return None
