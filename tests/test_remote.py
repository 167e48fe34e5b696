"""fsspec URLs as input and output (extract/storage.py), on fsspec's in-memory filesystem."""

from __future__ import annotations

import gzip
import importlib.util
import io
import json
import uuid
from collections.abc import Iterator
from pathlib import Path

import duckdb
import fsspec
import pandas as pd
import pyarrow.parquet as pq
import pytest
import spacy
from spacy.language import Language
from typer.testing import CliRunner

from extract.cli import app
from extract.ingest.readers import iter_input_files
from extract.query import query
from extract.run import OutputExistsError, RunError, run
from extract.settings import RunSettings
from extract.storage import RemotePath, as_path
from extract.tables.schema import PER_DOCUMENT_TABLES, TABLES
from extract.tables.writers import OutputFormat, WriteError

runner = CliRunner()
SETTINGS = RunSettings(model="blank")
MEMORY = fsspec.filesystem("memory")

RECORDS = [
    {"id": "a1", "text": "Talks began on April 28, 2020 in Vietnam.", "published": "2020-11-02"},
    {"id": "a2", "text": "The fund paid 19.654 billion yuan to 18 envoys in China."},
    {"id": "a3", "text": "Angela Merkel met Emmanuel Macron in Paris on Monday."},
    {"id": "a1", "text": "A duplicate id is an error row, not an overwrite."},
    {"id": "a5", "text": "Prices in Brazil rose 5 percent in 2019."},
]
# relative name -> content: two formats, gzip, a subfolder, a hidden file and an unknown format
FILES = {
    "news.jsonl": "".join(json.dumps(record) + "\n" for record in RECORDS).encode(),
    "sub/brief.txt.gz": gzip.compress(b"Japan sent 300 soldiers to Iraq in 2004."),
    "sub/page.html": b"<html><body><p>Kenya elected a president in 2022.</p></body></html>",
    ".hidden/skip.jsonl": b'{"id": "h", "text": "never read"}\n',
    "notes.md": b"not an input format",
}
LISTED = ["news.jsonl", "sub/brief.txt.gz", "sub/page.html"]


@pytest.fixture()
def bucket() -> Iterator[str]:
    """A fresh memory:// "bucket", removed afterwards (the memory filesystem is global)."""
    name = f"test-{uuid.uuid4().hex[:12]}"
    yield f"memory://{name}"
    if MEMORY.exists(f"/{name}"):
        MEMORY.rm(f"/{name}", recursive=True)


@pytest.fixture(scope="module")
def blank() -> Language:
    """No components: enough for properties of storage, which do not depend on extraction."""
    import extract.extensions  # noqa: F401

    nlp = spacy.blank("en")
    nlp.add_pipe("sentencizer")
    return nlp


def put_files(root: str, files: dict[str, bytes]) -> None:
    for name, data in files.items():
        MEMORY.pipe_file(f"{root}/{name}", data)


def write_local(folder: Path, files: dict[str, bytes]) -> Path:
    for name, data in files.items():
        path = folder / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(data)
    return folder


def remote_table(out: str, table: str) -> pd.DataFrame:
    folder = as_path(f"{out}/{table}")
    assert isinstance(folder, RemotePath)
    parts = sorted(p for p in folder.iterdir() if p.name.endswith(".parquet"))
    return pd.concat(
        [pq.read_table(io.BytesIO(part.read_bytes())).to_pandas() for part in parts],
        ignore_index=True,
    )


def names_under(url: str) -> list[str]:
    root = as_path(url)
    assert isinstance(root, RemotePath)
    return ["/".join(parts) for parts, _ in root.walk_files()]


@pytest.mark.parametrize(
    "spec,expected",
    [
        ("{root}/news", [f"news/{name}" for name in LISTED]),
        ("{root}/news/", [f"news/{name}" for name in LISTED]),
        ("{root}/news/*.jsonl", ["news/news.jsonl"]),
        ("{root}/news/sub/*", ["news/sub/brief.txt.gz", "news/sub/page.html"]),
        ("{root}/news/sub/brief.txt.gz", ["news/sub/brief.txt.gz"]),
        ("{root}/news/missing.jsonl", ["news/missing.jsonl"]),
    ],
)
def test_remote_inputs_are_listed_like_a_local_folder(
    bucket: str, spec: str, expected: list[str]
) -> None:
    put_files(f"{bucket}/news", FILES)
    found = [str(path) for path in iter_input_files([spec.format(root=bucket)])]
    assert found == [f"{bucket}/{name}" for name in expected]


def test_remote_file_url_is_a_local_path(tmp_path: Path) -> None:
    write_local(tmp_path / "news", FILES)
    found = list(iter_input_files([f"file://{tmp_path}/news"]))
    assert found == [tmp_path / "news" / name for name in LISTED]
    assert as_path(f"file://{tmp_path}/out") == tmp_path / "out"


@pytest.mark.slow
def test_remote_run_from_memory_to_memory_matches_a_local_run(
    nlp: Language, bucket: str, tmp_path: Path
) -> None:
    local_in = write_local(tmp_path / "news", FILES)
    put_files(f"{bucket}/news", FILES)
    local = run([local_in], tmp_path / "out", nlp, SETTINGS, shard_size=2)
    remote = run([f"{bucket}/news/"], f"{bucket}/run1", nlp, SETTINGS, shard_size=2)
    assert (remote.articles, remote.errors, remote.shards) == (7, 1, 4)
    assert remote.rows == local.rows
    assert local.rows["countries"] > 0 and local.rows["dates"] > 0 and local.rows["persons"] > 0
    for table in TABLES:
        expected = pd.read_parquet(tmp_path / "out" / table)
        got = remote_table(f"{bucket}/run1", table)
        for column in ("origin", "error"):  # the only columns that name the input
            if column in expected:
                expected[column] = expected[column].str.replace(str(local_in), f"{bucket}/news")
        pd.testing.assert_frame_equal(got, expected, check_dtype=True)
    assert names_under(f"{bucket}/run1/_shards") == [f"part-00000{i}.json" for i in range(4)]
    assert names_under(f"{bucket}/run1/persons") == [f"part-00000{i}.parquet" for i in range(4)]
    manifest = json.loads(MEMORY.cat_file(f"{bucket}/run1/manifest.json"))
    assert manifest["status"] == "complete" and manifest["rows"] == dict(local.rows)
    assert [(item["path"], item["bytes"]) for item in manifest["inputs"]] == [
        (f"{bucket}/news/{name}", len(FILES[name])) for name in LISTED
    ]
    assert all(item["checksum"].startswith("fsspec:") for item in manifest["inputs"])


def test_remote_missing_object_is_an_error_row(blank: Language, bucket: str) -> None:
    put_files(f"{bucket}/news", FILES)
    inputs = [f"{bucket}/news/news.jsonl", f"{bucket}/news/gone.jsonl"]
    summary = run(inputs, f"{bucket}/out", blank, SETTINGS)
    assert (summary.articles, summary.errors) == (6, 2)
    documents = remote_table(f"{bucket}/out", "documents")
    assert list(documents["doc_id"]) == ["a1", "a2", "a3", "a1", "a5", "gone"]
    gone = documents.iloc[-1]
    assert (gone["status"], gone["error"], gone["origin"]) == (
        "error",
        f"E021: input not found: {bucket}/news/gone.jsonl",
        f"{bucket}/news/gone.jsonl",
    )
    manifest = json.loads(MEMORY.cat_file(f"{bucket}/out/manifest.json"))
    assert manifest["inputs"][1] == {
        "path": f"{bucket}/news/gone.jsonl",
        "error": "No such file or directory",
    }


def test_remote_unreadable_object_is_an_error_row(
    blank: Language, bucket: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    put_files(f"{bucket}/news", FILES)
    open_binary = RemotePath.open_binary

    def deny_brief(self: RemotePath, *, gzip: bool = False) -> object:
        if self.name == "brief.txt.gz":
            raise PermissionError(13, "Access Denied")
        return open_binary(self, gzip=gzip)

    monkeypatch.setattr(RemotePath, "open_binary", deny_brief)
    summary = run([f"{bucket}/news"], f"{bucket}/out", blank, SETTINGS)
    assert (summary.articles, summary.errors, summary.unreadable_inputs) == (7, 2, 1)
    documents = remote_table(f"{bucket}/out", "documents").set_index("doc_id")
    assert documents.loc["sub/brief", "error"] == (
        f"E010: cannot read {bucket}/news/sub/brief.txt.gz: [Errno 13] Access Denied"
    )
    assert documents.loc["sub/page", "status"] == "ok"


def test_remote_resume_redoes_only_shards_without_a_marker(blank: Language, bucket: str) -> None:
    put_files(f"{bucket}/news", FILES)
    out = f"{bucket}/out"
    run([f"{bucket}/news"], out, blank, SETTINGS, shard_size=2)
    before = {table: remote_table(out, table) for table in TABLES}
    # A crash after shard 1's parts but before its marker; a stray part from a dead shard.
    MEMORY.rm_file(f"{out}/_shards/part-000001.json")
    MEMORY.pipe_file(f"{out}/persons/part-000042.parquet", b"half written")
    MEMORY.pipe_file(f"{out}/tables.duckdb", b"stale")
    summary = run([f"{bucket}/news"], out, blank, SETTINGS, shard_size=2, resume=True)
    assert (summary.resumed_shards, summary.articles, summary.shards) == (3, 7, 4)
    for table in TABLES:
        pd.testing.assert_frame_equal(remote_table(out, table), before[table])
    assert "part-000042.parquet" not in names_under(f"{out}/persons")
    assert not MEMORY.exists(f"{out}/tables.duckdb")
    manifest = json.loads(MEMORY.cat_file(f"{out}/manifest.json"))
    assert [s["shards_processed"] for s in manifest["sessions"]] == [4, 1]


def test_remote_resume_rejects_a_changed_input(blank: Language, bucket: str) -> None:
    put_files(f"{bucket}/news", FILES)
    out = f"{bucket}/out"
    run([f"{bucket}/news/news.jsonl"], out, blank, SETTINGS)
    MEMORY.pipe_file(f"{bucket}/news/news.jsonl", FILES["news.jsonl"] + b"\n")
    with pytest.raises(RunError, match="the input files changed"):
        run([f"{bucket}/news/news.jsonl"], out, blank, SETTINGS, resume=True)


def test_remote_output_holding_a_run_needs_overwrite(blank: Language, bucket: str) -> None:
    put_files(f"{bucket}/news", FILES)
    out = f"{bucket}/out"
    run([f"{bucket}/news/news.jsonl"], out, blank, SETTINGS, shard_size=2)
    with pytest.raises(OutputExistsError, match="E022"):
        run([f"{bucket}/news/sub"], out, blank, SETTINGS)
    MEMORY.pipe_file(f"{out}/theirs.txt", b"someone else's file")
    summary = run([f"{bucket}/news/sub"], out, blank, SETTINGS, overwrite=True)
    assert summary.articles == 2
    assert list(remote_table(out, "documents")["doc_id"]) == ["brief", "page"]
    assert names_under(f"{out}/documents") == ["part-000000.parquet"]
    assert MEMORY.cat_file(f"{out}/theirs.txt") == b"someone else's file"
    MEMORY.pipe_file(f"{bucket}/news/sub2/x.txt", b"x")
    with pytest.raises(OutputExistsError, match="holds other files"):
        run([f"{bucket}/news/news.jsonl"], f"{bucket}/news/sub2", blank, SETTINGS)


def test_remote_output_inside_the_input_is_refused(blank: Language, bucket: str) -> None:
    put_files(f"{bucket}/news", FILES)
    with pytest.raises(RunError, match="is inside the input"):
        run([f"{bucket}/news/*.jsonl"], f"{bucket}/news/out", blank, SETTINGS)


@pytest.mark.parametrize("fmt,suffix", [(OutputFormat.CSV, "csv"), (OutputFormat.JSONL, "jsonl")])
def test_remote_query_reads_every_format(
    blank: Language, bucket: str, fmt: OutputFormat, suffix: str
) -> None:
    put_files(f"{bucket}/news", FILES)
    out = f"{bucket}/out"
    run([f"{bucket}/news"], out, blank, SETTINGS, fmt=fmt, shard_size=3)
    assert names_under(f"{out}/documents") == [f"part-00000{i}.{suffix}" for i in range(3)]
    columns, rows = query(out, "SELECT doc_id, status FROM documents ORDER BY origin")
    assert columns == ["doc_id", "status"]
    assert rows == [
        ("a1", "ok"),
        ("a2", "ok"),
        ("a3", "ok"),
        ("a1", "error"),
        ("a5", "ok"),
        ("sub/brief", "ok"),
        ("sub/page", "ok"),
    ]


def test_remote_duckdb_file_is_built_locally_and_uploaded(
    blank: Language, bucket: str, tmp_path: Path
) -> None:
    put_files(f"{bucket}/news", FILES)
    out = f"{bucket}/out"
    run([f"{bucket}/news"], out, blank, SETTINGS, fmt=OutputFormat.DUCKDB, shard_size=2)
    local = tmp_path / "tables.duckdb"
    local.write_bytes(MEMORY.cat_file(f"{out}/tables.duckdb"))
    connection = duckdb.connect(str(local), read_only=True)
    for table in PER_DOCUMENT_TABLES:
        count = connection.execute(f'SELECT count(*) FROM "{table}"').fetchone()
        assert count == (len(remote_table(out, table)),)
    doc_ids = connection.execute("SELECT doc_id FROM documents").fetchall()
    assert [row[0] for row in doc_ids] == ["a1", "a2", "a3", "a1", "a5", "sub/brief", "sub/page"]


def test_remote_failed_upload_is_a_clear_error_and_no_marker(
    blank: Language, bucket: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    put_files(f"{bucket}/news", FILES)
    out = f"{bucket}/out"
    upload = RemotePath.upload

    def refuse_persons(self: RemotePath, local: Path) -> None:
        if "/persons/" in self.url:
            raise PermissionError(13, "Access Denied")
        upload(self, local)

    monkeypatch.setattr(RemotePath, "upload", refuse_persons)
    with pytest.raises(WriteError, match=f"permission denied writing {out}/persons/part-000000"):
        run([f"{bucket}/news"], out, blank, SETTINGS, shard_size=2)
    assert not MEMORY.exists(f"{out}/_shards/part-000000.json")
    manifest = json.loads(MEMORY.cat_file(f"{out}/manifest.json"))
    assert manifest["status"] == "failed" and manifest["shards_completed"] == 0


def test_remote_cli_run_and_query(
    blank: Language, bucket: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    from extract.engines import loader

    put_files(f"{bucket}/news", FILES)
    monkeypatch.setattr(loader, "get_pipeline", lambda spec: blank)
    out = f"{bucket}/run1"
    base = ["run", f"{bucket}/news/", "--out", out, "--workers", "1", "--shard-size", "2"]
    result = runner.invoke(app, base)
    assert result.exit_code == 0, result.output
    assert "7 articles (1 error, 0 warnings)" in result.output
    again = runner.invoke(app, base)
    assert again.exit_code == 1 and "E022" in again.output
    resumed = runner.invoke(app, [*base, "--resume"])
    assert resumed.exit_code == 0 and "4 shards kept" in " ".join(resumed.output.split())
    queried = runner.invoke(app, ["query", out, "SELECT count(*) AS n FROM documents", "--csv"])
    assert queried.exit_code == 0, queried.output
    assert queried.stdout == "n\n7\n"
    missing = runner.invoke(app, ["run", f"{bucket}/nothing/*.jsonl", "--out", f"{bucket}/x"])
    assert missing.exit_code == 2
    assert f"input not found: {bucket}/nothing/*.jsonl" in " ".join(missing.output.split())


@pytest.mark.skipif(importlib.util.find_spec("s3fs") is not None, reason="s3fs is installed")
def test_remote_missing_backend_names_the_package(blank: Language, tmp_path: Path) -> None:
    with pytest.raises(RunError, match=r"s3:// URLs need the s3fs package.*pip install s3fs"):
        run(["s3://bucket/news/"], tmp_path / "out", blank, SETTINGS)
    (tmp_path / "a.txt").write_text("Talks began in Vietnam.")
    with pytest.raises(RunError, match="pip install s3fs"):
        run([tmp_path / "a.txt"], "s3://bucket/run1", blank, SETTINGS)
    for args, status in (
        (["run", "s3://bucket/news/", "--out", str(tmp_path / "out2")], 2),
        (["run", str(tmp_path / "a.txt"), "--out", "s3://bucket/run1", "--workers", "1"], 2),
        (["query", "s3://bucket/run1", "SELECT 1"], 1),
    ):
        result = runner.invoke(app, args)
        assert result.exit_code == status, args
        assert "pip install s3fs" in " ".join(result.output.split()), args
    assert not (tmp_path / "out2").exists()
