"""The HTML side: the home form, the report page, downloads and delete."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, File, Form, Request, UploadFile
from fastapi.responses import HTMLResponse, RedirectResponse, Response
from markupsafe import Markup

from infraprep.errors import InfraprepError, NotFoundError
from infraprep.models import LEVELS
from infraprep.web.errors import error_headers
from infraprep.web.inputs import ReportRequest
from infraprep.web.security import check_csrf, client_address, csrf_token, set_csrf_cookie
from infraprep.web.service import ReportService
from infraprep.web.templating import page, script, stylesheet

router = APIRouter(include_in_schema=False)

FORMAT_LABELS = {
    "html": "HTML",
    "md": "Markdown",
    "json": "JSON",
    "pdf": "PDF",
    "apkg": "Anki deck",
    "ics": "Calendar (.ics)",
}


def _service(request: Request) -> ReportService:
    return request.app.state.service


def formats() -> list[tuple[str, str]]:
    from infraprep.render import FORMATS

    return [(name, FORMAT_LABELS.get(name, name)) for name in FORMATS]


def home_page(
    request: Request,
    status_code: int = 200,
    error: InfraprepError | None = None,
    values: dict[str, str] | None = None,
) -> Response:
    token = csrf_token(request)
    service = _service(request)
    response = page(
        "home.html.j2",
        status_code=status_code,
        csrf_token=token,
        error=error,
        values=values or {},
        deleted=request.query_params.get("deleted") == "1",
        max_mb=service.settings.max_upload_bytes // (1024 * 1024),
        levels=LEVELS,
        retention_days=service.settings.retention_days,
    )
    if error is not None:
        response.headers.update(error_headers(error))
    return set_csrf_cookie(request, response, token)


@router.api_route("/", methods=["GET", "HEAD"], response_class=HTMLResponse)
def home(request: Request) -> Response:
    return home_page(request)


ASSETS = {
    "app.css": (stylesheet, "text/css; charset=utf-8"),
    "app.js": (script, "text/javascript; charset=utf-8"),
}


@router.get("/assets/{name}")
def asset(name: str) -> Response:
    if name not in ASSETS:
        raise NotFoundError("No such asset.")
    content, media_type = ASSETS[name]
    return Response(
        content(), media_type=media_type, headers={"cache-control": "public, max-age=3600"}
    )


@router.post("/reports")
def create_report_form(
    request: Request,
    cv: Annotated[UploadFile | None, File()] = None,
    jd: Annotated[str | None, Form()] = None,
    jd_file: Annotated[UploadFile | None, File()] = None,
    jd_url: Annotated[str | None, Form()] = None,
    interview_date: Annotated[str | None, Form()] = None,
    hours_per_week: Annotated[str | None, Form()] = None,
    level: Annotated[str | None, Form()] = None,
    csrf_token: Annotated[str | None, Form()] = None,
) -> Response:
    check_csrf(request, csrf_token)
    report_request = ReportRequest(cv, jd, jd_file, jd_url, interview_date, hours_per_week, level)
    try:
        report_id = _service(request).create(report_request, client=client_address(request))
    except InfraprepError as exc:
        # The form comes back with the message above it and what the user typed kept.
        return home_page(request, exc.http_status, exc, report_request.form_values())
    return RedirectResponse(f"/reports/{report_id}", status_code=303)


@router.get("/reports/{report_id}", response_class=HTMLResponse)
def report_page(request: Request, report_id: str) -> Response:
    service = _service(request)
    report = service.get(report_id)
    token = csrf_token(request)
    plan = report.plan()
    response = page(
        "report.html.j2",
        report_id=report.id,
        created_at=report.created_at.replace("T", " ")[:16] + " UTC",
        title=plan.posting.title,
        body=Markup(report.html_body),  # render_body autoescapes all CV/JD text
        formats=formats(),
        csrf_token=token,
        retention_days=service.settings.retention_days,
    )
    return set_csrf_cookie(request, response, token)


@router.get("/reports/{report_id}/download/{fmt}")
def download(request: Request, report_id: str, fmt: str) -> Response:
    return download_response(_service(request), report_id, fmt)


def download_response(service: ReportService, report_id: str, fmt: str) -> Response:
    file = service.download(report_id, fmt)
    return Response(
        file.data,
        media_type=file.media_type,
        headers={
            "content-disposition": f'attachment; filename="{file.filename}"',
            "cache-control": "no-store",
        },
    )


@router.post("/reports/{report_id}/delete")
def delete_report_form(
    request: Request,
    report_id: str,
    csrf_token: Annotated[str | None, Form()] = None,
) -> Response:
    check_csrf(request, csrf_token)
    _service(request).delete(report_id)
    return RedirectResponse("/?deleted=1", status_code=303)
