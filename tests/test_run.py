"""The runner: sharded atomic output, manifest, output-folder rules, resume, write failures."""

from __future__ import annotations

import errno
import hashlib
import json
from pathlib import Path

import duckdb
import pandas as pd
import pyarrow.parquet as pq
import pytest
import spacy
from spacy.language import Language
from typer.testing import CliRunner

from extract.cli import app
from extract.run import OutputExistsError, RunError, run
from extract.settings import RunSettings
from extract.tables.schema import PER_DOCUMENT_TABLES, TABLES
from extract.tables.writers import OutputFormat, WriteError

runner = CliRunner()
SETTINGS = RunSettings(model="tiny")

ARTICLES = [
    {"id": "a1", "text": "Talks began on April 28, 2020 in Vietnam.", "published": "2020-11-02"},
    {"id": "a2", "text": "The fund paid 19.654 billion yuan to 18 envoys."},
    {"id": "a3", "text": "Singapore and the United States met in March."},
    {"id": "a1", "text": "A duplicate id is an error row, not an overwrite."},
    {"id": "a5", "text": "Prices rose 5 percent in 2019."},
]


def write_jsonl(path: Path, records: list[dict]) -> Path:
    path.write_text("".join(json.dumps(r) + "\n" for r in records), encoding="utf-8")
    return path


def read_tables(out: Path) -> dict[str, pd.DataFrame]:
    return {name: pd.read_parquet(out / name) for name in TABLES}


@pytest.fixture()
def source(tmp_path: Path) -> Path:
    return write_jsonl(tmp_path / "in.jsonl", ARTICLES)


def test_run_writes_one_part_per_shard_in_input_order(
    tiny: Language, source: Path, tmp_path: Path
) -> None:
    out = tmp_path / "out"
    summary = run([source], out, tiny, SETTINGS, shard_size=2)
    assert (summary.articles, summary.errors, summary.shards) == (5, 1, 3)
    for table in PER_DOCUMENT_TABLES:
        assert sorted(p.name for p in (out / table).iterdir()) == [
            "part-000000.parquet",
            "part-000001.parquet",
            "part-000002.parquet",
        ]
    assert sorted(p.name for p in (out / "people").iterdir()) == ["part-000000.parquet"]
    assert sorted(p.name for p in (out / "_shards").iterdir()) == [
        "part-000000.json",
        "part-000001.json",
        "part-000002.json",
    ]
    documents = pd.read_parquet(out / "documents")
    assert list(documents["doc_id"]) == ["a1", "a2", "a3", "a1", "a5"]
    assert list(documents["status"]) == ["ok", "ok", "ok", "error", "ok"]
    assert documents["error"].iloc[3].startswith("E006")


def test_run_tables_read_directly_by_pandas_and_duckdb(
    tiny: Language, source: Path, tmp_path: Path
) -> None:
    out = tmp_path / "out"
    run([source], out, tiny, SETTINGS, shard_size=2)
    for table in TABLES:
        frame = pd.read_parquet(out / table)
        assert list(frame.columns) == TABLES[table].column_names
        glob = str(out / table / "*.parquet")
        rows = duckdb.connect().execute("SELECT count(*) FROM read_parquet(?)", [glob]).fetchall()
        assert rows == [(len(frame),)]
        assert pq.read_schema(next((out / table).glob("*.parquet"))) == TABLES[table].arrow_schema()


def test_run_manifest_records_versions_inputs_counts(
    tiny: Language, source: Path, tmp_path: Path
) -> None:
    out = tmp_path / "out"
    summary = run([source], out, tiny, SETTINGS, shard_size=2)
    manifest = json.loads((out / "manifest.json").read_text())
    assert manifest["status"] == "complete"
    assert manifest["inputs"] == [
        {
            "path": str(source),
            "bytes": source.stat().st_size,
            "sha256": hashlib.sha256(source.read_bytes()).hexdigest(),
        }
    ]
    assert manifest["packages"]["spacy"] == spacy.__version__
    assert manifest["pipeline"]["components"] == tiny.pipe_names
    assert manifest["options"]["shard_size"] == 2
    assert manifest["articles"] == 5 and manifest["errors"] == 1 and manifest["shards"] == 3
    assert manifest["rows"] == {name: summary.rows[name] for name in TABLES}
    assert manifest["rows"]["documents"] == 5
    assert manifest["problem_codes"] == {"E006": 1}
    assert manifest["problems"][0]["doc_id"] == "a1"
    assert len(manifest["sessions"]) == 1 and manifest["seconds"] > 0


@pytest.mark.parametrize(
    "fmt,suffix",
    [(OutputFormat.CSV, "csv"), (OutputFormat.JSONL, "jsonl"), (OutputFormat.DUCKDB, "parquet")],
)
def test_run_other_formats_have_the_same_rows(
    tiny: Language, source: Path, tmp_path: Path, fmt: OutputFormat, suffix: str
) -> None:
    reference = tmp_path / "parquet"
    run([source], reference, tiny, SETTINGS, shard_size=2)
    out = tmp_path / fmt.value
    run([source], out, tiny, SETTINGS, fmt=fmt, shard_size=2)
    assert sorted(p.name for p in (out / "documents").iterdir()) == [
        f"part-00000{i}.{suffix}" for i in range(3)
    ]
    if fmt is OutputFormat.CSV:
        documents = pd.concat(pd.read_csv(p) for p in sorted((out / "documents").iterdir()))
        assert list(documents["doc_id"]) == ["a1", "a2", "a3", "a1", "a5"]
    if fmt is OutputFormat.JSONL:
        lines = (out / "countries" / "part-000000.jsonl").read_text().splitlines()
        expected = pd.read_parquet(reference / "countries")
        assert [json.loads(line)["iso3"] for line in lines] == list(expected["iso3"])[: len(lines)]
        assert lines and json.loads(lines[0])["iso3"] == "VNM"
    if fmt is OutputFormat.DUCKDB:
        connection = duckdb.connect(str(out / "tables.duckdb"), read_only=True)
        for table in TABLES:
            frame = connection.execute(f'SELECT * FROM "{table}"').df()
            expected = pd.read_parquet(reference / table)
            assert list(frame.columns) == list(expected.columns)
            assert len(frame) == len(expected)
        assert list(connection.execute("SELECT doc_id FROM documents").df()["doc_id"]) == [
            "a1",
            "a2",
            "a3",
            "a1",
            "a5",
        ]


def test_run_refuses_an_output_folder_holding_a_run(
    tiny: Language, source: Path, tmp_path: Path
) -> None:
    out = tmp_path / "out"
    run([source], out, tiny, SETTINGS)
    with pytest.raises(OutputExistsError, match="E022"):
        run([source], out, tiny, SETTINGS)
    run([source], out, tiny, SETTINGS, overwrite=True)
    assert json.loads((out / "manifest.json").read_text())["status"] == "complete"


def test_run_never_deletes_files_that_are_not_its_own(
    tiny: Language, source: Path, tmp_path: Path
) -> None:
    out = tmp_path / "out"
    out.mkdir()
    (out / "notes.txt").write_text("mine")
    with pytest.raises(OutputExistsError, match="holds other files"):
        run([source], out, tiny, SETTINGS)
    run([source], out, tiny, SETTINGS, overwrite=True)
    run([source], out, tiny, SETTINGS, overwrite=True)
    assert (out / "notes.txt").read_text() == "mine"


def test_run_overwrite_and_resume_exclude_each_other(
    tiny: Language, source: Path, tmp_path: Path
) -> None:
    with pytest.raises(RunError, match="exclude each other"):
        run([source], tmp_path / "out", tiny, SETTINGS, overwrite=True, resume=True)


def _simulate_crash(out: Path) -> None:
    """What kill -9 after shard 0 leaves: shard 1's tables half written, no marker; a temp file."""
    (out / "_shards" / "part-000001.json").unlink()
    (out / "_shards" / "part-000002.json").unlink()
    (out / "persons" / "part-000002.parquet").unlink()
    (out / "documents" / ".part-000003.parquet.partial").write_bytes(b"PAR1 half")
    manifest = json.loads((out / "manifest.json").read_text())
    (out / "manifest.json").write_text(json.dumps({**manifest, "status": "running"}))


def test_run_resume_processes_only_unfinished_shards(
    tiny: Language, source: Path, tmp_path: Path
) -> None:
    reference = tmp_path / "reference"
    run([source], reference, tiny, SETTINGS, shard_size=2)
    out = tmp_path / "out"
    run([source], out, tiny, SETTINGS, shard_size=2)
    _simulate_crash(out)
    processed: list[int] = []
    summary = run(
        [source], out, tiny, SETTINGS, shard_size=2, resume=True, on_progress=processed.append
    )
    assert processed == [2, 1]  # shards 1 and 2 only
    assert summary.resumed_shards == 1 and summary.articles == 5
    assert not list(out.rglob("*.partial"))
    for name, frame in read_tables(reference).items():
        pd.testing.assert_frame_equal(pd.read_parquet(out / name), frame, check_like=False)
    manifest = json.loads((out / "manifest.json").read_text())
    assert manifest["status"] == "complete" and len(manifest["sessions"]) == 2
    assert manifest["articles"] == 5 and manifest["rows"]["documents"] == 5


def test_run_resume_of_a_complete_run_changes_nothing(
    tiny: Language, source: Path, tmp_path: Path
) -> None:
    out = tmp_path / "out"
    run([source], out, tiny, SETTINGS, shard_size=2)
    before = read_tables(out)
    processed: list[int] = []
    run([source], out, tiny, SETTINGS, shard_size=2, resume=True, on_progress=processed.append)
    assert processed == []
    for name, frame in read_tables(out).items():
        pd.testing.assert_frame_equal(frame, before[name])


@pytest.mark.parametrize(
    "change,message",
    [
        ({"shard_size": 3}, "option shard_size was 2, now 3"),
        ({"fmt": OutputFormat.CSV}, "option format was 'parquet', now 'csv'"),
    ],
)
def test_run_resume_rejects_other_options(
    tiny: Language, source: Path, tmp_path: Path, change: dict, message: str
) -> None:
    out = tmp_path / "out"
    run([source], out, tiny, SETTINGS, shard_size=2)
    options = {"shard_size": 2, **change}
    with pytest.raises(RunError, match=message):
        run([source], out, tiny, SETTINGS, resume=True, **options)


def test_run_resume_rejects_changed_inputs(tiny: Language, source: Path, tmp_path: Path) -> None:
    out = tmp_path / "out"
    run([source], out, tiny, SETTINGS, shard_size=2)
    write_jsonl(source, ARTICLES[:2])
    with pytest.raises(RunError, match="input files changed"):
        run([source], out, tiny, SETTINGS, shard_size=2, resume=True)


def test_run_disk_full_fails_clearly_and_leaves_no_complete_looking_file(
    tiny: Language, source: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import extract.tables.writers as writers

    calls = {"n": 0}
    original = writers._write_parquet

    def fill_disk(table, path):  # type: ignore[no-untyped-def]
        calls["n"] += 1
        if calls["n"] == 12:  # in the middle of the second shard
            path.write_bytes(b"PAR1 trunc")
            raise OSError(errno.ENOSPC, "No space left on device")
        original(table, path)

    monkeypatch.setitem(writers._WRITE, "parquet", fill_disk)
    out = tmp_path / "out"
    with pytest.raises(WriteError, match="disk full while writing .*part-000001.parquet"):
        run([source], out, tiny, SETTINGS, shard_size=2)
    manifest = json.loads((out / "manifest.json").read_text())
    assert manifest["status"] == "failed" and "disk full" in manifest["failure"]
    assert not list(out.rglob("*.partial"))
    assert sorted(p.name for p in (out / "_shards").iterdir()) == ["part-000000.json"]
    assert not (out / "people").exists()


def test_run_cli_summary_and_exit_codes(source: Path, tmp_path: Path) -> None:
    out = tmp_path / "out"
    args = ["run", str(source), "--out", str(out), "--workers", "1", "--model", "does-not-exist"]
    result = runner.invoke(app, args)
    assert result.exit_code == 2 and "E024" in result.output


@pytest.mark.parametrize(
    "extra,message",
    [
        (["--engine", "spark"], "E028: unknown --engine 'spark': use local or dask"),
        (["--scheduler", "tcp://x:1"], "E029: --scheduler needs --engine dask"),
        (["--overwrite", "--resume"], "E030: --overwrite and --resume exclude each other"),
        (["--workers", "0"], "Invalid value"),
    ],
)
def test_run_cli_rejects_unusable_options(
    source: Path, tmp_path: Path, extra: list[str], message: str
) -> None:
    result = runner.invoke(app, ["run", str(source), "--out", str(tmp_path / "out"), *extra])
    assert result.exit_code == 2
    assert message in result.output


@pytest.mark.slow
def test_run_cli_existing_run_needs_overwrite_or_resume(source: Path, tmp_path: Path) -> None:
    out = tmp_path / "out"
    base = ["run", str(source), "--out", str(out), "--workers", "1", "--shard-size", "2"]
    first = runner.invoke(app, base)
    assert first.exit_code == 0, first.output
    assert "5 articles (1 error, 0 warnings)" in first.output
    assert "E006: duplicate id 'a1'" in first.output
    again = runner.invoke(app, base)
    assert again.exit_code == 1 and "E022" in again.output
    resumed = runner.invoke(app, [*base, "--resume"])
    assert resumed.exit_code == 0 and "3 shards kept" in " ".join(resumed.output.split())
    replaced = runner.invoke(app, [*base, "--overwrite"])
    assert replaced.exit_code == 0
    assert len(pd.read_parquet(out / "documents")) == 5


def test_run_cli_unreadable_folder_member_exits_nonzero(
    tiny: Language, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from extract.engines import loader

    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "good.txt").write_text("Talks began in Vietnam.")
    (folder / "broken.txt.gz").write_bytes(b"not gzip at all")
    monkeypatch.setattr(loader, "get_pipeline", lambda spec: tiny)
    result = runner.invoke(
        app, ["run", str(folder), "--out", str(tmp_path / "out"), "--workers", "1"]
    )
    assert result.exit_code == 3
    output = " ".join(result.output.split())
    assert "E010: cannot read" in output and "1 input file could not be read" in output
    documents = pd.read_parquet(tmp_path / "out" / "documents")
    assert list(documents["status"]) == ["error", "ok"]


def test_run_refuses_an_output_folder_inside_an_input_folder(
    tiny: Language, tmp_path: Path
) -> None:
    (tmp_path / "a.txt").write_text("Talks began in Vietnam.")
    with pytest.raises(RunError, match="is inside the input folder"):
        run([tmp_path], tmp_path / "out", tiny, SETTINGS)


def test_run_cli_reads_jsonl_from_stdin(
    tiny: Language, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from extract.engines import loader

    monkeypatch.setattr(loader, "get_pipeline", lambda spec: tiny)
    stdin = "".join(json.dumps(r) + "\n" for r in ARTICLES[:3])
    out = tmp_path / "out"
    result = runner.invoke(app, ["run", "-", "--out", str(out), "--workers", "1"], input=stdin)
    assert result.exit_code == 0, result.output
    documents = pd.read_parquet(out / "documents")
    assert list(documents["doc_id"]) == ["a1", "a2", "a3"]
    assert list(documents["origin"]) == ["<stdin>:1", "<stdin>:2", "<stdin>:3"]
    assert json.loads((out / "manifest.json").read_text())["inputs"] == [{"path": "-"}]


@pytest.mark.parametrize(
    "lengths,expected",
    [
        ([10] * 5, [3, 2]),  # batch_size 3
        ([30_000, 30_000, 10, 10], [2, 2]),  # 60,000 characters end a batch
        ([60_000, 10, 10, 10, 10], [1, 3, 1]),  # a long article is a batch of its own
    ],
)
def test_run_batches_end_at_batch_size_or_batch_chars(
    tiny: Language, monkeypatch: pytest.MonkeyPatch, lengths: list[int], expected: list[int]
) -> None:
    import extract.process as process
    from extract.types import Article

    sizes: list[int] = []

    def record(batch, nlp, settings):  # type: ignore[no-untyped-def]
        sizes.append(len(batch))
        return iter(())

    monkeypatch.setattr(process, "_process_batch", record)
    articles = [Article(f"a{i}", "x" * n) for i, n in enumerate(lengths)]
    list(process.process_articles(articles, tiny, RunSettings(model="tiny", batch_size=3)))
    assert process.BATCH_CHARS == 50_000
    assert sizes == expected
