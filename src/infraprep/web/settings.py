"""The web app's settings, declared once: ``infraprep serve`` options feed them."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from pathlib import Path

MB = 1024 * 1024
MAX_UPLOAD_BYTES = 10 * MB


@dataclass(frozen=True)
class WebSettings:
    """How one server runs.

    Args:
        data_dir: where the SQLite store lives (``reports.db``), unless
            ``database_url`` names another database.
        database_url: an SQLAlchemy URL (``postgresql+psycopg://...``); None
            means SQLite in ``data_dir``.
        retention_days: reports older than this are deleted; 0 keeps them until
            their owner deletes them.
        reports_per_minute: report creations one client address may make per
            minute (a burst of up to ``burst`` at once); 0 turns the limit off.
        max_upload_bytes: the cap on each uploaded file (CV, JD file).
    """

    data_dir: Path
    database_url: str | None = None
    retention_days: int = 30
    reports_per_minute: int = 20
    burst: int = 10
    max_upload_bytes: int = MAX_UPLOAD_BYTES

    @property
    def max_request_bytes(self) -> int:
        # The CV and a JD file, each up to the cap, plus form fields and multipart framing.
        return 2 * self.max_upload_bytes + 256 * 1024

    def retention(self) -> dt.timedelta | None:
        return dt.timedelta(days=self.retention_days) if self.retention_days > 0 else None
