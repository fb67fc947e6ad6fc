"""Logging for the server: no CV or JD text ever, and no report ids (they are access keys).

uvicorn's access log would print every path, ``/reports/<id>`` included, so
anyone reading the log could open every report; ``RedactReportIds`` rewrites
those paths before they are written.
"""

from __future__ import annotations

import logging
import re
from typing import Any

_REPORT_PATH = re.compile(r"(/reports/)[^/?\s]+")


def redact(path: str) -> str:
    return _REPORT_PATH.sub(r"\1<id>", path)


class RedactReportIds(logging.Filter):
    def filter(self, record: logging.LogRecord) -> bool:
        if isinstance(record.args, tuple):
            record.args = tuple(redact(a) if isinstance(a, str) else a for a in record.args)
        record.msg = redact(str(record.msg))
        return True


def log_config() -> dict[str, Any]:
    """uvicorn's default logging, with report ids redacted and our own logger on stderr."""
    from uvicorn.config import LOGGING_CONFIG

    config: dict[str, Any] = {
        **LOGGING_CONFIG,
        "filters": {"redact": {"()": "infraprep.web.logs.RedactReportIds"}},
    }
    config["handlers"] = {
        name: {**handler, "filters": ["redact"]}
        for name, handler in LOGGING_CONFIG["handlers"].items()
    }
    config["loggers"] = {
        **LOGGING_CONFIG["loggers"],
        "infraprep": {"handlers": ["default"], "level": "INFO", "propagate": False},
    }
    return config
