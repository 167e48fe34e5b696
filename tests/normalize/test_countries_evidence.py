"""Country evidence beyond names: datelines, US states, smaller cities, central banks, short
forms (pure functions of extract.normalize.countries)."""

from __future__ import annotations

import pytest

from extract.normalize.countries import (
    UsState,
    find_dateline,
    is_central_bank,
    is_government_word,
    largest_city_country,
    lookup_city,
    lookup_form,
    lookup_state,
)


@pytest.mark.parametrize(
    "text,expected",
    [
        ("EDISON, N.J., April 13 - Crazy Eddie Inc said", ("EDISON, N.J.", "USA")),
        ("VIENNA, Va., April 13 - Entre Computer", ("VIENNA, Va.", "USA")),
        ("VIENNA, April 13 - OPEC ministers", ("VIENNA", "AUT")),
        ("SAN ANTONIO, Texas, April 13 - Datapoint", ("SAN ANTONIO, Texas", "USA")),
        ("Rome, April 17 - Italy's wholesale prices", ("Rome", "ITA")),
        ("LONDON (Reuters) - Shares fell", ("LONDON", "GBR")),
        ("ROME - Israeli Foreign Minister", ("ROME", "ITA")),
        ("LONDON 1996-08-30\nWest Indian all-rounder", ("LONDON", "GBR")),
        ("  DENVER, March 3 -- The company", ("DENVER", "USA")),
        ("BOGOTA, Colombia, March 3 - Rebels", ("BOGOTA, Colombia", "COL")),
        ("NEW YORK, April 13 - Shr 1.74 dlrs", ("NEW YORK", "USA")),
        ("PEKING, April 1 - China said", ("PEKING", "CHN")),
        ("HONG KONG, April 27 - The U.S.", ("HONG KONG", "HKG")),
        ("KUWAIT, April 2 - Oil", ("KUWAIT", "KWT")),
        ("ST. PAUL, Minn., April 2 - 3M", ("ST. PAUL, Minn.", "USA")),
    ],
)
def test_countries_find_dateline(text: str, expected: tuple[str, str]) -> None:
    found = find_dateline(text)
    assert found is not None
    assert (text[found.start : found.end], found.country.iso3) == expected
    assert found.country.mention_type == "dateline"


@pytest.mark.parametrize(
    "text",
    [
        "Smith - the best of them",  # a name before a dash, no date: no dateline
        "Rome - the eternal city",  # a bare place before a dash must be in capitals
        "The company said on Monday - as expected",
        "ZZYZXQ, April 3 - nothing",  # no place
        "Shares fell.\nLONDON, April 3 - a second story",  # not the opening line
        "LONDON\nShares fell",  # alone on its line without a date
    ],
)
def test_countries_find_dateline_none(text: str) -> None:
    assert find_dateline(text) is None


@pytest.mark.parametrize(
    "text,expected",
    [
        ("Florida", UsState("FL", False)),
        ("FLORIDA", UsState("FL", False)),
        ("Fla.", UsState("FL", True)),
        ("Wash.", UsState("WA", True)),
        ("N.J.", UsState("NJ", True)),
        ("New Jersey", UsState("NJ", False)),
        ("florida", None),  # a state is written with a capital
        ("Georgia", None),  # a country form (context decides), not a state form
        ("Washington", None),  # a place form of the USA already
        ("Fla", None),
    ],
)
def test_countries_lookup_state(text: str, expected: UsState | None) -> None:
    assert lookup_state(text) == expected


@pytest.mark.parametrize(
    "text,expected",
    [
        ("Pittsburgh", ("USA", "city")),
        ("PITTSBURGH", ("USA", "city")),
        ("Boston", ("USA", "city")),
        ("Glasgow", ("GBR", "city")),
        ("pittsburgh", None),
        ("Stamford", None),  # US 129,000, GB 21,000: not 10 times larger, so neither
        ("Manchester", None),  # GB and New Hampshire
        ("Nice", None),  # a common word (countries_place_exclusions.txt)
        ("Jackson", None),  # a name first
        ("Bush", None),
        ("Delta", None),  # a word written in lower case in the news corpora too
        ("San", None),
        ("Tokyo", None),  # a place of countries.jsonl, not a smaller city
    ],
)
def test_countries_lookup_city(text: str, expected: tuple[str, str] | None) -> None:
    found = lookup_city(text)
    assert (None if found is None else (found.iso3, found.mention_type)) == expected


@pytest.mark.parametrize(
    "text,expected",
    [("VIENNA", "AUT"), ("Portland", "USA"), ("Peking", "CHN"), ("Zzyzxq", None)],
)
def test_countries_largest_city_country(text: str, expected: str | None) -> None:
    found = largest_city_country(text)
    assert (None if found is None else found.iso3) == expected


@pytest.mark.parametrize(
    "before,country,expected",
    [
        ("The Bank of", "Japan", True),
        ("said the Bank of", "England", True),
        ("the Reserve Bank of", "India", True),
        ("the Central Bank of the", "Philippines", True),
        ("Royal Bank of", "Canada", False),
        ("the Bank of", "China", False),
        ("Bank of", "America", False),
        ("officials in", "Japan", False),
    ],
)
def test_countries_is_central_bank(before: str, country: str, expected: bool) -> None:
    assert is_central_bank(before, country) is expected


@pytest.mark.parametrize(
    "word,expected",
    [
        ("Ministry", True),
        ("Army", True),
        ("Department", True),
        ("ministry", False),
        ("Bank", False),
    ],
)
def test_countries_is_government_word(word: str, expected: bool) -> None:
    assert is_government_word(word) is expected


@pytest.mark.parametrize(
    "text,expected",
    [
        ("U.S.", "USA"),
        ("U.S", "USA"),  # a tokeniser split off the final dot
        ("U.S.A", "USA"),
        ("U.K.", "GBR"),
        ("U.K", "GBR"),
        ("U.A.E.", "ARE"),
        ("U.A.E", "ARE"),
        ("UAE", "ARE"),
        ("U.S.S.R", "SUN"),
        ("N.Z.", "NZL"),
        ("S. Africa", "ZAF"),
        ("W. Germany", "DEU"),
        ("E. Germany", "DDR"),
        ("H.K.", "HKG"),
        ("u.k.", None),  # short forms must be written as listed
    ],
)
def test_countries_short_forms(text: str, expected: str | None) -> None:
    found = lookup_form(text)
    assert (None if found is None else found.iso3) == expected
