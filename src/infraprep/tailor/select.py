"""Rank knowledge-base items for one posting and one CV, then pick a diverse few.

score = relevance to the posting (family, competencies, technologies)
        x what studying it buys (need x gap)
        x level fit
        x 0.4 when it is about a specialised field the posting never asks for
          (GPU inference for a GitLab SRE, red teaming for a data engineer),
picked greedily so that every must-have competency gets an item and no area
or competency crowds out the rest. Ties break on id, so the same inputs give
the same selection.
"""

from __future__ import annotations

import contextlib
from collections import Counter
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Generic, TypeVar

from infraprep.knowledge import KnowledgeBase
from infraprep.models import LEVELS, MANAGING_LEVELS, Posting
from infraprep.tailor.needs import Needs

T = TypeVar("T")

# an item about a specialised field the posting never names ("GPU inference" for a
# GitLab SRE) keeps a little of its score: it is still general prep, but last
_OFF_TOPIC = 0.4


@dataclass(frozen=True)
class Scored(Generic[T]):
    item: T
    score: float
    keys: tuple[str, ...]  # competencies/technologies that made it relevant


def near_families(posting: Posting, kb: KnowledgeBase) -> frozenset[str]:
    """Families close to the posting's: its related roles and any it also scores on."""
    related: set[str] = set()
    with contextlib.suppress(KeyError):
        related = set(kb.family(posting.family).related)
    return frozenset(related | {f for f, s in posting.families.items() if s >= 0.15})


def family_fit(item_families: Sequence[str], family: str, near: frozenset[str]) -> float:
    """How well an item made for ``item_families`` fits a posting of ``family``;
    ``near`` is ``near_families`` of that posting, worked out once per posting."""
    if not item_families:
        return 0.7
    if family in item_families:
        return 1.0
    if any(f in near for f in item_families):
        return 0.65
    return 0.25


def level_fit(item_levels: Sequence[str], level: str) -> float:
    """How well an item written for ``item_levels`` fits a job at ``level``.

    Managing people is another track, not a rung above principal: "As a hiring manager,
    tell me how you designed the loop" is no question for an engineer at any level.
    Above the job's level an item fits less than below it: a senior is asked junior
    questions harder, but "As a staff engineer, ..." presumes a scope a mid-level
    engineer has not had.
    """
    if not item_levels or level in item_levels:
        return 1.0
    if level not in MANAGING_LEVELS and all(lv in MANAGING_LEVELS for lv in item_levels):
        return 0.0
    order = {name: i for i, name in enumerate(LEVELS)}
    # managers and directors are judged like staff engineers on technical items
    target = order["staff"] if level in MANAGING_LEVELS else order[level]
    ranks = [order[lv] for lv in item_levels if lv in order and lv not in MANAGING_LEVELS]
    if not ranks:
        return 0.1
    distance = min(abs(rank - target) for rank in ranks)
    if distance == 0:  # a manager, and an item written for staff engineers
        return 1.0
    if min(ranks) > target:  # every level it was written for is above the job's
        return {1: 0.5, 2: 0.15}.get(distance, 0.05)
    return {1: 0.6, 2: 0.3}.get(distance, 0.1)


class ItemScorer:
    """Scores items for one posting and CV.

    A plan scores ~1,000 items, so what depends only on the posting (nearby
    families, need x gap per key, the posting's technologies as a set) is worked
    out once, and level fits once per distinct level list; the numbers are
    exactly those of the formula above.
    """

    def __init__(
        self, posting: Posting, needs: Needs, kb: KnowledgeBase, *, gap_weight: float = 1.0
    ) -> None:
        self.posting = posting
        self._near = near_families(posting, kb)
        self._level: dict[tuple[str, ...], float] = {}
        # need x gap per key the JD needs at all; the same products needs.score() sums.
        # ``gap_weight`` below 1 lets what the JD needs count even where the CV shows it
        self._value = {
            k: v * (1.0 - gap_weight + gap_weight * needs.gap.get(k, 1.0))
            for k, v in needs.need.items()
            if v > 0
        }
        self._posting_technologies = frozenset(posting.technologies)
        # a field of its own the posting never asks for: an item about it is off the topic
        self._off_topic = frozenset(
            c.id for c in kb.competencies if c.specialised and needs.need.get(c.id, 0.0) == 0
        )

    def score(
        self,
        *,
        families: Sequence[str],
        levels: Sequence[str],
        competencies: Sequence[str],
        technologies: Sequence[str],
    ) -> tuple[float, tuple[str, ...]]:
        worth = self._value
        keys = tuple(k for k in (*competencies, *technologies) if k in worth)
        value = sum(worth[k] for k in keys) if keys else 0
        # An item that touches nothing the JD names still helps a little (general prep).
        relevance = 0.15 + value
        posting_technologies = self._posting_technologies
        tech_bonus = 0.25 * sum(1 for t in technologies if t in posting_technologies)
        fam = family_fit(families, self.posting.family, self._near)
        if any(c in self._off_topic for c in competencies):
            fam *= _OFF_TOPIC
        lvl_key = tuple(levels)
        lvl = self._level.get(lvl_key)
        if lvl is None:
            lvl = self._level[lvl_key] = level_fit(lvl_key, self.posting.level)
        return round((relevance + tech_bonus) * fam * lvl, 6), keys


def pick(
    scored: list[Scored[T]],
    *,
    limit: int,
    ident: Callable[[T], str],
    groups: Callable[[T], Sequence[str]],
    must_cover: Sequence[str] = (),
    per_group: int = 2,
) -> list[Scored[T]]:
    """Greedy selection: coverage of ``must_cover`` keys first, then by score with diversity."""
    ordered = sorted(scored, key=lambda s: (-s.score, ident(s.item)))
    chosen: list[Scored[T]] = []
    chosen_ids: set[str] = set()
    for key in must_cover:
        if len(chosen) >= limit:
            break
        if any(key in s.keys for s in chosen):
            continue
        for cand in ordered:
            if key in cand.keys and ident(cand.item) not in chosen_ids and cand.score > 0:
                chosen.append(cand)
                chosen_ids.add(ident(cand.item))
                break
    used: Counter[str] = Counter(g for s in chosen for g in groups(s.item))
    for cand in ordered:
        if len(chosen) >= limit:
            break
        if ident(cand.item) in chosen_ids:
            continue
        if any(used[g] >= per_group for g in groups(cand.item)):
            continue
        chosen.append(cand)
        chosen_ids.add(ident(cand.item))
        used.update(groups(cand.item))
    if len(chosen) < limit:  # diversity caps left room: fill by score
        for cand in ordered:
            if len(chosen) >= limit:
                break
            if ident(cand.item) not in chosen_ids:
                chosen.append(cand)
                chosen_ids.add(ident(cand.item))
    return sorted(chosen, key=lambda s: (-s.score, ident(s.item)))
