"""news_counts on hand-written sentences: values, bounds, objects and exclusions."""

from __future__ import annotations

import pytest
from spacy.language import Language

from extract.types import ArticleMetadata


def _counts(nlp: Language, text: str, home_country: str | None = None) -> list[dict]:
    doc = nlp.make_doc(text)
    doc._.doc_id = "t"
    doc._.metadata = ArticleMetadata(
        home_country=home_country, home_country_source="metadata" if home_country else "none"
    )
    for _, component in nlp.pipeline:
        doc = component(doc)
    return doc._.counts


def _row(row: dict) -> tuple:
    return (
        row["text"],
        row["value"],
        row["low"],
        row["high"],
        row["qualifier"],
        row["object"],
        row["object_lemma"],
    )


@pytest.mark.slow
@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "7831 escaped persons were recovered.",
            ("7831 escaped persons", 7831, 7831, 7831, "exact", "escaped persons", "person"),
        ),
        (
            "They were recovered from more than 120 countries and regions.",
            (
                "120 countries and regions",
                120,
                120,
                None,
                "more_than",
                "countries and regions",
                "country",
            ),
        ),
        (
            "The total includes 2,075 party members and state officials.",
            (
                "2,075 party members and state officials",
                2075,
                2075,
                2075,
                "exact",
                "party members and state officials",
                "member",
            ),
        ),
        (
            "On Friday, 18 envoys from ASEAN countries met the commission.",
            ("18 envoys", 18, 18, 18, "exact", "envoys", "envoy"),
        ),
        (
            "Registrations totalled 155,221 bags of 60 kilos.",
            ("155,221 bags", 155221, 155221, 155221, "exact", "bags", "bag"),
        ),
        (
            "Police arrested two dozen protesters.",
            ("two dozen protesters", 24, 24, 24, "exact", "protesters", "protester"),
        ),
        (
            "Tens of thousands of people marched in the capital.",
            ("Tens of thousands of people", None, 20000, 99999, "approx", "people", "people"),
        ),
        (
            "Officers carried away hundreds of boxes.",
            ("hundreds of boxes", None, 200, 999, "approx", "boxes", "box"),
        ),
        (
            "A total of 7,831 escaped persons were recovered.",
            ("7,831 escaped persons", 7831, 7831, 7831, "exact", "escaped persons", "person"),
        ),
        (
            "The union said nearly 300 journalists had signed.",
            ("300 journalists", 300, None, 300, "less_than", "journalists", "journalist"),
        ),
        (
            "At least 50 people were killed in the blast.",
            ("50 people", 50, 50, None, "at_least", "people", "people"),
        ),
        (
            "About 200 people are feared dead.",
            ("200 people", 200, None, None, "approx", "people", "people"),
        ),
        (
            "Up to 40 vessels were damaged.",
            ("40 vessels", 40, None, 40, "at_most", "vessels", "vessel"),
        ),
        (
            "The plant employs between 50 and 60 workers.",
            ("50 and 60 workers", None, 50, 60, "range", "workers", "worker"),
        ),
        (
            "The plant employs 50 to 60 workers.",
            ("50 to 60 workers", None, 50, 60, "range", "workers", "worker"),
        ),
        (
            "Five episodes of the TV feature film were broadcast.",
            ("Five episodes", 5, 5, 5, "exact", "episodes", "episode"),
        ),
        (
            "These are the three principles of cooperation.",
            ("three principles", 3, 3, 3, "exact", "principles", "principle"),
        ),
        (
            "Three of the victims were children.",
            ("Three of the victims", 3, 3, 3, "exact", "victims", "victim"),
        ),
        (
            "The company will ship three million of the consoles by March.",
            (
                "three million of the consoles",
                3000000,
                3000000,
                3000000,
                "exact",
                "consoles",
                "console",
            ),
        ),
        (
            "The country has 1.5 million refugees.",
            ("1.5 million refugees", 1500000, 1500000, 1500000, "exact", "refugees", "refugee"),
        ),
        (
            "The firm bought 231,000 common shares.",
            ("231,000 common shares", 231000, 231000, 231000, "exact", "common shares", "share"),
        ),
        (
            "The hotel manager saved 1,200 Tutsis from death.",
            ("1,200 Tutsis", 1200, 1200, 1200, "exact", "Tutsis", "Tutsi"),
        ),
        (
            "Only one person survived the crash.",
            ("one person", 1, 1, 1, "exact", "person", "person"),
        ),
        (
            "The storm destroyed some 3,000 homes.",
            ("3,000 homes", 3000, None, None, "approx", "homes", "home"),
        ),
        (
            "And the show reaped its biggest audience when Titanic took home 11 Oscars.",
            ("11 Oscars", 11, 11, 11, "exact", "Oscars", "Oscar"),
        ),
    ],
)
def test_counts_component_detects(nlp: Language, text: str, expected: tuple) -> None:
    assert [_row(r) for r in _counts(nlp, text)] == [expected]


@pytest.mark.slow
@pytest.mark.parametrize(
    "text",
    [
        "The G20 countries will uphold a zero tolerance attitude.",
        "They create a zero loophole system.",
        "It is one of the biggest banks in the world.",
        "One day they will return.",
        "The 18th National Congress met in Beijing.",
        "He is director of the China Railway 12th Bureau.",
        "Boeing 737 jets were grounded after the crash.",
        "Article 5 of the treaty applies.",
        "Inflation rose 5.7 pct last year.",
        "Prices rose 15% in March.",
        "The company paid 5 mln dlrs for the plant.",
        "He was sentenced to three years in prison.",
        "The meeting lasted 10 minutes.",
        "The road is 300 kilometres long.",
        "Output will reach 13,000 tonnes this year.",
        "In 2016 the summit was held in Hangzhou.",
        "Call 555-1234 for details.",
        "They signed a five-year contract.",
        "More than one in ten customers were affected.",
        "Nationwide, one out of five banks reported losses.",
        "Nine out of ten doctors agree.",
        "The COVID-19 pandemic hit trade.",
        "Ireland won 28-17 in Rome.",
        "Barcelona secured a 2-1 Champions League lead.",
        "The 2005 Academy Awards were held in Los Angeles.",
        "It returned to the country's top 100 companies.",
        "The library holds a hundred times more manuscripts.",
        "Italy meet Scotland in the Six Nations on Saturday.",
        "It expands its Logic One computerized building system.",
        "It is the one team that is still in the best position.",
    ],
)
def test_counts_component_excludes(nlp: Language, text: str) -> None:
    assert [_row(r) for r in _counts(nlp, text)] == []


@pytest.mark.slow
@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "The ODA said 33 states, 24 states and 20 states qualified.",
            ["33 states", "24 states", "20 states"],
        ),
        ("It bought four cargoes and booked two cargoes.", ["four cargoes", "two cargoes"]),
    ],
)
def test_counts_component_every_mention(nlp: Language, text: str, expected: list[str]) -> None:
    assert [r["text"] for r in _counts(nlp, text)] == expected


@pytest.mark.slow
def test_counts_component_offsets_and_ids(nlp: Language) -> None:
    text = "Officials said 18 envoys arrived."
    [row] = _counts(nlp, text)
    assert text[row["start_char"] : row["end_char"]] == row["text"] == "18 envoys"
    assert row["mention_id"] == "t:counts:0"
