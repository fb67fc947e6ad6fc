"""How a piece of evidence reads in a report: 'JD line 12: "..."'."""

from __future__ import annotations

from infraprep.models import Evidence

_SOURCE = {"jd": "JD", "cv": "CV", "knowledge": "Guide"}


def cite(ev: Evidence, limit: int = 160) -> str:
    where = _SOURCE[ev.source] + (f" line {ev.line}" if ev.line else "")
    text = ev.text if len(ev.text) <= limit else ev.text[: limit - 1].rstrip() + "…"
    note = f" ({ev.note})" if ev.note and ev.source != "knowledge" else ""
    quoted = f"“{text}”" if ev.source != "knowledge" else text
    return f"{where}{note}: {quoted}"


def label(ev: Evidence) -> str:
    return _SOURCE[ev.source] + (f" line {ev.line}" if ev.line else "")
