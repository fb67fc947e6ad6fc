"""Evidence links (the CV line quoted for each labelled requirement) and report overlap."""

from __future__ import annotations

from pathlib import Path

from infraprep.evaluation.metric import EVAL_TODAY, Metric, held_out_labels, labels
from infraprep.knowledge import KnowledgeBase


def evaluate_evidence(fixtures: Path, kb: KnowledgeBase) -> list[Metric]:
    from infraprep.ingest import read_path
    from infraprep.pipeline import generate_plan

    tuned, held_out = Metric("evidence links"), Metric("evidence links (held out)")
    # the story bank: how many behavioural questions a CV line answers, once per pair
    stories = Metric("behavioural questions with a CV story")
    storied: set[tuple[str, str]] = set()
    pairs = [
        *((tuned, pair) for pair in labels(fixtures / "eval" / "evidence.yaml")),
        *((held_out, pair) for pair in held_out_labels(fixtures / "eval", "evidence")),
    ]
    for links, pair in pairs:
        plan = generate_plan(
            read_path(fixtures / pair["cv"]),
            read_path(fixtures / pair["jd"]),
            today=EVAL_TODAY,
            kb=kb,
        )
        if (pair["cv"], pair["jd"]) not in storied:
            storied.add((pair["cv"], pair["jd"]))
            stories.total += len(plan.behavioural)
            stories.correct += sum(1 for q in plan.behavioural if q.story)
        for prefix, want in pair["links"].items():
            # the posting's own spacing ("practices -  High") is collapsed in its lines
            key = _spaced(prefix)
            row = next((r for r in plan.fit.rows if _spaced(r.requirement).startswith(key)), None)
            links.total += 1
            if row is None:
                links.misses.append(f"{pair['cv']}: requirement not found: {prefix}")
                continue
            # a label quotes the file ("Wrote `shipit`"); the report quotes the line as read,
            # Markdown's code marks gone
            quoted = want if isinstance(want, list) else [want]
            wants = [str(w).lower().replace("`", "") for w in quoted]
            if want == "gap":  # no CV line shows it, whether a gap or one to answer in person
                ok = row.status in ("gap", "answer")
            else:
                ok = row.cv is not None and any(w in row.cv.text.lower() for w in wants)
            if ok:
                links.correct += 1
            else:
                links.misses.append(
                    f"{pair['cv']}: {prefix!r} -> {row.cv.text if row.cv else 'gap'!r} "
                    f"(want {want!r})"
                )
    return [tuned, *([held_out] if held_out.total else []), stories]


def _spaced(text: str) -> str:
    return " ".join(text.lower().split())


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
