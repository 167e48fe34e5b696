"""Day phrases that point back at an event: their unanchored and their anchored values."""

from __future__ import annotations

import datetime as dt

import pytest

from extract.normalize.dates import normalize_date
from extract.normalize.dates_anaphora import anaphor_value, anchored_anaphor, is_anaphor


@pytest.mark.parametrize(
    "text,timex,grain",
    [
        ("the following day", "XXXX-XX-XX", "day"),
        ("the next day", "XXXX-XX-XX", "day"),
        ("the day before", "XXXX-XX-XX", "day"),
        ("that day", "XXXX-XX-XX", "day"),
        ("that evening", "XXXX-XX-XXTEV", "time"),
        ("the next morning", "XXXX-XX-XXTMO", "time"),
        ("later that night", "XXXX-XX-XXTNI", "time"),
        ("by then", "XXXX-XX-XX", None),
        ("the following week", "XXXX-WXX", "week"),
        ("the following year", "XXXX", "year"),
    ],
)
def test_dates_anaphora_unanchored_value(text: str, timex: str, grain: str | None) -> None:
    value = anaphor_value(text)
    assert value is not None
    assert (value.kind, value.timex, value.start, value.grain) == ("date", timex, None, grain)


@pytest.mark.parametrize("text", ["the next week", "next day", "the day", "two days later", "May"])
def test_dates_anaphora_not_an_anaphor(text: str) -> None:
    assert anaphor_value(text) is None
    assert is_anaphor(text) is False


@pytest.mark.parametrize(
    "text,anchor,timex,start",
    [
        ("the following day", "March 3, 2020", "2020-03-04", dt.date(2020, 3, 4)),
        ("the next day", "February 28, 2021", "2021-03-01", dt.date(2021, 3, 1)),
        ("the day before", "March 1, 2020", "2020-02-29", dt.date(2020, 2, 29)),
        ("that day", "March 3, 2020", "2020-03-03", dt.date(2020, 3, 3)),
        ("the same day", "March 3, 2020", "2020-03-03", dt.date(2020, 3, 3)),
        ("that evening", "March 3, 2020", "2020-03-03TEV", dt.date(2020, 3, 3)),
        ("the next morning", "December 31, 1999", "2000-01-01TMO", dt.date(2000, 1, 1)),
        ("by then", "June 2008", "2008-06", dt.date(2008, 6, 1)),
        ("by then", "1999", "1999", dt.date(1999, 1, 1)),
        ("the following week", "March 3, 2020", "2020-W11", dt.date(2020, 3, 9)),
        ("the following month", "December 2019", "2020-01", dt.date(2020, 1, 1)),
        ("the following year", "1987", "1988", dt.date(1988, 1, 1)),
    ],
)
def test_dates_anaphora_anchored_on_the_event(
    text: str, anchor: str, timex: str, start: dt.date
) -> None:
    event = normalize_date(anchor, reference=None)
    assert event is not None
    value = anchored_anaphor(text, event)
    assert value is not None
    assert (value.timex, value.start, value.relative) == (timex, start, True)


@pytest.mark.parametrize(
    "text,anchor",
    [
        ("the following day", "June 2008"),  # a month does not place a day
        ("that evening", "1999"),
        ("the following week", "1999"),
        ("the following day", "two years"),  # a duration is no event date
        ("the next quarter", "March 3, 2020"),  # not an anaphor
    ],
)
def test_dates_anaphora_anchor_cannot_place(text: str, anchor: str) -> None:
    event = normalize_date(anchor, reference=None)
    assert anchored_anaphor(text, event) is None


def test_dates_anaphora_without_anchor() -> None:
    assert anchored_anaphor("the following day", None) is None
