"""Infer an article's reference date from its own explicit dates (when metadata gives none).

Rule (also in docs/dates.md), over the dates of sentences not in the future tense:

1. The year is the latest year written in full ("22 October 2020", "June 2020", "2019").
   When that year is written only in past-tense sentences and the article also says "last
   year", it is last year: the year is the next one.
2. The anchor is the latest full date of that year, else the last day of its latest month
   ("June 2020" → 30 June), else the year's last day (every month is then in the past).
3. Month-days and months written without a year ("October 22", "September 25 this year",
   "in March") are placed in that year; the latest of them moves the reference later.
4. The reference is the latest of these points.

With no explicit year at all there is no reference: relative dates keep ``X`` placeholders.
The rule is a heuristic: articles about earlier years (results for 1986 published in 1987)
defeat it, which is why metadata and ``--reference-date`` always win.
Pure: works on ``DateValue``s normalised with ``reference=None``.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterable

from extract.normalize import dates_calendar as cal
from extract.normalize.dates import DateValue

_YEARLESS_DAY = re.compile(r"^XXXX-(\d{2})-(\d{2})$")
_YEARLESS_MONTH = re.compile(r"^XXXX-(\d{2})$")


def infer_reference_date(
    mentions: Iterable[tuple[DateValue, str]], *, says_last_year: bool = False
) -> dt.date | None:
    """The reference date implied by ``(value, tense)`` pairs normalised without a
    reference, or None when the article has no explicit year. ``says_last_year``: the
    article uses the deictic "last year"."""
    days: list[dt.date] = []
    months: list[dt.date] = []
    years: dict[int, set[str]] = {}
    yearless: list[tuple[int, int | None]] = []
    for value, tense in mentions:
        if tense == "future":
            continue
        for timex in value.timex.split("/") if value.kind == "range" else [value.timex]:
            _collect(timex, tense, days, months, years, yearless)
    for day in (*days, *months):
        years.setdefault(day.year, set()).add("dated")
    if not years:
        return None
    year = max(years)
    if says_last_year and years[year] == {"past"}:
        year += 1
    in_year = [day for day in days if day.year == year] or [
        month for month in months if month.year == year
    ]
    anchor = max(in_year) if in_year else dt.date(year, 12, 31)
    placed = [p for p in (_place(anchor.year, m, d) for m, d in yearless) if p is not None]
    return max([anchor, *placed])


def _collect(
    timex: str,
    tense: str,
    days: list[dt.date],
    months: list[dt.date],
    years: dict[int, set[str]],
    yearless: list[tuple[int, int | None]],
) -> None:
    if re.fullmatch(r"\d{4}-\d{2}-\d{2}(T.*)?", timex):
        day = cal.safe_date(int(timex[:4]), int(timex[5:7]), int(timex[8:10]))
        if day:
            days.append(day)
    elif re.fullmatch(r"\d{4}-\d{2}", timex) and 1 <= int(timex[5:7]) <= 12:
        months.append(cal.month_end(int(timex[:4]), int(timex[5:7])))
    elif re.fullmatch(r"\d{4}", timex):
        years.setdefault(int(timex), set()).add(tense)
    elif match := _YEARLESS_DAY.match(timex[:10]):
        yearless.append((int(match[1]), int(match[2])))
    elif match := _YEARLESS_MONTH.match(timex):
        yearless.append((int(match[1]), None))


def _place(year: int, month: int, day: int | None) -> dt.date | None:
    if not 1 <= month <= 12:
        return None
    if day is None:
        return cal.month_end(year, month)
    return cal.safe_date(year, month, day)
