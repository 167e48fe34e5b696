"""Money forms of issue 15: compound amounts, codes in every case and with scales, other dollar
prefixes, fractions, Indian grouping, more symbols and minor units, the code valid on the
article's date, and qualifiers (comparatives, changes, bracketed conversions)."""

from __future__ import annotations

import datetime as dt

import pytest

from extract.normalize.currency_validity import code_on, still_in_use
from extract.normalize.money import find_money


def _rows(text: str, **options: object) -> list[tuple]:
    return [
        (m.text, m.money.amount, m.money.low, m.money.high, m.money.qualifier, m.money.currency)
        for m in find_money(text, **options)  # type: ignore[arg-type]
    ]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "seven euros and twenty cents",
            [("seven euros and twenty cents", "7.2", "7.2", "7.2", "exact", "EUR")],
        ),
        (
            "two dollars and fifty cents",
            [("two dollars and fifty cents", "2.5", "2.5", "2.5", "exact", "USD")],
        ),
        ("8 EUR 40", [("8 EUR 40", "8.4", "8.4", "8.4", "exact", "EUR")]),
        ("£3 10s", [("£3 10s", "3.5", "3.5", "3.5", "exact", "GBP")]),
        ("£3 10s 6d", [("£3 10s 6d", "3.525", "3.525", "3.525", "exact", "GBP")]),
        # not compounds: a count after a code, a list without "and"
        ("paid 8 EUR 40 times", [("8 EUR", "8", "8", "8", "exact", "EUR")]),
        (
            "918,000 dlrs 38 cts",
            [
                ("918,000 dlrs", "918000", "918000", "918000", "exact", "USD"),
                ("38 cts", "0.38", "0.38", "0.38", "exact", "USD"),
            ],
        ),
    ],
)
def test_money_forms_compound_amounts(text: str, expected: list[tuple]) -> None:
    assert _rows(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("S$5", ("S$5", "5", "SGD")),
        ("s $5 million", ("s $5 million", "5000000", "SGD")),
        ("S $5", ("S $5", "5", "SGD")),
        ("NZ$40", ("NZ$40", "40", "NZD")),
        ("NZ $40", ("NZ $40", "40", "NZD")),
        ("40 eur", ("40 eur", "40", "EUR")),
        ("eur 40", ("eur 40", "40", "EUR")),
        ("jpy 500", ("jpy 500", "500", "JPY")),
        ("MEUR 40", ("MEUR 40", "40000000", "EUR")),
        ("40 MEUR", ("40 MEUR", "40000000", "EUR")),
        ("TEUR 250", ("TEUR 250", "250000", "EUR")),
        ("40 EUR million", ("40 EUR million", "40000000", "EUR")),
        (
            "three-quarters of a million euros",
            ("three-quarters of a million euros", "750000", "EUR"),
        ),
        (
            "three quarters of a billion dollars",
            ("three quarters of a billion dollars", "750000000", "USD"),
        ),
        ("1,23,456 rupees", ("1,23,456 rupees", "123456", "INR")),
        ("Rs 12,34,567.50", ("Rs 12,34,567.50", "1234567.5", "INR")),
        ("₲5000", ("₲5000", "5000", "PYG")),
        ("₼50", ("₼50", "50", "AZN")),
        ("₾40", ("₾40", "40", "GEL")),
        ("៛4000", ("៛4000", "4000", "KHR")),
        ("500 zł", ("500 zł", "500", "PLN")),
        ("300 Kč", ("300 Kč", "300", "CZK")),
        ("500 Ft", ("500 Ft", "500", "HUF")),
        ("40 centavos", ("40 centavos", "0.4", "MXN")),
        ("20 groszy", ("20 groszy", "0.2", "PLN")),
        ("10 pfennigs", ("10 pfennigs", "0.1", "DEM")),
        ("30 kurus", ("30 kurus", "0.3", "TRY")),
        ("500 fils", ("500 fils", "0.5", "KWD")),
        ("25 satang", ("25 satang", "0.25", "THB")),
        ("20 rappen", ("20 rappen", "0.2", "CHF")),
        ("50 halalas", ("50 halalas", "0.5", "SAR")),
    ],
)
def test_money_forms_codes_prefixes_symbols_minor_units(text: str, expected: tuple) -> None:
    assert [(m.text, m.money.amount, m.money.currency) for m in find_money(text)] == [expected]


@pytest.mark.parametrize(
    "text",
    [
        "they try 5 times",  # "try" is English, not the lira's code in lower case
        "5 top scorers",
        "it's $5",  # "s $" never follows an apostrophe
        "A $2bn gap",  # "A" is the article
    ],
)
def test_money_forms_no_currency_from_words(text: str) -> None:
    assert [m.money.currency for m in find_money(text) if m.text[:1].isalpha()] == []


@pytest.mark.parametrize(
    ("text", "day", "home", "currency"),
    [
        ("5,000 Turkish lira", "1987-05-01", None, "TRL"),
        ("5,000 Turkish lira", "2006-05-01", None, "TRY"),
        ("5,000 TRY", "1987-05-01", None, "TRY"),  # a written code is kept as written
        ("500 lira", "1987-03-01", "TUR", "TRL"),
        ("500 roubles", "1987-03-01", None, "SUR"),
        ("500 roubles", "1995-03-01", None, "RUR"),
        ("500 roubles", "2004-03-01", None, "RUB"),
        ("500 zloty", "1990-01-01", None, "PLZ"),
        ("500 lei", "2000-01-01", None, "ROL"),
        ("500 pounds", "1987-01-01", "IRL", "IEP"),
        ("500 pounds", "2005-01-01", "IRL", "GBP"),  # the Irish pound was gone
        ("500 francs", "1987-01-01", "FRA", "FRF"),
        ("500 francs", "2005-01-01", "FRA", "CHF"),
        ("500 Turkish lira", None, None, "TRY"),  # no date: today's code
    ],
)
def test_money_forms_code_valid_on_the_day(
    text: str, day: str | None, home: str | None, currency: str
) -> None:
    assert [m.money.currency for m in find_money(text, home_country=home, reference_date=day)] == [
        currency
    ]


@pytest.mark.parametrize(
    ("code", "day", "expected", "in_use"),
    [
        ("TRY", dt.date(2004, 12, 31), "TRL", True),
        ("TRY", dt.date(2005, 1, 1), "TRY", True),
        ("TRL", dt.date(2005, 1, 1), "TRY", True),  # renamed, still the lira
        ("ZWL", dt.date(2000, 1, 1), "ZWD", True),
        ("VES", dt.date(2010, 6, 1), "VEF", True),
        ("SKK", dt.date(2009, 1, 1), "SKK", False),
        ("SKK", dt.date(2008, 12, 31), "SKK", True),
        ("LTL", dt.date(2015, 1, 1), "LTL", False),
        ("EUR", dt.date(1990, 1, 1), "EUR", True),
    ],
)
def test_money_forms_currency_validity(
    code: str, day: dt.date, expected: str, in_use: bool
) -> None:
    assert (code_on(code, day), still_in_use(code, day)) == (expected, in_use)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("priced higher than $499 a seat", [("$499", "499", "499", None, "more_than", "USD")]),
        ("above $5", [("$5", "5", "5", None, "more_than", "USD")]),
        (
            "sales exceeding 50 mln dlrs",
            [("50 mln dlrs", "50000000", "50000000", None, "more_than", "USD")],
        ),
        ("lower than 35 dlrs", [("35 dlrs", "35", None, "35", "less_than", "USD")]),
        (
            "the stock rose 5 cents to 31 dlrs",
            [
                ("5 cents", "0.05", "0.05", "0.05", "exact", "USD"),
                ("31 dlrs", "31", "31", "31", "exact", "USD"),
            ],
        ),
        (
            "fell 131 mln dlrs to 614 mln dlrs",
            [
                ("131 mln dlrs", "131000000", "131000000", "131000000", "exact", "USD"),
                ("614 mln dlrs", "614000000", "614000000", "614000000", "exact", "USD"),
            ],
        ),
        (
            "between $1 and $2 million",
            [("$1 and $2 million", None, "1000000", "2000000", "range", "USD")],
        ),
        (
            "grossed about $45m (£24m) each",
            [
                ("$45m", "45000000", None, None, "approx", "USD"),
                ("£24m", "24000000", "24000000", "24000000", "exact", "GBP"),
            ],
        ),
    ],
)
def test_money_forms_qualifiers(text: str, expected: list[tuple]) -> None:
    assert _rows(text) == expected
