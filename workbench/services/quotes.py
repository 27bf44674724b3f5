"""Coded segments of respondents, anonymised, for the Quotes view and reports."""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from collections.abc import Iterable, Iterator, Sequence, Set
from dataclasses import replace

from sqlalchemy import bindparam, select
from sqlalchemy.orm import Session

from workbench.core.anonymise import Anonymiser
from workbench.core.db import Database, driver_rows, study_at
from workbench.core.dto import QuoteView
from workbench.core.models import (
    Code,
    Coder,
    Coding,
    CodingTurn,
    Institution,
    Participant,
    Programme,
    Speaker,
    SpeakerAlias,
    Transcript,
    Turn,
    participant_programme,
)
from workbench.core.spans import PASSAGE_WORDS, passage
from workbench.errors import WorkbenchError
from workbench.i18n import _, current, ngettext
from workbench.services.counted import Basis
from workbench.services.lookup import CodeTree, coder_ids, worth_a_second_process


def anonymiser(session: Session) -> Anonymiser:
    """What the registry says is a person (the labels of speakers it assigned, its aliases) or an
    institution; a speaker label the registry does not know ('Covid', from a document read as
    paragraphs with labels) masks nothing, nor does a pseudonym (a case of another tool is named by one)."""
    people = set(session.scalars(select(Speaker.label).where(Speaker.participant_id.is_not(None))))
    people |= set(session.scalars(select(SpeakerAlias.label)))
    people -= set(session.scalars(select(Participant.pseudonym)))  # what is shown in their place: no real name
    return Anonymiser(people, session.scalars(select(Institution.name)), common=ordinary_word)


def ordinary_word(word: str) -> bool:
    """A Dutch word the lemma tables know, as itself or as a form of one (asked only of a name's part
    that starts a sentence: the tables load then)."""
    from workbench.core.suggest.lemmas import known_lemmas, lemma

    return word in known_lemmas() or lemma(word) in known_lemmas()


def masker(db: Database) -> Anonymiser:
    """The study's masking, for quotes read unmasked and masked where they are drawn (a list of thousands
    draws the few in view); the word tables it may ask are loaded here, not at the first row drawn."""
    from workbench.core.suggest.lemmas import known_lemmas

    with db.read() as session:
        mask = anonymiser(session)
    known_lemmas()
    return mask


def quotes(db: Database, code_path: str | None = None, programme: str | None = None,
           coders: Sequence[str] | None = None, reviewed: bool = False, consensus: bool = False,
           passages: bool = True, masked: bool = True) -> list[QuoteView]:
    """Codings on respondent turns (a code includes its subcodes), in transcript order; coders, reviewed,
    consensus: only the codings a report counts (see services/counted.py); passages, masked: see each_quote."""
    return list(each_quote(db, code_path, programme, coders, reviewed, consensus, passages, masked))


def each_quote(db: Database, code_path: str | None = None, programme: str | None = None,
               coders: Sequence[str] | None = None, reviewed: bool = False,
               consensus: bool = False, passages: bool = True, masked: bool = True) -> Iterator[QuoteView]:
    """The quotes as quotes() finds them, one at a time as they are read (a spreadsheet of millions writes
    them as they come); the study is read in one transaction until the last. Without passages: the coded
    words only (a spreadsheet's quotes), no passage or evidence worked out. Not masked: the words as said,
    for a list that masks what it draws (see masker)."""
    return (QuoteView(*fields) for fields in _quote_fields(db, code_path, programme, coders, reviewed, consensus,
                                                             passages, masked))


def each_quote_aside(db: Database, coders: Sequence[str] | None = None, reviewed: bool = False,
                     consensus: bool = False) -> Iterator[QuoteView]:
    """Every quote as each_quote finds it without passages, read and masked in a process of its own (a second
    CPU, started now) while this one writes them, for a spreadsheet of a large study (1.5 million quotes)."""
    from workbench.streams import made_aside

    read = made_aside(_quote_fields_at, db.url, current(), None, None, coders, reviewed, consensus, False, True,
                      aside=worth_a_second_process(db))
    return (QuoteView(*fields) for fields in read)


def _quote_fields_at(url: str, language: str, *asked) -> Iterator[tuple]:
    """_quote_fields of the study at url, in the language asked (in a process of its own)."""
    with study_at(url, language) as db:
        yield from _quote_fields(db, *asked)


def _quote_fields(db: Database, code_path: str | None, programme: str | None, coders: Sequence[str] | None,
                  reviewed: bool, consensus: bool, passages: bool, masked: bool) -> Iterator[tuple]:
    """each_quote's quotes as QuoteView's fields, in their order (plain values: they may cross to another
    process)."""
    with db.read() as session:
        basis = Basis(coder_ids(session, coders), reviewed, consensus)
        tree = CodeTree(session)
        mask = anonymiser(session) if masked else str  # str(text): the text as it is
        programmes = defaultdict(list)
        for pid, name in session.execute(
            select(participant_programme.c.participant_id, Programme.name).join(Programme)
        ).all():
            programmes[pid].append(name)
        if programme and not any(programme in names for names in programmes.values()):
            raise WorkbenchError(_("no respondent has programme '{programme}'").format(programme=programme))
        query = (
            select(Coding.id, Coding.guid, Coding.code_id, Coding.transcript_id, Coding.start, Coding.end,
                   Coding.quote, Coding.origin, Coding.confirmed_by, Coding.picked_by, Transcript.name, Coder.name,
                   Participant.id, Participant.pseudonym, Turn.start_ms, Turn.start, Turn.end)
            .join(CodingTurn, CodingTurn.coding_id == Coding.id)
            .join(Turn, Turn.id == CodingTurn.turn_id)
            .join(Speaker, Speaker.id == CodingTurn.speaker_id)
            .join(Participant, Participant.id == Speaker.participant_id)
            .join(Transcript, Transcript.id == Coding.transcript_id)
            .join(Coder, Coder.id == Coding.coder_id)
            .where(Participant.role == "respondent")
            .order_by(Transcript.name, Coding.start, Coding.id, Turn.index)  # a coding's turns one after another
        )
        if code_path:
            query = query.where(Coding.code_id.in_(tree.subtree(tree.get(code_path))))
        query = query.where(*basis.where())
        last, text, evidence, names = None, _TextOf(session), _Evidence(session), {}
        groups = {pid: tuple(sorted(found)) for pid, found in programmes.items()}
        for (coding_id, guid, code_id, transcript_id, start, end, quote, origin, confirmed_by, picked_by, transcript,
             who, pid, pseudonym, start_ms, turn_start, turn_end) in _rows(session, query, all_codes=not code_path):
            if coding_id == last or (programme and programme not in programmes[pid]):
                continue  # a coding over several turns: quoted once, from its first respondent turn
            last = coding_id
            shown, evidence_words = "", None
            if passages:
                words = text(transcript_id)
                long = len(quote.split()) > PASSAGE_WORDS[1]  # cut to where its code's words are
                unreviewed = origin == "autocode" and confirmed_by is None
                hits = evidence(code_id, words, start, end) if long or unreviewed else []
                a, b = passage(words, start, end, (turn_start, turn_end), hits=hits if long else ())
                shown = mask(words[a:b])
                evidence_words = sum(len(words[s:e].split()) for s, e in hits) if unreviewed else None
            if transcript not in names:
                names[transcript] = mask(transcript)
            yield (guid, tree.path(code_id), transcript, pseudonym, groups.get(pid, ()), start_ms, mask(quote), who,
                   start, names[transcript], picked_by is not None, ATTRIBUTIONS[0], shown, evidence_words)


def _rows(session: Session, query, all_codes: bool) -> Iterator[tuple]:
    """The query's rows, a few thousand at a time (not all at once: 1.8 GB). Every code's: a few transcripts
    at a time, in the order of their names, so that the first come at once (one query sorted 1.5 million rows
    before the first, 7 s); one code's: in one query, through the code's index."""
    chunks: Iterable = [query]
    if all_codes:
        order = session.scalars(select(Transcript.id).order_by(Transcript.name)).all()  # the database's collation
        chunks = (query.where(CodingTurn.speaker_id.in_(select(Speaker.id).where(
            Speaker.transcript_id.in_(order[i:i + TRANSCRIPTS])))) for i in range(0, len(order), TRANSCRIPTS))
    for chunk in chunks:
        yield from driver_rows(session, chunk, ROWS)


ROWS = 5_000  # quotes' rows read from the database at a time
TRANSCRIPTS = 10  # transcripts' quotes read in one query (every code's)


class _Evidence:
    """Where a code's keywords and patterns match a span (their matchers made once per code)."""

    def __init__(self, session: Session):
        self.session, self.matchers = session, {}

    def __call__(self, code_id: int, text: str, start: int, end: int) -> list[tuple[int, int]]:
        from workbench.core.matching import Matcher, TextIndex  # only for a long coding: not on every start

        if code_id not in self.matchers:
            code = self.session.get(Code, code_id)
            self.matchers[code_id] = Matcher.of(code)
        return [(start + a, start + b) for a, b in self.matchers[code_id].find(TextIndex(text[start:end]))]


class _TextOf:
    """Transcript texts one at a time, as quotes come in transcript order (not every text at once); one
    statement, run again in the session's transaction (through the ORM each of 1,000 texts cost 0.14 ms more)."""

    def __init__(self, session: Session):
        self.connection, self.held = session.connection(), (None, "")
        self.query = select(Transcript.text).where(Transcript.id == bindparam("transcript"))

    def __call__(self, transcript_id: int) -> str:
        if self.held[0] != transcript_id:
            self.held = (transcript_id, self.connection.execute(self.query, {"transcript": transcript_id}).scalar())
        return self.held[1]


READABLE = (8, 60)  # words: a quote this long reads on its own in a report


SHARED_WORDS = 4  # a sentence this long that two codes' quotes both hold is one finding quoted twice


def sentences(text: str) -> set[str]:
    """A quote's sentences of SHARED_WORDS words or more, as compared: case and spacing aside."""
    parts = (" ".join(part.casefold().split()) for part in re.split(r"(?<=[.!?…])\s+", text))
    return {part for part in parts if len(part.split()) >= SHARED_WORDS}


def spread(found: list[QuoteView], limit: int, quoted: Counter[str] | None = None,
           taken: Set[str] = frozenset()) -> list[QuoteView]:
    """The quotes for one code: every picked one (the same words once), then, up to limit in all, the one of
    each respondent not yet quoted (those the report has quoted least first) that says the code most surely and
    most clearly, taking programmes in turn, then the rest; never the same words twice, never a sentence of
    `taken` (another code's quotes), a sentence already quoted only where nothing else is left."""
    quoted = quoted or Counter()
    picked = [q for q in found if q.picked]
    others = sorted((q for q in found if not q.picked and not sentences(q.quoted) & taken),
                    key=lambda q: (quoted[q.respondent], _unsure(q), _unclear(q)))
    first, rest, respondents = [], [], {q.respondent for q in picked}
    for quote in others:
        (rest if quote.respondent in respondents else first).append(quote)
        respondents.add(quote.respondent)
    by_programme: dict[tuple[str, ...], list[QuoteView]] = defaultdict(list)
    for quote in first:
        by_programme[quote.programmes].append(quote)
    queues = list(by_programme.values())
    taken_in_turn = [queue[i] for i in range(max(map(len, queues), default=0)) for queue in queues if i < len(queue)]
    chosen, said, held, repeats = [], set(), set(), []
    for quote in picked + taken_in_turn + rest:
        words = " ".join(quote.quoted.casefold().split())
        if words in said or not (quote.picked or len(chosen) < limit):
            continue
        if not quote.picked and sentences(quote.quoted) & held:  # a sentence already quoted: only if need be
            repeats.append(quote)
            continue
        said.add(words)
        held |= sentences(quote.quoted)
        chosen.append(quote)
    for quote in repeats:
        words = " ".join(quote.quoted.casefold().split())
        if words not in said and len(chosen) < limit:
            said.add(words)
            chosen.append(quote)
    return chosen


def report_quotes(found: Sequence[QuoteView], limit: int, order: Sequence[str]) -> tuple[dict[str, list[QuoteView]],
                                                                                         list[str]]:
    """A report's quotes, code by code in its order (see spread): respondents the report has quoted least come
    first, and no sentence is quoted under two codes (but a pick always stands); and what a reader should know:
    picks of the same words, shown once."""
    per_code: dict[str, list[QuoteView]] = defaultdict(list)
    for quote in found:
        per_code[quote.code_path].append(quote)
    quoted: Counter[str] = Counter()
    used: dict[str, str] = {}  # sentence -> the code whose quote holds it
    chosen, notes = {}, []
    for path in order:
        if not per_code.get(path):
            continue
        mine = spread(per_code[path], limit, quoted, {s for s, code in used.items() if code != path})
        picks = [q for q in per_code[path] if q.picked]
        if len(picks) > len([q for q in mine if q.picked]):
            twins = len(picks) - len([q for q in mine if q.picked])
            notes.append(ngettext("{code}: {n} picked quote has the same words as another pick and is shown once",
                                  "{code}: {n} picked quotes have the same words as another pick and are shown once",
                                  twins).format(code=path, n=twins))
        for quote in mine:
            quoted[quote.respondent] += 1
            for sentence in sentences(quote.quoted):
                used.setdefault(sentence, path)
        chosen[path] = mine
    return chosen, notes


def _unsure(quote: QuoteView) -> tuple[bool, int]:
    """Surest first: a coding a person made or kept, then autocodes by how many words of the code's keywords
    they hold ('naar het buitenland' before 'uitwisselingen' in a job title)."""
    return (False, 0) if quote.evidence is None else (True, -quote.evidence)


def _unclear(quote: QuoteView) -> tuple[bool, bool, bool]:
    """Clearest first: of a readable length, a whole sentence, with its time."""
    text = quote.quoted.strip()
    words = len(text.split())
    whole = text[:1].isupper() and text[-1:] in ".!?…"
    return not READABLE[0] <= words <= READABLE[1], not whole, quote.start_ms is None


ATTRIBUTIONS = ("pseudonym+programme", "pseudonym", "programme", "none")


def attributed(quote: QuoteView, attribution: str) -> QuoteView:
    """The quote, to be attributed in a report to its pseudonym, its programmes, both or neither (the time
    stays): reports.words.attribution writes what it says."""
    return quote if quote.attribution == attribution else replace(quote, attribution=attribution)


def small_group_notes(db: Database, quoted: Iterable[tuple[str, ...]], attribution: str, least: int) -> list[str]:
    """A warning when quotes name a programme, or a set of programmes, of fewer than `least` respondents:
    it may say who spoke (the only KVDO respondent; the only one in both pabo and tweedegraads). `quoted`: the
    programmes of each quote's respondent."""
    if "programme" not in attribution or least < 2:
        return []
    with db.read() as session:
        rows = session.execute(
            select(participant_programme.c.participant_id, Programme.name).join(Programme)
            .join(Participant, Participant.id == participant_programme.c.participant_id)
            .where(Participant.role == "respondent", Participant.id.in_(
                select(Speaker.participant_id).where(Speaker.participant_id.is_not(None))))).all()
    of: dict[int, set[str]] = defaultdict(set)
    for pid, name in rows:
        of[pid].add(name)
    sizes: Counter[tuple[str, ...]] = Counter()
    for names in of.values():
        sizes.update([(name,) for name in names] + ([tuple(sorted(names))] if len(names) > 1 else []))
    groups = {group for names in quoted for group in [*((n,) for n in names), tuple(sorted(names))] if group}
    small = sorted(group for group in groups if sizes[group] < least)
    if not small:
        return []
    return [_("quotes are attributed to programmes of fewer than {least} respondents ({groups}): they may say who "
              "spoke").format(
        least=least, groups=", ".join(f"{' + '.join(group)}: {sizes[group]}" for group in small))]
