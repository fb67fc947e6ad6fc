"""Time parsing every dotin CV in the fixtures (real layouts, many positions each);
append the result to RESULTS.md.

The report benchmark parses one tidy CV; this one shows what the position finder
costs on the messy ones, where most of its rules run.

Run: .venv/bin/python bench/bench_parse_cvs.py [--runs 5]
"""

from __future__ import annotations

import argparse
import datetime as dt
import time

from bench_report import ROOT, fmt, machine

from infraprep.evaluation.dotin import dotin_text
from infraprep.evaluation.metric import EVAL_TODAY
from infraprep.ingest import read_document
from infraprep.parse import parse_profile

DOTIN = ROOT / "tests" / "fixtures" / "cv" / "dotin"


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--no-write", action="store_true")
    args = parser.parse_args()
    documents = [
        read_document(dotin_text(path.read_text(encoding="utf-8")).encode(), "cv.txt")
        for path in sorted(DOTIN.glob("*.xml"))
    ]
    per_cv: list[float] = []
    for _ in range(args.runs):
        start = time.perf_counter()
        for document in documents:
            parse_profile(document, EVAL_TODAY)
        per_cv.append((time.perf_counter() - start) / len(documents))
    text = "\n".join(
        [
            f"## Parsing the dotin CVs — {dt.date.today().isoformat()}",
            "",
            f"Machine: {machine()}",
            "",
            f"Input: the {len(documents)} dotin CVs in tests/fixtures/cv/dotin, as text.",
            "",
            f"- parse_profile per CV: {fmt(per_cv)}",
            "",
        ]
    )
    print(text)
    if not args.no_write:
        results = ROOT / "bench" / "RESULTS.md"
        results.write_text(results.read_text().rstrip() + "\n\n" + text)


if __name__ == "__main__":
    main()
