"""build_plan on hand-built inputs: evidence, honesty, determinism, coverage."""

from __future__ import annotations

import datetime as dt
import itertools

import pytest

from helpers import FIXTURES, SRE_CV, TODAY, text_document
from infraprep.errors import UsageError
from infraprep.ingest import read_path
from infraprep.parse import parse_posting, parse_profile
from infraprep.parse.metrics import metrics_in
from infraprep.render.json import render_json
from infraprep.tailor import build_plan


@pytest.fixture(scope="module")
def inputs(kb):
    posting = parse_posting(read_path(FIXTURES / "jd/teleport/sre.md"), kb)
    profile = parse_profile(text_document(SRE_CV), TODAY)
    return posting, profile


@pytest.fixture(scope="module")
def plan(kb, inputs):
    posting, profile = inputs
    return build_plan(profile, posting, kb, today=TODAY)


def test_tailor_every_item_says_why_it_is_here(plan):
    groups = [
        plan.loop,
        plan.signals,
        plan.behavioural,
        plan.technical,
        plan.concepts,
        plan.drills,
        plan.role_plays,
        plan.smart_questions,
    ]
    for group in groups:
        assert group, "every section has items"
        for item in group:
            assert item.why, item
    for row in plan.fit.rows:
        assert row.jd.source == "jd" and row.jd.line


def test_tailor_cv_evidence_quotes_real_cv_lines(plan):
    lines = plan.profile.lines
    for row in plan.fit.rows:
        if row.cv:
            assert lines[row.cv.line - 1] == row.cv.text
    for q in plan.behavioural:
        if q.story:
            assert lines[q.story.line - 1] == q.story.bullet


def test_tailor_go_kubernetes_requirement_is_met_by_the_controller_bullet(plan):
    row = next(r for r in plan.fit.rows if "Go and Kubernetes" in r.requirement)
    assert row.status in ("met", "partly")
    assert row.cv is not None and "Go controllers" in row.cv.text


def test_tailor_never_uses_a_story_more_than_twice_and_flags_missing_numbers(plan):
    uses: dict[int, int] = {}
    for q in plan.behavioural:
        if q.story:
            uses[q.story.line] = uses.get(q.story.line, 0) + 1
            assert q.story.star.result_has_number == bool(metrics_in(q.story.bullet))
    assert uses and max(uses.values()) <= 2


def test_tailor_same_inputs_give_byte_identical_json(kb, inputs):
    posting, profile = inputs
    a = render_json(build_plan(profile, posting, kb, today=TODAY))
    b = render_json(build_plan(profile, posting, kb, today=TODAY))
    assert a == b


def test_tailor_concepts_rank_gaps_above_what_the_cv_shows(plan):
    scores = [c.score for c in plan.concepts]
    assert scores == sorted(scores, reverse=True)
    assert all(0 <= c.gap <= 1 and 0 <= c.need <= 1 for c in plan.concepts)


def test_tailor_a_concepts_gap_is_that_of_what_it_is_mostly_about(kb):
    """A Linux patching bullet does not make a Kubernetes-throttling concept "known"."""
    posting = parse_posting(read_path(FIXTURES / "jd/gitlab/it-site-reliability-engineer.md"), kb)
    profile = parse_profile(read_path(FIXTURES / "cv/written/network-engineer.md"), TODAY)
    plan = build_plan(profile, posting, kb, today=TODAY)
    throttling = next(c for c in plan.concepts if c.id == "concept-requests-limits-cpu-throttling")
    assert throttling.gap > 0.8
    shown = [e for e in throttling.why if e.source == "cv"]
    assert [e.note for e in shown] == ["the CV already shows Linux"]


def test_tailor_study_plan_runs_from_today_to_the_interview(plan):
    blocks = plan.study_plan
    assert blocks[0].start == TODAY
    before = [b for b in blocks if b.end <= plan.interview_date]
    assert before[-1].end == plan.interview_date - dt.timedelta(days=1)
    for a, b in itertools.pairwise(before):
        assert b.start == a.end + dt.timedelta(days=1)
    assert plan.interview_date == TODAY + dt.timedelta(days=28)


@pytest.mark.parametrize("days", [1, 2, 3, 6, 10, 45, 90])
def test_tailor_study_plan_compresses_for_any_runway(kb, inputs, days):
    posting, profile = inputs
    interview = TODAY + dt.timedelta(days=days)
    plan = build_plan(profile, posting, kb, today=TODAY, interview_date=interview, hours_per_week=5)
    before = [b for b in plan.study_plan if b.end < interview]
    assert sum((b.end - b.start).days + 1 for b in before) == days
    scheduled = {i for b in plan.study_plan for i in b.items}
    assert {c.id for c in plan.concepts[:3]} <= scheduled


def test_tailor_study_plan_gives_a_short_week_a_short_list(kb, inputs):
    posting, profile = inputs
    interview = TODAY + dt.timedelta(days=40)
    plan = build_plan(profile, posting, kb, today=TODAY, interview_date=interview, hours_per_week=6)
    for phase in {b.phase for b in plan.study_plan}:
        blocks = [b for b in plan.study_plan if b.phase == phase and b.items]
        for a, b in itertools.combinations(blocks, 2):
            if a.hours > b.hours:  # more hours, at least as much work, never much less
                assert len(a.items) >= len(b.items)


def test_tailor_study_plan_says_when_the_hours_cannot_hold_the_work(kb, inputs):
    posting, profile = inputs
    tight = build_plan(
        profile,
        posting,
        kb,
        today=TODAY,
        interview_date=TODAY + dt.timedelta(days=7),
        hours_per_week=3,
    )
    roomy = build_plan(profile, posting, kb, today=TODAY, hours_per_week=40)
    assert any("stop where the hours run out" in n for n in tight.notices)
    assert not any("stop where the hours run out" in n for n in roomy.notices)


def test_tailor_rejects_past_interview_dates(kb, inputs):
    posting, profile = inputs
    with pytest.raises(UsageError):
        build_plan(profile, posting, kb, today=TODAY, interview_date=TODAY)


def test_tailor_off_target_posting_gets_a_notice_and_the_general_sections(kb, inputs):
    _posting, profile = inputs
    frontend = parse_posting(read_path(FIXTURES / "jd/18f/front-end-web-developer.md"), kb)
    plan = build_plan(profile, frontend, kb, today=TODAY)
    assert any("not an infrastructure one" in n for n in plan.notices)
    assert plan.behavioural and plan.study_plan


def test_tailor_a_speciality_asked_for_needs_its_field(kb):
    from infraprep.tailor.needs import compute_needs

    jd = """# Cloud Compliance Engineer

We run the authorisation work for systems that 30 agencies put in front of the public.

## Requirements

- Experience with FedRAMP and FISMA authorizations for cloud systems.
- Experience preparing audit evidence for assessors.
"""
    posting = parse_posting(text_document(jd), kb)
    profile = parse_profile(text_document(SRE_CV), TODAY)
    needs = compute_needs(posting, profile, kb)
    assert needs.need.get("compliance") and needs.need.get("security")


def test_tailor_a_signal_is_shown_for_what_it_is_about_not_for_what_it_involves(kb):
    """GitLab's monitoring engineer page says nothing of customers or pushback. Before, its
    one blog-post line (communication) put "Starts from the customer's impact" and two other
    signals that merely involve communication on the page, each citing that line."""
    posting = parse_posting(read_path(FIXTURES / "jd/gitlab/monitoring-engineer.md"), kb)
    plan = build_plan(parse_profile(text_document(SRE_CV), TODAY), posting, kb, today=TODAY)
    shown = {signal.id for signal in plan.signals}
    assert "signal-alerts-on-symptoms" in shown
    assert not shown & {
        "signal-customer-empathy",
        "signal-disagrees-with-data",
        "signal-quantifies-impact",
    }
    go_line = next(r for r in posting.requirements if r.text.startswith("Experience writing"))
    assert "communication" not in go_line.competencies  # writing code is not writing prose


def test_tailor_an_item_cites_the_jd_line_nearest_its_title(kb):
    """Every observability item of the monitoring engineer report cited "You have
    contributions in the Prometheus open source project", the first line to ask for
    observability; an alerting concept now cites a line about alerts."""
    from infraprep.tailor.needs import compute_needs

    posting = parse_posting(read_path(FIXTURES / "jd/gitlab/monitoring-engineer.md"), kb)
    needs = compute_needs(posting, parse_profile(text_document(SRE_CV), TODAY), kb)
    (first,) = needs.why(["observability"], limit=1)
    assert first.text.startswith("You have contributions")  # no title: the first line
    (cited,) = needs.why(["observability"], limit=1, about="Alert routing and silences")
    assert "alert" in cited.text.lower()
    two = needs.why(["observability", "open-source"], about="Alert routing")
    assert len(set(two)) == 2  # a second key cites a second line, not the same one twice


def test_tailor_behavioural_questions_follow_the_posting_where_the_cv_has_the_stories(kb, plan):
    """A behavioural question is asked whether or not the CV shows the skill, so what
    the CV already shows weighs less than for concepts; and a question some bullet
    tells the story of ranks higher, since it is the one the candidate can answer.
    Stories are told only when a bullet holds one of the question's cues."""
    from infraprep.tailor.needs import compute_needs
    from infraprep.tailor.stories import answerable

    told = [q for q in plan.behavioural if q.story]
    assert len(told) >= 2
    posting = parse_posting(read_path(FIXTURES / "jd/teleport/sre.md"), kb)
    profile = parse_profile(text_document(SRE_CV), TODAY)
    lines = compute_needs(posting, profile, kb).cv_lines
    cues = {q.id: q for q in kb.questions}
    assert answerable([cues[q.id] for q in told], lines) == {q.id for q in told}


def test_tailor_items_about_a_specialised_field_the_posting_never_asks_for_come_last(kb):
    """An SRE posting that never mentions ML gets no GPU-serving question or drill,
    though such items share its capacity and cost competencies."""
    posting = parse_posting(read_path(FIXTURES / "jd/gitlab/site-reliability-engineer.md"), kb)
    profile = parse_profile(text_document(SRE_CV), TODAY)
    plan = build_plan(profile, posting, kb, today=TODAY)
    about = {
        **{q.id: q.competencies for q in kb.questions},
        **{c.id: c.competencies for c in kb.concepts},
        **{d.id: d.competencies for d in kb.drills},
    }
    chosen = [*plan.behavioural, *plan.technical, *plan.concepts, *plan.drills]
    assert not [x.id for x in chosen if "ml-infrastructure" in about[x.id]]


def test_tailor_up_to_four_behavioural_questions_are_ones_the_cv_tells_well(kb, monkeypatch):
    """A report whose ten questions all follow the posting left a network engineer with
    one story; up to four places go to questions a bullet answers with a cue and a
    competency of the question, by the posting's score."""
    from infraprep.tailor import plan as plan_module

    posting = parse_posting(read_path(FIXTURES / "jd/gitlab/site-reliability-engineer.md"), kb)
    cv = read_path(FIXTURES / "cv/written/network-engineer.md")
    profile = parse_profile(cv, TODAY)

    def stories() -> int:
        plan = build_plan(profile, posting, kb, today=TODAY)
        assert len(plan.behavioural) == 10
        return sum(1 for q in plan.behavioural if q.story)

    with_quota = stories()
    monkeypatch.setattr(plan_module, "STORY_QUOTA", 0)
    assert with_quota >= 3 > stories()


def test_tailor_role_plays_follow_the_posting_and_keep_the_cause_for_the_debrief(kb, plan):
    """A monitoring engineer practises the monitoring failure; an SRE gets three different
    kinds of failure. The report carries the page and the impact, never the root cause,
    which `infraprep practice incident` shows only in the debrief."""
    posting = parse_posting(read_path(FIXTURES / "jd/gitlab/monitoring-engineer.md"), kb)
    monitoring = build_plan(parse_profile(text_document(SRE_CV), TODAY), posting, kb, today=TODAY)
    assert "scenario-metrics-cardinality-explosion" in {r.id for r in monitoring.role_plays}
    scenarios = {s.id: s for s in kb.scenarios}
    leading = [scenarios[r.id].competencies[0] for r in plan.role_plays]
    assert len(plan.role_plays) == 3 and len(set(leading)) == 3
    for item in plan.role_plays:
        scenario = scenarios[item.id]
        assert item.alert == scenario.alert and item.title == scenario.title
        assert scenario.root_cause not in render_json(plan).decode()
    studied = {i for block in plan.study_plan for i in block.items}
    assert {r.id for r in plan.role_plays} <= studied  # the plan says when to run them


def test_tailor_a_must_have_named_once_still_gets_a_concept(kb):
    """One Go line among six on monitoring: the Go gap still gets a card to study."""
    posting = parse_posting(read_path(FIXTURES / "jd/gitlab/monitoring-engineer.md"), kb)
    cv = read_path(FIXTURES / "cv/written/ci-infrastructure-engineer.txt")
    profile = parse_profile(cv, TODAY)
    plan = build_plan(profile, posting, kb, today=TODAY)
    go_line = next(r for r in posting.requirements if "applications in Go" in r.text)
    assert any(e.source == "jd" and e.line == go_line.line for c in plan.concepts for e in c.why)


def test_tailor_a_page_of_several_levels_says_which_it_prepares_for(kb, inputs):
    _posting, profile = inputs
    path = FIXTURES / "jd/gitlab/security-incident-response-team.md"
    page = build_plan(profile, parse_posting(read_path(path), kb), kb, today=TODAY)
    chosen = build_plan(
        profile, parse_posting(read_path(path), kb, applying_at="senior"), kb, today=TODAY
    )
    assert any(
        "The page lists 4 levels (mid, senior, staff, manager)" in n and "--level" in n
        for n in page.notices
    )
    assert not any("The page lists" in n for n in chosen.notices)  # the user already chose


def test_tailor_no_engineer_is_asked_a_managers_question(kb):
    """GitLab's SRE page asks its engineers to take part in hiring: the question is about
    interviewing, not 'As a hiring manager, ... the interview loop'."""
    posting = parse_posting(read_path(FIXTURES / "jd/gitlab/site-reliability-engineer.md"), kb)
    cv = read_path(FIXTURES / "cv/written/ci-infrastructure-engineer.txt")
    plan = build_plan(parse_profile(cv, TODAY), posting, kb, today=TODAY)
    managing = {q.id for q in kb.questions if set(q.levels) <= {"manager", "director"}}
    asked = [q.id for q in (*plan.behavioural, *plan.technical)]
    assert posting.level == "senior" and not managing & set(asked)
    assert "beh-interviewed-a-candidate" in asked


def test_tailor_items_above_the_level_fit_less_than_those_below(kb):
    from infraprep.tailor.select import level_fit

    assert level_fit(("manager", "director"), "principal") == 0.0
    assert level_fit(("staff", "principal"), "mid") < level_fit(("junior",), "senior")
    assert level_fit(("senior", "staff"), "staff") == 1.0
    assert level_fit(("staff",), "manager") == 1.0  # managers are asked staff-level design


def test_tailor_a_smart_question_never_calls_the_page_silent_on_what_it_says(kb, inputs):
    """GitLab's SRE page calls the product open source in its opening lines, not in
    its requirements: no "The posting says nothing about open source"."""
    _posting, profile = inputs
    posting = parse_posting(read_path(FIXTURES / "jd/gitlab/site-reliability-engineer.md"), kb)
    assert "open-source" not in posting.competencies  # the requirements do not say it
    plan = build_plan(profile, posting, kb, today=TODAY)
    unsaid = [e.text for a in plan.smart_questions for e in a.why if e.note == "unsaid"]
    assert unsaid and not any("open source" in text for text in unsaid)


def test_tailor_the_loop_follows_the_posting_where_it_describes_its_own(kb, inputs):
    _posting, profile = inputs

    def loop(jd: str) -> dict[str, str]:
        posting = parse_posting(read_path(FIXTURES / "jd" / jd), kb)
        plan = build_plan(profile, posting, kb, today=TODAY)
        return {r.name: r.why[0].source for r in plan.loop}

    # "submit a coding challenge in Go/Make/Helm using GitHub" is done at home
    teleport = loop("teleport/sre.md")
    assert teleport["Take-home exercise"] == "jd"
    assert teleport.get("Coding interview") == "knowledge"  # typical, not what it says
    # Sourcegraph lists every round (a call, an async exercise, architecture, past work,
    # CEO/CTO): no round it does not name
    sourcegraph = loop("sourcegraph/software-engineer-distribution.md")
    assert set(sourcegraph.values()) == {"jd"}
    assert {"Take-home exercise", "System design interview", "Culture and values interview"} <= set(
        sourcegraph
    )


def test_tailor_a_posting_silent_on_level_is_prepared_at_the_cvs(kb):
    jd = (
        "# Site Reliability Engineer\n\nWe run the payments platform that 300 engineers deploy "
        "to every day, across two regions and four clouds.\n\n"
        "## Requirements\n\n- Experience running Kubernetes in production\n"
        "- Experience with Terraform\n"
    )
    cv = (
        "Sam Lee\n## Experience\nSite Reliability Engineer — Acme Cloud\nMar 2016 – Present\n"
        "- Ran 14 Kubernetes clusters with Terraform\n"
    )
    posting = parse_posting(text_document(jd), kb)
    assert posting.level == "mid"  # the posting alone
    plan = build_plan(parse_profile(text_document(cv), TODAY), posting, kb, today=TODAY)
    assert plan.posting.level == "senior"
    assert plan.posting.level_reason.startswith("the posting states no level; the CV's 11 years")
    stated = parse_posting(text_document(jd.replace("# Site", "# Staff Site")), kb)
    kept = build_plan(parse_profile(text_document(cv), TODAY), stated, kb, today=TODAY)
    assert kept.posting.level == "staff"
