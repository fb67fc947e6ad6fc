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
from typing import TYPE_CHECKING, Literal

if TYPE_CHECKING:
    from infraprep.practice.estimation import Score
    from infraprep.practice.feedback import Feedback
    from infraprep.practice.incident import Debrief
    from infraprep.practice.scripting import ScriptRun

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


def role_play_attempt(scenario_id: str, debrief: Debrief, day: dt.date) -> Attempt | None:
    """A role-play passes when it stopped the impact with no risky move; one stopped
    before any move is no attempt."""
    if not debrief.moves:
        return None
    found = len(debrief.useful_found)
    detail = ("impact stopped" if debrief.resolved else "impact not stopped") + (
        f" in {debrief.moves} moves, {found} of {debrief.signals} signals"
    )
    if debrief.risky_taken:
        detail += f", {len(debrief.risky_taken)} risky"
    score = found / debrief.signals if debrief.signals else float(debrief.resolved)
    passed = debrief.resolved and not debrief.risky_taken
    return _attempt(day, "incident", scenario_id, passed, score, detail)


def estimate_attempt(drill_id: str, score: Score, day: dt.date) -> Attempt | None:
    """An estimation drill passes with every number within tolerance; one with every
    number skipped is no attempt."""
    total = len(score.verdicts)
    if score.skipped == total:
        return None
    detail = f"{score.right} of {total} within tolerance"
    return _attempt(day, "estimate", drill_id, score.right == total, score.right / total, detail)


def answer_attempt(item_id: str, feedback: Feedback, day: dt.date) -> Attempt:
    total = len(feedback.points)
    share = feedback.covered / total if total else 0.0
    what = "rubric lines" if feedback.kind == "design" else "talking points"
    detail = f"{feedback.covered} of {total} {what}"
    return _attempt(day, "answer", item_id, share >= ANSWER_PASS, share, detail)


def script_attempt(drill_id: str, run: ScriptRun, day: dt.date) -> Attempt:
    total = len(run.results)
    detail = f"{run.passed} of {total} tests pass" if total else "did not run"
    score = run.passed / total if total else 0.0
    return _attempt(day, "script", drill_id, run.all_passed, score, detail)


def _attempt(
    day: dt.date, kind: AttemptKind, item_id: str, passed: bool, score: float, detail: str
) -> Attempt:
    return Attempt(day, kind, item_id, passed, round(score, 3), detail)


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
