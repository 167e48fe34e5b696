"""Repeated articles: documents.duplicate_of, --skip-duplicates, and the same answer whatever
the workers, shards or resumes."""

from __future__ import annotations

from pathlib import Path

import pandas as pd
import pytest
from spacy.language import Language

from extract.ingest.duplicates import mark_duplicates, normalised_body
from extract.run import run
from extract.settings import RunSettings
from extract.types import Article
from tests.conftest import tiny_pipeline
from tests.ingest.test_warc import _html, _response, _write
from tests.test_run import write_jsonl

STORY = "Paris and Berlin signed the $5 million treaty on 3 May 2021, said Angela Merkel."
OTHER = "Rome and Madrid held talks on a $2 million loan on 4 June 2021, said Pedro Sanchez."
COLUMNS = ["doc_id", "duplicate_of", "status", "error"]
W020 = (
    "W020: skipped: duplicate of '{first}' (the same text once case, spacing and Unicode forms"
    " are normalised; --keep-duplicates processes repeats)"
)


@pytest.fixture(scope="module")
def tiny() -> Language:
    return tiny_pipeline()


@pytest.mark.parametrize(
    "text,expected",
    [
        ("Paris  and\nBerlin ", "paris and berlin"),
        ("\tPARIS and BERLIN", "paris and berlin"),
        ("Stra\u00dfe", "strasse"),  # case folding, not lower()
        ("\uff21\uff22 \ufb01ne", "ab fine"),  # NFKC: full-width letters, the fi ligature
        ("caf\u0065\u0301", "caf\u00e9"),  # a combining accent is composed
        ("Paris, and Berlin.", "paris, and berlin."),  # punctuation is kept
    ],
)
def test_duplicates_normalised_body(text: str, expected: str) -> None:
    assert normalised_body(text) == expected


def test_duplicates_mark_the_first_article_with_the_same_body() -> None:
    articles = [
        Article("a", STORY),
        Article("b", OTHER),
        Article("c", STORY.upper().replace(" ", "\n  ")),
        Article("e", "", error="E001: empty article (no text)"),
        Article("f", "", error="E001: empty article (no text)"),
        Article("g", f"{OTHER} "),
        Article("h", f"{STORY} More."),
    ]
    marked = mark_duplicates(articles)
    assert [(a.doc_id, a.duplicate_of, a.duplicate_kind) for a in marked] == [
        ("a", None, None),
        ("b", None, None),
        ("c", "a", "exact"),
        ("e", None, None),
        ("f", None, None),
        ("g", "b", "exact"),
        ("h", None, None),
    ]


def _records() -> list[dict]:
    return [
        {"id": "a", "text": STORY},
        {"id": "b", "text": OTHER},
        {"id": "c", "text": f"  {STORY.lower()}\n"},
        {"id": "d", "text": STORY},
        {"id": "e", "text": OTHER},
    ]


def _documents(out: Path) -> list[tuple]:
    frame = pd.read_parquet(out / "documents")[COLUMNS]
    return [tuple(None if pd.isna(v) else v for v in row) for row in frame.itertuples(index=False)]


def _mentioned(out: Path, table: str) -> list[str]:
    return sorted(set(pd.read_parquet(out / table)["doc_id"]))


def test_duplicates_are_named_and_processed_by_default_for_jsonl(
    tiny: Language, tmp_path: Path
) -> None:
    source = write_jsonl(tmp_path / "in.jsonl", _records())
    summary = run([source], tmp_path / "out", tiny, RunSettings(model="tiny"), shard_size=2)
    assert _documents(tmp_path / "out") == [
        ("a", None, "ok", None),
        ("b", None, "ok", None),
        ("c", "a", "ok", None),
        ("d", "a", "ok", None),
        ("e", "b", "ok", None),
    ]
    assert (summary.skipped, _mentioned(tmp_path / "out", "dates")) == (
        0,
        ["a", "b", "c", "d", "e"],
    )


def test_duplicates_skipped_write_no_mention_rows(tiny: Language, tmp_path: Path) -> None:
    source = write_jsonl(tmp_path / "in.jsonl", _records())
    out = tmp_path / "out"
    settings = RunSettings(model="tiny", skip_duplicates=True)
    summary = run([source], out, tiny, settings, shard_size=2)
    assert _documents(out) == [
        ("a", None, "ok", None),
        ("b", None, "ok", None),
        ("c", "a", "skipped", W020.format(first="a")),
        ("d", "a", "skipped", W020.format(first="a")),
        ("e", "b", "skipped", W020.format(first="b")),
    ]
    assert summary.skipped == 3
    for table in ("dates", "money", "texts"):
        assert _mentioned(out, table) == ["a", "b"], table


def _crawl(path: Path) -> Path:
    """A WARC in which the same page was fetched twice, and one other page."""
    _write(
        path,
        [
            _response(1, _html(STORY)),
            _response(2, _html(OTHER)),
            _response(3, _html(STORY)),
        ],
    )
    return path


@pytest.mark.parametrize(
    "skip_duplicates,expected_status",
    [(None, "skipped"), (False, "ok"), (True, "skipped")],  # None: on for web archives
)
def test_duplicates_skipped_by_default_for_web_archives(
    tiny: Language, tmp_path: Path, skip_duplicates: bool | None, expected_status: str
) -> None:
    source = _crawl(tmp_path / "crawl.warc.gz")
    out = tmp_path / "out"
    run([source], out, tiny, RunSettings(model="tiny", skip_duplicates=skip_duplicates))
    first, second, third = (f"0000000{n}-0000-4000-8000-000000000000" for n in (1, 2, 3))
    error = W020.format(first=first) if expected_status == "skipped" else None
    assert _documents(out) == [
        (first, None, "ok", None),
        (second, None, "ok", None),
        (third, first, expected_status, error),
    ]


def test_duplicates_the_same_whatever_the_workers_shards_and_resume(
    tiny: Language, tmp_path: Path
) -> None:
    records = [
        {"id": f"r{i}", "text": (STORY, OTHER)[i % 2] + f" Item {i // 4}."} for i in range(12)
    ]
    source = write_jsonl(tmp_path / "in.jsonl", records)
    settings = RunSettings(model="tiny", skip_duplicates=True)
    run([source], tmp_path / "one", tiny, settings, shard_size=12, workers=1)
    run([source], tmp_path / "many", tiny, settings, shard_size=1, workers=2)
    resumed = tmp_path / "resumed"
    run([source], resumed, tiny, settings, shard_size=3)
    for shard in (1, 3):  # the shards after those that hold the first articles
        (resumed / "_shards" / f"part-00000{shard}.json").unlink()
    run([source], resumed, tiny, settings, shard_size=3, resume=True)
    expected = [
        (f"r{i}", None if i % 4 < 2 else f"r{i - 2}", "ok" if i % 4 < 2 else "skipped")
        for i in range(12)
    ]
    for out in ("one", "many", "resumed"):
        assert [row[:3] for row in _documents(tmp_path / out)] == expected, out


@pytest.mark.parametrize(
    "flags,expected",
    [([], None), (["--skip-duplicates"], True), (["--keep-duplicates"], False)],
)
def test_duplicates_cli_flags_reach_the_settings(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path, flags: list[str], expected: bool | None
) -> None:
    from typer.testing import CliRunner

    from extract.api import plan_run
    from extract.cli import app, run_cmd
    from extract.settings import SettingsError

    seen = []

    def recording(**options: object) -> None:
        seen.append(plan_run(**options).settings.skip_duplicates)  # type: ignore[arg-type]
        raise SettingsError("stopped by the test")

    monkeypatch.setattr(run_cmd, "plan_run", recording)
    source = write_jsonl(tmp_path / "in.jsonl", _records())
    result = CliRunner().invoke(app, ["run", str(source), "--out", str(tmp_path / "out"), *flags])
    assert (result.exit_code, seen) == (2, [expected])


SEED_WORDS = (
    (Path(__file__).resolve().parents[2] / "corpora/samples/seed_article.txt")
    .read_text(encoding="utf-8")
    .split()
)
LONG = " ".join(SEED_WORDS[:250])


def _near_texts() -> list[tuple[str, str]]:
    one_word_changed = SEED_WORDS[:250]
    one_word_changed[120] = "zebra"
    return [
        ("long", LONG),
        ("other", " ".join(SEED_WORDS[250:500])),
        ("one-word", " ".join(one_word_changed)),  # Jaccard 0.960, estimate 0.953
        ("half", " ".join(SEED_WORDS[:125] + SEED_WORDS[300:425])),  # Jaccard about 0.33
        ("copy", LONG.upper()),
        ("longer", LONG + " " + " ".join(SEED_WORDS[500:520])),  # Jaccard 0.925, estimate 0.867
    ]


def test_duplicates_near_ones_name_the_earliest_similar_article() -> None:
    articles = [Article(doc_id, text) for doc_id, text in _near_texts()]
    marked = mark_duplicates(articles, near_threshold=0.8)
    assert [(a.doc_id, a.duplicate_of, a.duplicate_kind) for a in marked] == [
        ("long", None, None),
        ("other", None, None),
        ("one-word", "long", "near"),
        ("half", None, None),
        ("copy", "long", "exact"),
        ("longer", "long", "near"),
    ]


def test_duplicates_near_ones_skipped_in_a_run(tiny: Language, tmp_path: Path) -> None:
    records = [{"id": doc_id, "text": text} for doc_id, text in _near_texts()]
    source = write_jsonl(tmp_path / "in.jsonl", records)
    out = tmp_path / "out"
    settings = RunSettings(model="tiny", skip_duplicates=True, near_duplicates=0.8)
    run([source], out, tiny, settings, shard_size=2, workers=2)
    w021 = (
        "W021: skipped: near-duplicate of 'long' (at least 0.8 of its 5-word shingles shared,"
        " MinHash estimate; --keep-duplicates processes repeats)"
    )
    frame = pd.read_parquet(out / "documents")[[*COLUMNS, "duplicate_kind"]]
    assert [
        tuple(None if pd.isna(v) else v for v in row) for row in frame.itertuples(index=False)
    ] == [
        ("long", None, "ok", None, None),
        ("other", None, "ok", None, None),
        ("one-word", "long", "skipped", w021, "near"),
        ("half", None, "ok", None, None),
        ("copy", "long", "skipped", W020.format(first="long"), "exact"),
        ("longer", "long", "skipped", w021, "near"),
    ]


@pytest.mark.parametrize("value", [0.3, 1.0, 1.5])
def test_duplicates_near_threshold_is_checked(value: float) -> None:
    from extract.settings import SettingsError

    with pytest.raises(SettingsError) as raised:
        RunSettings(model="tiny", near_duplicates=value)
    assert str(raised.value) == (
        f"E086: --near-duplicates {value} is not a Jaccard similarity from 0.5 to below 1 (0.8:"
        " most 5-word shingles shared; exact repeats are always found)"
    )
