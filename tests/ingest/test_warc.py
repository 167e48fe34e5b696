"""Web archives: WARC and ARC files built here with warcio, read record by record."""

from __future__ import annotations

import gzip
import io
import json
from collections import Counter
from pathlib import Path

import pytest
from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter

from extract.ingest import read_articles
from extract.ingest.html import MAX_PAGE_BYTES
from extract.ingest.warc import read_warc_file, record_doc_id

E032 = f"E032: web page over {MAX_PAGE_BYTES} bytes, not read (limit: extract.ingest.html.MAX_PAGE_BYTES)"

TEXT = (
    "The harbour authority of Brest reopened the northern quay on Monday after repairs that"
    " took three months and cost the port more than it had planned."
)


def _html(text: str = TEXT, head: str = "") -> bytes:
    return f"<html><head>{head}</head><body><article><p>{text}</p></article></body></html>".encode()


def _uuid(n: int) -> str:
    return f"<urn:uuid:{n:08d}-0000-4000-8000-000000000000>"


def _response(
    n: int,
    payload: bytes,
    content_type: str = "text/html",
    status: str = "200 OK",
    extra: list[tuple[str, str]] | None = None,
) -> dict:
    headers = [("Content-Type", content_type), *(extra or [])]
    return {"type": "response", "n": n, "payload": payload, "http": (status, headers)}


def _write(path: Path, records: list[dict], *, use_gzip: bool = True) -> list[int]:
    """The records at ``path``; returns the byte offset of each."""
    offsets = []
    with path.open("wb") as out:
        writer = WARCWriter(out, gzip=use_gzip)
        for spec in records:
            n = spec.get("n", 0)
            headers = {"WARC-Record-ID": _uuid(n), "WARC-Date": f"2021-06-0{1 + n % 9}T10:00:00Z"}
            uri = f"https://news.example.org/story/{n}"
            if spec["type"] == "warcinfo":
                record = writer.create_warcinfo_record(path.name, {"software": "tests"})
            elif spec["type"] == "request":
                http = StatusAndHeaders(
                    "GET / HTTP/1.1", [("Host", "news.example.org")], is_http_request=True
                )
                record = writer.create_warc_record(
                    uri, "request", http_headers=http, warc_headers_dict=headers
                )
            elif spec["type"] == "metadata":
                record = writer.create_warc_record(
                    uri,
                    "metadata",
                    payload=io.BytesIO(b"fetchTimeMs: 12\r\n"),
                    warc_content_type="application/warc-fields",
                    warc_headers_dict=headers,
                )
            elif spec["type"] == "revisit":
                http = StatusAndHeaders(
                    "200 OK", [("Content-Type", "text/html")], protocol="HTTP/1.1"
                )
                record = writer.create_revisit_record(
                    uri, "sha1:AAAA", uri, "2021-05-01T00:00:00Z", http_headers=http
                )
            else:
                status, http_headers = spec["http"]
                http = StatusAndHeaders(status, http_headers, protocol="HTTP/1.1")
                record = writer.create_warc_record(
                    uri,
                    "response",
                    payload=io.BytesIO(spec["payload"]),
                    http_headers=http,
                    warc_headers_dict=headers,
                )
            offsets.append(out.tell())
            writer.write_record(record)
    return offsets


def _rows(articles) -> list[tuple]:
    return [(a.doc_id, a.text, a.error.split(":")[0] if a.error else None) for a in articles]


def test_warc_html_responses_become_articles_others_are_counted(tmp_path: Path) -> None:
    path = tmp_path / "crawl.warc.gz"
    head = '<meta property="article:published_time" content="2021-05-30">'
    offsets = _write(
        path,
        [
            {"type": "warcinfo"},
            {"type": "request", "n": 1},
            _response(1, _html(head=head), "text/html; charset=utf-8"),
            {"type": "metadata", "n": 1},
            _response(2, b"\x89PNG\r\n", "image/png"),
            _response(3, _html("Not found."), status="404 Not Found"),
            {"type": "revisit", "n": 4},
        ],
    )
    skipped: Counter[str] = Counter()
    [article] = read_warc_file(path, label=path.name, skipped=skipped)
    assert (
        article.doc_id,
        article.text,
        article.url,
        article.crawled,
        article.published,
        article.published_source,
        article.extractor,
        article.origin,
        article.error,
    ) == (
        "00000001-0000-4000-8000-000000000000",
        TEXT,
        "https://news.example.org/story/1",
        "2021-06-02T10:00:00Z",
        "2021-05-30",
        "page",
        "trafilatura",
        f"{path}@{offsets[2]}",
        None,
    )
    assert skipped == {
        "warcinfo": 1,
        "request": 1,
        "metadata": 1,
        "response (not HTML)": 1,
        "response (HTTP status not 2xx)": 1,
        "revisit": 1,
    }


@pytest.mark.parametrize(
    "record_id,expected",
    [
        ("<urn:uuid:3f2504e0-4f89-11d3-9a0c-0305e82c3301>", "3f2504e0-4f89-11d3-9a0c-0305e82c3301"),
        ("urn:uuid:ABC", "ABC"),
        ("<urn:uuid: 1 2 >", "1_2"),
        ("<http://archive.example/id?x=1&y=2>", "http://archive.example/id_x=1_y=2"),
        ("<tag:example,2021:a\"b'c;d>", "tag:example_2021:a_b_c_d"),
    ],
)
def test_warc_record_ids_are_safe_values(record_id: str, expected: str) -> None:
    assert record_doc_id(record_id) == expected


@pytest.mark.parametrize(
    "payload,headers",
    [
        (gzip.compress(_html()), [("Content-Encoding", "gzip")]),
        (b"%x\r\n%s\r\n0\r\n\r\n" % (len(_html()), _html()), [("Transfer-Encoding", "chunked")]),
        (
            b"%x\r\n%s\r\n0\r\n\r\n" % (len(gzip.compress(_html())), gzip.compress(_html())),
            [("Transfer-Encoding", "chunked"), ("Content-Encoding", "gzip")],
        ),
    ],
)
def test_warc_payload_encodings_are_removed(
    tmp_path: Path, payload: bytes, headers: list[tuple[str, str]]
) -> None:
    path = tmp_path / "enc.warc.gz"
    _write(path, [_response(1, payload, extra=headers)])
    assert _rows(read_articles([path])) == [("00000001-0000-4000-8000-000000000000", TEXT, None)]


def test_warc_http_charset_is_used(tmp_path: Path) -> None:
    text = "La municipalit\u00e9 de Brest a rouvert le quai nord lundi apr\u00e8s des r\u00e9parations."
    path = tmp_path / "latin.warc"
    _write(
        path,
        [_response(1, _html(text).decode().encode("iso8859-15"), "text/html; charset=ISO-8859-15")],
        use_gzip=False,
    )
    [article] = read_articles([path])
    assert (article.text, article.encoding) == (text, "iso8859-15")


@pytest.mark.parametrize("use_gzip", [True, False])
def test_warc_corrupt_record_is_an_error_and_the_rest_is_read(
    tmp_path: Path, use_gzip: bool
) -> None:
    path = tmp_path / ("bad.warc.gz" if use_gzip else "bad.warc")
    offsets = _write(
        path, [_response(n, _html(f"{TEXT} Story {n}.")) for n in range(1, 5)], use_gzip=use_gzip
    )
    data = bytearray(path.read_bytes())
    start = offsets[1] + (20 if use_gzip else 0)
    data[start : start + 12] = b"\x00" * 12  # inside record 2 (its header line when plain)
    path.write_bytes(bytes(data))
    assert _rows(read_articles([path])) == [
        ("00000001-0000-4000-8000-000000000000", f"{TEXT} Story 1.", None),
        (f"{path.name}@{offsets[1]}", "", "E046"),
        ("00000003-0000-4000-8000-000000000000", f"{TEXT} Story 3.", None),
        ("00000004-0000-4000-8000-000000000000", f"{TEXT} Story 4.", None),
    ]


@pytest.mark.parametrize("use_gzip", [True, False])
def test_warc_truncated_file_ends_with_an_error_row(tmp_path: Path, use_gzip: bool) -> None:
    path = tmp_path / ("cut.warc.gz" if use_gzip else "cut.warc")
    offsets = _write(
        path, [_response(n, _html(f"{TEXT} Story {n}.")) for n in range(1, 3)], use_gzip=use_gzip
    )
    path.write_bytes(path.read_bytes()[:-60])
    [first, last] = read_articles([path])
    assert _rows([first]) == [("00000001-0000-4000-8000-000000000000", f"{TEXT} Story 1.", None)]
    # the last 60 bytes held the end of the record: 91 of its bytes once inflated (gzip), or
    # 56 and the 4 bytes of the record separator (plain)
    missing = 91 if use_gzip else 56
    detail = f"_DamagedRecord: record ends {missing} bytes before its declared length"
    assert (last.doc_id, last.text, last.error) == (
        f"{path.name}@{offsets[1]}",
        "",
        f"E046: corrupt or truncated archive record at byte {offsets[1]} ({detail})",
    )


def test_warc_page_over_limit_is_an_error_and_reading_goes_on(tmp_path: Path) -> None:
    path = tmp_path / "big.warc.gz"
    huge = b"<html><body>" + b"<p>" + b"x" * (MAX_PAGE_BYTES + 10) + b"</p></body></html>"
    _write(path, [_response(1, huge), _response(2, _html())])
    assert [(a.doc_id, a.text, a.error) for a in read_articles([path])] == [
        ("00000001-0000-4000-8000-000000000000", "", E032),
        ("00000002-0000-4000-8000-000000000000", TEXT, None),
    ]


def test_warc_payload_bomb_stops_at_the_limit_with_bounded_memory(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A response whose gzip Content-Encoding inflates to 256 MiB (about 250 KB stored)."""
    import tracemalloc
    import zlib

    from extract.ingest import limits

    limit = 1 << 20
    monkeypatch.setattr(limits, "MAX_PAGE_BYTES", limit)
    compressor = zlib.compressobj(9, zlib.DEFLATED, 31)
    bomb = b"".join(compressor.compress(bytes(1 << 20)) for _ in range(256)) + compressor.flush()
    path = tmp_path / "bomb.warc.gz"
    _write(path, [_response(1, bomb, extra=[("Content-Encoding", "gzip")]), _response(2, _html())])
    tracemalloc.start()
    try:
        articles = list(read_articles([path]))
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert [(a.doc_id, a.text, a.error) for a in articles] == [
        (
            "00000001-0000-4000-8000-000000000000",
            "",
            f"E032: web page over {limit} bytes, not read (limit: extract.ingest.html.MAX_PAGE_BYTES)",
        ),
        ("00000002-0000-4000-8000-000000000000", TEXT, None),
    ]
    # warcio inflates 16 KiB of stored bytes per step (up to ~16 MiB out): the peak is about
    # 46 MiB whether the bomb inflates to 64 MiB or 1 GiB, never the whole payload.
    assert peak < 64 * limit


def test_warc_undecodable_content_encoding_is_read_as_sent(tmp_path: Path) -> None:
    # warcio passes a payload that is not the gzip it claims through unchanged
    path = tmp_path / "lying.warc.gz"
    _write(path, [_response(1, _html(), extra=[("Content-Encoding", "gzip")])])
    assert _rows(read_articles([path])) == [("00000001-0000-4000-8000-000000000000", TEXT, None)]


def _arc_record(uri: str, date: str, content_type: str, body: bytes) -> bytes:
    return gzip.compress(
        f"\n{uri} 192.0.2.1 {date} {content_type} {len(body)}\n".encode()[1:] + body + b"\n"
    )


def test_arc_file_records_are_read(tmp_path: Path) -> None:
    info = b"1 0 Tests\nURL IP-address Archive-date Content-type Archive-length\n"
    header = f"filedesc://old.arc 0.0.0.0 20010911120000 text/plain {len(info)}\n".encode()
    http = b"HTTP/1.0 200 OK\r\nContent-Type: text/html\r\n\r\n" + _html()
    png = b"HTTP/1.0 200 OK\r\nContent-Type: image/png\r\n\r\n\x89PNG"
    parts = [
        gzip.compress(header + info + b"\n"),
        _arc_record("http://old.example.org/a.html", "20010911120500", "text/html", http),
        _arc_record("http://old.example.org/a.png", "20010911120501", "image/png", png),
    ]
    path = tmp_path / "old.arc.gz"
    path.write_bytes(b"".join(parts))
    skipped: Counter[str] = Counter()
    [article] = read_warc_file(path, label="old.arc.gz", skipped=skipped)
    offset = len(parts[0])
    assert (article.doc_id, article.text, article.url, article.crawled, article.error) == (
        f"old.arc.gz@{offset}",
        TEXT,
        "http://old.example.org/a.html",
        "2001-09-11T12:05:00Z",
        None,
    )
    assert skipped == {"warcinfo": 1, "response (not HTML)": 1}


def test_warc_skipped_records_are_in_the_manifest(tmp_path: Path, blank_nlp) -> None:
    from extract.run import run
    from extract.settings import RunSettings

    path = tmp_path / "in" / "crawl.warc.gz"
    path.parent.mkdir()
    _write(
        path,
        [
            {"type": "warcinfo"},
            {"type": "request", "n": 1},
            _response(1, _html()),
            {"type": "metadata", "n": 1},
        ],
    )
    out = tmp_path / "out"
    summary = run([path.parent], out, blank_nlp, RunSettings(model="blank"))
    manifest = json.loads((out / "manifest.json").read_text())
    assert (summary.articles, summary.errors) == (1, 0)
    assert [entry.get("skipped_records") for entry in manifest["inputs"]] == [
        {"metadata": 1, "request": 1, "warcinfo": 1}
    ]
    assert manifest["skipped_records"] == 3


@pytest.mark.parametrize("suffix", [".bz2", ".xz"])
def test_warc_other_compressions_are_read_as_a_stream(tmp_path: Path, suffix: str) -> None:
    import bz2
    import lzma

    plain = tmp_path / "plain.warc"
    _write(plain, [{"type": "request", "n": 1}, _response(1, _html())], use_gzip=False)
    compress = bz2.compress if suffix == ".bz2" else lzma.compress
    path = tmp_path / f"crawl.warc{suffix}"
    path.write_bytes(compress(plain.read_bytes()))
    skipped: Counter[str] = Counter()
    articles = list(read_warc_file(path, label=path.name, skipped=skipped))
    assert (_rows(articles), skipped) == (
        [("00000001-0000-4000-8000-000000000000", TEXT, None)],
        {"request": 1},
    )


def _gzipped_whole(tmp_path: Path, records: list[dict], name: str = "whole.warc.gz") -> tuple:
    """A WARC gzipped as one member (not record by record), and the records' offsets in it
    once decompressed."""
    plain = tmp_path / "plain.warc"
    offsets = _write(plain, records, use_gzip=False)
    path = tmp_path / name
    path.write_bytes(gzip.compress(plain.read_bytes()))
    return path, offsets


def test_warc_gzipped_as_a_whole_reads_every_record(tmp_path: Path) -> None:
    records = [
        {"type": "warcinfo"},
        {"type": "request", "n": 1},
        _response(1, _html()),
        _response(2, _html(f"{TEXT} Two.")),
        {"type": "metadata", "n": 2},
        _response(3, _html(f"{TEXT} Three.")),
    ]
    path, offsets = _gzipped_whole(tmp_path, records)
    skipped: Counter[str] = Counter()
    articles = list(read_warc_file(path, label=path.name, skipped=skipped))
    assert [(a.doc_id, a.text, a.origin, a.error) for a in articles] == [
        ("00000001-0000-4000-8000-000000000000", TEXT, f"{path}@{offsets[2]}", None),
        ("00000002-0000-4000-8000-000000000000", f"{TEXT} Two.", f"{path}@{offsets[3]}", None),
        ("00000003-0000-4000-8000-000000000000", f"{TEXT} Three.", f"{path}@{offsets[5]}", None),
    ]
    assert skipped == {"warcinfo": 1, "request": 1, "metadata": 1}


def test_warc_gzipped_as_a_whole_and_truncated_ends_with_an_error_row(tmp_path: Path) -> None:
    records = [_response(n, _html(f"{TEXT} Story {n}.")) for n in range(1, 4)]
    path, offsets = _gzipped_whole(tmp_path, records, "cut.warc.gz")
    data = path.read_bytes()
    path.write_bytes(data[: len(data) * 3 // 4])  # the gzip ends inside the second record
    assert [(a.doc_id, a.text, a.error) for a in read_articles([path])] == [
        ("00000001-0000-4000-8000-000000000000", f"{TEXT} Story 1.", None),
        (
            f"cut.warc.gz@{offsets[1]}",
            "",
            f"E046: corrupt or truncated archive record at byte {offsets[1]} (TruncatedGzip: gzip"
            " stream ends before the end of its member)",
        ),
    ]


def test_arc_gzipped_as_a_whole_reads_every_record(tmp_path: Path) -> None:
    info = b"1 0 Tests\nURL IP-address Archive-date Content-type Archive-length\n"
    header = f"filedesc://old.arc 0.0.0.0 20010911120000 text/plain {len(info)}\n".encode()
    pages = [
        b"HTTP/1.0 200 OK\r\nContent-Type: text/html\r\n\r\n" + _html(f"{TEXT} Page {n}.")
        for n in (1, 2)
    ]
    parts = [header + info + b"\n"] + [
        f"http://old.example.org/{n}.html 192.0.2.1 2001091112050{n} text/html {len(page)}\n".encode()
        + page
        + b"\n"
        for n, page in zip((1, 2), pages, strict=True)
    ]
    path = tmp_path / "old.arc.gz"
    path.write_bytes(gzip.compress(b"".join(parts)))
    second = len(parts[0]) + len(parts[1])
    assert [(a.doc_id, a.text, a.url) for a in read_articles([path])] == [
        (f"old.arc.gz@{len(parts[0])}", f"{TEXT} Page 1.", "http://old.example.org/1.html"),
        (f"old.arc.gz@{second}", f"{TEXT} Page 2.", "http://old.example.org/2.html"),
    ]
