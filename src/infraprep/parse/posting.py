"""Job description -> ``Posting``: title, level, family, requirements with their lines."""

from __future__ import annotations

import re

from infraprep.errors import EmptyInputError, NotAJobPostingError
from infraprep.knowledge import KnowledgeBase
from infraprep.knowledge.schema import INFRA_FAMILIES
from infraprep.models import IC_LEVELS, LEVELS, Document, Level, Posting, Requirement
from infraprep.parse.competencies import competency_matcher
from infraprep.parse.family import pick_family, score_families
from infraprep.parse.ladder import Ladder, read_ladder
from infraprep.parse.level import infer_level
from infraprep.parse.lines import Line, file_line_numbers, numbered_lines
from infraprep.parse.phrases import NUMBER_WORDS, first_sentence
from infraprep.parse.position_header import ROLE_WORDS
from infraprep.parse.sections import JD_SECTIONS, jd_heading_section, split_sections
from infraprep.parse.technologies import canonical_technologies, technology_categories

_NICE_CUES = re.compile(
    r"\b(?:a plus|is a plus|are a plus|plus\b|preferred|preferable|bonus|"
    r"nice[- ]to[- ]have|ideally|desirable|good to have|not required|helpful|"
    # "desired skills", not "the desired need" or "defend a desired solution"
    r"desired(?!\s+(?:needs?|outcomes?|results?|solutions?|state|effect|end state))|"
    r"advantageous|would be great|an advantage)\b",
    re.IGNORECASE,
)
# A lead-in line that turns the list after it into nice-to-haves ("Strong candidates
# will have experience with, or a desire to learn, some of the following:").
_NICE_LEAD_IN = re.compile(
    r"\b(?:desire to learn|willingness to learn|some of the following|any of the following|"
    r"bonus|a plus|nice[- ]to[- ]have|preferred|ideally|would be great|extra credit|"
    r"stand out|strong candidates|(?:don't|don’t|do not) (?:have|need) to be)\b",
    re.IGNORECASE,
)
# A page's own navigation ("Quick Links to Posting Sections") asks for nothing.
_NAVIGATION = re.compile(
    r"^\[?(?:quick links|table of contents|contents|jump to|on this page|read more about)\b",
    re.I,
)


def _comparable(text: str) -> str:
    """A line's words alone, to tell when the page writes the same line twice."""
    return re.sub(r"[^a-z0-9]+", " ", text.lower()).strip()


# Lines about applying or pay are not requirements, and the tools they name
# ("join a Slack channel", "apply on Lever") are not the job's stack.
_APPLY_OR_PAY = re.compile(
    r"^(?:apply (?:here|now|online|today)\b|before applying|to apply\b|how to apply|"
    r"if you would like to apply)|"
    r"\b(?:apply (?:for|to) (?:this|the)\b.{0,60}\b(?:job|role|position)\b|apply here|"
    r"application process|on your (?:resume|résumé)|disqualification|"
    r"applications will be (?:reviewed|scored|evaluated)|scoring rubric|"
    r"minimally qualified|minimum qualification|your application will be|cover letters?|"
    r"external materials|federal style resume|"
    r"dates you held each job|hours per week you worked|"
    r"pay grades?|salary range|(?:set|is) at (?:a|the) gs-\d{1,2}(?:/\d{1,2})? level)\b",
    re.IGNORECASE,
)
_YEARS = re.compile(
    r"(\d{1,2})\)?(?:\s*(?:-|–|to)\s*(\d{1,2}))?\s*\+?\s*(?:years?|yrs)\b",
    re.IGNORECASE,
)
_COMPANY_SENTENCE = re.compile(
    r"^(?:at\s+)?([A-Z][\w&.'-]*(?:\s+[A-Z][\w&.'-]*){0,3})\s+(?:is|are|was|builds|helps|"
    r"makes|provides|develops|creates|powers|offers|has)\b",
)
# A listed duty worded as a qualification ("Kubernetes - Experience with managing
# clusters", "At least 2 years managing applications") asks for something the
# candidate must already have, wherever the page lists it.
_ASKS_FOR = re.compile(
    r"^(?:(?:[A-Z][\w/&+()., -]{1,50}\s[-–—:]\s+)(?:[\w-]+\s+){0,3}?)?"
    r"(?:(?:at least|minimum of)\s+\w+\+?\s+years?\b|\d{1,2}\+?\s*years?\b|"
    r"(?:(?:hands-on|proven|demonstrated|strong|solid|deep|working|advanced|prior|previous)\s+)?"
    r"(?:experience|knowledge|understanding|proficiency|familiarity|expertise)\s+(?:with|in|of)\b)",
    re.IGNORECASE,
)
# "Cloud Services - Manage ... Linux": a list item led by the area it covers.
_AREA_LABEL = re.compile(r"^[A-Z][\w/&+(). -]{1,40}?\s[-–—:]\s+(?=\S)")
_TITLE_LABEL = re.compile(r"^(?:job description|job title|position|role)\s*[:–—-]\s*", re.I)
_NOT_COMPANY = {"we", "our", "you", "this", "the", "it", "they", "about", "join", "as", "in"}


def _not_a_company_name(name: str) -> bool:
    """ "We are", "This role is", and the role itself: "Distinguished Engineers are
    recognized experts" describes the job, not the employer."""
    words = name.split()
    return words[0].lower() in _NOT_COMPANY or bool(ROLE_WORDS.fullmatch(words[-1]))


def _years(text: str) -> float | None:
    m = _YEARS.search(text)
    if not m:
        # "one year of specialized experience", the federal wording
        word = _YEARS_IN_WORDS.search(text)
        return float(NUMBER_WORDS[word.group(1).lower()]) if word else None
    low = float(m.group(1))
    return low if 0 < low <= 30 else None


_YEARS_IN_WORDS = re.compile(
    rf"\b({'|'.join(NUMBER_WORDS)})\s+(?:\(\d+\)\s+)?(?:full[- ]time\s+)?years?\s+of\b",
    re.IGNORECASE,
)


def _largest_line_title(lines: list[Line]) -> str | None:
    """The first line in the largest type near the top, with its wrapped continuation.

    PDF postings set the title in the largest font, but extraction may call it a
    paragraph, and a long title wraps ("... (5+ Years of" / "Experience)").
    """
    top = lines[:8]
    biggest = max((line.size for line in top), default=1.0)
    if biggest <= 1.0:
        return None
    i = next(i for i, line in enumerate(top) if line.size == biggest)
    text = top[i].text
    for nxt in top[i + 1 :]:
        if text.count("(") <= text.count(")") or nxt.size != biggest:
            break
        text = f"{text} {nxt.text}"
    text = _TITLE_LABEL.sub("", text).strip()
    return text if 2 < len(text) < 120 else None


def _title(doc: Document, lines: list[Line]) -> str:
    # a page's front-matter title is its first heading already (ingest puts it there)
    largest = _largest_line_title(lines)
    if largest:
        return largest
    for line in lines[:8]:
        if line.is_heading and 2 < len(line.text) < 90:
            return line.text
    if doc.title:
        return re.split(r"\s[|·–—-]\s", doc.title)[0].strip()
    return lines[0].text[:90] if lines else "Untitled role"


def _company(sections: list[tuple[str, Line | None, list[Line]]]) -> str | None:
    for name, head, body in sections:
        if head is not None and name in ("about", "role"):
            m = re.match(
                r"^about\s+(?!us\b|the\b|this\b|you\b)([A-Z][\w&.-]*(?:\s+[A-Z][\w&.-]*){0,2})$",
                head.text.strip().rstrip(":"),
                re.IGNORECASE,
            )
            if m:
                return m.group(1)
        if name in ("about", "top", "role"):
            for line in body[:3]:
                m = _COMPANY_SENTENCE.match(line.text)
                if m and not _not_a_company_name(m.group(1)):
                    return m.group(1)
    return None


def _not_company(technologies: tuple[str, ...], employers: tuple[str, ...]) -> tuple[str, ...]:
    """Technologies without the employers' own names ("Teleport" at Teleport).

    "GitLab.com" names GitLab too, and so do its products ("GitLab CI").
    """
    for company in employers:
        first = company.split()[0].lower()
        bare = re.sub(r"\.(?:com|io|org|net|dev|ai|co)$", "", first)
        names = {company.lower(), first, bare}
        # a one-word employer's products carry its name first; "Acme Cloud" keeps "Cloud Run"
        product = bare if len(company.split()) == 1 else None
        technologies = tuple(
            t for t in technologies if t.lower() not in names and t.split()[0].lower() != product
        )
    return technologies


def _without_company(req: Requirement, employers: tuple[str, ...]) -> Requirement:
    return req.model_copy(update={"technologies": _not_company(req.technologies, employers)})


def _employer_in_stack(text: str, technologies: tuple[str, ...]) -> str | None:
    """A technology the posting speaks of as its employer, when no line names one.

    Product companies' pages name their own product as a technology ("GitLab")
    without an "About us" line; "at GitLab", "join the Teleport team", "GitLab
    team members" or "GitLab's infrastructure" say it is the employer (pages
    speak of a tool's parts, "the Kubernetes scheduler", not of what it owns),
    and three mentions (its own links included) say it is not in passing. One
    pass finds every candidate.
    """
    if not technologies:
        return None
    names = "|".join(re.escape(n) for n in sorted(technologies, key=len, reverse=True))
    as_employer = re.compile(
        rf"\b(?:at|join|joining|joined)(?: the)? ({names})\b(?! scale)|\b({names})(?:'s|’s)? "
        rf"(?:team members?|team\b|values|mission|culture|employees)\b|^({names}) is a company\b"
        rf"|\b({names})(?:'s|’s) \w",
        re.MULTILINE,
    )
    spoken_of = {next(g for g in m.groups() if g) for m in as_employer.finditer(text)}
    for name in technologies:
        if name in spoken_of and len(re.findall(rf"\b{re.escape(name)}\b", text, re.I)) >= 3:
            return name
    return None


def _areas_asked(body: list[Line]) -> set[int]:
    """Lines of a duties list that is a list of areas of expertise, each asked for.

    GitLab lists "Kubernetes - Experience with managing clusters" beside "Cloud
    Services - Manage, configure and troubleshoot Linux" under Responsibilities: when
    most of a section's area-led items ask for experience, the others in that list
    ask for their area too, though worded as duties.
    """
    areas = [
        line
        for line in body
        if line.kind == "list_item"
        and (m := _AREA_LABEL.match(line.text))
        and len(m.group().split()) <= 6
    ]
    asking = sum(1 for line in areas if _ASKS_FOR.match(line.text))
    return {line.no for line in areas} if len(areas) >= 3 and 2 * asking >= len(areas) else set()


# a lead-in pointing at the list below it, asking nothing itself ("Manage feedback
# projects, including:" asks, and stays)
_POINTS_BELOW = re.compile(r"\b(?:these|the following|following|below)\b[^:]{0,40}:$", re.I)
# "You will have access to many benefits including:", "We offer:": the list after it is
# what the job gives, wherever it sits (a TTS page puts it under "Job Summary")
_BENEFITS_BELOW = re.compile(r"\b(?:benefits?|perks|we offer|we provide)\b.*:$", re.I)
# "writing [SPAs](https://en.wikipedia.org/...) using React" reads "SPAs (https://...)"
_INLINE_URL = re.compile(r"\s*\((?:https?://|www\.)[^()\s]*\)")


def _requirement(line: Line, kind: str, section: str, kb: KnowledgeBase) -> Requirement:
    # a link's address is for the page's reader, not part of what the line asks
    text = _INLINE_URL.sub("", line.text)
    # "At least 2 years in AWS. A certification is nice to have": the cue in a later
    # sentence is about that sentence, not the line
    if kind == "must" and _NICE_CUES.search(first_sentence(text)):
        kind = "nice"
    return Requirement(
        text=text,
        kind="nice" if kind == "nice" else "must",
        technologies=canonical_technologies(text),
        competencies=competency_matcher(kb.competencies).find(text),
        years=_years(text),
        line=line.no,
        section=section,
    )


def _once_each(reqs: list[Requirement]) -> list[Requirement]:
    """The first of each line the posting writes more than once: a page listing each
    level's expectations repeats "Ability to use GitLab" three times, and the user
    should meet it, and be scored on it, once."""
    first = {}
    for req in reqs:
        first.setdefault(_comparable(req.text), req)
    return list(first.values())


def parse_posting(doc: Document, kb: KnowledgeBase, applying_at: Level | None = None) -> Posting:
    """Read a job description.

    ``applying_at`` is the level the user applies for, when they say: it replaces the
    level read, and on a page with a level ladder it picks whose criteria are asked.

    Raises:
        EmptyInputError: the document has no text.
        NotAJobPostingError: too little text to be a job description.
    """
    lines = numbered_lines(doc)
    if not lines:
        raise EmptyInputError("The job description is empty.")
    words = sum(len(line.text.split()) for line in lines)
    if words < 25:
        raise NotAJobPostingError(
            f"The job description has only {words} words; that is too little to tailor a report.",
        )
    sections = split_sections(lines, JD_SECTIONS, classify=jd_heading_section)
    title = _title(doc, lines)
    company = _company(sections)
    # a job-family page's per-level criteria are read once the level is known: every
    # level's "Requirements" read together would ask a senior for a manager's work
    ladder = read_ladder(lines, title)
    in_ladder = ladder.lines
    section_of_line = {line.no: name for name, _head, body in sections for line in body}

    must: list[Requirement] = []
    responsibilities: list[Requirement] = []
    process: list[str] = []
    unplaced: list[Requirement] = []  # list items under headings of no known section
    body_parts: list[str] = []
    stack_parts: list[str] = []  # where the job's technologies are named
    # a list of the page's own headings ("- [Qualifications](#qualifications)") is its
    # table of contents, not what the job asks
    headings = {_comparable(line.text) for line in lines if line.is_heading}
    for name, head, body in sections:
        if name in ("benefits", "conditions"):
            continue
        if name not in ("about", "process"):  # every level's criteria name the team's stack
            stack_parts.extend(line.text for line in body if line.no in in_ladder)
        body = [line for line in body if line.no not in in_ladder]
        if name != "about":
            body_parts.extend(line.text for line in body)
        kind = "nice" if name == "nice" else "must"
        areas = _areas_asked(body) if name == "responsibilities" else set()
        if name == "responsibilities" and head is not None and _objective_duty(head.text):
            # "### Objective #1: Understand the systemic challenges ... and develop a
            # consulting strategy": the heading is the job's first duty of its list
            responsibilities.append(_requirement(head, "must", name, kb))
        benefits_below = False
        for line in body:
            text = line.text
            if line.kind != "list_item":
                benefits_below = bool(_BENEFITS_BELOW.search(text))
            if benefits_below or _APPLY_OR_PAY.search(text) or _NAVIGATION.match(text):
                continue
            if line.kind == "list_item" and _comparable(text) in headings:
                continue
            if name == "evaluation":
                # the competencies scored ("- **Leadership:** Ability to ..."); the lines
                # around them say how the scoring works
                if line.kind == "list_item":
                    must.append(_requirement(line, "must", "requirements", kb))
                continue
            if name not in ("about", "process"):
                stack_parts.append(text)
            if name in ("requirements", "nice") and text.endswith(":") and line.kind != "list_item":
                if _NICE_LEAD_IN.search(text):
                    kind = "nice"  # the list after this lead-in is nice-to-have
                if first_sentence(text) == text:
                    continue  # a lead-in; "To qualify, you must ... It is defined as:" is not
            elif (
                name == "responsibilities"
                and line.kind != "list_item"
                and _POINTS_BELOW.search(text)
            ):
                continue  # "Within the first 6-12 months, you'll accomplish these objectives:"

            if line.is_heading and len(text.split()) <= 3:
                continue  # "#### Collaboration and Communication" labels the lines after it
            if line.kind == "paragraph" and text[:1].islower():
                continue  # the wrapped end of a line before it ("be interviewed")
            short = len(text) < 12 and not (line.kind == "list_item" and _names_skill(text, kb))
            if short or (text.endswith(":") and len(text) < 40):
                continue  # a fragment, unless it is a listed skill ("- Go", "- Ansible")
            if name in ("requirements", "nice") or (
                name == "responsibilities"
                and line.kind == "list_item"
                and (_ASKS_FOR.match(text) or line.no in areas)
            ):
                must.append(_requirement(line, kind, name, kb))
            elif name == "responsibilities" or (
                name in ("role", "top") and line.kind == "list_item"
            ):
                responsibilities.append(_requirement(line, "must", "responsibilities", kb))
            elif name == "process":
                process.append(text)
            elif name == "other" and line.kind == "list_item":
                unplaced.append(_requirement(line, "must", "responsibilities", kb))

    # The employer is known once the whole posting is read; its name and products
    # are never the stack, in the posting's technologies or in any requirement.
    stack = canonical_technologies("\n".join(stack_parts))
    # The page's own words ("About Login.gov") name the employer more closely than
    # the front matter's parent organisation ("org: TTS"); neither is the stack.
    page = "\n".join(line.text for line in lines)
    company = company or _employer_in_stack(page, stack)
    employers = tuple(dict.fromkeys(e for e in (company, doc.organization) if e))
    company = company or doc.organization
    stack = _not_company(stack, employers)
    must = [_without_company(r, employers) for r in must]
    responsibilities = [_without_company(r, employers) for r in responsibilities or unplaced]
    # Without a requirements list, the duties are what the job asks for: every
    # listed duty ("working in teams that use agile methodologies"), and other
    # lines only when they name a technology or a competency.
    listed = {line.no for line in lines if line.kind == "list_item"}
    duties = [r for r in responsibilities if r.line in listed or r.technologies or r.competencies]
    # A requirements list naming no skill at all (a federal "one year of specialized
    # experience at the next lower grade") leaves the duties to say what is asked.
    names_a_skill = any(r.technologies or r.competencies for r in must)
    requirements = _once_each(must + ([] if names_a_skill else duties))
    responsibilities = _once_each(responsibilities)
    if not requirements and not responsibilities:
        raise NotAJobPostingError(
            "No requirements or responsibilities were found in the job description.",
        )
    body = "\n".join(body_parts)
    years = max((r.years for r in requirements if r.years), default=None)
    level, level_reason = infer_level(title, years, body)
    if applying_at is not None and applying_at != level:
        # the report says the level was set, and what the posting alone reads as
        read = f"{level}, {level_reason}" if level_reason else level
        level, level_reason = applying_at, f"set by you; the posting alone reads as {read}"
    if applying_at is None:
        level, level_reason = _hired_at(ladder, level, level_reason)
    at_level = ladder.criteria(
        level, lambda line: section_of_line.get(line.no) == "responsibilities"
    )
    criteria, duties_at_level = _asked_at_level(at_level, section_of_line, kb)
    requirements = _once_each(requirements + criteria)
    responsibilities = _once_each(responsibilities + duties_at_level)
    scores, reasons = score_families(title, body, kb.families, technology_categories(stack))
    family = pick_family(scores)
    comps: dict[str, None] = {}
    for req in (*requirements, *responsibilities):
        for c in req.competencies:
            comps.setdefault(c, None)
    archetype = _archetype(kb, page)
    return Posting(
        title=title,
        company=company,
        level=level,
        level_reason=level_reason,
        family=family,
        families=scores,
        on_target=family in INFRA_FAMILIES,
        technologies=stack,
        competencies=tuple(comps),
        requirements=tuple(requirements),
        responsibilities=tuple(responsibilities),
        years_required=years,
        interview_process=tuple(process),
        archetype=archetype,
        levels_listed=tuple(lv for lv in LEVELS if lv in ladder.blocks),
        other_levels_lines=tuple(sorted(ladder.lines - {line.no for line in at_level})),
        lines=tuple(line.text for line in lines),
        line_numbers=file_line_numbers(lines),
        family_reason=reasons.get(family, "nothing in the posting matched a known family"),
    )


def _hired_at(ladder: Ladder, level: Level, reason: str) -> tuple[Level, str]:
    """A page that lists levels hires at one of them: below its lowest, read the lowest."""
    listed = [lv for lv in IC_LEVELS if lv in ladder.blocks]
    if not listed or level in ladder.blocks or level not in IC_LEVELS:
        return level, reason
    lowest = listed[0]
    if IC_LEVELS.index(level) < IC_LEVELS.index(lowest):
        return lowest, f"the lowest of the levels the page lists; {reason}"
    return level, reason


def _asked_at_level(
    at_level: list[Line], section_of_line: dict[int, str], kb: KnowledgeBase
) -> tuple[list[Requirement], list[Requirement]]:
    """The criteria of the level applied at, each as the part of its level's block it
    sits in says: its duties, its nice-to-haves, its requirements."""
    criteria: list[Requirement] = []
    duties: list[Requirement] = []
    for line in at_level:
        where = section_of_line.get(line.no)
        if where == "responsibilities":
            duties.append(_requirement(line, "must", "responsibilities", kb))
        else:
            kind = "nice" if where == "nice" else "must"
            criteria.append(_requirement(line, kind, "requirements", kb))
    return criteria, duties


_OBJECTIVE_SENTENCE = re.compile(r"^(?:key\s+)?objective\s*#?\s*\d+\s*[:.-]\s*\S", re.I)


def _objective_duty(text: str) -> bool:
    """A numbered objective heading that states the work, not a bare "Objective #2"."""
    return _OBJECTIVE_SENTENCE.match(text) is not None and len(text.split()) >= 8


def _names_skill(text: str, kb: KnowledgeBase) -> bool:
    return bool(canonical_technologies(text) or competency_matcher(kb.competencies).find(text))


def _archetype(kb: KnowledgeBase, text: str) -> str | None:
    low = text.lower()
    best, best_hits = None, 0
    for arch in kb.archetypes:
        hits = sum(1 for cue in arch.cues if cue in low)
        if hits > best_hits:
            best, best_hits = arch.id, hits
    return best
