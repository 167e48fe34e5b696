from __future__ import annotations

import datetime as dt

import pytest

from extract.normalize.published import parse_published


@pytest.mark.parametrize(
    "value,iso,date",
    [
        ("1987-02-26T15:01:01", "1987-02-26T15:01:01", "1987-02-26"),
        ("2020-10-22", "2020-10-22", "2020-10-22"),
        ("2020-10-22T23:30:00-05:00", "2020-10-22T23:30:00-05:00", "2020-10-22"),
        ("2020-10-22T01:30:00+08:00", "2020-10-22T01:30:00+08:00", "2020-10-22"),
        ("2020-10-22T08:00:00Z", "2020-10-22T08:00:00+00:00", "2020-10-22"),
        ("Thu, 22 Oct 2020 08:00:00 GMT", "2020-10-22T08:00:00", "2020-10-22"),
        ("22 October 2020", "2020-10-22", "2020-10-22"),
        ("October 22, 2020", "2020-10-22", "2020-10-22"),
        ("10/22/2020", "2020-10-22", "2020-10-22"),
        ("  1996-08-30  ", "1996-08-30", "1996-08-30"),
    ],
)
def test_published_parses_common_formats(value: str, iso: str, date: str) -> None:
    parsed = parse_published(value)
    assert parsed is not None
    assert (parsed.iso, parsed.date) == (iso, dt.date.fromisoformat(date))


@pytest.mark.parametrize("value", ["", "foo", "yesterday", "2020", "March 2020", "not a date 99"])
def test_published_rejects_partial_relative_and_junk(value: str) -> None:
    assert parse_published(value) is None
