"""Time a cold `infraprep report` and in-process generation; append results to RESULTS.md.

Run: .venv/bin/python bench/bench_report.py [--runs 15]
Targets (issue 2): cold CLI <= 1.0 s wall; in-process <= 50 ms.
"""

from __future__ import annotations

import argparse
import datetime as dt
import os
import platform
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
JD = ROOT / "src" / "infraprep" / "examples" / "teleport-sre.md"


def two_page_cv(path: Path) -> Path:
    """A 2-page single-column CV, made with reportlab so the benchmark ships no binary."""
    from reportlab.lib.pagesizes import A4
    from reportlab.lib.styles import getSampleStyleSheet
    from reportlab.platypus import Paragraph, SimpleDocTemplate

    styles = getSampleStyleSheet()
    story = [Paragraph("Sam Example", styles["Title"]), Paragraph("Experience", styles["Heading2"])]
    for n in range(6):
        story.append(Paragraph(f"Site Reliability Engineer — Company {n}", styles["Heading3"]))
        story.append(Paragraph(f"Jan {2010 + 2 * n} – Dec {2011 + 2 * n}", styles["Normal"]))
        for b in range(7):
            story.append(
                Paragraph(
                    f"• Ran Kubernetes clusters on AWS with Terraform and Prometheus; reduced "
                    f"pages by {10 + b}% and cut p99 latency from {300 + b} ms to {120 + b} ms "
                    "across 40 services during the migration.",
                    styles["Normal"],
                )
            )
    SimpleDocTemplate(str(path), pagesize=A4).build(story)
    return path


def machine() -> str:
    cpu = platform.processor() or platform.machine()
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    return (
        f"{platform.system()} {platform.release()}, {cpu}, {os.cpu_count()} cores, "
        f"Python {platform.python_version()}"
    )


def cold_cli(cv: Path, runs: int) -> list[float]:
    exe = Path(sys.executable).parent / "infraprep"
    times = []
    with tempfile.TemporaryDirectory() as tmp:
        for _ in range(runs):
            start = time.perf_counter()
            subprocess.run(
                [str(exe), "report", str(cv), str(JD), "-o", f"{tmp}/r.html"],
                check=True,
                capture_output=True,
            )
            times.append(time.perf_counter() - start)
    return times


def in_process(cv: Path, runs: int) -> dict[str, list[float]]:
    from infraprep.ingest import read_document
    from infraprep.knowledge import load_knowledge
    from infraprep.pipeline import generate_plan
    from infraprep.render import render

    kb = load_knowledge()
    cv_bytes, jd_bytes = cv.read_bytes(), JD.read_bytes()
    today = dt.date.today()
    out: dict[str, list[float]] = {"ingest": [], "parse+tailor": [], "render html": []}
    for _ in range(runs + 2):
        t0 = time.perf_counter()
        cv_doc = read_document(cv_bytes, "cv.pdf")
        jd_doc = read_document(jd_bytes, "jd.md")
        t1 = time.perf_counter()
        plan = generate_plan(cv_doc, jd_doc, today=today, kb=kb)
        t2 = time.perf_counter()
        render(plan, "html")
        t3 = time.perf_counter()
        out["ingest"].append(t1 - t0)
        out["parse+tailor"].append(t2 - t1)
        out["render html"].append(t3 - t2)
    return {k: v[2:] for k, v in out.items()}  # drop warm-up runs


def matcher(runs: int) -> dict[str, list[float]]:
    """The technology taxonomy matcher: built once per process, then run on every document."""
    from infraprep.knowledge.taxonomy import load_taxonomy
    from infraprep.parse.technologies import TechnologyMatcher

    taxonomy = load_taxonomy()
    words = JD.read_text(encoding="utf-8") * 3
    out: dict[str, list[float]] = {"matcher build": [], f"match {len(words.split())} words": []}
    for _ in range(runs):
        t0 = time.perf_counter()
        m = TechnologyMatcher(taxonomy)
        t1 = time.perf_counter()
        m.find_technologies(words)
        t2 = time.perf_counter()
        out["matcher build"].append(t1 - t0)
        out[f"match {len(words.split())} words"].append(t2 - t1)
    return out


def fmt(times: list[float]) -> str:
    ms = sorted(t * 1000 for t in times)
    return f"median {statistics.median(ms):.1f} ms, min {ms[0]:.1f}, max {ms[-1]:.1f} (n={len(ms)})"


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--runs", type=int, default=15)
    parser.add_argument("--no-write", action="store_true")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        cv = two_page_cv(Path(tmp) / "cv.pdf")
        cold = cold_cli(cv, max(5, args.runs // 2))
        warm = in_process(cv, args.runs)
    lines = [
        f"## Report generation — {dt.date.today().isoformat()}",
        "",
        f"Machine: {machine()}",
        "",
        "Input: a 2-page PDF CV (6 positions, 42 bullets, made by the benchmark) and the "
        "bundled Teleport SRE posting.",
        "",
        f"- cold `infraprep report` (new process, HTML out): {fmt(cold)} — target ≤ 1000 ms",
        *[f"- in-process {name}: {fmt(v)}" for name, v in warm.items()],
        *[f"- taxonomy {name}: {fmt(v)}" for name, v in matcher(args.runs).items()],
        f"- in-process total (ingest + parse + tailor + render): "
        f"{fmt([sum(x) for x in zip(*warm.values(), strict=True)])} — target ≤ 50 ms for "
        "generation",
        "",
    ]
    text = "\n".join(lines)
    print(text)
    if not args.no_write:
        results = ROOT / "bench" / "RESULTS.md"
        existing = results.read_text() if results.exists() else "# Benchmark results\n\n"
        results.write_text(existing.rstrip() + "\n\n" + text)


if __name__ == "__main__":
    main()
