"""Requirement-by-requirement fit: each JD line matched to the CV line that evidences it.

A position bullet beats a skills-list mention beats nothing, and the score is
derived from the rows so it can always be explained by them.

Choosing the line, in order:

* **Alternatives.** "Go or Rust", "a language such as Ruby, Python, Go", "AWS (VPC,
  EC2, etc)", "core web technologies (HTTP, HTML, CSS)": one of the named
  technologies is enough. Terms a named one only implies (Kubernetes behind
  "Helm") count half, and never alone for a list of alternatives.
* **The named thing first.** When the requirement names technologies, a line
  showing one of them (even in a skills list) beats any line that shows none:
  "modern JavaScript" is answered by "JavaScript, TypeScript", not by a Node.js
  bullet that shows coding in general.
* **Evidence over mention.** A competency the line shows through a technology of
  its own kind ("monitoring" through Prometheus) counts fully; one it shows only
  through a word ("alerts") counts half when ranking lines.
* **The head first.** Competencies named after a preposition that follows the
  first one, or only inside brackets, qualify it and weigh 0.6: "designing
  monitoring solutions for secure network architectures" asks for monitoring
  design, and security and networking only as the setting. A line must show a
  competency of the head (or a named technology) to count at all, and one that
  does is at least "partly", however long the list asked for.
* **Years.** "5+ years in IT", naming no skill, is answered partly by the CV line
  stating how many years ("eight years of running ..."). A requirement asking for
  more years than the CV's dated positions span is never "met".
* **Specialisations.** When a requirement names a competency and the broader one
  it narrows ("threat intelligence or security research"), the broader one is the
  setting: a line showing only it (IAM roles) is no evidence.
* **Ties** go to the line showing more of the technologies the requirement names,
  then to the one whose technologies sit in the requirement's own categories, then
  to the one sharing more word stems with it, then to a position bullet; only then
  to the earlier line.
* **Roles.** "2 years as a Front End Developer" names no technology; a line
  showing technology of the kind that role works with (React, for a front-end
  developer, through the family's taxonomy categories) answers it, partly.
* **Degrees.** A degree requirement is evidenced by a degree line in the same field.
* **Logistics.** Willingness to travel or relocate, citizenship and clearances are
  things a CV line cannot evidence ("400 customer sites" is no willingness to travel):
  the row is a gap for the candidate to answer, never a quoted line.
"""

from __future__ import annotations

import itertools
import re
from types import MappingProxyType

from infraprep.models import Evidence, Fit, FitRow, Posting, Profile, Requirement
from infraprep.parse.phrases import phrase_set
from infraprep.parse.technologies import TechnologyMatch, find_technologies
from infraprep.tailor.needs import CvLine, Needs

# Taxonomy categories whose technologies show a competency.
_CATEGORIES = MappingProxyType(
    {
        "observability": ("observability",),
        "security": ("security",),
        "databases": ("database", "storage"),
        "iac": ("iac", "config-management"),
        "containers": ("containers", "orchestration"),
        "cloud": ("cloud", "serverless"),
        "ci-cd": ("cicd",),
        "release-engineering": ("cicd",),
        "networking": ("networking", "service-mesh"),
        "linux": ("os",),
        "messaging": ("messaging",),
        "coding": ("language", "testing"),
        "data-infrastructure": ("data",),
        "ml-infrastructure": ("ml",),
        "api-design": ("api",),
        "developer-experience": ("build", "vcs"),
    }
)
_ANY_OF = re.compile(
    r"\b(?:or|such as|e\.g|eg|like|at least one|one or more|one of|any of|etc|including)\b",
    re.IGNORECASE,
)
_DEGREE = re.compile(
    r"\b(?:degree|bachelor'?s?|master'?s?|b\.?sc|m\.?sc|b\.?s|m\.?s|bs/ms|ba/bs|bs/ba|b\.?a|"
    r"b\.?tech|b\.?eng|m\.?eng|phd|ph\.d)\b",
    re.IGNORECASE,
)
# "CISSP preferred", "an AWS certification": only a certification answers it.
_CERTIFICATION = re.compile(r"\b(?:certified|certifications?|CISSP|CISM|CCNP|CCIE)\b", re.I)
# "Advanced degree", "MS or PhD": a bachelor's does not answer it.
_ADVANCED_DEGREE = re.compile(
    r"\b(?:advanced|graduate|postgraduate|master'?s?|m\.?sc|m\.?s|ph\.?d|doctora(?:te|l))\b",
    re.IGNORECASE,
)
_FIRST_DEGREE = re.compile(r"\b(?:bachelor'?s?|b\.?sc|b\.?s|b\.?a|bs/ms|undergraduate)\b", re.I)
# A competency named after "for", "of", "across"... qualifies the head of the line
# ("secure network" in "monitoring solutions for secure network architectures").
_QUALIFIER_WEIGHT = 0.6
# "3 years as a Site Reliability Engineer", "experience in the role of a DBA"
_AS_ROLE = re.compile(r"\b(?:as|in the role of) an? ([A-Za-z][\w /&+-]{2,60})", re.IGNORECASE)
_ROLE_SCORE = 0.6
_QUALIFIER_START = re.compile(
    r"\b(?:for|of|across|within|on|in|about|so (?:that|you|we|they|it))\b", re.IGNORECASE
)
# The least score of a line showing the head of the requirement: "partly" for a bullet.
_SOME_EVIDENCE = 0.34
# A technology a line only implies ("Rocky Linux" for Linux, EKS for AWS): enough for a
# bullet to outrank a skills list naming it, short of naming it outright.
_IMPLIED = 0.75
# A competency shown only by the kind of technology a line names, not in words.
_KIND_ONLY = 0.75
# A skills-list mention ranks below a bullet that shows the same thing in words.
_MENTION_RANK = 0.45
# Stems too common in CVs and JDs to tell two lines apart ("developed", "experience").
_GENERIC_STEMS = frozenset({"develo", "experi", "work", "build", "built", "using", "system"})
_LOGISTICS = re.compile(
    r"\b(?:willing(?:ness)? to (?:travel|relocate)|able to travel|travel to (?:customer|client)|"
    r"(?:u\.?s\.? )?citizenship|security clearance|work permit|right to work)\b",
    re.IGNORECASE,
)
_SUFFIX = re.compile(r"(?:ations?|ments?|ings?|ions?|ed|es|s)$")

_STOP = frozenset(
    [
        "a",
        "an",
        "and",
        "the",
        "of",
        "to",
        "in",
        "for",
        "with",
        "on",
        "at",
        "by",
        "or",
        "as",
        "is",
        "are",
        "be",
        "you",
        "your",
        "we",
        "our",
        "will",
        "have",
        "has",
        "experience",
        "strong",
        "solid",
        "good",
        "excellent",
        "knowledge",
        "ability",
        "able",
        "working",
        "work",
        "using",
        "use",
        "skills",
        "understanding",
        "familiarity",
        "years",
        "year",
        "plus",
        "etc",
        "such",
        "including",
    ]
)


def _words(text: str) -> set[str]:
    return {w for w in re.findall(r"[a-z][a-z0-9+#.-]{2,}", text.lower()) if w not in _STOP}


def _stems(text: str) -> set[str]:
    """Crude stems, so "responding" meets "response" and "tests" meets "test-driven"."""
    words = re.findall(r"[a-z][a-z0-9+#]{2,}", text.lower())
    return {_SUFFIX.sub("", w)[:6] for w in words if w not in _STOP}


class _Asked:
    """What one requirement asks for, worked out once before scanning the CV."""

    def __init__(self, req: Requirement, needs: Needs) -> None:
        self.req = req
        matches = find_technologies(req.text)
        self.named = tuple(dict.fromkeys(m.canonical for m in matches if m.implied_by is None))
        self.implied = tuple(t for t in req.technologies if t not in self.named)
        # "core web technologies (HTTP, HTML, CSS)": technologies named only in brackets
        # are examples of the kind asked for, so one of them is enough
        asides = _asides(req.text)
        bracketed = all(
            any(a < m.start < b for a, b in asides) for m in matches if m.implied_by is None
        )
        self.any_of = len(self.named) > 1 and (_ANY_OF.search(req.text) is not None or bracketed)
        # "forensic experience with an operating system (preferably Linux)": the bracketed
        # names are the setting, so a Linux line alone does not show the forensics
        self.examples_only = bool(self.named) and bracketed
        self.masked = _masked(req.text, matches)
        self.competencies = _own_competencies(req, needs, self.masked)
        self.soft = needs.matcher.behavioural if needs.matcher else frozenset()
        self.comp_weights = _head_weights(req.text, asides, self.competencies, needs)
        self.modifiers = _modifiers(self, asides, needs)
        self.tool_kinds = _tool_kinds(self, matches, needs)
        self.verbs = _soft_verbs(self, needs)
        self.categories = frozenset(
            {m.category for m in matches}
            | {c for comp in self.competencies for c in _CATEGORIES.get(comp, ())}
        )
        self.stems = _stems(req.text)
        # the employer's own product is not the job's stack, but "Ability to use GitLab"
        # still asks for GitLab, so what the line names counts here
        techs = tuple(dict.fromkeys((*req.technologies, *self.named)))
        self.wanted = (*techs, *self.competencies)
        self.role_categories = _role_categories(req.text, needs)
        self.degree = _DEGREE.search(req.text) is not None
        advanced, first = _ADVANCED_DEGREE.search(req.text), _FIRST_DEGREE.search(req.text)
        self.advanced_degree = advanced is not None and first is None
        self.logistics = _LOGISTICS.search(req.text) is not None
        # only when the ask itself is one: "2 years in AWS. A certification is nice to have"
        first_sentence = re.split(r"[.!?]\s+[A-Z]", req.text, maxsplit=1)[0]
        self.certification = _CERTIFICATION.search(first_sentence) is not None

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


_NUMBER_WORDS = {  # "eight years of running customer-facing systems"
    "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8,
    "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14,
    "fifteen": 15, "twenty": 20,
}  # fmt: skip
_YEARS_CLAIM = re.compile(
    rf"\b(\d{{1,2}}|{'|'.join(_NUMBER_WORDS)})\+?\s*(?:years?|yrs)\b", re.IGNORECASE
)


def _years_claimed(text: str) -> float | None:
    """The most years a CV line says its writer has ("eight years of running ...")."""
    found = [
        float(_NUMBER_WORDS.get(m.group(1).lower()) or m.group(1))
        for m in _YEARS_CLAIM.finditer(text)
    ]
    return max(found, default=None)


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
        qualifier = _QUALIFIER_START.search(text, after)
        head_end = qualifier.start() if qualifier else head_end
    # a competency only named inside brackets ("testing (e.g., unit, end-to-end)") is an
    # example of the head, never the head itself
    # the broader of two asked together ("threat intelligence or security research")
    # is the setting of the narrower one, which is what is asked for
    broader = {needs.matcher.narrows.get(c) for c in competencies}
    return tuple(
        1.0 if c in first_at and first_at[c] < head_end and c not in broader else _QUALIFIER_WEIGHT
        for c in competencies
    )


_VERB = re.compile(r"[a-z]+ing", re.IGNORECASE)


def _modifiers(
    asked: _Asked, asides: list[tuple[int, int]], needs: Needs
) -> dict[str, frozenset[str]]:
    """Head competency -> the technical competencies right before it that name its kind.

    "Machine learning security" is a speciality of security: an IAM bullet shows
    security, but not the machine learning that makes the ask what it is. Soft
    skills and single -ing words are verbs here, not kinds: "lead incident
    response" and "designing monitoring" ask for incident response and monitoring.
    """
    if needs.matcher is None or len(asked.competencies) < 2:
        return {}
    text = asked.masked
    heads = {c for c, w in zip(asked.competencies, asked.comp_weights, strict=True) if w == 1.0}
    spans = [s for s in needs.matcher.spans(text) if not any(a < s[0] < b for a, b in asides)]
    kinds: dict[str, set[str]] = {}
    for (begin, end, first), (start, _, second) in itertools.pairwise(spans):
        if (
            first != second
            and first in asked.competencies
            and first not in asked.soft
            and second in heads
            and text[end:start] in (" ", "-")
            and not _VERB.fullmatch(text[begin:end])
        ):
            kinds.setdefault(second, set()).add(first)
    return {head: frozenset(found) for head, found in kinds.items()}


# Words after a tool that name no field of work: "CI/CD tools", "Go development".
_NOT_A_FIELD = frozenset({"tools", "tool", "tooling", "development", "programming", "scripts"})


def _tool_kinds(asked: _Asked, matches: list[TechnologyMatch], needs: Needs) -> frozenset[str]:
    """Head competencies a named technology qualifies, right before them: "AWS security"
    asks for security work on AWS, which an AWS bullet without security does not show.

    Only when every technology named qualifies one: in "using Kubernetes, Go and
    Terraform ... CI/CD automation" the tools themselves are asked for.
    """
    named = [m for m in matches if m.implied_by is None]
    if needs.matcher is None or not named or not asked.competencies:
        return frozenset()
    heads = {c for c, w in zip(asked.competencies, asked.comp_weights, strict=True) if w == 1.0}
    text = asked.req.text
    kinds: set[str] = set()
    qualifying: set[str] = set()
    for start, stop, cid in needs.matcher.spans(asked.masked):
        if cid not in heads or cid in asked.soft or text[start:stop].lower() in _NOT_A_FIELD:
            continue
        for m in named:
            if text[m.end : start] in (" ", "-"):
                kinds.add(cid)
                qualifying.add(m.canonical)
    return frozenset(kinds) if qualifying >= {m.canonical for m in named} else frozenset()


def _soft_verbs(asked: _Asked, needs: Needs) -> frozenset[str]:
    """Soft competencies named only by the verb of the ask: "Leading a cross-functional
    team using agile" asks for the agile team work; any bullet that "led" something
    does not show it."""
    if needs.matcher is None or len(asked.competencies) < 2:
        return frozenset()
    text = asked.masked
    verbs = {
        cid
        for start, end, cid in needs.matcher.spans(text)
        if cid in asked.soft and _VERB.fullmatch(text[start:end])
    }
    named_otherwise = {
        cid
        for start, end, cid in needs.matcher.spans(text)
        if cid in verbs and not _VERB.fullmatch(text[start:end])
    }
    return frozenset(verbs - named_otherwise)


def _only_the_broad_field(asked: _Asked, have: set[str]) -> bool:
    """Whether the line shows a head only as the field of a speciality it lacks."""
    shown = [c for c, w in zip(asked.competencies, asked.comp_weights, strict=True)
             if w == 1.0 and c in have]  # fmt: skip
    return bool(shown) and all(
        c in asked.modifiers and not asked.modifiers[c] & have for c in shown
    )


def _asides(text: str) -> list[tuple[int, int]]:
    """Bracketed spans; one left open (a wrapped line cut it) runs to the end."""
    return [m.span() for m in re.finditer(r"\([^()]*(?:\)|$)", text)]


def _masked(text: str, matches: list[TechnologyMatch]) -> str:
    """The text with every technology name blanked, so only its own words are left."""
    masked = list(text)
    for m in matches:
        masked[m.start : m.end] = " " * (m.end - m.start)
    return "".join(masked)


def _own_competencies(req: Requirement, needs: Needs, masked: str) -> tuple[str, ...]:
    """Competencies the requirement names in its own words, not inside a product name.

    "The Cloud Foundry ecosystem" asks for Cloud Foundry, not for any cloud.
    """
    if needs.matcher is None or masked == req.text:
        return req.competencies
    own = set(needs.matcher.find(masked))
    return tuple(c for c in req.competencies if c in own)


def _rank(asked: _Asked, line: CvLine, score: float) -> tuple[float, ...]:
    """How good ``line`` is as evidence: the ranking key, best first when largest."""
    cats = set(line.categories)
    # a soft skill shown in words is in its own kind, as a technology is in its category
    in_category = len(cats & asked.categories) + sum(
        1 for c in asked.competencies if c in asked.soft and c in line.competencies
    )
    strength = score
    if asked.competencies and score > 0:
        backed = 0.0
        by_kind = _shown_by_kind(line)
        for comp, weight in zip(asked.competencies, asked.comp_weights, strict=True):
            if comp in line.competencies:
                kinds = _CATEGORIES.get(comp, ())
                # words are full evidence for a soft skill ("agile"): no technology shows it
                shown = comp in asked.soft or any(c in cats for c in kinds)
                backed += weight * (1.0 if shown else 0.5)
            elif comp in by_kind:
                backed += weight * _KIND_ONLY  # "Helm charts on Amazon EKS" is cloud work
        comp_strength = backed / sum(asked.comp_weights)
        tech = asked.tech_share(line)
        strength = (comp_strength if tech is None else (comp_strength + tech) / 2) * (
            1.0 if line.is_bullet else _MENTION_RANK
        )
    shared = len((asked.stems & _stems(line.text)) - _GENERIC_STEMS)
    named = asked.tech_share(line) or 0.0
    shows_named = 1.0 if asked.named and named > 0 else 0.0
    return (
        shows_named,
        round(strength, 6),
        named,
        len(set(asked.named) & set(line.technologies)),  # of alternatives, the most shown
        in_category,
        shared,
        1.0 if line.is_bullet else 0.0,
    )


def _shown_by_kind(line: CvLine) -> set[str]:
    """Competencies a line's technologies show by their kind: EKS work is cloud work."""
    cats = set(line.categories)
    return {comp for comp, kinds in _CATEGORIES.items() if cats.intersection(kinds)}


def _line_score(asked: _Asked, line: CvLine) -> tuple[float, tuple[str, ...]]:
    req = asked.req
    wanted = asked.wanted
    have = set(line.technologies) | set(line.competencies) | _shown_by_kind(line)
    matched = tuple(k for k in wanted if k in have)
    if asked.degree and _DEGREE.search(line.text):
        if asked.advanced_degree and not _ADVANCED_DEGREE.search(line.text):
            return 0.0, ()
        # a degree in another field is still the degree line a reader would cite
        overlap = _words(req.text) & _words(line.text)
        return (0.6 if overlap else 0.3), ()
    if asked.certification and not _CERTIFICATION.search(line.text):
        return 0.0, ()  # the work a certification covers is not the certification
    if not wanted and asked.req.years and (claimed := _years_claimed(line.text)):
        # "5+ years in IT" is answered by the CV saying how long, never fully by a claim
        return (0.6 if claimed >= asked.req.years else 0.3), ()
    if not wanted and asked.role_categories:
        shown = asked.role_categories & set(line.categories)
        return (_ROLE_SCORE if shown else 0.0) * (1.0 if line.is_bullet else 0.5), ()
    if not wanted:
        overlap = asked.stems & _stems(line.text)
        score = len(overlap) / max(4, len(asked.stems)) if len(overlap) >= 2 else 0.0
        return score * (1.0 if line.is_bullet else 0.5), ()
    tech_share = asked.tech_share(line)
    if not tech_share and not _shows_head(asked, have, every=bool(asked.named)):
        return 0.0, ()  # only the setting of the ask, not the ask itself
    if asked.examples_only and asked.competencies and not _shows_head(asked, have):
        return 0.0, ()  # only an example of where the work is done, not the work
    if asked.tool_kinds and not asked.tool_kinds & have:
        return 0.0, ()  # the tool without the kind of work asked on it
    if asked.modifiers and not tech_share and _only_the_broad_field(asked, have):
        return 0.0, ()  # the broad field without the speciality asked for
    comp_share = (
        sum(1 for c in asked.competencies if c in have) / len(asked.competencies)
        if asked.competencies
        else None
    )
    shares = [s for s in (tech_share, comp_share) if s is not None]
    score = sum(shares) / len(shares)
    if tech_share or not asked.named:
        # a line showing the head of the ask is some evidence, however long the list asked
        score = max(score, _SOME_EVIDENCE)
    return score * (1.0 if line.is_bullet else 0.55), matched


def _shows_head(asked: _Asked, have: set[str], *, every: bool = False) -> bool:
    """Whether the line shows a competency from the head of the requirement.

    "Authoring documentation (e.g., API documentation)" is not answered by an API
    bullet: a line showing only the qualifiers shows where the work happens, not
    the work. Requirements without a head/qualifier split count every competency.
    ``every``: a line without the technology the requirement names must show all
    of the head ("cloud automation using Kubernetes" is not a Cloud SQL migration).
    """
    heads = [c for c, w in zip(asked.competencies, asked.comp_weights, strict=True) if w == 1.0]
    heads = heads or list(asked.competencies)
    if not heads:
        return True
    if every:
        return all(c in have for c in heads)
    # the verb of the ask ("leading ...") is how the work is done, not the work
    objects = [c for c in heads if c not in asked.verbs]
    return any(c in have for c in objects or heads)


def match_requirement(req: Requirement, needs: Needs, cv_years: float | None = None) -> FitRow:
    """The row for one requirement; ``cv_years`` is what the CV's dated positions span.

    "8+ years in security" is not met by one bullet when the CV spans fewer years.
    """
    asked = _Asked(req, needs)
    best: tuple[tuple[float, ...], float, CvLine | None, tuple[str, ...]] = ((0.0,), 0.0, None, ())
    for line in () if asked.logistics else needs.cv_lines:
        score, matched = _line_score(asked, line)
        if score <= 0:
            continue
        rank = _rank(asked, line, score)
        if rank > best[0]:
            best = (rank, score, line, matched)
    _rank_key, score, line, matched = best
    wanted = asked.wanted
    covered: set[str] = set()
    for key in wanted:
        if needs.gap.get(key, 1.0) < 0.95:
            covered.add(key)
    missing = tuple(k for k in wanted if k not in covered)
    if line is None or score < 0.2:
        status = "gap"
        line = None
    elif score >= 0.75 and line.is_bullet and not missing and (req.years or 0) <= (cv_years or 0):
        status = "met"
    else:
        status = "partly"
    jd = Evidence(source="jd", text=req.text, line=req.line, note="asks for")
    return FitRow(
        requirement=req.text,
        kind=req.kind,
        status=status,
        jd=jd,
        cv=line.evidence("shows") if line else None,
        matched=matched,
        missing=missing,
    )


def assess_fit(posting: Posting, profile: Profile, needs: Needs) -> Fit:
    years = profile.years_experience
    rows = tuple(match_requirement(req, needs, years) for req in posting.requirements)
    value = {"met": 1.0, "partly": 0.5, "gap": 0.0}
    weight = {"must": 2.0, "nice": 1.0}
    total = sum(weight[r.kind] for r in rows) or 1.0
    got = sum(weight[r.kind] * value[r.status] for r in rows)
    score = round(100 * got / total)
    musts = [r for r in rows if r.kind == "must"]
    met = sum(1 for r in musts if r.status == "met")
    partly = sum(1 for r in musts if r.status == "partly")
    gaps = [r for r in musts if r.status == "gap"]
    parts = [f"{met} of {len(musts)} must-haves met and {partly} partly met"]
    nices = [r for r in rows if r.kind == "nice"]
    if nices:
        parts.append(
            f"{sum(1 for r in nices if r.status != 'gap')} of {len(nices)} nice-to-haves shown"
        )
    if gaps:
        parts.append(
            "no CV evidence yet for: " + "; ".join(_short(r.requirement) for r in gaps[:3])
        )
    if posting.years_required and profile.years_experience is not None:
        parts.append(
            f"the posting asks for {posting.years_required:g}+ years; the CV's dated roles "
            f"cover {profile.years_experience:g}",
        )
    explanation = (
        f"Score {score}/100 = must-haves count double, met = 1, partly = ½, gap = 0. "
        + "; ".join(parts)
        + "."
    )
    return Fit(score=score, explanation=explanation, rows=rows)


def _short(text: str, limit: int = 60) -> str:
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"
