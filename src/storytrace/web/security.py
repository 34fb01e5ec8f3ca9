"""Middleware that guards the app: allowed Host names, request size, response headers."""

from __future__ import annotations

import socket

from fastapi.responses import HTMLResponse, JSONResponse, PlainTextResponse, Response
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from storytrace.report.pages import render

CSP = (
    "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; "
    "img-src 'self' data:; form-action 'self'; frame-ancestors 'none'; base-uri 'none'"
)
LOCAL_HOSTS = ("127.0.0.1", "localhost", "::1")
_ANY = {"0.0.0.0", "::", ""}  # noqa: S104 - names of "every interface", compared, not bound


def mib(n: int) -> str:
    """A size for messages: ``64 KiB``, ``2 MiB``, ``2.5 MiB``."""
    if n < 1048576:
        return f"{n / 1024:.0f} KiB"
    return f"{n / 1048576:.1f} MiB" if n % 1048576 else f"{n // 1048576} MiB"


def allowed_hosts(bind: str | None = None, extra: tuple[str, ...] = ()) -> frozenset[str]:
    """The Host names the app answers: loopback names, the ``--host`` address and ``extra``.

    Bound to every interface (``0.0.0.0``), the machine's own name is added too.
    Anything else is refused, so a web page cannot reach the app through a
    DNS name it controls (DNS rebinding).
    """
    names = {*LOCAL_HOSTS, *extra}
    if bind in _ANY:
        names.update({socket.gethostname(), socket.getfqdn()})
    elif bind:
        names.add(bind)
    return frozenset(n.lower().strip("[]") for n in names)


def host_name(header: str) -> str:
    """The name part of a Host header: ``[::1]:8000`` -> ``::1``, ``a.b:80`` -> ``a.b``."""
    header = header.strip().lower()
    if header.startswith("["):
        return header[1 : header.find("]")] if "]" in header else header
    return header.rsplit(":", 1)[0] if header.count(":") == 1 else header


class HostCheck:
    """Answer only requests whose Host header names this server (400 otherwise)."""

    def __init__(self, app: ASGIApp, hosts: frozenset[str]) -> None:
        self.app = app
        self.hosts = hosts

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] in ("http", "websocket"):
            headers = dict(scope.get("headers") or [])
            name = host_name(headers.get(b"host", b"").decode("latin-1"))
            if name not in self.hosts:
                response = PlainTextResponse(
                    f"unknown Host header {name!r}: this server answers "
                    f"{', '.join(sorted(self.hosts))}",
                    status_code=400,
                )
                await response(scope, receive, send)
                return
        await self.app(scope, receive, send)


class SecurityHeaders:
    """A content security policy and no sniffing or referrers on every response."""

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        async def send_with_headers(message: Message) -> None:
            if message["type"] == "http.response.start":
                headers = list(message.get("headers") or [])
                headers += [
                    (b"content-security-policy", CSP.encode()),
                    (b"x-content-type-options", b"nosniff"),
                    (b"referrer-policy", b"no-referrer"),
                ]
                message = {**message, "headers": headers}
            await send(message)

        await self.app(scope, receive, send_with_headers if scope["type"] == "http" else send)


class BodyLimit:
    """Refuse request bodies over ``limit`` bytes before anything parses them.

    The declared Content-Length is checked first; a body sent without one is
    counted as it arrives.
    """

    def __init__(self, app: ASGIApp, limit: int) -> None:
        self.app = app
        self.limit = limit

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        headers = dict(scope.get("headers") or [])
        declared = headers.get(b"content-length")
        if declared is not None and declared.isdigit() and int(declared) > self.limit:
            await self._refuse(scope, send, int(declared))
            return
        if declared is not None:
            await self.app(scope, receive, send)
            return
        # No declared length (chunked): buffer up to the limit, then replay.
        chunks: list[bytes] = []
        size = 0
        while True:
            message = await receive()
            if message["type"] != "http.request":
                break
            chunks.append(message.get("body", b""))
            size += len(chunks[-1])
            if size > self.limit:
                await self._refuse(scope, send, size)
                return
            if not message.get("more_body"):
                break
        body = b"".join(chunks)
        replayed = False

        async def replay() -> Message:
            nonlocal replayed
            if replayed:
                return await receive()
            replayed = True
            return {"type": "http.request", "body": body, "more_body": False}

        await self.app(scope, replay, send)

    async def _refuse(self, scope: Scope, send: Send, size: int) -> None:
        message = (
            f"upload too large: {mib(size)} is over the {mib(self.limit)} limit for one request"
        )
        if scope["path"].startswith("/api"):
            response: Response = JSONResponse({"detail": message}, status_code=413)
        else:
            response = HTMLResponse(
                render("error.html", title="Upload too large", message=message, has_index=False),
                status_code=413,
            )

        async def no_body() -> Message:
            return {"type": "http.disconnect"}

        await response(scope, no_body, send)
