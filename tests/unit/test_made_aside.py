"""Items made in a process beside this one (streams.made_aside): every item in order, across batches; what
went wrong there said here; the process stopped when it is left, or when it stops itself."""

import os
import time

import pytest

from workbench.errors import WorkbenchError
from workbench.streams import made_aside


def counting(upto: int, then: str = "") -> object:
    yield from range(upto)
    if then == "refuse":
        raise WorkbenchError("no such programme", where="report")
    if then == "bug":
        raise ValueError("a bug")
    if then == "die":
        os._exit(3)
    if then == "wait":
        time.sleep(60)


def test_every_item_comes_in_order_across_batches():
    assert list(made_aside(counting, 2_503, batch=100)) == list(range(2_503))
    assert list(made_aside(counting, 0)) == []


def test_a_refusal_there_is_the_same_refusal_here_after_the_items_before_it():
    got = []
    with pytest.raises(WorkbenchError) as refused:
        got.extend(made_aside(counting, 250, "refuse", batch=100))
    assert (refused.value.message, refused.value.where) == ("no such programme", "report")
    assert got == list(range(250))


def test_a_bug_there_comes_with_its_traceback_and_a_process_that_dies_is_one_line():
    with pytest.raises(RuntimeError, match=r"(?s)ValueError: a bug"):
        list(made_aside(counting, 5, "bug"))
    with pytest.raises(WorkbenchError, match=r"stopped \(exit code 3\)"):
        list(made_aside(counting, 5, "die"))


def test_a_process_left_before_its_end_is_stopped():
    import multiprocessing

    items = made_aside(counting, 10, "wait", batch=2)
    assert next(items) == 0
    (maker,) = [p for p in multiprocessing.active_children() if p.name == "made-aside"]
    started = time.monotonic()
    items.close()
    assert not maker.is_alive() and time.monotonic() - started < 10
