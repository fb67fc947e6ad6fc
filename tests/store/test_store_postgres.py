"""The same store and web app on a real PostgreSQL server: portable SQL, shown to be."""

from __future__ import annotations

import datetime as dt
import threading
import uuid
import warnings

import pytest

pytest.importorskip("sqlalchemy")

from helpers import FIXTURES, SRE_CV
from infraprep.store import ReportStore, new_report_id

NOW = dt.datetime(2026, 12, 2, 12, 0, tzinfo=dt.UTC)


@pytest.fixture()
def store(postgres_url: str) -> ReportStore:
    store = ReportStore(postgres_url)
    with store.engine.begin() as conn:  # each test starts from empty tables
        conn.exec_driver_sql("DELETE FROM idempotency_keys")
        conn.exec_driver_sql("DELETE FROM reports")
    return store


def test_postgres_store_migrates_to_head(store: ReportStore, postgres_url: str) -> None:
    assert store.engine.dialect.name == "postgresql"
    assert store.schema_revision() == "0001"
    assert ReportStore(postgres_url).schema_revision() == "0001"  # idempotent


def test_postgres_store_round_trip_and_delete(store: ReportStore) -> None:
    rid = store.create(new_report_id(), '{"a": 1}', "<p>é ✓</p>", idempotency_key="k1")
    got = store.get(rid)
    assert got is not None and got.html_body == "<p>é ✓</p>"
    assert store.create(new_report_id(), "{}", "<p>x</p>", idempotency_key="k1") == rid
    assert store.delete(rid) and store.get(rid) is None and store.id_for_key("k1") is None


def test_postgres_store_retention(store: ReportStore) -> None:
    old = store.create("o" * 32, "{}", "<p>o</p>", now=NOW - dt.timedelta(days=40))
    new = store.create("n" * 32, "{}", "<p>n</p>", now=NOW)
    assert store.get(old, not_before=NOW - dt.timedelta(days=30)) is None
    assert store.purge_before(NOW - dt.timedelta(days=30)) == 1
    assert store.get(new) is not None and store.count() == 1


def test_postgres_store_concurrent_idempotency_makes_one_report(store: ReportStore) -> None:
    key = str(uuid.uuid4())
    results: list[str] = []
    barrier = threading.Barrier(8)

    def make() -> None:
        barrier.wait()
        results.append(store.create(new_report_id(), "{}", "<p>r</p>", idempotency_key=key))

    threads = [threading.Thread(target=make) for _ in range(8)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert len(set(results)) == 1
    assert store.count() == 1


def test_postgres_web_app_makes_reads_and_deletes_a_report(postgres_url: str, tmp_path) -> None:
    pytest.importorskip("fastapi")
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        from fastapi.testclient import TestClient
    from infraprep.web.app import create_app
    from infraprep.web.settings import WebSettings

    app = create_app(
        WebSettings(data_dir=tmp_path, database_url=postgres_url, reports_per_minute=0)
    )
    client = TestClient(app)
    jd = (FIXTURES / "jd" / "teleport" / "sre.md").read_text(encoding="utf-8")
    resp = client.post(
        "/api/v1/reports",
        files={"cv": ("cv.md", SRE_CV.encode(), "text/markdown")},
        data={"jd": jd},
    )
    assert resp.status_code == 201, resp.text
    rid = resp.json()["id"]
    assert client.get(f"/api/v1/reports/{rid}").json()["posting"]["family"] == "sre"
    assert client.delete(f"/api/v1/reports/{rid}").status_code == 204
    assert client.get(f"/api/v1/reports/{rid}").status_code == 404
    assert not (tmp_path / "reports.db").exists()  # nothing went to SQLite
