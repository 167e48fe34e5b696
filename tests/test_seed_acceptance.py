"""The founding example: every fact a careful reader sees in the seed article, and no junk.

Compares the pipeline's rows with the gold rows in corpora/gold/seed/<table>.jsonl, column by
column (only the columns the gold rows carry)."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path
from typing import Any

import pytest

from extract.ingest import read_articles
from extract.process import ArticleResult, process_articles
from extract.settings import RunSettings

REPO = Path(__file__).resolve().parents[1]
GOLD = REPO / "corpora" / "gold" / "seed"
TABLES = ["persons", "countries", "dates", "counts", "money", "facts"]


def _plain(value: Any) -> Any:
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, list):
        return [_plain(v) for v in value]
    return value


def _gold_rows(table: str) -> list[dict]:
    path = GOLD / f"{table}.jsonl"
    if not path.exists():
        pytest.skip(f"no gold {table} for the seed yet")
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line]


@pytest.fixture(scope="module")
def seed_result(nlp) -> ArticleResult:
    from extract.pipeline import DEFAULT_MODEL

    articles = read_articles([REPO / "corpora" / "samples" / "seed_article.txt"])
    [result] = process_articles(articles, nlp, RunSettings(model=DEFAULT_MODEL))
    return result


@pytest.mark.slow
def test_seed_document_row(seed_result: ArticleResult) -> None:
    document = seed_result.document
    assert (document["status"], document["reference_date_source"]) == ("ok", "inferred")
    assert str(document["reference_date"]).startswith("2020")
    assert document["home_country"] == "CHN"


@pytest.mark.slow
@pytest.mark.parametrize("table", TABLES)
def test_seed_rows_match_gold(seed_result: ArticleResult, table: str) -> None:
    gold = _gold_rows(table)
    columns = sorted({key for row in gold for key in row})
    predicted = [
        {column: _plain(row.get(column)) for column in columns} for row in seed_result.tables[table]
    ]

    def key(row: dict) -> tuple:
        return (row.get("start_char", 0), row.get("end_char", 0), json.dumps(row, sort_keys=True))

    assert sorted(predicted, key=key) == sorted(gold, key=key)
