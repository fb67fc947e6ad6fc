"""What one requirement asks for, read once before any CV line is scanned.

The fit table (``tailor.fit``) ranks CV lines against this reading: the
technologies the line names and only implies, the competencies in its own words
and which of them are the head of the ask, and the small grammar around them
(bracketed examples, "X security" specialities, the verb "leading", degrees,
certifications, logistics).
"""

from __future__ import annotations

import itertools
import re

from infraprep.models import Requirement
from infraprep.parse.phrases import first_sentence, phrase_set
from infraprep.parse.technologies import TechnologyMatch, find_technologies
from infraprep.tailor.kinds import CATEGORIES
from infraprep.tailor.needs import CERTIFICATION, CvLine, Needs
from infraprep.tailor.wording import stems

_ANY_OF = re.compile(
    r"\b(?:or|such as|e\.g|eg|like|at least one|one or more|one of|any of|etc|including)\b",
    re.IGNORECASE,
)
_EXAMPLES_CUE = re.compile(r"\b(?:like|such as|e\.g\.?|for example|including)(?=[\s,:])", re.I)
DEGREE = re.compile(
    r"\b(?:degree|bachelor'?s?|master'?s?|b\.?sc|m\.?sc|b\.?s|m\.?s|bs/ms|ba/bs|bs/ba|b\.?a|"
    r"b\.?tech|b\.?eng|m\.?eng|phd|ph\.d)\b",
    re.IGNORECASE,
)
# "CISSP preferred", "an AWS certification": only a certification answers it.
# "Advanced degree", "MS or PhD": a bachelor's does not answer it.
ADVANCED_DEGREE = re.compile(
    r"\b(?:advanced|graduate|postgraduate|master'?s?|m\.?sc|m\.?s|ph\.?d|doctora(?:te|l))\b",
    re.IGNORECASE,
)
_FIRST_DEGREE = re.compile(r"\b(?:bachelor'?s?|b\.?sc|b\.?s|b\.?a|bs/ms|undergraduate)\b", re.I)
# A competency named after "for", "of", "across"... qualifies the head of the line
# ("secure network" in "monitoring solutions for secure network architectures").
_QUALIFIER_WEIGHT = 0.6
# "3 years as a Site Reliability Engineer", "experience in the role of a DBA"
_AS_ROLE = re.compile(r"\b(?:as|in the role of) an? ([A-Za-z][\w /&+-]{2,60})", re.IGNORECASE)
# ... and the dash after a competency's label: "Oral Communication - This skill is
# generally demonstrated by ... clients at briefings" asks for the skill it names
_QUALIFIER_START = re.compile(
    r"\b(?:for|of|across|within|on|in|about|covering|so (?:that|you|we|they|it))\b"
    r"|\s[-–—]\s(?=this\b)",
    re.IGNORECASE,
)
# A technology a line only implies ("Rocky Linux" for Linux, EKS for AWS): enough for a
# bullet to outrank a skills list naming it, short of naming it outright.
_IMPLIED = 0.75
_LOGISTICS = re.compile(
    r"\b(?:willing(?:ness)? to (?:travel|relocate)|able to travel|travel to (?:customer|client)|"
    r"(?:u\.?s\.? )?citizenship|security clearance|work permit|right to work)\b",
    re.IGNORECASE,
)
# "Share our values", "Our values of collaboration, results, efficiency", "upholding
# 18F's core values": the interview judges them; no CV line shows them
_VALUES = re.compile(
    r"\b(?:our|company|core|shared)\s+(?:company\s+|core\s+)?values\b|\bvalues of\b",
    re.IGNORECASE,
)
_VALUES_OF_OTHERS = re.compile(
    r"\b(?:that|who)\s+(?:lives?|shares?|embod\w+|reflects?)\s+our\s+values\b", re.IGNORECASE
)
# "the Login.gov infrastructure", "the core Teleport product", "our GitLab instance"
_THE_PRODUCT = re.compile(r"\b(?i:the|our)\s+(?:[a-z][\w-]*\s+){0,2}$")
# "mentorship to IT Analysts who ...", "support for teams who ...": the people served
_WHO = re.compile(r"\b(?:to|for|with)\s+(?:[\w-]+\s+){0,8}?(?P<who>who|whom)\b", re.IGNORECASE)


class Asked:
    """What one requirement asks for, worked out once before scanning the CV."""

    def __init__(self, req: Requirement, needs: Needs) -> None:
        self.req = req
        matches = find_technologies(req.text)
        # "build and operate the Login.gov infrastructure": the employer's own product
        # written as "the <product>" is where the work happens, not a skill asked for
        # ("Ability to use GitLab" still asks for GitLab)
        matches = [
            m
            for m in matches
            if m.canonical in req.technologies or not _THE_PRODUCT.search(req.text[: m.start])
        ]
        # "Provide mentorship to IT Analysts who have an interest in IaC": what the people
        # the work is for know or want is no technology asked of the candidate
        who = _WHO.search(req.text)
        ends = len(req.text)
        if who and needs.matcher and needs.matcher.spans(req.text[: who.start("who")]):
            ends = who.start("who")
            matches = [m for m in matches if m.start < ends]
        self.named = tuple(dict.fromkeys(m.canonical for m in matches if m.implied_by is None))
        self.implied = tuple(t for t in req.technologies if t not in self.named)
        # "core web technologies (HTTP, HTML, CSS)": technologies named only in brackets
        # are examples of the kind asked for, so one of them is enough
        asides = _asides(req.text)
        bracketed = all(
            any(a < m.start < b for a, b in asides) for m in matches if m.implied_by is None
        )
        self.any_of = len(self.named) > 1 and (_ANY_OF.search(req.text) is not None or bracketed)
        # which of them stand for each other: "Docker and Kubernetes ... (e.g., GCP, AWS)"
        # asks for both of the first and any one cloud; "Golang, Rust, or Python" for one
        in_brackets = tuple(
            dict.fromkeys(
                m.canonical
                for m in matches
                if m.implied_by is None and any(a < m.start < b for a, b in asides)
            )
        )
        self.alternatives = (
            () if not self.any_of else in_brackets if len(in_brackets) > 1 else self.named
        )
        # "forensic experience with an operating system (preferably Linux)": the bracketed
        # names are the setting, so a Linux line alone does not show the forensics
        self.examples_only = bool(self.named) and bracketed
        self.masked = _masked(req.text, matches)
        # where each competency is named in the requirement's own words
        self.spans = needs.matcher.spans(self.masked[:ends]) if needs.matcher else []
        # "configuration management systems like Chef and Ansible": the work, then tools
        # as examples of it; a bullet doing the work with another tool answers it
        cue = _EXAMPLES_CUE.search(req.text)
        self.names_examples = self.examples_only or (
            bool(self.named)
            and cue is not None
            and any(start < cue.start() for start, _, _ in self.spans)
            and all(m.start >= cue.end() for m in matches if m.implied_by is None)
        )
        self.competencies = _own_competencies(req, self.spans, self.masked[:ends])
        # "Go fundamentals (e.g., concurrency, unit testing)": the competencies are only
        # examples of what knowing the named technology covers
        # "a cloud data warehouse": the competency says which kind of the named thing
        named_starts = [m.start for m in matches if m.implied_by is None]
        self.qualifies_named = bool(self.spans and named_starts) and all(
            any(_right_before(req.text, end, start) for start in named_starts)
            for _, end, _ in self.spans
        )
        self.competencies_are_examples = bool(self.named and self.spans) and all(
            any(a < start < b for a, b in asides) for start, _, _ in self.spans
        )
        self.soft = needs.matcher.behavioural if needs.matcher else frozenset()
        self.comp_weights = _head_weights(
            req.text, asides + _team_names(req.text), self.competencies, needs
        )
        # the competencies of the head of the ask
        self.heads = frozenset(
            c for c, w in zip(self.competencies, self.comp_weights, strict=True) if w == 1.0
        )
        self.modifiers = _modifiers(self, asides, needs)
        self.tool_kinds = _tool_kinds(self, matches, needs)
        self.verbs = _soft_verbs(self, needs)
        # "Configuration management experience with Terraform and/or Ansible": the ask
        # names the tools that count for its speciality, though Terraform is not
        # configuration management: narrow competency -> the named tools that show it
        narrows = needs.matcher.narrows if needs.matcher else {}
        self.named_for: dict[str, frozenset[str]] = {
            comp: tools
            for comp in self.competencies
            if comp in narrows
            and (
                tools := frozenset(
                    m.canonical
                    for m in matches
                    if m.implied_by is None
                    and m.category
                    in {*CATEGORIES.get(comp, ()), *CATEGORIES.get(narrows[comp], ())}
                )
            )
        }
        self.categories = frozenset(
            {m.category for m in matches}
            | {c for comp in self.competencies for c in CATEGORIES.get(comp, ())}
        )
        self.stems = stems(req.text)
        # the employer's own product is not the job's stack, but "Ability to use GitLab"
        # still asks for GitLab, so what the line names counts here
        techs = tuple(dict.fromkeys((*req.technologies, *self.named)))
        self.wanted = (*techs, *self.competencies)
        self.role_categories = _role_categories(req.text, needs)
        self.degree = DEGREE.search(req.text) is not None
        advanced, first = ADVANCED_DEGREE.search(req.text), _FIRST_DEGREE.search(req.text)
        self.advanced_degree = advanced is not None and first is None
        # travel, citizenship, the company's values: answered in the interview, no CV
        # line shows them
        # "Hire an incredible team that lives our values" asks for hiring: the values
        # qualify the team, so only a line asking nothing else is answered in person
        values = _VALUES.search(req.text) is not None and not (
            self.competencies and _VALUES_OF_OTHERS.search(req.text)
        )
        self.in_person = values or _LOGISTICS.search(req.text) is not None
        # only when the ask itself is one: "2 years in AWS. A certification is nice to have"
        self.certification = CERTIFICATION.search(first_sentence(req.text)) is not None

    def tech_share(self, line: CvLine) -> float | None:
        """Share of the asked technologies the line shows; one it only implies counts less."""
        if not self.named and not self.implied:
            return None

        def shown(tech: str) -> float:
            if tech not in line.technologies:
                return 0.0
            return _IMPLIED if tech in line.implied else 1.0

        if self.any_of:
            return max(shown(t) for t in self.named)
        got = sum(shown(t) for t in self.named) + sum(0.5 * shown(t) for t in self.implied)
        return got / (len(self.named) + 0.5 * len(self.implied))


def _role_categories(text: str, needs: Needs) -> frozenset[str]:
    """The kinds of technology a role asked for by title stands for.

    "2 years as a Front End Developer" names no technology, but a line showing
    front-end work (React) is its evidence: the role's family says which
    taxonomy categories that work is in.
    """
    asked = _AS_ROLE.search(text)
    if asked is None:
        return frozenset()
    found = phrase_set(tuple(needs.role_categories)).found(asked.group(1))
    best = max(found, key=lambda phrase: (len(phrase), phrase), default=None)
    return frozenset(needs.role_categories[best]) if best else frozenset()


def _head_weights(
    text: str, asides: list[tuple[int, int]], competencies: tuple[str, ...], needs: Needs
) -> tuple[float, ...]:
    """1.0 for each competency in the head of the line, less for those that qualify it."""
    if needs.matcher is None or len(competencies) < 2:
        return tuple(1.0 for _ in competencies)
    first_at: dict[str, int] = {}
    for start, cid in needs.matcher.positions(text):
        if not any(a < start < b for a, b in asides):
            first_at.setdefault(cid, start)
    head_end = len(text)
    if first_at:
        after = min(first_at.values())
        # past the first word of that competency: the "on" of "on-call" is no qualifier
        if word := _WORD.match(text, after):
            after = word.end()
        qualifier = _QUALIFIER_START.search(text, after)
        head_end = qualifier.start() if qualifier else head_end
    # a competency only named inside brackets ("testing (e.g., unit, end-to-end)") is an
    # example of the head, never the head itself
    # the broader of two asked together ("threat intelligence or security research")
    # is the setting of the narrower one, which is what is asked for
    broader = {needs.matcher.narrows.get(c) for c in competencies} - _coordinated_fields(
        text, needs
    )
    return tuple(
        1.0 if c in first_at and first_at[c] < head_end and c not in broader else _QUALIFIER_WEIGHT
        for c in competencies
    )


def _coordinated_fields(text: str, needs: Needs) -> set[str]:
    """Broader competencies joined to their speciality by "and" ("the security and
    compliance burden"): both are asked for, so the broader one is no mere setting."""
    if needs.matcher is None:
        return set()
    spans = needs.matcher.spans(text)
    return {
        broad
        for b_start, b_end, broad in spans
        for n_start, _n_end, narrow in spans
        if needs.matcher.narrows.get(narrow) == broad
        and re.fullmatch(r"\s+(?:and|&)\s+", text[b_end:n_start])
    }


_VERB = re.compile(r"[a-z]+ing", re.IGNORECASE)


_TOOLS_AFTER = re.compile(r"[\s-]+(?:tools?|tooling|software|solutions?|stack)\b", re.IGNORECASE)


def _right_before(text: str, end: int, start: int) -> bool:
    """Whether the name ending at ``end`` is the word right before ``start``."""
    return text[end:start] in (" ", "-")


def _modifiers(
    asked: Asked, asides: list[tuple[int, int]], needs: Needs
) -> dict[str, frozenset[str]]:
    """Head competency -> the technical competencies right before it that name its kind.

    "Machine learning security" is a speciality of security: an IAM bullet shows
    security, but not the machine learning that makes the ask what it is. Soft
    skills and single -ing words are verbs here, not kinds: "lead incident
    response" and "designing monitoring" ask for incident response and monitoring.
    """
    if needs.matcher is None or len(asked.competencies) < 2:
        return {}
    text, heads = asked.masked, asked.heads
    spans = [s for s in asked.spans if not any(a < s[0] < b for a, b in asides)]
    kinds: dict[str, set[str]] = {}
    for (begin, end, first), (start, stop, second) in itertools.pairwise(spans):
        if (
            first != second
            # "open source monitoring tools": the words describe the tools, not the work
            and not _TOOLS_AFTER.match(text, stop)
            and first in asked.competencies
            and first not in asked.soft
            and second in heads
            and _right_before(text, end, start)
            and not _VERB.fullmatch(text[begin:end])
        ):
            kinds.setdefault(second, set()).add(first)
    return {head: frozenset(found) for head, found in kinds.items()}


# Words after a tool that name no field of work: "CI/CD tools", "Go development".
_NOT_A_FIELD = frozenset({"tools", "tool", "tooling", "development", "programming", "scripts"})


def _tool_kinds(asked: Asked, matches: list[TechnologyMatch], needs: Needs) -> frozenset[str]:
    """Head competencies a named technology qualifies, right before them: "AWS security"
    asks for security work on AWS, which an AWS bullet without security does not show.

    Only when every technology named qualifies one: in "using Kubernetes, Go and
    Terraform ... CI/CD automation" the tools themselves are asked for.
    """
    named = [m for m in matches if m.implied_by is None]
    if needs.matcher is None or not named or not asked.competencies:
        return frozenset()
    text = asked.req.text
    kinds: set[str] = set()
    qualifying: set[str] = set()
    for start, stop, cid in asked.spans:
        if cid not in asked.heads or cid in asked.soft or text[start:stop].lower() in _NOT_A_FIELD:
            continue
        for m in named:
            if _right_before(text, m.end, start):
                kinds.add(cid)
                qualifying.add(m.canonical)
    return frozenset(kinds) if qualifying >= {m.canonical for m in named} else frozenset()


def _soft_verbs(asked: Asked, needs: Needs) -> frozenset[str]:
    """Soft competencies named only by the verb of the ask: "Leading a cross-functional
    team using agile" asks for the agile team work; any bullet that "led" something
    does not show it."""
    if needs.matcher is None or not asked.competencies:
        return frozenset()
    by_verb: set[str] = set()
    otherwise: set[str] = set()
    for start, end, cid in asked.spans:
        if cid in asked.soft:
            # "Knowledge sharing, mentoring.": an -ing word that ends the ask or a list item
            # names the work itself; only one with an object after it is the verb
            verb = _VERB.fullmatch(asked.masked[start:end]) and _OBJECT_AFTER.match(
                asked.masked, end
            )
            (by_verb if verb else otherwise).add(cid)
    return frozenset(by_verb - otherwise)


# "Leading a team", "leading and managing a team": a verb, with its object after it;
# "the learning and adoption of": a noun
_OBJECT_AFTER = re.compile(
    r"\s+(?:(?:and|or)\s+[a-z]+ing\b|(?!(?:and|or|of|to|in|for|with)\b)[\w(])", re.IGNORECASE
)


_WORD = re.compile(r"[\w-]+")
# "Participate in the Security Incident Response Team on-call rotation": a team's name
_TEAM_NAME = re.compile(r"\bthe\s+((?:[A-Z][\w&/-]*\s+){1,5}Team)\b")


# "Mentor Security Analysts to improve ...": the people coached, by their role's name
_PEOPLE_COACHED = re.compile(
    r"\b(?i:mentor|coach|train|onboard)(?i:s|ing)?\s+((?:[A-Z][\w-]*\s+){0,3}"
    r"(?:Analysts?|Engineers?|Administrators?|Developers?|Specialists?))\b"
)


def _team_names(text: str) -> list[tuple[int, int]]:
    """Spans of team names and of the roles of people coached, which say where the work
    is or whom it is for, not what is asked (the on-call rotation is asked, not incident
    response; mentoring, not security)."""
    return [
        (m.start(1) - 1, m.end(1))
        for pattern in (_TEAM_NAME, _PEOPLE_COACHED)
        for m in pattern.finditer(text)
    ]


def _asides(text: str) -> list[tuple[int, int]]:
    """Bracketed spans; one left open (a wrapped line cut it) runs to the end."""
    return [m.span() for m in re.finditer(r"\([^()]*(?:\)|$)", text)]


def _masked(text: str, matches: list[TechnologyMatch]) -> str:
    """The text with every technology name blanked, so only its own words are left."""
    masked = list(text)
    for m in matches:
        masked[m.start : m.end] = " " * (m.end - m.start)
    return "".join(masked)


def _own_competencies(
    req: Requirement, spans: list[tuple[int, int, str]], masked: str
) -> tuple[str, ...]:
    """Competencies the requirement names in its own words, not inside a product name.

    "The Cloud Foundry ecosystem" asks for Cloud Foundry, not for any cloud.
    """
    if masked == req.text:
        return req.competencies
    own = {cid for _, _, cid in spans}
    return tuple(c for c in req.competencies if c in own)
