"""The .qdpx writer: streamed (a source is let go once written), whole or not at all, GUIDs and times as the
standard's types, a failure of the writing thread raised where the export runs."""

from __future__ import annotations

import gc
import uuid
import weakref
import zipfile
from datetime import datetime, timedelta, timezone

import pytest
from hypothesis import given
from hypothesis import strategies as st

from workbench.core.codebook_file import Codebook, CodeSpec
from workbench.interop import refi_xml
from workbench.interop.refi_model import RefiCoding, RefiProject, RefiSource
from workbench.streams import CHUNK, HandedText

CODE = "0b9d6f0e-6a63-4d83-9c1e-8d1b2c3a4f50"


def _project() -> RefiProject:
    return RefiProject("Studie", Codebook("Gids", codes=[CodeSpec(name="Studievertraging", guid=CODE)]))


def _source(i: int) -> RefiSource:
    text = f"R01   0:00\nIk liep vertraging op in jaar {i}.\n"
    return RefiSource(str(uuid.uuid4()), f"interview-{i}", text,
                      codings=[RefiCoding(str(uuid.uuid4()), CODE, 11, 40, created="2026-12-06 19:10:28.738286")])


@given(st.lists(st.text(max_size=30), max_size=4))
def test_a_derived_guid_is_the_uuid5_of_its_parts(parts):
    assert refi_xml.derived_guid(*parts) == str(uuid.uuid5(uuid.NAMESPACE_URL, "workbench:" + ":".join(parts)))


@given(st.datetimes(min_value=datetime(1000, 1, 1)))
def test_a_time_as_sqlite_holds_it_is_written_as_the_time_itself(moment):
    as_stored = f"{moment:%Y-%m-%d %H:%M:%S.%f}"  # SQLAlchemy's text for a DateTime on SQLite
    assert refi_xml._stamp(as_stored) == refi_xml._stamp(moment) == refi_xml._stamp(moment.replace(tzinfo=timezone.utc))
    assert refi_xml._stamp(as_stored[:19]) == refi_xml._stamp(moment)


def test_a_time_with_an_offset_is_written_in_utc():
    assert refi_xml._stamp("2026-12-06 19:10:28+02:00") == "2026-12-06T17:10:28Z"
    assert refi_xml._stamp(datetime(2026, 12, 6, 19, 10, 28, tzinfo=timezone(timedelta(hours=2)))) == \
        "2026-12-06T17:10:28Z"


def test_each_source_is_let_go_once_written(tmp_path):
    """Sources come from a generator: when the next one is asked for, at most the one just written is still
    held, none before it (an export of 3 million codings held them all: 6 GB)."""
    held = []

    def sources():
        for i in range(5):
            gc.collect()
            held.append(sum(ref() is not None for ref in refs))
            source = _source(i)
            refs.append(weakref.ref(source))
            yield source
            del source

    refs: list[weakref.ref] = []
    refi_xml.write_qdpx(tmp_path / "p.qdpx", _project(), sources(), {})
    assert max(held) <= 1 and len(held) == 5
    read = refi_xml.read_qdpx((tmp_path / "p.qdpx").read_bytes())
    assert [s.name for s in read.sources] == [f"interview-{i}" for i in range(5)]
    assert all(len(s.codings) == 1 and s.text[11:40] == f"Ik liep vertraging op in jaar {i}"[:29]
               for i, s in enumerate(read.sources))


def test_a_failed_export_leaves_the_file_there_before_and_no_partial_one(tmp_path):
    path = tmp_path / "p.qdpx"
    path.write_bytes(b"the export of yesterday")

    def sources():
        yield _source(1)
        raise RuntimeError("the database went away")

    with pytest.raises(RuntimeError):
        refi_xml.write_qdpx(path, _project(), sources(), {})
    assert path.read_bytes() == b"the export of yesterday" and sorted(p.name for p in tmp_path.iterdir()) == ["p.qdpx"]
    refi_xml.write_qdpx(path, _project(), iter([_source(2)]), {})
    assert zipfile.ZipFile(path).testzip() is None


class _Full:
    def __init__(self, after: int):
        self.after, self.written = after, 0

    def write(self, data: bytes) -> None:
        if self.written >= self.after:
            raise OSError(28, "No space left on device")
        self.written += len(data)


def test_a_write_failing_in_the_writing_thread_is_raised_in_the_export():
    with pytest.raises(OSError, match="No space left"):
        with HandedText(_Full(after=CHUNK)) as out:
            for _ in range(5):
                out.write("x" * CHUNK)
    with pytest.raises(OSError, match="No space left"):  # on the last chunk, handed over as the file closes
        with HandedText(_Full(after=0)) as out:
            out.write("<Project/>")
