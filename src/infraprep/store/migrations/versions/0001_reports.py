"""Reports and idempotency keys.

Databases made by the first web slice (stdlib sqlite3, a ``schema_version``
table) already have both tables with the same columns: they are kept, with
their reports, and only the missing indexes are added.

Revision ID: 0001
Revises:
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0001"
down_revision = None
branch_labels = None
depends_on = None


def upgrade() -> None:
    existing = set(sa.inspect(op.get_bind()).get_table_names())
    if "reports" not in existing:
        op.create_table(
            "reports",
            sa.Column("id", sa.String(64), primary_key=True),
            sa.Column("created_at", sa.String(20), nullable=False),
            sa.Column("plan_json", sa.Text, nullable=False),
            sa.Column("html_body", sa.Text, nullable=False),
        )
    if "idempotency_keys" not in existing:
        op.create_table(
            "idempotency_keys",
            sa.Column("idem_key", sa.String(200), primary_key=True),
            sa.Column("report_id", sa.String(64), nullable=False),
            sa.Column("created_at", sa.String(20), nullable=False),
        )
    op.create_index("ix_reports_created_at", "reports", ["created_at"])
    op.create_index("ix_idempotency_keys_report_id", "idempotency_keys", ["report_id"])
    if "schema_version" in existing:
        op.drop_table("schema_version")


def downgrade() -> None:
    op.drop_table("idempotency_keys")
    op.drop_table("reports")
