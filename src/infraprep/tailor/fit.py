"""Requirement-by-requirement fit: each JD line matched to the CV line that evidences it.

A position bullet beats a skills-list mention beats nothing, and the score is
derived from the rows so it can always be explained by them.

Choosing the line, in order:

* **Alternatives.** "Go or Rust", "a language such as Ruby, Python, Go", "AWS (VPC,
  EC2, etc)", "core web technologies (HTTP, HTML, CSS)": one of the named
  technologies is enough. Terms a line only implies (Linux behind "Rocky Linux",
  AWS behind EKS) count 0.75: a bullet implying the term outranks a skills list
  naming it, but not a bullet naming it.
* **The named thing first.** When the requirement names technologies, a line
  showing one of them (even in a skills list) beats any line that shows none:
  "modern JavaScript" is answered by "JavaScript, TypeScript", not by a Node.js
  bullet that shows coding in general. Not when the tools are examples of the work
  ("configuration management systems like Chef and Ansible"): there a bullet doing
  the work with SaltStack beats a skills list naming Ansible.
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
  it narrows ("threat intelligence or security research", "security compliance"),
  the broader one is the setting: a line showing only it (IAM roles) is no
  evidence. A technical competency right before a head one names its kind
  ("machine learning security"), and a technology right before one names where the
  work is done ("AWS security"): a line must show that kind, or that work.
* **Verbs and purposes.** The verb of an ask ("Leading a cross-functional team
  using agile") and a "so that" clause say how and why, not what: a bullet that
  "led" something, or shows learning, does not answer them.
* **Kinds.** A line shows a competency by the kind of technology it names (Helm on
  EKS is cloud work) at 0.75 of one naming it in words with a technology to back it.
* **Ties** go to the line showing more of the technologies the requirement names,
  then to the one whose technologies sit in the requirement's own categories, then
  to the one sharing more word stems with it, then to a position bullet; only then
  to the earlier line.
* **Roles.** "2 years as a Front End Developer" names no technology; a line
  showing technology of the kind that role works with (React, for a front-end
  developer, through the family's taxonomy categories) answers it, partly.
* **Degrees and certificates.** A degree line in the same field answers a degree
  requirement, one in another field partly; a bachelor's never answers "advanced
  degree". A certification ("CISSP preferred") is answered only by a certification.
* **The employer's product.** It is never the job's stack, but "Ability to use
  GitLab" still asks for GitLab, so the fit counts what the requirement names;
  written as "the Login.gov infrastructure" it is where the work happens, not a
  skill, and no line is asked to show it.
* **Duties.** What the job does ("Validate and triage identified vulnerabilities")
  is what an interviewer asks the candidate to have done, so each duty gets a row
  and the CV line nearest it, matched as a requirement is. Duty rows come after
  the requirements and are never scored: the score stays what the posting asks
  for. A line pointing at other duties ("has all the same responsibilities as
  ...") is no duty.
* **Logistics and values.** Willingness to travel or relocate, citizenship,
  clearances and sharing the company's values are things a CV line cannot evidence
  ("400 customer sites" is no willingness to travel): the row is marked ``answer``,
  for the candidate to answer in the interview, never a quoted line, and the score
  leaves it out rather than count it as a gap.
"""

from __future__ import annotations

import re

from infraprep.models import Evidence, Fit, FitRow, Posting, Profile, Requirement
from infraprep.parse.phrases import NUMBER_WORDS, first_sentence
from infraprep.tailor.asked import ADVANCED_DEGREE, CERTIFICATION, DEGREE, Asked
from infraprep.tailor.kinds import CATEGORIES
from infraprep.tailor.needs import CvLine, Needs
from infraprep.tailor.wording import stems, words

# "3 years as a Site Reliability Engineer" answered by work of that role's kind.
_ROLE_SCORE = 0.6
# The least score of a line showing the head of the requirement: "partly" for a bullet.
_SOME_EVIDENCE = 0.34
# A competency shown only by the kind of technology a line names, not in words.
_KIND_ONLY = 0.75
# A skills-list mention ranks below a bullet that shows the same thing in words.
_MENTION_RANK = 0.45
# Stems too common in CVs and JDs to tell two lines apart ("developed", "experience").
_GENERIC_STEMS = frozenset({"develo", "experi", "work", "build", "built", "using", "system"})
_YEARS_CLAIM = re.compile(
    rf"\b(\d{{1,2}}|{'|'.join(NUMBER_WORDS)})\+?\s*(?:years?|yrs)\b", re.IGNORECASE
)


def _years_claimed(text: str) -> float | None:
    """The most years a CV line says its writer has ("eight years of running ...")."""
    found = [
        float(NUMBER_WORDS.get(m.group(1).lower()) or m.group(1))
        for m in _YEARS_CLAIM.finditer(text)
    ]
    return max(found, default=None)


def _only_the_broad_field(asked: Asked, have: set[str]) -> bool:
    """Whether the line shows a head only as the field of a speciality it lacks, or only
    the kind that names the speciality ("security" of "security incident response")."""
    shown = (asked.heads - asked.verbs) & have  # "leading ..." is how, not what
    kinds = set().union(*asked.modifiers.values())
    return bool(shown) and all(
        (c in asked.modifiers and not asked.modifiers[c] & have)
        or (c in kinds and not any(head in have for head in asked.modifiers))
        for c in shown
    )


def _rank(asked: Asked, line: CvLine, score: float) -> tuple[float, ...]:
    """How good ``line`` is as evidence: the ranking key, best first when largest."""
    cats = set(line.categories)
    # a soft skill shown in words is in its own kind, as a technology is in its category
    in_category = len(cats & asked.categories) + sum(
        1 for c in asked.competencies if c in asked.soft and c in line.competencies
    )
    strength = score
    if asked.competencies and score > 0:
        backed = 0.0
        by_kind = line.by_kind
        by_named = _shown_by_named_tools(asked, line)
        for comp, weight in zip(asked.competencies, asked.comp_weights, strict=True):
            if comp in by_named:
                backed += weight  # a tool the ask itself names for this speciality
            elif comp in line.competencies:
                kinds = CATEGORIES.get(comp, ())
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
    shared = len((asked.stems & stems(line.text)) - _GENERIC_STEMS)
    named = asked.tech_share(line) or 0.0
    # "systems like Chef and Ansible": examples of the work, which a bullet doing it with
    # another tool shows better than a skills list naming one of them
    shows_named = 1.0 if asked.named and named > 0 and not asked.names_examples else 0.0
    return (
        shows_named,
        round(strength, 6),
        named,
        len(set(asked.named) & set(line.technologies)),  # of alternatives, the most shown
        in_category,
        shared,
        1.0 if line.is_bullet else 0.0,
    )


def _shown_by_named_tools(asked: Asked, line: CvLine) -> frozenset[str]:
    """Specialities the line shows through a tool the requirement names for them."""
    if not asked.named_for:
        return frozenset()
    return frozenset(
        comp for comp, tools in asked.named_for.items() if not tools.isdisjoint(line.technologies)
    )


def _line_score(asked: Asked, line: CvLine) -> tuple[float, tuple[str, ...]]:
    req = asked.req
    wanted = asked.wanted
    have = line.shows | _shown_by_named_tools(asked, line)
    matched = tuple(k for k in wanted if k in have)
    if asked.degree and DEGREE.search(line.text):
        if asked.advanced_degree and not ADVANCED_DEGREE.search(line.text):
            return 0.0, ()
        # a degree in another field is still the degree line a reader would cite
        overlap = words(req.text) & words(line.text)
        return (0.6 if overlap else 0.3), ()
    if asked.certification and not CERTIFICATION.search(line.text):
        return 0.0, ()  # the work a certification covers is not the certification
    if not wanted and asked.req.years and (claimed := _years_claimed(line.text)):
        # "5+ years in IT" is answered by the CV saying how long, never fully by a claim
        return (0.6 if claimed >= asked.req.years else 0.3), ()
    if not wanted and asked.role_categories:
        shown = asked.role_categories & set(line.categories)
        return (_ROLE_SCORE if shown else 0.0) * (1.0 if line.is_bullet else 0.5), ()
    if not wanted:
        overlap = asked.stems & stems(line.text)
        score = len(overlap) / max(4, len(asked.stems)) if len(overlap) >= 2 else 0.0
        return score * (1.0 if line.is_bullet else 0.5), ()
    tech_share = asked.tech_share(line)
    if not tech_share and (asked.competencies_are_examples or asked.qualifies_named):
        return 0.0, ()  # Java unit tests are no Go fundamentals, Azure no data warehouse
    if not tech_share and not _shows_head(
        asked, have, every=bool(asked.named) and not asked.examples_only
    ):
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
    # technologies named only as examples ("on-call (PagerDuty) rotation") do not count
    # against a line that shows the work without them
    examples_missing = asked.examples_only and not tech_share and comp_share
    shares = [s for s in (None if examples_missing else tech_share, comp_share) if s is not None]
    score = sum(shares) / len(shares)
    if tech_share or not asked.named:
        # a line showing the head of the ask is some evidence, however long the list asked
        score = max(score, _SOME_EVIDENCE)
    return score * (1.0 if line.is_bullet else 0.55), matched


def _shows_head(asked: Asked, have: set[str], *, every: bool = False) -> bool:
    """Whether the line shows a competency from the head of the requirement.

    "Authoring documentation (e.g., API documentation)" is not answered by an API
    bullet: a line showing only the qualifiers shows where the work happens, not
    the work. Requirements without a head/qualifier split count every competency.
    ``every``: a line without the technology the requirement names must show all
    of the head ("cloud automation using Kubernetes" is not a Cloud SQL migration).
    """
    heads = [c for c in asked.competencies if c in asked.heads] or list(asked.competencies)
    if not heads:
        return True
    # the verb of the ask ("leading ...") is how the work is done, not the work; when
    # only a technology is left ("writing clean CSS"), the line must show that
    objects = [c for c in heads if c not in asked.verbs]
    if not objects and every:
        return False
    if every:
        return all(c in have for c in objects)
    return any(c in have for c in objects or heads)


def match_requirement(
    req: Requirement,
    needs: Needs,
    cv_years: float | None = None,
    latest_role: CvLine | None = None,
) -> FitRow:
    """The row for one requirement; ``cv_years`` is what the CV's dated positions span.

    "8+ years in security" is not met by one bullet when the CV spans fewer years.
    "One year of specialized experience", naming no skill, is answered partly by the
    ``latest_role``'s header when the dated positions span the years and no line
    says how long.
    """
    asked = Asked(req, needs)
    best: tuple[tuple[float, ...], float, CvLine | None, tuple[str, ...]] = ((0.0,), 0.0, None, ())
    for line in () if asked.in_person else needs.cv_lines:
        score, matched = _line_score(asked, line)
        if score <= 0:
            continue
        rank = _rank(asked, line, score)
        if rank > best[0]:
            best = (rank, score, line, matched)
    _rank_key, score, line, matched = best
    wanted = asked.wanted
    if (
        line is None
        and not wanted
        and not asked.role_categories  # "2 years as a Front End Developer" names the kind
        and req.years
        and latest_role is not None
        and (cv_years or 0) >= req.years
    ):
        score, line = 0.5, latest_role
    covered: set[str] = set()
    for key in wanted:
        if needs.gap.get(key, 1.0) < 0.95:
            covered.add(key)
    # one of the alternatives shown answers for the rest ("Golang, Rust, or Python"), and
    # so does the work they are examples of ("Containerization (e.g., LXC, Docker)")
    examples_answered = asked.names_examples and covered.intersection(asked.competencies)
    if covered.intersection(asked.alternatives) or examples_answered:
        covered.update(asked.alternatives)
    missing = tuple(k for k in wanted if k not in covered)
    if asked.in_person:
        status = "answer"
    elif line is None or score < 0.2:
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


# "The Senior IT SRE has all the same responsibilities as ...", "Extends ... plus;"
# (a lead-in closed by a colon is none either, below); "coach teammates to ... fulfill
# their responsibilities" is a duty of its own
_POINTS_AT_OTHER_DUTIES = re.compile(
    r"\bsame\s+responsibilities\b|\bresponsibilities\s+(?:of|as|outlined|listed|above)\b"
    r"|^extends\b|(?:plus|following)\s*;$",
    re.IGNORECASE,
)


def _duties(posting: Posting) -> list[Requirement]:
    """The posting's duties that are not already its requirements."""
    asked = {r.line for r in posting.requirements}
    return [
        r
        for r in posting.responsibilities
        if r.line not in asked
        and not _POINTS_AT_OTHER_DUTIES.search(r.text)
        # a lead-in to a list ("... including but not limited to:"), unless a duty comes
        # first ("Create and maintain a survey tool ... This may entail:")
        and not (r.text.endswith(":") and first_sentence(r.text) == r.text)
    ]


def assess_fit(posting: Posting, profile: Profile, needs: Needs) -> Fit:
    years = profile.years_experience
    latest = next((p for p in profile.positions if p.start), None)
    latest_role = next((ln for ln in needs.cv_lines if latest and ln.no == latest.line), None)
    # "The IT Site Reliability Engineers share the same responsibilities outlined above"
    # points at other lines and asks nothing itself
    asks = [r for r in posting.requirements if not _POINTS_AT_OTHER_DUTIES.search(r.text)]
    rows = tuple(match_requirement(req, needs, years, latest_role) for req in asks)
    duties = tuple(
        match_requirement(duty, needs, years, latest_role).model_copy(update={"kind": "duty"})
        for duty in _duties(posting)
    )
    value = {"met": 1.0, "partly": 0.5, "gap": 0.0}
    weight = {"must": 2.0, "nice": 1.0}
    scored = [r for r in rows if r.status != "answer"]
    total = sum(weight[r.kind] for r in scored) or 1.0
    got = sum(weight[r.kind] * value[r.status] for r in scored)
    score = round(100 * got / total)
    musts = [r for r in scored if r.kind == "must"]
    met = sum(1 for r in musts if r.status == "met")
    partly = sum(1 for r in musts if r.status == "partly")
    gaps = [r for r in musts if r.status == "gap"]
    parts = [f"{met} of {len(musts)} must-haves met and {partly} partly met"]
    nices = [r for r in scored if r.kind == "nice"]
    if nices:
        parts.append(
            f"{sum(1 for r in nices if r.status != 'gap')} of {len(nices)} nice-to-haves shown"
        )
    if gaps:
        more = f" and {len(gaps) - 3} more" if len(gaps) > 3 else ""
        parts.append(
            "no CV evidence yet for: " + "; ".join(_short(r.requirement) for r in gaps[:3]) + more
        )
    if answers := [r for r in rows if r.status == "answer"]:
        parts.append(
            f"{len(answers)} {'line is' if len(answers) == 1 else 'lines are'} for you to "
            "answer in the interview, not scored: "
            + "; ".join(_short(r.requirement) for r in answers[:3])
        )
    if duties:
        done = sum(1 for r in duties if r.cv is not None)
        parts.append(
            f"{done} of the posting's {len(duties)} duties have a CV line near them "
            "(listed after the requirements, not scored)"
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
    return Fit(score=score, explanation=explanation, rows=rows + duties)


def _short(text: str, limit: int = 60) -> str:
    """The requirement cut to fit a sentence that lists several ('; ' between them)."""
    text = text.rstrip(" .")
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"
