"""Reports in SQLite (stdlib ``sqlite3``): one row per report, plus idempotency keys.

The SQL is kept plain (TEXT/INTEGER columns, ``?`` parameters, no SQLite-only
syntax beyond ``CREATE TABLE IF NOT EXISTS``) so it can move to another
database. ``schema_version`` records which ``MIGRATIONS`` have run; add a new
entry to the end of that list to change the schema.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import os
import secrets
import sqlite3
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from infraprep.models import Plan

MIGRATIONS: list[tuple[str, ...]] = [
    (
        """CREATE TABLE reports (
            id TEXT PRIMARY KEY,
            created_at TEXT NOT NULL,
            plan_json TEXT NOT NULL,
            html_body TEXT NOT NULL
        )""",
        """CREATE TABLE idempotency_keys (
            idem_key TEXT PRIMARY KEY,
            report_id TEXT NOT NULL,
            created_at TEXT NOT NULL
        )""",
    ),
]


def new_report_id() -> str:
    """A URL-safe id with 192 bits of randomness: the id is the only access control."""
    return secrets.token_urlsafe(24)


@dataclass(frozen=True)
class StoredReport:
    id: str
    created_at: str
    plan_json: str
    html_body: str

    def plan(self) -> Plan:
        return Plan.model_validate_json(self.plan_json)


class ReportStore:
    """Reports by id in ``<data_dir>/reports.db``; one connection per operation."""

    def __init__(self, path: Path) -> None:
        self.path = path
        path.parent.mkdir(parents=True, exist_ok=True)
        fresh = not path.exists()
        self._migrate()
        if fresh:
            with contextlib.suppress(OSError):
                os.chmod(path, 0o600)

    @contextlib.contextmanager
    def _connect(self) -> Iterator[sqlite3.Connection]:
        conn = sqlite3.connect(self.path, timeout=10)
        try:
            with conn:  # commit on success, roll back on error
                yield conn
        finally:
            conn.close()

    def _migrate(self) -> None:
        with self._connect() as conn:
            conn.execute("CREATE TABLE IF NOT EXISTS schema_version (version INTEGER NOT NULL)")
            row = conn.execute("SELECT MAX(version) FROM schema_version").fetchone()
            current = row[0] or 0
            for version, statements in enumerate(MIGRATIONS, start=1):
                if version <= current:
                    continue
                for statement in statements:
                    conn.execute(statement)
                conn.execute("INSERT INTO schema_version (version) VALUES (?)", (version,))

    def schema_version(self) -> int:
        with self._connect() as conn:
            return conn.execute("SELECT MAX(version) FROM schema_version").fetchone()[0] or 0

    def create(
        self,
        report_id: str,
        plan_json: str,
        html_body: str,
        *,
        idempotency_key: str | None = None,
    ) -> str:
        """Store a report; returns its id.

        With an ``idempotency_key`` already used, nothing is stored and the id of
        the report first made with that key is returned.
        """
        now = dt.datetime.now(dt.UTC).isoformat(timespec="seconds")
        with self._connect() as conn:
            if idempotency_key is not None:
                existing = self._key_lookup(conn, idempotency_key)
                if existing is not None:
                    return existing
                try:
                    conn.execute(
                        "INSERT INTO idempotency_keys (idem_key, report_id, created_at) "
                        "VALUES (?, ?, ?)",
                        (idempotency_key, report_id, now),
                    )
                except sqlite3.IntegrityError:  # a concurrent request won the race
                    existing = self._key_lookup(conn, idempotency_key)
                    if existing is not None:
                        return existing
                    raise
            conn.execute(
                "INSERT INTO reports (id, created_at, plan_json, html_body) VALUES (?, ?, ?, ?)",
                (report_id, now, plan_json, html_body),
            )
        return report_id

    @staticmethod
    def _key_lookup(conn: sqlite3.Connection, key: str) -> str | None:
        row = conn.execute(
            "SELECT report_id FROM idempotency_keys WHERE idem_key = ?", (key,)
        ).fetchone()
        return row[0] if row else None

    def id_for_key(self, key: str) -> str | None:
        with self._connect() as conn:
            return self._key_lookup(conn, key)

    def get(self, report_id: str) -> StoredReport | None:
        with self._connect() as conn:
            row = conn.execute(
                "SELECT id, created_at, plan_json, html_body FROM reports WHERE id = ?",
                (report_id,),
            ).fetchone()
        return StoredReport(*row) if row else None

    def delete(self, report_id: str) -> bool:
        """Remove a report and its idempotency keys; False when there was none."""
        with self._connect() as conn:
            cur = conn.execute("DELETE FROM reports WHERE id = ?", (report_id,))
            conn.execute("DELETE FROM idempotency_keys WHERE report_id = ?", (report_id,))
            return cur.rowcount > 0
