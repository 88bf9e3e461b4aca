"""Write access by bearer token, request size limits and browser security headers."""

from __future__ import annotations

import hmac
import os

from fastapi import Request
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from .problems import Problem, problem_response

TOKEN_ENV_VAR = "BILAT_TOKEN"
MAX_BODY_BYTES = 10_000_000  # the largest request body accepted (uploads included)
MAX_FILE_BYTES = 5_000_000  # the largest uploaded file, as `bilat ingest --max-bytes`

# Everything is served from this app: no CDN, no inline script; inline styles for plotly.
CONTENT_SECURITY_POLICY = (
    "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; "
    "img-src 'self' data:; font-src 'self' data:; connect-src 'self'; object-src 'none'; "
    "base-uri 'none'; frame-ancestors 'none'; form-action 'self'"
)
SECURITY_HEADERS = {
    "Content-Security-Policy": CONTENT_SECURITY_POLICY,
    "X-Content-Type-Options": "nosniff",
    "X-Frame-Options": "DENY",
    "Referrer-Policy": "no-referrer",
}


def configured_token(explicit: str | None) -> str | None:
    token = explicit if explicit is not None else os.environ.get(TOKEN_ENV_VAR)
    return token or None


def require_token(request: Request) -> None:
    """A dependency for write endpoints: the configured token must be sent as a bearer token."""
    token = request.app.state.token
    if not token:
        raise Problem(403, f"writes are disabled: the server has no token (set ${TOKEN_ENV_VAR})")
    sent = request.headers.get("authorization", "")
    scheme, _, value = sent.partition(" ")
    if scheme.lower() != "bearer" or not value:
        raise Problem(401, "send the write token as 'Authorization: Bearer TOKEN'")
    if not hmac.compare_digest(value.strip().encode(), token.encode()):
        raise Problem(403, "the token is not valid")


class GuardMiddleware:
    """Adds security headers to every response and refuses bodies over ``max_body`` bytes."""

    def __init__(self, app: ASGIApp, max_body: int = MAX_BODY_BYTES) -> None:
        self.app = app
        self.max_body = max_body

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        headers = dict(scope.get("headers") or [])
        length = headers.get(b"content-length")
        if length is not None and (not length.isdigit() or int(length) > self.max_body):
            await self._too_large(scope, receive, send)
            return
        received = 0

        async def limited_receive() -> Message:
            nonlocal received
            message = await receive()
            if message["type"] == "http.request":
                received += len(message.get("body", b""))
                if received > self.max_body:
                    raise Problem(413, f"the request body is larger than {self.max_body} bytes")
            return message

        async def secured_send(message: Message) -> None:
            if message["type"] == "http.response.start":
                raw = list(message.get("headers", []))
                present = {k.lower() for k, _ in raw}
                for name, value in SECURITY_HEADERS.items():
                    if name.lower().encode() not in present:
                        raw.append((name.lower().encode(), value.encode()))
                message = {**message, "headers": raw}
            await send(message)

        await self.app(scope, limited_receive, secured_send)

    async def _too_large(self, scope: Scope, receive: Receive, send: Send) -> None:
        response = problem_response(
            413, f"the request body is larger than {self.max_body} bytes", instance=scope["path"]
        )
        for name, value in SECURITY_HEADERS.items():
            response.headers[name] = value
        await response(scope, receive, send)
