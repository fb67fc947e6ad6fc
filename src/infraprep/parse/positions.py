"""Positions in a CV's experience lines: title, company, dates and bullets.

Layouts vary without end, so positions are found from what every layout has:
a date range. The one or two short lines around it are the header, read for
the title (the part with a role word) and the company (what is left once
places, links and sentences are dropped); the lines after it, up to the next
position, are its bullets. Most CVs put the header above the dates
("Title / Company - City, ST / Month YYYY to Present"); when nothing header-like
stands above a date line, as in date-first layouts, the header is read below it.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, replace

from infraprep.models import Position
from infraprep.parse.dates import (
    MONTHS,
    DateRange,
    find_range,
    find_single_date,
    join_split_range,
    to_month_index,
)
from infraprep.parse.lines import Line
from infraprep.parse.places import is_place, strip_place
from infraprep.parse.technologies import find_technologies

ROLE_WORDS = re.compile(
    r"\b(?:engineer|engineering|developer|development|administrator|admin|architect|manager|"
    r"lead|intern|internship|consultant|analyst|sre|devops|specialist|scientist|director|head|"
    r"officer|programmer|technician|designer|owner|associate|founder|co-founder|cto|ceo|coo|"
    r"cfo|cio|vp|svp|evp|president|member of (?:the )?technical staff|mts|smts|operator|tester|"
    r"trainee|"
    r"fellow|researcher|coordinator|executive|assistant|representative|support|administrador|"
    r"editor|writer|reporter|journalist|anchor|producer|teacher|lecturer|professor|instructor|"
    r"tutor|trainer|coach|nurse|accountant|auditor|controller|clerk|cashier|receptionist|"
    r"secretary|treasurer|supervisor|agent|advisor|adviser|counsel+or|partner|principal|"
    r"planner|strategist|marketer|recruiter|buyer|estimator|expert|professional|volunteer|"
    r"ambassador|bartender|waiter|waitress|chef|cook|driver|mechanic|electrician|attendant|"
    r"therapist|pharmacist|physician|attorney|lawyer|paralegal|banker|broker|merchandiser|"
    r"inspector|surveyor|photographer|salesman|sales|leader|chairman|foreman|apprentice|mentor|"
    r"aide|organi[sz]er|captain|cadet|columnist|solicitor|practitioner|barrister|registrar|"
    r"waitperson|chair|chairperson|caregiver)s?\b",
    re.IGNORECASE,
)
# Degree words: a dated line naming one is education, not a job.
DEGREE_WORDS = re.compile(
    r"\b(?:b\.?\s?(?:e|tech|sc|s|a)\b\.?|m\.?\s?(?:e|tech|sc|s|a|ca)\b\.?|bachelor|master|"
    r"ph\.?\s?d|doctorate|mba|bca|mca|diploma|associate of|degree|gpa|cgpa)",
    re.IGNORECASE,
)
# Words that make a name an organisation's ("Sasken Technologies", "Acme Inc.").
_COMPANY_WORDS = re.compile(
    r"\b(?:inc|ltd|llc|llp|pvt|plc|gmbh|corp|corporation|company|limited|technologies|"
    r"solutions|services|systems|software|consulting|consultancy|labs?|laboratory|group|bank|"
    r"university|"
    r"college|school|institute|hospital|agency|foundation|associates|enterprises|industries|"
    r"international|infotech|networks|communications)\b",
    re.IGNORECASE,
)
_LEGAL_FORM = re.compile(r"^(?:inc|ltd|llc|llp|pvt|plc|gmbh|corp|co)\.?$", re.IGNORECASE)
# A clause, not a header: "Have worked as a Support Engineer", "Experience in Oracle ...".
_SENTENCE = re.compile(
    r"^(?:i|i'm|we|my|have|has|had|was|were|am|is|are|worked|working|responsible|"
    r"experience (?:in|with|of|on)|involved|currently|presently|handled|handling)\b",
    re.IGNORECASE,
)
_LINK = re.compile(r"https?://|www\.|\b[\w-]+\.(?:com|org|net|in|io)/", re.IGNORECASE)
_RUNNING_HEAD = re.compile(r"\b(?:curriculum vitae|r[ée]sum[ée]|cv)\b(?!\s*\w)|\bpage \d+\b", re.I)
_PAGE_MARK = re.compile(r"^(?:page\s+\d+(?:\s+of\s+\d+)?|\d+\s*/\s*\d+|-\s*\d+\s*-)$", re.I)
# "Key: value" header fields; the key says what the value is.
_FIELD = re.compile(r"^\s*(?P<key>[A-Za-z][A-Za-z' ]{1,24}?)\s*[:：]\s*(?P<value>.*)$")
_TITLE_KEYS = re.compile(r"^(?:designation|(?:job )?title|role|position|post)$", re.I)
_COMPANY_KEYS = re.compile(
    r"^(?:company(?: name)?|employer(?:'?s)?(?: name)?|organi[sz]ation(?: name)?|firm)$", re.I
)
_OTHER_KEYS = re.compile(
    r"^(?:duration|period|tenure|dates?|time period|from|client|project(?: name| title)?|"
    r"location|place|city|team|environment|domain|technolog(?:y|ies)|tools|software|"
    r"skills|gpa|team size)$",
    re.IGNORECASE,
)
# Template words a CV left in place of a name ("Company name", "City"), and lines
# that close a page rather than head an entry.
_PLACEHOLDER = re.compile(
    r"^(?:(?:company|employer'?s?|organi[sz]ation|school)(?:'?s)? name|name|city|state|st|country|"
    r"location|duration|period|references?(?: available)?(?: upon request| on request)?|"
    r"project summary|summary|full[- ]time|part[- ]time|contract|temporary|permanent|remote)$",
    re.IGNORECASE,
)
_DURATION = re.compile(
    r"\(?\b\d+(?:\.\d+)?\+?\s*(?:years?|yrs?|months?|mos?|weeks?)\b\)?", re.IGNORECASE
)
_ABBREV_END = re.compile(r"\b(?:ltd|inc|co|corp|pvt|llc|jr|sr)\.$", re.IGNORECASE)
_SPLIT_HEADER = re.compile(r"\s+(?:—|–|--?|\||@|at)\s+|,\s+|\s+·\s+")


def _split_header(text: str) -> list[str]:
    """Header parts, a parenthesis kept whole: "Developer (consultant at Kyocera)" is one part."""
    parts: list[str] = []
    start = 0
    for sep in [*_SPLIT_HEADER.finditer(text), None]:
        end = sep.start() if sep else len(text)
        if text[:end].count("(") > text[:end].count(")") and sep is not None:
            continue  # inside a bracket: not a separator
        parts.append(text[start:end])
        start = sep.end() if sep else end
    return parts


def _role_slash_employer(part: str) -> list[str]:
    """ "Intern engineer / Joobi Solution Limited": a slash between a role and an
    organisation separates them; "Director of Field Operations / Fix Operations
    Specialist" is one combined title and stays whole."""
    sides = part.split(" / ")
    if len(sides) == 2:
        role, org = sides
        if (
            ROLE_WORDS.search(role)
            and not _COMPANY_WORDS.search(role)
            and _COMPANY_WORDS.search(org)
            and not ROLE_WORDS.search(org)
        ):
            return sides
    return [part]


_PARENTHESIS = re.compile(r"\s*\(([^()]*)\)")


def _drop_place(match: re.Match[str]) -> str:
    """ "Product Manager (Houston, TX)": a place in brackets goes; "(TA)" stays."""
    return "" if is_place(match.group(1)) else match.group(0)


def _trim_part(part: str) -> str:
    """A part without the separators around it, and without a bracket left unmatched."""
    part = re.sub(r"\s*\[\s*\]", "", part).strip(" -–—|,:")  # "Team Lead [ ]"
    if part.startswith("(") and ")" not in part:
        part = part[1:]
    if part.endswith(")") and "(" not in part:
        part = part[:-1]
    if part.startswith("(") and part.endswith(")"):
        part = part[1:-1]
    return part.strip(" -–—|,:")


# A part made only of dates ("January to April 2006", "2019 -") names nobody.
_DATE_WORDS = re.compile(
    rf"(?:[\W\d_]|\b(?:{'|'.join(MONTHS)})[a-z]*\.?\b|"
    r"\b(?:to|till|until|present|current|now|since|from)\b)*",
    re.IGNORECASE,
)
_MAX_HEADER_WORDS = 12  # a header line is a title, a company, a place and dates, no more
_FAR_FUTURE = dt.date(9999, 1, 1)  # "present" is later than any written date
UNTITLED = "Untitled position"  # the title of a position whose header names no title


@dataclass(frozen=True)
class _Header:
    """Where one position's header lies: lines ``start..end`` around the date line."""

    start: int
    anchor: int
    end: int
    date: DateRange


def _is_skippable(line: Line) -> bool:
    """Page furniture inside a header (a page's link footer, "Page 2 of 3", "Annie Keely,
    Curriculum Vitae, April 2013"): read past it."""
    text = line.text.strip()
    return (
        bool(_PAGE_MARK.match(text))
        or (bool(_LINK.search(text)) and len(text.split()) <= 3)
        or (bool(_RUNNING_HEAD.search(text)) and len(text.split()) <= 8)
    )


def _reads_as_sentence(text: str) -> bool:
    """A clause rather than a name: starts like one, or is mostly lower-case words.

    Titles and company names are capitalised ("Manager of Academic Technology and
    Finance"); "Participate in key business planning for company products" is not.
    """
    words = re.findall(r"[A-Za-z][\w'’-]*", text)
    lower = sum(1 for w in words if w[0].islower())
    return bool(_SENTENCE.match(text)) or (len(words) >= 4 and 2 * lower >= len(words))


# Sub-headings inside an entry, written without their colon.
_SUBHEADING = re.compile(
    r"^(?:(?:key |roles? (?:and|&) )?responsibilit(?:y|ies)|achievements?|accomplishments?|"
    r"projects?|project details|environment|tools used|technologies used|duties|"
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


def _is_group_heading(text: str) -> bool:
    return bool(_GROUP_HEADING.match(text.strip()))


def _is_tool_list(text: str) -> bool:
    """ "Adobe Dreamweaver, MS PowerPoint": a list of tools, which names no job."""
    items = [i.strip() for i in re.split(r"[,;|/]", text) if i.strip()]
    return len(items) >= 2 and all(
        (found := find_technologies(i)) and found[0].start == 0 and found[0].end >= len(i) - 1
        for i in items
    )


def _is_header_line(line: Line) -> bool:
    """Short, not a bullet, not a sentence, not a sub-heading ("Responsibilities:")."""
    text = line.text.strip()
    return (
        line.kind != "list_item"
        and not _SUBHEADING.match(text.rstrip(":").strip())
        and not _is_group_heading(text)
        and not _is_tool_list(text)
        and len(text) <= 100
        and len(text.split()) <= 14
        and (not text.endswith(".") or bool(_ABBREV_END.search(text)))
        and not text.endswith(":")
        and not _reads_as_sentence(text)
        and not _LINK.search(text)
    )


def _is_prose(text: str, date: DateRange) -> bool:
    """A date inside a long sentence ("Google Transition (2009 - 2014) Served on ...")
    dates a project or an award, not a job."""
    if _lead_in(text, date) is not None:
        return False
    rest = f"{text[: date.span[0]]} {text[date.span[1] :]}"
    return len(rest.split()) > _MAX_HEADER_WORDS


def _lead_in(text: str, date: DateRange) -> str | None:
    """ "2006 TO 2012: SELF-EMPLOYED LEGAL PRACTITIONER principally working in ...": the
    dates lead the paragraph of the job, and its header runs up to where the sentence
    starts (two lower-case words in a row, or a full stop)."""
    after = text[date.span[1] :]
    if date.span[0] > 1 or not after.lstrip().startswith(":"):
        return None
    head: list[str] = []
    for word in after.lstrip()[1:].split():
        if head and word[:1].islower() and head[-1][:1].islower():
            head.pop()
            break
        head.append(word)
        if word.endswith(".") and not _ABBREV_END.search(word):
            break
    if head and head[0].lower() in _FUNCTION_WORDS:
        return None  # "1979-1983: During four years of Articles ..." is a sentence
    return " ".join(head).rstrip(".,;") or None


_FUNCTION_WORDS = frozenset(
    {"during", "in", "as", "while", "for", "with", "after", "before", "at", "on", "the", "a"}
)


def _is_named(text: str) -> bool:
    """A title or an organisation's name: a role or company word, or all words capitalised."""
    words = re.findall(r"[A-Za-z][\w'&.-]*", text)
    return bool(
        ROLE_WORDS.search(text)
        or _COMPANY_WORDS.search(text)
        or (words and all(w[0].isupper() for w in words if len(w) > 3))
    )


def _header_parts(texts: list[str]) -> tuple[dict[str, str], list[str]]:
    """The header's texts cut into parts, without places, links, sentences or durations.

    Labelled fields ("Designation: Senior Engineer", "Company Name: Acme") are returned
    apart, by what their label says they are; other labels ("Duration:", "Client:")
    are dropped with their value.
    """
    labelled: dict[str, str] = {}
    parts: list[str] = []
    for raw in texts:
        text = _DURATION.sub(" ", raw)
        if (field := _FIELD.match(text)) is not None:
            key = field.group("key").strip().lower()
            value = strip_place(field.group("value")).strip(" -–—|,")
            kind = (
                "title"
                if _TITLE_KEYS.match(key)
                else "company"
                if _COMPANY_KEYS.match(key)
                else None
            )
            if kind and value and not find_range(value):
                labelled.setdefault(kind, value)
            if kind or _OTHER_KEYS.match(key):
                continue
        text = strip_place(text)
        if not text or _reads_as_sentence(text) or _LINK.search(text):
            continue
        for part in (p for piece in _split_header(text) for p in _role_slash_employer(piece)):
            part = _trim_part(_PARENTHESIS.sub(_drop_place, part))
            if _LEGAL_FORM.match(part) and parts:
                parts[-1] = f"{parts[-1]}, {part}"  # "COMPANY, INC."
            elif (
                part
                and not is_place(part)
                and not _DATE_WORDS.fullmatch(part)
                and not _PLACEHOLDER.match(part)
            ):
                parts.append(part)
    return labelled, parts


def split_title_company(texts: list[str]) -> tuple[str, str | None]:
    """Pick the title (the part with a role word) and the company from header texts.

    A part that reads as an organisation ("Oracle Inc", "Sasken Technologies") is the
    company even when it is the only part; a header with neither a role word nor an
    organisation's name keeps the old reading, first part title and second company.
    """
    labelled, parts = _header_parts(texts)
    titles = [p for p in parts if ROLE_WORDS.search(p) and not _COMPANY_WORDS.search(p)]
    titles = titles or [p for p in parts if ROLE_WORDS.search(p)]
    named = [p for p in parts if _COMPANY_WORDS.search(p) and p not in titles[:1]]
    if titles:
        title: str | None = titles[0]
        rest = [p for p in parts if p != title]
        company = named[0] if named else (rest[0] if rest else None)
    elif named:
        company = named[0]
        title = next((p for p in parts if p != company), None)
    else:  # neither word says which is which: "Title / Company" is the usual order
        title, company = (
            (parts[0], parts[1]) if len(parts) > 1 else (None, parts[0] if parts else None)
        )
    title = labelled.get("title", title)
    company = labelled.get("company", company)
    if company and company.startswith("the "):  # "Lecturer at the Institute of ..."
        company = company[4:]
    split = _ROLE_OF_THE_ORG.match(title or "") if company is None else None
    if split and ROLE_WORDS.search(split["role"]) and _names_an_organisation(split["org"]):
        title, company = split["role"], split["org"]
    return title or UNTITLED, company


# "Secretary General of the International Civil Aviation Organization (ICAO)"
_ROLE_OF_THE_ORG = re.compile(r"^(?P<role>.+?)\s+of\s+the\s+(?P<org>[A-Z].+)$")


def _names_an_organisation(text: str) -> bool:
    """ "International Civil Aviation Organization (ICAO)", "Aviation Security Branch":
    an organisation's word, its acronym, or three or more capitalised words ("Member
    of the Technical Staff" names no organisation)."""
    words = re.findall(r"[A-Za-z][\w'&.-]*", text)
    capitalised = [w for w in words if w[0].isupper()]
    return bool(re.search(r"\([A-Z]{2,}\)", text) or _COMPANY_WORDS.search(text)) or (
        len(capitalised) >= 3 and len(capitalised) * 2 >= len(words)
    )


_DURATION_KEYS = re.compile(r"^(?:duration|period|tenure|dates?|time period)$", re.IGNORECASE)


def _repeats_dates(text: str, date: DateRange, headers: list[_Header]) -> bool:
    """ "Duration: April 2017 - Till Date" under an entry with those dates restates them."""
    field = _FIELD.match(text)
    return bool(
        field
        and _DURATION_KEYS.match(field.group("key").strip())
        and headers
        and (headers[-1].date.start, headers[-1].date.end) == (date.start, date.end)
    )


def _within(inner: Position, outer: Position) -> bool:
    """``inner``'s dates lie inside ``outer``'s and are not the same."""

    def span(p: Position) -> tuple[int, int]:
        start = to_month_index(p.start or "", _FAR_FUTURE, is_end=False)
        end = to_month_index(p.end or "", _FAR_FUTURE, is_end=True)
        return start, end

    if not (inner.start and inner.end and outer.start and outer.end):
        return False
    (a, b), (c, d) = span(inner), span(outer)
    return c <= a and b <= d and (a, b) != (c, d)


def _fold_repeated_roles(positions: list[Position]) -> list[Position]:
    """A role listed again inside its own span (same title and company, dates within) is a
    project of that job, as Indeed exports list them: its bullets join the job."""
    kept = list(positions)
    for inner in positions:
        outer = next(
            (
                o
                for o in kept
                if o is not inner
                and o.title == inner.title != UNTITLED
                and (inner.company is None or o.company == inner.company)
                and _within(inner, o)
            ),
            None,
        )
        if outer is None:
            continue
        index = kept.index(outer)
        kept[index] = outer.model_copy(
            update={
                "bullets": outer.bullets + inner.bullets,
                "bullet_lines": outer.bullet_lines + inner.bullet_lines,
            }
        )
        kept.remove(inner)
    return kept


_NOT_A_ROLE = re.compile(
    r"\b(?:certifi\w*|certificate|awards?|awarded|prize|honou?rs?|scholarship|grant|"
    r"published|publications?|paper|course|workshop|conference|seminar|of the year)\b",
    re.IGNORECASE,
)


# "Columbia, MS", "Boston, MA": a state after a comma, not a Master of Science.
_STATE_LIKE_DEGREE = re.compile(r",\s*(?:MS|MA|ME)\b")


def _names_a_degree(text: str) -> bool:
    return bool(DEGREE_WORDS.search(_STATE_LIKE_DEGREE.sub("", text)))


def _single_dated_role(line: Line) -> DateRange | None:
    """ "Fourth Grade Teacher, Eager School, 1976": a header with a role and one date.

    Only a header line whose words name a role counts; an award, a course or a
    certification with a year is not a job.
    """
    date = find_single_date(line.text)
    if date is None or not _is_header_line(line):
        return None
    rest = line.text[: date.span[0]]
    if not ROLE_WORDS.search(rest) or _NOT_A_ROLE.search(rest) or _is_tool_list(rest.strip(" ,-")):
        return None
    return date


def _title_below(lines: list[Line], start: int, anchor: int) -> bool:
    """ "GW Career Center / August 2010 to Present / Career Ambassador": the header above
    names no role and the short line under the dates does."""
    above = f"{' '.join(ln.text for ln in lines[start:anchor])} {lines[anchor].text}"
    below = lines[anchor + 1]
    return (
        not ROLE_WORDS.search(above)
        and _is_header_line(below)
        and find_range(below.text) is None
        and len(below.text.split()) <= 8
        and bool(ROLE_WORDS.search(below.text))
        # a title just above the next dates heads the next entry
        and not any(find_range(ln.text) for ln in lines[anchor + 2 : anchor + 4])
    )


def _share_employer_spans(positions: list[Position], headings: set[int]) -> list[Position]:
    """ "STRATEGIC MARKETING, INC / 1998 to 2008" straight over roles dated inside that
    span and naming no employer: the lines are the employer's heading, not a position
    of its own, and each role under it works there. ``headings``: the indexes of
    positions whose header is a name above the dates with the next header right under.
    """
    result: list[Position] = []
    employer: Position | None = None
    for index, position in enumerate(positions):
        if index in headings and position.title == UNTITLED and position.company:
            employer = position
            result.append(position)
            continue
        if employer is not None and position.company is None and _within(position, employer):
            if result and result[-1] is employer:
                result.pop()  # the heading gives way to its first role
            position = position.model_copy(update={"company": employer.company})
        else:
            employer = None
        result.append(position)
    return result


def _headers(lines: list[Line]) -> list[_Header]:
    headers: list[_Header] = []
    consumed = -1
    for a, line in enumerate(lines):
        date = find_range(line.text) or _single_dated_role(line)
        if date is None or _names_a_degree(line.text) or _is_prose(line.text, date):
            continue
        if _repeats_dates(line.text, date, headers):
            continue
        start, taken, i = a, 0, a - 1
        while i > consumed and taken < 3:
            if _is_skippable(lines[i]):
                i -= 1
                continue
            if (
                not _is_header_line(lines[i])
                or find_range(lines[i].text) is not None
                or _NOT_A_ROLE.search(lines[i].text)
            ):
                break
            # a line that is only a place ("Syracuse, NY") does not use up the header
            start, taken, i = i, taken + (strip_place(lines[i].text) != ""), i - 1
        end = a
        if taken == 0:
            j = a + 1
            while j < len(lines) and j - a <= 2:
                nxt = lines[j]
                if (
                    not _is_header_line(nxt)
                    or find_range(nxt.text) is not None
                    or len(nxt.text.split()) > (14 if ROLE_WORDS.search(nxt.text) else 8)
                    or not _is_named(nxt.text)
                ):
                    break
                end, j = j, j + 1
        elif a + 1 < len(lines) and _title_below(lines, start, a):
            end = a + 1
        headers.append(_Header(start, a, end, date))
        consumed = end
    return headers


def _join_split_ranges(lines: list[Line]) -> list[Line]:
    """Each date range on one line, where the layout broke it over two."""
    joined: list[Line] = []
    i = 0
    while i < len(lines):
        line = lines[i]
        if i + 1 < len(lines) and (text := join_split_range(line.text, lines[i + 1].text)):
            joined.append(replace(line, text=text))
            i += 2
            continue
        joined.append(line)
        i += 1
    return joined


def find_positions(lines: list[Line]) -> list[Position]:
    """Positions anchored on the date ranges in ``lines`` (a CV's experience section)."""
    lines = _join_split_ranges(lines)
    headers = _headers(lines)
    positions: list[Position] = []
    for n, h in enumerate(headers):
        anchor = lines[h.anchor]
        rest = _lead_in(anchor.text, h.date) or (
            f"{anchor.text[: h.date.span[0]]} {anchor.text[h.date.span[1] :]}"
        )
        rest = _trim_part(re.sub(r"\(\s*\)", " ", rest))
        texts = [lines[i].text for i in range(h.start, h.anchor) if not _is_skippable(lines[i])]
        if len(rest) > 2 and anchor.kind != "list_item":
            texts.append(rest)
        texts.extend(lines[i].text for i in range(h.anchor + 1, h.end + 1))
        title, company = split_title_company(texts)
        stop = headers[n + 1].start if n + 1 < len(headers) else len(lines)
        bullets = [
            ln
            for ln in lines[h.end + 1 : stop]
            if ln.kind == "list_item" or len(ln.text.split()) >= 5
        ]
        positions.append(
            Position(
                title=title,
                company=company,
                start=h.date.start,
                end=h.date.end,
                bullets=tuple(b.text for b in bullets),
                bullet_lines=tuple(b.no for b in bullets),
                line=lines[h.start].no,
            )
        )
    headings = {
        n
        for n, h in enumerate(headers[:-1])
        if h.end == h.anchor and h.start < h.anchor and headers[n + 1].start == h.end + 1
    }
    return _fold_repeated_roles(_share_employer_spans(positions, headings))
