"""Safety that applies to every response: headers, the request-size cap, CSRF, bugs.

The Content-Security-Policy allows only this server's own stylesheet and
script: no inline script anywhere, so an injected ``<script>`` in CV or JD
text could not run even if escaping failed.
"""

from __future__ import annotations

import logging
import secrets

from fastapi import Request
from fastapi.responses import Response
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from infraprep.errors import InputTooLargeError
from infraprep.web.errors import HttpError, error_response, internal_error, json_error

log = logging.getLogger("infraprep.web")

CSRF_COOKIE = "infraprep_csrf"
CSRF_FIELD = "csrf_token"

SECURITY_HEADERS: dict[str, str] = {
    "content-security-policy": (
        "default-src 'none'; script-src 'self'; style-src 'self' 'unsafe-inline'; "
        "img-src 'self' data:; connect-src 'self'; form-action 'self'; "
        "frame-ancestors 'none'; base-uri 'none'"
    ),
    "x-content-type-options": "nosniff",
    "referrer-policy": "no-referrer",
    "x-frame-options": "DENY",
    "cross-origin-opener-policy": "same-origin",
}


class SecurityMiddleware:
    """Adds ``SECURITY_HEADERS`` to every response, refuses oversized bodies before
    reading them, and answers a bug with the one error shape instead of a bare 500."""

    def __init__(self, app: ASGIApp, max_request_bytes: int) -> None:
        self.app = app
        self.max_request_bytes = max_request_bytes

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        started = False

        async def send_with_headers(message: Message) -> None:
            nonlocal started
            if message["type"] == "http.response.start":
                started = True
                headers = [
                    (k, v)
                    for k, v in message.get("headers", [])
                    if k.decode("latin-1").lower() not in SECURITY_HEADERS
                ]
                headers += [(k.encode(), v.encode()) for k, v in SECURITY_HEADERS.items()]
                message["headers"] = headers
            await send(message)

        length = dict(scope.get("headers", [])).get(b"content-length")
        if length is not None and length.isdigit() and int(length) > self.max_request_bytes:
            limit_mb = self.max_request_bytes // (1024 * 1024)
            error = InputTooLargeError(f"The request is over the {limit_mb} MB limit.")
            await json_error(error)(scope, receive, send_with_headers)
            return
        try:
            await self.app(scope, receive, send_with_headers)
        except Exception as exc:
            # Only the route's first path segment is logged: report ids are access keys.
            segment = scope.get("path", "/").split("/")[1:2]
            log.error(
                "internal error under /%s: %s", "".join(segment), type(exc).__name__, exc_info=exc
            )
            if not started:
                response = error_response(scope.get("path", "/"), internal_error())
                await response(scope, receive, send_with_headers)


def csrf_token(request: Request) -> str:
    """The token already in the visitor's cookie, or a new one."""
    token = request.cookies.get(CSRF_COOKIE)
    if token and 20 <= len(token) <= 100:
        return token
    return secrets.token_urlsafe(32)


def set_csrf_cookie(request: Request, response: Response, token: str) -> Response:
    response.set_cookie(
        CSRF_COOKIE,
        token,
        httponly=True,
        samesite="strict",
        secure=request.url.scheme == "https",
        path="/",
    )
    return response


def check_csrf(request: Request, submitted: str | None) -> None:
    """Double-submit check: the form's hidden token must equal the cookie's."""
    cookie = request.cookies.get(CSRF_COOKIE)
    if not cookie or not submitted or not secrets.compare_digest(cookie, submitted):
        raise HttpError(
            403,
            "csrf",
            "The form expired or came from another site.",
            "Reload the page and submit the form again.",
        )


def client_address(request: Request) -> str:
    """The peer address; proxy headers are not trusted (a client could forge them)."""
    return request.client.host if request.client else "unknown"
