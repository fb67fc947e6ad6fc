"""The ASGI app: an HTML form, a report page, downloads, and a JSON API under /api/v1.

Every error a user can cause is an ``InfraprepError`` and is turned into a
response in one place (``_error_response``): JSON ``{"error": {...}}`` under
/api, an HTML page elsewhere, with the error's own ``http_status``. CV and JD
text is never logged; uploaded file names are only shown in messages, never
used as paths.
"""

from __future__ import annotations

import datetime as dt
import functools
import secrets
from importlib import resources
from pathlib import Path
from typing import Annotated, Any

import jinja2
from fastapi import FastAPI, File, Form, Header, Request, UploadFile
from fastapi.exceptions import RequestValidationError
from fastapi.responses import HTMLResponse, JSONResponse, RedirectResponse, Response
from markupsafe import Markup
from starlette.exceptions import HTTPException as StarletteHTTPException
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from infraprep import __version__
from infraprep.errors import (
    EmptyInputError,
    InfraprepError,
    InputTooLargeError,
    NotFoundError,
    UsageError,
)
from infraprep.models import Document, Plan
from infraprep.web.store import ReportStore, new_report_id

MAX_UPLOAD_BYTES = 10 * 1024 * 1024
# A request may carry the CV and a JD file, each up to the cap, plus form overhead.
MAX_REQUEST_BYTES = 2 * MAX_UPLOAD_BYTES + 256 * 1024
CSRF_COOKIE = "infraprep_csrf"
CSRF_FIELD = "csrf_token"
MAX_IDEMPOTENCY_KEY = 200

SECURITY_HEADERS: dict[str, str] = {
    "content-security-policy": (
        "default-src 'none'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; "
        "form-action 'self'; frame-ancestors 'none'; base-uri 'none'"
    ),
    "x-content-type-options": "nosniff",
    "referrer-policy": "no-referrer",
}


class SecurityHeadersMiddleware:
    """Adds ``SECURITY_HEADERS`` to every response, and refuses oversized bodies early."""

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return

        async def send_with_headers(message: Message) -> None:
            if message["type"] == "http.response.start":
                headers = [
                    (k, v)
                    for k, v in message.get("headers", [])
                    if k.decode("latin-1").lower() not in SECURITY_HEADERS
                ]
                headers += [(k.encode(), v.encode()) for k, v in SECURITY_HEADERS.items()]
                message["headers"] = headers
            await send(message)

        length = dict(scope.get("headers", [])).get(b"content-length")
        if length is not None and length.isdigit() and int(length) > MAX_REQUEST_BYTES:
            error = InputTooLargeError(
                f"The upload is over the {MAX_UPLOAD_BYTES // (1024 * 1024)} MB limit."
            )
            response = _json_error(error)
            await response(scope, receive, send_with_headers)
            return
        await self.app(scope, receive, send_with_headers)


# ---------------------------------------------------------------- templates


@functools.lru_cache(maxsize=1)
def _templates() -> jinja2.Environment:
    return jinja2.Environment(
        loader=jinja2.PackageLoader("infraprep.web", "templates"),
        autoescape=True,
        trim_blocks=True,
        lstrip_blocks=True,
        undefined=jinja2.StrictUndefined,
    )


@functools.lru_cache(maxsize=1)
def _stylesheet() -> str:
    report_css = resources.files("infraprep.render").joinpath("templates/report.css")
    app_css = resources.files("infraprep.web").joinpath("templates/app.css")
    return report_css.read_text(encoding="utf-8") + "\n" + app_css.read_text(encoding="utf-8")


def _page(template: str, status_code: int = 200, **context: Any) -> HTMLResponse:
    html = _templates().get_template(template).render(version=__version__, **context)
    return HTMLResponse(html, status_code=status_code, headers={"cache-control": "no-store"})


# ---------------------------------------------------------------- errors


def _error_dict(error: InfraprepError) -> dict[str, Any]:
    return {"error": {"type": error.kind, "message": error.message, "hint": error.hint}}


def _json_error(error: InfraprepError, status_code: int | None = None) -> JSONResponse:
    return JSONResponse(_error_dict(error), status_code=status_code or error.http_status)


def _is_api(request: Request) -> bool:
    return request.url.path.startswith("/api/")


def _error_response(
    request: Request, error: InfraprepError, status_code: int | None = None
) -> Response:
    status = status_code or error.http_status
    if _is_api(request):
        return _json_error(error, status)
    return _page("error.html.j2", status_code=status, error=error, status=status)


class _HttpError(InfraprepError):
    """An HTTP-level failure (unknown route, CSRF, bad body) in the one error shape."""

    def __init__(self, status: int, kind: str, message: str, hint: str = "") -> None:
        super().__init__(message, hint)
        self.http_status = status
        self.kind = kind


# ---------------------------------------------------------------- inputs


def _read_upload(upload: UploadFile | None, label: str) -> bytes | None:
    """The bytes of an upload, or None when the form field was left empty."""
    if upload is None:
        return None
    data = upload.file.read(MAX_UPLOAD_BYTES + 1)
    if len(data) > MAX_UPLOAD_BYTES:
        raise InputTooLargeError(
            f"{label} is over the {MAX_UPLOAD_BYTES // (1024 * 1024)} MB limit."
        )
    if not data and not upload.filename:
        return None  # a file input the browser sent with nothing chosen
    return data


def _document(data: bytes, label: str) -> Document:
    from infraprep.ingest.read import read_bytes

    return read_bytes(data, label=label, max_bytes=MAX_UPLOAD_BYTES)


def _parse_date(value: str | None) -> dt.date | None:
    if value is None or not value.strip():
        return None
    try:
        return dt.date.fromisoformat(value.strip())
    except ValueError as exc:
        raise UsageError(
            f"The interview date {value.strip()[:40]!r} is not a date.", "Use YYYY-MM-DD."
        ) from exc


def _parse_hours(value: str | None) -> float:
    if value is None or not value.strip():
        return 6.0
    try:
        return float(value.strip())
    except ValueError as exc:
        raise UsageError(
            f"Hours per week {value.strip()[:40]!r} is not a number.", "Use a number like 6."
        ) from exc


def _build_plan(
    cv: UploadFile | None,
    jd: str | None,
    jd_file: UploadFile | None,
    jd_url: str | None,
    interview_date: str | None,
    hours_per_week: str | None,
) -> Plan:
    from infraprep.pipeline import generate_plan

    cv_bytes = _read_upload(cv, "The CV")
    if cv_bytes is None:
        raise UsageError("No CV file was chosen.", "Pick your CV (PDF, DOCX, TXT, Markdown).")
    jd_bytes = _read_upload(jd_file, "The job description file")
    jd_text = jd if jd is not None and jd.strip() else None
    jd_link = jd_url.strip() if jd_url is not None and jd_url.strip() else None
    given = [x for x in (jd_text, jd_bytes, jd_link) if x is not None]
    if not given:
        if jd is not None:
            raise EmptyInputError("The job description is empty.")
        raise EmptyInputError(
            "No job description was given.",
            "Paste the job text, upload it as a file, or give its URL.",
        )
    if len(given) > 1:
        raise UsageError(
            "Give the job description one way only.",
            "Use the text box, a file or a URL, not several.",
        )
    interview = _parse_date(interview_date)
    hours = _parse_hours(hours_per_week)
    cv_doc = _document(cv_bytes, "The CV")
    if jd_text is not None:
        jd_doc = _document(jd_text.encode("utf-8"), "The job description")
    elif jd_bytes is not None:
        jd_doc = _document(jd_bytes, "The job description file")
    else:
        from infraprep.ingest import fetch_url

        assert jd_link is not None
        jd_doc = fetch_url(jd_link)
    return generate_plan(
        cv_doc,
        jd_doc,
        today=dt.date.today(),
        interview_date=interview,
        hours_per_week=hours,
    )


# ---------------------------------------------------------------- CSRF


def _csrf_token(request: Request) -> str:
    token = request.cookies.get(CSRF_COOKIE)
    if token and 20 <= len(token) <= 100:
        return token
    return secrets.token_urlsafe(32)


def _set_csrf_cookie(request: Request, response: Response, token: str) -> Response:
    response.set_cookie(
        CSRF_COOKIE,
        token,
        httponly=True,
        samesite="strict",
        secure=request.url.scheme == "https",
        path="/",
    )
    return response


def _check_csrf(request: Request, submitted: str | None) -> None:
    cookie = request.cookies.get(CSRF_COOKIE)
    if not cookie or not submitted or not secrets.compare_digest(cookie, submitted):
        raise _HttpError(
            403,
            "csrf",
            "The form expired or came from another site.",
            "Reload the page and submit the form again.",
        )


# ---------------------------------------------------------------- app


def create_app(data_dir: Path) -> FastAPI:
    """The web app, keeping its reports in ``data_dir/reports.db``."""
    store = ReportStore(Path(data_dir) / "reports.db")
    app = FastAPI(
        title="infraprep",
        version=__version__,
        description="CV + job description -> tailored interview prep report.",
        docs_url=None,  # Swagger UI needs scripts the CSP forbids; /openapi.json stays
        redoc_url=None,
    )
    app.state.store = store
    app.add_middleware(SecurityHeadersMiddleware)

    @app.exception_handler(InfraprepError)
    async def _infraprep_error(request: Request, exc: InfraprepError) -> Response:
        return _error_response(request, exc)

    @app.exception_handler(RequestValidationError)
    async def _validation_error(request: Request, exc: RequestValidationError) -> Response:
        problems = []
        for err in exc.errors():
            where = ".".join(str(p) for p in err.get("loc", ()) if p != "body")
            problems.append(f"{where}: {err.get('msg', 'invalid')}" if where else err["msg"])
        error = _HttpError(
            422,
            "validation",
            "The request is missing fields or has invalid ones: " + "; ".join(problems),
            "See /openapi.json for the fields each endpoint takes.",
        )
        return _error_response(request, error)

    @app.exception_handler(StarletteHTTPException)
    async def _http_error(request: Request, exc: StarletteHTTPException) -> Response:
        kind = "not_found" if exc.status_code == 404 else "http_error"
        message = "Not found." if exc.status_code == 404 else str(exc.detail)
        return _error_response(request, _HttpError(exc.status_code, kind, message))

    def _get(report_id: str):
        report = store.get(report_id)
        if report is None:
            raise NotFoundError(
                "No report with that id.", "It may have been deleted; make a new one."
            )
        return report

    def _home(
        request: Request,
        status_code: int = 200,
        error: InfraprepError | None = None,
        values: dict[str, str] | None = None,
    ) -> Response:
        token = _csrf_token(request)
        response = _page(
            "home.html.j2",
            status_code=status_code,
            csrf_token=token,
            error=error,
            values=values or {},
        )
        return _set_csrf_cookie(request, response, token)

    # ------------------------------------------------------------ HTML

    @app.api_route(
        "/", methods=["GET", "HEAD"], response_class=HTMLResponse, include_in_schema=False
    )
    def home(request: Request) -> Response:
        return _home(request)

    @app.get("/assets/app.css", include_in_schema=False)
    def stylesheet() -> Response:
        return Response(
            _stylesheet(),
            media_type="text/css; charset=utf-8",
            headers={"cache-control": "public, max-age=3600"},
        )

    @app.post("/reports", include_in_schema=False)
    def create_report_form(
        request: Request,
        cv: Annotated[UploadFile | None, File()] = None,
        jd: Annotated[str | None, Form()] = None,
        jd_file: Annotated[UploadFile | None, File()] = None,
        jd_url: Annotated[str | None, Form()] = None,
        interview_date: Annotated[str | None, Form()] = None,
        hours_per_week: Annotated[str | None, Form()] = None,
        csrf_token: Annotated[str | None, Form()] = None,
    ) -> Response:
        _check_csrf(request, csrf_token)
        values = {
            "jd": jd or "",
            "jd_url": jd_url or "",
            "interview_date": interview_date or "",
            "hours_per_week": hours_per_week or "",
        }
        try:
            plan = _build_plan(cv, jd, jd_file, jd_url, interview_date, hours_per_week)
        except InfraprepError as exc:
            return _home(request, exc.http_status, exc, values)
        report_id = _save(plan)
        return RedirectResponse(f"/reports/{report_id}", status_code=303)

    @app.get("/reports/{report_id}", response_class=HTMLResponse, include_in_schema=False)
    def report_page(request: Request, report_id: str) -> Response:
        report = _get(report_id)
        token = _csrf_token(request)
        plan = report.plan()
        response = _page(
            "report.html.j2",
            report_id=report.id,
            created_at=report.created_at,
            title=plan.posting.title,
            body=Markup(report.html_body),  # render_body autoescapes all CV/JD text
            formats=_formats(),
            csrf_token=token,
        )
        return _set_csrf_cookie(request, response, token)

    @app.get("/reports/{report_id}/download/{fmt}", include_in_schema=False)
    def download(report_id: str, fmt: str) -> Response:
        return _download(report_id, fmt)

    @app.post("/reports/{report_id}/delete", include_in_schema=False)
    def delete_report_form(
        request: Request,
        report_id: str,
        csrf_token: Annotated[str | None, Form()] = None,
    ) -> Response:
        _check_csrf(request, csrf_token)
        if not store.delete(report_id):
            raise NotFoundError("No report with that id.", "It may already have been deleted.")
        return RedirectResponse("/", status_code=303)

    # ------------------------------------------------------------ JSON API

    @app.post("/api/v1/reports", status_code=201, tags=["reports"])
    def create_report_api(
        request: Request,
        cv: Annotated[UploadFile, File(description="The CV: PDF, DOCX, TXT, Markdown...")],
        jd: Annotated[str | None, Form(description="Job description text")] = None,
        jd_file: Annotated[UploadFile | None, File(description="Job description file")] = None,
        jd_url: Annotated[str | None, Form(description="Public URL of the job posting")] = None,
        interview_date: Annotated[str | None, Form(description="YYYY-MM-DD")] = None,
        hours_per_week: Annotated[str | None, Form(description="Study hours a week")] = None,
        idempotency_key: Annotated[str | None, Header()] = None,
    ) -> JSONResponse:
        """Make a report. Give the job description exactly one way: jd, jd_file or jd_url."""
        if idempotency_key is not None:
            if not 1 <= len(idempotency_key) <= MAX_IDEMPOTENCY_KEY:
                raise UsageError(
                    f"The Idempotency-Key header must be 1-{MAX_IDEMPOTENCY_KEY} characters."
                )
            existing = store.id_for_key(idempotency_key)
            if existing is not None:
                return _created(request, existing)
        plan = _build_plan(cv, jd, jd_file, jd_url, interview_date, hours_per_week)
        return _created(request, _save(plan, idempotency_key))

    @app.get("/api/v1/reports/{report_id}", tags=["reports"])
    def get_report_api(report_id: str) -> JSONResponse:
        """The report as JSON (the same document as the json download)."""
        from infraprep.render.json import plan_dict

        return JSONResponse(plan_dict(_get(report_id).plan()))

    @app.delete("/api/v1/reports/{report_id}", status_code=204, tags=["reports"])
    def delete_report_api(report_id: str) -> Response:
        if not store.delete(report_id):
            raise NotFoundError("No report with that id.")
        return Response(status_code=204)

    @app.get("/api/v1/reports/{report_id}/download/{fmt}", tags=["reports"])
    def download_api(report_id: str, fmt: str) -> Response:
        """The report as a file in one of: html, md, json, pdf, apkg, ics."""
        return _download(report_id, fmt)

    # ------------------------------------------------------------ helpers

    def _save(plan: Plan, idempotency_key: str | None = None) -> str:
        from infraprep.render.html import render_body

        return store.create(
            new_report_id(),
            plan.model_dump_json(),
            render_body(plan),
            idempotency_key=idempotency_key,
        )

    def _created(request: Request, report_id: str) -> JSONResponse:
        url = str(request.url_for("report_page", report_id=report_id))
        api_url = str(request.url_for("get_report_api", report_id=report_id))
        return JSONResponse(
            {"id": report_id, "url": url, "api_url": api_url},
            status_code=201,
            headers={"location": api_url},
        )

    def _download(report_id: str, fmt: str) -> Response:
        from infraprep.render import FORMATS

        spec = FORMATS.get(fmt)
        if spec is None:
            raise NotFoundError(
                f"Unknown format {fmt[:20]!r}.", "Use one of: " + ", ".join(FORMATS)
            )
        data = spec.render(_get(report_id).plan())
        return Response(
            data,
            media_type=spec.media_type,
            headers={
                "content-disposition": f'attachment; filename="infraprep-report{spec.extension}"',
                "cache-control": "no-store",
            },
        )

    return app


def _formats() -> list[tuple[str, str]]:
    from infraprep.render import FORMATS

    labels = {
        "html": "HTML",
        "md": "Markdown",
        "json": "JSON",
        "pdf": "PDF",
        "apkg": "Anki deck",
        "ics": "Calendar (.ics)",
    }
    return [(name, labels.get(name, name)) for name in FORMATS]
