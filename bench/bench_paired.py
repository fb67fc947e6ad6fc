"""CPU time of parse + tailor per plan for one checkout, to compare two commits on one host.

The report benchmark's wall-clock numbers move by tens of percent on a shared
2-core VM; process CPU time over the same three postings, run alternately for
two checkouts, is steadier. Run from the root of the checkout being measured:

    git worktree add /tmp/base <commit>
    PYTHONPATH=/tmp/base/src .venv/bin/python bench/bench_paired.py /tmp/base
    .venv/bin/python bench/bench_paired.py .
"""

from __future__ import annotations

import datetime as dt
import statistics
import sys
import time
from pathlib import Path

from infraprep.ingest import read_path
from infraprep.knowledge.loader import read_knowledge
from infraprep.pipeline import generate_plan

POSTINGS = (
    "src/infraprep/examples/teleport-sre.md",
    "tests/fixtures/jd/gitlab/site-reliability-engineer.md",
    "tests/fixtures/jd/tts-5/cloud-operations-sre.md",
)
TODAY = dt.date(2026, 12, 2)


def main(root: Path, rounds: int = 20) -> None:
    kb = read_knowledge(root / "src/infraprep/knowledge/data")
    cv = read_path(root / "src/infraprep/examples/cv-two-column.pdf")
    jds = [read_path(root / p) for p in POSTINGS]
    for _ in range(3):  # warm the caches
        for jd in jds:
            generate_plan(cv, jd, today=TODAY, kb=kb)
    per_plan = []
    for _ in range(rounds):
        start = time.process_time()
        for jd in jds:
            generate_plan(cv, jd, today=TODAY, kb=kb)
        per_plan.append((time.process_time() - start) / len(jds) * 1000)
    print(
        f"{root}: parse+tailor per plan, CPU median {statistics.median(per_plan):.1f} ms, "
        f"min {min(per_plan):.1f} ms (n={rounds})"
    )


if __name__ == "__main__":
    main(Path(sys.argv[1] if len(sys.argv) > 1 else "."))
