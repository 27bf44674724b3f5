"""The CLI's JSON: each data class as an object of exactly its fields, one list item a line, read back as
written."""

import json
from dataclasses import dataclass, field
from datetime import datetime
from functools import cached_property

from hypothesis import given
from hypothesis import strategies as st

from workbench.cli.output import json_lines, to_json


@dataclass(frozen=True)
class Inner:
    name: str
    at: datetime


@dataclass
class Outer:
    text: str
    inner: Inner
    tags: list[str] = field(default_factory=list)

    @cached_property
    def shout(self) -> str:  # written into the instance's __dict__ when read, and no field
        return self.text.upper()


@dataclass(frozen=True, slots=True)
class Slotted:
    n: int
    text: str


texts = st.text(st.characters(blacklist_categories=("Cs",)), max_size=30)


@given(st.lists(st.tuples(texts, texts, st.datetimes(), st.lists(texts, max_size=3)), max_size=8))
def test_a_list_reads_back_field_for_field_one_item_a_line(items):
    values = [Outer(text, Inner(name, at), tags) for text, name, at, tags in items]
    for value in values:
        assert value.shout == value.text.upper()  # now in its __dict__ beside the fields
    written = to_json(values)
    assert json.loads(written) == [{"text": v.text, "inner": {"name": v.inner.name, "at": v.inner.at.isoformat()},
                                    "tags": v.tags} for v in values]
    assert written.count("\n") + 1 == (len(values) + 2 if values else 1)


def test_a_data_class_with_slots_is_an_object_of_its_fields_too():
    assert json.loads(to_json([Slotted(1, "één")])) == [{"n": 1, "text": "één"}]
    assert json.loads(to_json(Slotted(2, "twee"))) == {"n": 2, "text": "twee"}


@given(st.lists(st.tuples(st.integers(), texts), max_size=12), st.integers(1, 5))
def test_a_list_written_in_pieces_is_the_list_written_whole(items, batch):
    """Printed as the items come, a batch at a time (a million disagreements are never held whole): the
    same text whatever the batch, so the same JSON, for lists shorter, as long as and longer than a batch."""
    values = [Slotted(n, text) for n, text in items]
    pieces = list(json_lines(iter(values), batch=batch))
    assert len(pieces) == -(-len(values) // batch) + 1  # a piece per batch begun, then the closing one
    assert "".join(pieces) == "".join(json_lines(values, batch=len(values) + 1))
    assert json.loads("".join(pieces)) == [{"n": v.n, "text": v.text} for v in values]
    assert "".join(pieces).count("\n") + 1 == (len(values) + 2 if values else 1)


def test_without_json_s_c_encoder_the_same_text(monkeypatch):
    """Where Python has no C encoder (json.encoder.c_make_encoder is None), JSONEncoder writes each item."""
    import json.encoder

    values = [Outer("één", Inner("x", datetime(2026, 1, 5, 10, 30))), Slotted(2, 'a "b"')]
    made = "".join(json_lines(values, batch=1))
    monkeypatch.setattr(json.encoder, "c_make_encoder", None)
    assert "".join(json_lines(values, batch=1)) == made
