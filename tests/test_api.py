"""The Python API: extract_frames/extract_tables give what `extract run` writes; read_tables
reads any run back; Tables is typed as the schema declares and displays itself escaped."""

from __future__ import annotations

import datetime as dt
import json
import uuid
from pathlib import Path

import pandas as pd
import pyarrow as pa
import pytest
from pandas.testing import assert_frame_equal
from spacy.language import Language

import extract
from extract.api import extract_tables, read_arrow_tables, read_tables
from extract.ingest import read_articles
from extract.run import run
from extract.settings import InputError, ModelError, RunSettings, SettingsError
from extract.tables.frames import Tables
from extract.tables.schema import TABLES, run_tables
from extract.tables.writers import OutputFormat
from extract.types import Article

REPO = Path(__file__).resolve().parents[1]
SEED = REPO / "corpora" / "samples" / "seed_article.txt"
ARTICLES = [
    {"id": "a1", "text": "Talks began on April 28, 2020 in Vietnam.", "published": "2020-11-02"},
    {"id": "a2", "text": "The fund paid 19.654 billion yuan to 18 envoys."},
    {"id": "a3", "text": "Singapore and the United States met in March."},
    {"id": "a1", "text": "A duplicate id is an error row, not an overwrite."},
    {"id": "a5", "text": "Prices rose 5 percent in 2019."},
]


def _write_jsonl(path: Path, records: list[dict]) -> Path:
    path.write_text("".join(json.dumps(r) + "\n" for r in records), encoding="utf-8")
    return path


def _assert_same_tables(got: Tables, expected: Tables) -> None:
    assert list(got) == list(expected)
    for name in expected:
        assert_frame_equal(got[name], expected[name], check_exact=True, obj=name)


@pytest.mark.parametrize(
    "fmt", [OutputFormat.PARQUET, OutputFormat.CSV, OutputFormat.JSONL, OutputFormat.DUCKDB]
)
def test_api_read_tables_round_trip_every_format(
    tiny: Language, tmp_path: Path, fmt: OutputFormat
) -> None:
    source = _write_jsonl(tmp_path / "in.jsonl", ARTICLES)
    out = tmp_path / "out"
    run([source], out, tiny, RunSettings(model="tiny"), fmt=fmt, shard_size=2)
    expected = Tables.from_arrow(
        extract_tables(list(read_articles([source])), nlp=tiny, model="tiny")
    )
    assert expected.rows == {
        "documents": 5,
        "persons": 0,
        "countries": 3,
        "dates": 3,
        "counts": 0,
        "money": 1,
        "facts": 0,
        "country_mentions": 3,
        "people": 0,
        "texts": 4,
    }
    _assert_same_tables(read_tables(out), expected)
    if fmt is OutputFormat.DUCKDB:
        _assert_same_tables(read_tables(out / "tables.duckdb"), expected)


def test_api_read_tables_from_an_fsspec_url(tiny: Language, tmp_path: Path) -> None:
    source = _write_jsonl(tmp_path / "in.jsonl", ARTICLES[:3])
    url = f"memory://api-{uuid.uuid4().hex}/run"
    run([source], url, tiny, RunSettings(model="tiny"), fmt=OutputFormat.JSONL)
    tables = read_tables(url)
    assert tables.documents["doc_id"].tolist() == ["a1", "a2", "a3"]
    assert tables.money["currency"].tolist() == ["CNY"]


def test_api_read_tables_of_a_run_without_texts(tiny: Language, tmp_path: Path) -> None:
    source = _write_jsonl(tmp_path / "in.jsonl", ARTICLES[:1])
    run([source], tmp_path / "out", tiny, RunSettings(model="tiny", texts=False))
    tables = read_tables(tmp_path / "out")
    assert list(tables) == list(run_tables(texts=False))
    with pytest.raises(KeyError, match="no table 'texts' here"):
        tables.texts  # noqa: B018


@pytest.mark.parametrize(
    "make,error_type,message",
    [
        (lambda p: p / "missing", InputError, "E021: input not found: "),
        (lambda p: p, InputError, "E037: "),
    ],
)
def test_api_read_tables_rejects_what_is_not_a_run(
    tmp_path: Path, make, error_type: type, message: str
) -> None:
    with pytest.raises(error_type, match=f"^{message}"):
        read_arrow_tables(make(tmp_path))


def test_api_dataframe_input_with_field_mapping(tiny: Language) -> None:
    frame = pd.DataFrame(
        {
            "key": ["k1", "k2", "k3"],
            "body": ["Talks began in Vietnam on Friday.", "Prices rose in 2019.", None],
            "when": pd.to_datetime(["2020-11-06", None, "2021-01-01"]),
            "outlet": ["Wire", None, "Daily"],
        }
    )
    tables = extract.extract_frames(
        frame, nlp=tiny, model="tiny", id_field="key", text_field="body", date_field="when"
    )
    documents = tables.documents
    assert documents["doc_id"].tolist() == ["k1", "k2", "k3"]
    assert documents["origin"].tolist() == ["<python>[0]", "<python>[1]", "<python>[2]"]
    assert documents["published"].tolist() == ["2020-11-06T00:00:00", pd.NA, pd.NA]
    assert documents["source"].tolist() == ["Wire", pd.NA, pd.NA]
    assert documents["status"].tolist() == ["ok", "ok", "error"]
    assert documents["error"].tolist() == [pd.NA, pd.NA, "E005: missing required field 'body'"]
    assert tables.dates[["doc_id", "timex", "start"]].values.tolist() == [
        ["k1", "2020-11-06", dt.date(2020, 11, 6)],
        ["k2", "2019", dt.date(2019, 1, 1)],
    ]


def test_api_strings_and_articles_as_input(tiny: Language) -> None:
    tables = extract.extract_frames(
        ["Talks began in Vietnam.", "  ", Article("mine", "Paid 5 dollars.", origin="feed:9")],
        nlp=tiny,
        model="tiny",
    )
    assert tables.documents[["doc_id", "origin", "status", "error"]].values.tolist() == [
        ["0", "<python>[0]", "ok", pd.NA],
        ["1", "<python>[1]", "error", "E001: empty article (no text)"],
        ["mine", "feed:9", "ok", pd.NA],
    ]


def test_api_frames_have_the_declared_dtypes(tiny: Language) -> None:
    tables = extract.extract_frames(["The fund paid 19.654 billion yuan."], nlp=tiny, model="t")
    for name, frame in tables.items():
        declared = TABLES[name].arrow_schema()
        assert list(frame.columns) == declared.names
        assert [frame[c].dtype for c in frame.columns] == [
            pd.ArrowDtype(field.type) for field in declared
        ]
        assert pa.Table.from_pandas(frame, preserve_index=False).schema.equals(declared)


@pytest.mark.parametrize(
    "options,error_type,message",
    [
        ({"reference_date": "someday"}, SettingsError, "E023: cannot parse --reference-date"),
        ({"home_country": "Atlantis"}, SettingsError, "E025: unknown --home-country 'Atlantis'"),
        ({"batch_size": 0}, SettingsError, "E027: --batch-size must be at least 1, not 0"),
        ({"model": "no-such-model"}, ModelError, "E024: unknown model 'no-such-model'"),
    ],
)
def test_api_bad_options_raise_coded_errors(options: dict, error_type: type, message: str) -> None:
    with pytest.raises(error_type, match=f"^{message}"):
        extract.extract_frames(["Talks began."], **options)


@pytest.mark.parametrize("texts", ["one text", {"id": "x", "text": "y"}, [3]])
def test_api_rejects_inputs_that_are_not_lists_of_articles(tiny: Language, texts) -> None:
    with pytest.raises(TypeError):
        extract.extract_frames(texts, nlp=tiny)


def test_api_pipeline_loads_once_per_model(tiny: Language, monkeypatch: pytest.MonkeyPatch) -> None:
    from extract.engines import loader

    loads: list[str] = []

    def load(model: str, *, components: tuple[str, ...]) -> Language:
        loads.append(model)
        return tiny

    monkeypatch.setattr(loader, "load_pipeline", load)
    name = f"cached-{uuid.uuid4().hex}"
    first = extract.extract_frames(["Talks began in Vietnam."], model=name)
    second = extract.extract_frames(["Talks began in France."], model=name)
    assert loads == [name]
    assert (first.countries["iso3"].tolist(), second.countries["iso3"].tolist()) == (
        ["VNM"],
        ["FRA"],
    )


def test_api_tables_html_escapes_every_cell() -> None:
    hostile = '"><img src=x onerror=alert(1)><script>alert(2)</script>'
    frames = {
        "texts": pd.DataFrame(
            {
                "doc_id": pd.array(["d<1>", "d2"], dtype="string[pyarrow]"),
                "text": pd.array([hostile, None], dtype="string[pyarrow]"),
            }
        )
    }
    html = Tables(frames)._repr_html_()
    assert "<script>" not in html and "<img" not in html
    assert "&lt;script&gt;alert(2)&lt;/script&gt;" in html
    assert "&quot;&gt;&lt;img src=x onerror=alert(1)&gt;" in html
    assert "d&lt;1&gt;" in html
    assert "texts (2 rows)" in html
    assert repr(Tables(frames)) == "<Tables: texts 2 rows>"


@pytest.mark.slow
def test_api_extract_frames_on_the_seed_equals_extract_run(nlp: Language, tmp_path: Path) -> None:
    from typer.testing import CliRunner

    from extract.cli import app
    from extract.engines import loader

    out = tmp_path / "out"
    spec = loader.PipelineSpec(extract.DEFAULT_MODEL)
    loader._PIPELINES.setdefault(spec, nlp)  # the session's pipeline: the model loads once
    result = CliRunner().invoke(app, ["run", str(SEED), "--out", str(out), "--workers", "1"])
    assert result.exit_code == 0, result.output
    from_run = read_tables(out)
    from_articles = extract.extract_frames(read_articles([SEED]))
    _assert_same_tables(from_articles, from_run)
    seed_text = SEED.read_text(encoding="utf-8")
    from_mapping = extract.extract_frames([{"id": "seed_article", "text": seed_text}], nlp=nlp)
    from_run.documents["origin"] = pd.array(["<python>[0]"], dtype=pd.ArrowDtype(pa.string()))
    # a Python string was never bytes: no encoding (the file was read as UTF-8)
    from_run.documents["encoding"] = pd.array([None], dtype=pd.ArrowDtype(pa.string()))
    _assert_same_tables(from_mapping, from_run)
    assert from_run.rows["persons"] > 0 and from_run.rows["money"] > 0
    # The seed has no published date: every date row says its reference date is a guess.
    assert set(from_run.dates["reference_date_source"]) == {"inferred"}
    assert set(from_run.dates["reference_date"]) == set(from_run.documents["reference_date"])
