from __future__ import annotations

import datetime as dt

import pytest

from infraprep.parse.dates import find_range, normalise_date, total_years


@pytest.mark.parametrize(
    ("line", "start", "end"),
    [
        ("Mar 2020 – Present", "2020-03", "present"),
        ("Senior SRE, Acme, Sept 2019 - Jan 2021", "2019-09", "2021-01"),
        ("February 2016 to Present", "2016-02", "present"),
        ("03/2018 - 11/2019", "2018-03", "2019-11"),
        ("2016 - 2020", "2016", "2020"),
        ("2019-04 – 2022-12", "2019-04", "2022-12"),
        ("(September 2017 onwards)", "2017-09", "present"),
        ("June 2018 – February 2021", "2018-06", "2021-02"),
        ("from 5th October, 2015 till date", "2015-10", "present"),
        ("since Feb 2018", "2018-02", "present"),
    ],
)
def test_parse_dates_ranges(line, start, end):
    rng = find_range(line)
    assert rng is not None
    assert (rng.start, rng.end) == (start, end)


def test_parse_dates_rejects_backwards_and_plain_numbers():
    assert find_range("2021 - 2019") is None
    assert find_range("Reduced latency by 2000 ms") is None
    assert find_range("Cut the cloud bill steadily since 2019 by 30%") is None


def test_parse_dates_normalise():
    assert normalise_date("Sept 2019") == "2019-09"
    assert normalise_date("now") == "present"


def test_parse_dates_total_years_does_not_double_count_overlaps():
    today = dt.date(2026, 1, 1)
    years = total_years([("2020-01", "2021-12"), ("2021-01", "2022-12")], today)
    assert years == 3.0
    assert total_years([("2024-01", "present")], today) == 2.1  # the current month counts
