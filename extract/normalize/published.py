"""Publication dates from metadata, in any common format."""

from __future__ import annotations

import datetime as dt
from functools import lru_cache
from typing import NamedTuple

import dateparser

_SETTINGS = {
    "RETURN_AS_TIMEZONE_AWARE": False,
    "PREFER_DAY_OF_MONTH": "first",
    "REQUIRE_PARTS": ["year", "month", "day"],
    # Fixed base: metadata dates are absolute, and the run must not depend on today.
    "RELATIVE_BASE": dt.datetime(2000, 1, 1),
    "PARSERS": ["timestamp", "custom-formats", "absolute-time"],
}


class Published(NamedTuple):
    iso: str  # ISO 8601 as written: a date, or a date-time with its offset when given
    date: dt.date  # the calendar date in the article's own time zone


@lru_cache(maxsize=4096)
def parse_published(value: str) -> Published | None:
    """Parse a metadata date such as ``1987-02-26T15:01:01``, ``2020-10-22 08:00+08:00``,
    ``Thu, 22 Oct 2020 08:00:00 GMT`` or ``22/10/2020``; None when it is not a full date.

    The date is the one in the time zone written with the value, never converted to UTC."""
    text = value.strip()
    if not text:
        return None
    try:
        parsed = dt.datetime.fromisoformat(text.replace("Z", "+00:00"))
    except ValueError:
        parsed = None
    if parsed is None:
        try:
            parsed = dateparser.parse(text, languages=["en"], settings=_SETTINGS)
        except (ValueError, OverflowError):
            parsed = None
        if parsed is None:
            return None
    if ":" not in text and parsed.time() == dt.time(0):
        return Published(parsed.date().isoformat(), parsed.date())
    return Published(parsed.isoformat(), parsed.date())
