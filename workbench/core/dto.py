"""Plain data handed to the CLI, the TUI and other threads: never ORM objects."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime

from workbench.i18n import _, ngettext


@dataclass(frozen=True)
class ImportOutcome:
    name: str
    status: str  # imported | unchanged | replaced | duplicate | refused
    layout: str
    turns: int
    words: int
    unassigned: tuple[str, ...] = ()
    note: str = ""  # for 'refused': why
    source_path: str = ""


@dataclass(frozen=True)
class TranscriptSummary:
    name: str
    guid: str
    layout: str
    recorded_on: str | None
    duration_ms: int | None
    words: int
    turns: int
    interviewers: tuple[str, ...]
    respondents: tuple[str, ...]
    institutions: tuple[str, ...]
    programmes: tuple[str, ...]
    unassigned: tuple[str, ...]
    respondent_turns: int
    coded_respondent_turns: int
    coders: tuple[str, ...]
    questions_asked: int = 0  # guide questions found asked in it
    guide_questions: int = 0  # questions in the study's guide (0: no guide)

    @property
    def coded_share(self) -> float:
        return self.coded_respondent_turns / self.respondent_turns if self.respondent_turns else 0.0


@dataclass(frozen=True)
class TurnView:
    index: int
    speaker: str  # pseudonym when assigned, else the label
    respondent: str | None
    role: str | None  # interviewer | respondent | None (unassigned)
    start_ms: int | None
    end_ms: int | None
    start: int
    end: int
    text: str
    memo: str | None = None
    asks: str | None = None  # the guide question this (interviewer's) turn asks
    answers: str | None = None  # the guide question this respondent turn answers (the last one asked)


@dataclass(frozen=True)
class TranscriptDetail:
    summary: TranscriptSummary
    text: str
    turns: tuple[TurnView, ...]
    meta: dict[str, object]
    memo: str | None = None
    guide: dict[str, str] = field(default_factory=dict)  # the guide's questions, id -> text, in its order


@dataclass(frozen=True)
class ParticipantView:
    pseudonym: str
    role: str
    institution: str | None
    programmes: tuple[str, ...]
    transcripts: tuple[str, ...]
    variables: tuple[tuple[str, str], ...] = ()  # (name, value) of the variables other tools keep on a case


@dataclass(frozen=True)
class UnassignedSpeaker:
    transcript: str
    label: str
    turns: int


@dataclass(frozen=True)
class RegistryOutcome:
    participants: int
    aliases: int
    assigned_speakers: int
    unassigned: tuple[UnassignedSpeaker, ...]
    erased_skipped: tuple[str, ...] = ()  # erased respondents whose rows were left out (names not stored)


@dataclass(frozen=True)
class CodeView:
    guid: str
    path: str
    name: str
    depth: int
    description: str
    colour: str | None
    keywords: tuple[str, ...]
    patterns: tuple[str, ...]
    codable: bool
    codings: int
    guide: tuple[str, ...] = ()  # the interview guide's questions it comes from (its own, not its parent's)
    exclusions: tuple[str, ...] = ()  # phrases in which a keyword's hit is none


@dataclass(frozen=True)
class CodebookOutcome:
    added: tuple[str, ...]
    updated: tuple[str, ...]
    unchanged: int
    ids: dict[str, int] = field(default_factory=dict)  # the file's code GUIDs -> the study's codes
    conflicts: tuple[str, ...] = ()  # where the file says otherwise and ours was kept
    groups_added: tuple[str, ...] = ()  # code groups
    groups_updated: tuple[str, ...] = ()  # known code groups that got codes (or a description) from the file
    not_read: tuple[str, ...] = ()  # what the file held that a codebook does not take


@dataclass(frozen=True)
class CodebookChangeView:
    at: datetime
    coder: str
    action: str
    code_guid: str
    detail: dict[str, object]


@dataclass(frozen=True)
class CodingView:
    guid: str
    transcript: str
    code_path: str
    start: int
    end: int
    quote: str
    coder: str
    origin: str
    memo: str | None
    created_at: datetime
    picked_by: str | None = None  # chosen as a report quote by
    confirmed_by: str | None = None  # an autocode reviewed and kept by


@dataclass(frozen=True)
class AutocodeHit:
    transcript: str
    code_path: str
    start: int
    end: int
    quote: str
    new: bool


@dataclass(frozen=True)
class AutocodeOutcome:
    hits: tuple[AutocodeHit, ...]
    dry_run: bool

    @property
    def created(self) -> int:
        return sum(1 for hit in self.hits if hit.new)


@dataclass(frozen=True)
class FrequencyRow:
    path: str
    code: str
    depth: int
    group: str
    count: int
    n: int


@dataclass(frozen=True)
class Provenance:
    """What a report's numbers rest on: the basis asked for, the coders counted and the counted codings (on
    respondents' turns) by how they were made."""

    coders: tuple[str, ...]  # every coder whose codings are counted, by name
    manual: int = 0
    suggestion: int = 0  # accepted suggestions
    autocode: int = 0  # autocodes nobody has reviewed yet
    confirmed: int = 0  # autocodes a coder reviewed and kept
    imported: int = 0  # coded in another tool
    reviewed_only: bool = False
    consensus: bool = False

    @property
    def codings(self) -> int:
        return self.manual + self.suggestion + self.autocode + self.confirmed + self.imported

    @property
    def text(self) -> str:
        """One sentence: which codings, whose, and how they were made."""
        basis = (_("only codings two coders agree on") if self.consensus and not self.reviewed_only else
                 _("only reviewed codings two coders agree on") if self.consensus else
                 _("only reviewed codings") if self.reviewed_only else _("every coding"))
        kinds = [(self.manual, ngettext("{n} by hand", "{n} by hand", self.manual)),
                 (self.suggestion, ngettext("{n} accepted suggestion", "{n} accepted suggestions", self.suggestion)),
                 (self.confirmed, ngettext("{n} confirmed autocode", "{n} confirmed autocodes", self.confirmed)),
                 (self.autocode, ngettext("{n} autocode not reviewed", "{n} autocodes not reviewed", self.autocode)),
                 (self.imported, ngettext("{n} imported", "{n} imported", self.imported))]
        parts = ", ".join(text.format(n=n) for n, text in kinds if n) or _("none")
        coders = _(" and ").join([", ".join(self.coders[:-1]), self.coders[-1]] if len(self.coders) > 1
                                 else self.coders) or _("no coder")
        return ngettext("Counted: {basis}, {n} coding by {coders} ({parts}).",
                        "Counted: {basis}, {n} codings by {coders} ({parts}).", self.codings).format(
            basis=basis, n=self.codings, coders=coders, parts=parts)


@dataclass(frozen=True)
class FrequencyReport:
    unit: str
    by: str
    groups: tuple[str, ...]
    sizes: dict[str, int]
    rows: tuple[FrequencyRow, ...]
    uncounted_codings: int = 0
    notes: tuple[str, ...] = field(default_factory=tuple)
    coders: tuple[str, ...] = ()  # whose codings are counted; () for every coder's
    provenance: Provenance = field(default_factory=lambda: Provenance(()))


@dataclass(frozen=True)
class RespondentRow:
    respondent: str  # pseudonym
    programmes: tuple[str, ...]
    institution: str | None  # as reports name it
    variables: dict[str, str]
    interviews: tuple[str, ...]
    counts: dict[str, int]  # code path -> codings of the code and its subcodes


@dataclass(frozen=True)
class RespondentMatrix:
    codes: tuple[str, ...]  # in the codebook's order
    variables: tuple[str, ...]  # every respondent variable's name
    rows: tuple[RespondentRow, ...]
    provenance: Provenance


@dataclass(frozen=True)
class CodeDocumentMatrix:
    codes: tuple[str, ...]
    documents: tuple[str, ...]  # a document, then (two or more respondents) 'document · respondent' for each
    counts: dict[tuple[str, str], int]  # (code path, document) -> codings of the code and its subcodes
    provenance: Provenance


@dataclass(frozen=True)
class QuoteView:
    guid: str
    code_path: str
    transcript: str
    respondent: str
    programmes: tuple[str, ...]
    start_ms: int | None
    text: str  # anonymised: no names of people or institutions (unless read unmasked: services.quotes.masker)
    coder: str
    start: int  # offset of the coded span in the transcript text
    source: str  # the transcript's name as reports show it: a real name in a file name masked
    picked: bool = False  # chosen as a report quote (reports take it first)
    attribution: str = "pseudonym+programme"  # what a report names under it (services.quotes.ATTRIBUTIONS)
    passage: str = ""  # what a report quotes: the coded sentences widened to whole sentences (core.spans.passage)
    evidence: int | None = None  # an autocode not reviewed: the words its code's keywords matched in it (None: a
    # coding a person made, accepted or kept)

    @property
    def quoted(self) -> str:
        """The words a report prints: the passage, or the coding where there is none."""
        return self.passage or self.text


@dataclass(frozen=True)
class CooccurrenceReport:
    unit: str  # turn | respondent
    codes: tuple[str, ...]  # code paths, tree order
    counts: dict[tuple[int, int], int]  # (i, j) -> units coded with both; (i, i) -> with code i
    provenance: Provenance = field(default_factory=lambda: Provenance(()))

    def coefficient(self, i: int, j: int) -> float:
        """How strongly two codes go together: the units with both over the units with either (Jaccard's
        index, ATLAS.ti's c-coefficient), 0 to 1; it does not grow with how often a code is used at all."""
        both = self.counts.get((i, j), 0)
        either = self.counts.get((i, i), 0) + self.counts.get((j, j), 0) - both
        return both / either if either else 0.0


@dataclass(frozen=True)
class SuggestionView:
    id: int | None  # None: computed, not stored
    transcript: str
    turn: int  # the turn index of `transcripts show`
    start: int  # offsets in the transcript text
    end: int
    path: str
    score: float  # relative to the turn's best code (1.0 for the best): what thresholds and screens use
    raw: float | None  # the model's own score, for the audit (None: suggested by an older version)
    method: str
    evidence: str
    model_version: str
    status: str  # pending | accepted | rejected


@dataclass(frozen=True)
class AgreementRow:
    code_path: str  # or "(alle codes)"
    units: int
    coded_units: int  # units at least one coder coded with the code
    percent: float | None
    kappa: float | None  # two coders only
    alpha: float | None  # Krippendorff, nominal


@dataclass(frozen=True)
class Disagreement:
    transcript: str
    turn: int
    start: int
    end: int
    code_path: str
    coded_by: tuple[str, ...]
    not_coded_by: tuple[str, ...]
    text: str
    respondent: str = ""  # pseudonym
    start_ms: int | None = None  # the unit's turn's time


@dataclass(frozen=True)
class CodingDeletionView:
    at: datetime
    coding_guid: str
    transcript: str
    code_path: str
    start: int
    end: int
    quote: str
    coded_by: str
    deleted_by: str
    reason: str


@dataclass(frozen=True)
class ErasureOutcome:
    turns: int  # turns whose text was overwritten
    names: int  # real names masked
    backups: tuple[str, ...]  # backups erased as well
    notes: tuple[str, ...] = ()  # what is left to others (a PostgreSQL server's log and backups)
    automatic_backups: int = 0  # automatic backups erased as well


@dataclass(frozen=True)
class GuideOutcome:
    parts: int
    questions: int
    found: int  # turns found asking a question, over all transcripts


@dataclass(frozen=True)
class CoverageRow:
    transcript: str
    question: str  # the guide's id
    turn: int | None  # None: not asked, or not found
    start_ms: int | None
    score: float | None  # None when a coder set it
    status: str = "found"  # found | set (by a coder) | not asked (a coder said so) | not found
    text: str = ""  # the guide's question


@dataclass(frozen=True)
class AnswerView:
    """A respondent's answer to a guide question: one turn, with the codes on it."""

    transcript: str
    turn: int
    respondent: str
    programmes: tuple[str, ...]
    start_ms: int | None
    start: int
    end: int
    text: str
    codes: tuple[str, ...]  # paths of the codings that overlap the turn (any coder), in the codebook's order


@dataclass(frozen=True)
class StudyMemoView:
    guid: str
    name: str
    text: str
    author: str | None
    created_at: datetime | None
    sets: tuple[str, ...]


@dataclass(frozen=True)
class MemoView:
    """A memo of the study, where it belongs: on a coding, a turn, a transcript, or the study itself."""

    kind: str  # coding | turn | transcript | study
    text: str
    transcript: str | None = None
    at: int | None = None  # offset in the transcript text it opens at
    turn: int | None = None
    start_ms: int | None = None
    code_path: str | None = None
    coder: str | None = None  # who wrote it: a coding's coder, a study memo's author (turns keep no author)
    title: str | None = None  # a study memo's name
