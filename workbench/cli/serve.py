"""`workbench serve`: the same TUI in a browser, through textual-serve, on this machine only.

Each browser tab starts its own `workbench tui` process. The server listens on 127.0.0.1 only (interview
data never leaves the machine) and answers only whoever opened the URL it printed: the page needs the
random token in that URL, and it gives the browser a cookie that the terminal's websocket and the page's
files need in turn.
"""

from __future__ import annotations

import os
import secrets
import shlex
import socket
import sys

from aiohttp import web
from textual_serve.server import Server

from workbench.errors import WorkbenchError
from workbench.i18n import _

HOST = "127.0.0.1"
COOKIE = "workbench_token"


class GuardedServer(Server):
    """textual-serve's server, answering only requests that carry the token (or its cookie)."""

    def __init__(self, command: str, port: int, token: str):
        super().__init__(command, host=HOST, port=port, title="Interview workbench")
        self.token = token

    async def _make_app(self) -> web.Application:
        app = await super()._make_app()
        app.middlewares.append(self._guard)
        return app

    @web.middleware
    async def _guard(self, request: web.Request, handler) -> web.StreamResponse:
        if request.path == "/" and secrets.compare_digest(request.query.get("token", ""), self.token):
            response = await handler(request)
            response.set_cookie(COOKIE, self.token, httponly=True, samesite="Strict")
            return response
        if secrets.compare_digest(request.cookies.get(COOKIE, ""), self.token):
            return await handler(request)
        raise web.HTTPForbidden(text="this workbench answers only the address `workbench serve` printed\n")


def serve(db: str, coder: str, port: int) -> None:
    """Serve `workbench tui` on the study until interrupted; prints the address to open. (The coder was
    checked by the caller: the tabs' processes take the name as it is.)"""
    token = secrets.token_urlsafe(24)
    os.environ["WORKBENCH_DB"] = db  # to the tabs' processes by their environment: a password stays off `ps`
    command = shlex.join([sys.executable, "-m", "workbench", "--coder", coder, "--new-coder", "tui"])
    try:  # a port in use is one line, before any address is printed
        with socket.socket() as probe:
            probe.bind((HOST, port))
    except OSError as exc:
        raise WorkbenchError(_("cannot listen on {host}:{port}: {reason} (choose another --port)").format(
            host=HOST, port=port, reason=exc.strerror)) from exc
    server = GuardedServer(command, port, token)
    print(_("open {address}").format(address=f"http://{HOST}:{port}/?token={token}"), flush=True)
    server.serve()
