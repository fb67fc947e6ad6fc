"""What a position's header says: its title and its company, from the words around its dates.

A header is one to three short lines ("Senior SRE / Acme Corp - Austin, TX") or
the rest of the date line. It is cut into parts at separators (a dash, a pipe,
"at", a comma; never inside a bracket), places, links, sentences and template
words are dropped, and the part with a role word is the title; the company is
the part that reads as an organisation, or else the other part.
"""

from __future__ import annotations

import re

from infraprep.parse.dates import MONTHS, find_range
from infraprep.parse.places import LEGAL_FORM as _LEGAL_FORM
from infraprep.parse.places import ORGANISATION_WORDS as _COMPANY_WORDS
from infraprep.parse.places import is_place, strip_place

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
# Words that make a name an organisation's ("Sasken Technologies", "Acme Inc.").
ENDS_WITH_ROLE = re.compile(ROLE_WORDS.pattern + r"\W*$", re.IGNORECASE)
# The function or area a title names after a comma ("Team Lead, QA", "Director, IT",
# "Software Engineer, Infrastructure"): part of the title, not an employer
_FUNCTION = re.compile(
    r"^(?:QA|QC|IT|HR|BI|UX|UI|R&D|PMO|SRE|ML|"
    r"(?:site )?reliability|infrastructure|platform|security|back[- ]?end|front[- ]?end|"
    r"full[- ]?stack|data|networking|cloud|devops|storage|observability|"
    r"developer (?:tools|productivity|experience)|production|operations|systems|"
    r"machine learning|mobile)(?: engineering)?$",
    re.IGNORECASE,
)
# A clause, not a header: "Have worked as a Support Engineer", "Experience in Oracle ...".
_SENTENCE = re.compile(
    r"^(?:i|i'm|we|my|have|has|had|was|were|am|is|are|worked|working|responsible|"
    r"experience (?:in|with|of|on)|involved|currently|presently|handled|handling)\b",
    re.IGNORECASE,
)
LINK = re.compile(r"https?://|www\.|\b[\w-]+\.(?:com|org|net|in|io)/", re.IGNORECASE)
# "Key: value" header fields; the key says what the value is.
FIELD = re.compile(r"^\s*(?P<key>[A-Za-z][A-Za-z' ]{1,24}?)\s*[:：]\s*(?P<value>.*)$")
_TITLE_KEYS = re.compile(
    r"^(?:designation|(?:job )?title|role|position(?: held)?|current position|post)$", re.I
)
_COMPANY_KEYS = re.compile(
    r"^(?:company(?: name)?|employer(?:'?s)?(?: name)?|organi[sz]ation(?: name)?|firm)$", re.I
)
_OTHER_KEYS = re.compile(
    r"^(?:duration|period|tenure|dates?|time period|from|client|project(?: name| title)?|"
    r"location|place|city|team|environment|domain|technolog(?:y|ies)|tools|software|"
    r"skills|gpa|team size)$",
    re.IGNORECASE,
)


def is_named_field(text: str) -> bool:
    """ "Position held: Legal Director", "Company: Acme": a labelled title or employer."""
    field = FIELD.match(text)
    key = field.group("key").strip().lower() if field else ""
    return bool(field and (_TITLE_KEYS.match(key) or _COMPANY_KEYS.match(key)))


def is_aside_field(text: str) -> bool:
    """ "Client: BC Hydro", "Team Size: 8": a labelled field that names neither the role
    nor the employer, so a header passes over it."""
    field = FIELD.match(text)
    return bool(field and _OTHER_KEYS.match(field.group("key").strip().lower()))


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
# a full stop that closes an abbreviation, not a sentence ("Pvt. Ltd.", "Grupo Odinsa S.A.")
ABBREV_END = re.compile(
    r"\b(?:ltd|inc|co|corp|pvt|llc|jr|sr|s\.a|s\.l|b\.v|n\.v)\.$", re.IGNORECASE
)
_DASH = re.compile(r"\s+[—–]\s+")
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


def _role_and_organisation(part: str) -> list[str]:
    """A part naming both a role and the organisation, split in two.

    "Intern engineer / Joobi Solution Limited": a slash between a role and an
    organisation separates them ("Director of Field Operations / Fix Operations
    Specialist" is one combined title and stays whole). "Special Education Teacher
    AAA High School": a role, then an organisation's name with no separator
    (capitalised words ending in a word like School).
    """
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
    roles = list(ROLE_WORDS.finditer(part))
    if not roles:
        return [part]
    rest = part[roles[-1].end() :].strip()
    words = rest.split()
    if (
        len(words) >= 2
        and words[0][:1].isupper()  # "Director of Career Services" is one title
        # "Apex Professional Services": a name does not start with the word that ends it
        and not _COMPANY_WORDS.match(words[0])
        and all(w[:1].isupper() or w[:1].isdigit() or w in {"of", "and", "&"} for w in words)
        and _COMPANY_WORDS.search(words[-1])
        and not ROLE_WORDS.search(rest)
    ):
        return [part[: roles[-1].end()].strip(), rest]
    return [part]


_PARENTHESIS = re.compile(r"\s*\(([^()]*)\)")


def _drop_place(match: re.Match[str]) -> str:
    """ "Product Manager (Houston, TX)": a place in brackets goes; "(TA)" stays."""
    return "" if is_place(match.group(1)) else match.group(0)


def trim_part(part: str) -> str:
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
UNTITLED = "Untitled position"  # the title of a position whose header names no title


def reads_as_sentence(text: str) -> bool:
    """A clause rather than a name: starts like one, or is mostly lower-case words.

    Titles and company names are capitalised ("Manager of Academic Technology and
    Finance"); "Participate in key business planning for company products" is not.
    """
    words = re.findall(r"[A-Za-z][\w'’-]*", text)
    lower = sum(1 for w in words if w[0].islower())
    return bool(_SENTENCE.match(text)) or (len(words) >= 4 and 2 * lower >= len(words))


def is_named(text: str) -> bool:
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
        if (field := FIELD.match(text)) is not None:
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
        if not text or reads_as_sentence(text) or LINK.search(text):
            continue
        for part in (p for piece in _split_header(text) for p in _role_and_organisation(piece)):
            part = trim_part(_PARENTHESIS.sub(_drop_place, part))
            if _LEGAL_FORM.match(part) and parts:
                parts[-1] = f"{parts[-1]}, {part}"  # "COMPANY, INC."
            elif _FUNCTION.match(part) and parts and ROLE_WORDS.search(parts[-1]):
                parts[-1] = f"{parts[-1]}, {part}"  # "Team Lead, QA": the team it leads
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
    # a company's word in a part that ends with a role is the kind of role ("Software
    # Eng Lead", "Systems Engineer"), not an organisation's name
    titles = [
        p
        for p in parts
        if ROLE_WORDS.search(p) and (not _COMPANY_WORDS.search(p) or ENDS_WITH_ROLE.search(p))
    ]
    titles = titles or [p for p in parts if ROLE_WORDS.search(p)]
    named = [p for p in parts if _COMPANY_WORDS.search(p) and p not in titles[:1]]
    if titles:
        title: str | None = titles[0]
        rest = [p for p in parts if p != title]
        # of the other parts, one naming no role is the employer ("Sr.Consultant /
        # Defect Manager, QA / Capgemini")
        others = [p for p in rest if not ROLE_WORDS.search(p)] or rest
        company = named[0] if named else (others[0] if others else None)
        # "Senior Security Engineer, Incident Response — Tessaline Cloud": the comma
        # gives the title its speciality, the dash the employer
        after_dash = {trim_part(_DASH.split(t)[-1]) for t in texts if _DASH.search(t) and "," in t}
        if not named and len(others) > 1 and (employer := after_dash & set(others)):
            speciality = next(p for p in others if p not in employer)
            company, title = next(iter(employer)), f"{title}, {speciality}"
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
    if split and ROLE_WORDS.search(split["role"]) and names_an_organisation(split["org"]):
        title, company = split["role"], split["org"]
    return title or UNTITLED, company


# "Secretary General of the International Civil Aviation Organization (ICAO)"
_ROLE_OF_THE_ORG = re.compile(r"^(?P<role>.+?)\s+of\s+the\s+(?P<org>[A-Z].+)$")


def names_an_organisation(text: str) -> bool:
    """ "International Civil Aviation Organization (ICAO)", "Aviation Security Branch":
    an organisation's word, its acronym, or three or more capitalised words ("Member
    of the Technical Staff" names no organisation)."""
    words = re.findall(r"[A-Za-z][\w'&.-]*", text)
    capitalised = [w for w in words if w[0].isupper()]
    return bool(re.search(r"\([A-Z]{2,}\)", text) or _COMPANY_WORDS.search(text)) or (
        len(capitalised) >= 3 and len(capitalised) * 2 >= len(words)
    )
