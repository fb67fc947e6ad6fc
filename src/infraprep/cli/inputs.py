"""Turning the CLI's CV and JD arguments (path, '-', URL) into Documents."""

from __future__ import annotations

import datetime as dt
import sys
from pathlib import Path

from infraprep.errors import InputTooLargeError, UsageError
from infraprep.models import Document

MAX_STDIN_BYTES = 10 * 1024 * 1024


def load_document(arg: str, *, what: str) -> Document:
    """A path, '-' for standard input, or (for the JD) an http(s) URL."""
    from infraprep.ingest import read_document, read_path

    if arg == "-":
        data = sys.stdin.buffer.read(MAX_STDIN_BYTES + 1)
        if len(data) > MAX_STDIN_BYTES:
            raise InputTooLargeError(f"The {what} on standard input is over 10 MB.")
        return read_document(data, None)
    if arg.lower().startswith(("http://", "https://")):
        if what != "job description":
            raise UsageError(
                f"The {what} must be a local file, not a URL.",
                "Download it first; infraprep never uploads your CV anywhere.",
            )
        from infraprep.ingest.fetch import fetch_url

        return fetch_url(arg)
    return read_path(Path(arg))


def parse_date(value: str | None, option: str) -> dt.date | None:
    if value is None:
        return None
    try:
        return dt.date.fromisoformat(value)
    except ValueError as exc:
        raise UsageError(f"{option} {value!r} is not a date.", "Use YYYY-MM-DD.") from exc
