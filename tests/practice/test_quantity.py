"""Numbers as candidates type them, read in the unit the drill asks for."""

from __future__ import annotations

import pytest

from infraprep.errors import UsageError
from infraprep.knowledge import KnowledgeBase
from infraprep.practice import read_quantity, unit_of


@pytest.mark.parametrize(
    ("typed", "unit", "value"),
    [
        ("30M", "evaluations/s", 30e6),
        ("30 million", "evaluations/s", 30e6),
        ("2,250", "instances", 2250),
        ("2250 pods", "instances", 2250),
        ("~389 GB", "GB", 389),
        ("about 1.5e6", "series", 1.5e6),
        ("0.4 TB", "GB", 400),
        ("400GiB", "GB", 400 * 2**30 / 1e9),
        ("25.9GB", "GB", 25.9),
        ("500b", "GB", 500e-9),
        ("37%", "fraction", 0.37),
        ("0.37", "fraction", 0.37),
        ("$1.2k", "USD", 1200),
        ("45m", "minutes", 45),
        ("1.5 hours", "minutes", 90),
        ("2 days", "hours", 48),
        ("320 Mbps", "Gbit/s", 0.32),
        ("40 MB/s", "Gbit/s", 0.32),
        ("3x", "x", 3),
        ("30M/s", "requests/s", 30e6),
        ("2.5bn", "requests", 2.5e9),
    ],
)
def test_a_typed_number_is_read_in_the_drills_unit(typed: str, unit: str, value: float):
    assert read_quantity(typed, unit) == pytest.approx(value)


@pytest.mark.parametrize(
    ("typed", "unit", "problem"),
    [
        ("lots", "GB", "is not a number"),
        ("", "GB", "is not a number"),
        ("4 GB", "instances", "count of instances"),
        ("4 hours", "GB", "cannot be turned into GB"),
        ("40 MB", "MB/s", "cannot be turned into MB/s"),
    ],
)
def test_a_number_in_another_kind_of_unit_is_refused_by_name(typed: str, unit: str, problem: str):
    with pytest.raises(UsageError) as caught:
        read_quantity(typed, unit)
    assert problem in caught.value.message and caught.value.hint


def test_every_checked_number_in_the_knowledge_base_reads_back_in_its_own_unit(
    kb: KnowledgeBase,
):
    answers = [a for d in kb.drills for a in d.answers]
    assert len(answers) > 50
    for answer in answers:
        unit_of(answer.unit)  # every unit the drills use is one the reader knows or counts
        assert read_quantity(f"{answer.value:g} {answer.unit}", answer.unit) == pytest.approx(
            answer.value
        ), answer
