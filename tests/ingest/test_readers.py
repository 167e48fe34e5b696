"""Readers: every input record becomes exactly one Article; bad records become error Articles."""

from __future__ import annotations

import gzip
import io
import json
from pathlib import Path

import pytest

from extract.ingest import FieldMap, read_articles
from extract.ingest.formats import Format, detect_format


def _write(path: Path, data: bytes | str) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    if isinstance(data, str):
        data = data.encode("utf-8")
    path.write_bytes(data)
    return path


def _summary(articles) -> list[tuple[str, str, str | None]]:
    return [(a.doc_id, a.text, a.error.split(":")[0] if a.error else None) for a in articles]


@pytest.mark.parametrize(
    "name,expected",
    [
        ("a.txt", Format.TEXT),
        ("a.TXT", Format.TEXT),
        ("a.jsonl", Format.JSONL),
        ("a.jsonl.gz", Format.JSONL),
        ("a.ndjson", Format.JSONL),
        ("a.csv", Format.CSV),
        ("a.csv.gz", Format.CSV),
        ("a.html", Format.HTML),
        ("a.htm", Format.HTML),
        ("a.pdf", None),
        ("README", None),
    ],
)
def test_formats_detect_by_suffix(name: str, expected: Format | None) -> None:
    assert detect_format(Path(name)) == expected


def test_readers_text_file_id_is_stem(tmp_path: Path) -> None:
    path = _write(tmp_path / "story-1.txt", "Hello world.")
    [article] = read_articles([path])
    assert (article.doc_id, article.text, article.error, article.origin) == (
        "story-1",
        "Hello world.",
        None,
        str(path),
    )


def test_readers_text_file_strips_bom(tmp_path: Path) -> None:
    path = _write(tmp_path / "bom.txt", b"\xef\xbb\xbfText.")
    assert _summary(read_articles([path])) == [("bom", "Text.", None)]


@pytest.mark.parametrize(
    "content,code",
    [
        (b"", "E001"),
        (b"   \n\n ", "E001"),
        (b"\x00\x01\x02binary\x00", "E003"),
        (b"\x81\x8d\x90\x9d", "E048"),
    ],
)
def test_readers_bad_text_files_become_error_rows(
    tmp_path: Path, content: bytes, code: str
) -> None:
    path = _write(tmp_path / "bad.txt", content)
    assert _summary(read_articles([path])) == [("bad", "", code)]


def test_readers_jsonl_good_and_bad_lines_all_kept(tmp_path: Path) -> None:
    lines = [
        json.dumps({"id": "a", "text": "First.", "published": "2020-01-02", "title": "T"}),
        "{not json",
        json.dumps({"id": "b"}),
        json.dumps({"text": "no id"}),
        json.dumps({"id": "c", "text": ["wrong", "type"]}),
        json.dumps(["not", "an", "object"]),
        "",
        json.dumps({"id": "a", "text": "Duplicate."}),
        json.dumps({"id": 7, "text": "Numeric id."}),
    ]
    path = _write(tmp_path / "batch.jsonl", "\n".join(lines) + "\n")
    assert _summary(read_articles([path])) == [
        ("a", "First.", None),
        ("batch.jsonl#L2", "", "E004"),
        ("b", "", "E005"),
        ("batch.jsonl#L4", "", "E005"),
        ("c", "", "E008"),
        ("batch.jsonl#L6", "", "E012"),
        ("a", "", "E006"),
        ("7", "Numeric id.", None),
    ]


def test_readers_jsonl_metadata_fields(tmp_path: Path) -> None:
    record = {
        "doc_id": "x1",
        "body": "Text.",
        "date": "1987-02-26T15:01:01",
        "headline": "H",
        "publisher": "Reuters",
        "link": "http://example.org/x1",
        "country": "China",
    }
    path = _write(tmp_path / "meta.jsonl", json.dumps(record) + "\n")
    [article] = read_articles([path])
    assert (
        article.doc_id,
        article.text,
        article.published,
        article.title,
        article.source,
        article.url,
        article.country,
    ) == ("x1", "Text.", "1987-02-26T15:01:01", "H", "Reuters", "http://example.org/x1", "China")


def test_readers_field_overrides(tmp_path: Path) -> None:
    record = {"key": "k1", "story": "Body.", "when": "2001-09-11", "id": "ignored"}
    path = _write(tmp_path / "custom.jsonl", json.dumps(record) + "\n")
    fields = FieldMap.with_overrides(id_field="key", text_field="story", date_field="when")
    [article] = read_articles([path], fields=fields)
    assert (article.doc_id, article.text, article.published) == ("k1", "Body.", "2001-09-11")


def test_readers_jsonl_invalid_utf8_line_is_error(tmp_path: Path) -> None:
    good = json.dumps({"id": "ok", "text": "Fine."}).encode()
    bad = b'{"id": "bad", "text": "caf\xe9"}'
    path = _write(tmp_path / "mixed.jsonl", good + b"\n" + bad + b"\n")
    assert _summary(read_articles([path])) == [
        ("ok", "Fine.", None),
        ("mixed.jsonl#L2", "", "E002"),
    ]


def test_readers_gzip_jsonl(tmp_path: Path) -> None:
    path = tmp_path / "g.jsonl.gz"
    path.write_bytes(gzip.compress(json.dumps({"id": "g", "text": "Zipped."}).encode() + b"\n"))
    assert _summary(read_articles([path])) == [("g", "Zipped.", None)]


def test_readers_csv_quotes_newlines_and_missing_text(tmp_path: Path) -> None:
    content = 'id,title,text\r\n1,"A, title","Line one.\nLine ""two""."\r\n2,B,\r\n'
    path = _write(tmp_path / "rows.csv", content)
    assert _summary(read_articles([path])) == [
        ("1", 'Line one.\nLine "two".', None),
        ("2", "", "E005"),
    ]


def test_readers_csv_invalid_utf8_row_is_error(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # the encoding is chosen from the first bytes (UTF-8 here); a later bad byte is that row's
    monkeypatch.setattr("extract.ingest.readers.CSV_SAMPLE_BYTES", 16)
    path = _write(tmp_path / "enc.csv", b"id,text\n1,good\n2,caf\xe9\n3,also good\n")
    assert _summary(read_articles([path])) == [
        ("1", "good", None),
        ("enc.csv#R2", "", "E002"),
        ("3", "also good", None),
    ]


def test_readers_html_title_date_and_text(tmp_path: Path) -> None:
    markup = """<html><head><title>Site | Story</title>
    <meta property="og:title" content="Story title">
    <meta property="article:published_time" content="2020-10-22T08:00:00+08:00">
    <script>var x = 1;</script></head>
    <body><nav>Menu</nav><article><h1>Story title</h1><p>First paragraph.</p>
    <p>Second <b>bold</b> paragraph.</p></article><footer>Footer</footer></body></html>"""
    path = _write(tmp_path / "page.html", markup)
    [article] = read_articles([path])
    assert (article.doc_id, article.title, article.published, article.text) == (
        "page",
        "Story title",
        "2020-10-22",
        "First paragraph.\nSecond bold paragraph.",
    )


def test_readers_folder_recursive_sorted_skips_hidden_and_unknown(tmp_path: Path) -> None:
    _write(tmp_path / "b.txt", "B.")
    _write(tmp_path / "sub" / "a.txt", "A.")
    _write(tmp_path / ".hidden" / "h.txt", "H.")
    _write(tmp_path / "notes.pdf", b"%PDF")
    _write(tmp_path / "sub" / "more.jsonl", json.dumps({"id": "j", "text": "J."}) + "\n")
    assert _summary(read_articles([tmp_path])) == [
        ("b", "B.", None),
        ("sub/a", "A.", None),
        ("j", "J.", None),
    ]


def test_readers_missing_path_and_unknown_format_are_errors(tmp_path: Path) -> None:
    unknown = _write(tmp_path / "data.xml", "<x/>")
    assert _summary(read_articles([tmp_path / "nope.txt", unknown])) == [
        ("nope", "", "E021"),
        ("data", "", "E020"),
    ]


def test_readers_stdin_jsonl() -> None:
    stream = io.BytesIO(b'{"id": "s1", "text": "From stdin."}\n{"id": "s2"}\n')
    assert _summary(read_articles(["-"], stdin=stream)) == [
        ("s1", "From stdin.", None),
        ("s2", "", "E005"),
    ]


def test_readers_duplicate_ids_across_files(tmp_path: Path) -> None:
    first = _write(tmp_path / "one" / "same.txt", "One.")
    second = _write(tmp_path / "two" / "same.txt", "Two.")
    articles = list(read_articles([first, second]))
    assert _summary(articles) == [("same", "One.", None), ("same", "", "E006")]
    assert str(first) in (articles[1].error or "")
