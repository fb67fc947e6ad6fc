"""parse_posting on real postings (18F, Teleport) and on hand-written edge cases."""

from __future__ import annotations

import pytest

from helpers import FIXTURES, text_document
from infraprep.errors import EmptyInputError, NotAJobPostingError
from infraprep.ingest import read_path
from infraprep.parse import parse_posting


def posting_from(kb, relpath: str):
    """A fixture posting read as the CLI reads it (front matter and all)."""
    return parse_posting(read_path(FIXTURES / "jd" / relpath), kb)


def test_parse_posting_teleport_sre_reads_title_company_family_and_requirements(kb):
    p = posting_from(kb, "teleport/sre.md")
    assert p.title == "Site Reliability Engineer"
    assert p.company == "Teleport"
    assert p.family == "sre"
    assert p.on_target
    texts = [r.text for r in p.requirements]
    assert any("Go and Kubernetes" in t for t in texts)
    go_req = next(r for r in p.requirements if "Go and Kubernetes" in r.text)
    assert {"Go", "Kubernetes"} <= set(go_req.technologies)
    assert all(r.kind == "must" for r in p.requirements)
    assert any("coding challenge" in line for line in p.interview_process)


def test_parse_posting_requirement_lines_point_at_the_jd_text(kb):
    p = posting_from(kb, "teleport/sre.md")
    for req in p.requirements:
        assert req.line is not None
        assert p.lines[req.line - 1].endswith(req.text[-20:]) or req.text in p.lines[req.line - 1]


def test_parse_posting_18f_front_matter_gives_the_title(kb):
    p = posting_from(kb, "18f/site-reliability-engineer.md")
    assert p.title == "Site Reliability Engineer"
    assert p.family == "sre"
    # 18F lists objectives, not requirements: they become the requirements to match
    assert len(p.requirements) >= 5


@pytest.mark.parametrize(
    ("relpath", "family"),
    [
        ("18f/devops-engineer.md", "devops"),
        ("18f/security-engineer.md", "security"),
        ("teleport/offsec.md", "security"),
        ("teleport/sre.md", "sre"),
    ],
)
def test_parse_posting_infra_families(kb, relpath, family):
    assert posting_from(kb, relpath).family == family


@pytest.mark.parametrize(
    "relpath",
    ["18f/front-end-web-developer.md", "teleport/fullstack.md", "teleport/mobile.md"],
)
def test_parse_posting_off_target_postings_are_named_honestly(kb, relpath):
    p = posting_from(kb, relpath)
    assert not p.on_target, (p.family, p.families)


NICE_JD = """# Senior Platform Engineer
## About us
Examplary is a developer-tools company.
## Requirements
- 6+ years building infrastructure on AWS or GCP
- Strong Terraform and Kubernetes experience
- Experience with Prometheus is a plus
## Nice to have
- Contributions to open source
- Bazel build systems
"""


def test_parse_posting_must_and_nice_from_headers_and_cue_words(kb):
    p = parse_posting(text_document(NICE_JD), kb)
    kinds = {r.text: r.kind for r in p.requirements}
    assert kinds["Strong Terraform and Kubernetes experience"] == "must"
    assert kinds["Experience with Prometheus is a plus"] == "nice"
    assert kinds["Contributions to open source"] == "nice"
    assert p.level == "senior"
    assert p.years_required == 6
    assert p.company == "Examplary"


def test_parse_posting_level_from_years_when_title_is_plain(kb):
    jd = NICE_JD.replace("# Senior Platform Engineer", "# Platform Engineer").replace(
        "6+ years", "9+ years"
    )
    p = parse_posting(text_document(jd), kb)
    assert p.level == "staff"
    assert "9" in p.level_reason


def test_parse_posting_empty_and_too_short_are_input_errors(kb):
    with pytest.raises(EmptyInputError):
        parse_posting(text_document(""), kb)
    with pytest.raises(NotAJobPostingError) as info:
        parse_posting(text_document("Hello there, nice weather today."), kb)
    assert info.value.exit_code == NotAJobPostingError.exit_code
    assert "words" in info.value.message


def test_parse_posting_a_line_repeated_for_each_level_is_one_requirement(kb):
    jd = """# IT Systems Engineer

We run the laptops, identity and SaaS tools that 2,000 people at a remote-first company
use every day, and we automate everything we can.

## Intermediate requirements
- Ability to use GitLab
- Knowledge of CI/CD pipelines

## Senior requirements
- Ability to use GitLab.
- Advanced knowledge of CI/CD pipelines
"""
    posting = parse_posting(text_document(jd), kb)
    texts = [r.text for r in posting.requirements]
    assert texts.count("Ability to use GitLab") == 1 and "Ability to use GitLab." not in texts
    assert "Advanced knowledge of CI/CD pipelines" in texts


def test_parse_posting_conditions_of_employment_and_page_navigation_are_not_requirements(kb):
    """A GSA TTS page, as its real pages are laid out (the fixtures' tts-5 pages)."""
    posting = posting_from(kb, "tts-5/cloud-operations-sre.md")
    texts = [r.text for r in posting.requirements]
    for junk in (
        "You must be a U.S. Citizen",
        "Direct Deposit of salary check",
        "Register with Selective Service",
        "All applications will be reviewed by a panel",
        "Only applications found",
    ):
        assert not any(t.startswith(junk) for t in texts), junk
    assert "Using agile methodologies" in texts
    assert any(t.startswith("Experience being a part of a team to deliver") for t in texts)


def test_parse_posting_a_table_of_contents_is_not_a_requirement(kb):
    jd = """# Site Reliability Engineer

We run the payments platform that 4 million people use every month, on Kubernetes in
three regions, and we are hiring an SRE to make it boring.

**Quick Links to Posting Sections**
- [Basic Information](#basic-information)
- [Qualifications](#qualifications)

## Basic Information
The role is remote within the EU.

## Qualifications
- 3+ years operating Kubernetes in production
- Experience with Terraform
"""
    texts = [r.text for r in parse_posting(text_document(jd), kb).requirements]
    assert texts == ["3+ years operating Kubernetes in production", "Experience with Terraform"]


def test_parse_posting_a_dash_opening_a_line_is_a_bullet_glyph(kb):
    """18F's TAM page opens one item of a list with "—": the item is the sentence after."""
    p = posting_from(kb, "18f/TAM-cloud.gov.md")
    texts = [r.text for r in p.requirements]
    assert any(t.startswith("Explain the product to people") for t in texts)
    assert not any(t.startswith(("—", "–")) for t in texts)
    from infraprep.parse.lines import clean_text

    # the end of a date range wrapped onto its own line keeps its dash
    assert clean_text("– Present") == "– Present" and clean_text("— May 2021") == "— May 2021"
    assert clean_text("– Built the pipeline") == "Built the pipeline"


def test_parse_posting_a_job_family_ladder_asks_the_criteria_of_the_level_applied_at(kb):
    """GitLab's SRE page lists each level's criteria; only the level's own are asked."""
    read = posting_from(kb, "gitlab/site-reliability-engineer.md")
    texts = [r.text for r in read.requirements]
    assert read.level == "senior"
    assert any(t.startswith("Advanced Terraform syntax and GitLab CI/CD") for t in texts)
    staff_only = "Able to create innovative solutions that push"  # a staff criterion
    assert not any(t.startswith(staff_only) for t in texts)

    path = FIXTURES / "jd" / "gitlab" / "site-reliability-engineer.md"
    staff = parse_posting(read_path(path), kb, applying_at="staff")
    staff_texts = [r.text for r in staff.requirements]
    assert not any(t.startswith("Advanced Terraform syntax") for t in staff_texts)
    assert any(t.startswith(staff_only) for t in staff_texts)


def test_parse_posting_one_heading_naming_the_job_is_no_ladder(kb):
    from infraprep.parse.ladder import read_ladder
    from infraprep.parse.lines import numbered_lines

    doc = read_path(FIXTURES / "jd" / "teleport" / "sre.md")
    assert read_ladder(numbered_lines(doc), "Site Reliability Engineer").blocks == {}


def test_parse_posting_a_job_family_page_asks_only_the_level_applied_at(kb):
    """GitLab's Infrastructure Security page lists Intermediate to Senior Manager, each
    with its own Requirements; read together they asked a senior for a manager's work."""
    path = FIXTURES / "jd" / "gitlab" / "infrastructure-security.md"
    posting = parse_posting(read_path(path), kb)
    assert posting.levels_listed == ("mid", "senior", "staff", "manager")
    asked = " | ".join(r.text for r in posting.requirements)
    assert "Manager responsibilities" not in asked and "people managers" not in asked
    manager = " | ".join(
        r.text for r in parse_posting(read_path(path), kb, applying_at="manager").requirements
    )
    # the Senior Manager's block is no level's own: asked of no one
    assert "Manager responsibilities" in manager and "people managers" not in manager
    # "Extends Senior Infrastructure Security Engineer responsibilities, plus;": a staff
    # engineer is asked the senior duties too
    senior = parse_posting(read_path(path), kb, applying_at="senior")
    staff = parse_posting(read_path(path), kb, applying_at="staff")
    senior_duties = {r.text for r in senior.responsibilities}
    staff_duties = {r.text for r in staff.responsibilities}
    assert senior_duties - {r.text for r in posting.responsibilities} <= staff_duties


def test_parse_posting_a_page_hiring_above_the_level_read_reads_its_lowest(kb):
    posting = parse_posting(read_path(FIXTURES / "jd/gitlab/threat-intelligence-engineer.md"), kb)
    assert posting.levels_listed == ("senior", "staff")
    assert posting.level == "senior"
    assert posting.level_reason.startswith("the lowest of the levels the page lists")


def test_parse_posting_a_level_that_extends_another_asks_its_duties_too(kb):
    """SIRT's Senior block says "Extends Security Incident Response Engineer
    responsibilities, plus;" under headings naming the "... Team Engineer": the
    intermediate duties are asked of a senior, its requirements are not."""
    path = FIXTURES / "jd" / "gitlab" / "security-incident-response-team.md"
    mid, senior, manager = (
        parse_posting(read_path(path), kb, applying_at=level)
        for level in ("mid", "senior", "manager")
    )

    def own(posting, field):  # what the level adds to the page's general lists
        return {r.text for r in getattr(posting, field)} - {r.text for r in getattr(manager, field)}

    assert own(mid, "responsibilities") <= {r.text for r in senior.responsibilities}
    mindset = "Substantial engineering mindset"  # the Intermediate level's own ask
    assert mindset in own(mid, "requirements")
    assert mindset not in {r.text for r in senior.requirements}
