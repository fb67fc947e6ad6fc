"""Posting metrics: family, infra vs off-target, level, technologies, must/nice."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from infraprep.errors import InputError
from infraprep.evaluation.metric import Metric, held_out_labels, labels
from infraprep.knowledge import KnowledgeBase
from infraprep.models import Posting


def _posting(path: Path, kb: KnowledgeBase) -> Posting:
    from infraprep.ingest import read_path
    from infraprep.parse import parse_posting

    return parse_posting(read_path(path), kb)


@dataclass
class _PostingMetrics:
    """The posting metrics of one label set (tuning or held out)."""

    suffix: str
    family: Metric = field(init=False)
    on_target: Metric = field(init=False)
    level: Metric = field(init=False)
    tech: Metric = field(init=False)
    kind: Metric = field(init=False)
    found: Metric = field(init=False)

    def __post_init__(self) -> None:
        s = self.suffix
        self.family = Metric("posting family" + s)
        self.on_target = Metric("posting infra vs off-target" + s)
        self.level = Metric("posting level" + s)
        self.tech = Metric("posting technologies" + s)
        self.kind = Metric("requirement must/nice" + s)
        self.found = Metric("labelled requirements found" + s)

    def all(self) -> list[Metric]:
        return [self.family, self.on_target, self.level, self.tech, self.kind, self.found]


def _score_posting(m: _PostingMetrics, name: str, label: dict[str, Any], posting: Posting) -> None:
    from infraprep.knowledge.schema import INFRA_FAMILIES

    m.family.total += 1
    if posting.family == label["family"] or posting.family in label.get("also", []):
        m.family.correct += 1
    else:
        m.family.misses.append(f"{name}: {posting.family} (want {label['family']})")
    m.on_target.total += 1
    if posting.on_target == (label["family"] in INFRA_FAMILIES):
        m.on_target.correct += 1
    else:
        m.on_target.misses.append(f"{name}: on_target={posting.on_target}")
    if "level" in label:
        m.level.total += 1
        if posting.level == label["level"]:
            m.level.correct += 1
        else:
            m.level.misses.append(
                f"{name}: {posting.level} (want {label['level']}; {posting.level_reason})"
            )
    if "technologies" in label:
        gold = set(label["technologies"])
        got = set(posting.technologies)
        m.tech.tp += len(gold & got)
        m.tech.fp += len(got - gold)
        m.tech.fn += len(gold - got)
        m.tech.misses.extend(f"{name}: extra {t}" for t in sorted(got - gold))
        m.tech.misses.extend(f"{name}: missed {t}" for t in sorted(gold - got))
    for want in ("must", "nice"):
        for prefix in label.get(want, []):
            req = next(
                (r for r in posting.requirements if r.text.lower().startswith(prefix.lower())),
                None,
            )
            m.found.total += 1
            if req is None:
                m.found.misses.append(f"{name}: not found: {prefix}")
                continue
            m.found.correct += 1
            m.kind.total += 1
            if req.kind == want:
                m.kind.correct += 1
            else:
                m.kind.misses.append(f"{name}: {prefix!r} read as {req.kind}")


def _score_unread(m: _PostingMetrics, name: str, label: dict[str, Any], error: Exception) -> None:
    """A posting the engine refuses to read gets no report: every label on it is missed."""
    why = f"{name}: not read ({error})"
    m.family.total += 1
    m.family.misses.append(why)
    m.on_target.total += 1
    m.on_target.misses.append(why)
    if "level" in label:
        m.level.total += 1
        m.level.misses.append(why)
    m.tech.fn += len(label.get("technologies", []))
    for want in ("must", "nice"):
        for prefix in label.get(want, []):
            m.found.total += 1
            m.found.misses.append(f"{why}: {prefix}")


def evaluate_postings(fixtures: Path, kb: KnowledgeBase) -> list[Metric]:
    """Posting metrics on the tuning labels, then the same on the held-out labels.

    Held-out labels live in their own file so that reading tuning misses never
    shows them; their metrics carry the suffix " (held out)" and are only
    reported when there are any.
    """
    tuning, held_out = _PostingMetrics(""), _PostingMetrics(" (held out)")
    for metrics, entries in (
        (tuning, labels(fixtures / "eval" / "postings.yaml")),
        (held_out, held_out_labels(fixtures / "eval", "postings")),
    ):
        for label in entries:
            name = label["file"]
            try:
                posting = _posting(fixtures / name, kb)
            except InputError as error:  # a posting the engine refuses misses every label
                _score_unread(metrics, name, label, error)
                continue
            _score_posting(metrics, name, label, posting)
    return [*tuning.all(), *(m for m in held_out.all() if m.total or m.tp + m.fn + m.fp)]
