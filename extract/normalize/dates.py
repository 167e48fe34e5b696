"""Temporal expressions → TIMEX3 values, resolved against a reference date."""

from __future__ import annotations

import datetime as dt
import re
from typing import NamedTuple


class DateValue(NamedTuple):
    kind: str
    timex: str
    start: dt.date | None
    end: dt.date | None
    grain: str | None
    mod: str | None
    relative: bool


_YEAR = re.compile(r"^(1[0-9]{3}|20[0-9]{2})$")


def normalize_date(
    text: str, *, reference: dt.date | None, tense: str = "past"
) -> DateValue | None:
    """The TIMEX3 value of ``text``, or None when it is not a date."""
    match = _YEAR.match(text.strip())
    if match:
        year = int(match.group(1))
        return DateValue("date", str(year), dt.date(year, 1, 1), dt.date(year, 12, 31), "year", None, False)
    return None
