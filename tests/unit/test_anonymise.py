"""Masking names in quotes: whole names, their distinctive parts, any case, Dutch possessives."""

import pytest
from hypothesis import given
from hypothesis import strategies as st

from workbench.core.anonymise import Anonymiser

MASK = Anonymiser(["Tom van der Meer", "Chantal Bosgraaf", "Joris", "R05"], ["Hogeschool Windkust"])


@pytest.mark.parametrize(("text", "masked"), [
    ("Tom van der Meer zei het.", "[naam] zei het."),
    ("Dat waren Bosgraafs studenten.", "Dat waren [naam] studenten."),
    ("Chantal's idee en Joris' collega", "[naam] idee en [naam] collega"),
    ("MEER weet het, bosgraaf ook", "[naam] weet het, [naam] ook"),
    ("Bij Windkust doen ze dat.", "Bij [instelling] doen ze dat."),
    ("van der Meer", "van der [naam]"),  # the particles identify nobody
    ("R05 en de meerderheid", "R05 en de meerderheid"),  # labels are no names; no part of a word is masked
])
def test_names_in_any_case_and_possessive_are_masked(text, masked):
    assert MASK(text) == masked


@given(st.text(alphabet="abcdefghijklmnopqrstuvwxyzBCJMT '’.,", max_size=60))
def test_same_length_masking_keeps_every_offset(text):
    assert len(MASK.same_length(text)) == len(text)
