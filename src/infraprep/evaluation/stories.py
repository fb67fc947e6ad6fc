"""The story bank against hand-picked stories: which CV bullet answers which question.

Selection is left out: each labelled CV is given the labelled questions, as a report
would give its ten, so the number says how well stories are matched, not which
questions a posting draws.
"""

from __future__ import annotations

from pathlib import Path

from infraprep.evaluation.metric import EVAL_TODAY, Metric, held_out_labels, labels
from infraprep.knowledge import KnowledgeBase


def evaluate_stories(fixtures: Path, kb: KnowledgeBase) -> list[Metric]:
    """Precision and recall of the stories told, and the share of questions answered
    right, a story where the label has one and none where it says ``none``.

    A story is right when its bullet holds one of the label's substrings. A story for
    a question labelled ``none`` is a wrong story (precision); no story, or the wrong
    one, for a question with a labelled story is a miss (recall).
    """
    from infraprep.ingest import read_path
    from infraprep.parse import parse_profile
    from infraprep.tailor.needs import cv_lines
    from infraprep.tailor.stories import assign_stories

    questions = {q.id: q for q in kb.questions}
    sets = (
        ("", labels(fixtures / "eval" / "stories.yaml")),
        (" (held out)", held_out_labels(fixtures / "eval", "stories")),
    )
    metrics: list[Metric] = []
    for suffix, entries in sets:
        if not entries:
            continue
        metric = Metric(f"story bank: the bullet told for a question{suffix}")
        for entry in entries:
            profile = parse_profile(read_path(fixtures / entry["cv"]), EVAL_TODAY)
            asked = [questions[qid] for qid in entry["stories"]]
            told = assign_stories(asked, cv_lines(profile, kb))
            for qid, want in entry["stories"].items():
                wants = [] if want == "none" else [str(w) for w in _as_list(want)]
                story = told[qid]
                metric.total += 1
                if story is None and not wants:
                    metric.correct += 1
                    continue
                right = story is not None and any(w in story.bullet for w in wants)
                if right:
                    metric.tp += 1
                    metric.correct += 1
                    continue
                if story is not None:
                    metric.fp += 1
                if wants:
                    metric.fn += 1
                told_text = story.bullet[:90] if story else "none"
                metric.misses.append(f"{entry['cv']}: {qid} -> {told_text!r} (want {want!r})")
        metrics.append(metric)
    return metrics


def _as_list(value: object) -> list[object]:
    return list(value) if isinstance(value, list) else [value]
