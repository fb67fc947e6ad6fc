"""Estimation drills checked to the number, each within its own tolerance."""

from __future__ import annotations

from infraprep.knowledge import KnowledgeBase
from infraprep.knowledge.schema import Answer
from infraprep.practice import find_estimation, score, verdict_for

SERIES = Answer(name="Active series", value=3_000_000, unit="series", tolerance=0.1)


def test_an_answer_inside_its_tolerance_is_right_and_says_against_what():
    verdict = verdict_for(SERIES, 3.2e6)
    assert verdict.within
    assert verdict.explain() == ("within tolerance: 3,200,000 against 3,000,000 series (±10%)")


def test_a_wrong_answer_says_which_way_and_by_how_much():
    assert verdict_for(SERIES, 3.6e6).explain().startswith("20% too high")
    assert verdict_for(SERIES, 1e6).off_by() == "3.0x too low"
    assert verdict_for(SERIES, 3e7).off_by() == "10.0x too high"


def test_the_tolerance_edge_counts_as_in():
    instances = Answer(name="Instances", value=1500, unit="instances", tolerance=0.2)
    assert verdict_for(instances, 1800).within
    assert not verdict_for(instances, 1801).within


def test_a_drill_is_scored_over_all_its_numbers_with_skips_named(kb: KnowledgeBase):
    drill = find_estimation(kb, "drill-est-prometheus-storage")
    given: dict[str, float | None] = {
        "Active series": 3e6,
        "Samples ingested per second": 2e6,  # forgot to divide by the scrape interval
        "Disk per day": 26,
    }
    result = score(drill, given)
    assert [v.within for v in result.verdicts] == [True, False, True, False]
    assert result.summary() == "2 of 4 numbers within tolerance, 1 skipped"
    assert result.verdicts[1].off_by() == "10.0x too high"
