"""The JSON API under /api/v1: create, read, delete and download reports.

Contract: additive changes only. Every error is ``{"error": {"type", "message",
"hint"}}`` (``web.errors``); a report's JSON is the same document as the CLI's
``-f json``.
"""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, File, Form, Header, Request, UploadFile
from fastapi.responses import JSONResponse, Response

from infraprep.web.inputs import ReportRequest
from infraprep.web.pages import download_response
from infraprep.web.security import client_address
from infraprep.web.service import ReportService

router = APIRouter(prefix="/api/v1", tags=["reports"])

ERRORS = {
    400: {"description": "The CV or JD cannot be used (corrupt, scanned, not a posting...)"},
    404: {"description": "No such report (deleted or expired)"},
    413: {"description": "An upload is over the size limit"},
    415: {"description": "An upload is not a supported type"},
    422: {"description": "Missing or invalid fields"},
    429: {"description": "Too many reports from this address; see Retry-After"},
}


def _service(request: Request) -> ReportService:
    return request.app.state.service


def _created(request: Request, report_id: str) -> JSONResponse:
    url = str(request.url_for("report_page", report_id=report_id))
    api_url = str(request.url_for("get_report", report_id=report_id))
    return JSONResponse(
        {"id": report_id, "url": url, "api_url": api_url},
        status_code=201,
        headers={"location": api_url},
    )


@router.post("/reports", status_code=201, responses=ERRORS)
def create_report(
    request: Request,
    cv: Annotated[UploadFile, File(description="The CV: PDF, DOCX, TXT, Markdown...")],
    jd: Annotated[str | None, Form(description="Job description text")] = None,
    jd_file: Annotated[UploadFile | None, File(description="Job description file")] = None,
    jd_url: Annotated[str | None, Form(description="Public URL of the job posting")] = None,
    interview_date: Annotated[str | None, Form(description="YYYY-MM-DD")] = None,
    hours_per_week: Annotated[str | None, Form(description="Study hours a week")] = None,
    level: Annotated[
        str | None, Form(description="The level applied at (default: read from the posting)")
    ] = None,
    idempotency_key: Annotated[str | None, Header()] = None,
) -> JSONResponse:
    """Make a report. Give the job description exactly one way: jd, jd_file or jd_url.

    A repeated ``Idempotency-Key`` returns the report the key first made.
    """
    report_request = ReportRequest(cv, jd, jd_file, jd_url, interview_date, hours_per_week, level)
    report_id = _service(request).create(
        report_request, client=client_address(request), idempotency_key=idempotency_key
    )
    return _created(request, report_id)


@router.get("/reports/{report_id}", responses={404: ERRORS[404]})
def get_report(request: Request, report_id: str) -> JSONResponse:
    """The report as JSON (the same document as the json download)."""
    from infraprep.render.json import plan_dict

    return JSONResponse(plan_dict(_service(request).get(report_id).plan()))


@router.delete("/reports/{report_id}", status_code=204, responses={404: ERRORS[404]})
def delete_report(request: Request, report_id: str) -> Response:
    """Delete the report for good: its CV- and JD-derived text goes with it."""
    _service(request).delete(report_id)
    return Response(status_code=204)


@router.get("/reports/{report_id}/download/{fmt}", responses={404: ERRORS[404]})
def download_report(request: Request, report_id: str, fmt: str) -> Response:
    """The report as a file in one of: html, md, json, pdf, apkg, ics."""
    return download_response(_service(request), report_id, fmt)
