"""news_facts on parsed text with hand-built mention lists (the mention components are tested
elsewhere; here their output is fixed so that only the linking is under test)."""

from __future__ import annotations

from typing import Any

import pytest

from extract.components.facts import link_facts

pytestmark = pytest.mark.slow

Spec = tuple  # (needle, context or None, {typed columns})


def _rows(doc_id: str, text: str, table: str, specs: list[Spec]) -> list[dict[str, Any]]:
    rows = []
    for index, (needle, context, values) in enumerate(specs):
        context = context or needle
        assert text.count(context) == 1, context
        start = text.index(context) + context.index(needle)
        rows.append(
            {
                "mention_id": f"{doc_id}:{table}:{index}",
                "start_char": start,
                "end_char": start + len(needle),
                "text": needle,
                **values,
            }
        )
    return rows


def _facts(nlp, text: str, doc_id: str = "t", **mentions: list[Spec]) -> list[dict[str, Any]]:
    doc = nlp(text)
    doc._.doc_id = doc_id
    for table in ("persons", "countries", "dates", "counts", "money"):
        setattr(doc._, table, _rows(doc_id, text, table, mentions.get(table, [])))
    return link_facts(doc)


def _person(key: str) -> dict:
    return {"person_key": key}


def _country(iso3: str) -> dict:
    return {"iso3": iso3}


def _date(start: str, end: str | None = None, kind: str = "date") -> dict:
    return {"kind": kind, "start": start, "end": end or start}


def _count(value: int, obj: str, qualifier: str = "exact") -> dict:
    high = None if qualifier == "more_than" else value
    return {"value": value, "low": value, "high": high, "qualifier": qualifier, "object": obj}


def _pick(facts: list[dict], *columns: str) -> list[tuple]:
    return [tuple(fact[c] for c in columns) for fact in facts]


SEED_COLUMNS = (
    "fact_type",
    "mention_id",
    "predicate",
    "role",
    "subject",
    "object",
    "object_person_key",
    "date_mention_id",
    "date_link",
    "country_iso3",
    "country_prepositions",
    "places",
)


@pytest.fixture(scope="module")
def seed_facts(nlp, seed_text):
    return _facts(
        nlp,
        seed_text,
        "seed_article",
        persons=[
            ("Hu Yipin", "Hu Yipin was arrested", _person("hu-yipin")),
            ("Qiang Tao", "Qiang Tao was arrested", _person("qiang-tao")),
        ],
        countries=[
            ("Vietnam", None, _country("VNM")),
            ("China", "Vietnam and sent back to China", _country("CHN")),
            ("Myanmar", None, _country("MMR")),
            ("China", "Myanmar and sent back to China", _country("CHN")),
            ("China", "ASEAN countries to China", _country("CHN")),
        ],
        dates=[
            ("From 2014 to June 2020", None, _date("2014-01-01", "2020-06-30", "range")),
            ("April 28 this year", None, _date("2020-04-28")),
            ("May 31", None, _date("2020-05-31")),
            ("September 25 this year", None, _date("2020-09-25")),
        ],
        counts=[
            ("7,831 escaped persons", None, _count(7831, "escaped persons")),
            (
                "more than 120 countries and regions",
                "persons from more than 120 countries and regions",
                _count(120, "countries and regions", "more_than"),
            ),
            ("18 envoys", None, _count(18, "envoys")),
        ],
        money=[
            (
                "19.654 billion yuan",
                None,
                {
                    "amount": "19654000000",
                    "low": None,
                    "high": None,
                    "qualifier": "exact",
                    "currency": "CNY",
                },
            )
        ],
    )


def test_facts_seed_rows(seed_facts):
    assert _pick(seed_facts, *SEED_COLUMNS) == [
        (
            "count",
            "seed_article:counts:2",
            "have",
            "subject",
            "18 envoys",
            "exchange",
            None,
            "seed_article:dates:3",
            "same_clause",
            ["CHN"],
            ["to"],
            ["ASEAN countries", "China"],
        ),
        (
            "count",
            "seed_article:counts:0",
            "recover",
            "object",
            None,
            "7,831 escaped persons",
            None,
            "seed_article:dates:0",
            "same_clause",
            [],
            [],
            ["the country", "more than 120 countries and regions"],
        ),
        (
            "count",
            "seed_article:counts:1",
            "recover",
            "from",
            None,
            "7,831 escaped persons",
            None,
            "seed_article:dates:0",
            "same_clause",
            [],
            [],
            ["the country"],
        ),
        (
            "money",
            "seed_article:money:0",
            "recover",
            "object",
            None,
            "19.654 billion yuan",
            None,
            "seed_article:dates:0",
            "same_sentence",
            [],
            [],
            [],
        ),
        (
            "person_event",
            "seed_article:persons:0",
            "arrest",
            "object",
            None,
            "Hu Yipin",
            "hu-yipin",
            "seed_article:dates:1",
            "same_clause",
            ["VNM"],
            ["in"],
            ["Vietnam"],
        ),
        (
            "person_event",
            "seed_article:persons:0",
            "send_back",
            "object",
            None,
            "Hu Yipin",
            "hu-yipin",
            "seed_article:dates:1",
            "same_clause",
            ["CHN"],
            ["to"],
            ["China"],
        ),
        (
            "person_event",
            "seed_article:persons:1",
            "arrest",
            "object",
            None,
            "Qiang Tao",
            "qiang-tao",
            "seed_article:dates:2",
            "previous_sentence",
            ["MMR"],
            ["in"],
            ["Myanmar"],
        ),
        (
            "person_event",
            "seed_article:persons:1",
            "send_back",
            "object",
            None,
            "Qiang Tao",
            "qiang-tao",
            "seed_article:dates:2",
            "previous_sentence",
            ["CHN"],
            ["to"],
            ["China"],
        ),
    ]


def test_facts_seed_values_dates_and_ids(seed_facts):
    money = next(f for f in seed_facts if f["fact_type"] == "money")
    assert (money["value"], money["unit"], money["date_start"], money["date_end"]) == (
        "19654000000",
        "CNY",
        "2014-01-01",
        "2020-06-30",
    )
    assert [f["fact_id"] for f in seed_facts] == [f"seed_article:facts:{i}" for i in range(8)]
    assert seed_facts[4]["country_mention_ids"] == ["seed_article:countries:0"]
    assert all(0 < f["confidence"] <= 1 and f["link_rule"] for f in seed_facts)


@pytest.mark.parametrize(
    "text,mentions,expected",
    [
        (
            "Police arrested John Smith in Paris on Monday.",
            {
                "persons": [("John Smith", None, _person("john-smith"))],
                "countries": [("Paris", None, _country("FRA"))],
                "dates": [("Monday", None, _date("2020-05-04"))],
            },
            [("arrest", "object", "Police", "John Smith", False, "same_clause", ["FRA"], "object")],
        ),
        (
            "John Smith was not arrested by police.",
            {"persons": [("John Smith", None, _person("john-smith"))]},
            [("arrest", "object", "police", "John Smith", True, None, [], "object")],
        ),
        (
            "John Smith fled to Brazil and was arrested there in 2019.",
            {
                "persons": [("John Smith", None, _person("john-smith"))],
                "countries": [("Brazil", None, _country("BRA"))],
                "dates": [("2019", None, _date("2019-01-01", "2019-12-31"))],
            },
            [
                ("flee", "subject", "John Smith", None, False, None, ["BRA"], "subject"),
                ("arrest", "object", None, "John Smith", False, "same_clause", ["BRA"], "conjunct"),
            ],
        ),
        (
            "The court jailed Ann Lee, who fled to Spain.",
            {
                "persons": [("Ann Lee", None, _person("ann-lee"))],
                "countries": [("Spain", None, _country("ESP"))],
            },
            [
                ("jail", "object", "The court", "Ann Lee", False, None, [], "object"),
                ("flee", "subject", "Ann Lee", None, False, None, ["ESP"], "relative_clause"),
            ],
        ),
        (
            "Durkin was re-elected to the board.",
            {"persons": [("Durkin", None, _person("durkin"))]},
            [("reelect", "object", None, "Durkin", False, None, [], "object")],
        ),
        (
            "The company said it has named Robert Benders president.",
            {"persons": [("Robert Benders", None, _person("robert-benders"))]},
            [("name", "object", "it", "Robert Benders", False, None, [], "object")],
        ),
        (
            "Peter Jackson took ten years to bring the trilogy to the screen, winning awards.",
            {"persons": [("Peter Jackson", None, _person("peter-jackson"))]},
            [("win", "subject", "Peter Jackson", "awards", False, None, [], "shared_subject")],
        ),
        (
            "Ann Lee praised the plan.",  # not an event verb: no person event
            {"persons": [("Ann Lee", None, _person("ann-lee"))]},
            [],
        ),
    ],
)
def test_facts_person_events(nlp, text, mentions, expected):
    facts = _facts(nlp, text, **mentions)
    assert (
        _pick(
            facts,
            "predicate",
            "role",
            "subject",
            "object",
            "negated",
            "date_link",
            "country_iso3",
            "link_rule",
        )
        == expected
    )


@pytest.mark.parametrize(
    "text,mentions,expected",
    [
        (
            "Floods killed 110 people in Georgia in March.",
            {
                "counts": [("110 people", None, _count(110, "people"))],
                "countries": [("Georgia", None, _country("GEO"))],
                "dates": [("March", None, _date("2020-03-01", "2020-03-31"))],
            },
            [("kill", "object", "Floods", "110 people", "same_clause", ["GEO"])],
        ),
        (
            "Officials said on Monday that 20 soldiers were killed.",
            {
                "counts": [("20 soldiers", None, _count(20, "soldiers"))],
                "dates": [("Monday", None, _date("2020-05-04"))],
            },
            [("kill", "object", None, "20 soldiers", None, [])],  # said ≠ when it happened
        ),
        (
            "The board agreed in May to pay 300 workers a bonus.",
            {
                "counts": [("300 workers", None, _count(300, "workers"))],
                "dates": [("May", None, _date("2020-05-01", "2020-05-31"))],
            },
            [("pay", "object", None, "300 workers", "same_sentence", [])],
        ),
        (
            "The firm, founded in 1990, employs 300 people.",  # the date is another clause's
            {
                "counts": [("300 people", None, _count(300, "people"))],
                "dates": [("1990", None, _date("1990-01-01", "1990-12-31"))],
            },
            [("employ", "object", "The firm", "300 people", None, [])],
        ),
    ],
)
def test_facts_quantity_links(nlp, text, mentions, expected):
    facts = _facts(nlp, text, **mentions)
    assert _pick(facts, "predicate", "role", "subject", "object", "date_link", "country_iso3") == (
        expected
    )


def test_facts_without_anchors_is_empty(nlp):
    assert _facts(nlp, "It rained in Paris on Monday.") == []


def test_facts_component_in_pipeline(nlp):
    assert "news_facts" in nlp.pipe_names
    doc = nlp("Police arrested 20 people in Kenya.")
    assert isinstance(doc._.facts, list)
