"""CV -> ``Profile``: positions with their bullets, education, skills, technologies.

Positions are read from the experience section by ``parse.positions``; this
module finds the sections and the rest of the profile around them.
"""

from __future__ import annotations

import datetime as dt
import re

from infraprep.errors import EmptyInputError
from infraprep.models import Contact, Document, Education, Position, Profile
from infraprep.parse.dates import total_years
from infraprep.parse.lines import Line, file_line_numbers, numbered_lines
from infraprep.parse.metrics import metrics_in
from infraprep.parse.position_header import ROLE_WORDS
from infraprep.parse.position_lines import DEGREE_NAMES
from infraprep.parse.position_undated import is_service_heading, undated_positions
from infraprep.parse.positions import read_positions
from infraprep.parse.sections import (
    CV_SECTIONS,
    cv_heading_classifier,
    section_of,
    split_sections,
)
from infraprep.parse.technologies import canonical_technologies

_EMAIL = re.compile(r"[\w.+-]+@[\w-]+(?:\.[\w-]+)+")
_PHONE = re.compile(r"(?:\+\d{1,3}[\s.-]?)?(?:\(?\d{2,4}\)?[\s.-]?){2,4}\d{3,4}")
_LINK = re.compile(r"(?:https?://|www\.)\S+|\b(?:linkedin\.com|github\.com)/\S+", re.IGNORECASE)
_NAME = re.compile(r"^[A-Z][A-Za-z'’.-]+(?:\s+[A-Z][A-Za-z'’.-]*){1,3}$")
_DEGREE = re.compile(rf"\b(?:{DEGREE_NAMES}|university|college)", re.IGNORECASE)
_SKILL_SPLIT = re.compile(r"\s*(?:[,;|•·]|\s/\s)\s*")


_FIELD_SEPARATOR = re.compile(r"\s[·|•]\s|\s[-–—]\s|\s{2,}")


def _ranges(positions: list[Position]) -> list[tuple[str, str]]:
    return [(p.start, p.end) for p in positions if p.start and p.end]


def is_contact_line(text: str) -> bool:
    """A line that is only contact details: an email, a phone number, a profile link.

    Such lines are never evidence ("github.com/alex" is no GitHub experience), and
    contact details never appear in a report. A bullet that links its project and
    says what it is keeps its words, so it stays evidence.
    """
    rest = _LINK.sub(" ", _EMAIL.sub(" ", text))
    rest = _PHONE.sub(" ", rest)
    if rest == text:
        return False
    if len(re.findall(r"[A-Za-z]{2,}", rest)) < 3:
        return True
    # "Platform Engineer · Manchester, UK · jo@example.com · github.com/jo": a header
    # line of short fields around the contact details, not a sentence about work
    parts = [p for p in _FIELD_SEPARATOR.split(rest) if p.strip(" ,")]
    return len(parts) >= 2 and all(len(p.split()) <= 4 for p in parts)


def _contact(text: str) -> Contact:
    email = _EMAIL.search(text)
    phone = next(
        (
            m.group(0).strip()
            for m in _PHONE.finditer(text)
            if len(re.sub(r"\D", "", m.group(0))) >= 9
            and not re.fullmatch(r"[\d\s-]{9}", m.group(0))
        ),
        None,
    )
    links = tuple(dict.fromkeys(m.group(0).rstrip(").,") for m in _LINK.finditer(text)))
    return Contact(email=email.group(0) if email else None, phone=phone, links=links[:6])


def _name(lines: list[Line]) -> str | None:
    for line in lines[:6]:
        text = line.text.strip()
        if (
            _NAME.match(text)
            and not ROLE_WORDS.search(text)
            and section_of(line, CV_SECTIONS) is None
            and "@" not in text
        ):
            return text
    return None


def _education(lines: list[Line]) -> list[Education]:
    out: list[Education] = []
    for line in lines:
        if _DEGREE.search(line.text):
            year = re.findall(r"\b(?:19|20)\d\d\b", line.text)
            out.append(
                Education(
                    degree=line.text[:120],
                    institution=None,
                    year=year[-1] if year else None,
                    line=line.no,
                )
            )
    return out[:6]


def _skills(lines: list[Line]) -> list[str]:
    skills: dict[str, None] = {}
    for line in lines:
        text = line.text.split(":", 1)[1] if ":" in line.text[:40] else line.text
        for part in _SKILL_SPLIT.split(text):
            part = re.sub(r"\(.*?\)", "", part).strip(" .")
            if 1 < len(part) <= 40:
                skills.setdefault(part, None)
    return list(skills)


def parse_profile(doc: Document, today: dt.date) -> Profile:
    """Read a CV. ``today`` resolves "present" so that results are reproducible.

    Raises:
        EmptyInputError: the document has no text.
    """
    lines = numbered_lines(doc)
    if not lines:
        raise EmptyInputError("The CV is empty.")
    sections = split_sections(lines, CV_SECTIONS, classify=cv_heading_classifier(lines))
    by_name: dict[str, list[Line]] = {}
    for name, _head, body in sections:
        by_name.setdefault(name, []).extend(body)
    # each experience section on its own: a header never reaches above its heading
    # into the end of the section before
    experience = [body for name, _h, body in sections if name == "experience"] or [
        [ln for name, _h, body in sections if name in ("top", "summary", "projects") for ln in body]
    ]
    # dated roles under a volunteer or service heading are positions as well
    # ("Volunteering & Memberships / Mentor, CodeBridge Leeds — 2019 – Present")
    service = [
        body
        for name, head, body in sections
        if name not in ("experience", "education") and head is not None and is_service_heading(head)
    ]
    readings = [read_positions(body) for body in experience]
    # the years of experience are of work: a student's clubs add none
    work = [p for found, _ in readings for p in found]
    if work:
        readings += [read_positions(body) for body in service]
    else:
        # the jobs sit under a heading we did not read as experience (two-column
        # layouts mix sections); dated lines under Education are still studies
        others = [ln for name, _h, body in sections if name != "education" for ln in body]
        readings = [read_positions(others)]
        work = readings[0][0]
    positions = [p for found, _ in readings for p in found]
    # roles listed with no dates under a volunteer, service or leadership heading,
    # wherever it stands; never a line a dated position's header already took
    taken = frozenset(
        {n for _, header_lines in readings for n in header_lines}
        | {p.line for p in positions if p.line is not None}
    )
    positions += undated_positions(lines, taken)
    headings = {ln.no: head.text for _name, head, body in sections if head for ln in body}
    full_text = "\n".join(line.text for line in lines)
    tech_lines: dict[str, int] = {}
    for line in lines:
        for tech in canonical_technologies(line.text):
            tech_lines.setdefault(tech, line.no)
    metrics = [m for p in positions for b in p.bullets for m in metrics_in(b)]
    ranges = _ranges(work) or _ranges(positions)
    name = _name(lines)
    headline = None
    if name:
        idx = next(i for i, ln in enumerate(lines) if ln.text.strip() == name)
        if (
            idx + 1 < len(lines)
            and ROLE_WORDS.search(lines[idx + 1].text)
            and len(lines[idx + 1].text) < 100
        ):
            headline = lines[idx + 1].text
    return Profile(
        name=name,
        headline=headline,
        contact=_contact(full_text),
        positions=tuple(positions),
        education=tuple(_education(by_name.get("education", []))),
        skills=tuple(_skills(by_name.get("skills", []))),
        technologies=tuple(tech_lines),
        technology_lines=tech_lines,
        years_experience=total_years(ranges, today) if ranges else None,
        metrics=tuple(dict.fromkeys(metrics)),
        lines=tuple(line.text for line in lines),
        line_numbers=file_line_numbers(lines),
        headings=headings,
    )
