"""Role family of a posting: SRE, platform, security... or an off-target family.

The title decides most postings ("Software Engineer - Cloud Security" is a
security role), so a title phrase outweighs any number of body phrases; the
body breaks ties and classifies postings whose title is generic.
"""

from __future__ import annotations

from infraprep.knowledge.schema import RoleFamily
from infraprep.parse.phrases import phrase_set

TITLE_WEIGHT = 4.0
BODY_WEIGHT = 0.35
BODY_CAP = 3.0


def score_families(
    title: str,
    body: str,
    families: tuple[RoleFamily, ...],
) -> tuple[dict[str, float], dict[str, str]]:
    """Normalised scores per family and, for each, the phrase that scored most."""
    title_phrases = phrase_set(tuple(kw for fam in families for kw in fam.title_keywords))
    body_phrases = phrase_set(tuple(kw for fam in families for kw in fam.body_keywords))
    in_title = title_phrases.found(title)
    in_body = body_phrases.found(body)
    raw: dict[str, float] = {}
    reasons: dict[str, str] = {}
    for fam in families:
        best_title = ""
        for kw in fam.title_keywords:
            if kw.lower() in in_title and len(kw) > len(best_title):
                best_title = kw
        score = TITLE_WEIGHT + len(best_title) / 10 if best_title else 0.0
        body_hits = [kw for kw in fam.body_keywords if kw.lower() in in_body]
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
