"""Practice around the report: role-plays, estimates, scripts and written answers, checked.

Sits beside the pipeline, as the CLI and the web app do: it reads the knowledge
base and never imports them.
"""

from infraprep.practice.catalog import (
    design_drills,
    estimation_drills,
    find_answerable,
    find_estimation,
    find_scenario,
    find_scripting,
    scenarios,
    scripting_drills,
)
from infraprep.practice.estimation import Score, Verdict, score, verdict_for
from infraprep.practice.feedback import Feedback, PointCheck, feedback_on
from infraprep.practice.incident import Debrief, Option, Outcome, RolePlay, menu
from infraprep.practice.quantity import read_quantity, unit_of
from infraprep.practice.scripting import CheckResult, ScriptRun, behaviours_tested, check_script

__all__ = [
    "CheckResult",
    "Debrief",
    "Feedback",
    "Option",
    "Outcome",
    "PointCheck",
    "RolePlay",
    "Score",
    "ScriptRun",
    "Verdict",
    "behaviours_tested",
    "check_script",
    "design_drills",
    "estimation_drills",
    "feedback_on",
    "find_answerable",
    "find_estimation",
    "find_scenario",
    "find_scripting",
    "menu",
    "read_quantity",
    "scenarios",
    "score",
    "scripting_drills",
    "unit_of",
    "verdict_for",
]
