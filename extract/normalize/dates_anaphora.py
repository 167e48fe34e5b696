"""Day phrases that point back at an event ("the following day", "that evening", "by then").

Such a phrase means a day relative to the event the sentence tells of, not to the article's
date: "arrested on March 3 and released the following day" is March 4 whatever the
publication date. ``anaphor_value`` gives the phrase's value before it is anchored (``X``
placeholders, never a guess from the reference date); ``anchored_anaphor`` places it against
the date the sentence gives. The phrases are in ``rules/dates.json`` (``anaphoric_*``).
Pure: no spaCy import.
"""

from __future__ import annotations

import datetime as dt
import re

from extract.normalize import dates_calendar as cal
from extract.normalize.dates import DateValue, clean_date_text
from extract.normalize.dates_lexicon import load_dates_lexicon

_LEX = load_dates_lexicon()


def _alternation(words: object) -> str:
    return "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True))  # type: ignore[call-overload]


_UNITS = {"day", *_LEX.parts_of_day}
_OFFSET_UNIT = re.compile(
    rf"^(?P<offset>{_alternation(_LEX.anaphoric_offsets)}) (?P<unit>{_alternation(_UNITS)})$"
)


def _parse(text: str) -> tuple[int, str | None, str | None] | None:
    clean = clean_date_text(text)
    if clean in _LEX.anaphoric_then:
        return 0, None, None
    if clean in _LEX.anaphoric_days:
        return _LEX.anaphoric_days[clean], "day", None
    if clean in _LEX.anaphoric_periods:
        return _LEX.anaphoric_periods[clean], clean.split()[-1], None
    m = _OFFSET_UNIT.match(clean)
    if m is None:
        return None
    offset, unit = _LEX.anaphoric_offsets[m["offset"]], m["unit"]
    if unit in _LEX.parts_of_day:
        return offset, "day", _LEX.parts_of_day[unit]
    return offset, unit, None


def is_anaphor(text: str) -> bool:
    return _parse(text) is not None


def anaphor_value(text: str) -> DateValue | None:
    """The unanchored value of an anaphoric phrase ("the following day" → ``XXXX-XX-XX``),
    or None when ``text`` is not one."""
    parsed = _parse(text)
    if parsed is None:
        return None
    _, unit, pod = parsed
    if unit is None:
        return DateValue("date", "XXXX-XX-XX", None, None, None, None, True)
    if pod is not None:
        return DateValue("date", f"XXXX-XX-XXT{pod}", None, None, "time", None, True)
    timex = {"day": "XXXX-XX-XX", "week": "XXXX-WXX", "month": "XXXX-XX", "year": "XXXX"}[unit]
    return DateValue("date", timex, None, None, unit, None, True)


def anchored_anaphor(text: str, anchor: DateValue | None) -> DateValue | None:
    """``text`` placed against ``anchor``, the date of the event the sentence gives; None when
    ``text`` is no anaphor or ``anchor`` cannot place it (no date, or too coarse a grain)."""
    parsed = _parse(text)
    if parsed is None or anchor is None or anchor.kind != "date" or anchor.start is None:
        return None
    offset, unit, pod = parsed
    if unit is None:
        return anchor._replace(relative=True, mod=None)
    if unit == "day" and anchor.grain in ("day", "time"):
        day = anchor.start + dt.timedelta(days=offset)
        if pod is not None:
            return DateValue("date", f"{day.isoformat()}T{pod}", day, day, "time", None, True)
        return DateValue("date", day.isoformat(), day, day, "day", None, True)
    if unit == "week" and anchor.grain in ("day", "time", "week"):
        day = anchor.start + dt.timedelta(days=7 * offset)
        first, last = cal.week_interval(day)
        return DateValue("date", cal.week_timex(day), first, last, "week", None, True)
    if unit == "month" and anchor.grain in ("day", "time", "week", "month"):
        year, month = cal.add_months(anchor.start.year, anchor.start.month, offset)
        first, last = cal.month_interval(year, month)
        return DateValue("date", f"{year:04d}-{month:02d}", first, last, "month", None, True)
    if unit == "year" and anchor.grain not in ("decade", "century", None):
        year = anchor.start.year + offset
        first, last = cal.year_interval(year)
        return DateValue("date", f"{year:04d}", first, last, "year", None, True)
    return None
