"""Rows read straight from the driver (core.db.driver_rows): the rows SQLAlchemy gives, as plain tuples, in the
session's transaction, whatever the query's values are."""

from sqlalchemy import func, select

from workbench.core.db import driver_rows
from workbench.core.models import Speaker, Transcript, Turn


def test_the_drivers_rows_are_sqlalchemys_rows(sample_db):
    ids = [1, 3, 5]
    queries = [
        select(Transcript.id, Transcript.name, Transcript.layout).order_by(Transcript.name),
        select(Turn.transcript_id, Turn.index, Turn.start_ms, Speaker.label).join(Speaker)
        .where(Turn.transcript_id.in_(ids), Speaker.label != "it's \"quoted\"; --").order_by(Turn.id),
        select(Turn.transcript_id, func.count()).group_by(Turn.transcript_id).order_by(Turn.transcript_id + 0),
    ]
    with sample_db.read() as session:
        for query in queries:
            expected = [tuple(row) for row in session.execute(query)]
            for size in (1, 7, 10_000):
                got = list(driver_rows(session, query, size))
                assert got == expected and all(type(row) is tuple for row in got)
        assert len(expected) > 1


def test_driver_rows_read_in_the_sessions_transaction(sample_db):
    """What the session wrote and has not committed is in the driver's rows (one transaction, one snapshot)."""
    with sample_db.write() as session:
        session.get(Transcript, 1).name = "renamed meanwhile"
        session.flush()
        assert (1, "renamed meanwhile") in driver_rows(session, select(Transcript.id, Transcript.name), 100)
        session.rollback()
