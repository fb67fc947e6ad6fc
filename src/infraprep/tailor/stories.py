"""The story bank: the user's own CV bullets as answers to behavioural questions.

Each question gets the bullet whose competencies match it best; no bullet is
used more than twice, so the user prepares a range of stories rather than one.
The STAR scaffold only rearranges what the bullet says and asks for what it
does not say: it never invents a situation or a result.
"""

from __future__ import annotations

import re
from collections import Counter

from infraprep.knowledge.schema import Question
from infraprep.models import Star, Story
from infraprep.parse.metrics import metrics_in
from infraprep.tailor.needs import CvLine

MAX_USES = 2
_RESULT_SPLIT = re.compile(
    r"(?:,\s*|\s+)(?=(?:reducing|cutting|saving|improving|increasing|decreasing|lowering|"
    r"raising|resulting in|leading to|which|so that|bringing|taking|achieving|enabling|"
    r"eliminating|from\s+\d|by\s+\d)\b)",
    re.IGNORECASE,
)


def star_from_bullet(bullet: CvLine, question: Question) -> Star:
    text = bullet.text.rstrip(".")
    parts = _RESULT_SPLIT.split(text, maxsplit=1)
    action = parts[0].strip()
    result = parts[1].strip() if len(parts) > 1 else ""
    numbers = metrics_in(result or text)
    has_number = bool(numbers)
    if not result:
        result = (
            f"Your bullet states {', '.join(numbers)}: say what it changed and for whom."
            if has_number
            else "No result in this bullet: add the measured outcome (latency, error rate, "
            "hours of toil, cost, incidents) and how you know it."
        )
    elif not has_number:
        result += " (no number: add how much, measured how)"
    where = bullet.position or "your CV"
    return Star(
        situation=f"{where}: what was broken, risky or slow before this, and who felt it?",
        task=f"Your own responsibility here, in the terms the question tests: {question.tests}",
        action=action,
        result=result,
        result_has_number=has_number,
    )


def assign_stories(
    questions: list[Question],
    lines: tuple[CvLine, ...],
) -> dict[str, Story | None]:
    """question id -> the best CV story, using each bullet at most twice."""
    bullets = [ln for ln in lines if ln.is_bullet and len(ln.text.split()) >= 4]
    uses: Counter[int] = Counter()
    out: dict[str, Story | None] = {}
    for q in questions:
        wanted = set(q.competencies) | set(q.technologies)
        best: tuple[float, int, CvLine | None] = (0.0, 0, None)
        for b in bullets:
            if uses[b.no] >= MAX_USES:
                continue
            overlap = len(wanted & (set(b.competencies) | set(b.technologies)))
            if overlap == 0:
                continue
            score = overlap + (0.5 if metrics_in(b.text) else 0.0) - 0.3 * uses[b.no]
            if score > best[0] or (score == best[0] and best[2] is not None and b.no < best[1]):
                best = (score, b.no, b)
        bullet = best[2]
        if bullet is None:
            out[q.id] = None
            continue
        uses[bullet.no] += 1
        out[q.id] = Story(
            bullet=bullet.text,
            position=bullet.position or "",
            line=bullet.no,
            star=star_from_bullet(bullet, q),
        )
    return out
