"""The one place where errors become HTTP responses.

Every error a user can cause is an ``InfraprepError`` with its own
``http_status``; under /api it becomes ``{"error": {"type", "message",
"hint"}}``, elsewhere an HTML page saying the same. Framework errors (unknown
route, missing field) and bugs are put in the same shape, so a client never
sees another.
"""

from __future__ import annotations

from typing import Any

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse, Response
from starlette.exceptions import HTTPException as StarletteHTTPException

from infraprep.errors import InfraprepError, RateLimitedError
from infraprep.web.templating import page


class HttpError(InfraprepError):
    """An HTTP-level failure (unknown route, CSRF, bad body) in the one error shape."""

    def __init__(self, status: int, kind: str, message: str, hint: str = "") -> None:
        super().__init__(message, hint)
        self.http_status = status
        self.kind = kind


def error_body(error: InfraprepError) -> dict[str, Any]:
    return {"error": {"type": error.kind, "message": error.message, "hint": error.hint}}


def error_headers(error: InfraprepError) -> dict[str, str]:
    if isinstance(error, RateLimitedError):
        return {"retry-after": str(error.retry_after)}
    return {}


def json_error(error: InfraprepError, status_code: int | None = None) -> JSONResponse:
    return JSONResponse(
        error_body(error),
        status_code=status_code or error.http_status,
        headers=error_headers(error),
    )


def error_response(path: str, error: InfraprepError) -> Response:
    """JSON under /api, an HTML page elsewhere."""
    if path.startswith("/api/"):
        return json_error(error)
    response = page(
        "error.html.j2", status_code=error.http_status, error=error, status=error.http_status
    )
    response.headers.update(error_headers(error))
    return response


def install_error_handlers(app: FastAPI) -> None:
    @app.exception_handler(InfraprepError)
    async def _infraprep_error(request: Request, exc: InfraprepError) -> Response:
        return error_response(request.url.path, exc)

    @app.exception_handler(RequestValidationError)
    async def _validation_error(request: Request, exc: RequestValidationError) -> Response:
        problems = []
        for err in exc.errors():
            where = ".".join(str(p) for p in err.get("loc", ()) if p != "body")
            problems.append(f"{where}: {err.get('msg', 'invalid')}" if where else err["msg"])
        error = HttpError(
            422,
            "validation",
            "The request is missing fields or has invalid ones: " + "; ".join(problems),
            "See /openapi.json for the fields each endpoint takes.",
        )
        return error_response(request.url.path, error)

    @app.exception_handler(StarletteHTTPException)
    async def _http_error(request: Request, exc: StarletteHTTPException) -> Response:
        kind = "not_found" if exc.status_code == 404 else "http_error"
        message = "Not found." if exc.status_code == 404 else str(exc.detail)
        return error_response(request.url.path, HttpError(exc.status_code, kind, message))


def internal_error() -> HttpError:
    return HttpError(
        500,
        "internal",
        "Something went wrong on the server.",
        "This is a bug in infraprep; try again, and report it if it keeps happening.",
    )
