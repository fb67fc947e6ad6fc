"""Helpers the tests import: documents built by hand, fixed dates, fixture paths, the CLI."""

from __future__ import annotations

import datetime as dt
import os
import subprocess
import sys
from pathlib import Path

from infraprep.models import Document, TextBlock

FIXTURES = Path(__file__).parent / "fixtures"
TODAY = dt.date(2026, 11, 22)


def run_cli(
    *args: str, stdin: bytes | None = None, cwd: Path | None = None
) -> subprocess.CompletedProcess[bytes]:
    """`infraprep ARGS` as a user runs it: a real process, its output and exit code."""
    env = {**os.environ, "COLUMNS": "120"}
    env.pop("INFRAPREP_DEBUG", None)
    return subprocess.run(
        [sys.executable, "-m", "infraprep", *args],
        input=stdin,
        capture_output=True,
        cwd=cwd,
        env=env,
        timeout=60,
        check=False,
    )


def text_document(text: str) -> Document:
    """A Document from Markdown-ish text, one block per line, as the text reader makes."""
    blocks = []
    for raw in text.splitlines():
        line = raw.rstrip()
        if not line.strip():
            continue
        stripped = line.lstrip()
        if stripped.startswith("#"):
            kind = "heading"
        elif stripped[:2] in ("- ", "* ", "• "):
            kind = "list_item"
        else:
            kind = "paragraph"
        level = len(stripped) - len(stripped.lstrip("#")) if kind == "heading" else 0
        blocks.append(TextBlock(text=line, kind=kind, level=level))
    return Document(source_type="markdown", blocks=tuple(blocks))


SRE_CV = """Jane Doe
Senior Site Reliability Engineer
jane.doe@example.com | +1 555 123 4567 | github.com/janedoe
## Experience
Site Reliability Engineer — Acme Cloud
Mar 2020 – Present
- Carried the pager for a 40-service Kubernetes platform on AWS; cut pages per week from 30 to 6
- Wrote Go controllers to automate certificate rotation across 12 clusters
- Led 15 blameless postmortems and tracked action items to closure
- Mentored three junior engineers through their first on-call shifts
Systems Engineer, Initech, 2016 - 2020
- Managed a Linux fleet of 800 hosts with Terraform and Ansible
- Built Prometheus and Grafana monitoring, reducing false-positive alerts by 70%
- Worked with customers during outages and wrote status updates
## Education
B.Sc. Computer Science, State University, 2016
## Skills
Go, Python, Kubernetes, Terraform, AWS, Linux, Kafka
"""
