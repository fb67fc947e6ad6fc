"""What a study-plan block's items are called in a report.

The plan names its items by id so the JSON can be joined back to the knowledge
base, but a reader (and a calendar entry) needs the title they saw above:
"Failure domains in the cloud", not "concept-cloud-failure-domains".
"""

from __future__ import annotations

from infraprep.models import Plan


def item_titles(plan: Plan, limit: int = 80) -> dict[str, str]:
    """Each item id in the plan, mapped to its title and, for drills and role-plays, its kind."""
    titles: dict[str, str] = {}
    for q in (*plan.behavioural, *plan.technical):
        titles[q.id] = shorten(q.prompt, limit)
    for c in plan.concepts:
        titles[c.id] = c.title
    for d in plan.drills:
        titles[d.id] = f"{d.title} ({d.kind} drill)"
    for r in plan.role_plays:
        titles[r.id] = f"{r.title} (role-play)"
    for s in plan.smart_questions:
        titles[s.id] = f"Ask: {shorten(s.question, limit)}"
    return titles


def shorten(text: str, limit: int) -> str:
    """``text`` cut at a word before ``limit`` characters, with an ellipsis when cut; a
    title in a list loses its full stop."""
    if len(text) <= limit:
        return text.removesuffix(".")
    cut = text[: limit - 1].rsplit(" ", 1)[0].rstrip(",;:")
    return cut + "…"
