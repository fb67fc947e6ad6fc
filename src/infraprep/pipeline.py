"""The whole pipeline as one call: CV and JD documents -> Plan.

The CLI and the web app both call this, so they cannot drift apart.
"""

from __future__ import annotations

import datetime as dt

from infraprep.knowledge import KnowledgeBase, load_knowledge
from infraprep.models import Document, Plan
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
) -> Plan:
    """Parse both documents and tailor the knowledge base to them.

    Raises:
        InputError: a document is empty or the JD is not a job posting.
        UsageError: the interview date or the hours are out of range.
    """
    kb = kb or load_knowledge()
    posting = parse_posting(jd, kb)
    profile = parse_profile(cv, today)
    return build_plan(
        profile,
        posting,
        kb,
        today=today,
        interview_date=interview_date,
        hours_per_week=hours_per_week,
    )
