"""extract.normalize.countries: names, aliases, former countries, demonyms, places, exclusions."""

from __future__ import annotations

import datetime as dt

import pytest

from extract.normalize.countries import (
    Country,
    clean_mention,
    country_by_code,
    country_on,
    dominant_country,
    exclusion_phrases,
    is_city_name,
    is_org_word,
    is_self_reference,
    lookup_country,
    lookup_form,
    vetoed_by_context,
)


def _short(country: Country | None) -> tuple[str, str, bool] | None:
    return None if country is None else (country.iso3, country.mention_type, country.former)


@pytest.mark.parametrize(
    "text,expected",
    [
        # ISO names and news forms
        ("China", ("CHN", "name", False)),
        ("People's Republic of China", ("CHN", "name", False)),
        ("PRC", ("CHN", "name", False)),
        ("Singapore", ("SGP", "name", False)),
        ("Saint Vincent and the Grenadines", ("VCT", "name", False)),
        ("St. Vincent and the Grenadines", ("VCT", "name", False)),
        ("United States", ("USA", "name", False)),
        ("the United States", ("USA", "name", False)),
        ("United States of America", ("USA", "name", False)),
        ("the U.S.", ("USA", "name", False)),
        ("U.S.", ("USA", "name", False)),
        ("US", ("USA", "name", False)),
        ("USA", ("USA", "name", False)),
        ("America", ("USA", "name", False)),
        ("Britain", ("GBR", "name", False)),
        ("Great Britain", ("GBR", "name", False)),
        ("UK", ("GBR", "name", False)),
        ("U.K.", ("GBR", "name", False)),
        ("United Kingdom", ("GBR", "name", False)),
        ("England", ("GBR", "name", False)),
        ("Scotland", ("GBR", "name", False)),
        ("Northern Ireland", ("GBR", "name", False)),
        ("South Korea", ("KOR", "name", False)),
        ("S. Korea", ("KOR", "name", False)),
        ("North Korea", ("PRK", "name", False)),
        ("DPRK", ("PRK", "name", False)),
        ("Russia", ("RUS", "name", False)),
        ("Russian Federation", ("RUS", "name", False)),
        ("Iran", ("IRN", "name", False)),
        ("Persia", ("IRN", "name", False)),
        ("Vietnam", ("VNM", "name", False)),
        ("Viet Nam", ("VNM", "name", False)),
        ("Myanmar", ("MMR", "name", False)),
        ("Burma", ("MMR", "name", False)),
        ("Taiwan", ("TWN", "name", False)),
        ("Ivory Coast", ("CIV", "name", False)),
        ("Côte d'Ivoire", ("CIV", "name", False)),
        ("Czech Republic", ("CZE", "name", False)),
        ("the Czech Republic", ("CZE", "name", False)),
        ("Czechia", ("CZE", "name", False)),
        ("Holland", ("NLD", "name", False)),
        ("the Netherlands", ("NLD", "name", False)),
        ("The Netherlands", ("NLD", "name", False)),
        ("the Philippines", ("PHL", "name", False)),
        ("the Gambia", ("GMB", "name", False)),
        ("DR Congo", ("COD", "name", False)),
        ("Democratic Republic of Congo", ("COD", "name", False)),
        ("Congo-Brazzaville", ("COG", "name", False)),
        ("Congo", ("COG", "name", False)),
        ("Swaziland", ("SWZ", "name", False)),
        ("Macedonia", ("MKD", "name", False)),
        ("East Timor", ("TLS", "name", False)),
        ("Cape Verde", ("CPV", "name", False)),
        ("Turkey", ("TUR", "name", False)),
        ("Laos", ("LAO", "name", False)),
        ("Syria", ("SYR", "name", False)),
        ("Hong Kong", ("HKG", "name", False)),
        ("Vatican", ("VAT", "name", False)),
        ("Bosnia", ("BIH", "name", False)),
        ("Kazakstan", ("KAZ", "name", False)),
        # case: upper-case headlines yes, lower-case words and abbreviations no
        ("CHINA", ("CHN", "name", False)),
        ("SAINT VINCENT AND THE GRENADINES", ("VCT", "name", False)),
        ("china", None),
        ("turkey", None),
        ("us", None),
        ("Us", None),
        ("uk", None),
        # possessives
        ("China's", ("CHN", "name", False)),
        ("China\u2019s", ("CHN", "name", False)),
        ("Singapore\u2019s", ("SGP", "name", False)),
        # former countries (ISO 3166-3)
        ("Soviet Union", ("SUN", "name", True)),
        ("the Soviet Union", ("SUN", "name", True)),
        ("USSR", ("SUN", "name", True)),
        ("U.S.S.R.", ("SUN", "name", True)),
        ("West Germany", ("DEU", "name", True)),
        ("East Germany", ("DDR", "name", True)),
        ("GDR", ("DDR", "name", True)),
        ("Yugoslavia", ("YUG", "name", True)),
        ("Federal Republic of Yugoslavia", ("YUG", "name", True)),
        ("Czechoslovakia", ("CSK", "name", True)),
        ("Zaire", ("ZAR", "name", True)),
        ("Rhodesia", ("RHO", "name", True)),
        ("Upper Volta", ("HVO", "name", True)),
        # demonyms and adjectives
        ("Chinese", ("CHN", "demonym", False)),
        ("Vietnamese", ("VNM", "demonym", False)),
        ("British", ("GBR", "demonym", False)),
        ("Briton", ("GBR", "demonym", False)),
        ("Britons", ("GBR", "demonym", False)),
        ("Dutch", ("NLD", "demonym", False)),
        ("Filipino", ("PHL", "demonym", False)),
        ("Filipinos", ("PHL", "demonym", False)),
        ("American", ("USA", "demonym", False)),
        ("Americans", ("USA", "demonym", False)),
        ("Singaporean", ("SGP", "demonym", False)),
        ("Russian", ("RUS", "demonym", False)),
        ("Iraqi", ("IRQ", "demonym", False)),
        ("Iraqis", ("IRQ", "demonym", False)),
        ("Israeli", ("ISR", "demonym", False)),
        ("Swiss", ("CHE", "demonym", False)),
        ("French", ("FRA", "demonym", False)),
        ("South Korean", ("KOR", "demonym", False)),
        ("North Korean", ("PRK", "demonym", False)),
        ("Burmese", ("MMR", "demonym", False)),
        ("Saudi", ("SAU", "demonym", False)),
        ("Soviet", ("SUN", "demonym", True)),
        ("West German", ("DEU", "demonym", True)),
        ("Yugoslav", ("YUG", "demonym", True)),
        ("Zairean", ("ZAR", "demonym", True)),
        ("chinese", None),
        # places: capitals and big cities
        ("Beijing", ("CHN", "place", False)),
        ("Hangzhou", ("CHN", "place", False)),
        ("Wenzhou", ("CHN", "place", False)),
        ("Shanghai", ("CHN", "place", False)),
        ("Washington", ("USA", "place", False)),
        ("London", ("GBR", "place", False)),
        ("Moscow", ("RUS", "place", False)),
        ("Hanoi", ("VNM", "place", False)),
        ("Sao Paulo", ("BRA", "place", False)),
        ("São Paulo", ("BRA", "place", False)),
        ("BEIJING", ("CHN", "place", False)),
        # a country name wins over the capital of the same name
        ("Singapore", ("SGP", "name", False)),
        ("Mexico", ("MEX", "name", False)),
        # ambiguous or not countries
        ("Korean", None),
        ("Congolese", None),
        ("Georgia", ("GEO", "name", False)),
        ("Victoria", None),
        ("Hyderabad", None),
        ("Valencia", None),
        ("Caribbean", None),
        ("ASEAN", None),
        ("EU", None),
        ("G20", None),
        ("Middle East", None),
        ("Western", None),
        ("Europe", None),
        ("Hongtong", None),
        ("my country", None),
        ("", None),
    ],
)
def test_countries_lookup_form(text: str, expected: tuple[str, str, bool] | None) -> None:
    assert _short(lookup_form(text)) == expected


@pytest.mark.parametrize(
    "text,expected",
    [
        ("CHN", ("CN", "CHN", "China", "name", False)),
        ("CN", ("CN", "CHN", "China", "name", False)),
        ("USA", ("US", "USA", "United States", "name", False)),
        ("SUN", ("SU", "SUN", "Soviet Union", "name", True)),
        ("Zaire", ("ZR", "ZAR", "Zaire", "name", True)),
        ("China", ("CN", "CHN", "China", "name", False)),
        ("XX", None),
        ("chn", None),
    ],
)
def test_countries_lookup_country(text: str, expected: tuple | None) -> None:
    found = lookup_country(text)
    assert (tuple(found) if found else None) == expected


@pytest.mark.parametrize(
    "form,day,expected",
    [
        ("Moscow", "1987-03-03", ("SUN", "place", True)),
        ("Moscow", "1991-12-25", ("SUN", "place", True)),
        ("Moscow", "1991-12-26", ("RUS", "place", False)),
        ("Vilnius", "1991-09-05", ("SUN", "place", True)),
        ("Vilnius", "1991-09-06", ("LTU", "place", False)),
        ("Belgrade", "1999-05-01", ("YUG", "place", True)),
        ("Belgrade", "2004-01-01", ("SCG", "place", True)),
        ("Belgrade", "2006-06-10", ("SRB", "place", False)),
        ("Zagreb", "1991-06-24", ("YUG", "place", True)),
        ("Zagreb", "1991-06-25", ("HRV", "place", False)),
        ("Prague", "1992-12-31", ("CSK", "place", True)),
        ("Bratislava", "1993-01-01", ("SVK", "place", False)),
        ("Paris", "1987-03-03", ("FRA", "place", False)),
        # the mention type is kept: the component applies it to places only
        ("Ukraine", "1987-03-03", ("SUN", "name", True)),
    ],
)
def test_countries_country_on(form: str, day: str, expected: tuple[str, str, bool]) -> None:
    country = lookup_form(form)
    assert country is not None
    assert _short(country_on(country, dt.date.fromisoformat(day))) == expected


@pytest.mark.parametrize(
    "code,expected",
    [
        ("SGP", ("SG", "SGP", "Singapore", "name", False)),
        ("VN", ("VN", "VNM", "Viet Nam", "name", False)),
        ("DDR", ("DD", "DDR", "East Germany", "name", True)),
        ("ZZZ", None),
    ],
)
def test_countries_country_by_code(code: str, expected: tuple | None) -> None:
    found = country_by_code(code)
    assert (tuple(found) if found else None) == expected


@pytest.mark.parametrize(
    "text,expected",
    [
        ("my country", True),
        ("My country", True),
        ("our country", True),
        ("our  country", True),
        ("the country", False),
        ("my countries", False),
    ],
)
def test_countries_is_self_reference(text: str, expected: bool) -> None:
    assert is_self_reference(text) is expected


@pytest.mark.parametrize(
    "text,expected",
    [
        ("the United States", "United States"),
        ("The Netherlands", "Netherlands"),
        ("China's", "China"),
        ("China\u2019s", "China"),
        ("  Saint Vincent and  the Grenadines ", "Saint Vincent and the Grenadines"),
        ("Philippines'", "Philippines"),
    ],
)
def test_countries_clean_mention(text: str, expected: str) -> None:
    assert clean_mention(text) == expected


@pytest.mark.parametrize(
    "word,expected",
    [
        ("Railway", True),
        ("Bank", True),
        ("Party", True),
        ("Branch", True),
        ("Airlines", True),
        ("Daily", True),
        ("Summit", True),
        ("Guild", True),
        ("bank", False),
        ("government", False),
        ("President", False),
        ("", False),
    ],
)
def test_countries_is_org_word(word: str, expected: bool) -> None:
    assert is_org_word(word) is expected


@pytest.mark.parametrize(
    "phrase,expected",
    [
        ("Caribbean", "region"),
        ("Middle East", "region"),
        ("South China Sea", "region"),
        ("East China", "region"),
        ("Latin America", "region"),
        ("ASEAN", "group"),
        ("EU", "group"),
        ("G20", "group"),
        ("Western countries", "group"),
        ("Korean", "ambiguous"),
    ],
)
def test_countries_exclusion_phrases(phrase: str, expected: str) -> None:
    assert exclusion_phrases()[phrase] == expected


@pytest.mark.parametrize(
    "form,sentence,expected",
    [
        ("Georgia", "The company is based in Atlanta, Georgia.", True),
        ("Georgia", "Georgia and Armenia signed a treaty.", False),
        ("Jordan", "Michael Jordan scored 40 points for the Bulls.", True),
        ("Jordan", "King Hussein of Jordan met the envoy.", False),
        ("China", "Atlanta and China.", False),
    ],
)
def test_countries_vetoed_by_context(form: str, sentence: str, expected: bool) -> None:
    assert vetoed_by_context(form, sentence) is expected


@pytest.mark.parametrize(
    "mentions,expected",
    [
        ([("CHN", 10), ("USA", 5), ("CHN", 40)], "CHN"),
        ([("USA", 5), ("CHN", 10)], "USA"),
        ([("CHN", 10), ("USA", 5)], "USA"),
        ([], None),
    ],
)
def test_countries_dominant_country(mentions: list[tuple[str, int]], expected: str | None) -> None:
    assert dominant_country(mentions) == expected


@pytest.mark.parametrize(
    "text,expected",
    [("Portsmouth", True), ("SURREY", True), ("Clinton", False), ("Zhang Shengjun", False)],
)
def test_countries_is_city_name(text: str, expected: bool) -> None:
    assert is_city_name(text) is expected
