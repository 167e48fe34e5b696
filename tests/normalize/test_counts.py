"""Count expressions → value, bounds and qualifier (extract.normalize.counts)."""

from __future__ import annotations

import pytest

from extract.normalize.counts import Count, parse_count


@pytest.mark.parametrize(
    ("text", "qualifier", "expected"),
    [
        ("7831", "exact", Count(7831, 7831, 7831, "exact")),
        ("7,831", "exact", Count(7831, 7831, 7831, "exact")),
        ("2,075", "exact", Count(2075, 2075, 2075, "exact")),
        ("155,221", "exact", Count(155221, 155221, 155221, "exact")),
        ("18", "exact", Count(18, 18, 18, "exact")),
        ("five", "exact", Count(5, 5, 5, "exact")),
        ("three", "exact", Count(3, 3, 3, "exact")),
        ("one", "exact", Count(1, 1, 1, "exact")),
        ("zero", "exact", Count(0, 0, 0, "exact")),
        ("two dozen", "exact", Count(24, 24, 24, "exact")),
        ("a dozen", "exact", Count(12, 12, 12, "exact")),
        ("Twenty-one thousand", "exact", Count(21000, 21000, 21000, "exact")),
        ("twenty-five", "exact", Count(25, 25, 25, "exact")),
        ("1.5 million", "exact", Count(1500000, 1500000, 1500000, "exact")),
        ("2.6 mln", "exact", Count(2600000, 2600000, 2600000, "exact")),
        ("three million", "exact", Count(3000000, 3000000, 3000000, "exact")),
        ("a million", "exact", Count(1000000, 1000000, 1000000, "exact")),
        ("half a million", "exact", Count(500000, 500000, 500000, "exact")),
        ("1 234 567", "exact", Count(1234567, 1234567, 1234567, "exact")),
        ("120", "more_than", Count(120, 120, None, "more_than")),
        ("30,000", "more_than", Count(30000, 30000, None, "more_than")),
        ("50", "at_least", Count(50, 50, None, "at_least")),
        ("300", "less_than", Count(300, None, 300, "less_than")),
        ("200", "less_than", Count(200, None, 200, "less_than")),
        ("100", "at_most", Count(100, None, 100, "at_most")),
        ("200", "approx", Count(200, None, None, "approx")),
        ("some 300", "approx", None),
        ("7,831", "exact", Count(7831, 7831, 7831, "exact")),
        ("tens of thousands", "exact", Count(None, 20000, 99999, "approx")),
        ("Thousands", "exact", Count(None, 2000, 9999, "approx")),
        ("hundreds", "exact", Count(None, 200, 999, "approx")),
        ("dozens", "exact", Count(None, 24, 99, "approx")),
        ("hundreds of thousands", "exact", Count(None, 200000, 999999, "approx")),
        ("millions", "exact", Count(None, 2000000, 999999999, "approx")),
        ("several hundred", "exact", Count(None, 200, 999, "approx")),
        ("1.5", "exact", None),
        ("-3", "exact", None),
        ("G20", "exact", None),
        ("12th", "exact", None),
    ],
)
def test_counts_parse_count(text: str, qualifier: str, expected: Count | None) -> None:
    assert parse_count(text, qualifier=qualifier) == expected


@pytest.mark.parametrize(
    ("low", "high", "expected"),
    [
        ("50", "60", Count(None, 50, 60, "range")),
        ("two", "three", Count(None, 2, 3, "range")),
        ("1,000", "2,000", Count(None, 1000, 2000, "range")),
        ("18", "24", Count(None, 18, 24, "range")),
        ("60", "50", None),
        ("5", "5.5", None),
    ],
)
def test_counts_parse_count_range(low: str, high: str, expected: Count | None) -> None:
    assert parse_count(low, high_text=high) == expected


@pytest.mark.parametrize("qualifier", ["roughly", "", "more"])
def test_counts_parse_count_rejects_unknown_qualifier(qualifier: str) -> None:
    with pytest.raises(ValueError, match="unknown qualifier"):
        parse_count("5", qualifier=qualifier)
