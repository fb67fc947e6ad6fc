"""Files made by other people's tools (tests/fixtures/ingest, Apache-2.0) extract sensibly."""

from __future__ import annotations

from pathlib import Path

from infraprep.ingest import read_path


def test_ingest_real_designed_cv_pdf(fixture_dir: Path) -> None:
    doc = read_path(fixture_dir / "bruce_wayne_fullstack.pdf")
    assert doc.source_type == "pdf" and doc.pages == 2
    lines = doc.lines
    headings = [b.text for b in doc.blocks if b.kind == "heading"]
    assert headings[:5] == ["Bruce Wayne", "MERN Stack Developer", "Professional Summary",
                            "Skills", "Experience"]
    # Each position is followed by the dates printed in the left gutter beside it.
    for title, dates in (
        ("MERN Stack Developer, OpenAI, San Francisco, USA", "June 2020 – Present"),
        ("Full Stack Developer, Uber, San Francisco, USA", "July 2015 – May 2020"),
        ("Software Developer, Facebook, Menlo Park, USA", "June 2012 – June 2015"),
    ):
        assert lines[lines.index(title) + 1] == dates
    # Icon-font glyphs (phone, envelope) are dropped; the contact details stay.
    assert "bwayne@email.com" in lines and "(123) 456-7890" in lines
    assert not any("(cid:" in line for line in lines)
    # Wrapped paragraph lines are joined, page numbers gone.
    assert any(line.startswith("JavaScript and TypeScript, MongoDB") and line.endswith(
        "Python and Machine Learning basics") for line in lines)
    assert "1/2" not in lines and "2/2" not in lines


def test_ingest_real_job_description_pdf(fixture_dir: Path) -> None:
    doc = read_path(fixture_dir / "job_desc_java_developer.pdf")
    blocks = [(b.kind, b.text) for b in doc.blocks]
    assert blocks[0] == ("heading", "Job Description: Java Developer (3 Years of Experience)")
    for heading in ("Responsibilities", "Requirements", "Benefits", "How to Apply"):
        assert ("heading", heading) in blocks
    items = [t for k, t in blocks if k == "list_item"]
    assert ("Designing, implementing, and maintaining Java applications that are often "
            "high-volume and low-latency, required for mission-critical systems.") in items
    assert "Experience with test-driven development." in items
    # A paragraph with a first-line indent is not mistaken for a list item.
    assert any(k == "paragraph" and t.startswith("Tech Solutions is proud") and
               t.endswith("for all employees.") for k, t in blocks)


def test_ingest_real_job_description_docx(fixture_dir: Path) -> None:
    doc = read_path(fixture_dir / "backend_developer.docx")
    assert doc.source_type == "docx"
    blocks = [(b.kind, b.text) for b in doc.blocks]
    assert blocks[0] == ("heading", "Backend Developer - Python/Django")
    assert ("heading", "Required Skills:") in blocks
    assert ("list_item", "Good understanding of event-driven programming in Python") in blocks
    assert sum(1 for k, _ in blocks if k == "list_item") >= 30
