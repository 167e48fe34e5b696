"""news_home_country on hand-built Docs: the metadata's country, else the dominant one."""

from __future__ import annotations

import pytest
from spacy.language import Language

from extract.components.home_country import HomeCountry, home_country
from extract.types import ArticleMetadata

SINGAPORE = ArticleMetadata(home_country="SGP", home_country_source="metadata")
OPTION = ArticleMetadata(home_country="FRA", home_country_source="option")


def _row(iso3: str, start: int, mention_type: str = "name") -> dict:
    return {"iso3": iso3, "start_char": start, "mention_type": mention_type}


@pytest.mark.parametrize(
    "metadata,rows,disabled,expected",
    [
        (SINGAPORE, [_row("VNM", 0), _row("VNM", 9)], [], ("SGP", "metadata")),
        (OPTION, [], [], ("FRA", "option")),
        (None, [_row("VNM", 0), _row("VNM", 9), _row("USA", 18)], [], ("VNM", "dominant")),
        # a tie goes to the country named first
        (
            None,
            [_row("USA", 30), _row("VNM", 0), _row("USA", 40), _row("VNM", 9)],
            [],
            ("VNM", "dominant"),
        ),
        # self-references ("the country") do not vote
        (
            None,
            [_row("VNM", 0), _row("USA", 9, "self_reference"), _row("USA", 20, "self_reference")],
            [],
            ("VNM", "dominant"),
        ),
        (None, [], [], (None, "none")),
        (None, [_row("VNM", 0)], ["dominant"], (None, "none")),
        (SINGAPORE, [_row("VNM", 0)], ["dominant"], ("SGP", "metadata")),
    ],
)
def test_home_country_component(
    blank_nlp: Language,
    metadata: ArticleMetadata | None,
    rows: list[dict],
    disabled: list[str],
    expected: tuple,
) -> None:
    doc = blank_nlp.make_doc("Vietnam, Vietnam and the United States met.")
    doc._.metadata = metadata
    doc._.countries = rows
    doc = HomeCountry(blank_nlp, "news_home_country", disabled_rules=disabled)(doc)
    assert (doc._.home_country, doc._.home_country_source) == expected
    assert doc._.metadata is metadata  # read, never written


@pytest.mark.parametrize("disabled", [["dominat"]])
def test_home_country_unknown_rule_is_a_coded_error(blank_nlp: Language, disabled: list) -> None:
    with pytest.raises(ValueError, match=r"^E075: news_home_country: unknown rule\(s\) dominat"):
        HomeCountry(blank_nlp, "news_home_country", disabled_rules=disabled)


@pytest.mark.parametrize(
    "named,expected",
    [([("CHN", 5), ("USA", 1), ("CHN", 9)], ("CHN", "dominant")), ([], (None, "none"))],
)
def test_home_country_function(named: list, expected: tuple) -> None:
    assert home_country(ArticleMetadata(), named) == expected


@pytest.mark.parametrize(
    "metadata,currency",
    [(ArticleMetadata(home_country="AUS", home_country_source="metadata"), "AUD"), (None, "USD")],
)
def test_home_country_metadata_read_when_the_component_is_absent(
    metadata: ArticleMetadata | None, currency: str
) -> None:
    import spacy

    nlp = spacy.blank("en")
    nlp.add_pipe("sentencizer")
    nlp.add_pipe("news_money")
    doc = nlp.make_doc("The ticket cost $5.")
    doc._.metadata = metadata
    assert [(r["text"], r["currency"]) for r in nlp(doc)._.money] == [("$5", currency)]
