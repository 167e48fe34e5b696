"""Calendar arithmetic for TIMEX3 values: intervals of years, months, weeks, quarters, seasons.

Pure helpers used by ``extract.normalize.dates``; no spaCy import, no clock.
"""

from __future__ import annotations

import calendar
import datetime as dt

# Coarser grains come later: a range takes the coarser grain of its two ends.
GRAIN_ORDER = (
    "time",
    "day",
    "week",
    "month",
    "season",
    "quarter",
    "half",
    "year",
    "decade",
    "century",
)
SEASON_MONTHS = {"SP": (3, 5), "SU": (6, 8), "FA": (9, 11), "WI": (12, 2)}


def coarser(a: str | None, b: str | None) -> str | None:
    if a is None or b is None:
        return a or b
    return a if GRAIN_ORDER.index(a) >= GRAIN_ORDER.index(b) else b


def month_end(year: int, month: int) -> dt.date:
    return dt.date(year, month, calendar.monthrange(year, month)[1])


def add_months(year: int, month: int, delta: int) -> tuple[int, int]:
    index = year * 12 + (month - 1) + delta
    return index // 12, index % 12 + 1


def year_interval(year: int) -> tuple[dt.date, dt.date]:
    return dt.date(year, 1, 1), dt.date(year, 12, 31)


def month_interval(year: int, month: int) -> tuple[dt.date, dt.date]:
    return dt.date(year, month, 1), month_end(year, month)


def quarter_interval(year: int, quarter: int) -> tuple[dt.date, dt.date]:
    first = 3 * (quarter - 1) + 1
    return dt.date(year, first, 1), month_end(year, first + 2)


def half_interval(year: int, half: int) -> tuple[dt.date, dt.date]:
    return (
        (dt.date(year, 1, 1), dt.date(year, 6, 30))
        if half == 1
        else (
            dt.date(year, 7, 1),
            dt.date(year, 12, 31),
        )
    )


def season_interval(year: int, season: str) -> tuple[dt.date, dt.date]:
    """Northern meteorological seasons; winter Y runs from December Y to February Y+1."""
    first, last = SEASON_MONTHS[season]
    if season == "WI":
        return dt.date(year, 12, 1), month_end(year + 1, 2)
    return dt.date(year, first, 1), month_end(year, last)


def week_interval(day: dt.date) -> tuple[dt.date, dt.date]:
    monday = day - dt.timedelta(days=day.isoweekday() - 1)
    return monday, monday + dt.timedelta(days=6)


def week_timex(day: dt.date) -> str:
    iso_year, iso_week, _ = day.isocalendar()
    return f"{iso_year:04d}-W{iso_week:02d}"


def season_of(day: dt.date) -> tuple[int, str]:
    """The season holding ``day`` as (season year, code)."""
    if day.month == 12:
        return day.year, "WI"
    if day.month <= 2:
        return day.year - 1, "WI"
    for code, (first, last) in SEASON_MONTHS.items():
        if code != "WI" and first <= day.month <= last:
            return day.year, code
    raise AssertionError(day)


def distance(interval: tuple[dt.date, dt.date], day: dt.date) -> int:
    """Days between ``day`` and the interval (0 when inside)."""
    start, end = interval
    if day < start:
        return (start - day).days
    if day > end:
        return (day - end).days
    return 0


def safe_date(year: int, month: int, day: int) -> dt.date | None:
    try:
        return dt.date(year, month, day)
    except ValueError:
        return None
