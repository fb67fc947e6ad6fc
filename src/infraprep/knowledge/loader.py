"""Open and validate the knowledge base once.

Parsing (``parse_items``) is kept apart from opening files (``load_knowledge``),
so tests can validate a snippet of YAML and errors always name the file and
the field path that is wrong.
"""

from __future__ import annotations

import functools
import hashlib
import os
import pickle
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import TypeVar

import yaml
from pydantic import BaseModel, ValidationError

from infraprep.errors import KnowledgeError
from infraprep.knowledge.schema import (
    Archetype,
    Competency,
    Concept,
    Drill,
    LoopStage,
    Question,
    RoleFamily,
    Scenario,
    Signal,
    SmartQuestion,
    TimelinePhase,
)

DATA_DIR = Path(__file__).parent / "data"

try:  # libyaml is several times faster; fall back when a platform lacks it
    _Loader: type = yaml.CSafeLoader
except AttributeError:  # pragma: no cover
    _Loader = yaml.SafeLoader

M = TypeVar("M", bound=BaseModel)


@dataclass(frozen=True)
class KnowledgeBase:
    """Every validated item, in file order, plus lookups by id."""

    competencies: tuple[Competency, ...]
    families: tuple[RoleFamily, ...]
    stages: tuple[LoopStage, ...]
    signals: tuple[Signal, ...]
    questions: tuple[Question, ...]
    concepts: tuple[Concept, ...]
    drills: tuple[Drill, ...]
    scenarios: tuple[Scenario, ...]
    smart_questions: tuple[SmartQuestion, ...]
    archetypes: tuple[Archetype, ...]
    timeline: tuple[TimelinePhase, ...]
    sources: dict[str, str] = field(default_factory=dict, compare=False)  # item id -> file

    def family(self, family_id: str) -> RoleFamily:
        for fam in self.families:
            if fam.id == family_id:
                return fam
        raise KeyError(family_id)

    def stage(self, stage_id: str) -> LoopStage:
        for stage in self.stages:
            if stage.id == stage_id:
                return stage
        raise KeyError(stage_id)

    def all_items(self) -> Iterable[tuple[str, BaseModel]]:
        """(collection name, item) for every item with an id."""
        for name in (
            "competencies",
            "families",
            "stages",
            "signals",
            "questions",
            "concepts",
            "drills",
            "scenarios",
            "smart_questions",
            "archetypes",
            "timeline",
        ):
            for item in getattr(self, name):
                yield name, item


def parse_items(text: str, source: str, model: type[M]) -> list[M]:
    """Validate a YAML list of items against ``model``.

    Raises:
        KnowledgeError: naming ``source``, the item index and id, and the field path.
    """
    try:
        raw = yaml.load(text, Loader=_Loader)
    except yaml.YAMLError as exc:
        raise KnowledgeError(f"{source}: not valid YAML: {exc}") from exc
    if raw is None:
        return []
    if not isinstance(raw, list):
        raise KnowledgeError(f"{source}: expected a list of items, got {type(raw).__name__}")
    items: list[M] = []
    for index, entry in enumerate(raw):
        try:
            items.append(model.model_validate(entry))
        except ValidationError as exc:
            ident = entry.get("id", "?") if isinstance(entry, dict) else "?"
            problems = "; ".join(
                f"{'.'.join(str(p) for p in err['loc']) or '(item)'}: {err['msg']}"
                for err in exc.errors()
            )
            raise KnowledgeError(f"{source}: item {index} ({ident}): {problems}") from exc
    return items


def _read_collection(root: Path, name: str, model: type[M], sources: dict[str, str]) -> list[M]:
    files: list[Path] = []
    single = root / f"{name}.yaml"
    if single.exists():
        files.append(single)
    folder = root / name
    if folder.is_dir():
        files.extend(sorted(folder.glob("*.yaml")))
    items: list[M] = []
    for path in files:
        rel = str(path.relative_to(root))
        for item in parse_items(path.read_text(encoding="utf-8"), rel, model):
            sources.setdefault(str(getattr(item, "id", "")), rel)
            items.append(item)
    return items


def read_knowledge(root: Path = DATA_DIR) -> KnowledgeBase:
    """Read and validate every collection under ``root`` (no cache)."""
    sources: dict[str, str] = {}

    def col(name: str, model: type[M]) -> tuple[M, ...]:
        return tuple(_read_collection(root, name, model, sources))

    return KnowledgeBase(
        competencies=col("competencies", Competency),
        families=col("families", RoleFamily),
        stages=col("stages", LoopStage),
        signals=col("signals", Signal),
        questions=col("questions", Question),
        concepts=col("concepts", Concept),
        drills=col("drills", Drill),
        scenarios=col("scenarios", Scenario),
        smart_questions=col("smart_questions", SmartQuestion),
        archetypes=col("archetypes", Archetype),
        timeline=col("timeline", TimelinePhase),
        sources=sources,
    )


def _cache_path(root: Path) -> Path | None:
    """A cache file named after the schema and every data file (size, mtime): any edit misses it."""
    base = os.environ.get("INFRAPREP_CACHE_DIR") or os.path.join(
        os.environ.get("XDG_CACHE_HOME") or os.path.expanduser("~/.cache"),
        "infraprep",
    )
    digest = hashlib.sha256(str(root.resolve()).encode())
    # the schema's code is part of what was validated: a new schema misses the cache too
    code = [Path(__file__).parent / "schema.py", Path(__file__)]
    for path in code:
        stat = path.stat()
        digest.update(f"{path.name}:{stat.st_size}:{stat.st_mtime_ns}".encode())
    for path in sorted(root.rglob("*.yaml")):
        stat = path.stat()
        digest.update(f"{path.relative_to(root)}:{stat.st_size}:{stat.st_mtime_ns}".encode())
    return Path(base) / f"kb-{digest.hexdigest()[:20]}.pickle"


@functools.lru_cache(maxsize=4)
def load_knowledge(root: Path = DATA_DIR) -> KnowledgeBase:
    """The validated knowledge base, read once per process and path.

    Validating ~1,500 items costs ~150 ms, a large share of a cold CLI run, so the
    validated result is kept in a user cache file keyed by the data files'
    sizes and mtimes. A missing, stale or unreadable cache just means a fresh read.
    """
    cache = None
    try:
        cache = _cache_path(root)
        if cache is not None and cache.exists():
            with cache.open("rb") as fh:
                cached = pickle.load(fh)
            if isinstance(cached, KnowledgeBase):
                return cached
    except Exception:
        pass
    kb = read_knowledge(root)
    if cache is not None:
        try:
            cache.parent.mkdir(parents=True, exist_ok=True)
            tmp = cache.with_suffix(f".{os.getpid()}.tmp")
            with tmp.open("wb") as fh:
                pickle.dump(kb, fh, protocol=pickle.HIGHEST_PROTOCOL)
            os.replace(tmp, cache)
        except OSError:
            pass
    return kb
