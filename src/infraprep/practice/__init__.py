"""Practice around the report: incident role-plays and estimation drills, checked.

Sits beside the pipeline, as the CLI and the web app do: it reads the knowledge
base and never imports them.
"""

from infraprep.practice.catalog import (
    estimation_drills,
    find_estimation,
    find_scenario,
    scenarios,
)
from infraprep.practice.estimation import Score, Verdict, score, verdict_for
from infraprep.practice.incident import Debrief, Option, Outcome, RolePlay, menu
from infraprep.practice.quantity import read_quantity, unit_of

__all__ = [
    "Debrief",
    "Option",
    "Outcome",
    "RolePlay",
    "Score",
    "Verdict",
    "estimation_drills",
    "find_estimation",
    "find_scenario",
    "menu",
    "read_quantity",
    "scenarios",
    "score",
    "unit_of",
    "verdict_for",
]
