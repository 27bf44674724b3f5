"""Which codings a report counts (some coders' or everyone's; all, only reviewed ones, or only those two
coders agree on) and what they are: the provenance every report states."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass

from sqlalchemy import and_, case, distinct, exists, func, or_, select
from sqlalchemy.orm import Session

from workbench.core.dto import Provenance
from workbench.core.models import Coder, Coding, CodingTurn, KindTally, Participant, Speaker

REVIEWED_ORIGINS = ("manual", "suggestion", "import")  # made by a person: here, or in another tool

_coding, _coder, _coding_turn, _kind_tally, _participant, _speaker = (
    model.__table__ for model in (Coding, Coder, CodingTurn, KindTally, Participant, Speaker))


@dataclass(frozen=True)
class Basis:
    """The codings asked for: by these coders (None: everyone's), reviewed only, agreed on by two coders."""

    coder_ids: list[int] | None = None
    reviewed: bool = False
    consensus: bool = False

    @property
    def filtered(self) -> bool:
        """Whether codings must be read one by one (the tallies count every coding)."""
        return self.reviewed or self.consensus

    def on_links(self, links=_coding_turn) -> list:
        """Conditions on coding_turn (or its mapped class's table) that keep the links of the codings asked
        for: by coder on the links themselves, through the coding table only when reviewed or consensus."""
        if self.filtered:
            return [links.c.coding_id.in_(select(_coding.c.id).where(*self.where()))]
        return [links.c.coder_id.in_(self.coder_ids)] if self.coder_ids else []

    def where(self, coding=_coding) -> list:
        """Conditions on a coding table (or an alias of it) that keep the codings asked for."""
        conditions = [coding.c.coder_id.in_(self.coder_ids)] if self.coder_ids else []
        if self.reviewed:
            conditions.append(or_(coding.c.origin.in_(REVIEWED_ORIGINS), coding.c.confirmed_at.is_not(None)))
        if self.consensus:  # another coder's coding of the same code overlaps it
            other = _coding.alias("other")
            conditions.append(exists(select(other.c.id).where(
                other.c.transcript_id == coding.c.transcript_id, other.c.code_id == coding.c.code_id,
                other.c.coder_id != coding.c.coder_id, other.c.start < coding.c.end, coding.c.start < other.c.end,
                *Basis(self.coder_ids, self.reviewed).where(other))))
        return conditions


def respondent_speakers(*columns):
    """Respondents' speakers: their ids, or the columns asked for."""
    return (select(*(columns or (_speaker.c.id,))).select_from(_speaker.join(_participant))
            .where(_participant.c.role == "respondent"))


def provenance(session: Session, basis: Basis) -> Provenance:
    """The counted codings on respondents' turns, by how they were made, and their coders: from the kind tally
    and the few codings over several turns, unless the basis reads codings one by one anyway."""
    counts: Counter[str] = Counter()
    if basis.filtered:
        on_respondents = _coding.c.id.in_(select(_coding_turn.c.coding_id).where(
            _coding_turn.c.speaker_id.in_(respondent_speakers())))
        kind = case((and_(_coding.c.origin == "autocode", _coding.c.confirmed_at.is_not(None)), "confirmed"),
                    else_=_coding.c.origin)
        counts.update(dict(session.execute(select(kind, func.count()).where(on_respondents, *basis.where())
                                           .group_by(kind)).all()))
        who = select(_coding.c.coder_id).where(on_respondents, *basis.where())
    else:
        mine = [_kind_tally.c.coder_id.in_(basis.coder_ids)] if basis.coder_ids else []
        tallied = select(_kind_tally.c.kind, func.sum(_kind_tally.c.one_turn)).where(
            _kind_tally.c.speaker_id.in_(respondent_speakers()), *mine).group_by(_kind_tally.c.kind)
        counts.update({kind: int(n) for kind, n in session.execute(tallied).all()})
        spread = select(_coding_turn.c.kind, func.count(distinct(_coding_turn.c.coding_id))).where(
            ~_coding_turn.c.one_turn, _coding_turn.c.speaker_id.in_(respondent_speakers()),
            *basis.on_links()).group_by(_coding_turn.c.kind)
        counts.update(dict(session.execute(spread).all()))
        who = select(_kind_tally.c.coder_id).where(_kind_tally.c.speaker_id.in_(respondent_speakers()), *mine)
    if basis.coder_ids:
        coders = session.scalars(select(_coder.c.name).where(_coder.c.id.in_(basis.coder_ids))).all()
    else:
        coders = session.scalars(select(_coder.c.name).where(_coder.c.id.in_(who))).all()
    return Provenance(tuple(sorted(coders, key=str.casefold)), counts.get("manual", 0), counts.get("suggestion", 0),
                      counts.get("autocode", 0), counts.get("confirmed", 0), counts.get("import", 0),
                      basis.reviewed, basis.consensus)
