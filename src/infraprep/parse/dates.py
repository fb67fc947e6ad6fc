"""Dates and date ranges as CVs write them, normalised to "YYYY-MM" / "YYYY" / "present"."""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

MONTHS = {
    "jan": 1,
    "feb": 2,
    "mar": 3,
    "apr": 4,
    "may": 5,
    "jun": 6,
    "jul": 7,
    "aug": 8,
    "sep": 9,
    "sept": 9,
    "oct": 10,
    "nov": 11,
    "dec": 12,
}
_MONTH_NAME = (
    r"(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|"
    r"sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\.?"
)
MONTH_NAME = _MONTH_NAME  # a month's name or abbreviation, as a regex fragment
_YEAR = r"(?:19[5-9]\d|20[0-4]\d)"
_ORDINAL_DAY = r"(?:\d{1,2}(?:st|nd|rd|th)?\s+(?:of\s+)?)?"
# "Jun 06", "Sept '13": a month name makes two digits a year ("June 13, 2015" is a day).
_SHORT_YEAR = r"'?\d{2}(?!\d|,|\s*\d|:)"
# between a month and its year: "Sept 2019", "Sept, 2019", "Dec' 2015", "Oct- 2008"
_MONTH_YEAR_GAP = r"(?:-\s*|\s*[,’']?\s*'?)"
# "September 1st 2014", "June 13, 2015": a day between the month and its year
_MONTH_DAY = r"\s+\d{1,2}(?:st|nd|rd|th)?,?"
_DATE = (
    rf"(?:{_ORDINAL_DAY}{_MONTH_NAME}(?:{_MONTH_DAY})?{_MONTH_YEAR_GAP}{_YEAR}|{_MONTH_NAME}\s*{_SHORT_YEAR}|"
    rf"(?:0?[1-9]|1[0-2])/(?:0?[1-9]|[12]\d|3[01])/{_YEAR}|"
    rf"(?:0?[1-9]|1[0-2])\s*[/.-]\s*{_YEAR}|{_YEAR}\s*[/.-]\s*(?:0?[1-9]|1[0-2])(?!\d)|{_YEAR})"
)
_PRESENT = r"(?:(?:the )?present|current(?:ly)?|now|today|ongoing|till date|to date|date|onwards)"
# the end words that may follow a start with no separator ("Mar 2014 current")
_OPEN_END = r"(?:present|current|till date|to date)"
_SEP = r"\s*(?:-|–|—|to|until|till|through|~|→):?\s*"  # "Since: ... Until: Currently"
RANGE = re.compile(
    rf"(?P<start>{_DATE})(?:{_SEP}(?P<end>{_DATE}|{_PRESENT})|"
    rf"\s+(?P<onwards>onwards|{_OPEN_END}(?=\s*(?:$|[),|])))\b)",
    re.IGNORECASE,
)
# "1992-95", "2014-15": the end year in two digits. Up to 12 it could be a month
# ("2010-11" is November 2010 as often as 2010-2011), so only a larger number counts.
_SHORT_END = re.compile(rf"(?<!\d)(?P<start>{_YEAR})\s*[-–]\s*(?P<end>1[3-9]|[2-9]\d)(?![\d/.-])")
# "Aug-Sept 2014", "January to May 2009": two months of one year.
_MONTHS_OF_A_YEAR = re.compile(
    rf"\b(?P<first>{_MONTH_NAME})\s*(?:-|–|—|to|till|until|through)\s*(?P<second>{_MONTH_NAME})"
    rf"\s*,?\s*(?P<year>{_YEAR})(?!\s*(?:-|–|—|to\b))",
    re.IGNORECASE,
)
SINCE = re.compile(
    rf"\b(?:since|from)\s+(?P<start>{_DATE})(?![\d\s]*(?:-|–|—|to\b|till\b))", re.IGNORECASE
)

# "6/2007 present K20 Center", "2008present": a line that opens with its range needs no
# separator.
_LEADING_OPEN_RANGE = re.compile(rf"^\s*(?P<start>{_DATE})\s*{_OPEN_END}\b", re.IGNORECASE)
# "8/07-12/09", "6/04 - present": month and two-digit year on both ends of a range
# (one "12/09" alone could be a day of December).
_SHORT_MONTH_YEAR = r"(?:0?[1-9]|1[0-2])/\d{2}"
_SHORT_RANGE = re.compile(
    rf"(?<![\d/])(?P<start>{_SHORT_MONTH_YEAR})\s*(?:-|–|—|to)\s*"
    rf"(?P<end>{_SHORT_MONTH_YEAR}|{_PRESENT})(?![\d/])",
    re.IGNORECASE,
)
# "20122016": a PDF whose font drew the en dash as a glyph the text layer lost.
# "August 2014 —", "2019 -": a start and a dash with nothing after, the current job
_TRAILING_OPEN_RANGE = re.compile(rf"(?P<start>{_DATE})\s*(?:-|–|—)\s*$", re.IGNORECASE)
_GLUED_YEARS = re.compile(rf"^\s*(?P<start>{_YEAR})(?P<end>{_YEAR})\s*$")
_ENDS_WITH_DATE = re.compile(rf"{_DATE}\s*$", re.IGNORECASE)
_ONLY_MONTH = re.compile(rf"^\s*{_MONTH_NAME}\s*$", re.IGNORECASE)
_ONLY_DATE = re.compile(rf"^\s*{_DATE}\s*$", re.IGNORECASE)
# "2000", "(June 2005)", "Summer 2009": a year, perhaps after a month or a season word
_ONLY_A_YEAR = re.compile(r"^\s*\(?\s*(?:[A-Za-z]{3,9}\.?,?\s+)?(?:19|20)\d{2}\s*\)?\s*$")
_STARTS_WITH_END_DATE = re.compile(rf"^\s*(?:{_DATE}|{_PRESENT})\s+\S", re.IGNORECASE)
_ONLY_END_DATE = re.compile(rf"^\s*(?:{_SEP})?(?:{_DATE}|{_PRESENT})\s*[):]?\s*$", re.IGNORECASE)


@dataclass(frozen=True)
class DateRange:
    start: str
    end: str  # "present" for a current role
    span: tuple[int, int]  # character offsets in the line


def _month_number(name: str) -> int:
    """ "Sept." -> 9, "june" -> 6."""
    name = name.lower().rstrip(".")
    return MONTHS[name[:4] if name.startswith("sept") else name[:3]]


def _two_digit_year(digits: str) -> int:
    """ "06" -> 2006, "99" -> 1999: CVs date no job after 2049."""
    return (2000 if int(digits) < 50 else 1900) + int(digits)


def normalise_date(text: str) -> str | None:
    """'Sept 2019' -> '2019-09'; '03/2019' -> '2019-03'; '2019' -> '2019'."""
    t = re.sub(
        r"^\d{1,2}(?:st|nd|rd|th)?\s+(?:of\s+)?(?=[a-z])", "", text.strip().lower().rstrip(".")
    )
    if re.fullmatch(_PRESENT, t):
        return "present"
    m = re.match(rf"({_MONTH_NAME})(?:{_MONTH_DAY})?{_MONTH_YEAR_GAP}({_YEAR})", t)
    if m:
        return f"{m.group(2)}-{_month_number(m.group(1)):02d}"
    m = re.match(rf"({_MONTH_NAME})\s*'?(\d{{2}})$", t)
    if m:
        return f"{_two_digit_year(m.group(2))}-{_month_number(m.group(1)):02d}"
    m = re.match(rf"(0?[1-9]|1[0-2])/\d{{1,2}}/({_YEAR})", t)  # US order: "2/1/2012"
    if m:
        return f"{m.group(2)}-{int(m.group(1)):02d}"
    m = re.match(rf"(0?[1-9]|1[0-2])\s*[/.-]\s*({_YEAR})", t)
    if m:
        return f"{m.group(2)}-{int(m.group(1)):02d}"
    m = re.match(rf"({_YEAR})\s*[/.-]\s*(0?[1-9]|1[0-2])$", t)
    if m:
        return f"{m.group(1)}-{int(m.group(2)):02d}"
    m = re.match(rf"({_YEAR})", t)
    return m.group(1) if m else None


def _first_form(line: str, match: re.Match[str]) -> bool:
    """A range of a special form counts only when no ordinary range comes before it."""
    return not RANGE.search(line[: match.start()])


def find_range(line: str) -> DateRange | None:
    """The first employment-style date range in a line, if any."""
    months = _MONTHS_OF_A_YEAR.search(line)
    if months and _first_form(line, months):
        start = normalise_date(f"{months.group('first')} {months.group('year')}")
        end = normalise_date(f"{months.group('second')} {months.group('year')}")
        if start and end and start <= end:
            return DateRange(start, end, months.span())
    short = _SHORT_END.search(line)
    if short and _first_form(line, short):
        start_year = int(short.group("start"))
        end_year = start_year // 100 * 100 + int(short.group("end"))
        if start_year <= end_year <= start_year + 20:
            return DateRange(short.group("start"), str(end_year), short.span())
    short_range = _SHORT_RANGE.search(line)
    if short_range and _first_form(line, short_range):
        start = _short_month_year(short_range.group("start"))
        end_text = short_range.group("end")
        end = "present" if "/" not in end_text else _short_month_year(end_text)
        if end == "present" or end >= start:
            return DateRange(start, end, short_range.span())
    leading = _LEADING_OPEN_RANGE.match(line)
    if leading and (start := normalise_date(leading.group("start"))):
        return DateRange(start, "present", leading.span())
    glued = _GLUED_YEARS.match(line)
    if glued and glued.group("end") >= glued.group("start"):
        return DateRange(glued.group("start"), glued.group("end"), glued.span())
    for m in RANGE.finditer(line):
        start = normalise_date(m.group("start"))
        if m.group("onwards"):
            end: str | None = "present"
        else:
            end = normalise_date(m.group("end"))
        if start and end and (end == "present" or end[:4] >= start[:4]):
            return DateRange(start, end, m.span())
    trailing = _TRAILING_OPEN_RANGE.search(line)
    if trailing and (start := normalise_date(trailing.group("start"))) and start != "present":
        return DateRange(start, "present", trailing.span())
    since = SINCE.search(line)
    # "since 2019" inside a sentence ("costs fell since 2019") is not a job's dates
    if since and (since.start() <= 2 or len(line) <= 25):
        start = normalise_date(since.group("start"))
        if start:
            return DateRange(start, "present", since.span())
    return None


_TRAILING_DATE = re.compile(rf"(?:^|[,|(–—-]\s*|\s)(?P<date>{_DATE})\s*\)?\.?\s*$", re.IGNORECASE)


def _short_month_year(text: str) -> str:
    """ "8/07" -> "2007-08"."""
    month, year = text.split("/")
    return f"{_two_digit_year(year)}-{int(month):02d}"


def is_only_a_year(line: str) -> bool:
    """A line that is one year and nothing else ("2000", "(June 2005)", "Summer 2009")."""
    return bool(_ONLY_A_YEAR.match(line))


def find_single_date(line: str) -> DateRange | None:
    """A line's one closing date ("Fourth Grade Teacher, Eager School, 1976"): a role
    held for a year or less, or whose end the CV does not give. Start and end are the
    same, as the CV writes it. For a line with no range: ask ``find_range`` first, as
    the trailing date of a range would be read here as its end alone."""
    m = _TRAILING_DATE.search(line)
    if not m:
        return None
    date = normalise_date(m.group("date"))
    return DateRange(date, date, m.span()) if date and date != "present" else None


def join_split_range(first: str, second: str) -> str | None:
    """One line when a range is broken over two ("Mar 2014" / "current", "(Dec 2008" /
    "July 2011)"): the layout put each end on its own line. When the first line is only
    a date, the second may go on after its date ("July 2007" / "Nov 2012 Tutor, VCE
    History"), as a date column beside the entry extracts."""
    if _ONLY_MONTH.match(first):
        # "January" / "May 2011": the first month's year is the second's
        joined = f"{first.strip()} – {second.strip()}"
        months = _MONTHS_OF_A_YEAR.match(joined)
        return joined if months and months.end() >= len(joined.rstrip(" )")) else None
    if _TRAILING_OPEN_RANGE.search(first) and _ONLY_END_DATE.match(second):
        # "Dec 2008 –" / "July 2011": the end wrapped onto the next line
        joined = f"{first.rstrip()} {second.strip()}"
        return joined if find_range(joined) else None
    if find_range(first) or not _ENDS_WITH_DATE.search(first):
        return None
    if not _ONLY_END_DATE.match(second) and not (
        _ONLY_DATE.match(first) and _STARTS_WITH_END_DATE.match(second)
    ):
        return None
    joined = f"{first.rstrip()} – {second.strip().lstrip('-–—~').strip()}"
    return joined if find_range(joined) else None


def to_month_index(value: str, today: dt.date, *, is_end: bool) -> int:
    """Months since year 0; a bare year counts from January (start) or December (end)."""
    if value == "present":
        return today.year * 12 + today.month - 1
    year = int(value[:4])
    if len(value) >= 7:
        return year * 12 + int(value[5:7]) - 1
    return year * 12 + (11 if is_end else 0)


def total_years(ranges: list[tuple[str, str]], today: dt.date) -> float:
    """Years covered by the union of ranges, so overlapping jobs are not double-counted."""
    spans = sorted(
        (to_month_index(s, today, is_end=False), to_month_index(e, today, is_end=True) + 1)
        for s, e in ranges
    )
    months = 0
    cur_start, cur_end = None, None
    for start, end in spans:
        if end <= start:
            continue
        if cur_end is None or start > cur_end:
            if cur_end is not None and cur_start is not None:
                months += cur_end - cur_start
            cur_start, cur_end = start, end
        else:
            cur_end = max(cur_end, end)
    if cur_end is not None and cur_start is not None:
        months += cur_end - cur_start
    return round(months / 12, 1)
