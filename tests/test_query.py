"""extract query: SQL over a run's tables, whatever the shard format."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
import spacy
from spacy.language import Language
from typer.testing import CliRunner

from extract.cli import app
from extract.pipeline import NEWS_COMPONENTS
from extract.query import QueryError, query
from extract.run import run
from extract.settings import RunSettings
from extract.tables.writers import OutputFormat

runner = CliRunner()
RECORDS = [
    {"id": "d1", "text": "Singapore and Vietnam signed a deal.", "published": "2020-05-01"},
    {"id": "d2", "text": "Vietnam said nothing."},
    {"id": "d3"},
]


@pytest.fixture(scope="module")
def runs(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    nlp: Language = spacy.blank("en")
    nlp.add_pipe("sentencizer")
    for name in NEWS_COMPONENTS:
        if name != "news_facts":  # facts needs a dependency parse
            nlp.add_pipe(name)
    base = tmp_path_factory.mktemp("query")
    source = base / "in.jsonl"
    source.write_text("".join(json.dumps(r) + "\n" for r in RECORDS), encoding="utf-8")
    outs = {}
    for fmt in (OutputFormat.PARQUET, OutputFormat.CSV, OutputFormat.JSONL):
        outs[fmt.value] = base / fmt.value
        run([source], outs[fmt.value], nlp, RunSettings(model="tiny"), fmt=fmt, shard_size=2)
    return outs


@pytest.mark.parametrize("fmt", ["parquet", "csv", "jsonl"])
@pytest.mark.parametrize(
    "sql,expected",
    [
        (
            "SELECT doc_id, status, reference_date FROM documents ORDER BY doc_id",
            [("d1", "ok", "2020-05-01"), ("d2", "ok", None), ("d3", "error", None)],
        ),
        (
            "SELECT iso3, count(*) FROM countries GROUP BY iso3 ORDER BY iso3",
            [("SGP", 1), ("VNM", 2)],
        ),
        (
            "SELECT c.doc_id, c.mentions FROM country_mentions c JOIN documents d USING (doc_id) "
            "WHERE c.iso3 = 'VNM' ORDER BY 1",
            [("d1", 1), ("d2", 1)],
        ),
        ("SELECT count(*) FROM people", [(0,)]),
    ],
)
def test_query_runs_sql_over_every_format(
    runs: dict[str, Path], fmt: str, sql: str, expected: list
) -> None:
    _, rows = query(runs[fmt], sql)
    as_text = [tuple(v.isoformat() if hasattr(v, "isoformat") else v for v in row) for row in rows]
    assert as_text == expected


def test_query_bad_sql_is_a_query_error(runs: dict[str, Path]) -> None:
    with pytest.raises(QueryError, match="nope"):
        query(runs["parquet"], "SELECT nope FROM documents")


def test_query_cli_prints_csv(runs: dict[str, Path]) -> None:
    result = runner.invoke(
        app,
        [
            "query",
            str(runs["parquet"]),
            "SELECT doc_id, n_chars FROM documents ORDER BY 1",
            "--csv",
        ],
    )
    assert result.exit_code == 0, result.output
    assert result.stdout == "doc_id,n_chars\nd1,36\nd2,21\nd3,0\n"


def test_query_cli_prints_a_table(runs: dict[str, Path]) -> None:
    result = runner.invoke(
        app, ["query", str(runs["csv"]), "SELECT iso3 FROM countries ORDER BY 1"]
    )
    assert result.exit_code == 0, result.output
    assert "iso3" in result.stdout and "SGP" in result.stdout and "VNM" in result.stdout


@pytest.mark.parametrize(
    "args,message",
    [
        (["query", "no-such-folder", "SELECT 1"], "no such folder"),
        (["query", ".", "SELECT 1"], "holds no tables of a run"),
    ],
)
def test_query_cli_unusable_arguments(args: list[str], message: str) -> None:
    result = runner.invoke(app, args)
    assert result.exit_code == 1
    assert message in result.output


def test_query_cli_warns_about_an_incomplete_run(runs: dict[str, Path], tmp_path: Path) -> None:
    import shutil

    out = tmp_path / "copy"
    shutil.copytree(runs["parquet"], out)
    manifest = json.loads((out / "manifest.json").read_text())
    (out / "manifest.json").write_text(json.dumps({**manifest, "status": "running"}))
    result = runner.invoke(app, ["query", str(out), "SELECT count(*) AS n FROM documents", "--csv"])
    assert result.exit_code == 0
    assert "is running: tables are partial" in " ".join(result.output.split())
    assert result.stdout.endswith("n\n3\n")
