"""What the job needs and how much of it the CV already shows.

Everything the tailor ranks is scored against these two maps: ``need`` (how
strongly the JD asks for a competency or technology, 0..1) and ``gap`` (how
little the CV evidences it, 0..1). A concept the job needs and the CV does not
show ranks first; one the CV already proves ranks last.
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass, field

from infraprep.knowledge import KnowledgeBase
from infraprep.models import Evidence, Position, Posting, Profile
from infraprep.parse.competencies import CompetencyMatcher, competency_matcher
from infraprep.parse.position_header import UNTITLED
from infraprep.parse.profile import is_contact_line
from infraprep.parse.technologies import canonical_technologies, find_technologies, get_matcher
from infraprep.tailor.kinds import kinds_shown
from infraprep.tailor.wording import stems

MUST_WEIGHT = 1.0
NICE_WEIGHT = 0.5
RESPONSIBILITY_WEIGHT = 0.6
BULLET_STRENGTH = 1.0
MENTION_STRENGTH = 0.45
KIND_STRENGTH = 0.75  # a competency shown only by the kind of technology a line names


@dataclass(frozen=True)
class CvLine:
    """A CV line with what it shows, and whether it is a position bullet."""

    no: int
    text: str
    position: str | None
    technologies: tuple[str, ...]
    competencies: tuple[str, ...]
    categories: tuple[str, ...] = ()  # taxonomy categories of its technologies
    implied: tuple[str, ...] = ()  # technologies only implied by another ("AWS" by "EKS")

    @property
    def is_bullet(self) -> bool:
        return self.position is not None

    @functools.cached_property
    def by_kind(self) -> frozenset[str]:
        """Competencies its technologies show by their kind: OPA Gatekeeper is security
        work, Helm on EKS cloud work, though no word of the line says so."""
        return kinds_shown(self.categories)

    @functools.cached_property
    def shows(self) -> frozenset[str]:
        """Every technology and competency the line shows, asked of it for each
        requirement and duty of a report."""
        return frozenset((*self.technologies, *self.competencies, *self.by_kind))

    def evidence(self, note: str = "shows") -> Evidence:
        return Evidence(source="cv", text=self.text, line=self.no, note=note)


@dataclass(frozen=True)
class Needs:
    need: dict[str, float]  # competency id or technology name -> 0..1
    gap: dict[str, float]
    jd_evidence: dict[str, list[Evidence]] = field(default_factory=dict)
    cv_evidence: dict[str, list[Evidence]] = field(default_factory=dict)
    cv_lines: tuple[CvLine, ...] = ()
    matcher: CompetencyMatcher | None = None  # the knowledge base's competency phrases
    # job-title phrase -> taxonomy categories of that family's work ("front end developer": web)
    role_categories: dict[str, tuple[str, ...]] = field(default_factory=dict)

    def score(self, keys: tuple[str, ...] | list[str]) -> float:
        """Sum of need x gap over keys: what studying an item would buy."""
        return sum(self.need.get(k, 0.0) * self.gap.get(k, 1.0) for k in keys)

    def why(
        self, keys: tuple[str, ...] | list[str], limit: int = 2, *, about: str = ""
    ) -> tuple[Evidence, ...]:
        """The JD lines that ask for an item's most needed keys, one line per key.

        Of the lines asking for a key, the one sharing most words with ``about`` (the
        item's title) is cited: an alerting concept cites "monitoring and alerting
        infrastructure", not the first line that names Prometheus at all.
        """
        out: list[Evidence] = []
        ranked = sorted(keys, key=lambda k: -self.need.get(k, 0.0))
        topic = stems(about) if about else frozenset()
        for key in ranked:
            lines = [ev for ev in self.jd_evidence.get(key, []) if ev not in out]
            if lines:
                out.append(max(lines, key=lambda ev: len(topic & stems(ev.text))))
            if len(out) >= limit:
                break
        return tuple(out)


def position_label(position: Position) -> str:
    """How a report names a position: "SRE at Acme"; one whose header named no title
    by its employer or its dates ("your role at Acme", "your 2016–2019 role"), never as
    "Untitled position"."""
    if position.title != UNTITLED:
        return position.title + (f" at {position.company}" if position.company else "")
    if position.company:
        return f"your role at {position.company}"
    if position.start:
        return f"your {position.start}–{position.end} role"
    return "a role on your CV"


# Section headings whose entries show a competency no word of the entry names: a
# talk's title ("Your Burn-Rate Alert Is Lying to You") is speaking all the same.
_HEADING_SHOWS = (
    (
        re.compile(r"\b(?:talks?|presentations?|speaking|conference|keynotes?)\b", re.I),
        "communication",
    ),
    (re.compile(r"\b(?:publications?|articles?|blog posts?|writing)\b", re.I), "communication"),
    (re.compile(r"\bopen[- ]source\b", re.I), "open-source"),
)


def _shown_by_heading(heading: str | None, text: str) -> tuple[str, ...]:
    """Competencies an entry shows by the heading it stands under (three words or more,
    so a lone date or place under it shows nothing)."""
    if not heading or len(text.split()) < 3:
        return ()
    return tuple(comp for pattern, comp in _HEADING_SHOWS if pattern.search(heading))


# "AWS Certified Solutions Architect", "CISSP preferred": a certification, asked for
# or held
CERTIFICATION = re.compile(r"\b(?:certified|certifications?|CISSP|CISM|CCNP|CCIE)\b", re.I)


def cv_lines(profile: Profile, kb: KnowledgeBase) -> tuple[CvLine, ...]:
    """Every CV line with its technologies and competencies; bullets know their position."""
    matcher = competency_matcher(kb.competencies)
    position_of: dict[int, str] = {}
    for pos in profile.positions:
        label = position_label(pos)
        for no in pos.bullet_lines:
            position_of[no] = label
    taxonomy = get_matcher().taxonomy
    out = []
    for no, text in enumerate(profile.lines, start=1):
        if is_contact_line(text):
            continue  # never evidence, and never quoted in a report
        techs = canonical_technologies(text)
        named = {m.canonical for m in find_technologies(text) if m.implied_by is None}
        # "AWS Certified Solutions Architect – Associate": a certificate's title names
        # what it covers, not work the person did (no design from "Architect")
        certificate = no not in position_of and CERTIFICATION.search(text) is not None
        out.append(
            CvLine(
                no=no,
                text=text,
                position=position_of.get(no),
                technologies=techs,
                competencies=()
                if certificate
                else tuple(
                    dict.fromkeys(
                        (
                            *matcher.find_with_broader(text),
                            *_shown_by_heading(profile.headings.get(no), text),
                        )
                    )
                ),
                implied=tuple(t for t in techs if t not in named),
                categories=tuple(
                    dict.fromkeys(t.category for name in techs if (t := taxonomy.get(name)))
                ),
            )
        )
    return tuple(out)


def compute_needs(posting: Posting, profile: Profile, kb: KnowledgeBase) -> Needs:
    need: dict[str, float] = {}
    jd_ev: dict[str, list[Evidence]] = {}
    matcher = competency_matcher(kb.competencies)
    for req, weight in [
        *((r, MUST_WEIGHT if r.kind == "must" else NICE_WEIGHT) for r in posting.requirements),
        *((r, RESPONSIBILITY_WEIGHT) for r in posting.responsibilities),
    ]:
        # a speciality asked for (FedRAMP compliance) asks for its field (security) too
        for key in (*req.technologies, *matcher.broaden(req.competencies)):
            need[key] = need.get(key, 0.0) + weight
            ev = Evidence(source="jd", text=req.text, line=req.line, note="asks for")
            bucket = jd_ev.setdefault(key, [])
            if ev not in bucket:
                bucket.append(ev)
    top = max(need.values(), default=1.0)
    need = {k: round(min(1.0, v / top) ** 0.5, 4) for k, v in need.items()}

    lines = cv_lines(profile, kb)
    strength: dict[str, float] = {}
    cv_ev: dict[str, list[Evidence]] = {}
    for line in lines:
        s = BULLET_STRENGTH if line.is_bullet else MENTION_STRENGTH
        for key in (*line.technologies, *line.competencies):
            if s > strength.get(key, 0.0):
                strength[key] = s
            cv_ev.setdefault(key, []).append(line.evidence())
        # OPA Gatekeeper constraints are security work though no word says "security"
        for key in line.by_kind - set(line.competencies):
            if s * KIND_STRENGTH > strength.get(key, 0.0):
                strength[key] = s * KIND_STRENGTH
            cv_ev.setdefault(key, []).append(line.evidence())
    bullets = frozenset(line.no for line in lines if line.is_bullet)
    for key in cv_ev:
        cv_ev[key].sort(key=lambda e: 0 if e.line in bullets else 1)
    gap = {k: round(1.0 - 0.9 * strength.get(k, 0.0), 4) for k in set(need) | set(strength)}
    return Needs(
        need=need,
        gap=gap,
        jd_evidence=jd_ev,
        cv_evidence=cv_ev,
        cv_lines=lines,
        matcher=matcher,
        role_categories={
            phrase: fam.technology_categories
            for fam in kb.families
            if fam.technology_categories
            for phrase in fam.title_keywords
        },
    )
