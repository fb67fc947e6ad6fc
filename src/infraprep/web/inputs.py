"""What a form or API request gave, checked and turned into the pipeline's Documents.

The same checks serve the HTML form and the JSON API, so both reject the same
inputs with the same messages. An uploaded file's name is only ever quoted in
a message; its type is read from its bytes (``ingest.detect``), never from the
name or the browser's content type.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from fastapi import UploadFile

from infraprep.errors import EmptyInputError, InputTooLargeError, UsageError
from infraprep.models import LEVELS, Document

ECHO_LIMIT = 40  # characters of a bad value quoted back in a message


@dataclass(frozen=True)
class ReportRequest:
    """One request for a report, before anything is parsed."""

    cv: UploadFile | None
    jd: str | None = None
    jd_file: UploadFile | None = None
    jd_url: str | None = None
    interview_date: str | None = None
    hours_per_week: str | None = None
    level: str | None = None

    def form_values(self) -> dict[str, str]:
        """What to put back in the form when it is shown again with an error."""
        return {
            "jd": self.jd or "",
            "jd_url": self.jd_url or "",
            "interview_date": self.interview_date or "",
            "hours_per_week": self.hours_per_week or "",
            "level": self.level or "",
        }


@dataclass(frozen=True)
class CheckedRequest:
    cv: bytes
    jd_text: str | None
    jd_bytes: bytes | None
    jd_url: str | None
    interview_date: dt.date | None
    hours_per_week: float
    level: str | None = None


def read_upload(upload: UploadFile | None, label: str, max_bytes: int) -> bytes | None:
    """The bytes of an upload, or None when the form field was left empty."""
    if upload is None:
        return None
    data = upload.file.read(max_bytes + 1)
    if len(data) > max_bytes:
        raise InputTooLargeError(f"{label} is over the {max_bytes // (1024 * 1024)} MB limit.")
    if not data and not upload.filename:
        return None  # a file input the browser sent with nothing chosen
    return data


def parse_date(value: str | None) -> dt.date | None:
    if value is None or not value.strip():
        return None
    try:
        return dt.date.fromisoformat(value.strip())
    except ValueError as exc:
        raise UsageError(
            f"The interview date {value.strip()[:ECHO_LIMIT]!r} is not a date.",
            "Use YYYY-MM-DD.",
        ) from exc


def parse_hours(value: str | None) -> float:
    if value is None or not value.strip():
        return 6.0
    try:
        return float(value.strip())
    except ValueError as exc:
        raise UsageError(
            f"Hours per week {value.strip()[:ECHO_LIMIT]!r} is not a number.",
            "Use a number like 6.",
        ) from exc


def parse_level(value: str | None) -> str | None:
    """The level the user applies at, or None to read it from the posting."""
    if value is None or not value.strip():
        return None
    level = value.strip().lower()
    if level not in LEVELS:
        raise UsageError(
            f"The level {value.strip()[:ECHO_LIMIT]!r} is not one infraprep knows.",
            "Use one of: " + ", ".join(LEVELS) + ", or leave it empty.",
        )
    return level


def check_request(req: ReportRequest, max_bytes: int) -> CheckedRequest:
    """Everything that can be checked without parsing: presence, one JD, sizes, options."""
    cv = read_upload(req.cv, "The CV", max_bytes)
    if cv is None:
        raise UsageError("No CV file was chosen.", "Pick your CV (PDF, DOCX, TXT, Markdown).")
    jd_bytes = read_upload(req.jd_file, "The job description file", max_bytes)
    jd_text = req.jd if req.jd is not None and req.jd.strip() else None
    jd_url = req.jd_url.strip() if req.jd_url is not None and req.jd_url.strip() else None
    given = [x for x in (jd_text, jd_bytes, jd_url) if x is not None]
    if not given:
        if req.jd is not None:
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
    return CheckedRequest(
        cv=cv,
        jd_text=jd_text,
        jd_bytes=jd_bytes,
        jd_url=jd_url,
        interview_date=parse_date(req.interview_date),
        hours_per_week=parse_hours(req.hours_per_week),
        level=parse_level(req.level),
    )


def documents(checked: CheckedRequest, max_bytes: int) -> tuple[Document, Document]:
    """The CV and JD as Documents; fetches the JD URL through the SSRF-guarded fetcher."""
    from infraprep.ingest import fetch_url
    from infraprep.ingest.read import read_bytes

    cv = read_bytes(checked.cv, label="The CV", max_bytes=max_bytes)
    if checked.jd_text is not None:
        jd = read_bytes(
            checked.jd_text.encode("utf-8"), label="The job description", max_bytes=max_bytes
        )
    elif checked.jd_bytes is not None:
        jd = read_bytes(checked.jd_bytes, label="The job description file", max_bytes=max_bytes)
    else:
        assert checked.jd_url is not None
        jd = fetch_url(checked.jd_url)
    return cv, jd
