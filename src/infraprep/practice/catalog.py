"""What can be practised (role-plays, checked estimates, designs, scripts) and finding it by id."""

from __future__ import annotations

from typing import TypeVar

from infraprep.errors import NotFoundError
from infraprep.knowledge import KnowledgeBase
from infraprep.knowledge.schema import Drill, Question, Scenario

Found = TypeVar("Found", Drill, Scenario)


def scenarios(kb: KnowledgeBase, family: str | None = None) -> tuple[Scenario, ...]:
    """Every incident scenario, or those written for ``family`` (an unfamilied one fits all)."""
    return tuple(s for s in kb.scenarios if _fits(s.families, family))


def is_checked_estimate(drill: Drill) -> bool:
    """An estimation drill with numbers to check an answer against."""
    return drill.kind == "estimation" and bool(drill.answers)


def is_runnable_script(drill: Drill) -> bool:
    """A scripting drill with tests to run against the user's file."""
    return drill.kind == "scripting" and bool(drill.tests)


def is_written_design(drill: Drill) -> bool:
    """A design drill, answered in writing and checked against its rubric."""
    return drill.kind == "design"


def estimation_drills(kb: KnowledgeBase, family: str | None = None) -> tuple[Drill, ...]:
    """Estimation drills that have numbers to check, optionally for one role family."""
    return tuple(d for d in kb.drills if is_checked_estimate(d) and _fits(d.families, family))


def find_scenario(kb: KnowledgeBase, scenario_id: str) -> Scenario:
    return _find(kb.scenarios, scenario_id, "incident scenario")


def find_estimation(kb: KnowledgeBase, drill_id: str) -> Drill:
    return _find(estimation_drills(kb), drill_id, "estimation drill")


def design_drills(kb: KnowledgeBase, family: str | None = None) -> tuple[Drill, ...]:
    """System-design drills: answered in writing and checked against their rubric."""
    return tuple(d for d in kb.drills if is_written_design(d) and _fits(d.families, family))


def scripting_drills(kb: KnowledgeBase, family: str | None = None) -> tuple[Drill, ...]:
    """Scripting drills whose tests can run against the user's file."""
    return tuple(d for d in kb.drills if is_runnable_script(d) and _fits(d.families, family))


def find_scripting(kb: KnowledgeBase, drill_id: str) -> Drill:
    return _find(scripting_drills(kb), drill_id, "scripting drill")


def find_answerable(kb: KnowledgeBase, item_id: str) -> Question | Drill:
    """The question or design drill a written answer is for."""
    for question in kb.questions:
        if question.id == item_id:
            return question
    for drill in design_drills(kb):
        if drill.id == item_id:
            return drill
    raise NotFoundError(
        f"There is no question or design drill '{item_id}'.",
        "Each question and design drill in your report names its id after "
        "'infraprep practice answer'; design drills are listed by: infraprep practice list",
    )


def _find(items: tuple[Found, ...], item_id: str, what: str) -> Found:
    for item in items:
        if item.id == item_id:
            return item
    raise NotFoundError(
        f"There is no {what} '{item_id}'.", "List them with: infraprep practice list"
    )


def _fits(families: tuple[str, ...], family: str | None) -> bool:
    return family is None or not families or family in families
