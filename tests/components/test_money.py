"""news_money on hand-written sentences: spans, amounts and context-resolved currencies."""

from __future__ import annotations

import pytest
from spacy.language import Language

from extract.types import ArticleMetadata


def _money(nlp: Language, text: str, home_country: str | None = None) -> list[dict]:
    doc = nlp.make_doc(text)
    doc._.doc_id = "t"
    doc._.metadata = ArticleMetadata(
        home_country=home_country, home_country_source="metadata" if home_country else "none"
    )
    for _, component in nlp.pipeline:
        doc = component(doc)
    return doc._.money


@pytest.mark.slow
@pytest.mark.parametrize(
    ("text", "home_country", "expected"),
    [
        (
            "19.654 billion yuan was recovered.",
            None,
            [("19.654 billion yuan", "19654000000", "exact", "CNY", False)],
        ),
        (
            "Profit was $1.13bn, up from £600m.",
            None,
            [
                ("$1.13bn", "1130000000", "exact", "USD", True),
                ("£600m", "600000000", "exact", "GBP", False),
            ],
        ),
        (
            "The company had net profit of 5.93 mln dlrs.",
            "USA",
            [("5.93 mln dlrs", "5930000", "exact", "USD", True)],
        ),
        (
            "Hutchison placed a HK$500 mln order and paid $20 mln in fees.",
            None,
            [
                ("HK$500 mln", "500000000", "exact", "HKD", False),
                ("$20 mln", "20000000", "exact", "HKD", True),
            ],
        ),
        ("The Sydney firm earned $40 mln.", "AUS", [("$40 mln", "40000000", "exact", "AUD", True)]),
        (
            "Tata said it will invest Rs16,189 crore.",
            "IND",
            [("Rs16,189 crore", "161890000000", "exact", "INR", True)],
        ),
        (
            "It raised more than 19 billion yuan.",
            None,
            [("19 billion yuan", "19000000000", "more_than", "CNY", False)],
        ),
        (
            "The deal is worth between $1 and $2 million.",
            None,
            [("$1 and $2 million", None, "range", "USD", True)],
        ),
        ("Crude rose to $20 a barrel.", None, [("$20", "20", "exact", "USD", True)]),
        (
            "Sony sells the PSP for 19,800 yen ($188; £98).",
            "JPN",
            [
                ("19,800 yen", "19800", "exact", "JPY", False),
                ("$188", "188", "exact", "USD", True),
                ("£98", "98", "exact", "GBP", False),
            ],
        ),
        (
            "China had a trade deficit of 11.9 billion dlrs, down from a record 14 billion in 1985.",
            None,
            [
                ("11.9 billion dlrs", "11900000000", "exact", "USD", True),
                ("14 billion", "14000000000", "exact", "USD", True),
            ],
        ),
        ("Inflation rose 5.7 pct to 10.5 pct.", None, []),
        ("The ship carried 7,951 tonnes and 543 people.", None, []),
    ],
)
def test_money_component_detects(
    nlp: Language, text: str, home_country: str | None, expected: list[tuple]
) -> None:
    rows = _money(nlp, text, home_country)
    got = [
        (r["text"], r["amount"], r["qualifier"], r["currency"], r["currency_ambiguous"])
        for r in rows
    ]
    assert got == expected
    assert all(text[r["start_char"] : r["end_char"]] == r["text"] for r in rows)


@pytest.mark.slow
def test_money_component_row_columns(nlp: Language) -> None:
    from extract.tables.schema import MONEY

    [row] = _money(nlp, "It paid $5 million.")
    assert set(row) == set(MONEY.column_names) - {"doc_id", "sentence"}
    assert row["mention_id"] == "t:money:0"


@pytest.mark.slow
def test_money_component_counts_skip_money(nlp: Language) -> None:
    doc = nlp.make_doc("The company paid 5 mln dlrs for 20 trucks.")
    doc._.doc_id = "t"
    for _, component in nlp.pipeline:
        doc = component(doc)
    assert [r["text"] for r in doc._.money] == ["5 mln dlrs"]
    assert [r["text"] for r in doc._.counts] == ["20 trucks"]


@pytest.mark.parametrize(
    ("source", "currency"),
    [("metadata", "TRL"), ("option", "TRL"), ("inferred", "TRY"), ("none", "TRY")],
)
def test_money_component_code_on_known_reference_date(source: str, currency: str) -> None:
    """The historical code needs a date the article gives; an inferred year is a guess."""
    import spacy
    from spacy.tokens import Doc

    import extract.components  # noqa: F401  (registers the factories)
    from extract.extensions import register_extensions

    register_extensions()
    nlp = spacy.blank("en")
    money = nlp.add_pipe("news_money")
    doc = Doc(nlp.vocab, words=["It", "cost", "5,000", "Turkish", "lira", "."])
    doc._.doc_id = "t"
    doc._.reference_date = "1987-05-01"
    doc._.reference_date_source = source
    assert [row["currency"] for row in money(doc)._.money] == [currency]
