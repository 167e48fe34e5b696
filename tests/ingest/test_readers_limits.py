"""Bounded reading: every record over its limit is an error row; memory stays bounded."""

from __future__ import annotations

import gzip
import io
import json
import tracemalloc
import zlib
from pathlib import Path

import pytest

from extract.ingest import limits, read_articles
from extract.ingest.limits import read_bounded, read_line_bounded

E050 = (
    "E050: {what} over the reading limit ({limit} bytes, after decompression), not read; "
    "see extract/ingest/limits.py"
)
LOW = 1000  # the limit the tests set
FIELD = "CSV field (the rest of the file is not read)"


def _write(path: Path, data: bytes) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(data)
    return path


def _rows(articles) -> list[tuple[str, str, str | None]]:
    return [(a.doc_id, a.text, a.error) for a in articles]


@pytest.fixture()
def low_limits(monkeypatch: pytest.MonkeyPatch) -> None:
    for name in ("MAX_TEXT_BYTES", "MAX_LINE_BYTES", "MAX_CSV_CHARS", "MAX_PAGE_BYTES"):
        monkeypatch.setattr(limits, name, LOW)
    monkeypatch.setattr(limits, "READ_STEP", 64)


@pytest.mark.parametrize(
    "data,limit,expected",
    [
        (b"", 5, (b"", False)),
        (b"abcde", 5, (b"abcde", False)),
        (b"abcdef", 5, (b"abcde", True)),
        (b"x" * 100, 10, (b"x" * 10, True)),
    ],
)
def test_limits_read_bounded(data: bytes, limit: int, expected: tuple[bytes, bool]) -> None:
    assert read_bounded(io.BytesIO(data), limit) == expected


def test_limits_read_line_bounded_skips_the_rest_of_a_long_line() -> None:
    stream = io.BytesIO(b"short\n" + b"y" * 50 + b"\nabcde\n" + b"z" * 20)
    lines = [read_line_bounded(stream, 10) for _ in range(5)]
    assert lines == [
        (b"short\n", False),
        (b"y" * 10, True),
        (b"abcde\n", False),
        (b"z" * 10, True),
        (b"", False),
    ]


@pytest.fixture(scope="module")
def gzip_bomb(tmp_path_factory: pytest.TempPathFactory) -> bytes:
    """1 GiB of zeros, gzip-compressed on the fly (about 1 MB)."""
    compressor = zlib.compressobj(1, zlib.DEFLATED, 31)
    block = bytes(1 << 20)
    parts = [compressor.compress(block) for _ in range(1024)]
    parts.append(compressor.flush())
    return b"".join(parts)


@pytest.mark.parametrize("name,what", [("bomb.txt.gz", "file"), ("bomb.jsonl.gz", "JSONL line")])
def test_readers_gzip_bomb_stops_at_the_limit_with_bounded_memory(
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    gzip_bomb: bytes,
    name: str,
    what: str,
) -> None:
    limit = 1 << 20
    monkeypatch.setattr(limits, "MAX_TEXT_BYTES", limit)
    monkeypatch.setattr(limits, "MAX_LINE_BYTES", limit)
    path = _write(tmp_path / name, gzip_bomb)
    tracemalloc.start()
    try:
        articles = list(read_articles([path]))
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    fallback = "bomb" if what == "file" else "bomb.jsonl.gz#L1"
    assert _rows(articles) == [(fallback, "", E050.format(what=what, limit=limit))]
    assert peak < 16 * limit  # a whole read would hold 1 GiB


def test_readers_long_jsonl_line_is_an_error_row_and_reading_goes_on(
    tmp_path: Path, low_limits: None
) -> None:
    long_line = json.dumps({"id": "big", "text": "w" * 5000})
    lines = [json.dumps({"id": "a", "text": "Before."}), long_line, '{"id": "b", "text": "After."}']
    path = _write(tmp_path / "feed.jsonl", "\n".join(lines).encode() + b"\n")
    assert _rows(read_articles([path])) == [
        ("a", "Before.", None),
        ("feed.jsonl#L2", "", E050.format(what="JSONL line", limit=LOW)),
        ("b", "After.", None),
    ]


def test_readers_long_text_file_is_an_error_row(tmp_path: Path, low_limits: None) -> None:
    _write(tmp_path / "a_fits.txt", b"x" * LOW)
    _write(tmp_path / "b_long.txt", b"x" * (LOW + 1))
    assert _rows(read_articles([tmp_path])) == [
        ("a_fits", "x" * LOW, None),
        ("b_long", "", E050.format(what="file", limit=LOW)),
    ]


def test_readers_long_csv_line_and_field_are_error_rows(tmp_path: Path, low_limits: None) -> None:
    quoted_field = '"' + "q\n" * 600 + '"'  # short lines, one field of 1,200 characters
    content = (
        "id,text\n"
        "1,First.\n"
        f"2,{'u' * 1500}\n"  # one line over the limit
        "3,Third.\n"
        f"4,{quoted_field}\n"
        "5,Fifth.\n"
    )
    path = _write(tmp_path / "rows.csv", content.encode())
    assert _rows(read_articles([path])) == [
        ("1", "First.", None),
        ("rows.csv#R2", "", E050.format(what="CSV line", limit=LOW)),
        ("3", "Third.", None),
        ("rows.csv#R4", "", E050.format(what=FIELD, limit=LOW)),
    ]


def test_readers_long_html_page_is_an_error_row(tmp_path: Path, low_limits: None) -> None:
    page = b"<html><body><p>" + b"word " * 400 + b"</p></body></html>"
    path = _write(tmp_path / "page.html.gz", gzip.compress(page))
    [article] = read_articles([path])
    assert (article.doc_id, article.text, article.error) == (
        "page",
        "",
        f"E032: web page over {LOW} bytes, not read (limit: extract.ingest.html.MAX_PAGE_BYTES)",
    )


@pytest.mark.parametrize(
    "members,cut,expected",
    [
        ([b"first record\n", b"second\n"], 0, (b"first record\nsecond\n", None)),
        ([b""], 0, (b"", None)),
        ([], 0, (b"", None)),
        ([b"abc" * 1000], 10, (None, "gzip stream ends before the end of its member")),
    ],
)
def test_readers_gzip_stream_reads_members_and_reports_truncation(
    members: list[bytes], cut: int, expected: tuple[bytes | None, str | None]
) -> None:
    import io

    from extract.ingest.compressed import GzipStream, TruncatedGzip

    data = b"".join(gzip.compress(member) for member in members)
    stream = GzipStream(io.BytesIO(data[: len(data) - cut]))
    read = b""
    try:
        while chunk := stream.read(7):  # small reads: a member's output spans many of them
            read += chunk
    except TruncatedGzip as error:
        # what was decompressed before the end came first: a prefix of the member, not nothing
        assert ((b"abc" * 1000).startswith(read), read != b"") == (True, True)
        assert (None, str(error)) == expected
        return
    assert (read, None) == expected
