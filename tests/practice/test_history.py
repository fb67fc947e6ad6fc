"""The practice schedule: what is due, from attempts alone, and a history file that survives."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from infraprep.errors import StorageError
from infraprep.practice.history import INTERVALS, Attempt, due, reviews
from infraprep.store.practice_log import PracticeLog

DAY = dt.date(2026, 12, 1)


def _try(days: int, item: str = "drill-est-disk-fill-time", passed: bool = True) -> Attempt:
    day = DAY + dt.timedelta(days=days)
    return Attempt(day, "estimate", item, passed, 1.0 if passed else 0.0, "")


def test_history_each_pass_waits_longer_and_a_miss_starts_over():
    passes = [_try(0), _try(1), _try(4)]
    (review,) = reviews(passes)
    assert review.box == 2 and review.due == DAY + dt.timedelta(days=4 + INTERVALS[2])
    (missed,) = reviews([*passes, _try(11, passed=False)])
    assert missed.box == 0 and missed.due == DAY + dt.timedelta(days=12)


def test_history_due_lists_what_waits_no_longer_most_overdue_first():
    attempts = [_try(0, "a"), _try(0, "b", passed=False), _try(5, "c")]
    today = DAY + dt.timedelta(days=2)
    assert [r.item_id for r in due(attempts, today)] == ["b", "a"]  # c waits until day 6


def test_history_log_appends_and_skips_a_line_it_cannot_read(tmp_path: Path):
    log = PracticeLog(tmp_path / "deep" / "practice.jsonl")
    log.append(_try(0))
    with log.path.open("a", encoding="utf-8") as out:
        out.write('{"day": "2026-12-0')  # a crash mid-write
    log.append(_try(1))  # a later attempt lands on its own line after the broken one
    attempts, skipped = log.read()
    assert [a.day for a in attempts] == [DAY, DAY + dt.timedelta(days=1)] and skipped == 1


def test_history_log_in_a_folder_it_cannot_write_says_so(tmp_path: Path):
    blocked = tmp_path / "file"
    blocked.write_text("not a folder")
    with pytest.raises(StorageError) as info:
        PracticeLog(blocked / "practice.jsonl").append(_try(0))
    assert "--no-record" in info.value.hint
