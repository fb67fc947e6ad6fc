"""The web app end to end through FastAPI's TestClient: API, downloads, form flow, safety."""

from __future__ import annotations

import re
import warnings
from collections.abc import Iterator

import pytest

pytest.importorskip("fastapi")
pytest.importorskip("multipart")

with warnings.catch_warnings():
    # Starlette >= 1.x warns that its TestClient prefers httpx2; httpx still works.
    warnings.simplefilter("ignore")
    from fastapi.testclient import TestClient

from helpers import FIXTURES, SRE_CV
from infraprep.render import FORMATS
from infraprep.web.app import create_app
from infraprep.web.settings import MAX_UPLOAD_BYTES, WebSettings

JD_TEXT = (FIXTURES / "jd" / "teleport" / "sre.md").read_text(encoding="utf-8")
CV_FILE = ("cv.md", SRE_CV.encode("utf-8"), "text/markdown")
CSP = (
    "default-src 'none'; script-src 'self'; style-src 'self' 'unsafe-inline'; "
    "img-src 'self' data:; connect-src 'self'; form-action 'self'; "
    "frame-ancestors 'none'; base-uri 'none'"
)


@pytest.fixture(scope="module")
def client(tmp_path_factory: pytest.TempPathFactory) -> Iterator[TestClient]:
    # No rate limit here: this one client makes dozens of reports; the limit has its own tests.
    settings = WebSettings(data_dir=tmp_path_factory.mktemp("web-data"), reports_per_minute=0)
    app = create_app(settings)
    with TestClient(app) as c:
        yield c


@pytest.fixture(scope="module")
def report_id(client: TestClient) -> str:
    resp = client.post("/api/v1/reports", files={"cv": CV_FILE}, data={"jd": JD_TEXT})
    assert resp.status_code == 201, resp.text
    return resp.json()["id"]


def _assert_error(resp, status: int, kind: str | None = None) -> dict:
    assert resp.status_code == status, resp.text
    body = resp.json()
    assert set(body) == {"error"}
    assert set(body["error"]) == {"type", "message", "hint"}
    if kind is not None:
        assert body["error"]["type"] == kind
    return body["error"]


def _csrf(client: TestClient) -> str:
    resp = client.get("/")
    assert resp.status_code == 200
    match = re.search(r'name="csrf_token" value="([^"]+)"', resp.text)
    assert match
    return match.group(1)


# ------------------------------------------------------------------ JSON API


def test_create_and_get_report(client: TestClient, report_id: str) -> None:
    assert len(report_id) >= 32  # token_urlsafe(24): 192 bits
    resp = client.get(f"/api/v1/reports/{report_id}")
    assert resp.status_code == 200
    data = resp.json()
    assert "schema_version" in data
    assert data["posting"]["family"] == "sre"
    assert "contact" not in data["profile"]


def test_created_response_links(client: TestClient, report_id: str) -> None:
    resp = client.get(f"/reports/{report_id}")
    assert resp.status_code == 200
    assert "Download" in resp.text


def test_idempotency_key_returns_same_id(client: TestClient) -> None:
    headers = {"Idempotency-Key": "key-123"}
    first = client.post(
        "/api/v1/reports", files={"cv": CV_FILE}, data={"jd": JD_TEXT}, headers=headers
    )
    second = client.post(
        "/api/v1/reports", files={"cv": CV_FILE}, data={"jd": JD_TEXT}, headers=headers
    )
    assert first.status_code == second.status_code == 201
    assert first.json()["id"] == second.json()["id"]
    assert first.json()["url"].endswith(f"/reports/{first.json()['id']}")
    assert first.json()["api_url"].endswith(f"/api/v1/reports/{first.json()['id']}")
    other = client.post("/api/v1/reports", files={"cv": CV_FILE}, data={"jd": JD_TEXT})
    assert other.json()["id"] != first.json()["id"]


def test_delete_then_404(client: TestClient) -> None:
    resp = client.post("/api/v1/reports", files={"cv": CV_FILE}, data={"jd": JD_TEXT})
    rid = resp.json()["id"]
    assert client.delete(f"/api/v1/reports/{rid}").status_code == 204
    _assert_error(client.get(f"/api/v1/reports/{rid}"), 404, "not_found")
    _assert_error(client.delete(f"/api/v1/reports/{rid}"), 404, "not_found")
    assert client.get(f"/reports/{rid}").status_code == 404


def test_unknown_id_is_404_with_error_shape(client: TestClient) -> None:
    _assert_error(client.get("/api/v1/reports/nope"), 404, "not_found")


@pytest.mark.parametrize("fmt", list(FORMATS))
def test_every_download_format(client: TestClient, report_id: str, fmt: str) -> None:
    if fmt == "pdf":
        try:
            import weasyprint  # noqa: F401
        except Exception:
            pytest.skip("WeasyPrint is not installed")
    resp = client.get(f"/reports/{report_id}/download/{fmt}")
    assert resp.status_code == 200, resp.text[:500]
    spec = FORMATS[fmt]
    assert resp.headers["content-type"] == spec.media_type
    disposition = resp.headers["content-disposition"]
    assert disposition.startswith("attachment;")
    assert spec.extension in disposition
    assert resp.content


def test_unknown_format_is_404(client: TestClient, report_id: str) -> None:
    assert client.get(f"/reports/{report_id}/download/exe").status_code == 404
    _assert_error(client.get(f"/api/v1/reports/{report_id}/download/exe"), 404, "not_found")


def test_missing_cv_is_422(client: TestClient) -> None:
    _assert_error(client.post("/api/v1/reports", data={"jd": JD_TEXT}), 422, "validation")


def test_empty_jd_is_4xx_with_error_shape(client: TestClient) -> None:
    for data in ({"jd": ""}, {"jd": "   \n  "}, {}):
        resp = client.post("/api/v1/reports", files={"cv": CV_FILE}, data=data)
        assert 400 <= resp.status_code < 500
        error = _assert_error(resp, resp.status_code)
        assert error["type"] == "empty_input"


def test_bad_options_are_422(client: TestClient) -> None:
    resp = client.post(
        "/api/v1/reports",
        files={"cv": CV_FILE},
        data={"jd": JD_TEXT, "interview_date": "next tuesday"},
    )
    _assert_error(resp, 422, "usage")


def test_oversize_upload_is_413(client: TestClient) -> None:
    big = ("cv.txt", b"a" * (MAX_UPLOAD_BYTES + 1), "text/plain")
    _assert_error(
        client.post("/api/v1/reports", files={"cv": big}, data={"jd": JD_TEXT}),
        413,
        "too_large",
    )


def test_oversize_request_refused_by_content_length(client: TestClient) -> None:
    big = b"a" * (3 * MAX_UPLOAD_BYTES)
    _assert_error(
        client.post(
            "/api/v1/reports",
            content=big,
            headers={"content-type": "application/octet-stream"},
        ),
        413,
        "too_large",
    )


def test_private_jd_url_is_refused(client: TestClient) -> None:
    resp = client.post(
        "/api/v1/reports", files={"cv": CV_FILE}, data={"jd_url": "http://127.0.0.1/x"}
    )
    _assert_error(resp, 400, "unsafe_url")


def test_filename_is_not_used_as_path(client: TestClient, tmp_path) -> None:
    evil = ("../../../../tmp/evil.md", SRE_CV.encode("utf-8"), "text/markdown")
    resp = client.post("/api/v1/reports", files={"cv": evil}, data={"jd": JD_TEXT})
    assert resp.status_code == 201


def test_openapi_served(client: TestClient) -> None:
    resp = client.get("/openapi.json")
    assert resp.status_code == 200
    assert "/api/v1/reports" in resp.json()["paths"]


# ------------------------------------------------------------------ HTML


def test_security_headers_everywhere(client: TestClient, report_id: str) -> None:
    for path in ("/", f"/reports/{report_id}", "/api/v1/reports/missing", "/openapi.json"):
        resp = client.get(path)
        assert resp.headers["content-security-policy"] == CSP
        assert resp.headers["x-content-type-options"] == "nosniff"
        assert resp.headers["referrer-policy"] == "no-referrer"


def test_pages_have_no_inline_scripts(client: TestClient, report_id: str) -> None:
    for path in ("/", f"/reports/{report_id}", "/library"):
        scripts = re.findall(r"<script[^>]*>(.*?)</script>", client.get(path).text, re.S | re.I)
        assert scripts == [""]  # one script, loaded from /assets by src, nothing inline
        assert '<script src="/assets/app.js" defer></script>' in client.get(path).text


def test_assets_are_served_with_their_types(client: TestClient) -> None:
    css = client.get("/assets/app.css")
    assert css.status_code == 200 and css.headers["content-type"].startswith("text/css")
    js = client.get("/assets/app.js")
    assert js.status_code == 200 and js.headers["content-type"].startswith("text/javascript")
    assert "dataTransfer" in js.text  # the drag-and-drop handler


def test_form_flow_with_csrf(client: TestClient) -> None:
    token = _csrf(client)
    resp = client.post(
        "/reports",
        files={"cv": CV_FILE},
        data={"jd": JD_TEXT, "csrf_token": token, "hours_per_week": "5"},
        follow_redirects=False,
    )
    assert resp.status_code == 303, resp.text[:500]
    location = resp.headers["location"]
    assert location.startswith("/reports/")
    page = client.get(location)
    assert page.status_code == 200
    for fmt in FORMATS:
        assert f"{location}/download/{fmt}" in page.text
    deleted = client.post(f"{location}/delete", data={"csrf_token": token}, follow_redirects=False)
    assert deleted.status_code == 303
    assert deleted.headers["location"] == "/?deleted=1"
    assert client.get(location).status_code == 404
    assert "was deleted" in client.get("/?deleted=1").text


def test_form_without_csrf_is_403(client: TestClient, report_id: str) -> None:
    _csrf(client)  # the cookie is set, the field is missing
    resp = client.post(
        "/reports", files={"cv": CV_FILE}, data={"jd": JD_TEXT}, follow_redirects=False
    )
    assert resp.status_code == 403
    resp = client.post(
        "/reports",
        files={"cv": CV_FILE},
        data={"jd": JD_TEXT, "csrf_token": "forged-token-forged-token"},
        follow_redirects=False,
    )
    assert resp.status_code == 403
    resp = client.post(f"/reports/{report_id}/delete", follow_redirects=False)
    assert resp.status_code == 403
    assert client.get(f"/reports/{report_id}").status_code == 200


def test_form_error_rerenders_with_message(client: TestClient) -> None:
    token = _csrf(client)
    resp = client.post(
        "/reports",
        files={"cv": CV_FILE},
        data={"jd": "   ", "csrf_token": token},
        follow_redirects=False,
    )
    assert resp.status_code == 400
    assert 'role="alert"' in resp.text
    assert "empty" in resp.text.lower()
    assert 'name="csrf_token"' in resp.text


def test_xss_in_jd_is_escaped(client: TestClient) -> None:
    payload = "<script>alert('xss')</script>"
    jd = f"# {payload}\n{JD_TEXT}"
    resp = client.post("/api/v1/reports", files={"cv": CV_FILE}, data={"jd": jd})
    assert resp.status_code == 201, resp.text
    page = client.get(f"/reports/{resp.json()['id']}")
    assert page.status_code == 200
    assert page.text.lower().count("<script") == 1  # only the page's own /assets/app.js
    assert "alert('xss')</script>" not in page.text
    assert "&lt;script&gt;" in page.text  # the payload is shown, as text


# ------------------------------------------------------------------ contract

# The API's routes and the create response's fields as of v1. Changes must be
# additive: this set may grow, nothing in it may go.
V1_ROUTES = {
    ("/api/v1/reports", "post"),
    ("/api/v1/reports/{report_id}", "get"),
    ("/api/v1/reports/{report_id}", "delete"),
    ("/api/v1/reports/{report_id}/download/{fmt}", "get"),
}
V1_CREATE_FIELDS = {"cv", "jd", "jd_file", "jd_url", "interview_date", "hours_per_week"}


def test_api_v1_routes_are_all_still_there(client: TestClient) -> None:
    spec = client.get("/openapi.json").json()
    routes = {(path, method) for path, ops in spec["paths"].items() for method in ops}
    assert routes >= V1_ROUTES
    create = spec["paths"]["/api/v1/reports"]["post"]
    schema_ref = create["requestBody"]["content"]["multipart/form-data"]["schema"]["$ref"]
    schema = spec["components"]["schemas"][schema_ref.rsplit("/", 1)[1]]
    assert set(schema["properties"]) >= V1_CREATE_FIELDS
    assert schema["required"] == ["cv"]
    assert any(p["name"] == "idempotency-key" for p in create["parameters"])


def test_api_create_response_fields(client: TestClient) -> None:
    resp = client.post("/api/v1/reports", files={"cv": CV_FILE}, data={"jd": JD_TEXT})
    assert resp.status_code == 201
    body = resp.json()
    assert set(body) >= {"id", "url", "api_url"}
    assert resp.headers["location"] == body["api_url"]
    assert body["url"].endswith(f"/reports/{body['id']}")


def test_a_report_at_the_level_applied_for(client: TestClient) -> None:
    assert '<select id="level" name="level">' in client.get("/").text  # the form offers it
    made = client.post(
        "/api/v1/reports", files={"cv": CV_FILE}, data={"jd": JD_TEXT, "level": "Staff"}
    )
    assert made.status_code == 201, made.text
    posting = client.get(made.json()["api_url"]).json()["posting"]
    assert posting["level"] == "staff" and posting["level_reason"].startswith("set by you")
    error = _assert_error(
        client.post(
            "/api/v1/reports", files={"cv": CV_FILE}, data={"jd": JD_TEXT, "level": "boss"}
        ),
        422,
    )
    assert error["message"] == "The level 'boss' is not one infraprep knows."
