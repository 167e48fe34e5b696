"""Numerals → exact Decimals (extract.normalize.numbers)."""

from __future__ import annotations

from decimal import Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st

from extract.normalize.numbers import (
    apply_qualifier,
    decimal_text,
    parse_number,
    qualifier_after,
)


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("7831", "7831"),
        ("7,831", "7831"),
        ("1,234,567.89", "1234567.89"),
        ("1 234 567", "1234567"),
        ("1\u00a0234\u00a0567", "1234567"),
        ("1.234.567,89", "1234567.89"),
        ("1.234.567", "1234567"),
        ("1.234,5", "1234.5"),
        ("1.234", "1.234"),
        ("19.654 billion", "19654000000"),
        ("19.654billion", "19654000000"),
        ("1.13bn", "1130000000"),
        ("600m", "600000000"),
        ("2.174T", "2174000000000"),
        ("10B", "10000000000"),
        ("5.93 mln", "5930000"),
        ("1.8 bln", "1800000000"),
        ("728 mil", "728000000"),
        ("100k", "100000"),
        ("16,189 crore", "161890000000"),
        ("5 lakh", "500000"),
        ("2.5 trillion", "2500000000000"),
        ("half a million", "500000"),
        ("a quarter of a billion", "250000000"),
        ("three hundred million", "300000000"),
        ("twenty-five", "25"),
        ("twenty five", "25"),
        ("one hundred and five", "105"),
        ("a hundred", "100"),
        ("a million", "1000000"),
        ("two dozen", "24"),
        ("a dozen", "12"),
        ("1.5 million", "1500000"),
        ("one and a half million", "1500000"),
        ("two and a half", "2.5"),
        ("Twenty-one thousand", "21000"),
        ("nineteen hundred", "1900"),
        ("2 1/2", "2.5"),
        ("0.185", "0.185"),
        (".5", "0.5"),
        ("-15", "-15"),
        ("zero", "0"),
    ],
)
def test_numbers_parse_exact(text: str, value: str) -> None:
    number = parse_number(text)
    assert number is not None
    assert decimal_text(number.value) == value
    assert number.low == number.high == number.value


@pytest.mark.parametrize(
    ("text", "low", "high"),
    [
        ("dozens", "24", "99"),
        ("hundreds", "200", "999"),
        ("Thousands", "2000", "9999"),
        ("tens of thousands", "20000", "99999"),
        ("hundreds of thousands", "200000", "999999"),
        ("millions", "2000000", "999999999"),
        ("tens of millions", "20000000", "99999999"),
        ("several hundred", "200", "999"),
    ],
)
def test_numbers_parse_vague(text: str, low: str, high: str) -> None:
    number = parse_number(text)
    assert number is not None and number.vague
    assert (decimal_text(number.low), decimal_text(number.high)) == (low, high)


@pytest.mark.parametrize(
    "text", ["", "abc", "278,000 t", "G20", "million dollars", "one two buckle", "12th", "1/0"]
)
def test_numbers_parse_rejects(text: str) -> None:
    assert parse_number(text) is None


@pytest.mark.parametrize(
    ("qualifier", "expected"),
    [
        ("exact", ("120", "120", "120")),
        ("more_than", ("120", "120", None)),
        ("at_least", ("120", "120", None)),
        ("less_than", ("120", None, "120")),
        ("at_most", ("120", None, "120")),
        ("approx", ("120", None, None)),
    ],
)
def test_numbers_apply_qualifier_bounds(qualifier: str, expected: tuple) -> None:
    number = parse_number("120")
    assert number is not None
    assert tuple(decimal_text(v) for v in apply_qualifier(number, qualifier)) == expected


@pytest.mark.parametrize("value", [Decimal("1.9654E+10"), Decimal("19654000000.000")])
def test_numbers_decimal_text_has_no_exponent(value: Decimal) -> None:
    assert decimal_text(value) == "19654000000"


@given(st.integers(min_value=0, max_value=10**15))
def test_numbers_grouped_digits_round_trip(value: int) -> None:
    number = parse_number(f"{value:,}")
    assert number is not None and number.value == Decimal(value)


@given(
    st.integers(min_value=1, max_value=999),
    st.integers(min_value=0, max_value=999),
    st.sampled_from([("million", 10**6), ("bn", 10**9), ("mln", 10**6), ("k", 10**3)]),
)
def test_numbers_scaled_decimals_are_exact(units: int, thousandths: int, scale: tuple) -> None:
    word, factor = scale
    number = parse_number(f"{units}.{thousandths:03d}{word}")
    assert number is not None
    assert number.value == (Decimal(units) + Decimal(thousandths) / 1000) * factor


@pytest.mark.parametrize(
    ("quantity", "rest", "expected"),
    [
        ("50", " or more", "at_least"),
        ("$5m", " plus.", "at_least"),
        ("$5m", " plus", "at_least"),
        ("50", "-plus", "at_least"),
        ("50", "-plus people", "at_least"),
        ("53.15 dlrs", " plus accrued dividends", None),
        ("$5m", " plus $2m in bonuses", None),
        ("20 players", " plus staff", None),
        ("20 players", " were hurt", None),
    ],
)
def test_numbers_qualifier_after(quantity: str, rest: str, expected: str | None) -> None:
    assert qualifier_after(quantity + rest, len(quantity)) == expected
