"""What every evaluation reports: a metric with its counts and its misses, and the label files."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

# Every evaluation runs as of this date, so "present" and the plan's dates never drift.
EVAL_TODAY = dt.date(2026, 11, 22)


@dataclass
class Metric:
    name: str
    tp: int = 0
    fp: int = 0
    fn: int = 0
    correct: int = 0
    total: int = 0
    misses: list[str] = field(default_factory=list)

    @property
    def precision(self) -> float | None:
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else None

    @property
    def recall(self) -> float | None:
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else None

    @property
    def accuracy(self) -> float | None:
        return self.correct / self.total if self.total else None

    def as_dict(self) -> dict[str, Any]:
        def r(x: float | None) -> float | None:
            return None if x is None else round(x, 3)

        return {
            "name": self.name,
            "precision": r(self.precision),
            "recall": r(self.recall),
            "accuracy": r(self.accuracy),
            "n": self.total or self.tp + self.fn,
            "misses": self.misses[:25],
        }


def labels(path: Path) -> list[dict[str, Any]]:
    """A label file's entries; a missing file has none (a fixtures folder may hold
    only some of them)."""
    return list(read_yaml(path) or []) if path.exists() else []


def held_out_labels(eval_dir: Path, kind: str) -> list[dict[str, Any]]:
    """Entries of every ``<kind>-held-out*.yaml``: each blind set lands in a file of its own."""
    return [
        entry for path in sorted(eval_dir.glob(f"{kind}-held-out*.yaml")) for entry in labels(path)
    ]


def read_yaml(path: Path) -> Any:
    return yaml.safe_load(path.read_text(encoding="utf-8"))
