"""Fuzzing the readers and the pipeline: whatever the input, no crash and exactly one documents
row (ok, warning or error) per input record; nothing lost.

The properties are about the runner, not about the trained model, so most use a tiny pipeline
(blank English, sentencizer, our components except facts, which needs a parse); a few fixed
hostile inputs also go through the trained model.
"""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import pandas as pd
import pyarrow.parquet as pq
import pytest
import spacy
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from spacy.language import Language

from extract.ingest import read_articles
from extract.process import process_shard
from extract.run import run
from extract.settings import RunSettings
from extract.types import Article

STATUSES = {"ok", "warning", "error"}
FUZZ = settings(
    max_examples=25,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)


# --- strategies: (file name suffix, bytes, number of records the file holds) ------------------

hostile_text = st.text(
    alphabet=st.characters(codec="utf-8", categories=["L", "N", "P", "S", "Zs", "Cc", "Cf"]),
    max_size=200,
)
any_json = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False) | hostile_text,
    lambda inner: st.lists(inner, max_size=3) | st.dictionaries(hostile_text, inner, max_size=3),
    max_leaves=6,
)
small_ids = st.sampled_from(["a", "b", "c", "dup"])  # few ids, so duplicates happen


def _jsonl_line() -> st.SearchStrategy[bytes]:
    record = st.fixed_dictionaries(
        {},
        optional={
            "id": small_ids | any_json,
            "text": hostile_text | any_json,
            "published": hostile_text | any_json,
            "title": any_json,
        },
    ).map(lambda r: json.dumps(r).encode())
    garbage = st.binary(max_size=80).map(lambda b: b.replace(b"\n", b" "))
    wrong_shape = any_json.map(lambda v: json.dumps(v).encode())
    return st.one_of(record, garbage, wrong_shape)


jsonl_file = st.lists(_jsonl_line(), max_size=6).map(
    lambda lines: ("jsonl", b"\n".join(lines) + b"\n", sum(1 for line in lines if line.strip()))
)


def _csv_bytes(rows: list[tuple[str, str, str]]) -> bytes:
    buffer = io.StringIO()
    writer = csv.writer(buffer)
    writer.writerow(["id", "text", "published"])
    writer.writerows(rows)
    return buffer.getvalue().encode("utf-8")


csv_text = st.text(alphabet=st.sampled_from('ab ,"\n\r\tÉ€'), max_size=40)
csv_file = st.lists(st.tuples(small_ids, csv_text, csv_text), max_size=5).map(
    lambda rows: ("csv", _csv_bytes(rows), len(rows))
)
encoded_text = st.tuples(
    hostile_text, st.sampled_from(["utf-8", "latin-1", "utf-16", "cp1252"])
).map(lambda pair: pair[0].encode(pair[1], errors="replace"))
txt_file = st.one_of(st.binary(max_size=300), encoded_text).map(lambda data: ("txt", data, 1))
any_file = st.one_of(txt_file, jsonl_file, csv_file)


def _write_folder(folder: Path, files: list[tuple[str, bytes, int]]) -> int:
    folder.mkdir(parents=True)
    for number, (suffix, data, _) in enumerate(files):
        (folder / f"f{number:02d}.{suffix}").write_bytes(data)
    return sum(expected for _, _, expected in files)


@FUZZ
@given(files=st.lists(any_file, min_size=1, max_size=5))
def test_fuzz_readers_yield_one_article_per_record(
    tmp_path_factory: pytest.TempPathFactory, files: list
) -> None:
    folder = tmp_path_factory.mktemp("fuzz") / "in"
    expected = _write_folder(folder, files)
    articles = list(read_articles([folder]))
    assert len(articles) == expected
    for article in articles:
        assert article.error or article.text.strip()
        assert isinstance(article.doc_id, str) and article.doc_id


@settings(FUZZ, max_examples=15)
@given(files=st.lists(any_file, min_size=1, max_size=4))
def test_fuzz_run_keeps_every_record(
    tiny: Language, tmp_path_factory: pytest.TempPathFactory, files: list
) -> None:
    base = tmp_path_factory.mktemp("fuzzrun")
    expected = _write_folder(base / "in", files)
    quiet = io.StringIO()
    summary = run(
        [base / "in"], base / "out", tiny, RunSettings(model="tiny"), shard_size=3, stderr=quiet
    )
    documents = pd.read_parquet(base / "out" / "documents")
    assert len(documents) == summary.articles == expected
    assert set(documents["status"]) <= STATUSES
    assert documents.loc[documents["status"] != "ok", "error"].notna().all()
    assert summary.errors + summary.warnings == quiet.getvalue().count("\n")


HOSTILE_CASES = [
    pytest.param("x" * 100_000, "ok", id="100k-chars-no-spaces"),
    pytest.param(("ab1," * 25_000), "ok", id="100k-chars-punctuation-no-spaces"),
    pytest.param(
        "\x00\x01\x1b[31m\u202e\ufeff control \x7f characters \u2028 here.",
        "ok",
        id="control-chars",
    ),
    pytest.param("🙂" * 2_000 + " \U0010ffff", "ok", id="astral-chars"),
    pytest.param("\n" * 500 + "  \t ", "ok", id="whitespace-only-in-text"),
]


@pytest.mark.parametrize("text,status", HOSTILE_CASES)
def test_fuzz_hostile_texts_through_the_tiny_pipeline(
    tiny: Language, text: str, status: str
) -> None:
    output = process_shard([Article("x", text)], tiny, RunSettings(model="tiny"))
    assert output.tables["documents"].column("status").to_pylist() == [status]


@pytest.mark.slow
@pytest.mark.parametrize("text,status", HOSTILE_CASES)
def test_fuzz_hostile_texts_through_the_trained_pipeline(
    nlp: Language, text: str, status: str
) -> None:
    output = process_shard([Article("x", text)], nlp, RunSettings(model="trained"))
    assert output.tables["documents"].column("status").to_pylist() == [status]


@pytest.mark.parametrize(
    "max_chars,status,error",
    [
        (1_000_000, "error", "E007: article too long (5000000 characters, limit 1000000"),
        (6_000_000, "ok", None),
    ],
)
def test_fuzz_five_megabyte_article(max_chars: int, status: str, error: str | None) -> None:
    # The runner's side of a huge article (limits, tokenizer, rows), with a blank pipeline: the
    # cost of our components on 5 MB is a benchmark question, not a property (docs/scaling.md).
    nlp = spacy.blank("en")
    nlp.add_pipe("sentencizer")
    sentence = "the committee said that the numbers would be reviewed again soon and "
    text = (sentence * 80_000)[:5_000_000]
    process_shard([Article("warm-up", sentence)], nlp, RunSettings(model="blank"))
    output = process_shard(
        [Article("big", text)], nlp, RunSettings(model="blank", max_chars=max_chars)
    )
    documents = output.tables["documents"].to_pylist()
    assert [row["status"] for row in documents] == [status]
    assert (documents[0]["error"] or "").startswith(error or "")
    assert documents[0]["n_chars"] == 5_000_000


@pytest.mark.parametrize(
    "record,error",
    [
        ({"id": 7, "text": "Numbers as ids are accepted."}, None),
        ({"id": ["x"], "text": "A list id."}, "E008: field 'id' has the wrong type (list"),
        ({"id": "t", "text": 12}, "E008: field 'text' has the wrong type (int"),
        ({"id": "t", "text": {"a": 1}}, "E008: field 'text' has the wrong type (dict"),
        ({"id": "t", "text": None}, "E005: missing required field 'text'"),
        ({"id": "t", "text": "Dated.", "published": ["2020"]}, None),
        ({"text": "No id."}, "E005: missing required field 'id'"),
    ],
)
def test_fuzz_json_with_wrong_types(
    tiny: Language, tmp_path: Path, record: dict, error: str | None
) -> None:
    source = tmp_path / "in.jsonl"
    source.write_text(json.dumps(record) + "\n", encoding="utf-8")
    run([source], tmp_path / "out", tiny, RunSettings(model="tiny"), stderr=io.StringIO())
    (row,) = pq.read_table(tmp_path / "out" / "documents").to_pylist()
    assert (row["error"] or "").startswith(error or "")
    assert row["status"] == ("error" if error else "ok")


def test_fuzz_csv_with_embedded_newlines_and_quotes(tiny: Language, tmp_path: Path) -> None:
    rows = [
        ("q1", 'He said "no",\nthen left.\r\nLater, "yes".', "2020-01-02"),
        ("q2", "", ""),
        ("q3", "Plain text.", "not a date"),
    ]
    source = tmp_path / "in.csv"
    source.write_bytes(_csv_bytes(rows))
    run([source], tmp_path / "out", tiny, RunSettings(model="tiny"), stderr=io.StringIO())
    documents = pd.read_parquet(tmp_path / "out" / "documents")
    assert list(documents["doc_id"]) == ["q1", "q2", "q3"]
    assert list(documents["status"]) == ["ok", "error", "warning"]
    assert documents["n_chars"].iloc[0] == len(rows[0][1])


def test_fuzz_mixed_encodings_and_duplicates_in_one_folder(tiny: Language, tmp_path: Path) -> None:
    folder = tmp_path / "in"
    folder.mkdir()
    text = "Café talks in Hanoi, Vietnam."
    (folder / "a_utf8.txt").write_bytes(text.encode("utf-8"))
    (folder / "b_latin1.txt").write_bytes(text.encode("latin-1"))
    (folder / "c_utf16.txt").write_bytes(text.encode("utf-16"))
    (folder / "d.jsonl").write_bytes(
        b'{"id": "a_utf8", "text": "same id as the first file"}\n{"id": "x", "text": "caf\xe9"}\n'
    )
    run([folder], tmp_path / "out", tiny, RunSettings(model="tiny"), stderr=io.StringIO())
    documents = pd.read_parquet(tmp_path / "out" / "documents")
    assert list(documents["doc_id"]) == ["a_utf8", "b_latin1", "c_utf16", "a_utf8", "d.jsonl#L2"]
    assert list(documents["status"])[0] == "ok" and list(documents["status"])[3] == "error"
    assert documents["error"].iloc[3].startswith("E006")
    assert set(documents["status"]) <= STATUSES
