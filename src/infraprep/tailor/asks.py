"""Smart questions for the candidate to ask, chosen for what the posting leaves unsaid."""

from __future__ import annotations

from collections import Counter

from infraprep.knowledge import KnowledgeBase
from infraprep.models import Evidence, Posting, SmartQuestionItem
from infraprep.parse.competencies import competency_matcher
from infraprep.tailor.select import family_fit, near_families


def smart_questions(
    posting: Posting, kb: KnowledgeBase, limit: int = 10
) -> tuple[SmartQuestionItem, ...]:
    # "says nothing about open source" must be true of the whole page, not only of its
    # requirements: GitLab's pages call the product open source in their opening lines
    matcher = competency_matcher(kb.competencies)
    mentioned = set(posting.competencies).union(
        *(matcher.find_with_broader(line) for line in posting.lines)
    )
    names = {c.id: c.name for c in kb.competencies}
    near = near_families(posting, kb)
    scored = []
    for q in kb.smart_questions:
        silent = [c for c in q.unless_mentioned if c not in mentioned]
        score = family_fit(q.families, posting.family, near) * (1.0 + 1.5 * bool(silent))
        if q.levels and posting.level not in q.levels:
            score *= 0.5
        if silent:
            why = (
                Evidence(
                    source="knowledge",
                    text="The posting says nothing about "
                    + ", ".join(names.get(c, c).lower() for c in silent[:2]),
                    note="unsaid",
                ),
            )
        else:
            why = (
                Evidence(
                    source="knowledge", text=f"Asked in {q.theme} conversations", note="general"
                ),
            )
        scored.append((score, q.id, q, why))
    scored.sort(key=lambda t: (-t[0], t[1]))
    themes: Counter[str] = Counter()
    out: list[SmartQuestionItem] = []
    for _score, _id, q, why in scored:
        if themes[q.theme] >= 2:
            continue
        themes[q.theme] += 1
        out.append(
            SmartQuestionItem(
                id=q.id,
                theme=q.theme,
                question=q.question,
                when=q.when_to_ask,
                good_answer=q.good_answer,
                worrying_answer=q.worrying_answer,
                why=why,
            )
        )
        if len(out) >= limit:
            break
    return tuple(out)
