"""Competencies named in a line: synonyms, paraphrases, and phrases that only look like them."""

from __future__ import annotations

import pytest

from infraprep.parse.competencies import competency_matcher


@pytest.fixture(scope="module")
def find(kb):
    return competency_matcher(kb.competencies).find


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Carried the pager for 40 services", "on-call"),
        ("Respond to system alerts, troubleshoot system errors", "on-call"),
        ("Own and operate the runtime of a production system", "on-call"),
        ("Strong written and verbal communication skills", "communication"),
        ("Led the blameless postmortem", "incident-response"),
        # an RCA is an investigation: it shows troubleshooting as well as incident work
        ("Completing Root Cause Analysis (RCA) investigations", "troubleshooting"),
        # from blind evidence set 22
        ("Merged 4 patches into prometheus/node_exporter", "open-source"),
        ("Wrote the target-state platform design", "system-design"),
        ("Built three throwaway prototypes (Nomad, ECS, EKS)", "system-design"),
        ("Taught a half-day GitOps-from-zero workshop to 120 engineers", "communication"),
        ("Key disabled within 14 minutes, report written for leadership", "communication"),
        ("Redesigned the timesheet tables into a normalised set", "system-design"),
        ("Led the response when an access key was pushed to GitHub", "incident-response"),
        ("Built internal tools that removed 30 tickets a month", "automation"),
        ("Experience with pipeline orchestration or transformation tooling", "data-infrastructure"),
        ("Wrote the failover runbook for the payments database", "documentation"),
        ("Collaborated in an Agile team, shipping every two-week sprint", "agile"),
        ("Self-motivated, delivers results with little supervision", "ownership"),
        ("Deep understanding of machine learning security", "security"),
        ("Led the recovery, and wrote up what we changed in CRUSH rules", "documentation"),
        ("Wrote tooling that rotates the database credentials", "automation"),
        ("Tools: Python scripts for every toil ticket", "automation"),
        ("Kept the Ansible playbooks for the edge servers", "configuration-management"),
        ("Regularly achieve consensus with peers", "conflict"),
        ("A highly agile, intensely iterative software development process", "agile"),
        ("Cryptography engineering experience is a plus", "security"),
        ("Paged for the streaming platform one week in six", "on-call"),
        ("Drew boards that helped us reclaim 110 GPUs held idle", "cost"),
        ("Moved the cutover windows agreed with centre managers", "collaboration"),
    ],
)
def test_competencies_found_in_their_own_words_and_paraphrases(find, text, expected):
    assert expected in find(text)


@pytest.mark.parametrize(
    ("text", "absent"),
    [
        ("RESTful services for communication between frontend and backend", "communication"),
        ("We go live in two new regions next quarter", "coding"),
        ("Services communicate over gRPC", "communication"),
        ("Demonstrated capacity to communicate clearly", "capacity-planning"),
        ("Wrote Python runbook automation for the most frequent pages", "documentation"),
        ("Installation and management of open source monitoring tools", "automation"),
        ("Experience with pipeline orchestration or transformation tooling", "automation"),
        ("Stored and retrieved data efficiently", "capacity-planning"),
        ("Utilized Git and GitHub for version control", "open-source"),
        ("Modelled orders in MongoDB, a document database", "documentation"),
        ("Deep understanding of machine learning security", "learning"),
        ("Median lead time fell from 2 days to 40 minutes", "leadership"),
        ("Kept customer-facing services up for 8 years", "customer-facing"),
        ("Ran the migration over 9 months with no customer-facing downtime", "customer-facing"),
        ("Built REST APIs for a logistics customer portal", "customer-facing"),
        ("Moved deployments from hand-run Ansible playbooks to Helm", "documentation"),
        ("Think about edge cases and failure modes", "failure"),
        ("Dashboards for deploy frequency and change failure rate", "failure"),
        ("Experience with Data Visualization Tools (Looker Studio, Grafana)", "automation"),
        ("Regularly achieve consensus with peers", "distributed-systems"),
        ("A highly agile, intensely iterative software development process", "coding"),
        ("Four years there writing Python services for the checkout", "communication"),
        ("Wrote PyTorch training pipelines for the research team", "ci-cd"),
        ("Experience with cloud cost management tools (Cloudability, CloudHealth)", "automation"),
        ("Comfortable using digital tools to collaborate with a remote team", "automation"),
    ],
)
def test_phrases_that_only_look_like_a_competency_do_not_count(find, text, absent):
    assert absent not in find(text)


def test_positions_give_each_match_its_offset(kb):
    matcher = competency_matcher(kb.competencies)
    text = "Designing monitoring solutions"
    assert matcher.positions(text) == [(0, "system-design"), (10, "observability")]


def test_machine_learning_is_its_own_competency_not_learning(find):
    found = find("Published research in AI/ML security")
    assert "machine-learning" in found and "learning" not in found


@pytest.mark.parametrize(
    ("text", "shows_scale"),
    [
        ("Carried the pager for a 60-service payments platform on EKS", True),
        ("Own 22 PostgreSQL 15 clusters (about 38 TB in total)", True),
        ("Run the security baseline for 42 AWS accounts", True),
        ("Patched 1,200 Linux hosts every month", True),
        ("Kept 5k servers on one kernel version", True),
        ("Demonstrated experience with running systems at scale", True),
        # a count below ten, or a number that is no count of systems, is no fleet
        ("Ran 3 servers for the school", False),
        ("Upgraded to version 2.10 on the hosts", False),
        ("Cut 12 alerts from the dashboards", False),
    ],
)
def test_competencies_scale_shown_by_counting_systems(find, text, shows_scale):
    assert ("scale" in find(text)) is shows_scale


def test_competencies_secure_development_narrows_security(find):
    assert "secure-development" in find("Introduced Trivy image scanning, blocking critical CVEs")
    assert "secure-development" in find("Knowledge of secure software development practices")
    # security of an application estate in general is still security, not the speciality
    assert "secure-development" not in find("Infrastructure and application security experience")
