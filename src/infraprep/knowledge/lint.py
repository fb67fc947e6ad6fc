"""Checks on the knowledge base beyond the schema: ids, references, duplicates, coverage.

The same checks run in the test suite and as `infraprep kb lint`, so content
review and CI agree on what "valid" means.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass
from urllib.parse import urlparse

from infraprep.knowledge.loader import KnowledgeBase
from infraprep.knowledge.schema import INFRA_FAMILIES

DUPLICATE_SIMILARITY = 88.0  # rapidfuzz token_set_ratio, 0..100
COVERAGE_LEVELS = ("mid", "senior", "staff")
MIN_PER_FAMILY_LEVEL = {
    "behavioural": 5,
    "technical": 5,
    "design": 2,
    "troubleshooting": 2,
    "scripting": 1,
    "concepts": 5,
    "drills": 1,
}
MINIMUMS = {
    "families": 14,
    "stages": 10,
    "signals": 40,
    "questions": 600,
    "behavioural": 150,
    "technical": 250,
    "design": 60,
    "troubleshooting": 60,
    "scripting": 40,
    "concepts": 250,
    "drills": 60,
    "scenarios": 15,
    "smart_questions": 100,
    "concept_areas": 15,
}


@dataclass(frozen=True)
class Finding:
    level: str  # "error" | "warning"
    where: str
    message: str

    def __str__(self) -> str:
        return f"{self.level}: {self.where}: {self.message}"


# Vocabulary collections may share an id with each other ("security" is a
# family and a competency) but content items may not repeat any id.
_VOCABULARIES = ("competencies", "families", "stages", "timeline", "archetypes")


def _ids(kb: KnowledgeBase) -> Iterable[Finding]:
    seen: Counter[str] = Counter()
    for name, item in kb.all_items():
        ident = getattr(item, "id", None)
        if ident is not None:
            seen[f"{name}:{ident}" if name in _VOCABULARIES else str(ident)] += 1
    for ident, n in sorted(seen.items()):
        if n > 1:
            yield Finding("error", ident, f"id used {n} times")


def _references(kb: KnowledgeBase) -> Iterable[Finding]:
    for name, item in kb.all_items():
        ref = getattr(item, "reference", None)
        if ref is None:
            continue
        url = urlparse(str(ref))
        if url.scheme != "https" and url.scheme != "http":
            yield Finding(
                "error", str(getattr(item, "id", name)), f"reference {ref} is not http(s)"
            )
        elif url.path in ("", "/") and not url.query:
            yield Finding(
                "error",
                str(getattr(item, "id", name)),
                f"reference {ref} is a bare home page; cite the specific page",
            )


def _cross_refs(kb: KnowledgeBase) -> Iterable[Finding]:
    competencies = {c.id for c in kb.competencies}
    stages = {s.id for s in kb.stages}
    for comp in kb.competencies:
        if comp.narrows is not None and comp.narrows not in competencies - {comp.id}:
            yield Finding("error", comp.id, f"narrows an unknown competency {comp.narrows!r}")
    for _name, item in kb.all_items():
        ident = str(getattr(item, "id", "?"))
        for field in ("competencies", "unless_mentioned"):
            for comp in getattr(item, field, ()) or ():
                if comp not in competencies:
                    yield Finding("error", ident, f"unknown competency {comp!r} in {field}")
        for stage in getattr(item, "typical_loop", ()) or ():
            if stage not in stages:
                yield Finding("error", ident, f"unknown loop stage {stage!r}")
        for stage in getattr(item, "stages", ()) or ():
            if stage not in stages:
                yield Finding("error", ident, f"unknown loop stage {stage!r}")


def _technologies(kb: KnowledgeBase) -> Iterable[Finding]:
    """Items name canonical taxonomy terms, or they never meet a posting's technologies."""
    from infraprep.knowledge.taxonomy import load_taxonomy

    taxonomy = load_taxonomy()
    for _name, item in kb.all_items():
        for tech in getattr(item, "technologies", ()) or ():
            if taxonomy.get(tech) is None:
                hit = taxonomy.lookup(tech)
                hint = f"; the canonical name is {hit.name!r}" if hit else ""
                yield Finding(
                    "error", str(getattr(item, "id", "?")), f"unknown technology {tech!r}{hint}"
                )


def _near_duplicates(kb: KnowledgeBase) -> Iterable[Finding]:
    from rapidfuzz import fuzz

    groups: dict[str, list[tuple[str, str]]] = {}
    for q in kb.questions:
        groups.setdefault(f"question:{q.kind}", []).append((q.id, q.prompt))
    for c in kb.concepts:
        groups.setdefault("concept", []).append((c.id, c.title + ". " + c.summary[:120]))
    for d in kb.drills:
        groups.setdefault("drill", []).append((d.id, d.title + ". " + d.prompt[:160]))
    for s in kb.smart_questions:
        groups.setdefault("smart", []).append((s.id, s.question))
    for group, items in groups.items():
        texts = [t.lower() for _i, t in items]
        for i in range(len(items)):
            if len(texts[i]) <= 25:
                continue
            for j in range(i + 1, len(items)):
                score = fuzz.token_set_ratio(texts[i], texts[j], score_cutoff=DUPLICATE_SIMILARITY)
                if score:
                    yield Finding(
                        "error",
                        items[i][0],
                        f"near-duplicate of {items[j][0]} ({group}, similarity {score:.0f})",
                    )


def _counts(kb: KnowledgeBase) -> Iterable[Finding]:
    from infraprep.knowledge.browse import stats

    counted = stats(kb)
    actual = {
        **counted,
        **counted["questions_by_kind"],
        "families": counted["infra_families"],
        "stages": counted["loop_stages"],
        "concept_areas": len(counted["concepts_by_area"]),
    }
    for key, minimum in MINIMUMS.items():
        if actual.get(key, 0) < minimum:
            yield Finding("error", "coverage", f"{key}: {actual.get(key, 0)} < {minimum}")


def _coverage(kb: KnowledgeBase) -> Iterable[Finding]:
    def fits(families: tuple[str, ...], levels: tuple[str, ...], fam: str, lvl: str) -> bool:
        return (not families or fam in families) and (not levels or lvl in levels)

    for fam in INFRA_FAMILIES:
        for lvl in COVERAGE_LEVELS:
            counts: Counter[str] = Counter()
            for q in kb.questions:
                if fits(q.families, q.levels, fam, lvl):
                    counts[q.kind] += 1
            counts["concepts"] = sum(1 for c in kb.concepts if fits(c.families, (), fam, lvl))
            counts["drills"] = sum(1 for d in kb.drills if fits(d.families, d.levels, fam, lvl))
            for kind, minimum in MIN_PER_FAMILY_LEVEL.items():
                if counts[kind] < minimum:
                    yield Finding(
                        "error", f"coverage:{fam}:{lvl}", f"{counts[kind]} {kind} items < {minimum}"
                    )


# Words too common in CV bullets to mark one story ("Led the migration" is not every
# leadership story): a cue made of one of them alone would tell any bullet.
_GENERIC_CUES = frozenset(
    {"led", "lead", "built", "build", "team", "teams", "production", "system", "systems",
     "improved", "worked", "helped", "managed", "ran", "owned", "wrote", "made"}
)  # fmt: skip


def _cues(kb: KnowledgeBase) -> Iterable[Finding]:
    """Every behavioural question says which bullets tell its story, in specific words."""
    for q in kb.questions:
        if q.kind != "behavioural":
            continue
        if not q.cues:
            yield Finding("error", q.id, "a behavioural question needs cues")
        for cue in q.cues:
            if cue != cue.lower() or not cue.strip():
                yield Finding("error", q.id, f"cue {cue!r} must be lower-case words")
            elif cue in _GENERIC_CUES:
                yield Finding("error", q.id, f"cue {cue!r} would match any bullet")
        if len(set(q.cues)) != len(q.cues):
            yield Finding("error", q.id, "repeated cue")


def lint(kb: KnowledgeBase, *, counts: bool = True) -> list[Finding]:
    findings: list[Finding] = []
    checks = (_ids, _references, _cross_refs, _technologies, _near_duplicates, _coverage, _cues)
    for check in checks:
        findings.extend(check(kb))
    if counts:
        findings.extend(_counts(kb))
    return findings
