"""Job pages: main content kept with its structure, boilerplate and scripts gone, title found."""

from __future__ import annotations

import pytest

from infraprep.ingest import read_document
from infraprep.ingest.html import fallback_text, page_title


def test_ingest_html_job_page_keeps_requirements(job_page: str) -> None:
    doc = read_document(job_page.encode(), "job.html")
    assert doc.source_type == "html"
    blocks = [(b.kind, b.text) for b in doc.blocks]
    assert ("heading", "Requirements") in blocks
    assert ("list_item", "5+ years operating Kubernetes in production") in blocks
    assert ("list_item", "Experience with Terraform and AWS networking") in blocks
    assert ("heading", "Interview process") in blocks


def test_ingest_html_scripts_styles_and_boilerplate_gone(job_page: str) -> None:
    text = read_document(job_page.encode()).text
    for unwanted in ("alert(1)", "tracking-pixel", "font-family", "iframe fallback",
                     "All jobs", "All rights reserved", "Cookie settings"):
        assert unwanted not in text


def test_ingest_html_title_from_og_title(job_page: str) -> None:
    doc = read_document(job_page.encode())
    assert doc.title == "Senior Site Reliability Engineer"
    assert doc.blocks[0].text == "Senior Site Reliability Engineer"


@pytest.mark.parametrize(("head", "body", "title"), [
    ("<title>SRE | Careers at X</title>", "<h1>Site Reliability Engineer</h1>",
     "Site Reliability Engineer"),
    ("<title>Platform Engineer - Globex</title>", "<p>No heading here</p>",
     "Platform Engineer - Globex"),
])
def test_ingest_html_title_falls_back_to_h1_then_title(head: str, body: str, title: str) -> None:
    import lxml.html

    root = lxml.html.document_fromstring(f"<html><head>{head}</head><body>{body}</body></html>")
    assert page_title(root) == title


def test_ingest_html_short_page_uses_the_fallback_walk() -> None:
    page = ("<html><head><title>DevOps Engineer</title><script>steal()</script></head><body>"
            "<nav>Menu</nav><h2>About the role</h2><p>Own our CI.</p><ul><li>Terraform</li>"
            "<li>GitHub Actions</li></ul><footer>Footer links</footer></body></html>")
    doc = read_document(page.encode(), "short.html")
    blocks = [(b.kind, b.text) for b in doc.blocks]
    assert ("heading", "About the role") in blocks
    assert ("list_item", "Terraform") in blocks and ("list_item", "GitHub Actions") in blocks
    assert "steal" not in doc.text and "Menu" not in doc.text and "Footer" not in doc.text
    assert doc.title == "DevOps Engineer"


def test_ingest_html_fallback_never_includes_scripts_or_frames() -> None:
    import lxml.html

    root = lxml.html.document_fromstring(
        "<html><body><p>Keep</p><script>x=1</script><style>p{}</style>"
        "<iframe>frame</iframe><noscript>ns</noscript><template>t</template></body></html>")
    assert fallback_text(root).split() == ["Keep"]


def test_ingest_html_xml_declaration_accepted() -> None:
    page = ('<?xml version="1.0" encoding="utf-8"?>\n<!DOCTYPE html><html><head>'
            "<title>Cloud Engineer</title></head><body><h1>Cloud Engineer</h1>"
            "<p>Run our AWS estate.</p></body></html>")
    doc = read_document(page.encode())
    assert doc.title == "Cloud Engineer" and "Run our AWS estate." in doc.text
