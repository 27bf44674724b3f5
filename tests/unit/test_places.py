"""Where coders left transcripts: kept per study and coder, in a file only its owner reads; a damaged or
foreign file is started again, never a crash."""

import json

from workbench.tui.places import Places


def test_places_are_kept_per_study_and_coder_and_only_for_the_owner(tmp_path):
    path = tmp_path / "state" / "places.json"
    anna, bram, elsewhere = Places("a.sqlite", "anna", path), Places("a.sqlite", "bram", path), Places("b", "anna", path)
    anna.put("guid-1", 120)
    bram.put("guid-1", 7)
    elsewhere.put("guid-1", 3)
    anna.put("guid-2", 0)
    assert (anna.get("guid-1"), bram.get("guid-1"), elsewhere.get("guid-1"), anna.get("guid-2")) == (120, 7, 3, 0)
    assert anna.get("guid-3") is None
    assert path.stat().st_mode & 0o777 == 0o600 and path.parent.stat().st_mode & 0o777 == 0o700


def test_a_damaged_or_foreign_file_of_places_is_started_again(tmp_path):
    path = tmp_path / "places.json"
    for content in ("{", "[1, 2]", '{"a.sqlite": 5}', '{"a.sqlite": {"anna": [1]}}', "\x00" * 10,
                    json.dumps({"a.sqlite": {"anna": {"g": True, "h": -4, "i": "12", "j": 1.5}}})):
        path.write_text(content, encoding="utf-8")
        places = Places("a.sqlite", "anna", path)
        assert [places.get(g) for g in "ghij"] == [None] * 4
        places.put("g", 9)
        assert places.get("g") == 9
    path.write_text("x" * 1_000_001, encoding="utf-8")
    assert Places("a.sqlite", "anna", path).get("g") is None


def test_a_home_that_cannot_be_written_keeps_no_place_and_says_nothing(tmp_path):
    blocked = tmp_path / "file"
    blocked.write_text("", encoding="utf-8")
    places = Places("a.sqlite", "anna", blocked / "workbench" / "places.json")  # its folder would be in a file
    places.put("g", 9)
    assert places.get("g") is None
