"""The web app's operations on reports, shared by the HTML pages and the JSON API.

Routes stay thin: they read the request, call one of these and shape the
response. Retention is applied here both ways: an expired report is never
served, and expired rows are purged (at most once a minute, on writes).
"""

from __future__ import annotations

import datetime as dt
import logging
import threading
import time
from dataclasses import dataclass

from infraprep.errors import NotFoundError, UsageError
from infraprep.models import Plan
from infraprep.store import ReportStore, StoredReport, new_report_id
from infraprep.web.inputs import ReportRequest, check_request, documents
from infraprep.web.ratelimit import RateLimiter
from infraprep.web.settings import WebSettings

log = logging.getLogger("infraprep.web")

MAX_IDEMPOTENCY_KEY = 200
PURGE_EVERY_SECONDS = 60.0


@dataclass(frozen=True)
class Download:
    data: bytes
    media_type: str
    filename: str


class ReportService:
    def __init__(self, settings: WebSettings, store: ReportStore) -> None:
        self.settings = settings
        self.store = store
        self.limiter = RateLimiter(settings.reports_per_minute, settings.burst)
        self._last_purge = 0.0
        self._purge_lock = threading.Lock()

    # ------------------------------------------------------------ create

    def create(
        self,
        request: ReportRequest,
        *,
        client: str,
        idempotency_key: str | None = None,
        today: dt.date | None = None,
    ) -> str:
        """Check, parse, tailor and store a report; returns its id."""
        if idempotency_key is not None:
            if not 1 <= len(idempotency_key) <= MAX_IDEMPOTENCY_KEY:
                raise UsageError(
                    f"The Idempotency-Key header must be 1-{MAX_IDEMPOTENCY_KEY} characters."
                )
            existing = self.store.id_for_key(idempotency_key)
            if existing is not None and self._fresh(existing):
                return existing
        self.limiter.take(client)
        started = time.perf_counter()
        plan = self._plan(request, today or dt.date.today())
        report_id = self._save(plan, idempotency_key)
        # Timings and sizes only: no CV or JD text, no report id (it is the access key).
        log.info(
            "report made in %.0f ms (%s posting, %d positions)",
            (time.perf_counter() - started) * 1000,
            plan.posting.family,
            len(plan.profile.positions),
        )
        self._maybe_purge()
        return report_id

    def _plan(self, request: ReportRequest, today: dt.date) -> Plan:
        from infraprep.pipeline import generate_plan

        max_bytes = self.settings.max_upload_bytes
        checked = check_request(request, max_bytes)
        cv, jd = documents(checked, max_bytes)
        return generate_plan(
            cv,
            jd,
            today=today,
            interview_date=checked.interview_date,
            hours_per_week=checked.hours_per_week,
            level=checked.level,
        )

    def _save(self, plan: Plan, idempotency_key: str | None) -> str:
        from infraprep.render.html import render_body

        return self.store.create(
            new_report_id(),
            plan.model_dump_json(),
            render_body(plan, practice_base="/practice"),
            idempotency_key=idempotency_key,
        )

    # ------------------------------------------------------------ read, delete

    def _not_before(self) -> dt.datetime | None:
        keep = self.settings.retention()
        return dt.datetime.now(dt.UTC) - keep if keep else None

    def _fresh(self, report_id: str) -> bool:
        return self.store.get(report_id, not_before=self._not_before()) is not None

    def get(self, report_id: str) -> StoredReport:
        report = self.store.get(report_id, not_before=self._not_before())
        if report is None:
            raise NotFoundError(
                "No report with that id.",
                "It may have been deleted or passed the server's retention period; make a new one.",
            )
        return report

    def delete(self, report_id: str) -> None:
        if not self.store.delete(report_id):
            raise NotFoundError("No report with that id.", "It may already have been deleted.")

    def download(self, report_id: str, fmt: str) -> Download:
        from infraprep.render import FORMATS

        spec = FORMATS.get(fmt)
        if spec is None:
            raise NotFoundError(
                f"Unknown format {fmt[:20]!r}.", "Use one of: " + ", ".join(FORMATS)
            )
        data = spec.render(self.get(report_id).plan())
        return Download(data, spec.media_type, f"infraprep-report{spec.extension}")

    # ------------------------------------------------------------ retention

    def purge_expired(self) -> int:
        self._last_purge = time.monotonic()
        cutoff = self._not_before()
        if cutoff is None:
            return 0
        gone = self.store.purge_before(cutoff)
        if gone:
            log.info(
                "retention: deleted %d report(s) older than %d days",
                gone,
                self.settings.retention_days,
            )
        return gone

    def _maybe_purge(self) -> None:
        with self._purge_lock:
            if time.monotonic() - self._last_purge < PURGE_EVERY_SECONDS:
                return
            self._last_purge = time.monotonic()  # claimed: concurrent requests skip
        self.purge_expired()
