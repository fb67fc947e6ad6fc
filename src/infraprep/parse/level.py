"""Seniority of a posting: its title first, then a US federal GS grade, years asked for
and scope words ("set direction", "mentor", "across teams").

Some title words are not levels: a product, program or account *manager* manages
no people unless the body says so ("you will manage a team of..."), and an
innovation *fellow* is a programme, not a distinguished engineer. An *architect*
title is staff unless a grade or years say otherwise.
"""

from __future__ import annotations

import re

from infraprep.models import Level
from infraprep.parse.phrases import phrase_set

_TITLE_CUES: tuple[tuple[str, Level], ...] = (
    (r"\b(?:intern|internship|co-?op|apprentice)\b", "intern"),
    (r"\b(?:director|vice president|vp|head of)\b", "director"),
    (r"\b(?:engineering manager|manager|supervisor|supervisory)\b", "manager"),
    (r"\b(?:distinguished|principal|technical fellow|distinguished fellow)\b", "principal"),
    (r"\bstaff\b", "staff"),
    (r"\bgs-?15\b", "staff"),
    (r"\b(?:senior|sr\.?|lead|iii|iv|level 3|l5|gs-?14)\b", "senior"),
    (r"\bgs-?13\b", "senior"),
    (r"\b(?:junior|jr\.?|entry[- ]level|graduate|new grad|associate|trainee|i)\b", "junior"),
    (r"\b(?:ii|mid[- ]level|intermediate|level 2|gs-?1[12])\b", "mid"),
)

# Scope words, by how much they say. Leading the technical work of a programme
# or setting direction across teams is what staff engineers are hired for; a
# senior engineer is expected to mentor and influence too, so those words count
# half, and it takes two strong cues (or one and two weak) to lift a level.
_STRONG_SCOPE_CUES = (
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
    "technical leader",
    "architecture leadership",
    "technical lead",
    "lead the design",
    "drive the architecture",
    "define the roadmap",
    "thought leader",
    "lead technical",
)
_WEAK_SCOPE_CUES = ("influence", "mentor", "mentoring")
_LIFT = 2.0

_ORDER: tuple[Level, ...] = ("intern", "junior", "mid", "senior", "staff", "principal")

_TITLES = tuple((re.compile(pattern), level) for pattern, level in _TITLE_CUES)
# "Product Manager", "Technical Program Manager": a role, not a management level.
_ROLE_MANAGER = re.compile(
    r"\b(?:product|program|programme|project|account|delivery|engagement|content|community|"
    r"marketing|success|relationship|release|incident|partner|billing|logistics)\s+manager\b"
)
_MANAGES_PEOPLE = re.compile(
    r"\b(?:you will|you'll|you) (?:manage|lead and manage|hire and manage|manage and grow)"
    r"(?: and grow)? (?:a|the|your)? ?(?:\w+ )?(?:team|group|organi[sz]ation)s? of\b|"
    r"\bdirect reports\b|\bpeople manager\b",
)
_ARCHITECT = re.compile(r"\barchitect\b")
# "with up to 3 years of experience": the posting's own ceiling, so its range starts at 0
_YEARS_CEILING = re.compile(r"\b(?:up to|at most|no more than|maximum of)\s+(\d{1,2})\s+years?\b")
# "GS-15", "GS-14/GS-15", "GS-2210-14/15", "GS Grade Level: 13"
_GS = re.compile(
    r"\bgs(?:[- ]?\d{4})?[- ](\d{1,2})\b(?:\s*(?:/|,|-|to)\s*(?:gs-?)?(\d{1,2})\b)?|"
    r"\bgs grade level\W{0,6}(\d{1,2})\b"
)


def level_from_grade(grade: int) -> Level:
    """US federal General Schedule grade -> level: 13-14 senior, 15 staff."""
    if grade >= 15:
        return "staff"
    if grade >= 13:
        return "senior"
    if grade >= 11:
        return "mid"
    return "junior"


# "one year of specialized experience equivalent to the GS-12 level": the grade
# below the one hired at.
_LOWER_GRADE = re.compile(r"(?:equivalent to|experience at) (?:the )?$")


def _grades(text: str) -> tuple[int, int] | None:
    """The lowest and highest GS grade the posting hires at, if it names any."""
    found: list[int] = []
    for m in _GS.finditer(text):
        if _LOWER_GRADE.search(text, max(0, m.start() - 40), m.start()):
            continue  # the grade the applicant comes from, not the one hired at
        found.extend(int(g) for g in m.groups() if g and 5 <= int(g) <= 15)
    return (min(found), max(found)) if found else None


def _scope(body_low: str) -> tuple[list[str], float]:
    """The scope cues in the body, strong first, and their weight."""
    found = phrase_set(_STRONG_SCOPE_CUES + _WEAK_SCOPE_CUES).found(body_low)
    strong = sorted(found.intersection(_STRONG_SCOPE_CUES))
    weak = sorted(found.intersection(_WEAK_SCOPE_CUES))
    return strong + weak, len(strong) + len(weak) / 2


def _quoted(cues: list[str]) -> str:
    return ", ".join(f'"{cue}"' for cue in cues[:2])


def level_from_years(years: float) -> Level:
    if years < 2:
        return "junior"
    if years < 5:
        return "mid"
    if years < 8:
        return "senior"
    return "staff"


_SOUGHT = re.compile(
    r"\b(?:looking for|hiring|seeking|searching for)\s+(?:an?\s+|experienced\s+)?"
    r"(senior|staff|principal|junior|entry[- ]level)\s+(?:\w+\s+){0,2}?"
    r"(?:engineers?|developers?|sres?|administrators?|architects?)\b"
)


NO_LEVEL_STATED = "no level or years stated; assumed mid-level"


def title_cue(words: str) -> Level | None:
    """The level a title's words name ("Senior", "Staff", "Associate"), if any; a
    job-family page's level headings and "looking for senior engineers" read the same."""
    low = words.lower()
    return next((level for pattern, level in _TITLES if pattern.search(low)), None)


def infer_level(title: str, years: float | None, body: str) -> tuple[Level, str]:
    """The level and a one-line reason a reader can check.

    >>> infer_level("Security Engineer", None, "This position is set at a GS-15 level.")
    ('staff', 'GS-15')
    """
    low = title.lower()
    body_low = body.lower()
    role = _ROLE_MANAGER.search(low)
    if role:
        if _MANAGES_PEOPLE.search(body_low):
            return "manager", f'title says "{role.group(0)}" and the job manages people'
        low = low.replace(role.group(0), " ")
    grades = _grades(f"{low}\n{body_low}")
    for pattern, level in _TITLES:
        m = pattern.search(low)
        if m and not (grades and m.group(0) == "lead"):  # "Cloud Platform Lead", GS-15: staff
            return level, f'title says "{m.group(0)}"'
    scope, scope_weight = _scope(body_low)
    if grades is not None:
        low_grade, high_grade = grades
        level = level_from_grade(low_grade)
        reason = f"GS-{low_grade}" if low_grade == high_grade else f"GS-{low_grade}/{high_grade}"
        if high_grade > low_grade and _ARCHITECT.search(low):
            return level_from_grade(high_grade), reason + ' and title says "architect"'
        if high_grade > low_grade and scope_weight >= _LIFT:
            level = level_from_grade(high_grade)
            reason += f" and scope words ({_quoted(scope)})"
        return level, reason
    if _ARCHITECT.search(low) and years is None:
        return "staff", 'title says "architect"'
    sought = _SOUGHT.search(body_low)
    if sought is not None:
        # "We're looking for senior engineers to join the Teleport team": the page says
        # whom it hires, which beats a guess from the years it asks
        return title_cue(sought.group(1)) or "mid", f'the posting says "{sought.group(0)}"'
    ceiling = _YEARS_CEILING.search(body_low)
    if ceiling is not None and int(ceiling.group(1)) <= 3:
        return "junior", f'asks for "{ceiling.group(0)}"'
    if years is not None:
        level = level_from_years(years)
        reason = f"asks for {years:g}+ years"
        if scope_weight >= _LIFT and level in ("mid", "senior"):
            level = _ORDER[_ORDER.index(level) + 1]
            reason += f" and scope words ({_quoted(scope)})"
        return level, reason
    if scope_weight >= _LIFT:
        return "senior", f"no level in the title; scope words ({_quoted(scope)})"
    return "mid", NO_LEVEL_STATED
