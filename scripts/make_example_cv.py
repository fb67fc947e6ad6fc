"""Build the bundled example CV: a designed two-column PDF, as many real CVs are.

The person is fictional. Run from the repo root with the dev dependencies:
    .venv/bin/python scripts/make_example_cv.py
"""

from __future__ import annotations

from pathlib import Path

from reportlab.lib import colors
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.platypus import BaseDocTemplate, Frame, FrameBreak, PageTemplate, Paragraph, Spacer

OUT = (
    Path(__file__).resolve().parent.parent / "src" / "infraprep" / "examples" / "cv-two-column.pdf"
)

SIDEBAR = [
    ("name", "Alex Rivera"),
    ("role", "Site Reliability Engineer"),
    ("small", "alex.rivera@example.org"),
    ("small", "+1 415 555 0134"),
    ("small", "github.com/alexrivera-example"),
    ("head", "SKILLS"),
    ("small", "Languages: Go, Python, Bash"),
    ("small", "Cloud: AWS (EKS, EC2, S3, IAM, Route 53)"),
    ("small", "Containers: Kubernetes, Docker, Helm"),
    ("small", "IaC: Terraform, Ansible"),
    ("small", "Observability: Prometheus, Grafana, OpenTelemetry, PagerDuty"),
    ("small", "Data: PostgreSQL, Redis, Kafka"),
    ("head", "EDUCATION"),
    ("small", "B.Sc. Computer Science, University of Texas at Austin, 2015"),
    ("head", "CERTIFICATIONS"),
    ("small", "Certified Kubernetes Administrator (CKA), 2021"),
]

MAIN = [
    ("head", "SUMMARY"),
    (
        "body",
        "Site reliability engineer with eight years of running customer-facing systems "
        "on AWS and Kubernetes. I like turning pages into automation and outages into "
        "design changes.",
    ),
    ("head", "EXPERIENCE"),
    ("job", "Senior Site Reliability Engineer — Northwind Payments"),
    ("date", "March 2021 – Present"),
    (
        "bullet",
        "Carried the pager for a 60-service payments platform on EKS; cut pages per "
        "on-call week from 35 to 8 by deleting noisy alerts and adding burn-rate SLO alerts.",
    ),
    (
        "bullet",
        "Led the incident response for a regional AWS outage and ran the blameless "
        "postmortem; the failover runbook we wrote brought recovery time from 4 hours to 25 minutes.",
    ),
    (
        "bullet",
        "Wrote Go Kubernetes controllers that rotate TLS certificates across 14 clusters, "
        "ending certificate-expiry incidents.",
    ),
    ("bullet", "Moved 300 hand-managed AWS resources into Terraform modules with CI plan checks."),
    ("bullet", "Mentored four engineers through their first on-call rotations."),
    ("job", "Site Reliability Engineer — Contoso Retail"),
    ("date", "June 2018 – February 2021"),
    (
        "bullet",
        "Built Prometheus and Grafana monitoring for 1,200 Linux hosts, reducing "
        "false-positive alerts by 70%.",
    ),
    (
        "bullet",
        "Automated OS patching with Ansible and a canary wave, patching the fleet in "
        "2 days instead of 3 weeks.",
    ),
    (
        "bullet",
        "Tuned PostgreSQL connection pooling during Black Friday load tests, holding "
        "p99 checkout latency under 300 ms at 4x normal traffic.",
    ),
    ("job", "Systems Engineer — Fabrikam Hosting"),
    ("date", "July 2015 – May 2018"),
    (
        "bullet",
        "Ran Linux servers and DNS for 400 customer sites; handled escalated networking tickets.",
    ),
    ("bullet", "Wrote Python scripts to provision customer VMs, replacing a manual checklist."),
]


def build(path: Path = OUT) -> Path:
    styles = {
        "name": ParagraphStyle(
            "name", fontName="Helvetica-Bold", fontSize=18, leading=22, textColor=colors.white
        ),
        "role": ParagraphStyle(
            "role",
            fontName="Helvetica",
            fontSize=10.5,
            leading=14,
            textColor=colors.HexColor("#cfe3ff"),
            spaceAfter=8,
        ),
        "small": ParagraphStyle(
            "small",
            fontName="Helvetica",
            fontSize=8.5,
            leading=11.5,
            textColor=colors.white,
            spaceAfter=3,
        ),
        "head": ParagraphStyle(
            "head",
            fontName="Helvetica-Bold",
            fontSize=10.5,
            leading=14,
            spaceBefore=10,
            spaceAfter=4,
            textColor=colors.HexColor("#0b3d91"),
        ),
        "body": ParagraphStyle("body", fontName="Helvetica", fontSize=9.5, leading=13),
        "job": ParagraphStyle(
            "job", fontName="Helvetica-Bold", fontSize=10, leading=13, spaceBefore=8
        ),
        "date": ParagraphStyle(
            "date",
            fontName="Helvetica-Oblique",
            fontSize=9,
            leading=12,
            textColor=colors.HexColor("#555555"),
            spaceAfter=2,
        ),
        "bullet": ParagraphStyle(
            "bullet",
            fontName="Helvetica",
            fontSize=9.5,
            leading=12.5,
            leftIndent=10,
            bulletIndent=0,
            spaceAfter=2,
        ),
    }
    side_head = ParagraphStyle("sidehead", parent=styles["head"], textColor=colors.white)
    width, height = A4
    sidebar_w = 62 * mm

    def background(canvas, _doc) -> None:
        canvas.saveState()
        canvas.setFillColor(colors.HexColor("#0b3d91"))
        canvas.rect(0, 0, sidebar_w, height, stroke=0, fill=1)
        canvas.restoreState()

    frames = [
        Frame(8 * mm, 12 * mm, sidebar_w - 14 * mm, height - 24 * mm, id="side"),
        Frame(
            sidebar_w + 8 * mm, 12 * mm, width - sidebar_w - 16 * mm, height - 24 * mm, id="main"
        ),
    ]
    doc = BaseDocTemplate(
        str(path), pagesize=A4, title="Alex Rivera — CV", author="Alex Rivera", invariant=1
    )
    doc.addPageTemplates([PageTemplate(id="cv", frames=frames, onPage=background)])
    story = []
    for kind, text in SIDEBAR:
        story.append(Paragraph(text, side_head if kind == "head" else styles[kind]))
    story.append(FrameBreak())
    for kind, text in MAIN:
        if kind == "bullet":
            story.append(Paragraph(text, styles["bullet"], bulletText="•"))
        else:
            story.append(Paragraph(text, styles[kind]))
    story.append(Spacer(1, 4))
    doc.build(story)
    return path


if __name__ == "__main__":
    print(build())
