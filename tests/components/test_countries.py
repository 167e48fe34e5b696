"""news_countries on hand-written sentences and on the seed article (needs the trained model)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from spacy.language import Language

from extract.types import ArticleMetadata

GOLD = Path(__file__).resolve().parents[2] / "corpora" / "gold" / "seed" / "countries.jsonl"


def _doc(nlp: Language, text: str, doc_id: str = "t", home: str | None = None):  # type: ignore[no-untyped-def]
    doc = nlp.make_doc(text)
    doc._.doc_id = doc_id
    if home:
        doc._.metadata = ArticleMetadata(home_country=home, home_country_source="metadata")
    return nlp(doc)


@pytest.mark.slow
@pytest.mark.parametrize(
    "text,expected",
    [
        (
            "The Soviet Union and West Germany signed the pact; Yugoslavia and Czechoslovakia abstained.",
            [
                ("Soviet Union", "SUN", "name", True),
                ("West Germany", "DEU", "name", True),
                ("Yugoslavia", "YUG", "name", True),
                ("Czechoslovakia", "CSK", "name", True),
            ],
        ),
        (
            "He studied at the Bank of China branch in Hong Kong and later joined China Railway in East China.",
            [("Hong Kong", "HKG", "name", False)],
        ),
        (
            "Officials from the European Union, ASEAN and the G20 met in the Middle East and the Caribbean.",
            [],
        ),
        (
            "Filipino workers in the Philippines and Burmese refugees in Burma welcomed the move.",
            [
                ("Filipino", "PHL", "demonym", False),
                ("Philippines", "PHL", "name", False),
                ("Burmese", "MMR", "demonym", False),
                ("Burma", "MMR", "name", False),
            ],
        ),
        (
            "The fugitives fled to Saint Vincent and the Grenadines and then to the United States.",
            [
                ("Saint Vincent and the Grenadines", "VCT", "name", False),
                ("United States", "USA", "name", False),
            ],
        ),
        (
            "Prime Minister Lee met officials in Beijing and Hangzhou, then returned to Singapore.",
            [
                ("Beijing", "CHN", "place", False),
                ("Hangzhou", "CHN", "place", False),
                ("Singapore", "SGP", "name", False),
            ],
        ),
        (
            "Alan Shearer was named as the new England captain; police in east China agreed.",
            [("England", "GBR", "name", False), ("China", "CHN", "name", False)],
        ),
        (
            "The South China Sea and New England are not countries, nor is Latin America.",
            [],
        ),
        (
            "The company moved its headquarters to Atlanta, Georgia, last year.",
            [("Atlanta", "USA", "city", False)],  # Georgia: the US state, not a country
        ),
        (
            "Georgia and Armenia signed a border treaty in Tbilisi.",
            [
                ("Georgia", "GEO", "name", False),
                ("Armenia", "ARM", "name", False),
                ("Tbilisi", "GEO", "place", False),
            ],
        ),
        # found on unseen news: "the West" inside "West German", a country run into numbers
        # or into an honorific and a name, datelines, "<Guild> of Great Britain"
        (
            "Exports to the West German economy rose sharply.",
            [("West German", "DEU", "demonym", True)],
        ),
        (
            "The deficits were Taiwan 13.1 billion dlrs and China 2.8 billion.",
            [("Taiwan", "TWN", "name", False), ("China", "CHN", "name", False)],
        ),
        (
            "After the debt relief deal with Tanzania Mr Brown said the UK would help.",
            [("Tanzania", "TZA", "name", False), ("UK", "GBR", "name", False)],
        ),
        (
            "BEIJING - Officials met on Monday to discuss trade.",
            [("BEIJING", "CHN", "dateline", False)],
        ),
        ("He is a founding member of the Writers' Guild of Great Britain.", []),
        ("He won two US Opens and one Wimbledon title.", []),
        (
            "The Briton reached the semi-finals at the French and US Opens.",
            [("Briton", "GBR", "demonym", False)],
        ),
        (
            "Trade talks between Tunisia and the Palestinian Authority.",
            [("Tunisia", "TUN", "name", False)],
        ),
        (
            "Our country will never accept this, said the foreign ministry of Vietnam.",
            [("Our country", "VNM", "self_reference", False), ("Vietnam", "VNM", "name", False)],
        ),
        # issue 15: datelines, US states, smaller cities, government names, plain modifiers
        (
            "DENVER, March 3 - The company said it would expand in Florida and Tampa, Fla.",
            [
                ("DENVER", "USA", "dateline", False),
                ("Florida", "USA", "state", False),
                ("Tampa", "USA", "city", False),
                ("Fla.", "USA", "state", False),
            ],
        ),
        (
            "VIENNA, Va., April 13 - Entre Computer Centers Inc said it would close its units.",
            [("VIENNA, Va.", "USA", "dateline", False)],
        ),
        (
            "The Bank of Japan said the yen was stable, unlike the Bank of China.",
            [("Japan", "JPN", "organisation", False)],
        ),
        (
            "The group sold its UK retail arm to a rival.",
            [("UK", "GBR", "name", False)],
        ),
    ],
)
def test_countries_component_sentences(
    nlp: Language, text: str, expected: list[tuple[str, str, str, bool]]
) -> None:
    rows = _doc(nlp, text)._.countries
    assert [(r["text"], r["iso3"], r["mention_type"], r["former"]) for r in rows] == expected
    for row in rows:
        assert text[row["start_char"] : row["end_char"]] == row["text"]


@pytest.mark.slow
@pytest.mark.parametrize(
    "text,home,expected_home,expected_source,self_iso3",
    [
        ("China and my country agreed. China signed first.", None, "CHN", "dominant", "CHN"),
        ("Singapore and my country agreed. China signed first.", "SGP", "SGP", "metadata", "SGP"),
        ("Our country has no other country to blame.", None, None, "none", None),
        ("Vietnam, Vietnam and the United States met.", None, "VNM", "dominant", None),
    ],
)
def test_countries_component_home_country(
    nlp: Language,
    text: str,
    home: str | None,
    expected_home: str | None,
    expected_source: str | None,
    self_iso3: str | None,
) -> None:
    doc = _doc(nlp, text, home=home)
    assert (doc._.home_country, doc._.home_country_source) == (expected_home, expected_source)
    self_rows = [r["iso3"] for r in doc._.countries if r["mention_type"] == "self_reference"]
    assert self_rows == ([self_iso3] if self_iso3 else [])


@pytest.mark.slow
@pytest.mark.parametrize("doc_id", ["seed_article"])
def test_countries_component_seed_gold(nlp: Language, seed_text: str, doc_id: str) -> None:
    gold = [json.loads(line) for line in GOLD.read_text(encoding="utf-8").splitlines()]
    doc = _doc(nlp, seed_text, doc_id)
    got = [
        (r["start_char"], r["end_char"], r["text"], r["iso3"], r["mention_type"])
        for r in doc._.countries
    ]
    want = [(g["start_char"], g["end_char"], g["text"], g["iso3"], g["mention_type"]) for g in gold]
    assert got == want
    assert (doc._.home_country, doc._.home_country_source) == ("CHN", "dominant")


@pytest.mark.slow
@pytest.mark.parametrize(
    "reference,source,expected",
    [
        # a place is coded as the country it was in on the article's date
        ("1987-03-03", "metadata", [("Moscow", "SUN", True), ("Ukraine", "UKR", False)]),
        ("1987-03-03", "option", [("Moscow", "SUN", True), ("Ukraine", "UKR", False)]),
        ("2020-11-02", "metadata", [("Moscow", "RUS", False), ("Ukraine", "UKR", False)]),
        # no date given, or only a guessed one: today's country
        (None, None, [("Moscow", "RUS", False), ("Ukraine", "UKR", False)]),
        ("1987-03-03", "inferred", [("Moscow", "RUS", False), ("Ukraine", "UKR", False)]),
    ],
)
def test_countries_place_as_of_article_date(
    nlp: Language, reference: str | None, source: str | None, expected: list[tuple]
) -> None:
    doc = nlp.make_doc("Talks in Moscow on grain sales to Ukraine ended on Tuesday.")
    doc._.doc_id = "t"
    doc._.metadata = ArticleMetadata(
        reference_date=reference, reference_date_source=source or "none"
    )
    rows = nlp(doc)._.countries
    assert [(row["text"], row["iso3"], row["former"]) for row in rows] == expected
