"""CV -> ``Profile``: positions with their bullets, education, skills, technologies.

Layouts vary without end, so positions are found from what every layout has:
a date range. The one or two short lines around it are the title and the
company; the lines after it, up to the next position, are its bullets.
"""

from __future__ import annotations

import datetime as dt
import re

from infraprep.errors import EmptyInputError
from infraprep.models import Contact, Document, Education, Position, Profile
from infraprep.parse.dates import find_range, total_years
from infraprep.parse.lines import Line, numbered_lines
from infraprep.parse.metrics import metrics_in
from infraprep.parse.sections import CV_SECTIONS, section_of, split_sections
from infraprep.parse.technologies import canonical_technologies

ROLE_WORDS = re.compile(
    r"\b(?:engineer|engineering|developer|administrator|admin|architect|manager|lead|intern|"
    r"internship|consultant|analyst|sre|devops|specialist|scientist|director|head|officer|"
    r"programmer|technician|designer|owner|associate|founder|co-founder|cto|vp|president|"
    r"member of technical staff|mts|operator|tester|trainee|fellow|researcher|coordinator|"
    r"executive|assistant|representative|support|administrador)\b",
    re.IGNORECASE,
)
_EMAIL = re.compile(r"[\w.+-]+@[\w-]+(?:\.[\w-]+)+")
_PHONE = re.compile(r"(?:\+\d{1,3}[\s.-]?)?(?:\(?\d{2,4}\)?[\s.-]?){2,4}\d{3,4}")
_LINK = re.compile(r"(?:https?://|www\.)\S+|\b(?:linkedin\.com|github\.com)/\S+", re.IGNORECASE)
_NAME = re.compile(r"^[A-Z][A-Za-z'’.-]+(?:\s+[A-Z][A-Za-z'’.-]*){1,3}$")
_DEGREE = re.compile(
    r"\b(?:b\.?\s?(?:e|tech|sc|s|a)\b\.?|m\.?\s?(?:e|tech|sc|s|a|ca)\b\.?|bachelor|master|"
    r"ph\.?\s?d|doctorate|mba|bca|mca|diploma|associate of|degree|university|college)",
    re.IGNORECASE,
)
_SPLIT_HEADER = re.compile(r"\s+(?:—|–|-|\||@|at)\s+|,\s+|\s+·\s+")
_SKILL_SPLIT = re.compile(r"\s*(?:[,;|•·]|\s/\s)\s*")
UNTITLED = "Untitled position"  # the title of a position whose header names no title


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


def _split_title_company(header: list[str]) -> tuple[str, str | None]:
    """Pick the title (the part with a role word) and the company from header text."""
    parts: list[str] = []
    for text in header:
        parts.extend(p.strip(" -–—|,") for p in _SPLIT_HEADER.split(text) if p.strip(" -–—|,"))
    if not parts:
        return UNTITLED, None
    titled = [p for p in parts if ROLE_WORDS.search(p)]
    title = titled[0] if titled else parts[0]
    rest = [p for p in parts if p != title and not re.fullmatch(r"[\s\d()/-]*", p)]
    # The first line of a two-line header is usually the more important one; a company
    # line often trails a city ("INFOSYS LIMITED - Pune, Maharashtra").
    company = rest[0] if rest else None
    return title, company


def _is_header_candidate(line: Line) -> bool:
    return (
        line.kind != "list_item"
        and len(line.text) <= 100
        and len(line.text.split()) <= 14
        and not line.text.endswith(".")
    )


def _positions(lines: list[Line]) -> list[Position]:
    anchors: list[int] = []
    for i, line in enumerate(lines):
        rng = find_range(line.text)
        if rng is not None and not _DEGREE.search(line.text):
            anchors.append(i)
    positions: list[Position] = []
    consumed_until = -1
    headers: list[tuple[int, int, int]] = []  # (header_start, anchor, header_end)
    for a in anchors:
        start = a
        back = 0
        while (
            start - 1 > consumed_until
            and back < 2
            and _is_header_candidate(lines[start - 1])
            and find_range(lines[start - 1].text) is None
        ):
            start -= 1
            back += 1
        end = a
        if (
            back == 0
            and a + 1 < len(lines)
            and _is_header_candidate(lines[a + 1])
            and (ROLE_WORDS.search(lines[a + 1].text))
        ):
            end = a + 1
        headers.append((start, a, end))
        consumed_until = end
    for n, (start, a, end) in enumerate(headers):
        rng = find_range(lines[a].text)
        assert rng is not None
        anchor_rest = (lines[a].text[: rng.span[0]] + " " + lines[a].text[rng.span[1] :]).strip(
            " ,|-–—()",
        )
        header_texts = [lines[i].text for i in range(start, end + 1) if i != a]
        if anchor_rest and len(anchor_rest) > 2:
            header_texts.append(anchor_rest)
        title, company = _split_title_company(header_texts)
        stop = headers[n + 1][0] if n + 1 < len(headers) else len(lines)
        bullets = [
            ln
            for ln in lines[end + 1 : stop]
            if ln.kind == "list_item" or len(ln.text.split()) >= 5
        ]
        positions.append(
            Position(
                title=title,
                company=company,
                start=rng.start,
                end=rng.end,
                bullets=tuple(b.text for b in bullets),
                bullet_lines=tuple(b.no for b in bullets),
                line=lines[start].no,
            )
        )
    return positions


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
    sections = split_sections(lines, CV_SECTIONS)
    by_name: dict[str, list[Line]] = {}
    for name, _head, body in sections:
        by_name.setdefault(name, []).extend(body)
    exp_lines = by_name.get("experience") or [
        ln for name, _h, body in sections if name in ("top", "summary", "projects") for ln in body
    ]
    positions = _positions(exp_lines)
    if not positions and by_name.get("experience"):
        positions = _positions(lines)
    full_text = "\n".join(line.text for line in lines)
    tech_lines: dict[str, int] = {}
    for line in lines:
        for tech in canonical_technologies(line.text):
            tech_lines.setdefault(tech, line.no)
    metrics = [m for p in positions for b in p.bullets for m in metrics_in(b)]
    ranges = [(p.start, p.end) for p in positions if p.start and p.end]
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
    )
