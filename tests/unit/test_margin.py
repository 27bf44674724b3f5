"""The coding margin's layout: overlapping codings side by side, none drawn over another."""

from hypothesis import given
from hypothesis import strategies as st

from workbench.tui.widgets.margin import Rows, Span, lay_out

spans = st.lists(st.tuples(st.integers(0, 40), st.integers(0, 8)).map(
    lambda t: Span(t[0], t[0] + t[1], f"Groep > Code {t[0]}", "#112233")), max_size=12)


@given(spans, st.integers(1, 4))
def test_no_two_brackets_in_one_lane_share_a_row_and_every_coding_is_drawn_or_counted(found, lanes):
    placed, left_out = lay_out(found, lanes)
    assert sorted(map(id, [b.span for b in placed] + left_out)) == sorted(map(id, found))
    for a in placed:
        assert 0 <= a.lane < lanes
        for b in placed:
            if a is not b and a.lane == b.lane:
                assert a.span.bottom < b.span.top or b.span.bottom < a.span.top
    for span in left_out:  # left out only when every lane was taken on its first row
        assert {b.lane for b in placed if b.span.top <= span.top <= b.span.bottom} == set(range(lanes))


def test_overlapping_codings_stand_side_by_side_with_their_names_and_what_does_not_fit_is_counted():
    rows = Rows([Span(0, 2, "Studenten > Studievertraging", "#ff0000"), Span(1, 1, "Kosten", "#00ff00"),
                 Span(1, 3, "Werkdruk", "#0000ff")], lanes=2, width=10)
    text = ["".join(piece for piece, _colour in rows.line(row)) for row in range(5)]
    # the longer of two codings that start together gets the lane; the other is counted where it starts
    assert text == ["┐  Studie…", "│┐ +1     ", "┘│ Werkdr…", " ┘        ", "          "]


def test_a_bracket_scrolled_past_its_top_still_names_its_code_on_the_first_row_in_view():
    """Scrolled into the middle of a long coding, the margin showed a bare line: which code it was, nobody saw."""
    rows = Rows([Span(0, 6, "Studenten > Studievertraging", "#ff0000"), Span(3, 3, "Kosten", "#00ff00")],
                lanes=2, width=10)
    text = ["".join(piece for piece, _colour in rows.line(row, view_top=2)) for row in range(2, 5)]
    assert text == ["│  Studie…", "│] Kosten ", "│         "]
    assert "".join(piece for piece, _ in rows.line(2)) == "│         "  # in the middle of a view: the line alone


@given(spans, st.integers(1, 4), st.integers(0, 48))
def test_the_first_row_in_view_names_a_bracket_whose_name_is_scrolled_away(found, lanes, top):
    rows = Rows(found, lanes=lanes, width=20)
    placed, _ = lay_out(found, lanes)
    hidden = {b.span.name.rsplit(" > ", 1)[-1] for b in placed if b.span.top < top <= b.span.bottom
              and not any(rows.line(row)[-1][0].strip() == b.span.name.rsplit(" > ", 1)[-1]
                          for row in range(top, b.span.bottom + 1))}
    first = rows.line(top, view_top=top)[-1][0].strip()
    if hidden and not rows.line(top)[-1][0].strip():
        assert first in hidden
    else:
        assert first == rows.line(top)[-1][0].strip()  # a name of its own stays
