"""Positions in a CV's experience lines: title, company, dates and bullets.

Layouts vary without end, so positions are found from what every layout has:
a date range. The one or two short lines around it are the header, read for
the title (the part with a role word) and the company (what is left once
places, links and sentences are dropped); the lines after it, up to the next
position, are its bullets. Most CVs put the header above the dates
("Title / Company - City, ST / Month YYYY to Present"); when nothing header-like
stands above a date line, as in date-first layouts, the header is read below it.

What one line is (a header line, page furniture, a degree) is asked of
``position_lines``; what a header's words say (title, company) is read in
``position_header``; a job written as a sentence in ``position_sentence``; which
found positions belong together (a project inside its job, roles under an
employer's heading) is decided in ``position_groups``.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from itertools import pairwise

from infraprep.models import Position
from infraprep.parse.dates import (
    DateRange,
    find_range,
    find_single_date,
    is_only_a_year,
    join_split_range,
)
from infraprep.parse.lines import Line
from infraprep.parse.places import strip_place
from infraprep.parse.position_groups import fold_repeated_roles, share_employer_spans
from infraprep.parse.position_header import (
    ABBREV_END,
    ENDS_WITH_ROLE,
    FIELD,
    ROLE_WORDS,
    UNTITLED,
    is_aside_field,
    is_named,
    is_named_field,
    names_an_organisation,
    reads_as_sentence,
    split_title_company,
    trim_part,
)
from infraprep.parse.position_lines import (
    NOT_A_ROLE,
    describes,
    is_header_line,
    is_skippable,
    is_tool_list,
    names_a_degree,
    names_a_role,
    only_dates,
)
from infraprep.parse.position_sentence import SentencePosition, position_in_sentence
from infraprep.parse.position_undated import read_role_line

_MAX_HEADER_WORDS = 12  # a header line is a title, a company, a place and dates, no more


@dataclass(frozen=True)
class _Header:
    """Where one position's header lies: lines ``start..end`` around the date line."""

    start: int
    anchor: int
    end: int
    date: DateRange
    # title and company already read where the header was found: a "Worked as ... with
    # ... from ..." sentence, a row of a date column
    known: SentencePosition | None = None


def _is_prose(text: str, date: DateRange) -> bool:
    """A date inside a long sentence ("Google Transition (2009 - 2014) Served on ...")
    dates a project or an award, not a job."""
    if _lead_in(text, date) is not None or _header_before(text, date) is not None:
        return False
    rest = f"{text[: date.span[0]]} {text[date.span[1] :]}"
    # the "|" between a header's fields is no word of a sentence
    return sum(1 for word in rest.split() if word != "|") > _MAX_HEADER_WORDS


def _only_a_role(text: str) -> bool:
    """ "Staff Cloud Engineer": a few words ending in a role noun, no sentence."""
    return 1 <= len(text.split()) <= 6 and ENDS_WITH_ROLE.search(text) is not None


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
        if word.endswith(".") and not ABBREV_END.search(word):
            break
    if head and head[0].lower() in _FUNCTION_WORDS:
        return None  # "1979-1983: During four years of Articles ..." is a sentence
    return " ".join(head).rstrip(".,;") or None


def _header_before(text: str, date: DateRange) -> str | None:
    """ "Mentor, CodeBridge Leeds — 2019 – Present. Weekly evening sessions ...": a role
    and its organisation, the dates, then a sentence about the work. The header, when the
    words before the dates are few and name a role."""
    before = text[: date.span[0]].strip(" —–-|,(")
    after = text[date.span[1] :].lstrip(" )")
    if not after.startswith((". ", ": ")) or not before:
        return None
    if len(before.split()) > 8 or not ROLE_WORDS.search(before) or reads_as_sentence(before):
        return None
    return before


_FUNCTION_WORDS = frozenset(
    {"during", "in", "as", "while", "for", "with", "after", "before", "at", "on", "the", "a"}
)


_DURATION_KEYS = re.compile(r"^(?:duration|period|tenure|dates?|time period)$", re.IGNORECASE)
# "DURATION Jan-2014 to Jun-2015": the label without its colon, before the dates
_DURATION_LABEL = re.compile(r"^\s*(?:duration|period|tenure|time period)\b\W*", re.IGNORECASE)


def _repeats_dates(text: str, date: DateRange, headers: list[_Header]) -> bool:
    """ "Duration: April 2017 - Till Date" under an entry with those dates restates them."""
    field = FIELD.match(text)
    labelled = bool(field and _DURATION_KEYS.match(field.group("key").strip())) or bool(
        _DURATION_LABEL.match(text) and not _DURATION_LABEL.sub("", text[: date.span[0]]).strip()
    )
    return bool(
        labelled
        and headers
        and (headers[-1].date.start, headers[-1].date.end) == (date.start, date.end)
    )


def _single_dated_role(line: Line) -> DateRange | None:
    """ "Fourth Grade Teacher, Eager School, 1976": a header with a role and one date.

    Only a header line whose words name a role counts; an award, a course or a
    certification with a year is not a job.
    """
    date = find_single_date(line.text)
    if date is None or not is_header_line(line):
        return None
    rest = line.text[: date.span[0]]
    if not names_a_role(rest) or is_tool_list(rest.strip(" ,-")):
        return None
    return date


def _year_under_role(
    lines: list[Line], ranges: list[DateRange | None], anchor: int
) -> DateRange | None:
    """ "Chief Administrative Officer / 2000": a role line over a line that is only a
    date is a position of that one date, as "Title / Month YYYY to Present" is of a
    range. A degree, an award or a course over a year is not."""
    if anchor == 0 or not is_only_a_year(lines[anchor].text):
        return None
    above = lines[anchor - 1]
    if (
        not is_header_line(above)
        or not names_a_role(above.text)
        or names_a_degree(above.text)
        or ranges[anchor - 1]
    ):
        return None
    return find_single_date(lines[anchor].text)


_LEADING_YEAR = re.compile(r"^\s*(?P<year>(?:19|20)\d\d)\s*:\s*(?P<rest>\S.*)$")


def _leading_year_seat(line: Line) -> SentencePosition | None:
    """ "2013: Member, Search and Screen Committee for Vice-Provost, CSUN.": one year
    leading a role, as "2003-2006: Member, ..." leads with a range. Only a line whose
    words after the year read as a role and its organisation (``read_role_line``, which
    also names them): "2012: Co-Authored ... Final Report" is a publication. The line
    is the whole header: what stands above it is the list's heading."""
    m = _LEADING_YEAR.match(line.text)
    if m is None or (found := read_role_line(m["rest"])) is None:
        return None
    date = DateRange(m["year"], m["year"], m.span("year"))
    return SentencePosition(found[0], found[1], date)


def _title_below(
    lines: list[Line], ranges: list[DateRange | None], start: int, anchor: int
) -> int | None:
    """ "GW Career Center / August 2010 to Present / Career Ambassador": the header above
    names no role and a short line under the dates does, right under them or after one
    line describing the employer ("COMPANY, INC. / 2007-Present / Female-owned small
    business ... / Vice President, Sales"). The index of that line, if any."""
    above = f"{' '.join(ln.text for ln in lines[start:anchor])} {lines[anchor].text}"
    if ROLE_WORDS.search(above):
        return None
    for below in (anchor + 1, anchor + 2):
        if below >= len(lines) or (below == anchor + 2 and not describes(lines[anchor + 1])):
            return None
        line = lines[below]
        if (
            is_header_line(line)
            and ranges[below] is None
            and len(line.text.split()) <= 8
            and ROLE_WORDS.search(line.text)
            # a title just above the next dates heads the next entry
            and not any(ranges[below + 1 : below + 3])
        ):
            return below
    return None


def _company_below(
    lines: list[Line], ranges: list[DateRange | None], start: int, anchor: int
) -> int | None:
    """ "Principal SRE / Mar 2022 – Present / Ashgrove Mutual — Leeds": the header above
    names a role and no employer, and the line right under the dates names one. Its
    index, if any."""
    above = [ln.text for ln in lines[start:anchor]]
    below = anchor + 1
    if below >= len(lines) or not ROLE_WORDS.search(" ".join(above)):
        return None
    if split_title_company(above)[1] is not None:
        return None
    line = lines[below]
    if (
        is_header_line(line, below=True)
        and ranges[below] is None
        and len(line.text.split()) <= 8
        and not ROLE_WORDS.search(line.text)
        and names_an_organisation(line.text)
        and not reads_as_sentence(line.text)
        and not any(ranges[below + 1 : below + 3])  # it heads the next entry
    ):
        return below
    return None


def _heads_next_dates(lines: list[Line], ranges: list[DateRange | None], index: int) -> bool:
    """Whether the line stands right over a date line of its own (past page furniture)."""
    for j in range(index + 1, min(index + 3, len(lines))):
        if ranges[j] is not None:
            return True
        if not is_skippable(lines[j]) and not is_header_line(lines[j]):
            return False
    return False


def _header_over_a_bullet(
    lines: list[Line], ranges: list[DateRange | None], anchor: int, consumed: int
) -> int | None:
    """ "Principal, Pine Tree Elementary, Houston, TX / - API growth of 50 points / July
    2007-June 2009": one bullet slipped between the header and its dates. The index of
    that header, when nothing else heads the dates."""
    above = anchor - 2
    date = ranges[anchor]
    if (
        date is None  # a single dated role heads itself
        or above <= consumed
        or not only_dates(lines[anchor], date)  # "Volunteer, Soup Kitchen, 2009-Present"
        or ranges[anchor - 1] is not None
        or is_header_line(lines[anchor - 1])
    ):
        return None
    line = lines[above]
    if ranges[above] is not None or not is_header_line(line) or not ROLE_WORDS.search(line.text):
        return None
    return above


def _headers(lines: list[Line]) -> list[_Header]:
    headers: list[_Header] = []
    consumed = -1
    headers_above = False  # whether the last entry's header stood over its dates
    column_end = -1
    # each line's range, read once: a line is asked about from both sides of a header
    ranges = [find_range(line.text) for line in lines]
    for a, line in enumerate(lines):
        if a <= column_end:
            continue  # a date of a column already paired with its role
        if sentence := position_in_sentence(line.text):
            headers.append(_Header(a, a, a, sentence.date, sentence))
            consumed = a
            continue
        if column := _date_column(lines, ranges, a, consumed):
            headers.extend(column)
            consumed = column_end = column[-1].end
            continue
        if ranges[a] is None and (seat := _leading_year_seat(line)):
            headers.append(_Header(a, a, a, seat.date, seat))
            consumed = a
            continue
        date = ranges[a] or _single_dated_role(line) or _year_under_role(lines, ranges, a)
        if date is None or names_a_degree(line.text) or _is_prose(line.text, date):
            continue
        if _repeats_dates(line.text, date, headers):
            continue
        start, taken, i = a, 0, a - 1
        while i > consumed and taken < 3:
            if is_skippable(lines[i]):
                i -= 1
                continue
            if (
                not is_header_line(lines[i])
                or ranges[i] is not None
                or NOT_A_ROLE.search(lines[i].text)
            ):
                break
            # a line that is only a place ("Syracuse, NY") or an aside ("Client: BC
            # Hydro") does not use up the header
            names = strip_place(lines[i].text) != "" and not is_aside_field(lines[i].text)
            start, taken, i = i, taken + names, i - 1
        end = a
        if taken == 0:
            j = a + 1
            # two lines, or three when the third is a labelled title or company field
            # ("Company: Santa Marta / Paraguachón Concession / Position held: ...")
            while j < len(lines) and (j - a <= 2 or (j - a == 3 and is_named_field(lines[j].text))):
                nxt = lines[j]
                if (
                    not is_header_line(nxt, below=True)
                    or ranges[j] is not None
                    or len(nxt.text.split()) > (14 if ROLE_WORDS.search(nxt.text) else 8)
                    or not is_named(nxt.text)
                    # in a CV whose headers stand over their dates, a header right over
                    # the next dates heads the next entry
                    or (headers_above and _heads_next_dates(lines, ranges, j))
                ):
                    break
                end, j = j, j + 1
            if (
                end == a
                and headers_above
                and (above := _header_over_a_bullet(lines, ranges, a, consumed))
            ):
                start = above
        elif (below := _title_below(lines, ranges, start, a)) is not None or (
            below := _company_below(lines, ranges, start, a)
        ) is not None:
            end = below
        headers.append(_Header(start, a, end, date))
        headers_above = start < a
        consumed = end
    return headers


# The person a title names, as its last word ("IT Operations Manager", "Oracle eBusiness
# Suite Specialist"): a line ending so names a role, where "Application Development"
# names work.
_PERSON_NOUN = re.compile(
    r"\b(?:engineer|developer|administrator|architect|manager|lead|leader|consultant|"
    r"analyst|specialist|scientist|director|officer|programmer|technician|designer|"
    r"coordinator|supervisor|head|executive|intern|trainee|researcher|tester)$",
    re.IGNORECASE,
)


def _is_undated_role(lines: list[Line], index: int) -> bool:
    """A title on a line of its own inside an entry, between the last role's content
    and its own: short, ending with a person ("IT Operations Manager", "Oracle
    Developer/Application Architect"), after a bullet or a sentence and before one."""
    line = lines[index]
    text = line.text.strip()
    # the cheap tests first: this is asked of every line inside an entry
    if (
        index + 1 >= len(lines)
        or len(text.split()) > 7
        or not _PERSON_NOUN.search(re.sub(r"\s*\([^)]*\)$", "", text))
        or FIELD.match(text)  # "Role: Senior Systems Engineer" of a project
        or find_range(text)
        or find_single_date(text)
        or not is_header_line(line)
        or is_header_line(lines[index - 1])
    ):
        return False
    after = lines[index + 1]
    return (
        after.kind == "list_item" or reads_as_sentence(after.text) or bool(FIELD.match(after.text))
    )


def _date_column(
    lines: list[Line], ranges: list[DateRange | None], a: int, consumed: int
) -> list[_Header]:
    """ "Girls High School Soccer Coach, Sunnybrook / Girls Junior High Volleyball Coach,
    Sunnybrook / 2008-2009 / 2007-2009": a table whose column of dates the text layer put
    after its column of roles. As many role lines right over as many date lines pair up
    in order."""
    dates: list[DateRange] = []
    j = a
    while j < len(lines):
        date = ranges[j] or (
            find_single_date(lines[j].text) if is_only_a_year(lines[j].text) else None
        )
        if date is None or not only_dates(lines[j], date):
            break
        dates.append(date)
        j += 1
    k = len(dates)
    first = a - k
    if k < 2 or first <= consumed:
        return []
    roles = lines[first:a]
    if not all(
        is_header_line(r) and ranges[first + i] is None and ROLE_WORDS.search(r.text)
        for i, r in enumerate(roles)
    ):
        return []
    out = []
    for i, (role, date) in enumerate(zip(roles, dates, strict=True)):
        title, company = split_title_company([role.text])
        out.append(_Header(first + i, a + i, a + i, date, SentencePosition(title, company, date)))
    return out


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


# "5 years 2 months", "1 year", "11 months": a company's total tenure over its roles
_TENURE = re.compile(
    r"^\d+\s+(?:years?|yrs?|months?|mos?)(?:\s+\d+\s+(?:months?|mos?))?$", re.IGNORECASE
)


def find_positions(lines: list[Line]) -> list[Position]:
    """Positions anchored on the date ranges in ``lines`` (a CV's experience section)."""
    return read_positions(lines)[0]


def read_positions(lines: list[Line]) -> tuple[list[Position], frozenset[int]]:
    """``find_positions``, and the numbers of the lines it read as a position's header or
    dates: a reading of undated roles leaves those to it."""
    lines = _join_split_ranges(lines)
    headers = _headers(lines)
    header_lines = frozenset(lines[i].no for h in headers for i in range(h.start, h.end + 1))
    positions: list[Position] = []
    group: str | None = None  # the company heading a group of roles
    for n, h in enumerate(headers):
        anchor = lines[h.anchor]
        before = _header_before(anchor.text, h.date)
        rest = (
            _lead_in(anchor.text, h.date)
            or before
            or f"{anchor.text[: h.date.span[0]]} {anchor.text[h.date.span[1] :]}"
        )
        rest = trim_part(re.sub(r"\(\s*\)", " ", rest))
        texts = [lines[i].text for i in range(h.start, h.anchor) if not is_skippable(lines[i])]
        # a bullet's words after its dates are its own, unless they are only a role
        # ("- 2022 – now Staff Cloud Engineer", a promotion listed under its employer) or
        # the bullet is the whole entry ("- Mentor, CodeBridge — 2019 – Present. ...")
        if len(rest) > 2 and (anchor.kind != "list_item" or _only_a_role(rest) or before):
            texts.append(rest)
        texts.extend(lines[i].text for i in range(h.anchor + 1, h.end + 1))
        title, company = (
            (h.known.title or UNTITLED, h.known.company) if h.known else split_title_company(texts)
        )
        # LinkedIn's export: "Acme Corp / 5 years 2 months / Senior SRE / dates ... /
        # SRE / dates": the company and its total tenure head every role under it
        # the same for an employer line over date-first roles ("Tidewell Energy,
        # Rotterdam / 2022 – now Staff Cloud Engineer / ... / 2019 – 2022 Senior Cloud
        # Engineer"): a promotion listed under its employer
        date_first_role = h.date.span[0] <= 2 and _only_a_role(rest)
        if any(_TENURE.match(lines[i].text.strip()) for i in range(h.start, h.anchor)) or (
            date_first_role and h.start < h.anchor and company is not None
        ):
            group = company
        elif company is None:
            company = group
        else:
            group = None
        stop = headers[n + 1].start if n + 1 < len(headers) else len(lines)
        # "Senior IT Manager/Director ... / IT Infrastructure Architect ...": further roles
        # under the one dated entry, each with its own lines, held in the entry's dates
        roles = [i for i in range(h.end + 2, stop) if _is_undated_role(lines, i)]
        if roles and (title == UNTITLED or company is None):
            # the entry's header named only its employer ("HERNANDEZ & ASSOCIATES /
            # 1990 to 2000 / <what the firm does> / Chief Executive Officer"): the first
            # such line is its own title
            company = company or (title if title != UNTITLED else None)
            title = lines[roles.pop(0)].text.strip()
        # (title, the line it starts on, the lines its bullets run over): the entry's
        # own role, then each further role under it
        ends = [*roles, stop]
        spans = [(title, lines[h.start].no, h.end + 1, ends[0])]
        spans += [(lines[r].text.strip(), lines[r].no, r + 1, end) for r, end in pairwise(ends)]
        for role_title, line_no, first, last in spans:
            bullets = [
                ln
                for ln in lines[first:last]
                if ln.kind == "list_item" or len(ln.text.split()) >= 5
            ]
            positions.append(
                Position(
                    title=role_title,
                    company=company,
                    start=h.date.start,
                    end=h.date.end,
                    bullets=tuple(b.text for b in bullets),
                    bullet_lines=tuple(b.no for b in bullets),
                    line=line_no,
                )
            )
    headings = {
        n
        for n, h in enumerate(headers[:-1])
        if h.end == h.anchor
        # a name above the dates, or beside them ("Brackenridge Bank plc — Edinburgh |
        # Jun 2017 – Present" over "Staff Platform Engineer | Apr 2022 – Present")
        and (h.start < h.anchor or h.known is None)
        and (
            headers[n + 1].start == h.end + 1
            # one line describing the employer may stand between it and its first role
            or (headers[n + 1].start == h.end + 2 and describes(lines[h.end + 1]))
        )
    }
    return fold_repeated_roles(share_employer_spans(positions, headings)), header_lines
