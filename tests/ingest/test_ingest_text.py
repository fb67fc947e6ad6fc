"""Plain text and Markdown: decoding, headings, bullets, tables and inline markup."""

from __future__ import annotations

import codecs

import pytest

from infraprep.errors import DecodeError
from infraprep.ingest import read_document
from infraprep.ingest.markdown import blocks_from_markdown
from infraprep.ingest.normalize import BULLET_GLYPHS
from infraprep.ingest.pdf_layout import split_bullet
from infraprep.parse.lines import clean_text

MARKDOWN_CV = """# Casey Lin

Senior SRE · **Kubernetes** · [GitHub](https://github.com/clin)

## Experience

**Staff Engineer** — _Initrode_
2021-01 – Present

- Ran `etcd` upgrades across 40 clusters
  without downtime
* Built a \\*chaos\\* toolkit
1. Wrote runbooks

Skills
------

| Area | Tools |
|------|-------|
| Cloud | AWS, GCP |

---
"""


def _kinds(text: str, markdown: bool = True) -> list[tuple[str, str]]:
    return [(b.kind, b.text) for b in blocks_from_markdown(text, markdown=markdown)]


def test_ingest_text_markdown_structure() -> None:
    doc = read_document(MARKDOWN_CV.encode(), "cv.md")
    assert doc.source_type == "markdown"
    blocks = [(b.kind, b.text) for b in doc.blocks]
    assert blocks[0] == ("heading", "Casey Lin")
    assert ("heading", "Experience") in blocks
    assert ("heading", "Skills") in blocks, "underlined heading"
    assert ("list_item", "Ran etcd upgrades across 40 clusters without downtime") in blocks
    assert ("list_item", "Built a *chaos* toolkit") in blocks
    assert ("list_item", "Wrote runbooks") in blocks
    assert ("table_row", "Area | Tools") in blocks
    assert ("table_row", "Cloud | AWS, GCP") in blocks


def test_ingest_text_markdown_emphasis_stripped_links_kept() -> None:
    text = read_document(MARKDOWN_CV.encode()).text
    assert "Staff Engineer — Initrode" in text
    assert "**" not in text and "`" not in text
    assert "GitHub (https://github.com/clin)" in text
    assert "Kubernetes" in text


def test_ingest_text_link_whose_text_is_the_url_stays_short() -> None:
    assert _kinds("[github.com/clin](https://github.com/clin)") == [
        ("paragraph", "github.com/clin")]


def test_ingest_text_a_link_within_its_own_site_keeps_only_its_text() -> None:
    assert _kinds("- Share our [values](/handbook/values/), and live them") == [
        ("list_item", "Share our values, and live them")]


def test_ingest_text_plain_lines_stay_lines() -> None:
    doc = read_document(b"Sam Lee\r\nAcme Corp\r\nSenior SRE\r\n2019 - 2022\r\n", "cv.txt")
    assert doc.source_type == "text"
    assert doc.lines == ["Sam Lee", "Acme Corp", "Senior SRE", "2019 - 2022"]
    assert "\r" not in doc.text


def test_ingest_text_plain_keeps_underscores_and_stars() -> None:
    doc = read_document(b"Wrote snake_case_names and 2*3 rules\n")
    assert doc.text == "Wrote snake_case_names and 2*3 rules"


def test_ingest_text_bullets_in_plain_text() -> None:
    kinds = _kinds("Experience\n• Ran Kafka\n– Cut costs 20%\n▪ Led on-call\n", markdown=False)
    assert [k for k, _ in kinds] == ["paragraph", "list_item", "list_item", "list_item"]
    assert kinds[2] == ("list_item", "Cut costs 20%")


def test_ingest_text_utf8_bom() -> None:
    doc = read_document(codecs.BOM_UTF8 + "Zoë Müller\nSRE".encode())
    assert doc.lines == ["Zoë Müller", "SRE"]


UNICODE_CV = "José Ñúñez\nIngeniero de fiabilidad — Kubernetes\n"


@pytest.mark.parametrize("data", [
    UNICODE_CV.encode("utf-16"),  # BOM + native order
    codecs.BOM_UTF16_BE + UNICODE_CV.encode("utf-16-be"),
    UNICODE_CV.encode("utf-32"),
    UNICODE_CV.encode("utf-16-le"),  # no BOM: recognised from where the NUL bytes fall
], ids=["utf-16", "utf-16-be-bom", "utf-32", "utf-16-le-no-bom"])
def test_ingest_text_utf16_and_utf32(data: bytes) -> None:
    doc = read_document(data, "cv.txt")
    assert doc.lines == ["José Ñúñez", "Ingeniero de fiabilidad — Kubernetes"]


def test_ingest_text_windows_1252_when_it_reads_as_text() -> None:
    data = "Résumé – Senior SRE at Café Ltd\n“Quoted” praise".encode("cp1252")
    assert read_document(data).lines == ["Résumé – Senior SRE at Café Ltd", "“Quoted” praise"]


def test_ingest_text_undecodable_bytes_refused() -> None:
    data = bytes([0x81, 0x01, 0x02, 0x8D, 0x03, 0x04, 0x90, 0x05, 0x9D, 0x06]) * 30
    with pytest.raises(DecodeError) as info:
        read_document(data, "cv.txt")
    err = info.value
    assert err.exit_code == 17
    assert "not readable text" in err.message and "'cv.txt'" in err.message
    assert "UTF-8" in err.hint


def test_ingest_text_declared_charset_in_html_meta() -> None:
    page = ('<html><head><meta charset="iso-8859-7"></head><body><h1>Μηχανικός SRE</h1>'
            "<p>Kubernetes και Terraform</p></body></html>").encode("iso-8859-7")
    assert "Μηχανικός SRE" in read_document(page).text


def test_ingest_text_horizontal_rule_is_not_a_heading() -> None:
    assert _kinds("Para one\n\n---\n\nPara two") == [
        ("paragraph", "Para one"), ("paragraph", "Para two")]


def test_ingest_text_front_matter_after_a_blank_line_is_still_front_matter() -> None:
    page = b"\n---\ntitle: Technical Account Manager\nteam: Infrastructure\n---\n\n## Role\n\nText."
    doc = read_document(page, "posting.md")
    assert doc.title == "Technical Account Manager"
    assert "team: Infrastructure" not in doc.text


def test_ingest_text_headings_written_without_the_space_are_headings() -> None:
    text = "#Technical Architect\n\n###Role summary\n\nText.\n\n#1 priority is uptime\n\n#hiring"
    assert _kinds(text) == [
        ("heading", "Technical Architect"),
        ("heading", "Role summary"),
        ("paragraph", "Text."),
        ("paragraph", "#1 priority is uptime"),
        ("paragraph", "#hiring"),
    ]


def test_ingest_text_headings_know_their_depth() -> None:
    blocks = blocks_from_markdown("# Role\n\n### Requirements\n\nSkills\n------\n\n- Go")
    assert [(b.text, b.level) for b in blocks if b.kind == "heading"] == [
        ("Role", 1), ("Requirements", 3), ("Skills", 2)]


TTS_PAGE = """---
title: "Login.gov: Data Analyst"
layout: layouts/jointts/job-listing
gs: 15
key_objectives:
  - title: You will automate the program's operations.
    items:
      - Identify present and future performance data needs.
role_summary: |
  Login.gov is the public's one account for government.

  As a Data Analyst, you will build partnerships with senior staff.
specialized_requirements: |
  - Developing tooling and models in Python and SQL.
---
"""


def test_ingest_text_a_page_kept_in_front_matter_is_read_as_sections() -> None:
    doc = read_document(TTS_PAGE.encode(), "job.md")
    kinds = [(b.kind, b.text) for b in doc.blocks]
    assert ("heading", "Key objectives") in kinds
    assert ("list_item", "Identify present and future performance data needs.") in kinds
    assert ("heading", "Specialized requirements") in kinds
    assert ("list_item", "Developing tooling and models in Python and SQL.") in kinds
    assert not any("layouts/jointts" in b.text for b in doc.blocks)  # metadata stays out


def test_ingest_text_front_matter_with_aliases_is_not_expanded() -> None:
    bomb = "---\ntitle: Role\na: &a [x, x, x]\nb: &b [*a, *a, *a]\nc: [*b, *b, *b]\n---\nBody text."
    doc = read_document(bomb.encode(), "job.md")
    assert doc.title == "Role" and doc.text.strip().endswith("Body text.")
    assert "x" not in doc.text.split()


def test_ingest_text_a_jekyll_page_renders_its_values_and_drops_its_tags() -> None:
    page = """---
title: Cloud Platform Lead
gs_level: 15
org: Cloud.gov
---
{% if page.state != 'upcoming' %}
{{ page.org }} is hiring for GS-{{ page.gs_level }} at {{ site.baseurl }}/join.
{% endif %}

-Providing technical support for agency teams
"""
    doc = read_document(page.encode(), "job.md")
    text = doc.text
    assert "Cloud.gov is hiring for GS-15 at /join." in text
    assert "Grade: GS-15" in text and "{%" not in text and "{{" not in text
    assert ("list_item", "Providing technical support for agency teams") in [
        (b.kind, b.text) for b in doc.blocks]


@pytest.mark.parametrize("glyph", list(BULLET_GLYPHS))
def test_ingest_every_reader_takes_the_same_glyphs_for_bullets(glyph: str) -> None:
    """A bullet glyph means the same in a text file, a PDF line and a parsed CV line."""
    line = f"{glyph} Cut deploy time from 40 to 9 minutes"
    assert _kinds(line, markdown=False) == [("list_item", "Cut deploy time from 40 to 9 minutes")]
    assert split_bullet(line) == (True, "Cut deploy time from 40 to 9 minutes")
    assert clean_text(line) == "Cut deploy time from 40 to 9 minutes"


def test_ingest_a_hard_wrapped_bullet_is_one_item() -> None:
    """18F's postings wrap their bullets at 72 columns with no indent."""
    text = (
        "Primarily responsible for:\n\n"
        "-   Deploying and configuring services using infrastructure as a service\n"
        "providers (e.g., Amazon Web Services, Microsoft Azure, Google\n"
        "Compute Engine, RackSpace/OpenStack)\n\n"
        "-   Configuring and managing Linux-based servers to serve a dynamic\n"
        "website\n"
        "- Architecture for continuous integration and deployment, and\n"
        "Continuous monitoring\n"
        "- Kept 40 file servers patched.\n"
        "Senior Engineer, Acme\n"
    )
    assert _kinds(text) == [
        ("paragraph", "Primarily responsible for:"),
        ("list_item", "Deploying and configuring services using infrastructure as a service "
         "providers (e.g., Amazon Web Services, Microsoft Azure, Google Compute Engine, "
         "RackSpace/OpenStack)"),
        ("list_item", "Configuring and managing Linux-based servers to serve a dynamic website"),
        ("list_item", "Architecture for continuous integration and deployment, and "
         "Continuous monitoring"),
        ("list_item", "Kept 40 file servers patched."),
        ("paragraph", "Senior Engineer, Acme"),
    ]


def test_ingest_a_wiki_style_heading_is_a_heading() -> None:
    """A plain-text CV's "== EXPERIENCE ==" once made the section's name an employer."""
    text = "== EXPERIENCE ==\nLochend Travel\n=== Talks\nOur backups were fine\n"
    assert _kinds(text, markdown=False) == [
        ("heading", "EXPERIENCE"),
        ("paragraph", "Lochend Travel"),
        ("heading", "Talks"),
        ("paragraph", "Our backups were fine"),
    ]


def test_ingest_a_page_rendered_partly_from_front_matter_keeps_its_body_lines() -> None:
    """GitLab and TTS pages print sections from their front matter above the body; the
    body's blocks still name the file's lines, so a report can send the reader there."""
    text = (
        "---\n"
        "title: Security Incident Response Team\n"
        "role_summary: |\n"
        "  We detect, manage and remediate security incidents across the company.\n"
        "---\n"
        "\n"
        "## Responsibilities\n"
        "\n"
        "- Detect and respond to company-wide security incidents\n"
    )
    doc = read_document(text.encode(), "sirt.md")
    lines = text.split("\n")
    duty = next(b for b in doc.blocks if b.text.startswith("Detect and respond"))
    bullet = "- Detect and respond to company-wide security incidents"
    assert duty.source_lines == (lines.index(bullet) + 1,)
    summary = next(b for b in doc.blocks if b.text.startswith("We detect"))
    assert summary.source_lines == ()  # rendered from the front matter: no line of its own
