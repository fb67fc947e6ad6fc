"""The report store on a real SQLite file: migrations, idempotency, deletion for good, retention."""

from __future__ import annotations

import datetime as dt
import sqlite3
from pathlib import Path

import pytest

pytest.importorskip("sqlalchemy")
pytest.importorskip("alembic")

from infraprep.errors import StorageError
from infraprep.store import ReportStore, new_report_id

SECRET = "Jane Secretname carried the pager for payments-core"
NOW = dt.datetime(2026, 12, 2, 12, 0, tzinfo=dt.UTC)


def test_store_migrates_a_new_database_to_head(tmp_path: Path) -> None:
    store = ReportStore.in_directory(tmp_path)
    assert store.schema_revision() == "0001"
    assert (tmp_path / "reports.db").stat().st_mode & 0o077 == 0  # this user only
    again = ReportStore.in_directory(tmp_path)  # opening twice migrates nothing more
    assert again.schema_revision() == "0001"


def test_store_keeps_reports_from_a_first_slice_database(tmp_path: Path) -> None:
    path = tmp_path / "reports.db"
    conn = sqlite3.connect(path)
    conn.executescript(
        """
        CREATE TABLE schema_version (version INTEGER NOT NULL);
        INSERT INTO schema_version VALUES (1);
        CREATE TABLE reports (id TEXT PRIMARY KEY, created_at TEXT NOT NULL,
                              plan_json TEXT NOT NULL, html_body TEXT NOT NULL);
        CREATE TABLE idempotency_keys (idem_key TEXT PRIMARY KEY, report_id TEXT NOT NULL,
                                       created_at TEXT NOT NULL);
        INSERT INTO reports VALUES ('old', '2026-11-22T08:00:00+00:00', '{}', '<p>old</p>');
        """
    )
    conn.commit()
    conn.close()
    store = ReportStore.in_directory(tmp_path)
    assert store.schema_revision() == "0001"
    kept = store.get("old")
    assert kept is not None and kept.html_body == "<p>old</p>"


def test_store_ids_are_long_and_random() -> None:
    ids = {new_report_id() for _ in range(1000)}
    assert len(ids) == 1000
    assert all(len(i) >= 32 for i in ids)  # 24 random bytes, base64url: 192 bits


def test_store_idempotency_key_returns_the_first_report(tmp_path: Path) -> None:
    store = ReportStore.in_directory(tmp_path)
    first = store.create("a" * 32, "{}", "<p>a</p>", idempotency_key="key-1")
    second = store.create("b" * 32, "{}", "<p>b</p>", idempotency_key="key-1")
    assert first == second == "a" * 32
    assert store.count() == 1
    assert store.id_for_key("key-1") == "a" * 32


def test_store_delete_removes_the_text_from_the_file(tmp_path: Path) -> None:
    store = ReportStore.in_directory(tmp_path)
    rid = store.create(
        new_report_id(), f'{{"cv": "{SECRET}"}}', f"<p>{SECRET}</p>", idempotency_key="k"
    )
    assert store.delete(rid)
    assert store.get(rid) is None
    assert store.id_for_key("k") is None
    assert not store.delete(rid)
    store.close()
    for file in tmp_path.iterdir():  # the database and any WAL/SHM beside it
        assert SECRET.encode() not in file.read_bytes(), file.name


def test_store_purge_deletes_only_reports_older_than_the_cutoff(tmp_path: Path) -> None:
    store = ReportStore.in_directory(tmp_path)
    old = store.create(
        "old" * 11, "{}", "<p>old</p>", now=NOW - dt.timedelta(days=40), idempotency_key="old-key"
    )
    new = store.create("new" * 11, "{}", "<p>new</p>", now=NOW - dt.timedelta(days=1))
    assert store.purge_before(NOW - dt.timedelta(days=30)) == 1
    assert store.get(old) is None and store.id_for_key("old-key") is None
    assert store.get(new) is not None


def test_store_get_hides_reports_older_than_not_before(tmp_path: Path) -> None:
    store = ReportStore.in_directory(tmp_path)
    rid = store.create("x" * 32, "{}", "<p>x</p>", now=NOW - dt.timedelta(days=31))
    assert store.get(rid) is not None
    assert store.get(rid, not_before=NOW - dt.timedelta(days=30)) is None


def test_store_failure_is_a_storage_error(tmp_path: Path) -> None:
    store = ReportStore.in_directory(tmp_path)
    store.engine.dispose()
    (tmp_path / "reports.db").unlink()
    (tmp_path / "reports.db").mkdir()  # the file is now a directory: SQLite cannot open it
    with pytest.raises(StorageError):
        store.get("anything")
