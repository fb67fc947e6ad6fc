"""Role family of a posting: SRE, platform, security... or an off-target family.

The title decides most postings ("Software Engineer - Cloud Security" is a
security role), so a title phrase outweighs any number of body phrases; the
body breaks ties and classifies postings whose title is generic.

A title can hold a role and a team: in "Lead Technical Program Manager, Site
Reliability Engineering" the job is the part that names a person (a manager),
the rest is where the job sits. So when one part of the title names a person
and holds a family phrase, phrases in the other parts do not count.

The body speaks through its phrases and through the technologies the posting
names, each counted for the families its taxonomy category points to (Java,
MySQL and REST name a back end; Terraform a DevOps or infrastructure job). A
single piece of body evidence is not enough to file a posting with a generic
title ("recommendation" in a business analyst's posting is not machine
learning): a family needs two to score without a title phrase.
"""

from __future__ import annotations

import re
from collections.abc import Mapping

from infraprep.knowledge.schema import RoleFamily
from infraprep.parse.phrases import phrase_set

TITLE_WEIGHT = 4.0
BODY_WEIGHT = 0.35
BODY_CAP = 3.0
MIN_BODY_HITS = 2

# Separators between the parts of a title: "Role, Team", "Org - Role", "Role (Team)".
_TITLE_PARTS = re.compile(r"\s*(?:,|\(|\)|:|\||\s[-–—]\s|/)\s*")
# Words that name a person doing a job: a title part ending in one is the role.
_PERSON_NOUNS = frozenset(
    [
        "engineer",
        "engineers",
        "developer",
        "developers",
        "dev",
        "devs",
        "programmer",
        "manager",
        "director",
        "architect",
        "designer",
        "analyst",
        "scientist",
        "tester",
        "researcher",
        "writer",
        "strategist",
        "specialist",
        "coach",
        "lead",
        "administrator",
        "admin",
        "sre",
        "sres",
        "consultant",
        "advocate",
        "officer",
        "fellow",
        "head",
        "owner",
        "technician",
        "operator",
        "intern",
        "associate",
        "master",
        "dba",
        "sdet",
    ]
)


def _role_parts(title: str) -> list[str]:
    """The parts of the title that name a person, in order."""
    parts = [p for p in _TITLE_PARTS.split(title.lower()) if p.strip()]
    return [p for p in parts if p.split()[-1].strip(".") in _PERSON_NOUNS]


# A title part ending in one of these names someone who runs a team of that area.
_LEAD_NOUNS = frozenset({"manager", "director"})


def _people_lead(part: str, found: set[str]) -> str | None:
    """The lead noun when the part names the manager of an area.

    "Manager, IT Security Operations" and "Security Operations Manager" run a team;
    "Product Manager" and "Release Manager" are roles of their own, because a
    phrase claims the word.
    """
    noun = part.split()[-1].strip(".")
    if noun not in _LEAD_NOUNS or any(noun in phrase.split() for phrase in found - {noun}):
        return None
    return noun


def _longest_only(found: set[str]) -> set[str]:
    """Drop phrases inside a longer one found: "Infrastructure Security" is security work,
    and "infrastructure" inside it names no second family."""
    return {
        p for p in found if not any(p != q and re.search(rf"\b{re.escape(p)}\b", q) for q in found)
    }


def _best_title_phrase(fam: RoleFamily, found: set[str]) -> str:
    best = ""
    for kw in fam.title_keywords:
        if kw.lower() in found and len(kw) > len(best):
            best = kw
    return best


def score_families(
    title: str,
    body: str,
    families: tuple[RoleFamily, ...],
    technologies: Mapping[str, str] | None = None,
) -> tuple[dict[str, float], dict[str, str]]:
    """Normalised scores per family and, for each, the phrase that scored most.

    ``technologies`` maps each technology the posting names to its taxonomy category.
    """
    technologies = technologies or {}
    title_phrases = phrase_set(tuple(kw for fam in families for kw in fam.title_keywords))
    body_phrases = phrase_set(tuple(kw for fam in families for kw in fam.body_keywords))
    in_title = title_phrases.found(title)
    role_parts = _role_parts(title)
    in_role = set().union(*(title_phrases.found(part) for part in role_parts))
    if any(_best_title_phrase(fam, in_role) for fam in families):
        in_title = in_role
    leads = {lead for part in role_parts if (lead := _people_lead(part, in_role))}
    if leads:
        in_title = leads
    in_title = _longest_only(in_title)
    in_body = body_phrases.found(body)
    raw: dict[str, float] = {}
    reasons: dict[str, str] = {}
    for fam in families:
        best_title = _best_title_phrase(fam, in_title)
        score = TITLE_WEIGHT + len(best_title) / 10 if best_title else 0.0
        body_hits = [kw for kw in fam.body_keywords if kw.lower() in in_body]
        categories = set(fam.technology_categories)
        body_hits += [
            name
            for name, category in technologies.items()
            if category in categories and name.lower() not in body_hits
        ]
        if best_title or len(body_hits) >= MIN_BODY_HITS:
            score += min(BODY_CAP, BODY_WEIGHT * len(body_hits))
        if score > 0:
            raw[fam.id] = score
            reasons[fam.id] = (
                f'title says "{best_title}"'
                if best_title
                else "body mentions " + ", ".join(f'"{k}"' for k in body_hits[:3])
            )
    total = sum(raw.values()) or 1.0
    scores = {k: round(v / total, 3) for k, v in sorted(raw.items(), key=lambda kv: -kv[1])}
    return scores, reasons


def pick_family(scores: dict[str, float]) -> str:
    if not scores:
        return "other"
    return max(scores.items(), key=lambda kv: (kv[1], kv[0] == "sre"))[0]
