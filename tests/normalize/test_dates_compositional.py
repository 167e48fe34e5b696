"""Compositional date phrases: a period and its shift, a scene in a month, modified years."""

from __future__ import annotations

import datetime as dt

import pytest

from extract.normalize.dates import normalize_date

REFERENCE = dt.date(2020, 5, 6)  # a Wednesday of ISO week 19


@pytest.mark.parametrize(
    "text,reference,tense,timex,grain,mod",
    [
        ("the same week last year", REFERENCE, "past", "2019-W19", "week", None),
        ("the same month a year ago", REFERENCE, "past", "2019-05", "month", None),
        ("the same quarter last year", REFERENCE, "past", "2019-Q2", "quarter", None),
        ("the same day a year earlier", REFERENCE, "past", "2019-05-06", "day", None),
        ("the same week next year", REFERENCE, "future", "2021-W19", "week", None),
        ("the same week last year", None, "past", "XXXX-WXX", "week", None),
        ("a cold March night in 1999", REFERENCE, "past", "1999-03", "month", None),
        ("March night in 1999", REFERENCE, "past", "1999-03", "month", None),
        ("one December morning", REFERENCE, "past", "2019-12", "month", None),
        ("a March night", None, "past", "XXXX-03", "month", None),
        ("the last half of 2008", REFERENCE, "past", "2008-H2", "half", None),
        ("early 2015", REFERENCE, "past", "2015", "year", "START"),
        ("the start of next year", REFERENCE, "past", "2021", "year", "START"),
    ],
)
def test_dates_compositional_values(
    text: str,
    reference: dt.date | None,
    tense: str,
    timex: str,
    grain: str,
    mod: str | None,
) -> None:
    value = normalize_date(text, reference=reference, tense=tense)
    assert value is not None
    assert (value.kind, value.timex, value.grain, value.mod) == ("date", timex, grain, mod)


@pytest.mark.parametrize("text", ["a May day", "a hot summer night", "the same period last year"])
def test_dates_compositional_not_composed(text: str) -> None:
    assert normalize_date(text, reference=REFERENCE) is None
