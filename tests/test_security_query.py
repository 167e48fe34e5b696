"""extract query's sandbox: the run's tables, read-only; every other kind of statement refused
with its code; --unsafe gives full DuckDB back."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
import spacy
from spacy.language import Language
from typer.testing import CliRunner

from extract.cli import app
from extract.pipeline import NEWS_COMPONENTS
from extract.query import QueryError, QueryRefused, query
from extract.run import run
from extract.settings import RunSettings
from extract.tables.writers import OutputFormat

runner = CliRunner()
RECORDS = [
    {"id": "d1", "text": "Singapore and Vietnam signed a deal."},
    {"id": "d2", "text": "Vietnam said nothing."},
]


@pytest.fixture(scope="module")
def runs(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    nlp: Language = spacy.blank("en")
    nlp.add_pipe("sentencizer")
    for name in NEWS_COMPONENTS:
        if name != "news_facts":
            nlp.add_pipe(name)
    base = tmp_path_factory.mktemp("sandbox")
    source = base / "in.jsonl"
    source.write_text("".join(json.dumps(r) + "\n" for r in RECORDS), encoding="utf-8")
    outs = {"base": base}
    for fmt in (OutputFormat.PARQUET, OutputFormat.CSV, OutputFormat.JSONL):
        outs[fmt.value] = base / fmt.value
        run([source], outs[fmt.value], nlp, RunSettings(model="tiny"), fmt=fmt)
    (base / "secret.csv").write_text("key\nhunter2\n", encoding="utf-8")
    return outs


# {base}: the folder holding the runs and a file that is not part of any run.
REFUSED = [
    ("COPY documents TO '{base}/leak.csv'", "E039"),
    ("COPY (SELECT 1) TO '{base}/leak.parquet' (FORMAT parquet)", "E039"),
    ("EXPORT DATABASE '{base}/export'", "E039"),
    ("ATTACH '{base}/new.duckdb' AS other", "E040"),
    ("ATTACH ':memory:' AS other", "E040"),
    ("DETACH memory", "E040"),
    ("INSTALL httpfs", "E041"),
    ("LOAD httpfs", "E041"),
    ("FORCE INSTALL json", "E041"),
    ("SET enable_external_access = true", "E042"),
    ("RESET lock_configuration", "E042"),
    ("SET allowed_directories = ['/']", "E042"),
    ("PRAGMA enable_profiling", "E042"),
    ("IMPORT DATABASE '{base}/export'", "E042"),
    ("CREATE TABLE copy AS SELECT * FROM documents", "E038"),
    ("DROP VIEW documents", "E038"),
    ("CALL pragma_version()", "E038"),
    ("SELECT * FROM read_csv('/etc/passwd')", "E043"),
    ("SELECT * FROM glob('/root/*')", "E043"),
    ("SELECT * FROM read_text('/etc/hostname')", "E043"),
    ("SELECT * FROM read_csv('{base}/secret.csv')", "E043"),
    ("SELECT * FROM '{base}/secret.csv'", "E043"),
    ("SELECT * FROM read_parquet('{base}/parquet/documents/*.parquet')", "E043"),
    ("SELECT * FROM read_parquet('https://example.com/x.parquet')", "E043"),
    ("SELECT 1; COPY documents TO '{base}/leak.csv'", "E039"),
]


@pytest.mark.parametrize("fmt", ["parquet", "csv", "jsonl"])
@pytest.mark.parametrize("sql,code", REFUSED)
def test_query_sandbox_refuses(runs: dict[str, Path], fmt: str, sql: str, code: str) -> None:
    before = sorted(p.relative_to(runs["base"]) for p in runs["base"].rglob("*"))
    with pytest.raises(QueryRefused) as refused:
        query(runs[fmt], sql.format(base=runs["base"]))
    assert refused.value.code == code
    assert str(refused.value).startswith(code + ": ")
    assert "--unsafe" in str(refused.value)
    assert sorted(p.relative_to(runs["base"]) for p in runs["base"].rglob("*")) == before


@pytest.mark.parametrize("fmt", ["parquet", "csv", "jsonl"])
@pytest.mark.parametrize(
    "sql,expected",
    [
        ("SELECT doc_id FROM documents ORDER BY 1", [("d1",), ("d2",)]),
        ("DESCRIBE SELECT doc_id FROM documents", [("doc_id", "VARCHAR", "YES", None, None, None)]),
        ("EXPLAIN SELECT * FROM countries", None),
        ("WITH c AS (SELECT iso3 FROM countries) SELECT count(*) FROM c", [(3,)]),
    ],
)
def test_query_sandbox_runs_reads_of_the_run(
    runs: dict[str, Path], fmt: str, sql: str, expected: list | None
) -> None:
    columns, rows = query(runs[fmt], sql)
    if expected is None:  # a plan: its text is DuckDB's
        assert columns == ["explain_key", "explain_value"] and len(rows) == 1
    else:
        assert rows == expected


def test_query_unsafe_restores_full_duckdb(runs: dict[str, Path]) -> None:
    base = runs["base"]
    out = runs["parquet"]
    leak = base / "unsafe-copy.csv"
    query(out, f"COPY (SELECT doc_id FROM documents ORDER BY 1) TO '{leak}'", unsafe=True)
    assert leak.read_text(encoding="utf-8") == "doc_id\nd1\nd2\n"
    assert query(out, f"SELECT * FROM read_csv('{base}/secret.csv')", unsafe=True)[1] == [
        ("hunter2",)
    ]
    files = query(out, f"SELECT file FROM glob('{base}/*.csv') ORDER BY 1", unsafe=True)[1]
    assert files == [(str(base / "secret.csv"),), (str(leak),)]
    assert query(out, "SET threads = 1; SELECT current_setting('threads')", unsafe=True)[1] == [
        (1,)
    ]
    leak.unlink()


def test_query_bad_sql_is_an_uncoded_query_error(runs: dict[str, Path]) -> None:
    with pytest.raises(QueryError, match="nope") as raised:
        query(runs["parquet"], "SELECT nope FROM documents")
    assert not isinstance(raised.value, QueryRefused)


def test_query_part_leading_outside_the_run_is_refused(
    runs: dict[str, Path], tmp_path: Path
) -> None:
    import shutil

    out = tmp_path / "run"
    shutil.copytree(runs["parquet"], out)
    part = out / "documents" / "part-000000.parquet"
    outside = tmp_path / "elsewhere.parquet"
    part.rename(outside)
    part.symlink_to(outside)
    with pytest.raises(QueryRefused, match="E043: .*part-000000.parquet leads outside"):
        query(out, "SELECT count(*) FROM documents")
    assert query(out, "SELECT count(*) FROM documents", unsafe=True)[1] == [(2,)]


@pytest.mark.parametrize("extra,status", [([], 1), (["--unsafe"], 0)])
def test_query_cli_refuses_unless_unsafe(
    runs: dict[str, Path], tmp_path: Path, extra: list[str], status: int
) -> None:
    target = tmp_path / "out.csv"
    sql = f"COPY (SELECT doc_id FROM documents) TO '{target}'"
    result = runner.invoke(app, ["query", str(runs["parquet"]), sql, *extra])
    assert result.exit_code == status, result.output
    if status:
        assert "E039: writing files" in " ".join(result.output.split())
    assert target.exists() is (status == 0)


@pytest.mark.parametrize("fmt", [OutputFormat.PARQUET, OutputFormat.CSV, OutputFormat.JSONL])
def test_query_sandbox_on_an_object_store_run(tmp_path: Path, fmt: OutputFormat) -> None:
    """A remote run's tables are copied in through fsspec; then nothing else is reachable."""
    import uuid

    import fsspec

    nlp = spacy.blank("en")
    nlp.add_pipe("sentencizer")
    source = tmp_path / "in.jsonl"
    source.write_text("".join(json.dumps(r) + "\n" for r in RECORDS), encoding="utf-8")
    bucket = f"memory://sandbox-{uuid.uuid4().hex[:12]}"
    try:
        run([source], f"{bucket}/out", nlp, RunSettings(model="blank"), fmt=fmt)
        sql = "SELECT doc_id FROM documents ORDER BY 1"
        assert query(f"{bucket}/out", sql)[1] == [("d1",), ("d2",)]
        with pytest.raises(QueryRefused, match="^E043: "):
            query(f"{bucket}/out", "SELECT * FROM read_csv('/etc/passwd')")
        with pytest.raises(QueryRefused, match="^E043: "):
            query(f"{bucket}/out", f"SELECT * FROM read_json('{bucket}/out/manifest.json')")
        with pytest.raises(QueryRefused, match="^E039: "):
            query(f"{bucket}/out", f"COPY documents TO '{bucket}/leak.csv'")
        assert query(f"{bucket}/out", sql, unsafe=True)[1] == [("d1",), ("d2",)]
    finally:
        fsspec.filesystem("memory").rm(bucket.removeprefix("memory://"), recursive=True)
