"""What you practised and when to practise it again: a Leitner schedule over your attempts.

Each attempt is an item's id, the day and how it went: a role-play stopped the
impact without a risky move, every estimate within its tolerance, every script
test passing, most of an answer's talking points reached. Each pass in a row
moves the item up a box, and it waits longer before it is due again (1, 3, 7, 14,
then 30 days); a miss drops it back to the first box, due the next day. Nothing
you typed is kept: only ids, days and scores.
"""

from __future__ import annotations

import datetime as dt
import json
from dataclasses import asdict, dataclass
from typing import Literal

AttemptKind = Literal["incident", "estimate", "script", "answer"]

# days an item waits in each box before it is due again
INTERVALS = (1, 3, 7, 14, 30)
# a written answer "passes" when it reaches this share of its talking points: feedback
# is lexical, so the bar is a reminder to review, not a grade
ANSWER_PASS = 0.6


@dataclass(frozen=True)
class Attempt:
    day: dt.date
    kind: AttemptKind
    item_id: str
    passed: bool
    score: float  # 0..1
    detail: str  # "3 of 4 estimates within tolerance"

    def to_json(self) -> str:
        data = asdict(self)
        data["day"] = self.day.isoformat()
        return json.dumps(data, ensure_ascii=False, sort_keys=True)

    @classmethod
    def from_json(cls, line: str) -> Attempt:
        data = json.loads(line)
        return cls(
            day=dt.date.fromisoformat(data["day"]),
            kind=data["kind"],
            item_id=str(data["item_id"]),
            passed=bool(data["passed"]),
            score=float(data["score"]),
            detail=str(data.get("detail", "")),
        )


@dataclass(frozen=True)
class Review:
    """One practised item: where it stands in the schedule."""

    kind: AttemptKind
    item_id: str
    attempts: int
    last: Attempt
    box: int  # the passes in a row, less one, up to len(INTERVALS) - 1; 0 after a miss
    due: dt.date

    def overdue_days(self, today: dt.date) -> int:
        return (today - self.due).days


def reviews(attempts: list[Attempt]) -> list[Review]:
    """Every item practised, with its box and the day it is due, most overdue first."""
    by_item: dict[tuple[str, str], list[Attempt]] = {}
    for attempt in sorted(attempts, key=lambda a: a.day):  # stable: same-day order kept
        by_item.setdefault((attempt.kind, attempt.item_id), []).append(attempt)
    out = []
    for (kind, item_id), tries in by_item.items():
        streak = 0
        for attempt in tries:
            streak = streak + 1 if attempt.passed else 0
        box = min(max(streak - 1, 0), len(INTERVALS) - 1)
        last = tries[-1]
        out.append(
            Review(
                kind=kind,  # type: ignore[arg-type]
                item_id=item_id,
                attempts=len(tries),
                last=last,
                box=box,
                due=last.day + dt.timedelta(days=INTERVALS[box]),
            )
        )
    # on the same day, what was missed comes before what was passed
    return sorted(out, key=lambda r: (r.due, r.last.passed, r.kind, r.item_id))


def due(attempts: list[Attempt], today: dt.date) -> list[Review]:
    """The items due for review on ``today`` or before."""
    return [r for r in reviews(attempts) if r.due <= today]
