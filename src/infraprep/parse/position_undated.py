"""Positions a CV names without dates: committee seats, board, volunteer and student roles.

``positions`` finds a position from its dates. Many CVs also list roles with none,
one to a line: "Vice Chair, Pacific Palisades Rotary Club", "SOE Diversity Committee:
Member", "Mediator-Los Angeles Superior Courts", "Educational Liaison for Hillside
Childrens Services", under a heading that says what they are ("VOLUNTEER, COMMUNITY
AND PROFESSIONAL INTERESTS", "College/University Service", "LEADERSHIP").

With no date to anchor on, two things together say a line is a position: it stands
under such a heading, and it is shaped as a role and an organisation, or a role
alone, where the role is a person ("Treasurer", "Search Committee Member"). Either
alone is not enough: a skills list, a course or a membership under any heading, and
the sentences of a cover note, have the words of roles too. A bare membership of an
association ("Member, Nebraska State Education Association") is not a position; a
seat on a committee or a board is.
"""

from __future__ import annotations

import re

from infraprep.models import Position
from infraprep.parse.dates import find_range, find_single_date
from infraprep.parse.lines import Line
from infraprep.parse.places import ORGANISATION_WORDS, is_place, strip_place
from infraprep.parse.position_header import reads_as_sentence, trim_part
from infraprep.parse.position_lines import NOT_A_ROLE, only_dates
from infraprep.parse.sections import CV_HEADING_TAILS, CV_SECTIONS, section_of

# The person a role names, as the last word of the role ("Literacy Tutor", "Ex Officio
# Member", "Secretary/Treasurer", "Co-Chair"). Only people: "Development" or "Support"
# end the name of work, not of a role.
_PERSON = (
    r"engineer|developer|administrator|architect|manager|lead|intern|consultant|analyst|"
    r"specialist|scientist|director|head|officer|programmer|technician|designer|founder|"
    r"president|operator|tester|trainee|fellow|researcher|coordinator|executive|assistant|"
    r"representative|editor|writer|reporter|journalist|producer|teacher|lecturer|professor|"
    r"instructor|tutor|trainer|coach|nurse|accountant|auditor|controller|clerk|cashier|"
    r"receptionist|secretary|treasurer|supervisor|agent|advisor|adviser|counsel+or|partner|"
    r"principal|planner|strategist|recruiter|volunteer|ambassador|therapist|attorney|lawyer|"
    r"paralegal|inspector|leader|chairman|chairwoman|chairperson|chair|mentor|aide|"
    r"organi[sz]er|captain|columnist|solicitor|practitioner|registrar|caregiver|member|"
    r"trustee|patron|liaison|facilitator|mediator|arbitrator|judge|reviewer|dispatcher|"
    r"ranger|babysitter|promoter|delegate|moderator|governor|commissioner|senator|steward|"
    r"chaplain|translator|interpreter|scoutmaster|webmaster|historian|parliamentarian|"
    r"ceo|cto|cfo|coo|cio|vp"
)
_ENDS_WITH_PERSON = re.compile(
    rf"(?:^|[\s/-])(?:{_PERSON})s?(?:\s+pro\s+tem(?:pore)?)?$|\bboard of directors$",
    re.IGNORECASE,
)
# Words that join the words of a role ("President and Treasurer", "Member & Chair")
_JOINERS = frozenset({"and", "&", "of", "the", "pro", "tem", "/"})
# A body one sits on: a member of it holds a seat, where a member of an association
# only belongs
_SEAT_BODY = re.compile(
    r"\b(?:committee|subcommittee|council|board|task ?force|panel|senate|commission|"
    r"cabinet|caucus|workgroup|working group)s?\b",
    re.IGNORECASE,
)
# "Member", "Ex Officio Member", "Varsity Team Member": one who belongs; a "Board Member"
# or a "Search Committee Member" names the seat
_ONLY_MEMBER = re.compile(
    r"^(?:(?:ex[- ]officio|founding|voting|associate|active|honorary|general)\s+)*"
    r"members?$|\bteam members?$",
    re.IGNORECASE,
)

# Headings over a list of such roles. "Customer Service" is a skill, not a heading.
_SERVICE_HEADING = re.compile(
    r"\b(?:volunteer(?:ing|s)?|community|service|leadership|activit(?:y|ies)|"
    r"involvements?|affiliations?|memberships?|committees?|extra[- ]?curricular|"
    r"organi[sz]ations|other\s+(?:work\s+|legal\s+)?(?:experience|jobs|responsibilities))\b",
    re.IGNORECASE,
)
_NOT_SERVICE_HEADING = re.compile(r"\bcustomer service\b", re.IGNORECASE)
# "A. Memberships", "IX Service", "B. Professional Assignments": an outline's numbering
_ENUMERATOR = re.compile(r"^(?:[A-Z]|[IVX]+|\d{1,2})[.)]?\s+(?=[A-Z])")
_YEAR = re.compile(r"\b(?:19|20)(?:\d\d|xx)\b", re.IGNORECASE)
# A single word that ends the line above when a name wraps ("Campus Representative to
# the Red Cross Disaster Services" / "Committee")
_WRAPPED_BODY = re.compile(
    r"^(?:committee|council|board|panel|team|commission|society|association|foundation|"
    r"program|programme|section|chapter|club)\.?$",
    re.IGNORECASE,
)
# "Past Program Chairman", "Served as Publicity Chair for ...": when, or how it is
# told, not what the role is
_LEAD_WORDS = re.compile(
    r"^(?:past|present|former|served as(?: an?| the)?|elected)\s+", re.IGNORECASE
)
_MAX_WORDS = 20  # "Board Member for the SETH Project foundation for suicide prevention ..."


def _heading_text(line: Line) -> str | None:
    """The words of a heading-shaped line, without an outline's numbering; None for a
    line that is no heading (a bullet, a sentence, a line with a year)."""
    text = _ENUMERATOR.sub("", line.text.strip()).strip()
    words = re.findall(r"[A-Za-z][A-Za-z'’-]*", text)
    if (
        line.kind == "list_item"
        or not words
        or len(words) > 8
        or re.search(r"\d", text)
        or ":" in text.rstrip(":")  # "Service & Quality Management: JIRA, Remedy": a field
        or text.endswith(".")  # "Committee.": the end of a sentence
        or reads_as_sentence(text)
    ):
        return None
    shaped = (
        line.is_heading
        or text.isupper()
        or text.endswith((":", ","))
        or all(w[0].isupper() for w in words if len(w) > 3)
    )
    return text if shaped else None


def is_service_heading(line: Line) -> bool:
    """ "VOLUNTEER, COMMUNITY AND PROFESSIONAL INTERESTS:", "College/University Service",
    "LEADERSHIP", "Other Responsibilities": a heading over roles held beside a career.
    A role that ends with such a word ("Community Service Coordinator") is a role."""
    text = _heading_text(line)
    return bool(
        text
        and _SERVICE_HEADING.search(text)
        and not _NOT_SERVICE_HEADING.search(text)
        and not _ENDS_WITH_PERSON.search(text.rstrip(" :,"))
    )


def _ends_service_list(line: Line) -> bool:
    """A heading of another kind: a CV section ("Publications", "EDUCATION"), a document
    heading, or a line in capitals or closed by a colon ("SEMINARS AND SPEAKING
    ENGAGEMENTS"). One word in capitals may be an organisation heading its roles
    ("WSU")."""
    if is_service_heading(line):
        return False
    if section_of(line, CV_SECTIONS, CV_HEADING_TAILS) is not None or line.is_heading:
        return True
    text = _heading_text(line)
    return bool(text and len(text.split()) >= 2 and (text.isupper() or text.endswith(":")))


def is_role_phrase(text: str) -> bool:
    """ "Judge Pro Tem", "Search Committee Member", "President and Treasurer": a short,
    capitalised name ending with the person who holds it. Not a sentence, no digits."""
    text = text.strip()
    words = text.replace("/", " / ").split()
    if not 1 <= len(words) <= 6 or re.search(r"[\d,:;()]", text) or not text[:1].isupper():
        return False
    if not _ENDS_WITH_PERSON.search(text) or reads_as_sentence(text):
        return False
    return all(w[:1].isupper() or w.lower() in _JOINERS for w in words)


def _role_of_named(text: str) -> bool:
    """ "Chairman of Mentor Program": a role and what it is a role of, one title."""
    head, sep, tail = text.partition(" of ")
    return bool(sep) and is_role_phrase(head) and _names(tail) and len(text.split()) <= 8


def _names(text: str) -> bool:
    """Capitalised words, as a name is written ("Halcyon Center for Child Studies", "My
    Faith Church"): the first word and most of the rest."""
    words = [w for w in re.findall(r"[A-Za-z][\w'’&.-]*", text) if w not in _NAME_JOINERS]
    lower = sum(1 for w in words if w[0].islower())
    return bool(words) and words[0][0].isupper() and 2 * lower < len(words)


def _organisation(text: str) -> str | None:
    """The organisation a part names: without quotes, a trailing aside or place in
    brackets ("(Seasonal)", "(CBO)"), a trailing place, a dangling "&"."""
    text = re.sub(r"[“”\"]", "", text).strip()
    text = re.sub(r"\s*\((?:\w+|[a-z][\w -]*|[^)]*,[^)]*)\)\s*$", "", text)
    text = trim_part(strip_place(text)).rstrip(" .&,;")
    if not text or is_place(text) or not _names(text):
        return None
    return text


def _split_commas(text: str) -> list[str]:
    """Comma-separated parts, never inside a bracket."""
    parts, depth, start = [], 0, 0
    for i, ch in enumerate(text):
        depth += {"(": 1, ")": -1}.get(ch, 0)
        if ch == "," and depth <= 0:
            parts.append(text[start:i].strip())
            start = i + 1
    parts.append(text[start:].strip())
    return [p for p in parts if p]


def _org_colon_role(text: str) -> tuple[str, str | None] | None:
    """ "SOE Diversity Committee: Member"; "Director and Promoter: New Alliance Schools,
    comprising ..."; "Governance Task Forces: Retention Task Force, Chair" (a grouping
    label before the colon)."""
    before, sep, after = text.partition(":")
    before, after = before.strip(), after.strip()
    if not sep or not before or not after:
        return None
    if is_role_phrase(after) and not is_role_phrase(before):
        # "Role: Senior Systems Engineer" is a field of a job, not an organisation's seat
        named = len(before.split()) >= 2 or ORGANISATION_WORDS.search(before)
        return (after, _organisation(before)) if named and not _FIELD_KEYS.match(before) else None
    if is_role_phrase(before):
        org = _organisation(_split_commas(after)[0])
        return (before, org) if org else None
    return _role_comma_org(after)


_FIELD_KEYS = re.compile(
    r"^(?:role|position|title|designation|job title|responsibilit(?:y|ies)|duties|"
    r"environment|client|project|team)s?$",
    re.IGNORECASE,
)
_DASH = re.compile(r"\s*[—–;]\s*|\s+-+\s*|\s*-+\s+")
_TIGHT_DASH = re.compile(r"^(?P<role>[^-]+?)-(?P<org>[A-Z].*)$")


def _role_dash_org(text: str) -> tuple[str, str | None] | None:
    """ "Mediator-Los Angeles Superior Courts", "U.S. Border Patrol Officer; INS- DOJ.",
    "INCOSE—Missouri S&T chapter—President": a role and its organisation either side
    of a dash. "Co-Chair" and "Vice-President" are one word."""
    parts = [p for p in _DASH.split(text) if p.strip()]
    if len(parts) < 2 and (tight := _TIGHT_DASH.match(text)):
        parts = [tight["role"], tight["org"]]
    if len(parts) < 2:
        return None
    if is_role_phrase(parts[0]) and (org := _organisation(_split_commas(parts[1])[0])):
        return parts[0].strip(), org
    if is_role_phrase(parts[-1]) and not is_role_phrase(parts[0]):
        return parts[-1].strip(), _organisation(parts[0])
    return None


def _role_comma_org(text: str) -> tuple[str, str | None] | None:
    """ "Vice Chair, Pacific Palisades Rotary Club"; "Phi Epsilon Kappa Honors Fraternity,
    President"; "Chairman of Mentor Program, Womens Referral Service". The first part
    that is a role is the title, the organisation the part before it, or after it
    when the role comes first."""
    parts = _split_commas(text)
    if len(parts) < 2:
        return None
    # the role first or second: "Flash, Dreamweaver, LotusNotes Designer" lists tools
    for i, part in enumerate(parts[:2]):
        if is_role_phrase(part) or (i == 0 and _role_of_named(part)):
            others = parts[:i] if i else parts[1:]
            orgs = [o for p in others if (o := _organisation(p))]
            return (part, orgs[0]) if orgs else None
    return None


def _role_bracket_org(text: str) -> tuple[str, str | None] | None:
    """ "Police Dispatcher (NYS Dept. Of Public Safety)", "Division of Developmental
    Disabilities (KY Chapter President)": one of the two in brackets."""
    m = re.match(r"^(?P<a>[^()]+?)\s*\((?P<b>[^()]+)\)$", text)
    if not m:
        return None
    a, b = m["a"].strip(), m["b"].strip()
    if is_role_phrase(a) and (org := _organisation(b)):
        return a, org
    if is_role_phrase(b) and not is_role_phrase(a) and (org := _organisation(a)):
        return b, org
    return None


_ROLE_PREPOSITION = re.compile(
    r"^(?P<role>.+?)\s+(?:of|for|to|at|with)\s+(?:the\s+)?(?P<org>[A-Z].*)$"
)
_NAME_JOINERS = frozenset({"of", "and", "&", "for", "the", "de", "du", "la", "in", "on"})
# Last words of a line that goes on below ("... and provided oversight. Served as")
_GOES_ON = _NAME_JOINERS | {"as", "a", "an", "to", "with", "by", "at", "or", "from"}


def _role_of_org(text: str) -> tuple[str, str | None] | None:
    """ "Educational Liaison for Hillside Childrens Services", "Board Member for the SETH
    Project foundation for suicide prevention ...": a role, then the organisation up to
    a comma or to where the words stop being a name."""
    m = _ROLE_PREPOSITION.match(text)
    if not m or not is_role_phrase(m["role"]):
        return None
    name: list[str] = []
    for word in _split_commas(m["org"])[0].split():
        if not (word[:1].isupper() or word[:1].isdigit() or word.lower() in _NAME_JOINERS):
            break
        name.append(word)
    while name and name[-1].lower() in _NAME_JOINERS:
        name.pop()
    org = _organisation(" ".join(name))
    return (m["role"].strip(), org) if org else None


def _role_alone(text: str) -> tuple[str, str | None] | None:
    """ "Faculty Assembly Representative", "Student Body President": a role on its own
    line, two to four words: "Coordinator" alone is the end of a wrapped line."""
    words = text.split()
    if (
        not is_role_phrase(text)
        or not 2 <= len(words) <= 4  # "Coordinator" alone is the end of a wrapped line
        or ORGANISATION_WORDS.search(text)  # "Los Angeles Public Library Literacy Tutor"
        or words[-1].lower().endswith("s")  # "Debt Restructure/Banking Partners": a skill
    ):
        return None
    return text, None


_READERS = (_org_colon_role, _role_dash_org, _role_comma_org, _role_bracket_org, _role_of_org)


def read_role_line(text: str) -> tuple[str, str | None] | None:
    """The title and organisation of a line that names one undated role, else None.

    Tried in order: "Organisation: Role" (or "Role: Organisation"), "Role - Organisation",
    "Role, Organisation" (either order), "Role (Organisation)", "Role of/for/to the
    Organisation", a role alone. A bare membership of an association is no role.
    """
    text = re.sub(r"\s*\([^)]*$", "", text.strip())  # a bracket the next line closes
    text = _LEAD_WORDS.sub("", text.strip(" .;")).strip()
    if not text or len(text.split()) > _MAX_WORDS:
        return None
    found = next((r for reader in _READERS if (r := reader(text))), None) or _role_alone(text)
    if found is None:
        return None
    title, org = found
    if NOT_A_ROLE.search(title):
        return None  # "Outstanding Teacher of the Year, Milton Middle School": an award
    if _ONLY_MEMBER.search(title) and not _SEAT_BODY.search(f"{org or ''}"):
        return None  # "Member, Treeville Education Association": belonging, not a seat
    member_of, of, _ = title.partition(" of ")
    if of and _ONLY_MEMBER.match(member_of) and not _SEAT_BODY.search(title):
        return None  # "Member of Womens Club"
    return title, org


def _joined(lines: list[Line], i: int) -> str:
    """A line with the one word its name wrapped onto ("... Disaster Services" /
    "Committee"), or a "Patron:" label with the organisation on the line under it."""
    text = lines[i].text.strip()
    if i + 1 >= len(lines):
        return text
    nxt = lines[i + 1].text.strip()
    if _WRAPPED_BODY.match(nxt) or (
        text.endswith(":") and is_role_phrase(text[:-1]) and _organisation(nxt)
    ):
        return f"{text} {nxt}"
    return text


def _continues_above(lines: list[Line], i: int) -> bool:
    """Whether the line is the wrapped end of the one above ("... for Finance, Audit, /
    Executive, and Nominating ..."): that line is a sentence, or ends on a comma or a
    joining word, or carries a date the line goes on from, and it is not closed."""
    if i == 0 or lines[i].text.strip()[:1].islower():
        return i > 0
    above = lines[i - 1].text.strip()
    if not above or above.endswith((".", "!", "?", ":", ";")) or is_service_heading(lines[i - 1]):
        return False
    if above.endswith((",", "&", "-")) or above.split()[-1].lower() in _GOES_ON:
        return True
    return bool(_YEAR.search(above))


def _by_dates(lines: list[Line], i: int, taken: frozenset[int]) -> bool:
    """Whether a line stands next to a dated position's header, next to a line that is
    only dates ("Committee Member" under "January to May 2009") or over the dated rest
    of its entry: it belongs to a dated position, which the dated reading found or
    missed, and is not a role of its own."""
    for j in (i - 1, i + 1):
        if not 0 <= j < len(lines):
            continue
        date = find_range(lines[j].text) or find_single_date(lines[j].text)
        if lines[j].no in taken or (date and only_dates(lines[j], date)):
            return True
    # "President, State of Kentuckys Division ... for the International" / "Council of
    # Exceptional Children, 1996 to present.": the line under it ends the entry with its
    # dates
    below = lines[i + 1].text if i + 1 < len(lines) else ""
    return bool(find_range(below)) and read_role_line(below) is None


# "Counseling Services Program Coordinator (Spring 08)": a term in brackets dates it
_DATED_ASIDE = re.compile(r"\([^)]*\d[^)]*\)")
_PRESENT = re.compile(r"^present\s+", re.IGNORECASE)


def undated_positions(lines: list[Line], taken: frozenset[int]) -> list[Position]:
    """Undated roles listed under a service heading, in the order the CV lists them.

    ``taken``: numbers of the lines a dated position's header already took; they, the
    lines next to them and any line with a year are left to the dated reading (the
    date is the position's, or an award's). "Present Reviewer - Journal of ..." is a
    role held now: no start, and the end is the present.
    """
    out: list[Position] = []
    inside = False
    for i, line in enumerate(lines):
        if is_service_heading(line):
            inside = True
            continue
        if not inside:
            continue
        if _ends_service_list(line):
            inside = False
            continue
        text = _joined(lines, i)
        if (
            line.no in taken
            or _YEAR.search(text)
            or _DATED_ASIDE.search(text)
            or find_range(text)
            or find_single_date(text)
            or _continues_above(lines, i)
            or _by_dates(lines, i, taken)
            or (found := read_role_line(text)) is None
        ):
            continue
        title, org = found
        end = "present" if _PRESENT.match(text) else None
        out.append(Position(title=title, company=org, end=end, line=line.no))
    return out
