"""Money amounts are exact DECIMAL(38, 8) in Arrow, Parquet, DuckDB and pandas, exact decimal
strings in CSV and JSONL; numbers a column cannot hold are null with a warning, never rounded.
Date rows carry their reference date and its source."""

from __future__ import annotations

import datetime as dt
import json
from decimal import Decimal
from pathlib import Path

import pandas as pd
import pyarrow as pa
import pytest
from spacy.language import Language
from spacy.tokens import Doc
from typer.testing import CliRunner

import extract.extensions  # noqa: F401  (registers the Doc attributes)
from extract.api import read_tables
from extract.cli import app
from extract.run import run
from extract.settings import RunSettings
from extract.tables.build import decimal_fits, rows_from_doc, to_arrow
from extract.tables.schema import TABLES
from extract.tables.writers import OutputFormat

runner = CliRunner()
ARTICLES = [
    {"id": "a1", "text": "The fund paid 19.654 billion yuan.", "published": "2020-11-02"},
    {"id": "a2", "text": "A stamp cost $0.34 and a coin 12.5 yuan."},
]


@pytest.mark.parametrize(
    "value,fits",
    [
        ("19654000000", True),
        ("0.34", True),
        ("-5", True),
        ("1.9654E+10", True),
        ("0.00000001", True),
        ("0.000000001", False),  # 9 decimal places: would be rounded
        ("999999999999999999999999999999.99999999", True),  # 30 + 8 digits: the largest
        ("1000000000000000000000000000000", False),  # 10^30
        ("-1000000000000000000000000000000", False),
        ("12.50000000000", True),  # padding zeros are not places
        ("0E-12", True),
        ("NaN", False),
    ],
)
def test_decimals_fit_money_columns(value: str, fits: bool) -> None:
    assert decimal_fits(Decimal(value)) is fits


def _one_sentence(blank: Language, text: str) -> Doc:
    doc = blank.make_doc(text)
    for token in doc:
        token.is_sent_start = token.i == 0
    return doc


def _mention(table: str, **values: object) -> dict:
    """A component's row for ``table``: every column but those the table builder adds."""
    added = ("doc_id", "sentence", "reference_date", "reference_date_source")
    columns = [c for c in TABLES[table].column_names if c not in added]
    return {**dict.fromkeys(columns), **values}


def _doc_with_money(blank: Language, amounts: list[str | None], counts: list[int]) -> Doc:
    doc = _one_sentence(blank, "Paid big sums to many people.")
    doc._.doc_id = "d"
    base = {"start_char": 0, "end_char": 4, "qualifier": "exact"}
    doc._.money = [
        _mention(
            "money",
            **base,
            currency="USD",
            mention_id=f"d:money:{i}",
            text=f"${a}",
            amount=a,
            low=a,
            high=a,
        )
        for i, a in enumerate(amounts)
    ]
    doc._.counts = [
        _mention(
            "counts",
            **base,
            mention_id=f"d:counts:{i}",
            text=str(c),
            value=c,
            low=c,
            high=c,
        )
        for i, c in enumerate(counts)
    ]
    doc._.issues = None
    return doc


def test_decimals_numbers_that_do_not_fit_are_null_with_a_warning(blank_nlp: Language) -> None:
    too_fine, too_big = "0.000000001", "1" + "0" * 30
    doc = _doc_with_money(blank_nlp, ["12.5", too_fine, too_big], [7, 2**63])
    tables = rows_from_doc(doc)
    money = to_arrow("money", tables["money"]).to_pydict()
    assert money["amount"] == [Decimal("12.5"), None, None]
    assert money["low"] == [Decimal("12.5"), None, None]
    counts = to_arrow("counts", tables["counts"]).to_pydict()
    assert counts["value"] == [7, None]
    assert doc._.issues == [
        f"W004: the number of '${too_fine}' does not fit the money table's type "
        "(money: DECIMAL(38, 8), counts: int64); left null, not rounded",
        f"W004: the number of '${too_big}' does not fit the money table's type "
        "(money: DECIMAL(38, 8), counts: int64); left null, not rounded",
        f"W004: the number of '{2**63}' does not fit the counts table's type "
        "(money: DECIMAL(38, 8), counts: int64); left null, not rounded",
    ]


@pytest.mark.parametrize(
    "fmt", [OutputFormat.PARQUET, OutputFormat.CSV, OutputFormat.JSONL, OutputFormat.DUCKDB]
)
def test_decimals_exact_in_every_format_and_summable(
    tiny: Language, tmp_path: Path, fmt: OutputFormat
) -> None:
    source = tmp_path / "in.jsonl"
    source.write_text("".join(json.dumps(a) + "\n" for a in ARTICLES), encoding="utf-8")
    out = tmp_path / "out"
    run([source], out, tiny, RunSettings(model="tiny"), fmt=fmt)
    money = read_tables(out).money
    assert money["amount"].dtype == pd.ArrowDtype(pa.decimal128(38, 8))
    assert money[["currency", "amount"]].values.tolist() == [
        ["CNY", Decimal("19654000000")],
        ["USD", Decimal("0.34")],
        ["CNY", Decimal("12.5")],
    ]
    assert money.groupby("currency")["amount"].sum().to_dict() == {
        "CNY": Decimal("19654000012.5"),
        "USD": Decimal("0.34"),
    }
    sql = "SELECT currency, sum(amount) AS total FROM money GROUP BY 1 ORDER BY 1"
    result = runner.invoke(app, ["query", str(out), sql, "--csv"])
    assert result.exit_code == 0, result.output
    header, *rows = result.stdout.splitlines()
    assert header == "currency,total"
    assert [(c, Decimal(t)) for c, t in (row.split(",") for row in rows)] == [
        ("CNY", Decimal("19654000012.5")),
        ("USD", Decimal("0.34")),
    ]
    if fmt is OutputFormat.CSV:
        lines = (out / "money" / "part-000000.csv").read_text().splitlines()
        assert [line.split(",")[6:9] for line in lines[1:]] == [
            ['"19654000000"', '"19654000000"', '"19654000000"'],
            ['"0.34"', '"0.34"', '"0.34"'],
            ['"12.5"', '"12.5"', '"12.5"'],
        ]
    if fmt is OutputFormat.JSONL:
        rows = [json.loads(line) for line in (out / "money" / "part-000000.jsonl").open()]
        assert [r["amount"] for r in rows] == ["19654000000", "0.34", "12.5"]


def test_dates_rows_carry_reference_date_and_source(blank_nlp: Language) -> None:
    doc = _one_sentence(blank_nlp, "Talks resumed on Tuesday.")
    doc._.doc_id = "d"
    doc._.reference_date, doc._.reference_date_source = "2020-11-02", "inferred"
    doc._.dates = [
        _mention(
            "dates",
            mention_id="d:dates:0",
            start_char=17,
            end_char=24,
            text="Tuesday",
            kind="date",
            timex="2020-10-27",
            relative=True,
        )
    ]
    doc._.issues = None
    [row] = to_arrow("dates", rows_from_doc(doc)["dates"]).to_pylist()
    assert (str(row["reference_date"]), row["reference_date_source"]) == (
        "2020-11-02",
        "inferred",
    )


def test_dates_reference_source_metadata_and_none_in_a_run(tiny: Language, tmp_path: Path) -> None:
    source = tmp_path / "in.jsonl"
    records = [
        {"id": "m", "text": "Talks began on April 28, 2020.", "published": "2020-11-02"},
        {"id": "n", "text": "Talks began in 1999."},
    ]
    source.write_text("".join(json.dumps(r) + "\n" for r in records), encoding="utf-8")
    run([source], tmp_path / "out", tiny, RunSettings(model="tiny"))
    dates = read_tables(tmp_path / "out").dates
    assert dates[["doc_id", "reference_date_source"]].values.tolist() == [
        ["m", "metadata"],
        ["n", "none"],
    ]
    assert dates["reference_date"].tolist() == [dt.date(2020, 11, 2), pd.NA]
