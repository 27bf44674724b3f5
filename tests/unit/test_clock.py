import pytest
from hypothesis import given
from hypothesis import strategies as st

from workbench.transcripts.clock import format_clock, parse_clock


@pytest.mark.parametrize(
    ("text", "ms"),
    [("0:03", 3000), ("1:02:17", 3737000), ("0:0:3.810", 3810), ("00:00:03.120", 3120),
     ("0:0:13.37", 13370), ("10:05", 605000), ("0:00:01,5", 1500)],
)
def test_parses_the_forms_transcripts_use(text, ms):
    assert parse_clock(text) == ms


@pytest.mark.parametrize("text", ["", "3", "a:bc", "1:2:3:4", "12.5"])
def test_rejects_what_is_no_timestamp(text):
    with pytest.raises(ValueError):
        parse_clock(text)


@given(st.integers(min_value=0, max_value=99 * 3600 * 1000))
def test_teams_display_round_trips_to_the_second(ms):
    assert parse_clock(format_clock(ms)) == ms // 1000 * 1000
