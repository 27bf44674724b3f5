"""The overview's per-transcript figures, counted by the database, against every coding row."""

import random
from collections import defaultdict

import pytest
from sqlalchemy import select

from bench.corpus import add_codings_over_turns, add_random_codings
from workbench.core.models import Coder, Coding, CodingTurn, Participant, Speaker, Transcript, Turn
from workbench.services.transcripts import list_transcripts


@pytest.mark.parametrize("coders", [None, ["anna"], ["bram", "spreader"]])
def test_coded_respondent_turns_and_coders_are_what_the_coding_rows_say(sample_db, coders):
    add_random_codings(sample_db, 2000, random.Random(3))
    add_codings_over_turns(sample_db, 200, random.Random(4))
    with sample_db.read() as session:
        links = session.execute(
            select(Transcript.name, CodingTurn.turn_id, Coder.name)
            .join(Turn, Turn.id == CodingTurn.turn_id).join(Transcript, Transcript.id == Turn.transcript_id)
            .join(Speaker, Speaker.id == CodingTurn.speaker_id).join(Participant)
            .join(Coder, Coder.id == CodingTurn.coder_id).where(Participant.role == "respondent")).all()
        made_by = session.execute(select(Transcript.name, Coder.name).join(Coding, Coding.transcript_id ==
                                                                           Transcript.id).join(Coder)).all()
    coded_turns, who = defaultdict(set), defaultdict(set)
    for name, turn_id, coder in links:
        if coders is None or coder in coders:
            coded_turns[name].add(turn_id)
    for name, coder in made_by:
        if coders is None or coder in coders:
            who[name].add(coder)
    summaries = list_transcripts(sample_db, coders)
    assert any(s.coded_respondent_turns < s.respondent_turns for s in summaries)
    for summary in summaries:
        assert summary.coded_respondent_turns == len(coded_turns[summary.name]), summary.name
        assert summary.coders == tuple(sorted(who[summary.name])), summary.name
