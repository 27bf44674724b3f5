from pathlib import Path

from hypothesis import given
from hypothesis import strategies as st

from workbench.core.codebook_file import read_codebook
from workbench.tui.fuzzy import meaning, rank

BOOK = read_codebook(Path(__file__).resolve().parents[2] / "codebook" / "interview-guide.yaml")
PATHS = [" > ".join(n) for n, _ in BOOK.walk()]
WORDS = {" > ".join(n): (tuple(spec.keywords), spec.description) for n, spec in BOOK.walk()}


def best(query: str, **kwargs) -> str:
    return rank(query, PATHS, **kwargs)[0][0]


def test_abbreviations_typos_and_words_find_the_code():
    assert best("studvert").endswith("Belemmeringen studenten > Studievertraging")
    assert best("studievertaging").endswith("> Studievertraging")
    assert best("werkdruk").endswith("> Volle agenda en werkdruk")
    assert best("ka2").endswith("> KA2 strategische partnerschappen")
    assert rank("zzzqqq", PATHS) == []


def test_what_was_said_finds_the_code_it_is_a_keyword_of():
    """The picker searched code names only: 'geen uren' ranked 'Formele uren' (the opposite) above the code
    whose keyword it is, and 'te duur' or 'bureaucratie' offered a new code."""
    assert rank("geen uren", PATHS, words=WORDS)[0] == (next(p for p in PATHS if p.endswith("> Geen formele uren")),
                                                         "geen uren")
    assert best("te duur", words=WORDS).endswith("> Financiële redenen")
    assert best("financieel", words=WORDS).endswith("> Financiële redenen")  # financ*: any ending
    assert best("vertraging oplopen", words=WORDS).endswith("> Studievertraging")
    assert best("te dure", words=WORDS).endswith("> Financiële redenen")  # mistyped
    assert rank("studvert", PATHS, words=WORDS) == rank("studvert", PATHS)  # no keyword is like it: names decide


@given(st.text(max_size=12))
def test_a_keyword_is_found_whole_or_begun_and_nothing_short_matches(query):
    score, keyword = meaning(query, ("geen uren", "financ*"))
    if len(query.strip()) < 3:
        assert (score, keyword) == (0.0, None)
    elif query.strip().lower().startswith("financ") or "geen uren".startswith(" ".join(query.lower().split())):
        assert score >= 97
