"""parse_posting rules on small hand-written postings: what counts as the stack, must vs nice."""

from __future__ import annotations

import pytest

from helpers import text_document
from infraprep.parse import parse_posting

ABOUT = "We build and run the services that millions of people use every day to pay bills."


def _titled(kb, title: str, *asks: str, about: str = ABOUT):
    """A posting with this title, a neutral about line and these requirement bullets."""
    jd = f"# {title}\n\n{about}\n\n## Requirements\n\n" + "".join(f"- {a}\n" for a in asks)
    return parse_posting(text_document(jd), kb)


STARTUP_JD = """# Platform Engineer

## About Us

Gizmo is the observability company. Gizmo Cloud runs on Kafka.

## Requirements

- Strong Kubernetes and Terraform experience
- Experience running Gizmo or a similar product in production

## Interview Process

- Join our Slack channel and submit a coding challenge in Rust using GitHub.
"""


def test_parse_posting_tools_named_only_in_the_interview_process_are_not_the_stack(kb):
    p = parse_posting(text_document(STARTUP_JD), kb)
    assert {"Kubernetes", "Terraform"} <= set(p.technologies)
    assert not {"Slack", "GitHub", "Rust"} & set(p.technologies)


def test_parse_posting_technologies_in_the_about_section_are_not_the_stack(kb):
    p = parse_posting(text_document(STARTUP_JD), kb)
    assert "Kafka" not in p.technologies


def test_parse_posting_company_name_is_not_a_technology(kb):
    jd = STARTUP_JD.replace("Gizmo", "Teleport")
    p = parse_posting(text_document(jd), kb)
    assert p.company == "Teleport"
    assert "Teleport" not in p.technologies
    req = next(r for r in p.requirements if r.text.startswith("Experience running"))
    assert "Teleport" not in req.technologies


LEAD_IN_JD = """# Security Engineer

We build secure software for the public, and we want help doing it well.

### Requirements:

- Experience using and administering Linux-based operating systems.
- Forensic experience with one operating system (preferably Linux or macOS)

### Strong candidates will have experience with, or a desire to learn, some of the following:

- Threat modeling and other threat analysis techniques.
- Understanding of cryptography principles.

Before applying, read about the application process and how our interviews work.

This position is set at a GS-15 level (learn more about pay grades here).

[Apply for this job](https://jobs.example.org/123)
"""


def test_parse_posting_a_lead_in_line_with_a_nice_cue_makes_the_list_after_it_nice(kb):
    p = parse_posting(text_document(LEAD_IN_JD), kb)
    kinds = {r.text: r.kind for r in p.requirements}
    assert kinds["Experience using and administering Linux-based operating systems."] == "must"
    assert kinds["Threat modeling and other threat analysis techniques."] == "nice"
    assert kinds["Understanding of cryptography principles."] == "nice"
    assert not any(t.startswith("Strong candidates") for t in kinds)


def test_parse_posting_preferably_inside_a_line_qualifies_it_and_keeps_it_must(kb):
    p = parse_posting(text_document(LEAD_IN_JD), kb)
    forensic = next(r for r in p.requirements if r.text.startswith("Forensic"))
    assert forensic.kind == "must"


def test_parse_posting_apply_and_pay_lines_are_not_requirements(kb):
    p = parse_posting(text_document(LEAD_IN_JD), kb)
    texts = " ".join(r.text for r in p.requirements)
    assert "Before applying" not in texts
    assert "GS-15" not in texts
    assert "Apply for this job" not in texts


def test_parse_posting_apply_as_a_verb_in_a_requirement_stays(kb):
    jd = LEAD_IN_JD.replace(
        "- Forensic experience",
        "- Apply security patches across a Linux fleet\n- Forensic experience",
    )
    p = parse_posting(text_document(jd), kb)
    assert any(r.text.startswith("Apply security patches") for r in p.requirements)


DESIRED_JD = """# Developer

We build the survey tool that agencies use to ask the public what they think.

**Desired skills**

- Proficient in front-end web development, solid grasp of JavaScript
- Back-end experience preferable
- Knowledge of GitHub desired
- Previous work with government a plus
"""


def test_parse_posting_desired_skills_heading_opens_requirements_with_cue_words(kb):
    p = parse_posting(text_document(DESIRED_JD), kb)
    kinds = {r.text.split(",")[0]: r.kind for r in p.requirements}
    assert kinds["Proficient in front-end web development"] == "must"
    assert kinds["Back-end experience preferable"] == "nice"
    assert kinds["Knowledge of GitHub desired"] == "nice"
    assert kinds["Previous work with government a plus"] == "nice"


def _jd(title: str, body: str) -> str:
    return (
        f"# {title}\n\n{body}\n\nWe run the services people use to renew passports and file"
        " taxes every year.\n\n## Requirements\n\n- Strong Linux and networking experience\n"
    )


def test_parse_posting_level_from_a_gs_grade_in_the_body(kb):
    p = parse_posting(
        text_document(_jd("Security Engineer", "This position is set at a GS-15 level.")), kb
    )
    assert (p.level, p.level_reason) == ("staff", "GS-15")
    p = parse_posting(text_document(_jd("Product Lead", "**GS Grade Level:** 13")), kb)
    assert p.level == "senior"


def test_parse_posting_a_gs_range_takes_the_upper_grade_only_with_scope_words(kb):
    plain = "**Compensation/Grade Level:** GS-14/GS-15. You will build the survey tool."
    assert parse_posting(text_document(_jd("Developer", plain)), kb).level == "senior"
    leader = plain + " You will set technical direction across teams and mentor engineers."
    p = parse_posting(text_document(_jd("Developer", leader)), kb)
    assert p.level == "staff"
    assert "scope words" in p.level_reason


def test_parse_posting_a_product_manager_title_is_no_management_level(kb):
    body = "You will own the product vision. Series & grade level: GS-2210-14/15."
    p = parse_posting(text_document(_jd("Product Manager", body)), kb)
    assert p.level == "senior"
    p = parse_posting(text_document(_jd("Senior Product Manager", "You will own the roadmap.")), kb)
    assert p.level == "senior"


def test_parse_posting_a_role_manager_who_manages_people_is_a_manager(kb):
    body = "In this role you will manage a group of Technical Program Managers."
    p = parse_posting(text_document(_jd("Lead Technical Program Manager", body)), kb)
    assert p.level == "manager"


def test_parse_posting_innovation_fellow_is_a_programme_not_a_principal_level(kb):
    p = parse_posting(
        text_document(_jd("Innovation Fellow - Cloud Architect", "Grade Level: GS-14/GS-15")), kb
    )
    # not "principal" from "fellow"; an architect hired on a 14/15 range is at the top of it
    assert (p.level, p.level_reason) == ("staff", 'GS-14/15 and title says "architect"')
    p = parse_posting(text_document(_jd("Cloud Architect", "You will design our cloud.")), kb)
    assert (p.level, p.level_reason) == ("staff", 'title says "architect"')


def test_parse_posting_up_to_n_years_is_a_junior_ceiling(kb):
    body = "We are looking for an HTML developer with up to 3 years of experience."
    p = parse_posting(text_document(_jd("HTML Developer", body)), kb)
    assert p.level == "junior"


def test_parse_posting_title_in_the_largest_type_joins_its_wrapped_line(kb):
    from infraprep.models import Document, TextBlock

    doc = Document(
        source_type="pdf",
        blocks=(
            TextBlock(text="Job Description: Senior Full Stack Engineer (5+ Years of", size=1.7),
            TextBlock(text="Experience)", kind="heading", size=1.7),
            TextBlock(text="Tech Solutions, San Francisco", kind="heading", size=1.2),
            TextBlock(text="Requirements", kind="heading", size=1.4),
            TextBlock(text="5+ years of experience in web development.", kind="list_item"),
            TextBlock(text="Proficiency with HTML, CSS, and JavaScript.", kind="list_item"),
            TextBlock(
                text="We build products used by millions of people every day.", kind="paragraph"
            ),
        ),
    )
    p = parse_posting(doc, kb)
    assert p.title == "Senior Full Stack Engineer (5+ Years of Experience)"
    assert p.family == "fullstack"
    assert p.level == "senior"


def test_parse_posting_a_gs_range_needs_strong_scope_words_not_mentoring_to_take_the_top(kb):
    weak = "Grade Level: GS-14/GS-15. You will influence the team and mentor junior developers."
    p = parse_posting(text_document(_jd("Software Developer", weak)), kb)
    assert p.level == "senior"
    strong = "Grade Level: GS-14/GS-15. You will provide technical leadership and set direction."
    p = parse_posting(text_document(_jd("Software Developer", strong)), kb)
    assert p.level == "staff"
    assert "technical leadership" in p.level_reason


def test_parse_posting_the_title_part_that_names_a_person_is_the_role(kb):
    title = "Lead Technical Program Manager, Site Reliability Engineering"
    p = parse_posting(text_document(_jd(title, "You will run programs with our SRE teams.")), kb)
    assert p.family == "other" and not p.on_target
    assert "technical program manager" in p.family_reason
    p = parse_posting(text_document(_jd("Software Engineer - Cloud Security", "Go.")), kb)
    assert p.family == "security"


def test_parse_posting_one_body_word_does_not_file_a_generic_title(kb):
    body = "You will gather requirements and analyse the recommendation workflow with staff."
    p = parse_posting(text_document(_jd("Business Analyst", body)), kb)
    assert p.family == "other"
    p = parse_posting(text_document(_jd("Analyst - Operations", body)), kb)
    assert p.family == "other", p.families


def test_parse_posting_named_technologies_file_a_generic_title(kb):
    body = (
        "Build services in Java with Spring, design REST APIs and SOAP interfaces, "
        "and tune MySQL queries."
    )
    p = parse_posting(text_document(_jd("Technical Architect", body)), kb)
    assert p.family == "backend", p.families


HANDBOOK_JD = """# Database Reliability Engineer

## As a DBRE you will

- Plan the growth and manage the capacity of the database fleet.

## You may be a fit to this role if you

- Have at least 5 years of experience running PostgreSQL in production.
- Share our values, and work in accordance with those values.

## Nice-to-haves

- Experience with Patroni.

## Performance Indicators

- Mean Time Between Failure of the database clusters
"""


def test_parse_posting_reads_unlisted_headings_by_their_words(kb):
    p = parse_posting(text_document(HANDBOOK_JD), kb)
    kinds = {r.text.split(" of ")[0].split(",")[0]: r.kind for r in p.requirements}
    assert kinds["Have at least 5 years"] == "must"
    assert kinds["Share our values"] == "must"  # a listed requirement with no skill in it
    assert kinds["Experience with Patroni."] == "nice"
    # a heading of no known section: its list is not what the job asks for
    assert not any(r.text.startswith("Mean Time") for r in (*p.requirements, *p.responsibilities))
    assert [r.text for r in p.responsibilities] == [
        "Plan the growth and manage the capacity of the database fleet."
    ]


def test_parse_posting_every_listed_duty_is_a_requirement_when_none_are_listed(kb):
    jd = """# Back End Web Developer

We build services for the public, in the open, with modern open source tools.

## Responsibilities

- Developing and consuming web-based, RESTful APIs
- Using and working in team environments that use established methodologies
"""
    p = parse_posting(text_document(jd), kb)
    assert [r.text.split(",")[0] for r in p.requirements] == [
        "Developing and consuming web-based",
        "Using and working in team environments that use established methodologies",
    ]


def test_parse_posting_a_product_spoken_of_as_the_employer_is_not_the_stack(kb):
    jd = """# Site Reliability Engineer

SREs keep GitLab.com running. The team's experience feeds back into GitLab itself.

## Requirements

- Run our infrastructure with Terraform, GitLab CI/CD and Kubernetes.
- Experience with GitLab is a plus; at GitLab we use our own product first.
"""
    p = parse_posting(text_document(jd), kb)
    assert p.company == "GitLab"
    assert {"Terraform", "Kubernetes"} <= set(p.technologies)
    assert not any(t.startswith("GitLab") for t in p.technologies)
    assert not any(t.startswith("GitLab") for r in p.requirements for t in r.technologies)


def test_parse_posting_a_technology_named_in_passing_is_not_the_employer(kb):
    jd = """# Platform Engineer

We run a payments platform for 3,000 shops.

## Requirements

- Kubernetes at scale: you have run Kubernetes clusters with 500+ nodes.
- Kubernetes operators written in Go.
"""
    p = parse_posting(text_document(jd), kb)
    assert p.company is None and "Kubernetes" in p.technologies


@pytest.mark.parametrize(
    ("title", "family"),
    [
        ("Senior Vulnerability Research Engineer", "security"),
        ("Software Engineer in Test", "qa"),
        ("Engineering Management - Infrastructure", "management"),
        ("Technical Account Manager - Cloud.gov", "other"),
        ("FinOps Engineering", "cloud"),
    ],
)
def test_parse_posting_title_phrases_name_the_family(kb, title, family):
    posting = _titled(kb, title, "Five years of experience working with AWS and Kubernetes.")
    assert posting.family == family


def test_parse_posting_a_sub_heading_inside_requirements_stays_in_them(kb):
    jd = """# Distinguished Engineer, Infrastructure

We run GitLab.com and the platform under it, for millions of developers.

### Requirements

#### General

- 10+ years of experience, at least 4 in a lead position
- Creative thinker and problem solver

#### Technical

- Expert in designing and troubleshooting large distributed systems
- Technical Skills in three or more of the following:
  - Kubernetes operators
  - PostgreSQL replication

## Performance Indicators

- Availability of GitLab.com
"""
    p = parse_posting(text_document(jd), kb)
    texts = [r.text for r in p.requirements]
    assert "Creative thinker and problem solver" in texts
    assert "Expert in designing and troubleshooting large distributed systems" in texts
    assert "Technical Skills in three or more of the following:" in texts
    assert not any(t.startswith("Availability") for t in texts)


@pytest.mark.parametrize(
    ("title", "family"),
    [
        ("Threat Intelligence Engineer", "security"),
        ("Red Team Roles", "security"),
        ("Software Engineer - Security", "security"),
        ("Software Engineer - Backend", "backend"),
        ("Infrastructure Security - Roles & Responsibilities", "security"),
        ("Distinguished Engineer, Infrastructure", "infrastructure"),
    ],
)
def test_parse_posting_the_area_named_in_the_title_files_it(kb, title, family):
    posting = _titled(
        kb,
        title,
        "Five years of relevant experience running PostgreSQL, AWS and Kubernetes.",
        "Experience with Redis and Linux in production.",
    )
    assert posting.family == family


def test_parse_posting_bullets_right_under_the_title_are_the_duties(kb):
    jd = """# Platform Engineer

- Run the Kubernetes platform that 300 engineers deploy to every day.
- Build Terraform modules that teams use to create their own databases.

## Benefits

- Health insurance and a learning budget for every engineer on the team.
"""
    p = parse_posting(text_document(jd), kb)
    assert [r.text.split(" ")[0] for r in p.requirements] == ["Run", "Build"]


def test_parse_posting_short_listed_skills_count_and_a_no_pressure_lead_in_makes_them_nice(kb):
    jd = """# Solutions Engineer

We help customers run our access platform on their own Kubernetes clusters worldwide.

## About you

- Five years of hands-on Linux administration in production.

## Tech

You don't have to be an expert in these things, but be ready to become one:

- Go
- Ansible
"""
    p = parse_posting(text_document(jd), kb)
    kinds = {r.text: r.kind for r in p.requirements}
    assert kinds["Go"] == "nice" and kinds["Ansible"] == "nice"
    assert "Go" in p.technologies


def test_parse_posting_federal_boilerplate_leaves_the_duties_as_requirements(kb):
    jd = """# Platform Engineering Supervisor

Login.gov provides the public simple, secure access to government services for 10 million users.

## Role summary

- Respond to incidents and lead incident response and postmortem review.
- Create automation in areas such as security compliance and code deployment.

## Qualifications

Provide as much detail as possible on your resume so that we can evaluate your experience.

To qualify, you must have one (1) year of specialized experience at the next lower GS-grade. \
Specialized experience is defined as follows:
"""
    p = parse_posting(text_document(jd), kb)
    texts = [r.text for r in p.requirements]
    assert not any(t.startswith("Provide as much detail") for t in texts)
    assert any(t.startswith("To qualify, you must have one (1) year") for t in texts)
    assert "Respond to incidents and lead incident response and postmortem review." in texts


def test_parse_posting_a_supervisory_engineer_is_a_manager_and_it_systems_is_not_infra(kb):
    asks = "Five years running Linux and Okta in production."
    supervisor = _titled(kb, "DevOps Supervisory Engineer GS15", asks)
    assert supervisor.level == "manager"
    it = _titled(kb, "IT Systems Engineer", asks)
    assert it.family == "other" and not it.on_target


def test_parse_posting_a_lead_title_at_gs_15_takes_the_grade(kb):
    posting = _titled(
        kb,
        "Cloud Platform Lead",
        "Five years running Kubernetes and Terraform in production.",
        about=f"{ABOUT} This position is GS-15.",
    )
    assert posting.level == "staff"


def test_parse_posting_a_duty_worded_as_a_qualification_is_a_requirement(kb):
    jd = """# IT Site Reliability Engineer

We run the corporate cloud for 2,000 people across AWS and GCP accounts.

## Responsibilities

- Design, build and maintain the core infrastructure of the company.
- Kubernetes - Experience with managing Kubernetes clusters and Helm deployments.
- Infrastructure-as-Code - Configuration management experience with Terraform.
- AWS and GCP - At least 2 years managing applications in AWS. A certification is nice to have.
"""
    p = parse_posting(text_document(jd), kb)
    kinds = {r.text.split(" - ")[0]: r.kind for r in p.requirements}
    assert kinds == {"Kubernetes": "must", "Infrastructure-as-Code": "must", "AWS and GCP": "must"}
    assert p.responsibilities[0].text.startswith("Design, build and maintain")


def test_parse_posting_a_list_of_areas_asks_for_each_area_though_some_read_as_duties(kb):
    """GitLab's IT SRE lists "Kubernetes - Experience with ..." beside "Cloud Services -
    Manage, configure and troubleshoot Linux": the list is of areas asked for, so the
    duty-worded ones were missing from the fit table."""
    jd = """# IT Site Reliability Engineer

We run the corporate cloud for 2,000 people across AWS and GCP accounts.

## Responsibilities

- Design, build and maintain the core infrastructure of the company.
- Kubernetes - Experience with managing Kubernetes clusters and Helm deployments.
- Operating Systems - Experience with managing Alpine, Debian, or Ubuntu Linux systems.
- Cloud Services - Manage, configure and troubleshoot Linux storage and networking.
- Monitoring and instrumentation - Implement metrics in Prometheus and Grafana.
"""
    p = parse_posting(text_document(jd), kb)
    asked = [r.text.split(" - ")[0] for r in p.requirements]
    assert asked == ["Kubernetes", "Operating Systems", "Cloud Services",
                     "Monitoring and instrumentation"]  # fmt: skip
    assert [r.text for r in p.responsibilities][:1] == [
        "Design, build and maintain the core infrastructure of the company."
    ]


def test_parse_posting_one_asking_area_does_not_turn_a_list_of_duties_into_asks(kb):
    jd = """# Platform Engineer

We run the corporate cloud for 2,000 people across AWS and GCP accounts.

## Responsibilities

- Kubernetes - Experience with managing Kubernetes clusters and Helm deployments.
- Cloud Services - Manage, configure and troubleshoot Linux storage and networking.
- Monitoring - Implement metrics in Prometheus and Grafana.
- Releases - Ship the platform every week.

## Requirements

- Five years running Terraform in production.
"""
    p = parse_posting(text_document(jd), kb)
    asked = [r.text.split(" - ")[0] for r in p.requirements]
    assert asked == ["Kubernetes", "Five years running Terraform in production."]


def test_parse_posting_areas_of_expertise_ask_and_their_sub_headings_ask_nothing(kb):
    """GitLab's SRE page lists what each level is expected to know under "Areas of
    expertise"; its sub-headings ("#### Collaboration and Communication") are labels."""
    jd = """# Site Reliability Engineer

We run GitLab.com for millions of developers.

## Requirements

- Know your way around Linux and the Unix Shell.

### Areas of expertise/contribution for leveling

#### Technical

- Infrastructure as code: use Terraform and GitLab CI/CD for automation
- Work in a variety of languages: Shell, Ruby, GoLang, Python

#### Collaboration and Communication

- Completing Root Cause Analysis (RCA) investigations and perform readiness reviews
"""
    texts = [r.text for r in parse_posting(text_document(jd), kb).requirements]
    assert any(t.startswith("Infrastructure as code: use Terraform") for t in texts)
    assert any(t.startswith("Work in a variety of languages") for t in texts)
    assert any(t.startswith("Completing Root Cause Analysis") for t in texts)
    assert "Collaboration and Communication" not in texts


def test_parse_posting_the_employer_comes_from_the_front_matter_org(kb):
    jd = """---
title: Cloud Operations Site Reliability Engineer
org: '18F'
---

## Key objectives

- Operate the Cloud Foundry platform for 30 agencies and answer its alerts and incidents.
- Automate the platform's deployments with Concourse and Terraform.
"""
    from infraprep.ingest.text import read_text

    posting = parse_posting(read_text(jd), kb)
    assert posting.company == "18F"
    assert "Cloud Foundry" in posting.technologies


@pytest.mark.parametrize(
    ("title", "family"),
    [
        ("Manager, IT Security Operations", "management"),
        ("Security Operations Manager", "management"),
        ("Release Manager", "release"),  # a role of its own, not the manager of a team
        ("Site Reliability Engineer", "sre"),
        ("Cloud Adoption Specialist", "cloud"),
    ],
)
def test_parse_posting_the_manager_of_an_area_is_management(kb, title, family):
    asks = "Five years running security monitoring, Kubernetes and Terraform in production."
    assert _titled(kb, title, asks).family == family


def test_parse_posting_the_grade_applicants_come_from_is_not_the_grade_hired(kb):
    posting = _titled(
        kb,
        "IT Specialist (Cloud)",
        "Five years running Kubernetes and Terraform in production.",
        about=f"{ABOUT} GS-13 level: one year of specialized experience equivalent to the "
        "GS-12 level in the Federal service.",
    )
    assert posting.level == "senior" and "GS-13" in posting.level_reason


def test_parse_posting_a_product_that_says_join_the_team_is_the_employer(kb):
    jd = """Teleport (YC S15) | Backend Engineer | Remote OK

Join us to hack on Teleport anywhere in the U.S., Canada and Europe. Most of our code is Go.

We expect you to be comfortable with the following:

- Go or Rust
- Linux and networking, and security experience for systems software.

We're looking for senior engineers to join the Teleport team.
"""
    posting = parse_posting(text_document(jd), kb)
    assert posting.company == "Teleport"
    assert "Teleport" not in posting.technologies and "Go" in posting.technologies


def test_parse_posting_what_a_product_owns_makes_it_the_employer(kb):
    # GitLab's job-family pages never say "at GitLab", but they speak of what it owns
    jd = """# Monitoring Engineer

Distinguished Engineers are recognized experts across the company.

## Responsibilities

- Maintain GitLab's Prometheus monitoring and alerting infrastructure
- Bundle Prometheus as a monitoring solution for GitLab packages
- Improve coverage of GitLab performance monitoring
"""
    posting = parse_posting(text_document(jd), kb)
    # the role described in a sentence is not the employer
    assert posting.company == "GitLab"
    assert "GitLab" not in posting.technologies and "Prometheus" in posting.technologies


def test_parse_posting_a_chat_tool_named_as_a_medium_is_not_the_stack(kb):
    p = _titled(
        kb,
        "Security Engineer",
        "Proficiency to communicate over text-based mediums (Slack, issues, email)",
        "Build Slack bots that page the on-call engineer",
        "Run ChatOps commands against production",
    )
    assert [r.technologies for r in p.requirements] == [(), ("Slack",), ()]


def test_parse_posting_years_written_as_a_word_and_a_digit_or_singular(kb):
    posting = _titled(
        kb,
        "Site Reliability Engineer",
        "To qualify, you must have one (1) year of specialized experience",
        "At least 1 year of on-call experience",
    )
    assert [r.years for r in posting.requirements] == [1, 1]


def test_parse_posting_a_link_s_address_is_not_part_of_the_requirement(kb):
    jd = """# Software Engineer - Frontend

We build the code search that thousands of developers use every day.

## Requirements

- Experience in writing [SPAs](https://en.wikipedia.org/wiki/Single-page_application) using React.
- Contributions to the [Prometheus project](https://github.com/prometheus).
"""
    texts = [r.text for r in parse_posting(text_document(jd), kb).requirements]
    assert texts == [
        "Experience in writing SPAs using React.",
        "Contributions to the Prometheus project.",
    ]


def test_parse_posting_a_lead_in_to_the_objectives_is_no_duty(kb):
    """18F pages open their objectives with "Within the first 6-12 months after hiring,
    you'll accomplish these objectives:"; it asks nothing, and "after hiring" is no
    interviewing."""
    jd = """# Resource Manager

18F partners with agencies to improve the user experience of government services.

## Key Objectives

Within the first 6-12 months after hiring, you'll accomplish these objectives:

- Design and operate a system for managing resource capacity and allocation.
- Manage customer feedback projects, including:
"""
    p = parse_posting(text_document(jd), kb)
    texts = [r.text for r in (*p.requirements, *p.responsibilities)]
    assert not any(t.startswith("Within the first") for t in texts)
    assert any(t.startswith("Design and operate a system") for t in texts)
    assert not any("hiring" in r.competencies for r in p.requirements)


def test_parse_posting_a_benefits_list_is_no_duty_wherever_it_sits(kb):
    """TTS pages list the benefits under "Job Summary", after "You will have access to
    many benefits including:"; the fit showed "Health insurance" as a duty of the job."""
    jd = """# Cloud Operations SRE

## Job Summary

You will run the platform that 30 agencies deploy their public services on.

- Operate the Cloud Foundry and Kubernetes platforms for agency tenants

You will have access to many [benefits](http://www.gsa.gov/benefits) including:

- Health insurance (choose from a wide range of plans)
- Thrift Savings Plan (similar to a 401(k) plan)

## Requirements

- Experience operating Kubernetes in production

We offer:

- Competitive salary and equity.
"""
    p = parse_posting(text_document(jd), kb)
    texts = [r.text for r in (*p.requirements, *p.responsibilities)]
    assert any(t.startswith("Operate the Cloud Foundry") for t in texts)
    assert not any("insurance" in t or "401(k)" in t or "salary" in t for t in texts)


def test_parse_posting_a_numbered_objective_heading_opens_duties(kb):
    """The word "technology" in "Key objective #3: Promote the adoption of modern
    technology practices" read it as a requirements heading, and objective #4, with no cue
    word at all, as a section of no kind, so its five duties were never read."""
    jd = """# Cloud Consulting Technical Lead

## Key Objectives

### Key objective #3: Promote the adoption of modern technology practices through coaching

- Make and use prototypes and hands-on demonstrations as tools to help teach

### Key objective #4: In conjunction with team leadership, help establish an organizational vision

- Develop, implement, and drive technical strategy in organization-wide contexts

[Read more about management and organization structure for this
position](/who-we-are-hiring/positions/)

## Qualifications

- Experience providing technical leadership on projects
"""
    p = parse_posting(text_document(jd), kb)
    duties = [r.text for r in p.responsibilities]
    assert any(t.startswith("Make and use prototypes") for t in duties)
    assert any(t.startswith("Develop, implement, and drive") for t in duties)
    texts = [r.text for r in (*p.requirements, *p.responsibilities)]
    assert not any(t.lstrip("[").startswith("Read more") for t in texts)
    assert [r.text for r in p.requirements if r.kind == "must"][-1].startswith("Experience")


def test_parse_posting_the_desired_need_is_no_nice_to_have(kb):
    posting = _titled(
        kb,
        "Technical Architect",
        "Architect the simplest system possible to accomplish the desired need",
        "Desired: experience with Cloud Foundry",
    )
    assert [r.kind for r in posting.requirements] == ["must", "nice"]


def test_parse_posting_the_competencies_an_application_is_scored_on_are_asked(kb):
    """TTS pages say under "Evaluations" which competencies the resume is scored on;
    the section was read as one of no kind, so none of them reached the fit."""
    jd = """# Login.gov Security Ops Engineer

## Requirements

- Experience operating production systems on AWS

## Evaluations
We will use a method called Category Rating to assess your application.

You will be scored on your application materials, measuring each of the following competencies

- **Production Security Operations:** Ability to operate and secure production systems
- **Problem Solving:** The ability to evaluate information to defend a desired solution.

If found to be eligible and at least minimally qualified, your score will be used.
"""
    p = parse_posting(text_document(jd), kb)
    asked = [(r.kind, r.text[:30]) for r in p.requirements]
    assert asked == [
        ("must", "Experience operating productio"),
        ("must", "Production Security Operations"),
        ("must", "Problem Solving: The ability t"),
    ]


def test_parse_posting_the_federal_years_of_specialized_experience_is_asked(kb):
    """The line names a grade, as pay lines do, but it asks for a year of experience."""
    jd = _jd("IT Specialist (Cloud)", "We run cloud.gov.") + (
        "\nGS-13 level specialized experience requirements: you must have one year of "
        "specialized experience equivalent to the GS-12 level in the Federal service.\n"
        "\nThis position is set at a GS-13 level.\n"
    )
    posting = parse_posting(text_document(jd), kb)
    asks = [r for r in posting.requirements if "specialized experience" in r.text]
    assert len(asks) == 1 and asks[0].years == 1.0
    assert not any("position is set at" in r.text for r in posting.requirements)


def test_parse_posting_what_you_can_expect_in_the_role_lists_duties(kb):
    jd = _jd("Support Engineer", "We help customers run GitLab.") + (
        "\n### What you can expect in a Support Engineer role at GitLab\n\n"
        "As a Support Engineer, you will:\n\n"
        "- resolve customer issues via email and video conferencing.\n"
        "- participate in regular rotations for weekday and weekend on-call coverage.\n"
    )
    posting = parse_posting(text_document(jd), kb)
    duties = [r.text for r in posting.responsibilities]
    assert any(d.startswith("resolve customer issues") for d in duties)
    assert any(d.startswith("participate in regular rotations") for d in duties)


def test_parse_posting_an_objective_heading_that_states_the_work_is_a_duty(kb):
    jd = _jd("Director of Technical Architecture", "We modernise government technology.") + (
        "\n### Objective #1: Build, manage, and lead a team of technical architecture "
        "consultants.\n\n- Hire and grow the architects.\n\n### Objective #2\n\n"
        "- Publish the architecture guides.\n"
    )
    duties = [r.text for r in parse_posting(text_document(jd), kb).responsibilities]
    assert duties[0].startswith("Objective #1: Build, manage, and lead a team")
    assert "Objective #2" not in duties  # a bare number states no work
    assert "Hire and grow the architects." in duties


@pytest.mark.parametrize(
    ("sentence", "level"),
    [
        ("We're looking for senior engineers to join the Teleport team.", "senior"),
        ("We are hiring a staff software engineer for the platform group.", "staff"),
        ("We are seeking an entry-level systems administrator.", "junior"),
    ],
)
def test_parse_posting_the_level_the_page_says_it_hires(kb, sentence, level):
    posting = parse_posting(text_document(_jd("Backend Engineer", sentence)), kb)
    assert posting.level == level and posting.level_reason.startswith("the posting says")
