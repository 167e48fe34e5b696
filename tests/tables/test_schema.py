"""Declared tables: schema shape, builder enforcement and the generated data dictionary."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pyarrow as pa
import pytest

from extract.tables.build import PeopleSummary, country_mentions, to_arrow
from extract.tables.schema import MENTION_TABLES, TABLES, markdown_dictionary

REPO = Path(__file__).resolve().parents[2]
PROVENANCE = ["doc_id", "mention_id", "start_char", "end_char", "sentence", "text"]


@pytest.mark.parametrize("table", MENTION_TABLES)
def test_schema_mention_tables_start_with_provenance(table: str) -> None:
    assert TABLES[table].column_names[:6] == PROVENANCE


@pytest.mark.parametrize(
    "table,columns",
    [
        (
            "documents",
            [
                "doc_id",
                "origin",
                "extractor",
                "source",
                "title",
                "author",
                "url",
                "published",
                "crawled",
                "encoding",
                "reference_date",
                "reference_date_source",
                "home_country",
                "home_country_source",
                "language",
                "language_source",
                "duplicate_of",
                "duplicate_kind",
                "status",
                "error",
                "n_chars",
            ],
        ),
        ("persons", [*PROVENANCE, "name", "surface_name", "title", "person_key"]),
        (
            "dates",
            [
                *PROVENANCE,
                "kind",
                "timex",
                "start",
                "end",
                "grain",
                "mod",
                "relative",
                "reference_date",
                "reference_date_source",
            ],
        ),
        ("counts", [*PROVENANCE, "value", "low", "high", "qualifier", "object", "object_lemma"]),
    ],
)
def test_schema_declared_columns(table: str, columns: list[str]) -> None:
    assert TABLES[table].column_names == columns


@pytest.mark.parametrize("table", list(TABLES))
def test_schema_every_column_is_described_and_unique(table: str) -> None:
    names = TABLES[table].column_names
    assert len(names) == len(set(names))
    assert all(column.description.strip() for column in TABLES[table].columns)


def test_schema_to_arrow_orders_columns_and_coerces_types() -> None:
    rows = [
        {
            "end": "2020-06-30",
            "start": dt.date(2014, 1, 1),
            "timex": "2014/2020-06",
            "doc_id": "d",
            "mention_id": "d:dates:0",
            "start_char": 5,
            "end_char": 30,
            "sentence": 1,
            "text": "from 2014 to June 2020",
            "kind": "range",
            "grain": "month",
            "mod": None,
            "relative": False,
            "unexpected": "dropped",
        }
    ]
    table = to_arrow("dates", rows)
    assert table.schema == TABLES["dates"].arrow_schema()
    assert table.to_pylist()[0]["start"] == dt.date(2014, 1, 1)
    assert table.to_pylist()[0]["end"] == dt.date(2020, 6, 30)
    assert "unexpected" not in table.column_names


def test_schema_to_arrow_empty_table_has_schema() -> None:
    table = to_arrow("money", [])
    assert (table.num_rows, table.schema) == (0, TABLES["money"].arrow_schema())
    assert table.schema.field("amount").type == pa.decimal128(38, 8)


def test_schema_data_dictionary_is_current() -> None:
    committed = (REPO / "docs" / "tables.md").read_text(encoding="utf-8")
    assert committed == markdown_dictionary() + "\n", "regenerate: extract tables > docs/tables.md"


def test_build_country_mentions_counts_and_first_offset() -> None:
    rows = [
        {"iso3": "CHN", "country": "China", "start_char": 40},
        {"iso3": "VNM", "country": "Viet Nam", "start_char": 10},
        {"iso3": "CHN", "country": "China", "start_char": 90},
    ]
    assert country_mentions("d1", rows) == [
        {"doc_id": "d1", "iso3": "VNM", "country": "Viet Nam", "mentions": 1, "first_offset": 10},
        {"doc_id": "d1", "iso3": "CHN", "country": "China", "mentions": 2, "first_offset": 40},
    ]


def test_build_people_summary_aggregates_across_documents() -> None:
    summary = PeopleSummary()
    summary.add(
        [
            {
                "person_key": "xi jinping",
                "name": "Xi Jinping",
                "surface_name": "Xi Jinping",
                "title": "General Secretary",
                "doc_id": "a",
            },
            {
                "person_key": "xi jinping",
                "name": "Xi Jinping",
                "surface_name": "Xi",
                "title": None,
                "doc_id": "a",
            },
        ]
    )
    summary.add(
        [
            {
                "person_key": "xi jinping",
                "name": "Xi Jinping",
                "surface_name": "Xi Jinping",
                "title": "President",
                "doc_id": "b",
            }
        ]
    )
    assert summary.rows() == [
        {
            "person_key": "xi jinping",
            "name": "Xi Jinping",
            "variants": ["Xi", "Xi Jinping"],
            "titles": ["General Secretary", "President"],
            "documents": 2,
            "mentions": 3,
        }
    ]


@pytest.mark.parametrize(
    ("column", "values", "expected"),
    [
        ("text", ["5 dlrs", 5, None, 2.5], ["5 dlrs", "5", None, "2.5"]),  # string column
        (
            "start",
            ["2020-06-30", dt.date(2014, 1, 1), None],
            [dt.date(2020, 6, 30), dt.date(2014, 1, 1), None],
        ),
        ("sentence", [0, 3, None], [0, 3, None]),  # other types pass through
    ],
)
def test_schema_to_arrow_coerces_each_column(column: str, values: list, expected: list) -> None:
    table = to_arrow("dates", [{column: value} for value in values])
    assert table.column(column).to_pylist() == expected
