"""Which role-plays and estimation drills there are, and finding one by its id."""

from __future__ import annotations

from infraprep.errors import NotFoundError
from infraprep.knowledge import KnowledgeBase
from infraprep.knowledge.schema import Drill, Scenario


def scenarios(kb: KnowledgeBase, family: str | None = None) -> tuple[Scenario, ...]:
    """Every incident scenario, or those written for ``family`` (an unfamilied one fits all)."""
    return tuple(s for s in kb.scenarios if _fits(s.families, family))


def estimation_drills(kb: KnowledgeBase, family: str | None = None) -> tuple[Drill, ...]:
    """Estimation drills that have numbers to check, optionally for one role family."""
    return tuple(
        d for d in kb.drills if d.kind == "estimation" and d.answers and _fits(d.families, family)
    )


def find_scenario(kb: KnowledgeBase, scenario_id: str) -> Scenario:
    for scenario in kb.scenarios:
        if scenario.id == scenario_id:
            return scenario
    raise NotFoundError(
        f"There is no incident scenario '{scenario_id}'.",
        "List them with: infraprep practice list",
    )


def find_estimation(kb: KnowledgeBase, drill_id: str) -> Drill:
    for drill in estimation_drills(kb):
        if drill.id == drill_id:
            return drill
    raise NotFoundError(
        f"There is no estimation drill '{drill_id}'.",
        "List them with: infraprep practice list",
    )


def _fits(families: tuple[str, ...], family: str | None) -> bool:
    return family is None or not families or family in families
