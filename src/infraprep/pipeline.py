"""The whole pipeline as one call: CV and JD documents -> Plan.

The CLI and the web app both call this, so they cannot drift apart.
"""

from __future__ import annotations

import datetime as dt
from typing import cast

from infraprep.errors import UsageError
from infraprep.knowledge import KnowledgeBase, load_knowledge
from infraprep.models import LEVELS, Document, Level, Plan
from infraprep.parse import parse_posting, parse_profile
from infraprep.tailor import build_plan


def generate_plan(
    cv: Document,
    jd: Document,
    *,
    today: dt.date,
    kb: KnowledgeBase | None = None,
    interview_date: dt.date | None = None,
    hours_per_week: float = 6.0,
    level: str | None = None,
) -> Plan:
    """Parse both documents and tailor the knowledge base to them.

    ``level`` is the level the user applies at, when they know it better than the
    posting says (a job-family page lists every level from intermediate to manager).

    Raises:
        InputError: a document is empty or the JD is not a job posting.
        UsageError: the interview date or the hours are out of range.
    """
    kb = kb or load_knowledge()
    posting = parse_posting(jd, kb, applying_at=_known_level(level))
    profile = parse_profile(cv, today)
    return build_plan(
        profile,
        posting,
        kb,
        today=today,
        interview_date=interview_date,
        hours_per_week=hours_per_week,
    )


def _known_level(level: str | None) -> Level | None:
    if level is None:
        return None
    if level not in LEVELS:
        raise UsageError(f"There is no level '{level}'.", "Use one of: " + ", ".join(LEVELS))
    return cast(Level, level)
