"""The databases tests run on: a SQLite file always; PostgreSQL when WORKBENCH_TEST_POSTGRES names a server.

WORKBENCH_TEST_POSTGRES is a SQLAlchemy URL of a server's maintenance database, e.g.
postgresql+psycopg://postgres:workbench@127.0.0.1:5432/postgres (.ci/run starts one). Each test
gets a database of its own (the coded sample study is copied with CREATE DATABASE ... TEMPLATE).
With WORKBENCH_REQUIRE_POSTGRES=1 an unreachable server fails the run instead of skipping.
"""

from __future__ import annotations

import os
import uuid

from sqlalchemy import create_engine, text
from sqlalchemy.engine import make_url

from workbench.core.db import Database
from workbench.core.models import Base

SERVER = os.environ.get("WORKBENCH_TEST_POSTGRES")
BACKENDS = ["sqlite", "postgresql"] if SERVER or os.environ.get("WORKBENCH_REQUIRE_POSTGRES") else ["sqlite"]


def _admin():
    if not SERVER:
        raise RuntimeError("WORKBENCH_REQUIRE_POSTGRES is set but WORKBENCH_TEST_POSTGRES is not")
    return create_engine(SERVER, isolation_level="AUTOCOMMIT")


def new_postgres(template: str | None = None) -> str:
    """A fresh database on the server (optionally a copy of template); returns its URL."""
    name = f"wb_test_{uuid.uuid4().hex[:12]}"
    engine = _admin()
    with engine.connect() as conn:
        conn.execute(text(f'CREATE DATABASE "{name}"' + (f' TEMPLATE "{template}"' if template else "")))
    engine.dispose()
    return make_url(SERVER).set(database=name).render_as_string(hide_password=False)


def drop_postgres(url: str) -> None:
    engine = _admin()
    with engine.connect() as conn:
        conn.execute(text(f'DROP DATABASE IF EXISTS "{make_url(url).database}" WITH (FORCE)'))
    engine.dispose()


def dump(database: Database) -> list[tuple]:
    """Every row of every table as stored (no column decoded), in a fixed order: 'the database is unchanged'
    checks on any backend."""
    rows = []
    with database.engine.connect() as conn:
        for table in Base.metadata.sorted_tables:
            found = [tuple(map(repr, row)) for row in conn.exec_driver_sql(f'SELECT * FROM "{table.name}"')]
            rows.extend((table.name, *row) for row in sorted(found))
        rows.extend(("alembic_version", *row) for row in conn.execute(text("SELECT version_num FROM alembic_version")))
    return rows


class Outage:
    """A TCP relay between the workbench and the test server, to take the server away and bring it back: cut()
    drops every connection through it and refuses new ones (as a stopped server or a lost network does), restore()
    lets them through again on the same port. url(database_url) is that database reached through the relay."""

    def __init__(self, server_url: str):
        import socket
        import threading

        parsed = make_url(server_url)
        self._upstream = (parsed.host or "127.0.0.1", parsed.port or 5432)
        self._socket, self._threading = socket, threading
        self._lock = threading.Lock()
        self._open: list = []
        self._listener = None
        self.port = 0
        self.restore()

    @property
    def is_cut(self) -> bool:
        return self._listener is None

    def url(self, database_url: str) -> str:
        return make_url(database_url).set(host="127.0.0.1", port=self.port).render_as_string(hide_password=False)

    def restore(self) -> None:
        listener = self._socket.socket()
        listener.setsockopt(self._socket.SOL_SOCKET, self._socket.SO_REUSEADDR, 1)
        listener.bind(("127.0.0.1", self.port))
        listener.listen(64)
        self.port, self._listener = listener.getsockname()[1], listener
        self._threading.Thread(target=self._accept, args=(listener,), daemon=True).start()

    def cut(self) -> None:
        with self._lock:
            listener, self._listener = self._listener, None
            sockets, self._open = self._open, []
        for sock in [listener, *sockets] if listener else sockets:
            try:
                sock.shutdown(self._socket.SHUT_RDWR)
            except OSError:
                pass
            sock.close()

    def _accept(self, listener) -> None:
        while True:
            try:
                client, _ = listener.accept()
            except OSError:
                return  # cut
            try:
                server = self._socket.create_connection(self._upstream)
            except OSError:
                client.close()
                continue
            with self._lock:
                if self._listener is not listener:
                    client.close(), server.close()
                    return
                self._open += [client, server]
            for source, target in ((client, server), (server, client)):
                self._threading.Thread(target=self._pump, args=(source, target), daemon=True).start()

    @staticmethod
    def _pump(source, target) -> None:
        try:
            while data := source.recv(65536):
                target.sendall(data)
        except OSError:
            pass
        for sock in (source, target):
            try:
                sock.close()
            except OSError:
                pass
