"""extract eval: matching, scoring, adapters, gold loading, run tables and the CLI."""

from __future__ import annotations

import datetime as dt
import json
from decimal import Decimal
from pathlib import Path
from typing import Any

import numpy as np
import pyarrow as pa
import pyarrow.csv as pa_csv
import pyarrow.parquet as pq
import pytest
from typer.testing import CliRunner

from extract.cli import app
from extract.evaluate import GoldError, evaluate_run, load_gold, run_gold, to_json
from extract.evaluate.adapters import (
    conll2003,
    detect_adapter,
    quantulum3,
    split_range,
    tempeval3,
)
from extract.evaluate.evaluation import parse_component_settings
from extract.evaluate.matching import match_rows, normalize_value
from extract.evaluate.predictions import read_run_tables
from extract.evaluate.scoring import score_facts, score_table
from extract.evaluate.units import CurrencyUnitsError, currency_unit, validate_units
from extract.tables.schema import TABLES
from tests.conftest import shared_file

runner = CliRunner()


def span(doc: str, start: int, end: int, **values: Any) -> dict[str, Any]:
    return {
        "doc_id": doc,
        "start_char": start,
        "end_char": end,
        "text": "x" * (end - start),
        **values,
    }


def prf(result: Any) -> tuple[float, float, float]:
    return (round(result.precision, 4), round(result.recall, 4), round(result.f1, 4))


# (gold, predicted, relaxed P/R/F1, exact P/R/F1, value P/R/F1, value accuracy)
SCORE_CASES = [
    pytest.param(
        [span("a", 0, 4, timex="2020")],
        [span("a", 0, 4, timex="2020")],
        (1.0, 1.0, 1.0),
        (1.0, 1.0, 1.0),
        (1.0, 1.0, 1.0),
        1.0,
        id="perfect",
    ),
    pytest.param(
        [span("a", 0, 10, timex="2020-04-28")],
        [span("a", 3, 10, timex="2020-04-28")],
        (1.0, 1.0, 1.0),
        (0.0, 0.0, 0.0),
        (1.0, 1.0, 1.0),
        1.0,
        id="overlap-not-exact",
    ),
    pytest.param(
        [span("a", 0, 4, timex="2020")],
        [span("a", 0, 4, timex="2019")],
        (1.0, 1.0, 1.0),
        (1.0, 1.0, 1.0),
        (0.0, 0.0, 0.0),
        0.0,
        id="wrong-value",
    ),
    pytest.param(
        [span("a", 0, 4, timex="2020")],
        [span("a", 0, 4, timex="2020"), span("a", 20, 24, timex="2019")],
        (0.5, 1.0, 0.6667),
        (0.5, 1.0, 0.6667),
        (0.5, 1.0, 0.6667),
        1.0,
        id="false-positive",
    ),
    pytest.param(
        [span("a", 0, 4, timex="2020"), span("a", 10, 14, timex="2021")],
        [span("a", 0, 4, timex="2020")],
        (1.0, 0.5, 0.6667),
        (1.0, 0.5, 0.6667),
        (1.0, 0.5, 0.6667),
        1.0,
        id="false-negative",
    ),
    pytest.param(
        [span("a", 0, 4, timex="2020")],
        [span("a", 0, 2, timex="2020"), span("a", 1, 4, timex="2020")],
        (0.5, 1.0, 0.6667),
        (0.0, 0.0, 0.0),
        (0.5, 1.0, 0.6667),
        1.0,
        id="one-gold-two-overlapping-predictions",
    ),
    pytest.param(
        [span("a", 0, 4, timex="2020"), span("a", 5, 20, timex="P3M")],
        [span("a", 0, 20, timex="P3M")],
        (1.0, 0.5, 0.6667),
        (0.0, 0.0, 0.0),
        (1.0, 0.5, 0.6667),
        1.0,
        id="wide-prediction-takes-the-larger-overlap",
    ),
    pytest.param(
        [span("a", 0, 4, timex="2020")],
        [span("a", 0, 4, timex="2019"), span("a", 0, 4, timex="2020")],
        (0.5, 1.0, 0.6667),
        (0.5, 1.0, 0.6667),
        (0.5, 1.0, 0.6667),
        1.0,
        id="agreeing-value-preferred-among-equal-spans",
    ),
    pytest.param(
        [span("a", 0, 4, timex="2020")],
        [span("b", 0, 4, timex="2020")],
        (0.0, 0.0, 0.0),
        (0.0, 0.0, 0.0),
        (0.0, 0.0, 0.0),
        None,
        id="other-document-never-matches",
    ),
    pytest.param(
        [span("a", 0, 4, timex="2020", mod=None)],
        [span("a", 0, 4, timex="2020", mod="START")],
        (1.0, 1.0, 1.0),
        (1.0, 1.0, 1.0),
        (0.0, 0.0, 0.0),
        0.0,
        id="gold-null-expects-null",
    ),
    pytest.param(
        [span("a", 0, 4, timex="2020")],
        [span("a", 4, 8, timex="2020")],
        (0.0, 0.0, 0.0),
        (0.0, 0.0, 0.0),
        (0.0, 0.0, 0.0),
        None,
        id="touching-spans-do-not-overlap",
    ),
]


@pytest.mark.parametrize("gold,predicted,relaxed,exact,value,accuracy", SCORE_CASES)
def test_evaluate_score_table_spans_and_values(
    gold: list, predicted: list, relaxed: tuple, exact: tuple, value: tuple, accuracy: float | None
) -> None:
    result = score_table("dates", gold, predicted)
    assert prf(result.overall.relaxed) == relaxed
    assert prf(result.overall.exact) == exact
    assert prf(result.overall.value) == value
    expected_accuracy = None if accuracy is None else pytest.approx(accuracy)
    assert result.overall.value_accuracy == expected_accuracy


@pytest.mark.parametrize(
    "column,value,expected",
    [
        ("amount", "2000.00", "2000"),
        ("amount", "1,234.50", "1234.5"),
        ("amount", Decimal("19.654E+9"), "19654000000"),
        ("value", 7831, "7831"),
        ("value", np.int64(120), "120"),
        ("low", float("nan"), None),
        ("timex", "2019", "2019"),
        ("timex", "2020-04-28", "2020-04-28"),
        ("start", dt.date(2020, 4, 28), "2020-04-28"),
        ("start", dt.datetime(2020, 4, 28, 10, 30), "2020-04-28"),
        ("country_iso3", ["VNM", "CHN"], ("CHN", "VNM")),
        ("country_iso3", np.array(["VNM", "CHN"]), ("CHN", "VNM")),
        ("subject", "The  Police", "police"),
        ("name", "The  Police", "The Police"),
        ("former", np.bool_(True), True),
        ("currency", None, None),
    ],
)
def test_evaluate_normalize_value(column: str, value: Any, expected: Any) -> None:
    assert normalize_value(column, value) == expected


@pytest.mark.parametrize(
    "gold,predicted,exact,pairs",
    [
        ([span("a", 0, 5)], [span("a", 0, 5)], False, [(0, 0)]),
        ([span("a", 0, 5)], [span("a", 0, 5)], True, [(0, 0)]),
        ([span("a", 0, 5)], [span("a", 1, 5)], True, []),
        ([span("a", 0, 5), span("a", 0, 5)], [span("a", 0, 5)], False, [(0, 0)]),
        (
            [span("a", 0, 5), span("a", 6, 9)],
            [span("a", 4, 9), span("a", 0, 3)],
            False,
            [(0, 1), (1, 0)],
        ),
    ],
)
def test_evaluate_match_rows_one_to_one(
    gold: list, predicted: list, exact: bool, pairs: list[tuple[int, int]]
) -> None:
    assert match_rows(gold, predicted, exact=exact) == pairs


def test_evaluate_dates_by_timex_type() -> None:
    gold = [
        span("a", 0, 4, timex="2020", type="DATE"),
        span("a", 10, 22, timex="P3M", type="DURATION"),
    ]
    predicted = [
        span("a", 0, 4, timex="2020", kind="date"),
        span("a", 30, 35, timex="P1W", kind="duration"),
        span("a", 40, 45, timex="2020-04-28T10:00", kind="date"),
    ]
    result = score_table("dates", gold, predicted)
    assert sorted(result.by_type) == ["DATE", "DURATION", "TIME"]
    assert prf(result.by_type["DATE"].relaxed) == (1.0, 1.0, 1.0)
    assert (result.by_type["DURATION"].relaxed.tp, result.by_type["DURATION"].relaxed.fp) == (0, 1)
    assert result.by_type["DURATION"].relaxed.fn == 1
    assert (result.by_type["TIME"].n_gold, result.by_type["TIME"].n_predicted) == (0, 1)


def test_evaluate_countries_document_sets_and_mention_types() -> None:
    gold = [
        span("a", 0, 5, iso3="CHN", mention_type="name"),
        span("a", 10, 17, iso3="CHN", mention_type="demonym"),
        span("b", 0, 7, iso3="VNM", mention_type="name"),
        span("b", 20, 27, iso3="MMR", mention_type="name"),
    ]
    predicted = [
        span("a", 0, 5, iso3="CHN", mention_type="name"),
        span("a", 30, 34, iso3="USA", mention_type="name"),
        span("b", 0, 7, iso3="VNM", mention_type="name"),
    ]
    result = score_table("countries", gold, predicted)
    assert result.document_sets is not None
    # a: {CHN} vs {CHN, USA}; b: {VNM, MMR} vs {VNM} → tp 2, fp 1, fn 1
    assert (result.document_sets.tp, result.document_sets.fp, result.document_sets.fn) == (2, 1, 1)
    assert prf(result.by_type["name"].relaxed) == (0.6667, 0.6667, 0.6667)
    assert prf(result.by_type["demonym"].relaxed) == (0.0, 0.0, 0.0)
    assert result.by_type["demonym"].n_gold == 1


def fact(doc: str, start: int, end: int, **links: Any) -> dict[str, Any]:
    return {"doc_id": doc, "start_char": start, "end_char": end, **links}


def test_evaluate_score_facts_links_per_type() -> None:
    gold = [
        fact(
            "a",
            0,
            5,
            predicate="recover",
            date_start="2014-01-01",
            date_end="2020-06-30",
            country_iso3=["CHN"],
        ),
        fact(
            "a",
            50,
            58,
            predicate="arrest",
            subject=None,
            object="Hu Yipin",
            country_iso3=["VNM", "CHN"],
        ),
        fact("a", 90, 95, predicate="sentence"),
    ]
    predicted = [
        fact(
            "a",
            0,
            5,
            predicate="recover",
            date_start=dt.date(2014, 1, 1),
            date_end=dt.date(2020, 6, 30),
            country_iso3=["CHN", "USA"],
        ),
        fact(
            "a",
            50,
            58,
            predicate="send_back",
            subject="police",
            object="hu yipin",
            country_iso3=["VNM"],
        ),
        fact(
            "a",
            200,
            205,
            predicate="say",
            date_start=dt.date(2020, 1, 1),
            date_end=dt.date(2020, 1, 1),
        ),
    ]
    result = score_facts(gold, predicted)
    assert (result.anchors.tp, result.anchors.fp, result.anchors.fn) == (2, 1, 1)
    counts = {name: (p.tp, p.fp, p.fn) for name, p in result.links.items()}
    assert counts == {
        "predicate": (1, 2, 2),  # recover right; send_back wrong; say unpaired; sentence missed
        "subject": (0, 1, 0),  # gold says no subject; "police" is a false link
        "object": (1, 0, 0),  # case and articles do not matter
        "date": (1, 1, 0),  # the unpaired fact's date is a false link
        "country": (2, 1, 1),  # CHN right, USA extra; VNM right, CHN missed
    }


@pytest.mark.parametrize(
    "gold_links,predicted_links,date",
    [
        (
            {"date_start": "2020-04-28", "date_end": "2020-04-28"},
            {"date_start": "2020-04-28", "date_end": "2020-04-28"},
            (1, 0, 0),
        ),
        (
            {"date_start": "2020-04-28", "date_end": "2020-04-28"},
            {"date_mention_id": "d:dates:3"},
            (0, 1, 1),
        ),  # linked to an unresolved date
        ({"date_start": None}, {"date_mention_id": "d:dates:3"}, (0, 1, 0)),
        ({"date_start": None}, {}, (0, 0, 0)),
        ({}, {"date_start": "2020-01-01"}, None),  # the gold set does not annotate dates
    ],
)
def test_evaluate_score_facts_date_links(
    gold_links: dict, predicted_links: dict, date: tuple[int, int, int] | None
) -> None:
    result = score_facts(
        [fact("a", 0, 5, predicate="arrest", **gold_links)],
        [fact("a", 0, 5, predicate="arrest", **predicted_links)],
    )
    found = result.links.get("date")
    assert (None if found is None else (found.tp, found.fp, found.fn)) == date


@pytest.mark.parametrize(
    "name,expected",
    [
        ("pound sterling", ("GBP", Decimal(1), None)),
        ("United States dollar", ("USD", Decimal(1), None)),
        ("dollar", ("USD", Decimal(1), None)),
        ("euro", ("EUR", Decimal(1), None)),
        ("yen", ("JPY", Decimal(1), None)),
        ("Swiss franc", ("CHF", Decimal(1), None)),
        ("dollar per hour", ("USD", Decimal(1), "hour")),
        ("dime", ("USD", Decimal("0.1"), None)),
        ("penny", (None, Decimal("0.01"), None)),
        ("metre", None),
        ("dimensionless", None),
        ("percentage", None),
    ],
)
def test_evaluate_currency_unit(name: str, expected: tuple | None) -> None:
    assert currency_unit(name) == (tuple(expected) if expected else None)


@pytest.mark.parametrize(
    "data,message",
    [
        ({"currencies": {}, "aliases": {}}, "unknown keys"),
        ({"currencies": {"dollar": "usd"}}, "not an ISO 4217 code"),
        ({"subunits": {"cent": {"currency": None}}}, "needs 'fraction'"),
        ({"subunits": {"cent": {"fraction": "x"}}}, "fraction"),
    ],
)
def test_evaluate_currency_units_validated(data: dict, message: str) -> None:
    with pytest.raises(CurrencyUnitsError, match=message):
        validate_units(data)


def test_evaluate_currency_units_rules_file_loads() -> None:
    text = (Path(__file__).resolve().parents[1] / "extract/rules/currency_units.json").read_text()
    currencies, subunits = validate_units(json.loads(text))
    assert currencies["pound sterling"] == "GBP"
    assert subunits["dime"] == ("USD", Decimal("0.1"))


def test_evaluate_tempeval3_adapter() -> None:
    record = {
        "doc_id": "d1",
        "dct": "1998-01-08",
        "text": "Last week prices fell for three months.",
        "timexes": [
            {"start": 0, "end": 9, "text": "Last week", "type": "DATE", "value": "1998-W01"},
            {"start": 26, "end": 38, "text": "three months", "type": "DURATION", "value": "P3M"},
        ],
    }
    gold = tempeval3([record], "te3")
    assert gold.records == [{"id": "d1", "text": record["text"], "published": "1998-01-08"}]
    assert gold.tables["dates"] == [
        {
            "doc_id": "d1",
            "start_char": 0,
            "end_char": 9,
            "text": "Last week",
            "timex": "1998-W01",
            "type": "DATE",
        },
        {
            "doc_id": "d1",
            "start_char": 26,
            "end_char": 38,
            "text": "three months",
            "timex": "P3M",
            "type": "DURATION",
        },
    ]


@pytest.mark.parametrize(
    "text,timex,kind,expected",
    [
        (
            "from 2014 to June 2020",
            "2014/2020-06",
            "range",
            [("2014", "2014", 105, 109), ("June 2020", "2020-06", 113, 122)],
        ),
        (
            "between 1985 and 1987",
            "1985/1987",
            "range",
            [("1985", "1985", 108, 112), ("1987", "1987", 117, 121)],
        ),
        (
            "1998-2001",
            "1998/2001",
            "range",
            [("1998", "1998", 100, 104), ("2001", "2001", 105, 109)],
        ),
        (
            "2020-04-28 to 2020-05-01",
            "2020-04-28/2020-05-01",
            "range",
            [("2020-04-28", "2020-04-28", 100, 110), ("2020-05-01", "2020-05-01", 114, 124)],
        ),
        ("June 2020", "2020-06", "date", [("June 2020", "2020-06", 100, 109)]),
        ("the 1990s", "199", "range", [("the 1990s", "199", 100, 109)]),
        (
            "two to three weeks",
            "P2W/P3W",
            "range",
            [("two to three weeks", "P2W/P3W", 100, 118)],
        ),
    ],
)
def test_evaluate_split_range_for_timeml(text: str, timex: str, kind: str, expected: list) -> None:
    row = span("a", 100, 100 + len(text), kind=kind, timex=timex)
    row["text"] = text
    parts = split_range(row)
    assert [(p["text"], p["timex"], p["start_char"], p["end_char"]) for p in parts] == expected


def test_evaluate_conll2003_adapter() -> None:
    text = "Smith flew from China to London ."
    record = {
        "doc_id": "c1",
        "dateline_date": "1996-08-30",
        "text": text,
        "entities": [
            {"start": 0, "end": 5, "text": "Smith", "label": "PER"},
            {"start": 16, "end": 21, "text": "China", "label": "LOC"},
            {"start": 25, "end": 31, "text": "London", "label": "LOC"},
        ],
    }
    gold = conll2003([record], "conll")
    assert gold.records == [{"id": "c1", "text": text, "published": "1996-08-30"}]
    assert gold.tables["persons"] == [
        {"doc_id": "c1", "start_char": 0, "end_char": 5, "text": "Smith", "surface_name": "Smith"}
    ]
    assert gold.tables["countries"] == [
        {
            "doc_id": "c1",
            "start_char": 16,
            "end_char": 21,
            "text": "China",
            "iso3": "CHN",
            "type": "name",
        }
    ]
    assert gold.prediction_filters["countries"]["mention_type"] == {"name", "demonym"}


def test_evaluate_quantulum3_adapter() -> None:
    records = [
        {
            "input": "two meters for £2,000",
            "set": "quantities",
            "case_index": 0,
            "results": [
                {"text": "two meters", "start": 0, "end": 10, "value": 2, "unit": "metre"},
                {"text": "£2,000", "start": 15, "end": 21, "value": 2000, "unit": "pound sterling"},
            ],
        },
        {
            "input": "from $350 per kg to $680 per kg",
            "set": "quantities",
            "case_index": 1,
            "results": [
                {
                    "text": "$350 per kg to $680 per kg",
                    "start": 5,
                    "end": 31,
                    "value": Decimal("515"),
                    "uncertainty": Decimal("165"),
                    "unit": "dollar per kilogram",
                }
            ],
        },
        {
            "input": "It costs 3 dimes or €10M",
            "set": "quantities",
            "case_index": 2,
            "results": [
                {"text": "3 dimes", "start": 9, "end": 16, "value": 3, "unit": "dime"},
                {
                    "text": "€10M",
                    "start": 20,
                    "end": 24,
                    "value": Decimal("10000000.0"),
                    "unit": "euro",
                },
            ],
        },
    ]
    gold = quantulum3(records, "q3")
    assert gold.doc_ids == [
        "quantulum3-quantities-0",
        "quantulum3-quantities-1",
        "quantulum3-quantities-2",
    ]
    assert [
        {k: v for k, v in row.items() if k not in ("doc_id", "text")}
        for row in gold.tables["money"]
    ] == [
        {"start_char": 15, "end_char": 21, "amount": "2000", "currency": "GBP"},
        {"start_char": 5, "end_char": 31, "low": "350", "high": "680", "currency": "USD"},
        {"start_char": 9, "end_char": 16, "amount": "0.3", "currency": "USD"},
        {"start_char": 20, "end_char": 24, "amount": "10000000", "currency": "EUR"},
    ]


@pytest.mark.parametrize(
    "first,name,expected",
    [
        ({"doc_id": "x", "text": "t", "timexes": []}, "a.jsonl", "tempeval3"),
        ({"doc_id": "x", "text": "t", "entities": []}, "a.jsonl", "conll2003"),
        ({"input": "t", "results": []}, "a.jsonl", "quantulum3"),
        ({}, "my_conll_file.jsonl", "conll2003"),
    ],
)
def test_evaluate_detect_adapter(first: dict, name: str, expected: str) -> None:
    assert detect_adapter(Path(name), first) == expected


def test_evaluate_detect_adapter_unknown() -> None:
    with pytest.raises(GoldError, match="no adapter recognises"):
        detect_adapter(Path("x.jsonl"), {"foo": 1})


def write_gold(folder: Path, meta: dict, tables: dict[str, list[dict]]) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "gold.json").write_text(json.dumps(meta))
    for name, rows in tables.items():
        (folder / f"{name}.jsonl").write_text("".join(json.dumps(r) + "\n" for r in rows))
    return folder


def write_run(folder: Path, tables: dict[str, list[dict]], *, split: bool = False) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    for name, rows in tables.items():
        arrow = pa.Table.from_pylist(rows, schema=TABLES[name].arrow_schema())
        if split:
            (folder / name).mkdir()
            pq.write_table(arrow.slice(0, 1), folder / name / "part-0.parquet")
            pq.write_table(arrow.slice(1), folder / name / "part-1.parquet")
        else:
            pq.write_table(arrow, folder / f"{name}.parquet")
    return folder


ARTICLE = "On April 28 Hu Yipin was arrested in Vietnam."
GOLD_DATES = [
    {"doc_id": "hu", "start_char": 3, "end_char": 11, "text": "April 28", "timex": "2020-04-28"}
]
RUN_DATES = [
    {
        "doc_id": "hu",
        "mention_id": "hu:dates:0",
        "start_char": 3,
        "end_char": 11,
        "sentence": 0,
        "text": "April 28",
        "kind": "date",
        "timex": "2020-04-28",
        "start": dt.date(2020, 4, 28),
        "end": dt.date(2020, 4, 28),
        "grain": "day",
        "mod": None,
        "relative": True,
    },
    {
        "doc_id": "hu",
        "mention_id": "hu:dates:1",
        "start_char": 25,
        "end_char": 33,
        "sentence": 0,
        "text": "arrested",
        "kind": "date",
        "timex": "2020",
        "start": None,
        "end": None,
        "grain": "year",
        "mod": None,
        "relative": False,
    },
    {
        "doc_id": "other",
        "mention_id": "other:dates:0",
        "start_char": 0,
        "end_char": 4,
        "sentence": 0,
        "text": "1999",
        "kind": "date",
        "timex": "1999",
        "start": None,
        "end": None,
        "grain": "year",
        "mod": None,
        "relative": False,
    },
]


@pytest.fixture
def tiny_gold(tmp_path: Path) -> Path:
    article = tmp_path / "hu.txt"
    article.write_text(ARTICLE)
    meta = {"articles": [str(article)], "doc_ids": ["hu"], "reference_date": "2020-10-22"}
    return write_gold(tmp_path / "gold" / "tiny", meta, {"dates": GOLD_DATES})


def write_jsonl_run(folder: Path, tables: dict[str, list[dict]]) -> Path:
    for name, rows in tables.items():
        (folder / name).mkdir(parents=True)
        lines = [json.dumps(row, default=str) + "\n" for row in rows]
        (folder / name / "part-000000.jsonl").write_text("".join(lines))
    return folder


def write_csv_run(folder: Path, tables: dict[str, list[dict]]) -> Path:
    for name, rows in tables.items():
        (folder / name).mkdir(parents=True)
        arrow = pa.Table.from_pylist(rows, schema=TABLES[name].arrow_schema())
        pa_csv.write_csv(arrow, folder / name / "part-000000.csv")
    return folder


@pytest.mark.parametrize("layout", ["file", "shards", "jsonl-shards", "csv-shards"])
def test_evaluate_read_run_tables_layouts(tmp_path: Path, layout: str) -> None:
    if layout == "jsonl-shards":
        run_dir = write_jsonl_run(tmp_path / "run", {"dates": RUN_DATES})
    elif layout == "csv-shards":
        run_dir = write_csv_run(tmp_path / "run", {"dates": RUN_DATES})
    else:
        run_dir = write_run(tmp_path / "run", {"dates": RUN_DATES}, split=layout == "shards")
    tables, notes = read_run_tables(run_dir, ["dates", "money"], ["hu"])
    assert [row["mention_id"] for row in tables["dates"]] == ["hu:dates:0", "hu:dates:1"]
    first = tables["dates"][0]
    assert (first["start_char"], normalize_value("start", first["start"])) == (3, "2020-04-28")
    assert first["mod"] is None
    assert tables["money"] == []
    assert notes == [f"money: no table in {run_dir}: every gold row is a miss"]


def test_evaluate_load_gold_folder(tiny_gold: Path) -> None:
    gold = load_gold(tiny_gold)
    assert (gold.name, gold.kind, gold.doc_ids, gold.reference_date) == (
        "tiny",
        "folder",
        ["hu"],
        "2020-10-22",
    )
    assert list(gold.articles()) == [{"id": "hu", "text": ARTICLE}]


@pytest.mark.parametrize(
    "meta,rows,message",
    [
        ({"articles": [], "doc_ids": ["hu"], "extra": 1}, [], "unknown keys"),
        (
            {"articles": [], "doc_ids": ["hu"]},
            [{"doc_id": "hu", "start_char": 0}],
            "missing end_char",
        ),
        (
            {"articles": [], "doc_ids": ["hu"]},
            [{"doc_id": "hu", "start_char": 0, "end_char": 2, "timex": "1", "colour": "red"}],
            "unknown keys \\['colour'\\]",
        ),
        (
            {"articles": [], "doc_ids": ["hu"]},
            [{"doc_id": "xx", "start_char": 0, "end_char": 2}],
            "not in doc_ids",
        ),
        (
            {"articles": [], "doc_ids": ["hu"]},
            [{"doc_id": "hu", "start_char": 4, "end_char": 2}],
            "empty span",
        ),
    ],
)
def test_evaluate_load_gold_folder_rejects(
    tmp_path: Path, meta: dict, rows: list, message: str
) -> None:
    folder = write_gold(tmp_path / "bad", meta, {"dates": rows} if rows else {})
    with pytest.raises(GoldError, match=message):
        load_gold(folder)


def test_evaluate_run_scores_gold_documents_only(tiny_gold: Path, tmp_path: Path) -> None:
    run_dir = write_run(tmp_path / "run", {"dates": RUN_DATES})
    evaluation = evaluate_run(load_gold(tiny_gold), run_dir)
    result = to_json(evaluation, errors=5)
    dates = result["tables"]["dates"]
    assert (dates["gold"], dates["predicted"]) == (1, 2)
    assert dates["relaxed"] == {
        "tp": 1,
        "fp": 1,
        "fn": 0,
        "precision": 0.5,
        "recall": 1.0,
        "f1": 0.6667,
    }
    assert result["errors"]["dates"]["false_positives"] == [
        {
            "doc_id": "hu",
            "span": [25, 33],
            "text": "arrested",
            "values": {"timex": "2020"},
            "context": "On April 28 Hu Yipin was [[arrested]] in Vietnam.",
        }
    ]


def test_evaluate_column_accuracy() -> None:
    gold = [
        span("a", 0, 4, amount="2000", currency="GBP"),
        span("a", 10, 14, amount="5", currency="USD"),
        span("a", 20, 24, amount="7"),
    ]
    predicted = [
        span("a", 0, 4, amount="2000.00", currency="USD"),
        span("a", 10, 14, amount="5", currency="USD"),
        span("a", 20, 24, amount="8", currency="EUR"),
    ]
    result = score_table("money", gold, predicted)
    assert result.compared == ("amount", "currency")
    assert result.column_accuracy == {"amount": pytest.approx(2 / 3), "currency": 0.5}
    assert result.overall.value_accuracy == pytest.approx(1 / 3)


def test_evaluate_partial_tables_and_prediction_filters(tmp_path: Path) -> None:
    gold = load_gold(
        write_gold(
            tmp_path / "partial",
            {"articles": [], "doc_ids": ["hu"], "partial_tables": ["countries"]},
            {"countries": [{"doc_id": "hu", "start_char": 37, "end_char": 44, "iso3": "VNM"}]},
        )
    )
    gold.prediction_filters = {"countries": {"mention_type": frozenset({"name"})}}
    base = {"doc_id": "hu", "sentence": 0, "iso2": None, "country": None, "former": False}
    rows = [
        {
            **base,
            "mention_id": "1",
            "start_char": 37,
            "end_char": 44,
            "text": "Vietnam",
            "iso3": "VNM",
            "mention_type": "name",
        },
        {
            **base,
            "mention_id": "2",
            "start_char": 0,
            "end_char": 2,
            "text": "On",
            "iso3": "USA",
            "mention_type": "name",
        },  # overlaps no gold row: ignored (partial)
        {
            **base,
            "mention_id": "3",
            "start_char": 37,
            "end_char": 44,
            "text": "Vietnam",
            "iso3": "VNM",
            "mention_type": "place",
        },  # filtered out by mention type
    ]
    evaluation = evaluate_run(gold, write_run(tmp_path / "run", {"countries": rows}), texts={})
    overall = evaluation.tables["countries"].overall
    assert (overall.n_predicted, overall.relaxed.tp, overall.relaxed.fp) == (1, 1, 0)


def test_evaluate_gold_text_template_and_annotated_values(tmp_path: Path) -> None:
    source = tmp_path / "wire.jsonl"
    record = {"doc_id": "w1", "dateline": "TOKYO, April 24", "text": "Japan said.", "x": 1}
    source.write_text(json.dumps(record) + "\n" + json.dumps({**record, "doc_id": "w2"}) + "\n")
    meta = {
        "articles": [str(source)],
        "doc_ids": ["w1"],
        "text_template": "{dateline} - {text}",
        "annotated_values": {"countries": {"mention_type": ["name", "demonym"]}},
    }
    gold = load_gold(write_gold(tmp_path / "wire", meta, {"countries": []}))
    assert list(gold.articles()) == [{"id": "w1", "text": "TOKYO, April 24 - Japan said."}]
    assert gold.prediction_filters == {
        "countries": {"mention_type": frozenset({"name", "demonym"})}
    }


@pytest.mark.parametrize(
    "annotated,message",
    [
        ({"countries": ["name"]}, "'annotated_values' maps tables to columns to value lists"),
        ({"nowhere": {"mention_type": ["name"]}}, "'annotated_values' maps tables"),
    ],
)
def test_evaluate_gold_annotated_values_rejected(
    tmp_path: Path, annotated: object, message: str
) -> None:
    folder = write_gold(tmp_path / "bad", {"articles": [], "annotated_values": annotated}, {})
    with pytest.raises(GoldError, match=message):
        load_gold(folder)


def test_evaluate_offset_warnings(tmp_path: Path) -> None:
    article = tmp_path / "hu.txt"
    article.write_text(ARTICLE)
    bad = [{"doc_id": "hu", "start_char": 2, "end_char": 10, "text": "April 28", "timex": "x"}]
    gold = load_gold(write_gold(tmp_path / "g", {"articles": [str(article)]}, {"dates": bad}))
    evaluation = evaluate_run(gold, write_run(tmp_path / "run", {"dates": []}))
    assert evaluation.notes == [
        "gold offsets: dates: hu 2-10: gold text 'April 28' but the article has ' April 2'"
    ]


def test_evaluate_cli_scores_a_run_folder(tiny_gold: Path, tmp_path: Path) -> None:
    run_dir = write_run(tmp_path / "run", {"dates": RUN_DATES})
    result = runner.invoke(app, ["eval", str(tiny_gold), "--out", str(run_dir), "--json"])
    assert result.exit_code == 0, result.output
    scores = json.loads(result.output)
    assert scores["documents"] == 1
    assert scores["tables"]["dates"]["value"]["f1"] == 0.6667
    assert scores["tables"]["dates"]["by_type"]["DATE"]["exact"]["tp"] == 1
    table = runner.invoke(app, ["eval", str(tiny_gold), "--tables", str(run_dir), "--errors", "1"])
    assert table.exit_code == 0, table.output
    assert "dates: false positives" in table.output


@pytest.mark.parametrize(
    "args,message",
    [
        ([], "give --out OUT_DIR"),
        (["--out", "no-such-dir"], "--out folder not found"),
        (["--tables", ".", "--table", "money"], "has no gold for money"),
    ],
)
def test_evaluate_cli_errors(tiny_gold: Path, args: list[str], message: str) -> None:
    result = runner.invoke(app, ["eval", str(tiny_gold), *args])
    assert result.exit_code == 1
    assert message in result.output


@pytest.mark.parametrize(
    "items,expected",
    [
        (["news_persons.titles=false"], {"news_persons": {"titles": False}}),
        (
            ["news_dates.window=3", "news_dates.mode=strict", 'news_money.x="$"'],
            {"news_dates": {"window": 3, "mode": "strict"}, "news_money": {"x": "$"}},
        ),
        ([], {}),
    ],
)
def test_evaluate_parse_component_settings(items: list[str], expected: dict) -> None:
    assert parse_component_settings(items) == expected


@pytest.mark.parametrize("item", ["news_persons=false", "titles=false", "news_persons.titles"])
def test_evaluate_parse_component_settings_rejects(item: str) -> None:
    with pytest.raises(ValueError, match="COMPONENT.KEY=VALUE"):
        parse_component_settings([item])


def test_evaluate_cli_scores_every_set_of_a_folder(tiny_gold: Path, tmp_path: Path) -> None:
    other = {"articles": [], "doc_ids": ["hu"]}
    write_gold(tiny_gold.parent / "people", other, {"persons": []})
    run_dir = write_run(tmp_path / "run", {"dates": RUN_DATES})
    args = ["eval", str(tiny_gold.parent), "--out", str(run_dir), "--json"]
    result = runner.invoke(app, args)
    assert result.exit_code == 0, result.output
    sets = json.loads(result.stdout)["sets"]
    assert [(s["gold"], sorted(s["tables"])) for s in sets] == [
        ("people", ["persons"]),
        ("tiny", ["dates"]),
    ]
    only_dates = runner.invoke(app, [*args, "--table", "dates"])
    assert [s["gold"] for s in json.loads(only_dates.stdout)["sets"]] == ["tiny"]


def test_evaluate_cli_skips_a_set_without_its_articles(tmp_path: Path) -> None:
    meta = {"articles": ["../shared/data/not-there.jsonl"], "doc_ids": ["hu"]}
    folder = write_gold(tmp_path / "gold" / "missing", meta, {"dates": GOLD_DATES})
    result = runner.invoke(app, ["eval", str(folder), "--run", "--json"])
    assert result.exit_code == 0, result.output
    assert json.loads(result.stdout)["skipped"].startswith("missing: articles not found: ")


@pytest.mark.slow
def test_evaluate_run_gold_through_pipeline(tiny_gold: Path, tmp_path: Path, nlp: Any) -> None:
    gold = load_gold(tiny_gold)
    run_gold(gold, tmp_path / "out", nlp=nlp)
    evaluation = evaluate_run(gold, tmp_path / "out")
    assert evaluation.tables["dates"].overall.n_gold == 1
    assert evaluation.notes == []


@pytest.mark.parametrize(
    "relative,tables",
    [
        ("dev/tempeval3_train_tbaq.jsonl", {"dates": 1822}),
        ("dev/conll2003_testa.jsonl", {"persons": 1842}),
        ("dev/quantulum3_quantities.jsonl", {"money": 19}),
    ],
)
def test_evaluate_adapters_on_shared_data(relative: str, tables: dict[str, int]) -> None:
    gold = load_gold(shared_file(relative))
    for name, count in tables.items():
        assert len(gold.tables[name]) == count
    texts = {record["id"]: record["text"] for record in gold.articles()}
    for rows in gold.tables.values():
        for row in rows:
            assert texts[row["doc_id"]][row["start_char"] : row["end_char"]] == row["text"]


DOCS = Path(__file__).resolve().parents[1] / "docs" / "evaluation.md"


@pytest.mark.parametrize(
    "needle",
    [
        "tempeval3",
        "conll2003",
        "quantulum3",
        "--tables",
        "--run",
        "--json",
        "--table",
        "--errors",
        "--adapter",
        "--config",
        "partial_tables",
        "text_template",
        "annotated_values",
        "extract eval ../shared/data/dev/tempeval3_train_tbaq.jsonl --run --json",
        "extract eval ../shared/data/dev/conll2003_testa.jsonl --run --json",
        "extract eval ../shared/data/dev/quantulum3_quantities.jsonl --run --json",
    ],
)
def test_evaluate_docs_describe(needle: str) -> None:
    assert needle in DOCS.read_text(encoding="utf-8")


def test_evaluate_score_facts_anchors_by_type_and_event_link() -> None:
    gold = [
        fact("a", 0, 5, fact_type="count", predicate="arrest", event_category="ARREST"),
        fact("a", 10, 15, fact_type="person_event", predicate="resign"),
        fact("a", 20, 25, fact_type="person_event", predicate="say"),
        fact("a", 30, 35, fact_type="money", predicate="pay"),
    ]
    predicted = [
        fact("a", 0, 5, fact_type="count", predicate="arrest", event_category="KILL"),
        fact("a", 10, 15, fact_type="person_event", predicate="resign", event_category="RESIGN"),
        fact("a", 40, 45, fact_type="person_event", predicate="tell", event_category="REPORT"),
    ]
    result = score_facts(gold, predicted)
    by_type = {name: (p.tp, p.fp, p.fn) for name, p in result.anchors_by_type.items()}
    assert by_type == {
        "count": (1, 0, 0),
        "money": (0, 0, 1),
        "person_event": (1, 0, 0),
        "person_report": (0, 1, 1),  # 'say' has no category in the gold: its predicate tells
    }
    event = result.links["event"]
    assert (event.tp, event.fp, event.fn) == (0, 2, 1)  # KILL wrong; the unpaired REPORT


def test_evaluate_score_facts_country_roles() -> None:
    gold = [
        fact("a", 0, 5, country_iso3=["FRA", "USA"], country_roles=["place", "owner"]),
        fact("a", 10, 15, country_iso3=["DEU"]),  # an older row: places only
    ]
    predicted = [
        fact(
            "a",
            0,
            5,
            country_iso3=["FRA", "USA", "GBR"],
            country_roles=["place", "modifier", "title"],
        ),
        fact("a", 10, 15, country_iso3=["DEU", "ITA"], country_roles=["place", "modifier"]),
    ]
    result = score_facts(gold, predicted)
    counts = {name: (p.tp, p.fp, p.fn) for name, p in result.links.items()}
    # country: FRA, USA right, GBR extra; DEU right and the modifier ITA not compared with a
    # places-only row. country_role: FRA:place right, USA:modifier wrong role, GBR:title extra.
    assert counts == {"country": (3, 1, 0), "country_role": (1, 2, 1)}
    by_role = {name: (p.tp, p.fp, p.fn) for name, p in result.country_by_role.items()}
    assert by_role == {
        "modifier": (0, 1, 0),
        "owner": (0, 0, 1),
        "place": (1, 0, 0),
        "title": (0, 1, 0),
    }


def test_evaluate_scored_regions(tmp_path: Path) -> None:
    gold = load_gold(
        write_gold(
            tmp_path / "regions",
            {"articles": [], "doc_ids": ["hu"], "scored_regions": {"hu": [[0, 50]]}},
            {"countries": [{"doc_id": "hu", "start_char": 37, "end_char": 44, "iso3": "VNM"}]},
        )
    )
    assert gold.scored_regions == {"hu": [(0, 50)]}
    base = {"doc_id": "hu", "sentence": 0, "iso2": None, "country": None, "former": False}
    rows = [
        {
            **base,
            "mention_id": str(n),
            "start_char": s,
            "end_char": e,
            "text": t,
            "iso3": i,
            "mention_type": "name",
        }
        for n, (s, e, t, i) in enumerate(
            [(37, 44, "Vietnam", "VNM"), (0, 2, "On", "USA"), (60, 65, "China", "CHN")]
        )
    ]  # 'On' is inside the region: a false positive; 'China' is outside: ignored
    evaluation = evaluate_run(gold, write_run(tmp_path / "run", {"countries": rows}), texts={})
    overall = evaluation.tables["countries"].overall
    assert (overall.n_predicted, overall.relaxed.tp, overall.relaxed.fp) == (2, 1, 1)


@pytest.mark.parametrize("regions", [{"hu": [[5, 5]]}, {"hu": [5, 9]}, []])
def test_evaluate_scored_regions_rejects_bad_ranges(tmp_path: Path, regions: Any) -> None:
    folder = write_gold(
        tmp_path / "bad", {"articles": [], "doc_ids": ["hu"], "scored_regions": regions}, {}
    )
    with pytest.raises(GoldError, match="scored_regions"):
        load_gold(folder)
