"""What can go wrong under a study that is not the user's input, in the user's words: a server that cannot be
reached or went away, a full disk, a study file that is read-only, gone or damaged."""

from __future__ import annotations

from workbench.errors import WorkbenchError
from workbench.i18n import N_, _

# a connection that could not be made, or was lost (libpq's and psycopg's words)
_LOST = ("connection refused", "could not connect", "connection failed", "server closed the connection",
         "terminating connection", "the database system is", "connection is closed", "connection is lost",
         "connection reset", "connection timed out", "timeout expired", "no route to host", "network is unreachable",
         "name or service not known", "could not translate host name", "consuming input failed",
         "sending query failed", "broken pipe", "connection not open", "server conn crashed", "ssl syscall error",
         "the connection is closed", "connection to server")
# SQLite's words, and what they mean to the user
_SQLITE = (
    ("database or disk is full", N_("the disk holding the study is full; nothing was changed")),
    ("disk i/o error", N_("the disk holding the study is full or failing (disk I/O error); nothing was changed")),
    ("readonly database", N_("the study file is read-only; nothing was changed")),
    ("unable to open database file", N_("the study file cannot be opened: it is gone, or its folder cannot be written")),
    ("file is not a database", N_("the study file is damaged (it is not a database); restore a backup")),
    ("database disk image is malformed", N_("the study file is damaged; restore a backup")),
    ("could not decode to utf-8", N_("the study file is damaged: it holds text that is no UTF-8; restore a backup")),
    ("no such table", N_("the study file is damaged: a table is gone; restore a backup")),
    ("no such column", N_("the study file is damaged: a column is gone; restore a backup")),
)


class StudyFault(WorkbenchError):
    """The study cannot be read or written for a reason outside it (its server, its disk, its file)."""


class StudyUnreachable(StudyFault):
    """The study's server cannot be reached, or the connection to it was lost. maybe_done: it was lost while a
    write was being committed, so the write may have reached the server (check it once the server is back)."""

    def __init__(self, where: str, maybe_done: bool = False):
        super().__init__(_("the study's server cannot be reached"), where)
        self.maybe_done = maybe_done


def _words(exc: BaseException) -> str:
    return " ".join(str(getattr(exc, "orig", None) or exc).lower().split())


def study_fault(exc: BaseException, where: str, is_sqlite: bool, maybe_done: bool = False) -> StudyFault | None:
    """The StudyFault a driver's error means, or None when it is none of these (a bug, or a busy study)."""
    words = _words(exc)
    if is_sqlite:
        for said, meaning in _SQLITE:
            if said in words:
                return StudyFault(_(meaning), where)
        return None
    if getattr(exc, "connection_invalidated", False) or any(said in words for said in _LOST):
        return StudyUnreachable(where, maybe_done)
    return None


class StudyDamaged(StudyFault):
    """The study holds what the workbench never writes (another program, a disk fault): restore a backup."""

    def __init__(self, what: str):
        super().__init__(_("the study is damaged: {what}; restore a backup (workbench restore)").format(what=what))
        self.what = what
