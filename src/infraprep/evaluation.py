"""Measure the parsers and the tailor against hand-written labels.

The labels live with the test fixtures (``tests/fixtures/eval/``) and are not
shipped; `infraprep eval --fixtures DIR` and the test suite both call
``evaluate(DIR)``. Each metric reports precision, recall or accuracy with the
misses, because a number without its misses cannot be improved.

Label files:
- ``eval/postings.yaml``: per posting file: family, level, technologies, and
  requirement lines labelled ``must``/``nice`` (by the start of their text).
- ``cv/dotin/*.xml``: CVs whose inline labels (Designation, Companies worked
  at, Years of Experience) are the gold positions.
- ``eval/evidence.yaml``: CV/JD pairs with the CV line (a substring) that should
  evidence each requirement, or ``gap``.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from infraprep.knowledge import KnowledgeBase
from infraprep.models import Posting

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


def _read(path: Path) -> Any:
    return yaml.safe_load(path.read_text(encoding="utf-8"))


def _posting(path: Path, kb: KnowledgeBase) -> Posting:
    from infraprep.ingest import read_path
    from infraprep.parse import parse_posting

    return parse_posting(read_path(path), kb)


def evaluate_postings(fixtures: Path, kb: KnowledgeBase) -> list[Metric]:
    family = Metric("posting family")
    on_target = Metric("posting infra vs off-target")
    level = Metric("posting level")
    tech = Metric("posting technologies")
    kind = Metric("requirement must/nice")
    found = Metric("labelled requirements found")
    for label in _read(fixtures / "eval" / "postings.yaml"):
        name = label["file"]
        posting = _posting(fixtures / name, kb)
        family.total += 1
        if posting.family == label["family"] or posting.family in label.get("also", []):
            family.correct += 1
        else:
            family.misses.append(f"{name}: {posting.family} (want {label['family']})")
        on_target.total += 1
        from infraprep.knowledge.schema import INFRA_FAMILIES

        want_infra = label["family"] in INFRA_FAMILIES
        if posting.on_target == want_infra:
            on_target.correct += 1
        else:
            on_target.misses.append(f"{name}: on_target={posting.on_target}")
        if "level" in label:
            level.total += 1
            if posting.level == label["level"]:
                level.correct += 1
            else:
                level.misses.append(
                    f"{name}: {posting.level} (want {label['level']}; {posting.level_reason})"
                )
        if "technologies" in label:
            gold = set(label["technologies"])
            got = set(posting.technologies)
            tech.tp += len(gold & got)
            tech.fp += len(got - gold)
            tech.fn += len(gold - got)
            for t in sorted(got - gold):
                tech.misses.append(f"{name}: extra {t}")
            for t in sorted(gold - got):
                tech.misses.append(f"{name}: missed {t}")
        for want in ("must", "nice"):
            for prefix in label.get(want, []):
                req = next(
                    (r for r in posting.requirements if r.text.lower().startswith(prefix.lower())),
                    None,
                )
                found.total += 1
                if req is None:
                    found.misses.append(f"{name}: not found: {prefix}")
                    continue
                found.correct += 1
                kind.total += 1
                if req.kind == want:
                    kind.correct += 1
                else:
                    kind.misses.append(f"{name}: {prefix!r} read as {req.kind}")
    return [family, on_target, level, tech, kind, found]


_LABEL = re.compile(r'<label type="([^"]+)">(.*?)</label>', re.S)


def dotin_text_and_gold(path: Path) -> tuple[str, dict[str, list[str]]]:
    raw = path.read_text(encoding="utf-8")
    gold: dict[str, list[str]] = {}
    for kind, value in _LABEL.findall(raw):
        gold.setdefault(kind, []).append(re.sub(r"\s+", " ", value).strip())
    text = re.sub(r"<[^>]+>", "", raw)
    for entity, char in (("&amp;", "&"), ("&lt;", "<"), ("&gt;", ">"), ("&quot;", '"')):
        text = text.replace(entity, char)
    return text, gold


def _norm(text: str) -> str:
    return re.sub(r"[^a-z0-9]+", " ", text.lower()).strip()


def evaluate_cvs(fixtures: Path, limit: int | None = None) -> list[Metric]:
    from infraprep.ingest import read_document
    from infraprep.parse import parse_profile
    from infraprep.parse.dates import find_range

    titles = Metric("CV position titles")
    companies = Metric("CV position companies")
    dates = Metric("CV position dates")
    paths = sorted((fixtures / "cv" / "dotin").glob("*.xml"), key=lambda p: int(p.stem))
    for path in paths[:limit]:
        text, gold = dotin_text_and_gold(path)
        ranges = {
            (r.start, r.end)
            for v in gold.get("Years of Experience", [])
            if (r := find_range(v)) is not None
        }
        if not ranges:
            continue  # no dated positions labelled: nothing to check positions against
        profile = parse_profile(read_document(text.encode("utf-8"), "cv.txt"), EVAL_TODAY)
        gold_titles = {_norm(t) for t in gold.get("Designation", [])}
        gold_companies = {_norm(c) for c in gold.get("Companies worked at", [])}
        got_ranges = {(p.start, p.end) for p in profile.positions}
        dates.tp += len(ranges & got_ranges)
        dates.fp += len(got_ranges - ranges)
        dates.fn += len(ranges - got_ranges)
        if ranges - got_ranges:
            dates.misses.append(f"{path.name}: missed {sorted(ranges - got_ranges)}")
        for pos in profile.positions:
            t = _norm(pos.title)
            if t and any(t == g or (len(t) > 3 and (t in g or g in t)) for g in gold_titles):
                titles.tp += 1
            else:
                titles.fp += 1
                titles.misses.append(f"{path.name}: title {pos.title!r}")
            c = _norm(pos.company or "")
            if c and any(c == g or (len(c) > 2 and (c in g or g in c)) for g in gold_companies):
                companies.tp += 1
            else:
                companies.fp += 1
                companies.misses.append(f"{path.name}: company {pos.company!r}")
        found_titles = {
            g
            for g in gold_titles
            if any(
                _norm(p.title) and (_norm(p.title) in g or g in _norm(p.title))
                for p in profile.positions
            )
        }
        titles.fn += max(0, min(len(gold_titles), len(ranges)) - len(found_titles))
        found_companies = {
            g
            for g in gold_companies
            if any(
                _norm(p.company or "")
                and (_norm(p.company or "") in g or g in _norm(p.company or ""))
                for p in profile.positions
            )
        }
        companies.fn += max(0, min(len(gold_companies), len(ranges)) - len(found_companies))
    return [titles, companies, dates]


def evaluate_evidence(fixtures: Path, kb: KnowledgeBase) -> list[Metric]:
    from infraprep.ingest import read_path
    from infraprep.pipeline import generate_plan

    links = Metric("evidence links")
    label_file = fixtures / "eval" / "evidence.yaml"
    if not label_file.exists():
        return [links]
    for pair in _read(label_file):
        plan = generate_plan(
            read_path(fixtures / pair["cv"]),
            read_path(fixtures / pair["jd"]),
            today=EVAL_TODAY,
            kb=kb,
        )
        for prefix, want in pair["links"].items():
            row = next(
                (r for r in plan.fit.rows if r.requirement.lower().startswith(prefix.lower())), None
            )
            links.total += 1
            if row is None:
                links.misses.append(f"{pair['cv']}: requirement not found: {prefix}")
                continue
            if want == "gap":
                ok = row.status == "gap"
            else:
                ok = row.cv is not None and str(want).lower() in row.cv.text.lower()
            if ok:
                links.correct += 1
            else:
                links.misses.append(
                    f"{pair['cv']}: {prefix!r} -> {row.cv.text if row.cv else 'gap'!r} "
                    f"(want {want!r})"
                )
    return [links]


def report_overlap(fixtures: Path, kb: KnowledgeBase, cv: str, jd_a: str, jd_b: str) -> float:
    """Share of report A's items (questions, concepts, drills, asks) also in report B."""
    from infraprep.ingest import read_path
    from infraprep.pipeline import generate_plan

    def items(jd: str) -> set[str]:
        plan = generate_plan(
            read_path(fixtures / cv), read_path(fixtures / jd), today=EVAL_TODAY, kb=kb
        )
        return {
            x.id
            for group in (
                plan.behavioural,
                plan.technical,
                plan.concepts,
                plan.drills,
                plan.smart_questions,
            )
            for x in group
        }

    a, b = items(jd_a), items(jd_b)
    return len(a & b) / len(a) if a else 0.0


def evaluate(fixtures: Path, kb: KnowledgeBase, *, cv_limit: int | None = None) -> dict[str, Any]:
    metrics = [
        *evaluate_postings(fixtures, kb),
        *evaluate_cvs(fixtures, cv_limit),
        *evaluate_evidence(fixtures, kb),
    ]
    out: dict[str, Any] = {"metrics": [m.as_dict() for m in metrics]}
    overlap_file = fixtures / "eval" / "overlap.yaml"
    if overlap_file.exists():
        spec = _read(overlap_file)
        out["overlap"] = [
            {**s, "shared": round(report_overlap(fixtures, kb, s["cv"], s["jd_a"], s["jd_b"]), 3)}
            for s in spec
        ]
    return out
