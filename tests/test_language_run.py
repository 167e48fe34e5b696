"""--languages in a run: documents.language, skipped rows, and what they leave out."""

from __future__ import annotations

import json
from pathlib import Path

import pandas as pd
import pytest
from spacy.language import Language
from typer.testing import CliRunner

from extract.cli import app
from extract.run import run
from extract.settings import RunSettings
from tests.conftest import tiny_pipeline
from tests.test_run import write_jsonl

ENGLISH = "The government announced new measures on Monday to tackle rising energy prices."
GERMAN = (
    "Die Regierung hat am Montag neue Maßnahmen gegen die steigenden Energiepreise angekündigt."
)
RECORDS = [
    {"id": "e1", "text": ENGLISH},
    {"id": "g1", "text": GERMAN},
    {"id": "s1", "text": "Guten Tag, Berlin 2020."},  # too short to tell: processed
    {"id": "m1", "text": GERMAN, "lang": "en"},  # the record's own language wins
    {"id": "m2", "text": ENGLISH, "language": "fr-FR"},
    {"id": "b1", "text": ENGLISH, "lang": "Klingonish"},
    {"id": "x1", "text": ""},
]
W006_DE = "W006: skipped: language 'de' is not in --languages (en)"
W005 = "W005: unknown language 'Klingonish' in metadata; language detected from the text"
COLUMNS = ["doc_id", "language", "language_source", "status", "error"]


@pytest.fixture(scope="module")
def tiny() -> Language:
    return tiny_pipeline()


def _documents(out: Path) -> list[tuple]:
    frame = pd.read_parquet(out / "documents")[COLUMNS]
    return [tuple(None if pd.isna(v) else v for v in row) for row in frame.itertuples(index=False)]


def test_language_run_default_skips_other_languages(tiny: Language, tmp_path: Path) -> None:
    source = write_jsonl(tmp_path / "in.jsonl", RECORDS)
    out = tmp_path / "out"
    summary = run([source], out, tiny, RunSettings(model="tiny"), shard_size=3)
    assert _documents(out) == [
        ("e1", "en", "detected", "ok", None),
        ("g1", "de", "detected", "skipped", W006_DE),
        ("s1", None, "none", "ok", None),
        ("m1", "en", "metadata", "ok", None),
        ("m2", "fr", "metadata", "skipped", W006_DE.replace("'de'", "'fr'")),
        ("b1", "en", "detected", "warning", W005),
        ("x1", None, None, "error", "E005: missing required field 'text'"),
    ]
    for table in ("persons", "countries", "dates", "counts", "money", "facts", "texts"):
        assert not {"g1", "m2"} & set(pd.read_parquet(out / table)["doc_id"]), table
    assert list(pd.read_parquet(out / "texts")["doc_id"]) == ["e1", "s1", "m1", "b1"]
    assert (summary.skipped, summary.errors, summary.warnings) == (2, 1, 1)
    assert "1 warning, 2 skipped)" in summary.line()
    manifest = json.loads((out / "manifest.json").read_text())
    assert (manifest["skipped"], manifest["options"]["languages"]) == (2, ["en"])
    assert manifest["problem_codes"] == {"E005": 1, "W005": 1, "W006": 2}
    assert [p["doc_id"] for p in manifest["problems"]] == ["b1", "x1"]  # skips are not problems


def test_language_run_all_languages_skips_none(tiny: Language, tmp_path: Path) -> None:
    source = write_jsonl(tmp_path / "in.jsonl", RECORDS[:3])
    out = tmp_path / "out"
    run([source], out, tiny, RunSettings(model="tiny", languages=None))
    assert _documents(out) == [
        ("e1", "en", "detected", "ok", None),
        ("g1", "de", "detected", "ok", None),
        ("s1", None, "none", "ok", None),
    ]
    manifest = json.loads((out / "manifest.json").read_text())
    assert (manifest["skipped"], manifest["options"]["languages"]) == (0, "all")


@pytest.mark.parametrize(
    "option,statuses",
    [
        ("de,en", ["ok", "ok", "ok"]),
        ("de", ["skipped", "ok", "ok"]),
        ("*", ["ok", "ok", "ok"]),
    ],
)
def test_language_cli_languages(tmp_path: Path, option: str, statuses: list[str]) -> None:
    source = write_jsonl(tmp_path / "in.jsonl", RECORDS[:3])
    out = tmp_path / "out"
    args = ["run", str(source), "--out", str(out), "--workers", "1", "--no-progress"]
    result = CliRunner().invoke(app, [*args, "--languages", option])
    assert result.exit_code == 0, result.output
    assert "skipped:" not in result.output  # skipped rows are counted, not printed one by one
    assert list(pd.read_parquet(out / "documents")["status"]) == statuses


def test_language_cli_rejects_an_unknown_language(tmp_path: Path) -> None:
    source = write_jsonl(tmp_path / "in.jsonl", RECORDS[:1])
    args = ["run", str(source), "--out", str(tmp_path / "out"), "--languages", "en,zz"]
    result = CliRunner().invoke(app, args)
    assert result.exit_code == 2  # unusable arguments
    assert "E052: unknown language 'zz' in --languages" in " ".join(result.output.split())


def test_language_resume_needs_the_same_languages(tiny: Language, tmp_path: Path) -> None:
    from extract.run import RunError

    source = write_jsonl(tmp_path / "in.jsonl", RECORDS[:2])
    out = tmp_path / "out"
    run([source], out, tiny, RunSettings(model="tiny"))
    with pytest.raises(RunError, match=r"option languages was \['en'\], now 'all'"):
        run([source], out, tiny, RunSettings(model="tiny", languages=None), resume=True)
