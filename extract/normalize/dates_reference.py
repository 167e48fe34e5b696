"""Infer an article's reference date from its own explicit dates (when metadata gives none).

Rule (also in docs/dates.md). Mentions in future-tense sentences, after a target preposition
("by 2025", "due 2017", "until 1990") or in a sentence that looks ahead ("expected in late
1987", "forecast for 1990") are forecast targets, not the article's time; four-digit numbers
outside 1900-2100 are rather codes or counts than the article's year.

1. The year is the latest year written in full among the other mentions ("22 October 2020",
   "June 2020", "2019"). When that year is written only as a bare year and in at least one
   past-tense sentence ("Sales in 2019 were strong"), the year is over: the reference is the
   next one. So it is when a month of that year is also named without a year, a comparison
   with the year before ("sales rose 44 pct in February from February 1986").
2. The anchor is the latest full date of that year, else the last day of its latest month
   ("June 2020" → 30 June), else the year's last day. In a year moved forward in step 1,
   only the year-less dates of step 3 place the reference, else it is the year's last day.
3. Month-days and months written without a year ("October 22", "September 25 this year",
   "in March") are placed in that year; the latest of them moves the reference later.
4. The reference is the latest of these points.

5. The guess stands only when the article's dates support its year (``Bounds``): dates told
   in the past are behind the article, targets ahead of it; the year must be the one these
   leave. A wire dateline ("SALVADOR, Feb 26 - ...") dates the story on its day after the
   latest day or month told in the past (``Bounds.dateline_day``). Otherwise: no reference.

With no usable year at all there is no reference: relative dates keep ``X`` placeholders.
Nor is there one when the article names its latest year only once and has nothing to resolve
(no relative mention): one year in such a story is as often history as its own year.
The rule is a heuristic: articles about earlier years defeat it, which is why metadata and
``--reference-date`` always win. Pure: works on ``DateValue``s normalised with
``reference=None``.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterable
from typing import NamedTuple

from extract.normalize import dates_calendar as cal
from extract.normalize.dates import MONTH, DateValue
from extract.normalize.dates_lexicon import load_dates_lexicon

_YEARLESS_DAY = re.compile(r"^XXXX-(\d{2})-(\d{2})$")
_YEARLESS_MONTH = re.compile(r"^XXXX-(\d{2})$")
_FULL_DAY = re.compile(r"\d{4}-\d{2}-\d{2}(T.*)?")
_FULL_MONTH = re.compile(r"\d{4}-\d{2}")
_BARE_YEAR = re.compile(r"\d{4}")
_YEAR_PREFIX = re.compile(r"\d{4}(?![\dX])")
# A wire dateline: place in capitals, month and day, a dash ("SALVADOR, Feb 26 - ...").
_DATELINE = re.compile(
    rf"^\s*[A-Z][A-Z .'&()-]*[A-Z.](?:, [A-Z][A-Za-z .]*)?,\s+(?P<mon>(?i:{MONTH}))\.?\s+"
    r"(?P<day>\d{1,2})\s+-"
)
_YEARLESS = re.compile(r"^XXXX-(\d{2})(?:-\d{2})?$")
# How long after a date told in the past a dated story is still about it: news tells of the
# recent past ("the talks ended on December 17, 1986" in a story of March 1987).
MAX_DAYS_SINCE_PAST_DATE = 200
# Plausible publication years: other four-digit numbers are codes or counts ("clone 2058").
FIRST_YEAR, LAST_YEAR = 1900, 2100


def infer_reference_date(
    mentions: Iterable[tuple[DateValue, str, bool]], *, dateline: tuple[int, int] | None = None
) -> dt.date | None:
    """The reference date implied by ``(value, tense, looks_ahead)`` triples normalised
    without a reference, or None when the article has no usable explicit year or the year is
    a guess the article does not support (see ``Bounds``).
    ``looks_ahead``: the mention is a forecast target ("by 2025", "expected in 1990").
    ``dateline``: (month, day) of the story's wire dateline (``dateline_day``), if any."""
    mentions = list(mentions)
    bounds = Bounds.of(mentions)
    if dateline is not None:
        return bounds.dateline_day(*dateline)
    guess = latest_year_guess(mentions)
    return guess if guess is not None and bounds.admits(guess.year) else None


def latest_year_guess(mentions: Iterable[tuple[DateValue, str, bool]]) -> dt.date | None:
    """The latest-year rule of the module docstring, without the support check."""
    found = _Found()
    to_resolve = 0
    for value, tense, looks_ahead in mentions:
        target = looks_ahead or tense == "future"
        to_resolve += value.relative
        for timex in value.timex.split("/") if value.kind == "range" else [value.timex]:
            found.collect(timex, tense, target)
    years = found.years
    for day in (*found.days, *found.months):
        years.setdefault(day.year, set()).add("dated")
    if not years:
        return None
    year = max(years)
    if not to_resolve and found.mentions_of(year) < 2:
        # One year in an article with nothing to resolve is as often a date in its history as
        # its own year: no guess (nothing in the dates table depends on it).
        return None
    placed = [p for p in (_place(year + 1, m, d) for m, d in found.yearless) if p is not None]
    if ("dated" not in years[year] and "past" in years[year]) or _compared_month(year, found):
        # "Sales in 2019 were strong": 2019 is over; "sales rose in February from February
        # 1986": the dated one is a year ago. Only year-less dates tell how far into the
        # next year the article is.
        return max(placed) if placed else dt.date(year + 1, 12, 31)
    in_year = [day for day in found.days if day.year == year] or [
        month for month in found.months if month.year == year
    ]
    anchor = max(in_year) if in_year else dt.date(year, 12, 31)
    placed = [p for p in (_place(year, m, d) for m, d in found.yearless) if p is not None]
    return max([anchor, *placed])


def _compared_month(year: int, found: _Found) -> bool:
    """A month named without a year that the article also names with ``year``."""
    dated_months = {day.month for day in (*found.days, *found.months) if day.year == year}
    return any(day is None and month in dated_months for month, day in found.yearless)


class _Found:
    """The explicit dates of an article, sorted by kind."""

    def __init__(self) -> None:
        self.days: list[dt.date] = []
        self.months: list[dt.date] = []
        self.years: dict[int, set[str]] = {}
        self.yearless: list[tuple[int, int | None]] = []
        self.counts: dict[int, int] = {}

    def mentions_of(self, year: int) -> int:
        """How many explicit, non-target mentions name ``year``."""
        return self.counts.get(year, 0)

    def collect(self, timex: str, tense: str, target: bool) -> None:
        if not target and _YEAR_PREFIX.match(timex):
            self.counts[int(timex[:4])] = self.counts.get(int(timex[:4]), 0) + 1
        if _FULL_DAY.fullmatch(timex):
            day = cal.safe_date(int(timex[:4]), int(timex[5:7]), int(timex[8:10]))
            if day and not target and FIRST_YEAR <= day.year <= LAST_YEAR:
                self.days.append(day)
        elif _FULL_MONTH.fullmatch(timex) and 1 <= int(timex[5:7]) <= 12:
            year = int(timex[:4])
            if not target and FIRST_YEAR <= year <= LAST_YEAR:
                self.months.append(cal.month_end(year, int(timex[5:7])))
        elif _BARE_YEAR.fullmatch(timex):
            year = int(timex)
            if not target and FIRST_YEAR <= year <= LAST_YEAR:
                self.years.setdefault(year, set()).add(tense)
        elif tense == "future":
            return  # "will meet on October 22" says nothing of the article's day
        elif match := _YEARLESS_DAY.match(timex[:10]):
            self.yearless.append((int(match[1]), int(match[2])))
        elif match := _YEARLESS_MONTH.match(timex):
            self.yearless.append((int(match[1]), None))


def _place(year: int, month: int, day: int | None) -> dt.date | None:
    if not 1 <= month <= 12:
        return None
    if day is None:
        return cal.month_end(year, month)
    return cal.safe_date(year, month, day)


def dateline_day(text: str) -> tuple[int, int] | None:
    """(month, day) of the wire dateline that opens ``text`` ("SALVADOR, Feb 26 - ..."): the
    day the story was filed, without its year; None when the text opens with no dateline."""
    match = _DATELINE.match(text[:120])
    if match is None:
        return None
    month = load_dates_lexicon().months[match["mon"].lower()]
    day = int(match["day"])
    return (month, day) if cal.safe_date(2000, month, day) else None


class Bounds(NamedTuple):
    """What an article's explicit dates say of its own date. A date told in the past tense
    ("the talks ended on December 17, 1986") is over: the article is on or after its start
    (``after``; the latest such date, and its grain). A forecast target or a future-tense date
    ("expected in 1987", "will be paid on April 30, 1987") is still to come: the article is on
    or before its end (``before``). The article's year is supported when these leave exactly
    one year, or with a dateline one day after a day or month told in the past."""

    after: dt.date | None
    after_grain: str | None
    before: dt.date | None
    latest_year: int | None  # the latest explicit year of any non-target mention
    yearless_months: frozenset[int]  # months named without a year, not as targets

    @classmethod
    def of(cls, mentions: Iterable[tuple[DateValue, str, bool]]) -> Bounds:
        after: tuple[dt.date, str] | None = None
        before: dt.date | None = None
        latest: int | None = None
        yearless: set[int] = set()
        for value, tense, looks_ahead in mentions:
            if not (looks_ahead or tense == "future") and (match := _YEARLESS.match(value.timex)):
                yearless.add(int(match[1]))
            if value.relative or value.kind not in ("date", "range") or value.start is None:
                continue
            if value.end is None or not FIRST_YEAR <= value.start.year <= LAST_YEAR:
                continue
            if looks_ahead or tense == "future":
                before = value.end if before is None else min(before, value.end)
                continue
            latest = max(latest or value.end.year, value.end.year)
            start, grain = _last_part(value)
            if tense == "past" and (after is None or start > after[0]):
                after = (start, grain)
        after_day, after_grain = after if after is not None else (None, None)
        return cls(after_day, after_grain, before, latest, frozenset(yearless))

    def admits(self, year: int) -> bool:
        """``year`` is the only year between the bounds, or the year of a day or month told
        in the past that is the latest year the article names ("From 2014 to June 2020", with
        "April 28 this year" and "September 25 this year" also told in the past)."""
        if self.after is None:
            return False
        if self.before is not None and self.after.year == self.before.year == year:
            return True
        return (
            self.after_grain in ("day", "month", "week")
            and self.after.year == year == self.latest_year
            and (self.before is None or self.before.year >= year)
            and any(month > self.after.month for month in self.yearless_months)
        )

    def dateline_day(self, month: int, day: int) -> dt.date | None:
        """The dateline's day in the one year the bounds allow: the first such day on or after
        a day or month told in the past (news tells of the recent past), when no later year
        is named and no target comes before it; else None."""
        if self.after is None or self.after_grain not in ("day", "month", "week"):
            return None
        if self.latest_year is not None and self.latest_year > self.after.year:
            return None
        after = self.after
        if self.after_grain == "month" and after.month in self.yearless_months:
            # "sales rose in February from February 1986": the dated month is a year ago
            after = dt.date(after.year + 1, after.month, 1)
        for year in (after.year, after.year + 1):
            candidate = cal.safe_date(year, month, day)
            if candidate is None or candidate < after:
                continue
            if (self.before is not None and candidate > self.before) or (
                candidate - after
            ).days > MAX_DAYS_SINCE_PAST_DATE:
                return None
            return candidate
        return None


def _last_part(value: DateValue) -> tuple[dt.date, str]:
    """The first day and the grain of a value's last part: "From 2014 to June 2020" →
    (1 June 2020, month)."""
    assert value.start is not None and value.end is not None
    if value.kind != "range":
        return value.start, value.grain or "year"
    last = value.timex.rsplit("/", 1)[-1]
    if _FULL_DAY.fullmatch(last):
        return value.end, "day"
    if _FULL_MONTH.fullmatch(last):
        return value.end.replace(day=1), "month"
    return dt.date(value.end.year, 1, 1), "year"
