"""The web app's safety settings: rate limit, retention, SSRF at the form, bugs, logs."""

from __future__ import annotations

import datetime as dt
import logging
import warnings
from pathlib import Path

import pytest

pytest.importorskip("fastapi")
pytest.importorskip("multipart")

with warnings.catch_warnings():
    warnings.simplefilter("ignore")
    from fastapi.testclient import TestClient

from helpers import FIXTURES, SRE_CV
from infraprep.web.app import create_app
from infraprep.web.logs import RedactReportIds, redact
from infraprep.web.ratelimit import RateLimiter
from infraprep.web.settings import WebSettings

JD_TEXT = (FIXTURES / "jd" / "teleport" / "sre.md").read_text(encoding="utf-8")
CV_FILE = ("cv.md", SRE_CV.encode("utf-8"), "text/markdown")


def _client(tmp_path: Path, **settings: object) -> TestClient:
    return TestClient(create_app(WebSettings(data_dir=tmp_path, **settings)))  # type: ignore[arg-type]


def _make(client: TestClient, **headers: str):
    return client.post(
        "/api/v1/reports", files={"cv": CV_FILE}, data={"jd": JD_TEXT}, headers=headers
    )


# ------------------------------------------------------------------ rate limit


def test_rate_limit_refuses_a_burst_with_429_and_retry_after(tmp_path: Path) -> None:
    client = _client(tmp_path, reports_per_minute=6, burst=2)
    assert _make(client).status_code == 201
    assert _make(client).status_code == 201
    resp = _make(client)
    assert resp.status_code == 429
    assert resp.json()["error"]["type"] == "rate_limited"
    assert set(resp.json()["error"]) == {"type", "message", "hint"}
    assert 1 <= int(resp.headers["retry-after"]) <= 10  # one token every 10 s at 6/min


def test_rate_limit_idempotent_replays_are_free(tmp_path: Path) -> None:
    client = _client(tmp_path, reports_per_minute=1, burst=1)
    first = _make(client, **{"Idempotency-Key": "once"})
    again = _make(client, **{"Idempotency-Key": "once"})
    assert first.status_code == again.status_code == 201
    assert first.json()["id"] == again.json()["id"]


def test_rate_limit_on_the_form_shows_the_message(tmp_path: Path) -> None:
    client = _client(tmp_path, reports_per_minute=1, burst=1)
    assert _make(client).status_code == 201
    token = client.get("/").cookies.get("infraprep_csrf") or ""
    resp = client.post(
        "/reports",
        files={"cv": CV_FILE},
        data={"jd": JD_TEXT, "csrf_token": token},
        follow_redirects=False,
    )
    assert resp.status_code == 429
    assert "Too many reports" in resp.text and 'role="alert"' in resp.text
    assert "retry-after" in resp.headers


def test_rate_limiter_refills_over_time_and_forgets_idle_clients() -> None:
    now = [0.0]
    limiter = RateLimiter(60, 2, clock=lambda: now[0])  # one token a second
    limiter.take("a")
    limiter.take("a")
    with pytest.raises(Exception) as refused:
        limiter.take("a")
    assert refused.value.retry_after == 1  # type: ignore[attr-defined]
    now[0] += 1.0
    limiter.take("a")  # refilled
    limiter.take("b")
    now[0] += 60.0
    limiter.take("c")  # a and b are full again by now: no need to remember them
    assert limiter.tracked() == 1


def test_rate_limiter_caps_the_clients_it_tracks() -> None:
    limiter = RateLimiter(1, 5, max_clients=100, clock=lambda: 0.0)
    for n in range(1000):
        limiter.take(f"10.0.{n // 256}.{n % 256}")
    assert limiter.tracked() <= 100


# ------------------------------------------------------------------ retention


def test_retention_hides_and_purges_old_reports(tmp_path: Path) -> None:
    client = _client(tmp_path, retention_days=30, reports_per_minute=0)
    fresh = _make(client).json()["id"]
    service = client.app.state.service  # type: ignore[attr-defined]
    old = service.store.create(
        "o" * 32, "{}", "<p>old</p>", now=dt.datetime.now(dt.UTC) - dt.timedelta(days=31)
    )
    assert client.get(f"/api/v1/reports/{old}").status_code == 404
    assert client.get(f"/reports/{old}").status_code == 404
    assert service.purge_expired() == 1
    assert service.store.get(old) is None
    assert client.get(f"/api/v1/reports/{fresh}").status_code == 200


def test_retention_zero_keeps_reports(tmp_path: Path) -> None:
    client = _client(tmp_path, retention_days=0, reports_per_minute=0)
    service = client.app.state.service  # type: ignore[attr-defined]
    old = service.store.create(
        "o" * 32, "{}", "<p>old</p>", now=dt.datetime.now(dt.UTC) - dt.timedelta(days=3650)
    )
    assert service.purge_expired() == 0
    assert service.store.get(old) is not None


def test_retention_old_reports_are_purged_when_the_server_starts(tmp_path: Path) -> None:
    first = _client(tmp_path, retention_days=30)
    first.app.state.service.store.create(  # type: ignore[attr-defined]
        "o" * 32, "{}", "<p>old</p>", now=dt.datetime.now(dt.UTC) - dt.timedelta(days=45)
    )
    second = _client(tmp_path, retention_days=30)
    assert second.app.state.service.store.count() == 0  # type: ignore[attr-defined]


# ------------------------------------------------------------------ SSRF at the form


@pytest.mark.parametrize(
    "url",
    [
        "http://127.0.0.1/",
        "http://localhost:8000/admin",
        "http://[::1]/",
        "http://169.254.169.254/latest/meta-data/",  # cloud metadata, link-local
        "http://10.0.0.7/jobs",
        "http://192.168.1.1/",
        "http://2130706433/",  # 127.0.0.1 as one decimal number
        "http://0x7f.0.0.1/",
        "http://[::ffff:127.0.0.1]/",
        "http://0.0.0.0/",
    ],
)
def test_jd_url_to_a_non_public_address_is_refused(tmp_path: Path, url: str) -> None:
    client = _client(tmp_path, reports_per_minute=0)
    resp = client.post("/api/v1/reports", files={"cv": CV_FILE}, data={"jd_url": url})
    assert resp.status_code == 400, resp.text
    assert resp.json()["error"]["type"] in {"unsafe_url", "fetch_failed"}


@pytest.mark.parametrize("url", ["file:///etc/passwd", "gopher://example.com/", "ftp://x/"])
def test_jd_url_with_another_scheme_is_refused(tmp_path: Path, url: str) -> None:
    client = _client(tmp_path, reports_per_minute=0)
    resp = client.post("/api/v1/reports", files={"cv": CV_FILE}, data={"jd_url": url})
    assert resp.status_code == 400
    assert resp.json()["error"]["type"] == "unsafe_url"


# ------------------------------------------------------------------ types by content


def test_upload_type_is_read_from_the_bytes_not_the_name(tmp_path: Path) -> None:
    client = _client(tmp_path, reports_per_minute=0)
    png = b"\x89PNG\r\n\x1a\n" + b"\x00" * 200
    resp = client.post(
        "/api/v1/reports",
        files={"cv": ("cv.pdf", png, "application/pdf")},  # name and type both lie
        data={"jd": JD_TEXT},
    )
    assert resp.status_code == 415
    assert resp.json()["error"]["type"] == "unsupported_type"


def test_a_pdf_named_txt_is_still_read_as_pdf(tmp_path: Path) -> None:
    client = _client(tmp_path, reports_per_minute=0)
    pdf = (FIXTURES.parent.parent / "src/infraprep/examples/cv-two-column.pdf").read_bytes()
    resp = client.post(
        "/api/v1/reports", files={"cv": ("cv.txt", pdf, "text/plain")}, data={"jd": JD_TEXT}
    )
    assert resp.status_code == 201, resp.text


# ------------------------------------------------------------------ bugs and logs


def test_a_bug_gets_the_error_shape_not_a_traceback(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    client = _client(tmp_path, reports_per_minute=0)

    def broken(*_args: object, **_kwargs: object) -> None:
        raise RuntimeError("secret internals")

    monkeypatch.setattr("infraprep.pipeline.generate_plan", broken)
    resp = _make(client)
    assert resp.status_code == 500
    assert resp.json() == {
        "error": {
            "type": "internal",
            "message": "Something went wrong on the server.",
            "hint": "This is a bug in infraprep; try again, and report it if it keeps happening.",
        }
    }
    assert "secret internals" not in resp.text
    assert resp.headers["x-content-type-options"] == "nosniff"


def test_logs_carry_no_cv_or_jd_text_and_no_report_id(
    tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    client = _client(tmp_path, reports_per_minute=0)
    with caplog.at_level(logging.DEBUG):
        rid = _make(client).json()["id"]
        client.get(f"/reports/{rid}")
    # Everything the server side logged; httpx is the test's own client.
    text = "\n".join(r.getMessage() for r in caplog.records if not r.name.startswith("httpx"))
    assert "report made in" in text  # our one line per report
    assert rid not in text
    for phrase in ("Carried the pager", "Jane Doe", "jane.doe@example.com", "Teleport"):
        assert phrase not in text


def test_access_log_paths_are_redacted() -> None:
    assert redact("/reports/AbC-123_x/download/pdf") == "/reports/<id>/download/pdf"
    assert redact("/api/v1/reports/AbC-123_x") == "/api/v1/reports/<id>"
    assert redact("/library/concepts/slo-basics") == "/library/concepts/slo-basics"
    record = logging.LogRecord(
        "uvicorn.access",
        logging.INFO,
        __file__,
        1,
        '%s - "%s %s HTTP/%s" %d',
        ("127.0.0.1:5000", "GET", "/reports/SECRETID123", "1.1", 200),
        None,
    )
    RedactReportIds().filter(record)
    assert "SECRETID123" not in record.getMessage()
