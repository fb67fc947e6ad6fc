"""Measure the parsers and the tailor against hand-written labels.

The labels live with the test fixtures (``tests/fixtures/eval/``) and are not
shipped; `infraprep eval --fixtures DIR` and the test suite both call
``evaluate(DIR)``. Each metric reports precision, recall or accuracy with the
misses, because a number without its misses cannot be improved.

Label files:
- ``eval/postings.yaml``: per posting file: family, level, technologies, and
  requirement lines labelled ``must``/``nice`` (by the start of their text).
- ``eval/postings-held-out*.yaml``: the same for postings labelled blind to the
  engine and never tuned against, one file per set; reported as "... (held out)".
- ``cv/dotin/*.xml``: CVs whose inline labels (Designation, Companies worked
  at, Years of Experience) are the gold positions.
- ``eval/positions.yaml``: dotin CVs with every position labelled by hand
  (``eval/positions-labelling.md``), since the inline labels leave many out;
  ``eval/positions-held-out*.yaml`` hold the CVs never tuned against.
- ``eval/evidence.yaml``: CV/JD pairs with the CV line (a substring) that should
  evidence each requirement, or ``gap``; ``eval/evidence-held-out*.yaml`` hold
  the pairs never tuned against.
- ``eval/stories.yaml``: written CVs with the bullet (a substring) that answers each
  of a dozen behavioural questions, or ``none``; ``eval/stories-held-out*.yaml``
  hold the CVs never tuned against.
"""

from pathlib import Path
from typing import Any

from infraprep.evaluation.dotin import (
    dotin_gold_positions,
    dotin_text_and_gold,
    evaluate_cvs,
    is_held_out,
    repair_flattened_export,
)
from infraprep.evaluation.evidence import evaluate_evidence, report_overlap
from infraprep.evaluation.metric import EVAL_TODAY, Metric, read_yaml
from infraprep.evaluation.positions import evaluate_positions
from infraprep.evaluation.postings import evaluate_postings
from infraprep.evaluation.stories import evaluate_stories
from infraprep.knowledge import KnowledgeBase

__all__ = [
    "EVAL_TODAY",
    "Metric",
    "dotin_gold_positions",
    "dotin_text_and_gold",
    "evaluate",
    "evaluate_cvs",
    "evaluate_evidence",
    "evaluate_positions",
    "evaluate_postings",
    "evaluate_stories",
    "is_held_out",
    "repair_flattened_export",
    "report_overlap",
]


def evaluate(fixtures: Path, kb: KnowledgeBase, *, cv_limit: int | None = None) -> dict[str, Any]:
    metrics = [
        *evaluate_postings(fixtures, kb),
        *evaluate_cvs(fixtures, cv_limit),
        *evaluate_positions(fixtures),
        *evaluate_evidence(fixtures, kb),
        *evaluate_stories(fixtures, kb),
    ]
    out: dict[str, Any] = {"metrics": [m.as_dict() for m in metrics]}
    overlap_file = fixtures / "eval" / "overlap.yaml"
    if overlap_file.exists():
        spec = read_yaml(overlap_file)
        out["overlap"] = [
            {**s, "shared": round(report_overlap(fixtures, kb, s["cv"], s["jd_a"], s["jd_b"]), 3)}
            for s in spec
        ]
    return out
