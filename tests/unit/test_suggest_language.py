"""Dutch lemmas and compounds for suggestions (offline tables, no tagger)."""

from pathlib import Path

import pytest

from tests.fuzz import CASE_SECONDS, within
from workbench.core.suggest.compounds import split
from workbench.core.suggest.lemmas import lemma

LEMMAS = Path(__file__).resolve().parents[2] / "bench" / "data" / "lemmas.tsv"


@pytest.mark.parametrize("form, expected", [
    ("studenten", "student"), ("ging", "gaan"), ("gegaan", "gaan"), ("financiële", "financieel"),
    ("collega's", "collega"), ("Studenten", "student"), ("gereisd", "reizen"), ("internationale", "internationaal"),
])
def test_the_issue_s_examples(form, expected):
    assert lemma(form) == expected


def test_lemmas_of_the_word_list_are_at_least_90_percent_right():
    rows = [line.split("\t") for line in LEMMAS.read_text(encoding="utf-8").splitlines()
            if line.strip() and not line.startswith("#")]
    right = sum(lemma(form) in gold.split("|") for form, gold in rows)
    assert len(rows) >= 150 and right / len(rows) >= 0.90, (right, len(rows))


@pytest.mark.parametrize("word, parts", [
    ("studievertraging", ("studie", "vertraging")), ("werkdruk", ("werk", "druk")),
    ("taalbarrière", ("taal", "barrière")), ("thuissituatie", ("thuis", "situatie")),
    ("buitenlandstages", ("buitenland", "stage")), ("opleidingsmanager", ("opleiding", "manager")),
    # of two splits alike, the longer head (not buit 'loot' + en + land); an -er- join; heads as lemmas
    ("buitenland", ("buiten", "land")), ("buitenlandse", ("buiten", "land")), ("kinderopvang", ("kind", "opvang")),
    ("lerarenopleiding", ("leraar", "opleiding")), ("moederschap", ("moeder", "schap")),
])
def test_compounds_split_on_the_lexicon(word, parts):
    assert split(word) == parts


@pytest.mark.parametrize("word", ["student", "vertraging", "internationalisering", "hogeschool", "de", "belangrijk",
                                  "persoonlijk", "eigenlijk", "haalbaar",  # adjectives: no noun + rijk/lijk/baar
                                  "onderwijs", "onderzoek", "onderdeel", "voorbeeld", "achtergrond"])  # particles
def test_plain_words_are_not_split(word):
    assert split(word) == ()


def test_fillers_of_speech_are_no_content_words():
    """'heel lang' was read as helen (to heal), 'soms' as som (a sum), 'hoor' as horen: words in every turn."""
    from workbench.core.suggest.pipeline import analyse, pipeline, terms

    pipe = pipeline()
    doc = analyse(pipe.nlp, ["Kijk, het is heel lang en soms echt moeilijk, hoor. Tja, de kosten."])[0]
    assert terms(doc, pipe.stop_words) == ["moeilijk", "kost"]


@pytest.mark.parametrize("blob", ["x" * 1_000_000, "studie" * 170_000])
def test_a_pasted_blob_of_letters_is_no_compound_and_is_read_at_once(blob):
    """A token of a million letters (an image or a key pasted as text): every cut of it copied the word, which took
    hours; the longest compound anyone says is far shorter."""
    with within(CASE_SECONDS, "split"):
        assert split(blob) == ()
    assert split("kindercarnavalsoptochtvoorbereidingswerkzaamheden")  # 49 letters: still a compound
