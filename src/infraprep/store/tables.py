"""The store's tables, in SQLAlchemy Core: portable types only (text and integers).

Times are ISO-8601 UTC strings of one fixed width ("2026-12-02T06:30:00Z"), so
they sort and compare as text on SQLite (which drops time zones) and on
PostgreSQL alike.
"""

from __future__ import annotations

import sqlalchemy as sa

metadata = sa.MetaData()

reports = sa.Table(
    "reports",
    metadata,
    sa.Column("id", sa.String(64), primary_key=True),
    sa.Column("created_at", sa.String(20), nullable=False, index=True),
    sa.Column("plan_json", sa.Text, nullable=False),
    sa.Column("html_body", sa.Text, nullable=False),
)

idempotency_keys = sa.Table(
    "idempotency_keys",
    metadata,
    sa.Column("idem_key", sa.String(200), primary_key=True),
    sa.Column("report_id", sa.String(64), nullable=False, index=True),
    sa.Column("created_at", sa.String(20), nullable=False),
)
