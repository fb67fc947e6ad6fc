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
        ("Bangalore ( Jun 06 - Jul 11)", "2006-06", "2011-07"),
        ("Jan '17 – present", "2017-01", "present"),
        ("Mar 99 – Dec 03", "1999-03", "2003-12"),
        ("Mar 2014 current", "2014-03", "present"),
        ("20122016", "2012", "2016"),
        ("Aug-Sept 2014", "2014-08", "2014-09"),
        ("January to May 2009", "2009-01", "2009-05"),
        ("1992-95: SENIOR LEGAL OFFICER", "1992", "1995"),
        ("from Dec' 2015 to Sept' 2016", "2015-12", "2016-09"),
        ("since Oct- 2008 to Jan 2014, with", "2008-10", "2014-01"),
        ("Jan-2014 to Jun-2015", "2014-01", "2015-06"),
        ("Harvard University, 2009 to the present.", "2009", "present"),
        ("Since: September 1st 2014 Until: Currently", "2014-09", "present"),
        ("June 13, 2015 - August 31st 2016", "2015-06", "2016-08"),
        ("2/1/2012 - Current", "2012-02", "present"),
        ("8/1/2008 - 1/1/2012", "2008-08", "2012-01"),
        ("8/07-12/09", "2007-08", "2009-12"),
        ("6/04 -12/04 Special Education Teacher", "2004-06", "2004-12"),
        ("August 2014 —", "2014-08", "present"),
        ("Software Engineer, Apple, 2019 -", "2019", "present"),
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


@pytest.mark.parametrize(
    "line",
    [
        "In 2014 current projects were moved",  # "current" inside a sentence is no end date
        "June 13, 2015 was the launch",  # a month and a day, not a two-digit year
        "20162012",  # glued years must still run forwards
        "2010-11",  # November 2010 as often as 2010-2011: not read as a range
        "Call back on 12/09",  # one month/two-digit pair alone could be a day
    ],
)
def test_parse_dates_not_ranges(line):
    assert find_range(line) is None


def test_parse_dates_a_range_broken_over_two_lines_is_joined():
    from infraprep.parse.dates import join_split_range

    assert join_split_range("Mar 2014", "current") == "Mar 2014 – current"
    assert join_split_range("Dec 2008 –", "July 2011") == "Dec 2008 – July 2011"
    assert join_split_range("Analyst (TA) (Dec 2008", "July 2011)") == (
        "Analyst (TA) (Dec 2008 – July 2011)"
    )
    # two publication years in a row, newest first, are not one range
    assert join_split_range("2015", "2014") is None
    assert join_split_range("Graduated May 2012", "Senior Secondary") is None
