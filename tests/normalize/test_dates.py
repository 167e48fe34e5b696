"""normalize_date: (expression, reference date, tense) → TIMEX3 value and calendar interval."""

from __future__ import annotations

import datetime as dt

import pytest

from extract.normalize.dates import DateValue, clean_date_text, normalize_date, one_before
from extract.normalize.dates_reference import dateline_day, infer_reference_date, latest_year_guess

R = "2020-10-22"  # the seed article's inferred reference: a Thursday
W = "1989-10-26"  # a Thursday of TimeBank's Wall Street Journal
A = "1998-02-13"  # a Friday
N = "1987-06-29"  # a Monday of Reuters-21578

# expression, reference, tense, timex, start, end, grain, mod
CASES = [
    # the seed article
    ("October 22", R, "past", "2020-10-22", "2020-10-22", "2020-10-22", "day", None),
    ("September 25 this year", R, "past", "2020-09-25", "2020-09-25", "2020-09-25", "day", None),
    ("June 2020", R, "past", "2020-06", "2020-06-01", "2020-06-30", "month", None),
    ("April 28 this year", R, "past", "2020-04-28", "2020-04-28", "2020-04-28", "day", None),
    ("May 31", R, "past", "2020-05-31", "2020-05-31", "2020-05-31", "day", None),
    ("last April 24", R, "past", "2020-04-24", "2020-04-24", "2020-04-24", "day", None),
    ("last December 3", R, "past", "2019-12-03", "2019-12-03", "2019-12-03", "day", None),
    ("next April 24", R, "future", "2021-04-24", "2021-04-24", "2021-04-24", "day", None),
    ("next December 3", R, "future", "2020-12-03", "2020-12-03", "2020-12-03", "day", None),
    ("March", R, "past", "2020-03", "2020-03-01", "2020-03-31", "month", None),
    ("three months", R, "past", "P3M", None, None, "month", None),
    ("2014", R, "past", "2014", "2014-01-01", "2014-12-31", "year", None),
    ("2016", R, "past", "2016", "2016-01-01", "2016-12-31", "year", None),
    ("2019", R, "past", "2019", "2019-01-01", "2019-12-31", "year", None),
    ("the beginning of 2019", R, "past", "2019", "2019-01-01", "2019-12-31", "year", "START"),
    ("five years", R, "future", "P5Y", None, None, "year", None),
    ("twenty years", R, "future", "P20Y", None, None, "year", None),
    ("this year", R, "present", "2020", "2020-01-01", "2020-12-31", "year", None),
    ("From 2014 to June 2020", R, "past", "2014/2020-06", "2014-01-01", "2020-06-30", "year", None),
    ("not long ago", R, "past", "PAST_REF", None, None, None, None),
    # full and partial calendar dates
    ("2020-10-22", None, "past", "2020-10-22", "2020-10-22", "2020-10-22", "day", None),
    ("10/22/2020", None, "past", "2020-10-22", "2020-10-22", "2020-10-22", "day", None),
    ("22/10/2020", None, "past", "2020-10-22", "2020-10-22", "2020-10-22", "day", None),
    ("22.10.2020", None, "past", "2020-10-22", "2020-10-22", "2020-10-22", "day", None),
    ("October 22, 2020", None, "past", "2020-10-22", "2020-10-22", "2020-10-22", "day", None),
    ("Oct. 22, 2020", None, "past", "2020-10-22", "2020-10-22", "2020-10-22", "day", None),
    ("22 October 2020", None, "past", "2020-10-22", "2020-10-22", "2020-10-22", "day", None),
    (
        "the 22nd of October, 2020",
        None,
        "past",
        "2020-10-22",
        "2020-10-22",
        "2020-10-22",
        "day",
        None,
    ),
    (
        "Thursday, October 22, 2020",
        None,
        "past",
        "2020-10-22",
        "2020-10-22",
        "2020-10-22",
        "day",
        None,
    ),
    ("November three, 1986", None, "past", "1986-11-03", "1986-11-03", "1986-11-03", "day", None),
    ("Feb. 29, 2020", None, "past", "2020-02-29", "2020-02-29", "2020-02-29", "day", None),
    ("June of 2020", None, "past", "2020-06", "2020-06-01", "2020-06-30", "month", None),
    ("Sept. 2019", None, "past", "2019-09", "2019-09-01", "2019-09-30", "month", None),
    ("2020-06", None, "past", "2020-06", "2020-06-01", "2020-06-30", "month", None),
    ("fiscal 1989", None, "past", "1989", "1989-01-01", "1989-12-31", "year", None),
    ("the year 2000", None, "past", "2000", "2000-01-01", "2000-12-31", "year", None),
    ("nineteen ninety-six", None, "past", "1996", "1996-01-01", "1996-12-31", "year", None),
    ("the year two thousand", None, "past", "2000", "2000-01-01", "2000-12-31", "year", None),
    ("the 1990s", None, "past", "199", "1990-01-01", "1999-12-31", "decade", None),
    ("1980s", None, "past", "198", "1980-01-01", "1989-12-31", "decade", None),
    ("the '90s", None, "past", "199", "1990-01-01", "1999-12-31", "decade", None),
    ("the nineties", None, "past", "199", "1990-01-01", "1999-12-31", "decade", None),
    ("the 20th century", None, "past", "19", "1900-01-01", "1999-12-31", "century", None),
    ("the twenty-first century", None, "past", "20", "2000-01-01", "2099-12-31", "century", None),
    # quarters, halves, seasons
    ("Q3 2019", None, "past", "2019-Q3", "2019-07-01", "2019-09-30", "quarter", None),
    ("2019 Q4", None, "past", "2019-Q4", "2019-10-01", "2019-12-31", "quarter", None),
    (
        "the third quarter of 2019",
        None,
        "past",
        "2019-Q3",
        "2019-07-01",
        "2019-09-30",
        "quarter",
        None,
    ),
    ("the fiscal first quarter", W, "past", "1989-Q1", "1989-01-01", "1989-03-31", "quarter", None),
    ("the third quarter", R, "past", "2020-Q3", "2020-07-01", "2020-09-30", "quarter", None),
    ("third-quarter", W, "past", "1989-Q3", "1989-07-01", "1989-09-30", "quarter", None),
    ("third-quarter", W, "future", "1989-Q3", "1989-07-01", "1989-09-30", "quarter", None),
    ("the first quarter", R, "future", "2021-Q1", "2021-01-01", "2021-03-31", "quarter", None),
    ("the quarter", W, "past", "1989-Q3", "1989-07-01", "1989-09-30", "quarter", None),
    ("the latest quarter", W, "present", "1989-Q3", "1989-07-01", "1989-09-30", "quarter", None),
    ("the year-ago quarter", W, "past", "1988-Q3", "1988-07-01", "1988-09-30", "quarter", None),
    ("the first half of 2019", None, "past", "2019-H1", "2019-01-01", "2019-06-30", "half", None),
    ("H2 2018", None, "past", "2018-H2", "2018-07-01", "2018-12-31", "half", None),
    ("the second half", R, "past", "2020-H2", "2020-07-01", "2020-12-31", "half", None),
    ("the last half of 1989", None, "past", "1989-H2", "1989-07-01", "1989-12-31", "half", None),
    ("spring 2019", None, "past", "2019-SP", "2019-03-01", "2019-05-31", "season", None),
    ("the summer of 2018", None, "past", "2018-SU", "2018-06-01", "2018-08-31", "season", None),
    ("winter 2019", None, "past", "2019-WI", "2019-12-01", "2020-02-29", "season", None),
    ("summer", R, "past", "2020-SU", "2020-06-01", "2020-08-31", "season", None),
    ("winter", R, "past", "2019-WI", "2019-12-01", "2020-02-29", "season", None),
    ("last summer", R, "past", "2020-SU", "2020-06-01", "2020-08-31", "season", None),
    ("next spring", R, "future", "2021-SP", "2021-03-01", "2021-05-31", "season", None),
    ("this winter", R, "future", "2020-WI", "2020-12-01", "2021-02-28", "season", None),
    ("this summer", A, "future", "1998-SU", "1998-06-01", "1998-08-31", "season", None),
    ("last fall", A, "past", "1997-FA", "1997-09-01", "1997-11-30", "season", None),
    # year-less dates follow the tense
    ("March", R, "future", "2021-03", "2021-03-01", "2021-03-31", "month", None),
    ("December", R, "past", "2019-12", "2019-12-01", "2019-12-31", "month", None),
    ("December", R, "future", "2020-12", "2020-12-01", "2020-12-31", "month", None),
    ("December", R, "present", "2020-12", "2020-12-01", "2020-12-31", "month", None),
    ("October", R, "past", "2020-10", "2020-10-01", "2020-10-31", "month", None),
    ("October", R, "future", "2020-10", "2020-10-01", "2020-10-31", "month", None),
    ("April 28", R, "future", "2021-04-28", "2021-04-28", "2021-04-28", "day", None),
    ("October 21", R, "future", "2020-10-21", "2020-10-21", "2020-10-21", "day", None),
    ("October 20", R, "future", "2021-10-20", "2021-10-20", "2021-10-20", "day", None),
    ("November 3", R, "past", "2020-11-03", "2020-11-03", "2020-11-03", "day", None),
    ("December 15", R, "past", "2019-12-15", "2019-12-15", "2019-12-15", "day", None),
    ("November 3", R, "present", "2020-11-03", "2020-11-03", "2020-11-03", "day", None),
    ("Jan. 14", "2000-01-06", "present", "2000-01-14", "2000-01-14", "2000-01-14", "day", None),
    ("April 28 last year", R, "past", "2019-04-28", "2019-04-28", "2019-04-28", "day", None),
    ("March next year", R, "future", "2021-03", "2021-03-01", "2021-03-31", "month", None),
    # weekdays and named days
    ("Friday", R, "past", "2020-10-16", "2020-10-16", "2020-10-16", "day", None),
    ("on Friday", R, "future", "2020-10-23", "2020-10-23", "2020-10-23", "day", None),
    ("Friday", R, "present", "2020-10-23", "2020-10-23", "2020-10-23", "day", None),
    ("Thursday", R, "past", "2020-10-22", "2020-10-22", "2020-10-22", "day", None),
    ("Thursday", R, "future", "2020-10-29", "2020-10-29", "2020-10-29", "day", None),
    # present tense leans forward: two days back to four ahead
    ("Monday", R, "present", "2020-10-26", "2020-10-26", "2020-10-26", "day", None),
    ("Tuesday", R, "present", "2020-10-20", "2020-10-20", "2020-10-20", "day", None),
    ("Sunday", R, "present", "2020-10-25", "2020-10-25", "2020-10-25", "day", None),
    ("Friday", A, "past", "1998-02-13", "1998-02-13", "1998-02-13", "day", None),
    ("Friday", A, "future", "1998-02-20", "1998-02-20", "1998-02-20", "day", None),
    ("last Friday", R, "past", "2020-10-16", "2020-10-16", "2020-10-16", "day", None),
    ("last Thursday", R, "past", "2020-10-15", "2020-10-15", "2020-10-15", "day", None),
    ("next Friday", R, "future", "2020-10-23", "2020-10-23", "2020-10-23", "day", None),
    ("next Thursday", R, "future", "2020-10-29", "2020-10-29", "2020-10-29", "day", None),
    ("this Friday", R, "future", "2020-10-23", "2020-10-23", "2020-10-23", "day", None),
    ("yesterday", R, "past", "2020-10-21", "2020-10-21", "2020-10-21", "day", None),
    ("today", R, "present", "2020-10-22", "2020-10-22", "2020-10-22", "day", None),
    ("tomorrow", R, "future", "2020-10-23", "2020-10-23", "2020-10-23", "day", None),
    ("the day before yesterday", R, "past", "2020-10-20", "2020-10-20", "2020-10-20", "day", None),
    # deictic periods
    ("this week", R, "past", "2020-W43", "2020-10-19", "2020-10-25", "week", None),
    ("last week", R, "past", "2020-W42", "2020-10-12", "2020-10-18", "week", None),
    ("next week", R, "future", "2020-W44", "2020-10-26", "2020-11-01", "week", None),
    ("this week", W, "past", "1989-W43", "1989-10-23", "1989-10-29", "week", None),
    ("this weekend", R, "future", "2020-W43-WE", "2020-10-24", "2020-10-25", "week", None),
    ("last weekend", R, "past", "2020-W42-WE", "2020-10-17", "2020-10-18", "week", None),
    ("the weekend", R, "past", "2020-W42-WE", "2020-10-17", "2020-10-18", "week", None),
    (
        "the week of March 6",
        "2000-02-24",
        "future",
        "2000-W10",
        "2000-03-06",
        "2000-03-12",
        "week",
        None,
    ),
    (
        "the week ended February 22",
        "1987-02-26",
        "past",
        "1987-W08",
        "1987-02-16",
        "1987-02-22",
        "week",
        None,
    ),
    ("last month", R, "past", "2020-09", "2020-09-01", "2020-09-30", "month", None),
    ("this month", R, "past", "2020-10", "2020-10-01", "2020-10-31", "month", None),
    ("next month", R, "future", "2020-11", "2020-11-01", "2020-11-30", "month", None),
    ("earlier this month", R, "past", "2020-10", "2020-10-01", "2020-10-31", "month", None),
    ("later this year", R, "future", "2020", "2020-01-01", "2020-12-31", "year", None),
    ("this quarter", R, "present", "2020-Q4", "2020-10-01", "2020-12-31", "quarter", None),
    ("last quarter", R, "past", "2020-Q3", "2020-07-01", "2020-09-30", "quarter", None),
    ("next quarter", R, "future", "2021-Q1", "2021-01-01", "2021-03-31", "quarter", None),
    ("last year", R, "past", "2019", "2019-01-01", "2019-12-31", "year", None),
    ("next year", R, "future", "2021", "2021-01-01", "2021-12-31", "year", None),
    ("the current year", R, "present", "2020", "2020-01-01", "2020-12-31", "year", None),
    ("this decade", R, "present", "202", "2020-01-01", "2029-12-31", "decade", None),
    ("last decade", R, "past", "201", "2010-01-01", "2019-12-31", "decade", None),
    ("this century", R, "present", "20", "2000-01-01", "2099-12-31", "century", None),
    ("last April", R, "past", "2020-04", "2020-04-01", "2020-04-30", "month", None),
    ("next April", R, "future", "2021-04", "2021-04-01", "2021-04-30", "month", None),
    ("last December", R, "past", "2019-12", "2019-12-01", "2019-12-31", "month", None),
    ("next November", R, "future", "2020-11", "2020-11-01", "2020-11-30", "month", None),
    ("two years ago", R, "past", "2018", "2018-01-01", "2018-12-31", "year", None),
    ("three months ago", R, "past", "2020-07", "2020-07-01", "2020-07-31", "month", None),
    ("two weeks ago", R, "past", "2020-W41", "2020-10-05", "2020-10-11", "week", None),
    ("five days ago", R, "past", "2020-10-17", "2020-10-17", "2020-10-17", "day", None),
    ("a decade ago", R, "past", "2010", "2010-01-01", "2010-12-31", "year", None),
    ("two quarters ago", R, "past", "2020-Q2", "2020-04-01", "2020-06-30", "quarter", None),
    ("three days later", R, "past", "P3D", None, None, "day", None),
    ("a year earlier", R, "past", "2019", "2019-01-01", "2019-12-31", "year", None),
    ("year-ago", R, "past", "2019", "2019-01-01", "2019-12-31", "year", None),
    ("two years from now", R, "future", "2022", "2022-01-01", "2022-12-31", "year", None),
    # times of day: kept only with a day
    ("tonight", R, "future", "2020-10-22TNI", "2020-10-22", "2020-10-22", "time", None),
    ("last night", R, "past", "2020-10-21TNI", "2020-10-21", "2020-10-21", "time", None),
    ("this morning", R, "past", "2020-10-22TMO", "2020-10-22", "2020-10-22", "time", None),
    ("yesterday afternoon", R, "past", "2020-10-21TAF", "2020-10-21", "2020-10-21", "time", None),
    ("Tuesday morning", R, "past", "2020-10-20TMO", "2020-10-20", "2020-10-20", "time", None),
    ("Friday night", R, "future", "2020-10-23TNI", "2020-10-23", "2020-10-23", "time", None),
    ("10 p.m. Wednesday", R, "past", "2020-10-21T22:00", "2020-10-21", "2020-10-21", "time", None),
    ("noon Thursday", R, "past", "2020-10-22T12:00", "2020-10-22", "2020-10-22", "time", None),
    (
        "5 p.m. EST, Nov. 6",
        R,
        "future",
        "2020-11-06T17:00",
        "2020-11-06",
        "2020-11-06",
        "time",
        None,
    ),
    (
        "10:30 a.m. on October 5, 2019",
        None,
        "past",
        "2019-10-05T10:30",
        "2019-10-05",
        "2019-10-05",
        "time",
        None,
    ),
    # durations
    ("twelve hours", None, "past", "PT12H", None, None, "time", None),
    ("30 minutes", None, "past", "PT30M", None, None, "time", None),
    ("45 seconds", None, "past", "PT45S", None, None, "time", None),
    ("two-year", None, "past", "P2Y", None, None, "year", None),
    ("a decade", None, "past", "P10Y", None, None, "decade", None),
    ("two decades", None, "past", "P20Y", None, None, "decade", None),
    ("a century", None, "past", "P100Y", None, None, "century", None),
    ("a fortnight", None, "past", "P2W", None, None, "week", None),
    ("several years", None, "past", "PXY", None, None, "year", None),
    ("a few days", None, "past", "PXD", None, None, "day", None),
    ("recent years", None, "past", "PXY", None, None, "year", None),
    ("the past two weeks", None, "past", "P2W", None, None, "week", None),
    ("the next five years", None, "future", "P5Y", None, None, "year", None),
    ("the first nine months", None, "past", "P9M", None, None, "month", None),
    ("a couple of years", None, "past", "P2Y", None, None, "year", None),
    ("two and a half years", None, "past", "P2Y6M", None, None, "year", None),
    ("2 1/2 years", None, "past", "P2Y6M", None, None, "year", None),
    ("5 1/2 hours", None, "past", "PT5H30M", None, None, "time", None),
    ("a year and a half", None, "past", "P1Y6M", None, None, "year", None),
    ("the fiscal year", None, "past", "P1Y", None, None, "year", None),
    ("eight trading days", None, "past", "P8D", None, None, "day", None),
    ("24-hour", None, "past", "PT24H", None, None, "time", None),
    ("nearly two years", None, "past", "P2Y", None, None, "year", "LESS_THAN"),
    ("more than three months", None, "past", "P3M", None, None, "month", "MORE_THAN"),
    ("at least 72 hours", None, "past", "PT72H", None, None, "time", "EQUAL_OR_MORE"),
    ("about a decade", None, "past", "P10Y", None, None, "decade", "APPROX"),
    ("up to six months", None, "past", "P6M", None, None, "month", "EQUAL_OR_LESS"),
    ("three months or so", None, "past", "P3M", None, None, "month", "APPROX"),
    # holidays
    ("Christmas", R, "past", "2019-12-25", "2019-12-25", "2019-12-25", "day", None),
    ("Christmas", R, "future", "2020-12-25", "2020-12-25", "2020-12-25", "day", None),
    (
        "Thanksgiving Day",
        "1999-11-20",
        "future",
        "1999-11-25",
        "1999-11-25",
        "1999-11-25",
        "day",
        None,
    ),
    ("New Year's Day", R, "future", "2021-01-01", "2021-01-01", "2021-01-01", "day", None),
    ("Christmas 2018", None, "past", "2018-12-25", "2018-12-25", "2018-12-25", "day", None),
    ("Christmas", None, "past", "XXXX-12-25", None, None, "day", None),
    # sets
    ("daily", None, "past", "P1D", None, None, "day", None),
    ("weekly", None, "past", "P1W", None, None, "week", None),
    ("every month", None, "past", "P1M", None, None, "month", None),
    ("each year", None, "past", "P1Y", None, None, "year", None),
    ("hourly", None, "past", "PT1H", None, None, "time", None),
    ("every Thursday", None, "past", "XXXX-WXX-4", None, None, "day", None),
    ("each July", None, "past", "XXXX-07", None, None, "month", None),
    ("every summer", None, "past", "XXXX-SU", None, None, "season", None),
    ("Tuesday nights", None, "past", "XXXX-WXX-2TNI", None, None, "day", None),
    # present, past and future references
    ("now", R, "present", "PRESENT_REF", None, None, None, None),
    ("currently", R, "present", "PRESENT_REF", None, None, None, None),
    ("nowadays", None, "present", "PRESENT_REF", None, None, None, None),
    ("recently", R, "past", "PAST_REF", None, None, None, None),
    ("in the past", R, "past", "PAST_REF", None, None, None, None),
    ("the future", R, "future", "FUTURE_REF", None, None, None, None),
    ("in the near future", R, "future", "FUTURE_REF", None, None, None, None),
    ("several years ago", R, "past", "PAST_REF", None, None, None, None),
    # modifiers
    ("mid-2020", None, "past", "2020", "2020-01-01", "2020-12-31", "year", "MID"),
    ("late March", R, "past", "2020-03", "2020-03-01", "2020-03-31", "month", "END"),
    ("early 2019", None, "past", "2019", "2019-01-01", "2019-12-31", "year", "START"),
    ("the end of 2019", None, "past", "2019", "2019-01-01", "2019-12-31", "year", "END"),
    ("around 1990", None, "past", "1990", "1990-01-01", "1990-12-31", "year", "APPROX"),
    ("before 2015", None, "past", "2015", None, "2014-12-31", "year", "BEFORE"),
    ("after 2015", None, "past", "2015", "2016-01-01", None, "year", "AFTER"),
    ("2019 or earlier", None, "past", "2019", None, "2019-12-31", "year", "ON_OR_BEFORE"),
    ("the mid-1990s", None, "past", "199", "1990-01-01", "1999-12-31", "decade", "MID"),
    ("the early 1980s", None, "past", "198", "1980-01-01", "1989-12-31", "decade", "START"),
    ("early next year", R, "future", "2021", "2021-01-01", "2021-12-31", "year", "START"),
    ("the end of the year", R, "future", "2020", "2020-01-01", "2020-12-31", "year", "END"),
    ("year-end", R, "future", "2020", "2020-01-01", "2020-12-31", "year", "END"),
    ("late-November", R, "past", "2019-11", "2019-11-01", "2019-11-30", "month", "END"),
    ("mid-June", R, "past", "2020-06", "2020-06-01", "2020-06-30", "month", "MID"),
    ("about two years ago", R, "past", "2018", "2018-01-01", "2018-12-31", "year", "APPROX"),
    # ranges
    (
        "between May and July",
        R,
        "past",
        "2020-05/2020-07",
        "2020-05-01",
        "2020-07-31",
        "month",
        None,
    ),
    (
        "between May and July 2019",
        None,
        "past",
        "2019-05/2019-07",
        "2019-05-01",
        "2019-07-31",
        "month",
        None,
    ),
    (
        "from December to March 2020",
        None,
        "past",
        "2019-12/2020-03",
        "2019-12-01",
        "2020-03-31",
        "month",
        None,
    ),
    ("1998-2001", None, "past", "1998/2001", "1998-01-01", "2001-12-31", "year", None),
    ("1998-99", None, "past", "1998/1999", "1998-01-01", "1999-12-31", "year", None),
    ("2011-12", None, "past", "2011/2012", "2011-01-01", "2012-12-31", "year", None),
    (
        "June 3-5, 2020",
        None,
        "past",
        "2020-06-03/2020-06-05",
        "2020-06-03",
        "2020-06-05",
        "day",
        None,
    ),
    (
        "from Monday to Wednesday",
        R,
        "past",
        "2020-10-19/2020-10-21",
        "2020-10-19",
        "2020-10-21",
        "day",
        None,
    ),
    (
        "January through March",
        R,
        "past",
        "2020-01/2020-03",
        "2020-01-01",
        "2020-03-31",
        "month",
        None,
    ),
    ("from 1990 to 1995", None, "past", "1990/1995", "1990-01-01", "1995-12-31", "year", None),
    # without a reference date: placeholders, no interval
    ("October 22", None, "past", "XXXX-10-22", None, None, "day", None),
    ("April 28 this year", None, "past", "XXXX-04-28", None, None, "day", None),
    ("March", None, "past", "XXXX-03", None, None, "month", None),
    ("on Tuesday", None, "past", "XXXX-WXX-2", None, None, "day", None),
    ("yesterday", None, "past", "XXXX-XX-XX", None, None, "day", None),
    ("last year", None, "past", "XXXX", None, None, "year", None),
    ("the third quarter", None, "past", "XXXX-Q3", None, None, "quarter", None),
    ("spring", None, "past", "XXXX-SP", None, None, "season", None),
    ("last week", None, "past", "XXXX-WXX", None, None, "week", None),
    ("two years ago", None, "past", "XXXX", None, None, "year", None),
    ("Friday", W, "present", "1989-10-27", "1989-10-27", "1989-10-27", "day", None),
    ("Saturday", W, "present", "1989-10-28", "1989-10-28", "1989-10-28", "day", None),
    ("Monday", W, "present", "1989-10-30", "1989-10-30", "1989-10-30", "day", None),
    # days of the month in words (Reuters: "Pay May one")
    ("May one", R, "past", "2020-05-01", "2020-05-01", "2020-05-01", "day", None),
    ("April one", "1987-03-20", "present", "1987-04-01", "1987-04-01", "1987-04-01", "day", None),
    ("March eighth", A, "present", "1998-03-08", "1998-03-08", "1998-03-08", "day", None),
    ("May twenty-first", R, "past", "2020-05-21", "2020-05-21", "2020-05-21", "day", None),
    ("July one, 1987", None, "past", "1987-07-01", "1987-07-01", "1987-07-01", "day", None),
    ("May one", None, "past", "XXXX-05-01", None, None, "day", None),
    # years in words after a month or a season (broadcast transcripts)
    (
        "January nineteen ninety-seven",
        None,
        "past",
        "1997-01",
        "1997-01-01",
        "1997-01-31",
        "month",
        None,
    ),
    (
        "the winter of nineteen ninety-four",
        None,
        "past",
        "1994-WI",
        "1994-12-01",
        "1995-02-28",
        "season",
        None,
    ),
    (
        "June two thousand and one",
        None,
        "past",
        "2001-06",
        "2001-06-01",
        "2001-06-30",
        "month",
        None,
    ),
    # fiscal years named from the reference
    ("the current fiscal year", W, "present", "1989", "1989-01-01", "1989-12-31", "year", None),
    ("the latest fiscal year", W, "past", "1988", "1988-01-01", "1988-12-31", "year", None),
    ("next fiscal year", W, "future", "1990", "1990-01-01", "1990-12-31", "year", None),
    ("this fiscal quarter", W, "present", "1989-Q4", "1989-10-01", "1989-12-31", "quarter", None),
    ("the fiscal year", W, "past", "P1Y", None, None, "year", None),
    ("fiscal 1990", None, "past", "1990", "1990-01-01", "1990-12-31", "year", None),
    # a quarter of a written year: which one, the article said before (component)
    ("the 1988 quarter", W, "past", "1988-QX", None, None, "quarter", None),
    ("the 1988 period", W, "past", "1988", "1988-01-01", "1988-12-31", "year", None),
    ("the full year", W, "past", "1989", "1989-01-01", "1989-12-31", "year", None),
    ("the latest period", W, "past", "1989-Q3", "1989-07-01", "1989-09-30", "quarter", None),
    # ranges of durations: one row, smallest and largest
    ("two to three weeks", R, "future", "P2W/P3W", None, None, "week", None),
    ("2-3 weeks", R, "past", "P2W/P3W", None, None, "week", None),
    ("between two to six days", R, "present", "P2D/P6D", None, None, "day", None),
    ("between two and six days", R, "present", "P2D/P6D", None, None, "day", None),
    ("the next 12 to 18 months", W, "future", "P12M/P18M", None, None, "month", None),
    ("the past two to three years", R, "past", "P2Y/P3Y", None, None, "year", None),
    ("five, ten, or twenty years", R, "future", "P5Y/P20Y", None, None, "year", None),
    ("five, ten or twenty years", R, "future", "P5Y/P20Y", None, None, "year", None),
    ("two or three days", R, "past", "P2D/P3D", None, None, "day", None),
    ("a year or two", R, "future", "P1Y/P2Y", None, None, "year", None),
    ("a day or two", R, "future", "P1D/P2D", None, None, "day", None),
    ("weeks or months", R, "past", "PXW/PXM", None, None, "month", None),
    ("about two to three weeks", R, "past", "P2W/P3W", None, None, "week", "APPROX"),
    ("10 to 15 years", R, "past", "P10Y/P15Y", None, None, "year", None),
    # durations: checked conventions
    ("the past 24 hours", R, "past", "PT24H", None, None, "time", None),
    ("the last twenty four hours", R, "past", "PT24H", None, None, "time", None),
    ("recent years", R, "past", "PXY", None, None, "year", None),
    ("weeks", R, "past", "PXW", None, None, "week", None),
    ("several months", R, "past", "PXM", None, None, "month", None),
    ("several quarters", R, "past", "PXQ", None, None, "quarter", None),
    ("day-long", R, "past", "P1D", None, None, "day", None),
    ("year-long", R, "past", "P1Y", None, None, "year", None),
    ("the year-earlier nine months", W, "past", "P9M", None, None, "month", None),
    ("about 5 1/2 hours", R, "past", "PT5H30M", None, None, "time", "APPROX"),
    # deictic checks
    ("a year earlier", R, "past", "2019", "2019-01-01", "2019-12-31", "year", None),
    ("the first half", R, "past", "2020-H1", "2020-01-01", "2020-06-30", "half", None),
    ("the year-earlier quarter", R, "past", "2019-Q3", "2019-07-01", "2019-09-30", "quarter", None),
    # sets and times of day
    ("annually", R, "past", "P1Y", None, None, "year", None),
    ("yearly", R, "past", "P1Y", None, None, "year", None),
    ("each year", R, "past", "P1Y", None, None, "year", None),
    ("every week", R, "past", "P1W", None, None, "week", None),
    ("quarterly", R, "past", "P1Q", None, None, "quarter", None),
    ("Tuesday nights", R, "past", "XXXX-WXX-2TNI", None, None, "day", None),
    (
        "Tuesday night",
        "2020-04-29",
        "past",
        "2020-04-28TNI",
        "2020-04-28",
        "2020-04-28",
        "time",
        None,
    ),
    ("this morning", R, "past", "2020-10-22TMO", "2020-10-22", "2020-10-22", "time", None),
    ("yesterday afternoon", R, "past", "2020-10-21TAF", "2020-10-21", "2020-10-21", "time", None),
    ("Wednesday evening", R, "past", "2020-10-21TEV", "2020-10-21", "2020-10-21", "time", None),
    ("late Tuesday night", R, "past", "2020-10-20TNI", "2020-10-20", "2020-10-20", "time", "END"),
    # blind Reuters set (issue 3): forms that recur in news
    ("this weekend", N, "past", "1987-W26-WE", "1987-06-27", "1987-06-28", "week", None),
    ("this weekend", N, "future", "1987-W27-WE", "1987-07-04", "1987-07-05", "week", None),
    ("this weekend", "1987-06-28", "past", "1987-W26-WE", "1987-06-27", "1987-06-28", "week", None),
    ("per day", N, "past", "P1D", None, None, "day", None),
    ("per year", N, "past", "P1Y", None, None, "year", None),
    ("the rest of the year", N, "future", "1987", "1987-01-01", "1987-12-31", "year", None),
    ("the rest of this year", N, "future", "1987", "1987-01-01", "1987-12-31", "year", None),
    ("the remainder of the month", N, "past", "1987-06", "1987-06-01", "1987-06-30", "month", None),
    (
        "the rest of the quarter",
        N,
        "future",
        "1987-Q2",
        "1987-04-01",
        "1987-06-30",
        "quarter",
        None,
    ),
    ("the rest of 1987", None, "future", "1987", "1987-01-01", "1987-12-31", "year", None),
    (
        "the end of July",
        "1987-04-24",
        "future",
        "1987-07",
        "1987-07-01",
        "1987-07-31",
        "month",
        "END",
    ),
    ("first half 1987", None, "past", "1987-H1", "1987-01-01", "1987-06-30", "half", None),
    ("third quarter 1986", None, "past", "1986-Q3", "1986-07-01", "1986-09-30", "quarter", None),
    (
        "January/May",
        "1987-06-19",
        "past",
        "1987-01/1987-05",
        "1987-01-01",
        "1987-05-31",
        "month",
        None,
    ),
    ("Jan/Feb 1987", None, "past", "1987-01/1987-02", "1987-01-01", "1987-02-28", "month", None),
    (
        "November/March",
        "1987-04-21",
        "past",
        "1986-11/1987-03",
        "1986-11-01",
        "1987-03-31",
        "month",
        None,
    ),
    # the right end of a range follows the left one
    (
        "July 15 until the end of this year",
        N,
        "future",
        "1987-07-15/1987",
        "1987-07-15",
        "1987-12-31",
        "year",
        None,
    ),
    (
        "from April 1 to September",
        "1987-03-02",
        "present",
        "1987-04-01/1987-09",
        "1987-04-01",
        "1987-09-30",
        "month",
        None,
    ),
    (
        "from Monday to Wednesday",
        "1987-03-02",
        "past",
        "1987-03-02/1987-03-04",
        "1987-03-02",
        "1987-03-04",
        "day",
        None,
    ),
    ("June 1988", None, "past", "1988-06", "1988-06-01", "1988-06-30", "month", None),
    # second blind set (corpora/gold/blind2-dates)
    (
        "later in the week",
        "1987-03-16",
        "future",
        "1987-W12",
        "1987-03-16",
        "1987-03-22",
        "week",
        None,
    ),
    (
        "earlier in the month",
        "1987-03-16",
        "past",
        "1987-03",
        "1987-03-01",
        "1987-03-31",
        "month",
        None,
    ),
    ("later in the year", "1987-03-16", "future", "1987", "1987-01-01", "1987-12-31", "year", None),
    ("per quarter", "1987-03-16", "present", "P1Q", None, None, "quarter", None),
    (
        "1987's second quarter",
        "1987-03-16",
        "past",
        "1987-Q2",
        "1987-04-01",
        "1987-06-30",
        "quarter",
        None,
    ),
    (
        "1986's fourth-quarter",
        "1987-03-16",
        "past",
        "1986-Q4",
        "1986-10-01",
        "1986-12-31",
        "quarter",
        None,
    ),
    (
        "1987's first half",
        "1987-03-16",
        "past",
        "1987-H1",
        "1987-01-01",
        "1987-06-30",
        "half",
        None,
    ),
    ("the first two 1987 months", "1987-03-23", "past", "P2M", None, None, "month", None),
    ("1,500 years", None, "past", "P1500Y", None, None, "year", None),
    ("the past 1,000 days", None, "past", "P1000D", None, None, "day", None),
    ("1,000 to 2,000 years", None, "past", "P1000Y/P2000Y", None, None, "year", None),
    ("the previous year", "1987-03-23", "past", "1986", "1986-01-01", "1986-12-31", "year", None),
    ("the prior month", "1987-03-23", "past", "1987-02", "1987-02-01", "1987-02-28", "month", None),
    (
        "the preceding quarter",
        "1987-03-23",
        "past",
        "1986-Q4",
        "1986-10-01",
        "1986-12-31",
        "quarter",
        None,
    ),
]


def _date(value: str | None) -> dt.date | None:
    return dt.date.fromisoformat(value) if value else None


@pytest.mark.parametrize(
    "text,reference,tense,timex,start,end,grain,mod",
    CASES,
    ids=[f"{c[0]}|{c[1]}|{c[2]}" for c in CASES],
)
def test_dates_normalize_date_values(
    text: str,
    reference: str | None,
    tense: str,
    timex: str,
    start: str | None,
    end: str | None,
    grain: str | None,
    mod: str | None,
) -> None:
    value = normalize_date(text, reference=_date(reference), tense=tense)
    assert value is not None
    assert (value.timex, value.start, value.end, value.grain, value.mod) == (
        timex,
        _date(start),
        _date(end),
        grain,
        mod,
    )


@pytest.mark.parametrize(
    "text,kind,relative",
    [
        ("October 22", "date", True),
        ("June 2020", "date", False),
        ("From 2014 to June 2020", "range", False),
        ("between May and July", "range", True),
        ("three months", "duration", False),
        ("every Thursday", "set", False),
        ("two to three weeks", "range", False),
        ("five, ten, or twenty years", "range", False),
        ("weeks or months", "range", False),
        ("now", "date", False),
        ("last year", "date", True),
        ("per day", "set", False),
        ("January/May", "range", True),
        ("the rest of the year", "date", True),
    ],
)
def test_dates_normalize_date_kind_and_relative(text: str, kind: str, relative: bool) -> None:
    value = normalize_date(text, reference=dt.date(2020, 10, 22), tense="past")
    assert value is not None
    assert (value.kind, value.relative) == (kind, relative)


@pytest.mark.parametrize(
    "text",
    [
        "7831",
        "2,075",
        "18th",
        "the 19th",
        "We",
        "12 kilos",
        "20 years old",
        "a 6-year-old",
        "the year",
        "second",
        "fall",
        "10 p.m.",
        "hundreds",
        "zero",
        "G20",
        "",
        "Twenty Nations",
        "1988 quarters",
        "two thousand",
        "nineteen",
        "five or five years",
        "weeks or weeks",
        "two and",
        "Pay May one",
        # dateparser would read these as June 1, 1988
        "June 1988 a year",
        "June 1988 a",
        # a range whose right end is before its left one is two dates
        "Friday to December",
        "from 1990 to 1985",
        "end December 31",
        # a year is not an amount ("the first two 1987 months" is two months, not 1989)
        "1987 months",
        "later in the day",
    ],
)
def test_dates_normalize_date_rejects_non_dates(text: str) -> None:
    assert normalize_date(text, reference=dt.date(2020, 10, 22), tense="past") is None


@pytest.mark.parametrize("tense", ["later", "", "PAST"])
def test_dates_normalize_date_rejects_unknown_tense(tense: str) -> None:
    with pytest.raises(ValueError, match="tense"):
        normalize_date("March", reference=None, tense=tense)


@pytest.mark.parametrize(
    "text,expected",
    [
        ("Oct. 22, 2020", "oct 22, 2020"),
        ("mid-2020", "mid 2020"),
        ("two-year", "two year"),
        ("last year's", "last year"),
        ("10 p.m.", "10 pm"),
        ("“June 2020”", "june 2020"),
        ("1998–2001", "1998-2001"),
        ("1,500 years", "1,500 years"),
        ("June 3,1987", "june 3, 1987"),
        ("1987's second quarter", "second quarter of 1987"),
    ],
)
def test_dates_clean_date_text(text: str, expected: str) -> None:
    assert clean_date_text(text) == expected


@pytest.mark.parametrize("text", ["June 2020", "three months"])
def test_dates_normalize_date_returns_named_tuple(text: str) -> None:
    value = normalize_date(text, reference=None)
    assert isinstance(value, DateValue)
    assert value._fields == ("kind", "timex", "start", "end", "grain", "mod", "relative")


def _unresolved(
    text: str, tense: str = "past", looks_ahead: bool = False
) -> tuple[DateValue, str, bool]:
    value = normalize_date(text, reference=None, tense=tense)
    assert value is not None
    return value, tense, looks_ahead


@pytest.mark.parametrize(
    "mentions,expected",
    [
        # the seed article: June 2020 gives the year, October 22 the day
        (
            [
                ("October 22", "past", False),
                ("2016", "past", False),
                ("From 2014 to June 2020", "past", False),
                ("April 28 this year", "past", False),
                ("May 31", "past", False),
                ("March", "past", False),
            ],
            "2020-10-22",
        ),
        (
            [
                ("22 October 2020", "past", False),
                ("2019", "past", False),
                ("Tuesday", "past", False),
            ],
            "2020-10-22",
        ),
        ([("June 2020", "past", False), ("last year", "past", False)], "2020-06-30"),
        # one year and nothing to resolve: no guess; a year named twice is enough
        ([("June 2020", "past", False)], None),
        ([("2019", "present", False)], None),
        ([("June 2020", "past", False), ("2020", "past", False)], "2020-06-30"),
        # a bare year told in the past tense is over: the article is from the next year
        ([("2019", "past", False), ("March", "past", False)], "2020-03-31"),
        ([("2019", "present", False), ("last month", "past", False)], "2019-12-31"),
        (
            [("2019", "past", False), ("2030", "future", False), ("yesterday", "past", False)],
            "2020-12-31",
        ),
        # forecast targets do not date the article unless nothing else does
        (
            [("2019", "present", False), ("2030", "present", True), ("this week", "past", False)],
            "2019-12-31",
        ),
        (
            [("September 1986", "past", False), ("2017", "present", True), ("now", "past", False)],
            None,
        ),
        (
            [
                ("September 1986", "past", False),
                ("2017", "present", True),
                ("last week", "past", False),
            ],
            "1986-09-30",
        ),
        ([("2030", "present", True), ("2025", "present", True)], None),
        # codes and counts are not the article's year
        ([("1850", "present", False)], None),
        # a month compared with the same month of a written year: that year is last year
        ([("February", "past", False), ("February 1986", "past", False)], "1987-02-28"),
        ([("February 3", "past", False), ("February 1986", "past", False)], "1986-02-28"),
        ([("2019", "present", False), ("October 22", "future", False)], "2019-12-31"),
        ([("October 22", "past", False), ("March", "past", False)], None),
        ([], None),
    ],
)
def test_dates_latest_year_guess(
    mentions: list[tuple[str, str, bool]], expected: str | None
) -> None:
    values = [_unresolved(text, tense, ahead) for text, tense, ahead in mentions]
    assert latest_year_guess(values) == _date(expected)


_SEED_MENTIONS = [
    ("October 22", "past", False),
    ("2016", "past", False),
    ("From 2014 to June 2020", "past", False),
    ("April 28 this year", "past", False),
    ("May 31", "past", False),
    ("March", "past", False),
]


@pytest.mark.parametrize(
    "mentions,dateline,expected",
    [
        # no dateline: only a year the article's dates support
        (_SEED_MENTIONS, None, "2020-10-22"),
        ([("22 October 2020", "past", False), ("Tuesday", "past", False)], None, None),
        ([("June 2020", "past", False), ("last year", "past", False)], None, None),
        ([("2019", "past", False), ("March", "past", False)], None, None),
        (
            [("June 2020", "past", False), ("2020", "future", False), ("last week", "past", False)],
            None,
            "2020-06-30",
        ),
        ([("2019", "present", False), ("2030", "present", True)], None, None),
        ([], None, None),
        # a dateline: its day, on or after the latest day or month told in the past
        ([("December 17, 1986", "past", False)], (3, 2), "1987-03-02"),
        ([("Sept. 1, 1986", "past", False)], (3, 2), "1987-03-02"),
        ([("March 3, 1987", "past", False)], (3, 3), "1987-03-03"),
        ([("February", "past", False), ("February 1986", "past", False)], (3, 5), "1987-03-05"),
        ([("April 1, 1987", "past", False)], (2, 26), None),  # ten months on: not recent
        ([("1986", "past", False)], (3, 2), None),  # a bare year: 1986 or 1987
        ([("December 17, 1986", "past", False), ("1988", "present", False)], (3, 2), None),
        (
            [("December 17, 1986", "past", False), ("February 1, 1987", "future", False)],
            (3, 2),
            None,
        ),
        ([("today", "past", False)], (3, 2), None),
    ],
)
def test_dates_infer_reference_date(
    mentions: list[tuple[str, str, bool]], dateline: tuple[int, int] | None, expected: str | None
) -> None:
    values = [_unresolved(text, tense, ahead) for text, tense, ahead in mentions]
    assert infer_reference_date(values, dateline=dateline) == _date(expected)


@pytest.mark.parametrize(
    "text,expected",
    [
        ("SALVADOR, Feb 26 - Showers continued", (2, 26)),
        ("MINNEAPOLIS, Minn., June 19 - Dayton Hudson", (6, 19)),
        ("ST. LOUIS, MARCH 3 - The company", (3, 3)),
        ("LONDON, Sept. 1 - Shares", (9, 1)),
        ("ROME - Israeli Foreign Minister", None),
        ("Sales rose, March 3 - the company said", None),
        ("WASHINGTON, Feb 30 - x", None),
    ],
)
def test_dates_dateline_day(text: str, expected: tuple[int, int] | None) -> None:
    assert dateline_day(text) == expected


@pytest.mark.parametrize(
    "text,anchor,expected",
    [
        ("the previous year", "1986", "1985"),
        ("the prior year", "last year", "1985"),
        ("the previous month", "January", "1986-12"),
        ("the previous quarter", "the fourth quarter", "1986-Q3"),
        ("the preceding week", "the week ended February 21", "1987-W07"),
        # another unit, or no such phrase: no shift
        ("the previous year", "January", None),
        ("the previous month", "1986", None),
        ("last year", "1986", None),
    ],
)
def test_dates_one_before_shifts_the_sentence_anchor(
    text: str, anchor: str, expected: str | None
) -> None:
    anchor_value = normalize_date(anchor, reference=dt.date(1987, 3, 23), tense="past")
    assert anchor_value is not None
    value = one_before(text, anchor_value)
    assert (value.timex if value else None) == expected
