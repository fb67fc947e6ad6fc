"""Counting and searching the knowledge base: shared by `infraprep kb` and the web library."""

from __future__ import annotations

import re
from collections import Counter
from typing import Any

from pydantic import BaseModel

from infraprep.errors import NotFoundError
from infraprep.knowledge.loader import KnowledgeBase


def stats(kb: KnowledgeBase, technologies: int | None = None) -> dict[str, Any]:
    return {
        "families": len(kb.families),
        "infra_families": sum(1 for f in kb.families if f.on_target),
        "loop_stages": len(kb.stages),
        "signals": len(kb.signals),
        "questions": len(kb.questions),
        "concepts": len(kb.concepts),
        "drills": len(kb.drills),
        "scenarios": len(kb.scenarios),
        "smart_questions": len(kb.smart_questions),
        "archetypes": len(kb.archetypes),
        "competencies": len(kb.competencies),
        "technologies": technologies if technologies is not None else 0,
        "questions_by_kind": dict(sorted(Counter(q.kind for q in kb.questions).items())),
        "concepts_by_area": dict(sorted(Counter(c.area for c in kb.concepts).items())),
        "drills_by_kind": dict(sorted(Counter(d.kind for d in kb.drills).items())),
        "smart_questions_by_theme": dict(
            sorted(Counter(s.theme for s in kb.smart_questions).items())
        ),
    }


def title_of(item: BaseModel) -> str:
    for field in ("title", "prompt", "question", "name"):
        value = getattr(item, field, None)
        if isinstance(value, str):
            return value
    return str(getattr(item, "id", "?"))


def _text_of(item: BaseModel) -> str:
    parts: list[str] = []
    for value in item.model_dump(mode="json").values():
        if isinstance(value, str):
            parts.append(value)
        elif isinstance(value, list):
            parts.extend(v for v in value if isinstance(v, str))
    return " ".join(parts).lower()


def search(
    kb: KnowledgeBase, query: str, limit: int = 20, collection: str | None = None
) -> list[tuple[str, BaseModel, float]]:
    """Items whose text holds the query's words; title hits rank first."""
    words = [w for w in re.findall(r"[\w+#./-]+", query.lower()) if len(w) > 1]
    if not words:
        return []
    hits: list[tuple[float, str, str, BaseModel]] = []
    for name, item in kb.all_items():
        if collection and name != collection:
            continue
        text = _text_of(item)
        if not all(w in text for w in words):
            continue
        title = title_of(item).lower()
        score = (
            sum(3.0 if w in title else 1.0 for w in words) + sum(text.count(w) for w in words) / 50
        )
        hits.append((score, str(getattr(item, "id", "")), name, item))
    hits.sort(key=lambda h: (-h[0], h[1]))
    return [(name, item, score) for score, _id, name, item in hits[:limit]]


def find(kb: KnowledgeBase, ident: str) -> tuple[str, BaseModel]:
    for name, item in kb.all_items():
        if getattr(item, "id", None) == ident:
            return name, item
    raise NotFoundError(
        f"No knowledge-base item has the id {ident!r}.", "Find ids with: infraprep kb search WORDS"
    )
