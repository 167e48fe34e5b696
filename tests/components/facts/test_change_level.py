"""Change versus level on verbs of change, on hand-built Docs."""

from __future__ import annotations

from decimal import Decimal

import pytest
from spacy.language import Language

from extract.components.facts import link_facts
from extract.normalize.facts import signed_change
from tests.components.facts.docs import mention, parsed


def _rows(facts: list[dict]) -> list[tuple]:
    return [
        (
            f["fact_type"],
            f["start_char"],
            f["end_char"],
            f["value"],
            f["low"],
            f["high"],
            f["measure"],
            f["event_id"],
            f["predicate"],
        )
        for f in facts
    ]


def test_range_on_a_verb_of_change_is_a_change_and_a_level(blank_nlp: Language) -> None:
    # 'Oil dropped 45 cents to $23.10'
    doc = parsed(
        blank_nlp,
        [
            ("Oil", "NOUN", "nsubj", 1, "oil"),
            ("dropped", "VERB", "ROOT", 1, "drop"),
            ("45", "NUM", "nummod", 3, "45"),
            ("cents", "NOUN", "npadvmod", 1, "cent"),
            ("to", "ADP", "prep", 3, "to"),
            ("$", "SYM", "nmod", 6, "$"),
            ("23.10", "NUM", "pobj", 4, "23.10"),
        ],
        spaces=[True, True, True, True, True, False, False],
    )
    mention(
        doc,
        "money",
        2,
        7,
        amount=None,
        low=Decimal("0.45"),
        high=Decimal("23.10"),
        currency="USD",
        qualifier="range",
    )
    assert doc.text[12:20] == "45 cents" and doc.text[24:30] == "$23.10"
    assert _rows(link_facts(doc)) == [
        ("money", 12, 20, "-0.45", None, None, "change", "d:facts:0", "drop"),
        ("money", 24, 30, "23.10", None, None, "level", "d:facts:0", "drop"),
    ]


def test_percent_measure_gives_a_percent_change_fact(blank_nlp: Language) -> None:
    # 'Sales rose 5 pct to 12 dlrs'
    doc = parsed(
        blank_nlp,
        [
            ("Sales", "NOUN", "nsubj", 1, "sale"),
            ("rose", "VERB", "ROOT", 1, "rise"),
            ("5", "NUM", "nummod", 3, "5"),
            ("pct", "NOUN", "npadvmod", 1, "pct"),
            ("to", "ADP", "prep", 1, "to"),
            ("12", "NUM", "nummod", 6, "12"),
            ("dlrs", "NOUN", "pobj", 4, "dlr"),
        ],
    )
    mention(
        doc,
        "money",
        5,
        7,
        amount=Decimal(12),
        low=Decimal(12),
        high=Decimal(12),
        currency="USD",
        qualifier="exact",
    )
    facts = link_facts(doc)
    assert _rows(facts) == [
        ("percent", 11, 16, "5", None, None, "change", "d:facts:0", "rise"),
        ("money", 20, 27, "12", "12", "12", "level", "d:facts:0", "rise"),
    ]
    assert (facts[0]["unit"], facts[0]["mention_id"]) == ("percent", None)


def test_range_without_a_verb_of_change_stays_a_range(blank_nlp: Language) -> None:
    # 'Prices ranged 10 to 12 dlrs'
    doc = parsed(
        blank_nlp,
        [
            ("Prices", "NOUN", "nsubj", 1, "price"),
            ("ranged", "VERB", "ROOT", 1, "range"),
            ("10", "NUM", "quantmod", 4, "10"),
            ("to", "ADP", "quantmod", 4, "to"),
            ("12", "NUM", "nummod", 5, "12"),
            ("dlrs", "NOUN", "npadvmod", 1, "dlr"),
        ],
    )
    mention(
        doc,
        "money",
        2,
        6,
        amount=None,
        low=Decimal(10),
        high=Decimal(12),
        currency="USD",
        qualifier="range",
    )
    assert _rows(link_facts(doc)) == [
        ("money", 14, 27, None, "10", "12", None, None, "range"),
    ]


@pytest.mark.parametrize(
    "amount,direction,expected",
    [("0.45", "down", "-0.45"), ("5", "up", "5"), ("+3", "down", "-3"), ("-2", "up", "2")],
)
def test_signed_change(amount, direction, expected):
    assert signed_change(amount, direction) == expected


def test_two_mentions_on_a_verb_of_change_pair_as_change_and_level(blank_nlp: Language) -> None:
    # 'Shares fell 2 dlrs to 40 dlrs'
    doc = parsed(
        blank_nlp,
        [
            ("Shares", "NOUN", "nsubj", 1, "share"),
            ("fell", "VERB", "ROOT", 1, "fall"),
            ("2", "NUM", "nummod", 3, "2"),
            ("dlrs", "NOUN", "npadvmod", 1, "dlr"),
            ("to", "ADP", "prep", 1, "to"),
            ("40", "NUM", "nummod", 6, "40"),
            ("dlrs", "NOUN", "pobj", 4, "dlr"),
        ],
    )
    for first, value in ((2, 2), (5, 40)):
        mention(
            doc,
            "money",
            first,
            first + 2,
            amount=Decimal(value),
            low=Decimal(value),
            high=Decimal(value),
            currency="USD",
            qualifier="exact",
        )
    assert _rows(link_facts(doc)) == [
        ("money", 12, 18, "-2", None, None, "change", "d:facts:0", "fall"),
        ("money", 22, 29, "40", "40", "40", "level", "d:facts:0", "fall"),
    ]
