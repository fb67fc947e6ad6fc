"""Alembic environment: runs on the connection the store hands over, never its own URL."""

from __future__ import annotations

from alembic import context

from infraprep.store.tables import metadata

connection = context.config.attributes["connection"]
context.configure(
    connection=connection,
    target_metadata=metadata,
    render_as_batch=connection.dialect.name == "sqlite",  # SQLite cannot ALTER most things
)
with context.begin_transaction():
    context.run_migrations()
