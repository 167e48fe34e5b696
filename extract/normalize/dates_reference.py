"""Infer an article's reference date from its own explicit dates (when metadata gives none).

Rule (also in docs/dates.md), over the dates of sentences that are not in the future tense:

1. The anchor is the latest explicit date of the finest kind present: a full date
   ("22 October 2020") if any; else a month with its year ("June 2020"), taken at the month's
   last day; else a bare year ("2019"), taken at the year's last day (every month of that
   year is then in the past).
2. Month-days and months written without a year ("October 22", "September 25 this year",
   "in March") are placed in the anchor's year; the latest of them moves the reference later.
3. The reference is the latest of these points.

With no explicit year at all there is no reference: relative dates keep ``X`` placeholders.
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


def infer_reference_date(mentions: Iterable[tuple[DateValue, str]]) -> dt.date | None:
    """The reference date implied by ``(value, tense)`` pairs normalised without a
    reference, or None when the article has no explicit year."""
    days: list[dt.date] = []
    months: list[dt.date] = []
    years: list[int] = []
    yearless: list[tuple[int, int | None]] = []
    for value, tense in mentions:
        if tense == "future":
            continue
        for timex in value.timex.split("/") if value.kind == "range" else [value.timex]:
            _collect(timex, days, months, years, yearless)
    if days:
        anchor = max(days)
    elif months:
        anchor = max(months)
    elif years:
        anchor = dt.date(max(years), 12, 31)
    else:
        return None
    placed = [p for p in (_place(anchor.year, m, d) for m, d in yearless) if p is not None]
    return max([anchor, *placed])


def _collect(
    timex: str,
    days: list[dt.date],
    months: list[dt.date],
    years: list[int],
    yearless: list[tuple[int, int | None]],
) -> None:
    if re.fullmatch(r"\d{4}-\d{2}-\d{2}(T.*)?", timex):
        day = cal.safe_date(int(timex[:4]), int(timex[5:7]), int(timex[8:10]))
        if day:
            days.append(day)
    elif re.fullmatch(r"\d{4}-\d{2}", timex) and 1 <= int(timex[5:7]) <= 12:
        months.append(cal.month_end(int(timex[:4]), int(timex[5:7])))
    elif re.fullmatch(r"\d{4}", timex):
        years.append(int(timex))
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
