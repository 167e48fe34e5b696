"""Parquet input: streamed by row group, the same field mapping as JSONL/CSV, bad files."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pyarrow as pa
import pyarrow.parquet as pq
import pytest

from extract.ingest import FieldMap, read_articles


def _rows(articles) -> list[tuple[str, str, str | None, str | None, str]]:
    return [
        (a.doc_id, a.text, a.published, a.error.split(":")[0] if a.error else None, a.origin)
        for a in articles
    ]


def _table(n: int) -> pa.Table:
    return pa.table(
        {
            "id": [f"p{i}" for i in range(n)],
            "text": [f"Story {i}." for i in range(n)],
            "published": [dt.date(2020, 1, 1 + i) for i in range(n)],
            "unused": list(range(n)),
        }
    )


def test_readers_parquet_rows_in_order_one_row_group_at_a_time(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = tmp_path / "news.parquet"
    pq.write_table(_table(5), path, row_group_size=2)
    assert pq.ParquetFile(path).num_row_groups == 3
    groups_read: list[tuple[int, list[str]]] = []
    read_row_group = pq.ParquetFile.read_row_group

    def spy(self: pq.ParquetFile, group: int, columns: list[str] | None = None, **kw: object):
        groups_read.append((group, list(columns or [])))
        return read_row_group(self, group, columns=columns, **kw)

    monkeypatch.setattr(pq.ParquetFile, "read_row_group", spy)
    monkeypatch.setattr(pq.ParquetFile, "read", lambda *a, **k: pytest.fail("read whole file"))
    articles = read_articles([path])
    first = next(articles)
    assert groups_read == [(0, ["id", "text", "published"])]  # lazily: one group so far
    assert _rows([first, *articles]) == [
        ("p0", "Story 0.", "2020-01-01", None, f"{path}:row1"),
        ("p1", "Story 1.", "2020-01-02", None, f"{path}:row2"),
        ("p2", "Story 2.", "2020-01-03", None, f"{path}:row3"),
        ("p3", "Story 3.", "2020-01-04", None, f"{path}:row4"),
        ("p4", "Story 4.", "2020-01-05", None, f"{path}:row5"),
    ]
    assert [group for group, _ in groups_read] == [0, 1, 2]


def test_readers_parquet_field_mapping_and_missing_columns(tmp_path: Path) -> None:
    table = pa.table({"key": ["k1"], "story": ["Body."], "when": ["2001-09-11"]})
    pq.write_table(table, tmp_path / "custom.parquet")
    fields = FieldMap.with_overrides(id_field="key", text_field="story", date_field="when")
    [article] = read_articles([tmp_path / "custom.parquet"], fields=fields)
    assert (article.doc_id, article.text, article.published) == ("k1", "Body.", "2001-09-11")
    assert _rows(read_articles([tmp_path / "custom.parquet"])) == [
        ("custom.parquet#R1", "", None, "E005", f"{tmp_path / 'custom.parquet'}:row1")
    ]


def test_readers_parquet_truncated_file_is_an_error_row(tmp_path: Path) -> None:
    whole = tmp_path / "whole.parquet"
    pq.write_table(_table(3), whole)
    cut = tmp_path / "cut.parquet"
    cut.write_bytes(whole.read_bytes()[:-20])
    [article] = read_articles([cut])
    assert (article.doc_id, article.text, (article.error or "")[:4]) == ("cut", "", "E010")


def test_readers_parquet_folder_of_files(tmp_path: Path) -> None:
    (tmp_path / "data").mkdir()
    pq.write_table(_table(1), tmp_path / "data" / "part-0.parquet")
    pq.write_table(pa.table({"id": ["q"], "text": ["Q."]}), tmp_path / "data" / "part-1.parquet")
    assert [(a.doc_id, a.text) for a in read_articles([tmp_path / "data"])] == [
        ("p0", "Story 0."),
        ("q", "Q."),
    ]


@pytest.mark.parametrize("suffix", [".gz", ".zst"])
def test_readers_parquet_compressed_file_is_a_coded_error_row(tmp_path: Path, suffix: str) -> None:
    path = tmp_path / f"news.parquet{suffix}"
    path.write_bytes(b"not read")
    assert [(a.doc_id, a.text, a.origin, a.error) for a in read_articles([path])] == [
        (
            "news",
            "",
            str(path),
            f"E085: {path} is a compressed Parquet file ({suffix}), which is not read: Parquet"
            " compresses its columns itself and is read by row group, which needs the plain"
            " file; decompress it first (e.g. gunzip)",
        )
    ]


@pytest.mark.parametrize("option", ["--id-field", "--text-field", "--date-field"])
def test_readers_field_options_help_names_every_format_they_apply_to(option: str) -> None:
    from extract.cli.run_cmd import DateFieldOption, IdFieldOption, TextFieldOption

    declared = {"--id-field": IdFieldOption, "--text-field": TextFieldOption}
    alias = declared.get(option, DateFieldOption)
    help_text = alias.__metadata__[0].help
    assert [name in help_text for name in ("JSONL", "CSV", "Parquet")] == [True, True, True]
