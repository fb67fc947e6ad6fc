"""Real input files for the ingest tests, generated with reportlab and python-docx.

Each is a file as a user would upload it, made by the same libraries real CV
tools use, so the readers are tested on genuine PDF and DOCX structure rather
than on mocks. Tests take them as fixtures (built once per session), so no
test module imports from here.
"""

from __future__ import annotations

import io
import json
import zipfile
from collections.abc import Callable
from pathlib import Path

import pytest

FIXTURES = Path(__file__).resolve().parent.parent / "fixtures" / "ingest"

SIDEBAR = ["SKILLS", "Kubernetes", "Terraform", "Golang", "Prometheus", "Ansible",
           "LANGUAGES", "English", "German", "CERTIFICATIONS", "CKA 2021", "AWS SA Pro"]
SIDEBAR_HEADINGS = {"SKILLS", "LANGUAGES", "CERTIFICATIONS"}
TWO_COL_BULLETS = [
    "Ran forty Kubernetes clusters across three regions for payments traffic",
    "Cut paging alerts by sixty percent with SLO-based alerting",
    "Led the migration of the deploy pipeline from Jenkins to Argo CD",
    "Built a capacity model that saved 1.2M USD a year in compute",
    "Automated database failover drills with chaos experiments",
    "Wrote the on-call handbook and ran blameless postmortems",
]


def _canvas(buf: io.BytesIO, **kwargs: object):  # type: ignore[no-untyped-def]
    from reportlab.lib.pagesizes import A4
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.ttfonts import TTFont
    from reportlab.pdfgen import canvas

    # Vera ships with reportlab and has the "ﬁ" ligature and soft-hyphen glyphs.
    for name, file in (("Vera", "Vera.ttf"), ("Vera-Bold", "VeraBd.ttf")):
        if name not in pdfmetrics.getRegisteredFontNames():
            pdfmetrics.registerFont(TTFont(name, file))
    return canvas.Canvas(buf, pagesize=A4, **kwargs)


def single_column_pdf(**canvas_kwargs: object) -> bytes:
    """A plain one-column CV over two pages.

    It has what real CVs put in a parser's way: a bullet a standard font turns
    into "(cid:127)", a line broken at "event-", a soft hyphen, an "ﬁ"
    ligature, a non-breaking space and page numbers.
    """
    buf = io.BytesIO()
    c = _canvas(buf, **canvas_kwargs)
    y = 790.0

    def line(text: str, x: float = 56, font: str = "Vera", size: float = 10,
             gap: float = 15) -> None:
        nonlocal y
        c.setFont(font, size)
        c.drawString(x, y, text)
        y -= gap

    def bullet(first: str, *rest: str, glyph_font: str = "Vera") -> None:
        nonlocal y
        c.setFont(glyph_font, 10)
        c.drawString(66, y, "•")
        for n, text in enumerate((first, *rest)):
            line(text, x=76, gap=12 if n < len(rest) else 15)

    line("Jordan Avery", font="Vera-Bold", size=22, gap=24)
    line("Site Reliability Engineer", size=13, gap=18)
    line("jordan@example.com | +44 20 7946 0000 | github.com/javery", gap=28)
    line("EXPERIENCE", font="Vera-Bold", size=13, gap=18)
    line("Senior SRE — Acme Payments", font="Vera-Bold")
    line("2019-03 – Present")
    bullet("Ran Kubernetes for 200 services with 99.99% availability", glyph_font="Helvetica")
    bullet("Designed an event-", "driven alerting pipeline on Kafka and Prometheus that replaced",
           "three legacy monitoring stacks")
    bullet("Cut the ﬁrst-response time for incidents from 20 to 5 minutes on Node.js\u00a018")
    bullet("Made the incident process co\u00ad", "operative across four time zones")
    y -= 9
    line("Platform Engineer — Globex", font="Vera-Bold")
    line("2016-01 – 2019-02")
    bullet("Built Terraform modules used by 30 teams")
    c.setFont("Vera", 9)
    c.drawString(290, 40, "1")
    c.showPage()
    y = 790.0
    line("EDUCATION", font="Vera-Bold", size=13, gap=18)
    line("BSc Computer Science, University of Leeds (2012 – 2015)")
    c.setFont("Vera", 9)
    c.drawString(290, 40, "2")
    c.save()
    return buf.getvalue()


def _wrap(text: str, width: int) -> list[str]:
    lines: list[str] = []
    for word in text.split():
        if lines and len(lines[-1]) + len(word) < width:
            lines[-1] += " " + word
        else:
            lines.append(word)
    return lines


def two_column_pdf() -> bytes:
    """A sidebar (skills) beside the main column (experience), lines on the same baselines."""
    from reportlab.lib.colors import Color

    buf = io.BytesIO()
    c = _canvas(buf)
    c.setFillColor(Color(0.92, 0.94, 0.97))
    c.rect(0, 0, 190, 842, stroke=0, fill=1)
    c.setFillColor(Color(0, 0, 0))
    c.setFont("Vera-Bold", 22)
    c.drawString(36, 790, "Sam Okafor")
    c.setFont("Vera", 12)
    c.drawString(36, 770, "Platform Engineer")
    y = 730.0
    for text in SIDEBAR:
        heading = text in SIDEBAR_HEADINGS
        c.setFont("Vera-Bold" if heading else "Vera", 11 if heading else 10)
        c.drawString(36, y, text)
        y -= 20 if heading else 15
    y = 730.0
    c.setFont("Vera-Bold", 13)
    c.drawString(220, y, "EXPERIENCE")
    y -= 20
    for title, dates, bullets in (
        ("Staff SRE — Northwind Cloud", "2020-01 – Present", TWO_COL_BULLETS[:3]),
        ("SRE — Contoso Bank", "2016-06 – 2019-12", TWO_COL_BULLETS[3:]),
    ):
        c.setFont("Vera-Bold", 10)
        c.drawString(220, y, title)
        y -= 15
        c.setFont("Vera", 10)
        c.drawString(220, y, dates)
        y -= 15
        for bullet in bullets:
            c.drawString(226, y, "•")
            for part in _wrap(bullet, 52):
                c.drawString(236, y, part)
                y -= 15
        y -= 10
    c.save()
    return buf.getvalue()


def image_only_pdf() -> bytes:
    """A page whose only content is a picture: what a scanner produces."""
    from PIL import Image
    from reportlab.lib.utils import ImageReader

    picture = Image.new("RGB", (120, 160), (250, 250, 250))
    for x in range(10, 110):
        for row in (20, 40, 60, 80):
            picture.putpixel((x, row), (20, 20, 20))
    buf = io.BytesIO()
    c = _canvas(buf)
    c.drawImage(ImageReader(picture), 50, 200, width=480, height=600)
    c.save()
    return buf.getvalue()


def docx_cv() -> bytes:
    """A CV with a title, heading styles, bullets, a bold pseudo-heading and a table."""
    import docx

    document = docx.Document()
    document.sections[0].header.paragraphs[0].text = "Riley Chen — CV"
    document.add_paragraph("Riley Chen", style="Title")
    document.add_paragraph("Cloud Infrastructure Engineer")
    document.add_heading("Experience", level=1)
    document.add_paragraph("Senior DevOps Engineer\tInitech\t2018-05 – Present")
    document.add_paragraph("Migrated 120 services to Kubernetes on EKS", style="List Bullet")
    document.add_paragraph("Introduced Terraform and cut provisioning from days to minutes",
                           style="List Bullet")
    bold = document.add_paragraph()
    bold.add_run("Skills").bold = True
    table = document.add_table(rows=2, cols=2)
    table.cell(0, 0).text = "Cloud"
    table.cell(0, 1).text = "AWS, GCP"
    table.cell(1, 0).text = "IaC"
    table.cell(1, 1).text = "Terraform, Pulumi"
    document.add_heading("Education", level=1)
    document.add_paragraph("MSc Distributed Systems, TU Delft, 2017")
    buf = io.BytesIO()
    document.save(buf)
    return buf.getvalue()


JOB_PAGE = """<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8">
<title>Senior Site Reliability Engineer | Careers at Acme</title>
<meta property="og:title" content="Senior Site Reliability Engineer">
<style>body { font-family: sans-serif } .cookie { display: none }</style>
<script>alert(1)</script>
</head><body>
<nav><a href="/">Home</a> <a href="/jobs">All jobs</a> <a href="/about">About Acme</a></nav>
<div class="cookie">We use cookies to improve your experience. Accept all cookies?</div>
<main><article>
<h1>Senior Site Reliability Engineer</h1>
<p>Acme runs the payment rails for 4,000 merchants. As a Senior SRE you will own the
reliability of our Kubernetes platform across three regions and lead incident response.</p>
<h2>Requirements</h2>
<ul>
<li>5+ years operating Kubernetes in production</li>
<li>Strong programming skills in Go or Python</li>
<li>Experience with Terraform and AWS networking</li>
</ul>
<h2>Nice to have</h2>
<ul><li>Prometheus, Grafana and OpenTelemetry</li></ul>
<h2>Interview process</h2>
<p>A recruiter call, a systems design round and a troubleshooting exercise.</p>
</article></main>
<iframe src="https://tracker.example/frame">iframe fallback text</iframe>
<footer>© 2024 Acme Inc. All rights reserved. Privacy policy. Cookie settings.</footer>
<script>var secret = "tracking-pixel";</script>
</body></html>
"""

JSON_RESUME = {
    "basics": {
        "name": "Alex Morgan",
        "label": "Senior Platform Engineer",
        "email": "alex@example.com",
        "phone": "+1 555 0100",
        "location": {"city": "Austin", "region": "TX", "countryCode": "US"},
        "profiles": [{"network": "GitHub", "url": "https://github.com/amorgan"}],
        "summary": "Platform engineer who builds paved roads for 200 developers.",
    },
    "work": [
        {"name": "Umbrella Corp", "position": "Senior Platform Engineer",
         "startDate": "2020-02-01", "summary": "Own the internal developer platform.",
         "highlights": ["Built a Backstage portal used by 40 teams",
                        "Cut CI time from 25 to 8 minutes"]},
        {"name": "Hooli", "position": "DevOps Engineer", "startDate": "2016-09",
         "endDate": "2020-01", "highlights": ["Ran Terraform for 300 AWS accounts"]},
    ],
    "education": [{"institution": "Georgia Tech", "area": "Computer Science",
                   "studyType": "BS", "startDate": "2012", "endDate": "2016"}],
    "skills": [{"name": "Cloud", "keywords": ["AWS", "Kubernetes", "Terraform"]}],
    "projects": [{"name": "kube-budget", "description": "Cost reports for clusters",
                  "keywords": ["Go"]}],
}


def zip_bytes(members: dict[str, bytes]) -> bytes:
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w") as archive:
        for name, data in members.items():
            archive.writestr(name, data)
    return buf.getvalue()


@pytest.fixture(scope="session")
def make_pdf() -> Callable[..., bytes]:
    """The single-column CV builder, for variants (``encrypt=...``)."""
    return single_column_pdf


@pytest.fixture(scope="session")
def pdf_cv() -> bytes:
    return single_column_pdf()


@pytest.fixture(scope="session")
def pdf_two_columns() -> bytes:
    return two_column_pdf()


@pytest.fixture(scope="session")
def two_column_expected() -> tuple[list[str], list[str]]:
    """(sidebar lines, experience bullets) of ``pdf_two_columns``, in reading order."""
    return SIDEBAR, TWO_COL_BULLETS


@pytest.fixture(scope="session")
def pdf_image_only() -> bytes:
    return image_only_pdf()


@pytest.fixture(scope="session")
def docx_bytes() -> bytes:
    return docx_cv()


@pytest.fixture(scope="session")
def job_page() -> str:
    return JOB_PAGE


@pytest.fixture(scope="session")
def json_resume() -> bytes:
    return json.dumps(JSON_RESUME, indent=2).encode()


@pytest.fixture(scope="session")
def make_zip() -> Callable[[dict[str, bytes]], bytes]:
    return zip_bytes


@pytest.fixture(scope="session")
def fixture_dir() -> Path:
    return FIXTURES
