"""Section headings of CVs and job descriptions, mapped to a small set of names.

Postings and CVs use dozens of headings for the same thing ("What you'll
bring", "Qualifications", "You have"); the parsers only need to know which
part of the document a line is in.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Callable

from infraprep.parse.lines import Line
from infraprep.parse.position_header import ENDS_WITH_ROLE

JD_SECTIONS: dict[str, tuple[str, ...]] = {
    "about": (
        "about us",
        "about the company",
        "who we are",
        "our company",
        "company overview",
        "about",
        "our mission",
        "overview",
        "the company",
    ),
    "role": (
        "about this job",
        "about the role",
        "about this role",
        "the role",
        "role summary",
        "position summary",
        "job summary",
        "summary",
        "the opportunity",
        "job description",
        "position overview",
        "description",
        "the team",
        "about the team",
    ),
    "responsibilities": (
        "responsibilities",
        "key responsibilities",
        "what you'll do",
        "what you will do",
        "what you’ll do",
        "your responsibilities",
        "duties",
        "job duties",
        "in this role you will",
        "you will",
        "the work",
        "key objectives",
        "objectives",
        "day to day",
        "day-to-day",
        "what you'll be doing",
        "your impact",
        "role and responsibilities",
        "specific duties",
    ),
    "requirements": (
        "requirements",
        "qualifications",
        "minimum qualifications",
        "basic qualifications",
        "required qualifications",
        "what you'll need",
        "what you will need",
        "what you need",
        "what we're looking for",
        "what we are looking for",
        "who you are",
        "you have",
        "you should have",
        "must have",
        "must-haves",
        "skills",
        "required skills",
        "skills and experience",
        "experience",
        "requirements and qualifications",
        "about you",
        "what you bring",
        "what you'll bring",
        "your background",
        "key skills",
        "technical skills",
        "required experience",
        "specialized experience",
        "desired skills and experience",
        "skills & qualifications",
        "job requirements",
        "desired skills",
        "desired experience",
        "skills and requirements",
    ),
    # "## Evaluations: ... measuring your possession of each of the following competencies"
    # (TTS): the list is what the application is scored on
    "evaluation": (
        "evaluations",
        "evaluation",
        "evaluation criteria",
        "how you will be evaluated",
        "how you'll be evaluated",
        "how you’ll be evaluated",
    ),
    "nice": (
        "nice to have",
        "nice-to-have",
        "nice to haves",
        "preferred qualifications",
        "preferred",
        "bonus",
        "bonus points",
        "pluses",
        "plus",
        "desired qualifications",
        "preferred skills",
        "extra credit",
        "it would be great if",
        "ideally",
        "good to have",
        "additional qualifications",
        "bonus skills",
        "preferred experience",
    ),
    "process": (
        "interview process",
        "hiring process",
        "our interview process",
        "what to expect",
        "the process",
        "how to apply",
        "recruitment process",
        "next steps",
    ),
    # A federal posting's conditions of employment and how applications are scored:
    # citizenship, a background check, direct deposit; no skill a CV could show
    "conditions": (
        "key requirements",
        "employment requirements",
        "conditions of employment",
        "condition of employment",
        "application evaluation",
        "how you will be evaluated",
    ),
    "benefits": (
        "benefits",
        "perks",
        "what we offer",
        "compensation",
        "salary",
        "why join us",
        "perks and benefits",
        "equal opportunity",
        "eeo",
        "location",
        "pay",
    ),
}

CV_SECTIONS: dict[str, tuple[str, ...]] = {
    "summary": (
        "summary",
        "profile",
        "professional summary",
        "about me",
        "objective",
        "career objective",
        "career summary",
        "overview",
    ),
    "experience": (
        "experience",
        "work experience",
        "professional experience",
        "employment",
        "employment history",
        "work history",
        "career history",
        "relevant experience",
        "experience summary",
        "professional background",
        "career",
        "employment record",
        "work record",
        "academic career",
        "professional career",
        "appointments",
        "academic appointments",
        "positions",
        "positions held",
        "academic positions",
        "teaching experience",
        "research experience",
        "other roles",
        "other positions",
        "additional roles",
    ),
    "education": (
        "education",
        "academic background",
        "qualifications",
        "academics",
        "education and training",
        "academic qualifications",
    ),
    "skills": (
        "skills",
        "technical skills",
        "core skills",
        "key skills",
        "technologies",
        "tools",
        "skills & tools",
        "technical proficiencies",
        "core competencies",
        "competencies",
        "tech stack",
        "skills and tools",
        "it skills",
        "languages",
    ),
    "projects": (
        "projects",
        "personal projects",
        "open source",
        "side projects",
        "selected projects",
        "key projects",
    ),
    "certifications": (
        "certifications",
        "certificates",
        "licenses",
        "certificate",
        "licenses & certifications",
        "awards",
        "achievements",
        "publications",
        "selected publications",
        "other publications",
        "papers",
        "peer-reviewed papers",
        "honors",
        "honours",
        "awards and honors",
        "honors and awards",
        "grants",
        "talks",
        "presentations",
    ),
    "other": (
        "links",
        "additional information",
        "interests",
        "hobbies",
        "references",
        "volunteer",
        "volunteering",
        "activities",
        "contact",
    ),
}

# The last word of a short CV heading names its section ("Professional Work Experience",
# "Career Experience/Job History", "Academic (Teaching Experience):").
CV_HEADING_TAILS: dict[str, str] = {
    "experience": "experience",
    "experiences": "experience",
    "employment": "experience",
    "history": "experience",
    "career": "experience",
    "appointments": "experience",
    "positions": "experience",
    "education": "education",
    "skills": "skills",
    "projects": "projects",
    "certifications": "certifications",
    "publications": "certifications",
    "awards": "certifications",
    "honors": "certifications",
    "honours": "certifications",
}

_HEADING_SHAPE = re.compile(r"^[A-Za-z][A-Za-z &/'’,+-]{1,60}:?$")
_TAIL_SHAPE = re.compile(r"^[A-Za-z][A-Za-z &/'’,+()-]{1,50}:?$")


def _normal(text: str) -> str:
    text = text.lower().strip().rstrip(":").strip()
    return re.sub(r"\s+", " ", text.replace("’", "'"))


def _tail_section(line: Line, tails: dict[str, str]) -> str | None:
    """The section named by the last word of a heading-shaped line of at most five words.

    Only a line that looks like a heading counts (heading kind, capitals, a colon, or
    every word capitalised): "Teaching Experience" opens a section, "some experience"
    does not.
    """
    text = line.text.strip()
    words = re.findall(r"[A-Za-z'’]+", text)
    if line.kind == "list_item" or not words or len(words) > 5 or not _TAIL_SHAPE.match(text):
        return None
    looks_like_heading = (
        line.is_heading
        or text.isupper()
        or text.endswith(":")
        # "Tenure-line Academic Positions": a hyphenated word is capitalised at its start
        or all(t[0].isupper() for t in text.split() if len(t) > 3 and t[0].isalpha())
    )
    return tails.get(words[-1].lower()) if looks_like_heading else None


def section_of(
    line: Line, table: dict[str, tuple[str, ...]], tails: dict[str, str] | None = None
) -> str | None:
    """The section a heading line opens, or None when the line is not a heading.

    A known heading name counts when it stands alone on a short line; layout
    (heading kind, all capitals, trailing colon) is only a tie-breaker, since
    PDF and text CVs often lose it. ``tails`` maps the last word of other short
    headings to a section (``CV_HEADING_TAILS``).
    """
    text = line.text.strip()
    if len(text) > 70 or not _HEADING_SHAPE.match(text.replace("&amp;", "&")):
        return _tail_section(line, tails) if tails else None
    norm = _normal(text)
    for name, heads in table.items():
        if norm in heads:
            return name
    # "Requirements:" with a trailing clause, or "Preferred Qualifications (a plus)"
    if line.is_heading or text.isupper() or text.endswith(":"):
        for name, heads in table.items():
            if any(norm.startswith(h + " ") for h in heads if len(h) > 4):
                return name
    return _tail_section(line, tails) if tails else None


# Words that say what a JD heading the table does not list is about, tried in
# order: "Nice-to-haves", "Staff Requirements", "You may be a fit to this role if
# you", "Projects you could work on", "VP of Infrastructure Responsibilities".
JD_HEADING_CUES: tuple[tuple[str, re.Pattern[str]], ...] = (
    (
        "nice",
        re.compile(
            r"\b(?:nice[- ]to[- ]haves?|bonus|a plus|pluses|preferred|ideally|extra credit|"
            r"stand out|desire to learn|some of the following)\b",
            re.I,
        ),
    ),
    (
        "benefits",
        re.compile(r"\b(?:benefits?|perks|compensation|salary|job grade|pay|locations?)\b", re.I),
    ),
    (
        "process",
        re.compile(r"\b(?:interview|hiring process|how to apply|next steps|contact)\b", re.I),
    ),
    (
        "requirements",
        re.compile(
            r"\b(?:requirements?|qualifications?|a (?:good )?fit|looking for|you (?:have|bring)|"
            r"you(?:'|’)ve got|you(?:'|’)re an?|thrive|skills|must[- ]haves?|"
            r"tech|tech stack|technolog(?:y|ies)|stack|tools|areas of expertise)\b",
            re.I,
        ),
    ),
    (
        "responsibilities",
        re.compile(
            r"\b(?:responsibilit\w*|responsibilties|duties|you will|you(?:'|’)ll|your role|"
            r"what you(?:'|’)ll do|could work on|may work on|day[- ]to[- ]day|"
            r"what you can expect in (?:an?|the|this)\b)\b",
            re.I,
        ),
    ),
)


_BENEFITS_WORD = re.compile(r"\b(?:benefits?|perks)\b", re.I)
_NUMBERED_OBJECTIVE = re.compile(r"^(?:key\s+)?objective\s*#?\s*\d+\b", re.I)


def jd_heading_section(line: Line) -> str | None:
    """The section a JD heading opens: the table's names first, then its cue words.

    Only a line the document marks as a heading (Markdown ``##``, a DOCX heading
    style) is read by cue words; any other such heading opens an ``other``
    section, so a "Performance Indicators" or "Gitaly" list under it is not read
    as the job's requirements.
    """
    if line.kind == "list_item":
        return None  # "- Technical Skills in three or more of the following:" is a requirement
    name = section_of(line, JD_SECTIONS)
    if name is not None and not line.is_heading and _BENEFITS_WORD.search(line.text):
        return "benefits"  # "You will have access to many benefits including:"
    if name is not None or not line.is_heading:
        return name
    if _NUMBERED_OBJECTIVE.match(line.text):
        # "Key objective #3: Promote the adoption of modern technology practices": a duty
        # heading, whatever its words ("technology" would make it a requirements list)
        return "responsibilities"
    for section, cue in JD_HEADING_CUES:
        if cue.search(line.text):
            return section
    return "other"


_ENTRY_LABELS = ("skills", "projects")


_CV_HEADINGS = frozenset(h for heads in CV_SECTIONS.values() for h in heads)


def _cv_section(line: Line) -> str | None:
    """The CV section a line opens. A heading that only starts with a section's name
    and ends with a person ("Volunteer Network Coordinator") is a role's title."""
    name = section_of(line, CV_SECTIONS, CV_HEADING_TAILS)
    titled = _normal(line.text) not in _CV_HEADINGS and ENDS_WITH_ROLE.search(line.text)
    return None if name is not None and titled else name


def cv_heading_classifier(lines: list[Line]) -> Callable[[Line], str | None]:
    """How a CV's headings are read: by ``CV_SECTIONS`` and ``CV_HEADING_TAILS``, except
    a Skills or Projects heading the CV writes more than once.

    "Technologies:" or "Projects:" under each job is a label of the entry, and reading
    it as a heading would end the experience section at the first job. Other headings
    may repeat: a file of several CVs, a running head.
    """
    names = [(_normal(line.text), _cv_section(line)) for line in lines]
    counts = Counter(text for text, name in names if name in _ENTRY_LABELS)
    by_line = {
        line.no: None if counts.get(text, 0) > 1 else name
        for line, (text, name) in zip(lines, names, strict=True)
    }
    return lambda line: by_line.get(line.no)


def split_sections(
    lines: list[Line],
    table: dict[str, tuple[str, ...]],
    first: str = "top",
    tails: dict[str, str] | None = None,
    classify: Callable[[Line], str | None] | None = None,
) -> list[tuple[str, Line | None, list[Line]]]:
    """Group lines under the section headings that precede them.

    ``classify`` replaces the table lookup when a document kind reads headings
    its own way (``jd_heading_section``).
    """
    out: list[tuple[str, Line | None, list[Line]]] = [(first, None, [])]
    for line in lines:
        name = classify(line) if classify else section_of(line, table, tails)
        head, body = out[-1][1], out[-1][2]
        if name == "other" and head is not None and 0 < head.level < line.level:
            name = None  # "#### Technical" under "### Requirements" is a part of it
        elif name == "other" and len(out) == 1 and not body:
            name = None  # the document's own title heading opens nothing
        if name is not None:
            out.append((name, line, []))
        else:
            out[-1][2].append(line)
    return out
