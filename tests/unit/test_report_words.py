"""The Word report's words in both languages, and a theme's lead sentence from its counts."""

import pytest

from workbench.core.counting import TOTAL
from workbench.core.dto import FrequencyRow
from workbench.errors import WorkbenchError
from workbench.reports.words import WORDS, lead, words

SIZES = {"pabo": 14, "alo": 2, TOTAL: 16}


def rows(*named: tuple[str, int]) -> list[FrequencyRow]:
    return [FrequencyRow(f"Studenten > {code}", code, 1, TOTAL, count, 16) for code, count in named]


def test_every_language_has_every_word_from_the_catalogue():
    dutch, english = words("nl"), words("en")
    assert set(dutch) == set(english) == set(WORDS)
    assert dutch["title"] == "Frequenties ({unit})" and english["title"] == "Frequencies ({unit})"
    assert words() == english  # the language spoken now
    with pytest.raises(WorkbenchError, match="--language"):
        words("de")


def test_the_lead_names_the_most_and_least_named_and_where_a_programme_differs():
    subcodes = rows(("Studievertraging", 12), ("Financiële redenen", 5), ("Heimwee", 0))
    cells = {("Studenten > Studievertraging", "pabo"): 11, ("Studenten > Studievertraging", "alo"): 1,
             ("Studenten > Financiële redenen", "pabo"): 3, ("Studenten > Financiële redenen", "alo"): 2}
    sentence = lead(subcodes, cells, ["pabo", "alo"], SIZES, "respondent", "nl")
    assert sentence == ("Het vaakst genoemd: Studievertraging (12 van de 16 respondenten). Het minst: Financiële "
                        "redenen (5). Bovenaan staat iets anders bij alo (Financiële redenen).")
    english = lead(subcodes, cells, ["pabo", "alo"], SIZES, "respondent", "en")
    assert english.startswith("Most often named: Studievertraging (12 of 16 respondents).")


def test_a_theme_nobody_named_and_a_theme_of_one_code():
    assert lead(rows(("Heimwee", 0)), {}, ["pabo"], SIZES, "respondent", "en") == "Nobody named any of the subcodes."
    one = lead(rows(("Heimwee", 3)), {("Studenten > Heimwee", "pabo"): 3}, ["pabo"], SIZES, "quotation", "nl")
    assert one == "Het vaakst geciteerd: Heimwee (3x)."  # N counts respondents: never '3 of 16 quotes'
