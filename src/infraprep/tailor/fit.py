"""Requirement-by-requirement fit: each JD line matched to the CV line that evidences it.

A position bullet beats a skills-list mention beats nothing, and the score is
derived from the rows so it can always be explained by them.
"""

from __future__ import annotations

import re

from infraprep.models import Evidence, Fit, FitRow, Posting, Profile, Requirement
from infraprep.tailor.needs import CvLine, Needs

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


def _line_score(req: Requirement, line: CvLine) -> tuple[float, tuple[str, ...]]:
    wanted = (*req.technologies, *req.competencies)
    have = set(line.technologies) | set(line.competencies)
    matched = tuple(k for k in wanted if k in have)
    if not wanted:
        overlap = _words(req.text) & _words(line.text)
        score = len(overlap) / max(4, len(_words(req.text))) if len(overlap) >= 2 else 0.0
        return score * (1.0 if line.is_bullet else 0.5), ()
    tech_share = (
        sum(1 for t in req.technologies if t in have) / len(req.technologies)
        if req.technologies
        else None
    )
    comp_share = (
        sum(1 for c in req.competencies if c in have) / len(req.competencies)
        if req.competencies
        else None
    )
    shares = [s for s in (tech_share, comp_share) if s is not None]
    score = sum(shares) / len(shares)
    return score * (1.0 if line.is_bullet else 0.55), matched


def match_requirement(req: Requirement, needs: Needs) -> FitRow:
    best: tuple[float, int, CvLine | None, tuple[str, ...]] = (0.0, 0, None, ())
    for line in needs.cv_lines:
        score, matched = _line_score(req, line)
        if score > best[0] or (
            score == best[0] and best[2] is not None and line.is_bullet and not best[2].is_bullet
        ):
            best = (score, line.no, line, matched)
    score, _no, line, matched = best
    wanted = (*req.technologies, *req.competencies)
    covered: set[str] = set()
    for key in wanted:
        if needs.gap.get(key, 1.0) < 0.95:
            covered.add(key)
    missing = tuple(k for k in wanted if k not in covered)
    if line is None or score < 0.2:
        status = "gap"
        line = None
    elif score >= 0.75 and line.is_bullet and not missing:
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
    rows = tuple(match_requirement(req, needs) for req in posting.requirements)
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
