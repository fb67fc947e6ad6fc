"""The story bank: which CV bullet answers which behavioural question, and when none does."""

from __future__ import annotations

import pytest

from helpers import FIXTURES, TODAY
from infraprep.ingest import read_path
from infraprep.parse import parse_posting, parse_profile
from infraprep.tailor.needs import compute_needs
from infraprep.tailor.stories import assign_stories

QUESTIONS = {
    "slo": "Tell me about agreeing an SLO with a product or engineering team",
    "increments": "Describe a large infrastructure change you delivered in small increments",
    "security": "Tell me about a security incident you were involved in",
    "docs": "Tell me about documentation you wrote for a platform or tool",
}


@pytest.fixture(scope="module")
def stories(kb):
    posting = parse_posting(read_path(FIXTURES / "jd/18f/site-reliability-engineer.md"), kb)
    profile = parse_profile(read_path(FIXTURES / "cv/written/kubernetes-sre.md"), TODAY)
    needs = compute_needs(posting, profile, kb)
    questions = {
        key: next(q for q in kb.questions if q.prompt.startswith(start))
        for key, start in QUESTIONS.items()
    }
    # the order the plan would ask them in must not decide who gets the best bullet
    assigned = assign_stories(list(questions.values()), needs.cv_lines)
    return {key: assigned[q.id] for key, q in questions.items()}


def test_stories_the_slo_question_gets_the_slo_bullet_not_one_that_says_production(stories):
    assert stories["slo"] is not None
    assert stories["slo"].bullet.startswith("Defined SLOs with product owners")


def test_stories_an_incremental_change_is_the_migration_done_one_team_at_a_time(stories):
    assert stories["increments"] is not None
    assert "one team at a time" in stories["increments"].bullet


def test_stories_a_shared_technology_alone_makes_no_story(stories):
    """The CV has no security incident: an EKS migration on AWS is not one."""
    story = stories["security"]
    assert story is None or "Migrated 60 services" not in story.bullet


def test_stories_documentation_is_answered_by_the_handbook_the_user_wrote(stories):
    assert stories["docs"] is not None and "IC handbook" in stories["docs"].bullet


def test_stories_a_position_without_a_title_is_named_by_its_employer_or_dates():
    from infraprep.models import Position
    from infraprep.parse.position_header import UNTITLED
    from infraprep.tailor.needs import position_label

    assert position_label(Position(title="SRE", company="Acme")) == "SRE at Acme"
    assert position_label(Position(title=UNTITLED, company="Acme")) == "your role at Acme"
    untitled = Position(title=UNTITLED, start="2016", end="2019")
    assert position_label(untitled) == "your 2016–2019 role"


def test_stories_the_bullet_with_more_of_the_question_s_cues_is_its_story(kb):
    """Both bullets are about cost, and the tagging one comes first; the one that cut
    the bill, naming rightsizing and Savings Plans, is the story of a cost cut."""
    from helpers import text_document
    from infraprep.tailor.needs import cv_lines

    cv = """Ana Ruiz
## Experience
Cloud Cost Engineer — Kestrel Market
Jan 2021 – Present
- Own tagging and cost allocation for 14 AWS accounts; untagged spend fell from 30% to 4%
- Cut the AWS bill by 31% over 2023: rightsizing RDS, gp2 to gp3, and Savings Plans
"""
    profile = parse_profile(text_document(cv), TODAY)
    question = next(q for q in kb.questions if q.id == "beh-cloud-cost-cut")
    story = assign_stories([question], cv_lines(profile, kb))[question.id]
    assert story is not None and story.bullet.startswith("Cut the AWS bill")
