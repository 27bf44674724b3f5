"""A suggestion's evidence is stored as the model writes it (the audit's words) and said in the coder's language."""

import pytest

from workbench import i18n
from workbench.core.suggest.evidence import said, said_method

STORED = ('name "Studievertraging" + lemmas "studie vertraging" + phrase "uitloop" + compound "studie|vertraging" '
          '+ words studie, vertraging (0.41) + like 3 coded segment(s) (0.62) + denied "geen" (+0.10)')


@pytest.fixture
def dutch():
    i18n.use("nl")
    yield
    i18n.use("en")


def test_evidence_is_said_in_dutch_with_what_was_found_as_it_was_written(dutch):
    assert said(STORED) == ('naam "Studievertraging" + lemma\'s "studie vertraging" + frase "uitloop" + '
                            'samenstelling "studie|vertraging" + woorden studie, vertraging (0.41) + '
                            'lijkt op 3 gecodeerde fragment(en) (0.62) + ontkend "geen" (+0.10)')
    assert said("nothing denied (-0.10)") == "niets ontkend (-0.10)"
    assert said("no evidence") == "geen bewijs"
    assert said_method("match+similar+learned+negation") == "overeenkomst+gelijkend+geleerd+ontkenning"


def test_in_english_evidence_is_said_as_stored_and_unknown_parts_are_kept():
    assert said(STORED) == STORED
    assert said('something new "x" + words a (0.20)') == 'something new "x" + words a (0.20)'
    assert said_method("match+other") == "match+other"
