"""What counts as a number in a STAR result: the flag "result has no number" rests on it."""

from __future__ import annotations

import pytest

from infraprep.parse.metrics import metrics_in


@pytest.mark.parametrize(
    ("bullet", "numbers"),
    [
        # a count, not "to 70": the R line then reads "Your bullet states 70 services"
        ("Rolled out OpenTelemetry tracing to 70 services, with the Collector", ["70 services"]),
        (
            "Run 38 Prometheus servers behind Thanos, about 11 million active series",
            ["38 Prometheus servers", "11 million"],
        ),
        ("Cut pages per on-call week from 31 to 6", ["from 31", "to 6"]),
        ("Grew the team from 3 to 40 engineers", ["from 3", "40 engineers"]),
        ("Reduced build time by 30% in 2021", ["by 30%"]),
        # a share of a count is the share: not "to 12" with the "%" left behind
        ("Errors fell to 12% of requests", ["12%"]),
        ("Scaled the fleet to 1,200 Linux hosts", ["1,200 Linux hosts"]),
    ],
)
def test_metrics_are_the_quantities_a_result_states(bullet, numbers):
    assert metrics_in(bullet) == numbers


@pytest.mark.parametrize(
    "bullet",
    ["Moved the racks to 2019 hardware", "Wrote Go tooling for the build farm", "Joined in 2021"],
)
def test_years_and_words_are_no_result(bullet):
    assert metrics_in(bullet) == []
