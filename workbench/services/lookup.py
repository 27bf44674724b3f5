"""Finding things by the names users type (transcripts, codes, coders), and the respondent turns."""

from __future__ import annotations

import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from workbench.core.codes import join_path, split_path
from workbench.core.db import Database, insert_unless_there
from workbench.core.faults import StudyDamaged
from workbench.core.models import Code, Coder, Coding, Participant, Speaker, Transcript, Turn
from workbench.errors import WorkbenchError
from workbench.i18n import _

CODER_NAME = 64  # characters


ASIDE_FROM = 100_000  # codings: a study this large is read beside its writing, in a second process


def worth_a_second_process(db: Database) -> bool:
    """Whether the study is large enough that a report or export should read it in a second process while the
    first writes (streams.made_aside): one costs about a second to start. Judged by the highest coding id (one
    look in the index, not a count of millions)."""
    with db.read() as session:
        return (session.scalar(select(func.max(Coding.id))) or 0) >= ASIDE_FROM


def transcript_named(session: Session, name: str) -> Transcript:
    transcript = session.scalar(select(Transcript).where(Transcript.name == unicodedata.normalize("NFC", name)))
    if transcript is None:
        raise WorkbenchError(_("unknown transcript '{name}' (see 'workbench transcripts list')").format(name=name))
    return transcript


def coder_named(session: Session, name: str) -> Coder:
    """The coder of that name, created on first use."""
    name = name.strip()
    if not name:
        raise WorkbenchError(_("a coder needs a name (--coder)"))
    if len(name) > CODER_NAME or not name.isprintable():
        raise WorkbenchError(
            _("a coder's name is at most {CODER_NAME} printable characters, on one line").format(CODER_NAME=CODER_NAME)
        )
    return named(session, Coder, name)


def coder_ids(session: Session, names: Sequence[str] | None) -> list[int] | None:
    """The ids of coders named (None: every coder); a name nobody codes under is refused."""
    if not names:
        return None
    coder = Coder.__table__.c
    known = dict(session.execute(select(coder.name, coder.id).where(coder.name.in_(names))).all())
    for name in names:
        if name not in known:
            raise WorkbenchError(_("unknown coder '{name}' (coders are named on their codings)").format(name=name))
    return [known[name] for name in names]


def named(session: Session, model, name: str):
    """The row of a name-keyed table (coder, institution, programme), created on first use."""
    item = session.scalar(select(model).where(model.name == name))
    if item is None:  # two processes may create it at once: the second takes the first's row
        session.execute(insert_unless_there(session, model, ["name"]).values(name=name))
        item = session.scalar(select(model).where(model.name == name))
    return item


@dataclass(frozen=True)
class CodeNode:
    id: int
    name: str
    parent_id: int | None
    position: int


class CodeTree:
    """All codes of a session as a tree, for paths, lookups and subtree walks."""

    def __init__(self, session: Session):
        code = Code.__table__.c  # table columns: see services/frequencies.py
        rows = session.execute(select(code.id, code.name, code.parent_id, code.position)).all()
        self.nodes = {row.id: CodeNode(row.id, row.name, row.parent_id, row.position) for row in rows}
        self.children: dict[int | None, list[int]] = {}
        for node in sorted(self.nodes.values(), key=lambda n: (n.position, n.name.casefold())):
            self.children.setdefault(node.parent_id, []).append(node.id)
        self._paths = {code_id: self._names(code_id) for code_id in self.nodes}
        self._by_path = {join_path(n).casefold(): code_id for code_id, n in self._paths.items()}

    def _names(self, code_id: int) -> tuple[str, ...]:
        names: list[str] = []
        current: int | None = code_id
        while current is not None:
            node = self.nodes.get(current)
            if node is None:
                raise StudyDamaged(_("code {code} has a parent that is gone").format(code=code_id))
            if len(names) > len(self.nodes):  # longer than the codebook: a code is its own ancestor
                raise StudyDamaged(_("code {code} is its own parent, or its parent's").format(code=code_id))
            names.append(node.name)
            current = node.parent_id
        return tuple(reversed(names))

    def names(self, code_id: int) -> tuple[str, ...]:
        try:
            return self._paths[code_id]
        except KeyError:
            raise StudyDamaged(_("a coding's code {code} is gone").format(code=code_id)) from None

    def path(self, code_id: int) -> str:
        return join_path(self.names(code_id))

    def parents(self) -> dict[int, int | None]:
        return {code_id: node.parent_id for code_id, node in self.nodes.items()}

    def find(self, path: str) -> int | None:
        try:
            return self._by_path.get(join_path(split_path(path)).casefold())
        except ValueError as exc:
            raise WorkbenchError(str(exc)) from exc

    def get(self, path: str) -> int:
        code_id = self.find(path)
        if code_id is None:
            raise WorkbenchError(_("unknown code '{path}' (see 'workbench codebook show')").format(path=path))
        return code_id

    def walk(self, parent: int | None = None, depth: int = 0):
        """(code id, depth) in tree order."""
        for code_id in self.children.get(parent, []):
            yield code_id, depth
            yield from self.walk(code_id, depth + 1)

    def subtree(self, code_id: int) -> list[int]:
        return [code_id, *(child for child, _ in self.walk(code_id))]

    def place(self, code_id: int, name: str, parent_id: int | None, position: int = 0) -> None:
        """A code added, renamed or moved in this session: the tree kept in step without reading every code
        again (a codebook import of thousands of codes did, once per code)."""
        old = self.nodes.get(code_id)
        if old is not None:
            self.children[old.parent_id].remove(code_id)
            for moved in self.subtree(code_id):
                self._by_path.pop(join_path(self._paths[moved]).casefold(), None)
        self.nodes[code_id] = CodeNode(code_id, name, parent_id, position)
        self.children.setdefault(parent_id, []).append(code_id)
        for moved in self.subtree(code_id):
            self._paths[moved] = self._names(moved)
            self._by_path[join_path(self._paths[moved]).casefold()] = moved


@dataclass(frozen=True)
class RespondentTurn:
    transcript_id: int
    transcript: str
    index: int
    start: int
    end: int
    transcript_text: str  # the whole text (shared, not copied): the turn is transcript_text[start:end]
    respondent: str = ""  # pseudonym
    start_ms: int | None = None

    @property
    def text(self) -> str:
        return self.transcript_text[self.start : self.end]


def respondent_turns(session: Session, transcript: str | None = None) -> list[RespondentTurn]:
    """Every turn of a respondent (of one transcript, or of all), in transcript and turn order."""
    query = (select(Transcript.id, Transcript.name, Turn.index, Turn.start, Turn.end, Participant.pseudonym,
                    Turn.start_ms)
             .join(Turn, Turn.transcript_id == Transcript.id).join(Speaker, Turn.speaker_id == Speaker.id)
             .join(Participant, Speaker.participant_id == Participant.id)
             .where(Participant.role == "respondent").order_by(Transcript.name, Turn.index))
    texts = select(Transcript.id, Transcript.text)
    if transcript:
        chosen = transcript_named(session, transcript).id
        query, texts = query.where(Transcript.id == chosen), texts.where(Transcript.id == chosen)
    text_of = dict(session.execute(texts).all())
    return [
        RespondentTurn(t, name, index, start, end, text_of[t], pseudonym, start_ms)
        for t, name, index, start, end, pseudonym, start_ms in session.execute(query)
    ]
