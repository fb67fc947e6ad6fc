"""Where the web app keeps reports: SQLite by default, SQL kept portable for PostgreSQL.

Not part of the pipeline: the pipeline never imports it.
"""

from infraprep.store.reports import ReportStore, StoredReport, new_report_id, sqlite_url

__all__ = ["ReportStore", "StoredReport", "new_report_id", "sqlite_url"]
