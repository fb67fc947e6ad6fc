"""What one line of an experience section is: a header line, page furniture, a
sub-heading, a degree, a list of tools, a line that is only its dates.

``positions`` finds the header around each date range by asking these questions of
the lines next to it; each answer depends on the line alone.
"""

from __future__ import annotations

import re

from infraprep.parse.dates import DateRange
from infraprep.parse.lines import Line
from infraprep.parse.position_header import (
    ABBREV_END,
    LINK,
    ROLE_WORDS,
    reads_as_sentence,
    trim_part,
)
from infraprep.parse.technologies import find_technologies

# Names of degrees ("B.Tech", "M.Sc", "PhD", "Diploma"), as a regex fragment.
DEGREE_NAMES = (
    r"b\.?\s?(?:e|tech|sc|s|a)\b\.?|m\.?\s?(?:e|tech|sc|s|a|ca)\b\.?|bachelor|master|"
    r"ph\.?\s?d|doctorate|mba|bca|mca|diploma|associate of|degree"
)
# Degree words: a dated line naming one is education, not a job.
DEGREE_WORDS = re.compile(rf"\b(?:{DEGREE_NAMES}|gpa|cgpa)", re.IGNORECASE)
# "Columbia, MS", "Boston, MA": a state after a comma, not a Master of Science.
_STATE_LIKE_DEGREE = re.compile(r",\s*(?:MS|MA|ME)\b")


def names_a_degree(text: str) -> bool:
    return bool(DEGREE_WORDS.search(_STATE_LIKE_DEGREE.sub("", text)))


# A page's running head or footer ("Annie Keely, Curriculum Vitae, April 2013", "Page 2
# of 3"), and a bare page number ("2 / 3", "- 2 -")
_RUNNING_HEAD = re.compile(
    r"\b(?:curriculum vitae|r[ée]sum[ée]|cv)\b(?!\s*\w)|\bpage\s+\d+\b", re.IGNORECASE
)
_PAGE_MARK = re.compile(r"^(?:\d+\s*/\s*\d+|-\s*\d+\s*-)$")


def is_skippable(line: Line) -> bool:
    """Page furniture inside a header (a page's link footer, "Page 2 of 3", "Annie Keely,
    Curriculum Vitae, April 2013"): read past it."""
    text = line.text.strip()
    return (
        bool(_PAGE_MARK.match(text))
        or (bool(LINK.search(text)) and len(text.split()) <= 3)
        or (bool(_RUNNING_HEAD.search(text)) and len(text.split()) <= 8)
    )


# Sub-headings inside an entry, written without their colon, and the column labels of
# an entry laid out as a table ("Industry / Position / Technologies").
_SUBHEADING = re.compile(
    r"^(?:(?:key |roles? (?:and|&) )?responsibilit(?:y|ies)|achievements?|accomplishments?|"
    r"projects?|project details|environment|tools used|technologies(?: used)?|duties|"
    r"industry|position|company|employer|designation|dates?|period|"
    r"(?:role|title|position)s? (?:and|&) (?:company|employer|organi[sz]ation)|"
    r"what (?:you|I) did|details|description|"
    r"certifications?(?:[ /&]+licen[sc]es?)?|licen[sc]es?|skills|summary|resume)$",
    re.IGNORECASE,
)


# Words of a heading over a group of entries ("CAMPUS LEADERSHIP", "Professional
# Affiliations"): a line made only of them heads a list, not one position.
_GROUP_HEADING = re.compile(
    r"^(?:(?:campus|leadership|professional|affiliations?|community|involvement|volunteer(?:ing)?|"
    r"experiences?|related|relevant|activities|extracurricular|service|employment|history|work|"
    r"additional|other|teaching|research|academic|student|memberships|organi[sz]ations|and|&|of)"
    r"[\s:,/]*)+$",
    re.IGNORECASE,
)


def is_group_heading(text: str) -> bool:
    return bool(_GROUP_HEADING.match(text.strip()))


def is_tool_list(text: str) -> bool:
    """ "Adobe Dreamweaver, MS PowerPoint": a list of tools, which names no job."""
    items = [i.strip() for i in re.split(r"[,;|/]", text) if i.strip()]
    return len(items) >= 2 and all(
        (found := find_technologies(i)) and found[0].start == 0 and found[0].end >= len(i) - 1
        for i in items
    )


def is_header_line(line: Line, *, below: bool = False) -> bool:
    """Short, not a bullet, not a sentence, not a sub-heading ("Responsibilities:").

    ``below``: the line stands under the dates, where a list of names closed by a full
    stop is a header ("Software Eng Lead, Google Assistant, Google, Mountain View.");
    over them it is as often the wrapped end of a sentence."""
    text = line.text.strip()
    return (
        line.kind != "list_item"
        and not _SUBHEADING.match(text.rstrip(":").strip())
        and not is_group_heading(text)
        and not is_tool_list(text)
        and len(text) <= 100
        and len(text.split()) <= 14
        and (
            not text.endswith(".") or bool(ABBREV_END.search(text)) or (below and names_only(text))
        )
        and not text.endswith(":")
        and not reads_as_sentence(text)
        and not LINK.search(text)
    )


def names_only(text: str) -> bool:
    """ "Software Eng Lead, Google Assistant, Google, Mountain View.": parts that are all
    names, closed by a full stop as some CV templates do; no sentence."""
    parts = [p.strip() for p in text.rstrip(".").split(",")]
    return (
        len(parts) >= 3
        and not re.search(r"[()\[\]]", text)
        and all(p[:1].isupper() and len(p.split()) <= 5 for p in parts)
    )


NOT_A_ROLE = re.compile(
    r"\b(?:certifi\w*|certificate|awards?|awarded|prize|honou?rs?|scholarship|grant|"
    r"published|publications?|paper|course|workshop|conference|seminar|of the year)\b",
    re.IGNORECASE,
)


def names_a_role(text: str) -> bool:
    """A role word, and no sign of an award, a course or a certification."""
    return bool(ROLE_WORDS.search(text)) and not NOT_A_ROLE.search(text)


def describes(line: Line) -> bool:
    """A sentence about the employer, not a bullet of the job ("$55M privately held
    company providing new and recertified communications equipment")."""
    return line.kind != "list_item" and reads_as_sentence(line.text)


def only_dates(line: Line, date: DateRange) -> bool:
    """A line that is its date and nothing else ("2008-2009", "2003")."""
    return not trim_part(line.text[: date.span[0]] + line.text[date.span[1] :])
