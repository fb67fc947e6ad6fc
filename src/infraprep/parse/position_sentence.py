"""A position written as a sentence: "Worked as Software Engineer with Prolifics
Corporation Limited from Dec' 2015 to Sept' 2016".

Many CVs, Indian ones above all, list earlier jobs this way under the current one or in
the summary. The sentence names the role after "as" and the employer after "with",
"at", "in" or "for"; the dates follow "from", "since" or "between". A sentence naming
neither, or dating a project ("worked on the billing revamp from 2019"), is no job.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from infraprep.parse.dates import SINCE, DateRange, find_range
from infraprep.parse.places import strip_place
from infraprep.parse.position_header import ROLE_WORDS, names_an_organisation, trim_part

_OPENING = re.compile(
    r"^\s*(?:currently\s+|presently\s+)?(?:(?:i|he|she)\s+(?:(?:have|has)\s+)?(?:also\s+)?"
    r"(?:been\s+)?)?(?P<verb>worked|working|work|served|serving|employed)\s+",
    re.IGNORECASE,
)
# where the dates start: "from Dec' 2015", "since Oct- 2008", "between 2010 and 2012"
_DATES_FROM = re.compile(r"\s+(?:from|since|between|during)\s+", re.IGNORECASE)
# the parts of the sentence before the dates: "as <role>", "with/at/in/for <employer>"
_PART = re.compile(r"\b(?P<word>as|with|at|in|for|under)\s+", re.IGNORECASE)
_ARTICLE = re.compile(r"^(?:an?|the)\s+", re.IGNORECASE)
_MAX_PART_WORDS = 8


@dataclass(frozen=True)
class SentencePosition:
    title: str | None
    company: str | None
    date: DateRange


def _parts(text: str) -> list[tuple[str, str]]:
    """ "as Software Engineer with Prolifics Ltd" -> [("as", "Software Engineer"),
    ("with", "Prolifics Ltd")]."""
    marks = list(_PART.finditer(text))
    if not marks or marks[0].start() != 0:
        return []
    out = []
    for n, m in enumerate(marks):
        end = marks[n + 1].start() if n + 1 < len(marks) else len(text)
        value = _ARTICLE.sub("", trim_part(strip_place(text[m.end() : end].strip(" ,"))))
        out.append((m.group("word").lower(), value))
    return out


def position_in_sentence(text: str) -> SentencePosition | None:
    """The role, employer and dates a "worked as ... with ... from ..." sentence gives."""
    opening = _OPENING.match(text)
    if not opening:
        return None
    dates_from = _DATES_FROM.search(text, opening.end())
    if not dates_from:
        return None
    tail = text[dates_from.start() :].strip()
    date = find_range(tail)
    ongoing = opening.group("verb").lower() in ("working", "serving")
    if date is None or date.span[0] > len(tail.split()[0]) + 2:
        since = SINCE.search(tail) if ongoing else None
        if since is None:
            return None
        date = find_range(f"since {since.group('start')}")
        if date is None:
            return None
    title: str | None = None
    employers: list[str] = []
    for word, value in _parts(text[opening.end() : dates_from.start()]):
        if not value or len(value.split()) > _MAX_PART_WORDS:
            continue
        if word == "as":
            title = title or (value if ROLE_WORDS.search(value) else None)
        elif word != "under" or names_an_organisation(value):  # not "under multiple payrolls"
            employers.append(value)
    # "with Apple client in Exilant Technologies Pvt. Ltd.": the part that reads as an
    # organisation is the employer
    company = next((e for e in employers if names_an_organisation(e)), None) or next(
        iter(employers), None
    )
    if company is None or (title is None and not names_an_organisation(company)):
        return None  # "Working as on-call lead since 2020" is a role inside the job
    return SentencePosition(title, company, date)
