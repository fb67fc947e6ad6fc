"""Every renderer on one plan: escaping, contract, files that open."""

from __future__ import annotations

import io
import json
import re
import sqlite3
import tempfile
import zipfile
from pathlib import Path

import pytest

from helpers import FIXTURES, SRE_CV, TODAY, text_document
from infraprep.ingest import read_document
from infraprep.parse import parse_posting, parse_profile
from infraprep.render import render
from infraprep.tailor import build_plan

XSS = '<script>alert("cv")</script><img src=x onerror=alert(1)>'


@pytest.fixture(scope="module")
def plan(kb):
    jd = (
        (FIXTURES / "jd/teleport/sre.md")
        .read_text()
        .replace("## Requirements\n", f"## Requirements\n\n* Linux and Kubernetes {XSS}\n")
    )
    cv = SRE_CV.replace("- Wrote Go controllers", f"- Wrote Go controllers {XSS}")
    posting = parse_posting(text_document(jd), kb)
    profile = parse_profile(text_document(cv), TODAY)
    return build_plan(profile, posting, kb, today=TODAY)


def test_render_html_escapes_cv_and_jd_text(plan):
    html = render(plan, "html").decode()
    assert "<script>alert" not in html
    assert "<img src=x" not in html
    assert "&lt;script&gt;alert" in html
    assert html.count("<script>") == 1  # only our own print helper


def test_render_html_is_self_contained_with_toc_and_evidence(plan):
    html = render(plan, "html").decode()
    assert 'href="#concepts"' in html and 'id="concepts"' in html
    assert "<link" not in html and 'src="http' not in html
    assert "Why: </" not in html
    assert "JD line" in html and "CV line" in html


def test_render_html_names_what_the_cv_does_not_show_in_words(plan):
    html = render(plan, "html").decode()
    keys = {k for r in plan.fit.rows for k in r.missing if k in plan.competency_names}
    assert keys, "the fixture has a row missing a competency"
    renamed = [k for k in keys if plan.competency_names[k] != k]
    assert renamed, "some competency's name differs from its id"
    shown = re.findall(r"not shown: ([^<]*)<", html)
    for key in renamed:
        assert any(plan.competency_names[key] in span for span in shown)
    assert not any(key in span.split(", ") for span in shown for key in renamed)
    markdown = render(plan, "md").decode()
    assert all(plan.competency_names[key] in markdown for key in renamed)
    assert "*(not shown: " in markdown


def test_render_duties_sit_in_a_table_of_their_own_after_the_requirements(plan):
    duties = [r for r in plan.fit.rows if r.kind == "duty"]
    assert duties, "Teleport's SRE page lists what the team is doing"
    html = render(plan, "html").decode()
    table = html[html.index('id="fit-duties"') :]
    assert html.index('id="fit-duties"') > html.index("Fit, requirement by requirement")
    assert f"its {len(duties)} duties (not scored)" in table
    assert "<td>duty</td>" not in html  # the requirements table has no duty rows
    md = render(plan, "md").decode()
    section = md[md.index("### What the job does") : md.index("## The loop")]
    assert section.count("(JD line") == len(duties)
    assert md[: md.index("### What the job does")].count("| duty |") == 0


def test_render_role_plays_give_the_page_and_the_command_but_not_the_cause(kb, plan):
    assert plan.role_plays
    causes = {s.id: s.root_cause for s in kb.scenarios}
    html = render(plan, "html").decode()
    md = render(plan, "md").decode()
    assert 'href="#role-plays"' in html
    for item in plan.role_plays:
        command = f"infraprep practice incident {item.id}"
        assert command in html and command in md
        assert f'id="{item.id}"' in html  # the study plan's link lands on it
        assert causes[item.id] not in html and causes[item.id] not in md
    checked = [d for d in plan.drills if d.answers]
    assert checked, "the SRE plan has an estimation drill"
    for drill in checked:
        assert f"infraprep practice estimate {drill.id}" in md


def test_render_each_question_and_drill_names_the_command_that_checks_an_answer(plan):
    html = render(plan, "html").decode()
    md = render(plan, "md").decode()
    for question in (*plan.behavioural, *plan.technical):
        command = f"infraprep practice answer {question.id} answer.md"
        assert command in md and command in html
    commands = {"design": "answer", "scripting": "script", "estimation": "estimate"}
    kinds = {d.kind for d in plan.drills}
    assert {"design", "scripting"} & kinds, "the SRE plan has a design or scripting drill"
    for drill in plan.drills:
        assert f"infraprep practice {commands[drill.kind]} {drill.id}" in md
    assert 'href="/practice' not in html  # a report file has no server to link to


def test_render_markdown_escapes_and_keeps_sections(plan):
    md = render(plan, "md").decode()
    assert "<script>" not in md
    for heading in (
        "## Fit",
        "## Behavioural questions",
        "## Concepts to master",
        "## Drills with worked answers",
        "## Incident role-plays",
        "## Study plan",
    ):
        assert heading in md
    # lists of sentences are lists, as in the HTML: never "one.; two." run together
    assert ".; " not in md
    mistakes = md.index("**Common mistakes:**")
    assert md[mistakes:].split("\n")[1].startswith("- ")


def test_render_json_contract(plan):
    data = json.loads(render(plan, "json"))
    assert data["schema_version"] == "1.4"
    assert set(data["posting"]) >= {
        "schema_version",
        "title",
        "company",
        "level",
        "family",
        "families",
        "technologies",
        "requirements",
        "line_numbers",  # evidence counts the lines read; these are the file's own
    }
    assert set(data["posting"]["requirements"][0]) >= {
        "text",
        "kind",
        "technologies",
        "competencies",
    }
    assert set(data["profile"]) >= {
        "schema_version",
        "name",
        "positions",
        "technologies",
        "years_experience",
    }
    assert set(data["profile"]["positions"][0]) >= {"title", "company", "start", "end", "bullets"}
    assert "contact" not in data["profile"]


def test_render_ics_parses_with_one_event_per_block_and_the_interview(plan):
    from icalendar import Calendar

    cal = Calendar.from_ical(render(plan, "ics"))
    events = [c for c in cal.walk() if c.name == "VEVENT"]
    assert len(events) == len(plan.study_plan) + 1
    assert any(str(e["summary"]).startswith("Interview:") for e in events)
    assert all("uid" in e and "dtstamp" in e for e in events)


def test_render_anki_is_a_valid_package(plan):
    data = render(plan, "apkg")
    with zipfile.ZipFile(io.BytesIO(data)) as zf:
        assert "collection.anki2" in zf.namelist()
        with tempfile.TemporaryDirectory() as tmp:
            db = Path(tmp) / "c.anki2"
            db.write_bytes(zf.read("collection.anki2"))
            con = sqlite3.connect(db)
            notes = con.execute("select count(*) from notes").fetchone()[0]
            con.close()
    assert notes == len(plan.behavioural) + len(plan.technical) + len(plan.concepts)


def test_render_pdf_has_the_report_text(plan):
    pytest.importorskip("weasyprint")
    from pdfminer.high_level import extract_text

    data = render(plan, "pdf")
    assert data.startswith(b"%PDF")
    text = extract_text(io.BytesIO(data))
    assert "Site Reliability Engineer" in text
    assert "Concepts to master" in text


def test_render_study_plan_names_items_by_the_titles_the_report_shows(plan):
    """A calendar entry or plan row says 'Requests, limits and CPU throttling', not an id."""
    from icalendar import Calendar

    first = plan.study_plan[0]
    concept = next(c for c in plan.concepts if c.id in first.items)
    md = render(plan, "md").decode()
    table = md[md.index("## Study plan") :]
    assert concept.title in table and concept.id not in table
    html = render(plan, "html").decode()
    assert f'<a href="#{concept.id}">{concept.title}</a>' in html.replace("&#39;", "'")
    for ask in plan.smart_questions:  # every item a plan row links to has its anchor
        assert f'id="{ask.id}"' in html
    cal = Calendar.from_ical(render(plan, "ics"))
    described = [str(e.get("description", "")) for e in cal.walk() if e.name == "VEVENT"]
    assert any(f"- {concept.title}" in d for d in described)
    assert not any(concept.id in d for d in described)


def test_render_evidence_names_the_files_own_lines_for_text_inputs(kb):
    """Blank lines, front matter and wrapped bullets: the report still sends the reader
    to the line of the file that says it."""
    jd = (
        "---\ntitle: Platform Engineer\norg: Acme\n---\n\n"
        "We run the platform 300 engineers deploy to.\n\n"
        "## Requirements\n\n"
        "- Experience running Kubernetes clusters in production, including upgrades and\n"
        "node pools\n\n"
        "- Experience with Terraform\n"
    )
    cv = (
        "Sam Lee\n\nPlatform Engineer\n\n## Experience\n\n"
        "Platform Engineer — Acme Cloud\nMar 2020 – Present\n\n"
        "- Upgraded 14 Kubernetes clusters from 1.24 to 1.29 with no downtime\n"
        "- Moved 200 AWS resources into Terraform modules\n"
    )
    posting = parse_posting(read_document(jd.encode(), "jd.md"), kb)
    profile = parse_profile(read_document(cv.encode(), "cv.txt"), TODAY)
    plan = build_plan(profile, posting, kb, today=TODAY)
    md = render(plan, "md").decode()
    html = render(plan, "html").decode()
    jd_lines, cv_lines = jd.split("\n"), cv.split("\n")
    kubernetes = jd_lines.index(next(ln for ln in jd_lines if "Kubernetes clusters" in ln)) + 1
    terraform = cv_lines.index(next(ln for ln in cv_lines if "Terraform modules" in ln)) + 1
    assert (kubernetes, terraform) == (10, 11)
    assert f"(JD line {kubernetes})" in md and f"line {terraform}: Moved 200" in md
    assert f"JD line {kubernetes}" in html and f"CV line {terraform}" in html
