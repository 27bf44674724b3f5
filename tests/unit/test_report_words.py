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


SMALL = {"pabo": 14, "alo": 2, "ulo": 4, TOTAL: 20}


def cells_of(**per_group: dict[str, int]) -> dict[tuple[str, str], int]:
    return {(f"Studenten > {code}", group): n for group, counts in per_group.items() for code, n in counts.items()}


def test_the_lead_is_prose_the_first_followed_by_the_next_the_least_and_a_programme_whose_first_differs():
    subcodes = rows(("Studievertraging", 12), ("Financiële redenen", 5), ("Heimwee", 3), ("Taal", 1), ("Leeg", 0))
    cells = cells_of(pabo={"Studievertraging": 11, "Financiële redenen": 3, "Heimwee": 2},
                     alo={"Studievertraging": 1, "Financiële redenen": 2},  # N = 2: too few to say what is first
                     ulo={"Heimwee": 3, "Taal": 1})
    assert lead(subcodes, cells, ["pabo", "alo", "ulo"], SMALL, "respondent", "nl") == (
        "Studievertraging werd het vaakst genoemd (12x), gevolgd door Financiële redenen (5x) en Heimwee (3x). "
        "Taal werd het minst vaak genoemd (1x). Bij ulo staat Heimwee bovenaan (drie van de vier respondenten).")
    assert lead(subcodes, cells, ["pabo", "alo", "ulo"], SMALL, "respondent", "en") == (
        "Studievertraging was named most often (12x), followed by Financiële redenen (5x) and Heimwee (3x). "
        "Taal was named least often (1x). At ulo, Heimwee comes first (three of four respondents).")


def test_ties_are_named_as_ties_and_a_programme_with_a_tie_at_its_top_has_no_first():
    subcodes = rows(("Studievertraging", 12), ("Financiële redenen", 12), ("Heimwee", 5), ("Taal", 1), ("Wonen", 1))
    cells = cells_of(ulo={"Heimwee": 2, "Taal": 2})
    assert lead(subcodes, cells, ["ulo"], SMALL, "respondent", "nl") == (
        "Financiële redenen en Studievertraging werden het vaakst genoemd (elk 12x), gevolgd door Heimwee (5x). "
        "Taal en Wonen werden het minst vaak genoemd (elk 1x).")
    assert lead(subcodes, cells, ["ulo"], SMALL, "respondent", "en") == (
        "Financiële redenen and Studievertraging were named most often (12x each), followed by Heimwee (5x). "
        "Taal and Wonen were named least often (1x each).")


def test_a_group_code_is_no_finding_and_a_theme_of_one_code_has_no_first():
    subcodes = [FrequencyRow("Studenten > Belemmeringen", "Belemmeringen", 1, TOTAL, 14, 20),
                FrequencyRow("Studenten > Belemmeringen > Heimwee", "Heimwee", 2, TOTAL, 3, 20),
                FrequencyRow("Studenten > Belemmeringen > Taal", "Taal", 2, TOTAL, 2, 20)]
    assert lead(subcodes, {}, [], SMALL, "respondent", "en") == "Heimwee was named most often (3x), followed by Taal (2x)."
    assert lead(rows(("Heimwee", 3)), {}, ["pabo"], SMALL, "quotation", "nl") == "Alleen Heimwee werd gecodeerd (3x)."
    assert lead(rows(("Heimwee", 0)), {}, ["pabo"], SMALL, "respondent", "en") == "Nobody named any of the subcodes."


def test_institutions_are_counted_in_words_of_their_n():
    """'bij zes van de acht instellingen', not '(6x)': a count of institutions is read against how many there are."""
    institutions = {"pabo": 8, "alo": 3, TOTAL: 8}
    subcodes = [FrequencyRow(f"Studenten > {code}", code, 1, TOTAL, count, 8)
                for code, count in (("Heimwee", 6), ("Taal", 6), ("Wonen", 2), ("Geld", 1))]
    cells = cells_of(alo={"Wonen": 3, "Taal": 1})
    assert lead(subcodes, cells, ["alo"], institutions, "institution", "nl") == (
        "Heimwee en Taal werden het vaakst genoemd (elk bij zes van de acht instellingen), gevolgd door Wonen "
        "(bij twee van de acht instellingen). Geld werd het minst vaak genoemd (bij één van de acht instellingen). "
        "Bij alo staat Wonen bovenaan (drie van de drie instellingen).")
    assert lead(subcodes, cells, ["alo"], institutions, "institution", "en") == (
        "Heimwee and Taal were named most often (each at six of the eight institutions), followed by Wonen "
        "(at two of the eight institutions). Geld was named least often (at one of the eight institutions). "
        "At alo, Wonen comes first (three of three institutions).")
    assert lead(subcodes[:1], {}, [], institutions, "institution", "nl") == (
        "Alleen Heimwee werd genoemd (bij zes van de acht instellingen).")
