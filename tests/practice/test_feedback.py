"""Feedback on written answers: which points an answer reaches, and how it is told."""

from __future__ import annotations

import pytest

from infraprep.knowledge import load_knowledge
from infraprep.practice import feedback_on, find_answerable

POSTMORTEM_STORY = """\
In March our checkout API returned errors to 12% of requests for 47 minutes after a config
change. The payments team said the load balancer was at fault; the platform team blamed the
config. I built the timeline before the postmortem from the deploy log, the alert history and
the chat transcript, so the meeting started from facts. I reframed the single root cause into
three contributing factors: a bad config, no canary stage for config pushes, and an alert that
fired 18 minutes late. I wrote "the deploy tool allowed" rather than naming a team. We agreed on
five action items, each with an owner and a due date. Four were closed within 60 days, and
config pushes now go through a 5% canary.
"""


@pytest.fixture(scope="module")
def kb():
    return load_knowledge()


def test_a_story_that_covers_the_points_is_credited_with_the_words_it_used(kb):
    question = find_answerable(kb, "beh-postmortem-contested-root-cause")
    feedback = feedback_on(POSTMORTEM_STORY, question)
    assert feedback.kind == "story"
    assert feedback.covered == len(question.talking_points) == 5
    timeline = next(p for p in feedback.points if "timeline" in p.point)
    assert {"timeline", "transcript", "facts"} <= set(timeline.shared)
    numbers = feedback.points[0]  # "Name the incident in numbers first"
    assert "12%" in numbers.shared  # a number meets "in numbers", shown as written
    # a measured result and my own part: the only note left is the length
    assert len(feedback.notes) == 1 and "aim for 1.5 to 3 minutes" in feedback.notes[0]
    assert feedback.red_flags == question.red_flags


def test_a_vague_team_story_is_told_what_is_missing(kb):
    question = find_answerable(kb, "beh-postmortem-contested-root-cause")
    answer = (
        "We had an outage once and we held a postmortem. Our teams argued about it. "
        "We talked it through and in the end we agreed on what to fix and our service "
        "got better."
    )
    feedback = feedback_on(answer, question)
    assert feedback.covered <= 1
    notes = " ".join(feedback.notes)
    assert "The result has no number" in notes
    assert '"We" 6 times, "I" 0' in notes
    assert f"{feedback.words} words" in notes


def test_a_long_story_is_asked_to_cut_the_set_up(kb):
    question = find_answerable(kb, "beh-postmortem-contested-root-cause")
    answer = POSTMORTEM_STORY * 4
    feedback = feedback_on(answer, question)
    assert feedback.words > 450
    assert any("past 3 minutes" in n for n in feedback.notes)


def test_a_design_answer_is_checked_against_the_rubric_and_for_numbers_failure_and_trade_offs(kb):
    drill = find_answerable(kb, "drill-design-feature-flags")
    answer = (
        "I would split the platform into a control plane and an in-process SDK in each "
        "service. Flag changes are production changes: audit, approvals, a staged rollout and "
        "an event on the deploy timeline. Percentage rollouts hash the user id with the flag "
        "key so a user stays in one bucket."
    )
    feedback = feedback_on(answer, drill)
    assert feedback.kind == "design"
    covered = {p.point.split()[0] for p in feedback.points if p.covered}
    assert covered == {"Separates", "Uses", "Treats"}
    notes = " ".join(feedback.notes)
    assert "No numbers" in notes and "Nothing on failure" in notes and "No trade-off" in notes

    better = answer + (
        " At 2,000 services and 50k evaluations a second each, evaluation must stay local; "
        "if the control plane is down the SDK serves last-known values, at the cost of stale "
        "flags for a while, rather than failing requests."
    )
    assert feedback_on(better, drill).notes == ()


def test_an_unknown_id_names_where_ids_are_found(kb):
    from infraprep.errors import NotFoundError

    with pytest.raises(NotFoundError, match="no question or design drill 'beh-nope'"):
        find_answerable(kb, "beh-nope")
