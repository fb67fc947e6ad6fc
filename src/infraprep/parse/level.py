"""Seniority of a posting, from its title first, then years asked for and scope words."""

from __future__ import annotations

import re

from infraprep.models import Level

_TITLE_CUES: tuple[tuple[str, Level], ...] = (
    (r"\b(?:intern|internship|co-?op|apprentice)\b", "intern"),
    (r"\b(?:director|vice president|vp|head of)\b", "director"),
    (r"\b(?:engineering manager|manager|supervisor)\b", "manager"),
    (r"\b(?:distinguished|principal|fellow|architect)\b", "principal"),
    (r"\bstaff\b", "staff"),
    (r"\bgs-?15\b", "staff"),
    (r"\b(?:senior|sr\.?|lead|iii|iv|level 3|l5|gs-?14)\b", "senior"),
    (r"\bgs-?13\b", "senior"),
    (r"\b(?:junior|jr\.?|entry[- ]level|graduate|new grad|associate|trainee|i)\b", "junior"),
    (r"\b(?:ii|mid[- ]level|intermediate|level 2|gs-?1[12])\b", "mid"),
)

_SCOPE_CUES = (
    "set technical direction",
    "set direction",
    "technical direction",
    "technical strategy",
    "across teams",
    "across the organization",
    "across the organisation",
    "organization-wide",
    "company-wide",
    "org-wide",
    "multi-team",
    "mentor senior",
    "technical leadership",
    "lead the design",
    "drive the architecture",
    "define the roadmap",
    "influence",
    "thought leader",
    "lead technical",
    "mentor",
    "mentoring",
)

_ORDER: tuple[Level, ...] = ("intern", "junior", "mid", "senior", "staff", "principal")


def level_from_years(years: float) -> Level:
    if years < 2:
        return "junior"
    if years < 5:
        return "mid"
    if years < 8:
        return "senior"
    return "staff"


def infer_level(title: str, years: float | None, body: str) -> tuple[Level, str]:
    """The level and a one-line reason a reader can check."""
    low = title.lower()
    for pattern, level in _TITLE_CUES:
        m = re.search(pattern, low)
        if m:
            if level == "principal" and m.group(0) == "architect" and years is not None:
                level = level_from_years(years) if years < 8 else "staff"
            return level, f'title says "{m.group(0)}"'
    body_low = body.lower()
    scope = sorted({cue for cue in _SCOPE_CUES if cue in body_low})
    if years is not None:
        level = level_from_years(years)
        reason = f"asks for {years:g}+ years"
        if len(scope) >= 2 and level in ("mid", "senior"):
            level = _ORDER[_ORDER.index(level) + 1]
            reason += f' and scope words ("{scope[0]}", "{scope[1]}")'
        return level, reason
    if len(scope) >= 2:
        return "senior", f'no level in the title; scope words ("{scope[0]}", "{scope[1]}")'
    return "mid", "no level or years stated; assumed mid-level"
