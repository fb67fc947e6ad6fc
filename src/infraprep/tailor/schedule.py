"""A dated study plan from today to the interview, in the phases of a good prep timeline.

With a long runway each phase gets its share of the days; with a short one the
early phases shrink first and the last days before the interview stay light.
Each block names the concepts, drills and questions to work on, highest
priority first, so the plan and the report agree.
"""

from __future__ import annotations

import datetime as dt
import math
from collections.abc import Sequence

from infraprep.knowledge.schema import TimelinePhase
from infraprep.models import StudyBlock

# "concepts" | "drills" | "role_plays" | "technical" | "behavioural" | "asks"
WorkItems = dict[str, Sequence[str]]

# Rough minutes a first pass takes: read a concept card and answer its self-check, work a
# drill on paper, run a role-play, answer a question aloud or write a story, read an ask.
MINUTES_PER_ITEM = {
    "concepts": 45,
    "drills": 45,
    "role_plays": 30,
    "technical": 20,
    "behavioural": 20,
    "asks": 5,
}


def work_hours(work: WorkItems) -> float:
    """About how many hours one pass over the plan's items takes."""
    return sum(MINUTES_PER_ITEM.get(kind, 20) * len(items) for kind, items in work.items()) / 60


def _chunks(items: Sequence[str], hours: Sequence[float]) -> list[list[str]]:
    """``items`` in order, split across blocks in proportion to each block's hours, so a
    short last week gets a short list (largest remainder, earlier blocks win ties)."""
    total = sum(hours)
    if not items or total <= 0:
        return [[] for _ in hours]
    raw = [len(items) * h / total for h in hours]
    counts = [math.floor(r) for r in raw]
    by_remainder = sorted(range(len(raw)), key=lambda i: (-(raw[i] - counts[i]), i))
    for i in by_remainder[: len(items) - sum(counts)]:
        counts[i] += 1
    out, start = [], 0
    for n in counts:
        out.append(list(items[start : start + n]))
        start += n
    return out


def _phase_items(index: int, work: WorkItems) -> list[str]:
    concepts = list(work.get("concepts", ()))
    third = max(1, len(concepts) // 3)
    if index == 0:  # find the gaps: self-check the top concepts, one diagnostic drill
        return concepts[:third] + list(work.get("drills", ()))[:1]
    if index == 1:  # deep dives and mocks
        return (
            concepts[third:]
            + list(work.get("drills", ()))[1:]
            + list(work.get("role_plays", ()))
            + list(work.get("technical", ()))
        )
    if index == 2:  # final review and company research
        return list(work.get("behavioural", ())) + list(work.get("asks", ()))
    if index == 3:  # interview week: light
        return concepts[:3]
    return []


def _split_days(runway: int, shares: list[float]) -> list[int]:
    """Whole days per phase in proportion to the shares (largest remainder),
    keeping at least one day for the last, light phase when there are two or more."""
    if not shares:
        return []
    total = sum(shares)
    raw = [runway * s / total for s in shares]
    days = [math.floor(r) for r in raw]
    by_remainder = sorted(range(len(raw)), key=lambda i: (-(raw[i] - days[i]), i))
    for i in by_remainder[: runway - sum(days)]:
        days[i] += 1
    if runway >= 2 and len(days) > 1 and days[-1] == 0:
        largest = max(range(len(days) - 1), key=lambda i: (days[i], -i))
        days[largest] -= 1
        days[-1] += 1
    return days


def build_schedule(
    today: dt.date,
    interview: dt.date,
    hours_per_week: float,
    phases: Sequence[TimelinePhase],
    work: WorkItems,
) -> tuple[StudyBlock, ...]:
    before = sorted((p for p in phases if p.weeks_before[1] >= 0), key=lambda p: -p.weeks_before[0])
    after = [p for p in phases if p.weeks_before[1] < 0]
    runway = max(1, (interview - today).days)
    days = _split_days(runway, [p.share for p in before])
    blocks: list[StudyBlock] = []
    cursor = today
    carried: list[str] = []  # work of phases the runway had no days for
    for index, (phase, n_days) in enumerate(zip(before, days, strict=True)):
        items = carried + _phase_items(index, work)
        if n_days <= 0:
            carried = items
            continue
        carried = []
        weeks = max(1, math.ceil(n_days / 7))
        spans = []
        for w in range(weeks):
            start = cursor + dt.timedelta(days=7 * w)
            end = min(cursor + dt.timedelta(days=n_days - 1), start + dt.timedelta(days=6))
            hours = hours_per_week * ((end - start).days + 1) / 7
            spans.append((start, end, hours * (0.5 if index == len(before) - 1 else 1.0)))
        item_chunks = _chunks(items, [hours for _, _, hours in spans])
        for (start, end, hours), chunk in zip(spans, item_chunks, strict=True):
            blocks.append(
                StudyBlock(
                    start=start,
                    end=end,
                    phase=phase.name,
                    goals=phase.goals,
                    hours=round(hours, 1),
                    items=tuple(chunk),
                )
            )
        cursor += dt.timedelta(days=n_days)
    for phase in after:
        blocks.append(
            StudyBlock(
                start=interview + dt.timedelta(days=1),
                end=interview + dt.timedelta(days=7),
                phase=phase.name,
                goals=phase.goals,
                hours=round(min(2.0, hours_per_week / 3), 1),
                items=(),
            )
        )
    return tuple(blocks)
