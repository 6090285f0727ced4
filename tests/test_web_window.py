"""The stretch of time a page shows: the latest SPAN periods by default, what since and until
ask for otherwise, and links to the stretches before and after only when there is data
there."""

from __future__ import annotations

from storydiff.web.window import SPAN, windowed

MONTHS = [f"{year}-{month:02d}" for year in range(1990, 2020) for month in range(1, 13)]


def _shown(periods, by, **args):
    rows, window = windowed(periods, str, by, args)
    return rows, window


def test_the_latest_span_of_months_is_shown_with_a_link_to_the_earlier_ones():
    rows, window = _shown(MONTHS, "month")
    assert rows == MONTHS[-SPAN["month"] :]
    assert (window.since, window.until) == ("2010-01-01", "2019-12-31")
    assert (window.first, window.last) == ("1990-01-01", "2019-12-31")
    assert window.earlier == "2009-12-31" and window.later is None


def test_the_window_before_ends_where_the_link_says_and_links_on_both_sides():
    rows, window = _shown(MONTHS, "month", until="2009-12-31")
    assert rows == MONTHS[-2 * SPAN["month"] : -SPAN["month"]]
    assert window.earlier == "1999-12-31" and window.later == "2010-01-01"
    rows, window = _shown(MONTHS, "month", since=window.later)
    assert rows == MONTHS[-SPAN["month"] :] and window.later is None


def test_since_and_until_together_are_shown_as_asked():
    rows, window = _shown(MONTHS, "month", since="1995-03-01", until="1995-05-31")
    assert rows == ["1995-03", "1995-04", "1995-05"]


def test_a_short_trend_is_shown_whole_without_links():
    weeks = ["2018-W35", "2018-W36", "2019-W02"]
    rows, window = _shown(weeks, "week")
    assert rows == weeks and window.earlier is None and window.later is None
    assert (window.first, window.last) == ("2018-08-27", "2019-01-20")


def test_weeks_are_counted_in_weeks():
    weeks = [f"{year}-W{week:02d}" for year in (2015, 2016, 2017, 2018) for week in range(1, 53)]
    rows, window = _shown(weeks, "week")
    assert len(rows) in (SPAN["week"], SPAN["week"] + 1)  # a year's week 00 may fall inside
    assert rows[-1] == "2018-W52" and window.earlier is not None


def test_periods_that_are_not_dates_are_all_kept_and_a_bad_date_is_the_default():
    assert _shown(["unknown", "other"], "month")[0] == ["unknown", "other"]
    assert _shown(MONTHS, "month", since="not a date")[0] == MONTHS[-SPAN["month"] :]
