"""HTML pages: body and metadata via trafilatura, charsets, limits and hostile markup."""

from __future__ import annotations

import gzip
import socket
from pathlib import Path

import pytest

from extract.ingest import read_articles
from extract.ingest.html import MAX_PAGE_BYTES, article_from_html, decode_page

BODY = (
    "<p>The council approved the new budget on Tuesday after a long debate about schools,"
    " roads and the cost of heating public buildings through the winter.</p>"
    "<p>Opponents said the plan left too little for repairs, and they promised to raise"
    " the matter again when the council meets in the spring.</p>"
)
FIRST = (
    "The council approved the new budget on Tuesday after a long debate about schools,"
    " roads and the cost of heating public buildings through the winter."
)
SECOND = (
    "Opponents said the plan left too little for repairs, and they promised to raise"
    " the matter again when the council meets in the spring."
)


def _page(head: str = "", body: str = BODY, lang: str = "en") -> bytes:
    return (
        f'<html lang="{lang}"><head>{head}</head><body><nav><a href="/">Home</a>'
        f"<a href='/world'>World</a></nav><article><h1>Budget passes</h1>{body}</article>"
        "<footer>Copyright Example News</footer></body></html>"
    ).encode()


def _read(data: bytes, **kwargs):
    return article_from_html(data, doc_id="p", origin="page.html", **kwargs)


def test_html_body_and_metadata() -> None:
    head = (
        "<title>Budget passes | Example News</title>"
        '<meta property="og:title" content="Budget passes">'
        '<meta name="author" content="Jane Doe">'
        '<meta property="og:site_name" content="Example News">'
        '<link rel="canonical" href="https://news.example.org/2021/budget">'
        '<meta property="article:published_time" content="2021-03-02T09:30:00+01:00">'
    )
    article = _read(_page(head))
    assert (
        article.text,
        article.title,
        article.author,
        article.source,
        article.url,
        article.published,
        article.published_source,
        article.extractor,
        article.error,
        (article.encoding, article.extra),
    ) == (
        f"{FIRST}\n{SECOND}",
        "Budget passes",
        "Jane Doe",
        "Example News",
        "https://news.example.org/2021/budget",
        "2021-03-02",
        "page",
        "trafilatura",
        None,
        ("utf-8", {"page_language": "en"}),
    )


def test_html_original_date_not_the_update() -> None:
    head = (
        '<meta property="article:published_time" content="2019-05-06">'
        '<meta property="article:modified_time" content="2020-01-15">'
    )
    assert _read(_page(head)).published == "2019-05-06"


@pytest.mark.parametrize(
    "head,body,expected",
    [
        ("", BODY, None),  # no date in the markup: no guess from the text
        ("", "<p>Kenya elected a president in 2022, and the count took a week.</p>", None),
        ('<meta name="date" content="2031-02-03">', BODY, "2031-02-03"),  # no "today" bound
    ],
)
def test_html_page_date_only_from_markup(head: str, body: str, expected: str | None) -> None:
    assert _read(_page(head, body)).published == expected


def test_html_page_date_not_after_crawl() -> None:
    head = '<meta name="date" content="2031-02-03">'
    article = _read(_page(head), crawled="2021-06-01T10:00:00Z")
    assert (article.published, article.crawled) == (None, "2021-06-01T10:00:00Z")


@pytest.mark.parametrize(
    "title,expected",
    [
        ("Budget passes", f"{FIRST}\n{SECOND}"),  # the <h1> only repeats the title
        ("Council news", f"Budget passes\n{FIRST}\n{SECOND}"),
    ],
)
def test_html_title_kept_out_of_text(title: str, expected: str) -> None:
    article = _read(_page(f'<meta property="og:title" content="{title}">'))
    assert (article.title, article.text) == (title, expected)


E035 = (
    "E035: no text in the page (only scripts or markup, or text nested deeper than 255"
    " elements, which the HTML parser drops)"
)


@pytest.mark.parametrize(
    "data,expected",
    [
        (
            b"<html><head><title>Only a title</title></head><body></body></html>",
            ("Only a title", "title", None),
        ),
        (
            b"<html><body><div><a href='/'>Home</a> <a href='/x'>World</a></div></body></html>",
            ("Home World", "page_text", None),
        ),
        (b"<p>Just a fragment of text.</p>", ("Just a fragment of text.", "trafilatura", None)),
        (b"", ("", None, "E001: empty article (no text)")),
        (b"  \n ", ("", None, "E001: empty article (no text)")),
        (  # only scripts
            b"<html><head><script>document.write('hi')</script></head><body>"
            b"<script src='/app.js'></script><noscript></noscript></body></html>",
            ("", None, E035),
        ),
        (  # deeply nested tags: libxml2 drops what lies deeper than 255 elements
            b"<html><body>" + b"<div>" * 100_000 + b"<p>Deep.</p>" + b"</div>" * 100_000,
            ("", None, E035),
        ),
        (  # nested, but not too deep
            b"<html><body>" + b"<div>" * 200 + b"<p>Deep enough.</p>" + b"</div>" * 200,
            ("Deep enough.", "trafilatura", None),
        ),
        (
            bytes(range(256)) * 64,
            ("", None, "E034: page text cannot be decoded (tried utf-8 and detection)"),
        ),
    ],
)
def test_html_fallbacks_and_bad_pages(
    data: bytes, expected: tuple[str, str | None, str | None]
) -> None:
    article = _read(data)
    assert (article.text, article.extractor, article.error) == expected


def test_html_malformed_markup_is_read() -> None:
    data = b"<html><body><p>Broken <b>markup <i>here</p></div></span><p>Second & <<>> part</body>"
    assert (_read(data).text, _read(data).error) == ("Broken markup here\nSecond & <<>> part", None)


FRENCH = (
    "Le conseil municipal a adopt\u00e9 le budget mardi apr\u00e8s un long d\u00e9bat sur les"
    " \u00e9coles, les routes et le co\u00fbt du chauffage des b\u00e2timents publics. Les"
    " opposants ont d\u00e9clar\u00e9 que le plan \u00e9tait trop l\u00e9ger pour les"
    " r\u00e9parations et ils ont promis de revenir sur la question au printemps prochain."
)


@pytest.mark.parametrize(
    "head,encoding,http_charset,expected_encoding",
    [
        ('<meta charset="windows-1252">', "cp1252", None, "cp1252"),
        (
            '<meta http-equiv="Content-Type" content="text/html; charset=ISO-8859-1">',
            "cp1252",
            None,
            "cp1252",
        ),  # latin-1 labels mean windows-1252 (WHATWG)
        ('<meta charset="utf-8">', "utf-8", None, "utf-8"),
        ("", "iso8859-15", "ISO-8859-15", "iso8859-15"),  # the HTTP header's charset first
        ('<meta charset="utf-8">', "cp1252", None, "cp1252"),  # wrong declaration: detected
        ("", "cp1252", None, "cp1252"),  # no declaration: detected
        ('<meta charset="no-such-charset">', "utf-8", None, "utf-8"),
    ],
)
def test_html_charsets(
    head: str, encoding: str, http_charset: str | None, expected_encoding: str
) -> None:
    data = _page(head, f"<p>{FRENCH}</p>", lang="fr").decode().encode(encoding)
    article = _read(data, http_charset=http_charset)
    assert (article.text, article.encoding) == (FRENCH, expected_encoding)


def test_html_utf8_bom() -> None:
    assert decode_page(b"\xef\xbb\xbf<p>caf\xc3\xa9</p>") == ("<p>caf\u00e9</p>", "utf-8")


def test_html_page_over_limit_is_an_error_and_read_bounded(tmp_path: Path) -> None:
    path = tmp_path / "huge.html.gz"
    filler = b"<p>" + b"x" * 1000 + b"</p>"
    with gzip.open(path, "wb") as handle:
        handle.write(b"<html><body>")
        for _ in range(50 * 1024):  # 50 MB once inflated
            handle.write(filler)
    [article] = read_articles([path])
    assert (article.doc_id, article.text, article.error) == (
        "huge",
        "",
        f"E032: web page over {MAX_PAGE_BYTES} bytes, not read"
        " (limit: extract.ingest.html.MAX_PAGE_BYTES)",
    )


def test_html_truncated_gzip_is_an_error(tmp_path: Path) -> None:
    path = tmp_path / "cut.html.gz"
    path.write_bytes(gzip.compress(_page())[:-40])
    [article] = read_articles([path])
    assert (article.doc_id, article.text, article.error) == (
        "cut",
        "",
        f"E010: cannot read {path}: Compressed file ended before the end-of-stream marker was"
        " reached",
    )


def test_html_file_metadata_in_folder(tmp_path: Path) -> None:
    (tmp_path / "story.html").write_bytes(_page('<meta name="date" content="2020-10-22">'))
    [article] = read_articles([tmp_path])
    assert (article.doc_id, article.published, article.extractor) == (
        "story",
        "2020-10-22",
        "trafilatura",
    )


def test_html_reading_never_opens_a_connection(monkeypatch: pytest.MonkeyPatch) -> None:
    def refuse(*args: object, **kwargs: object) -> None:
        raise AssertionError(f"network access while reading a page: {args}")

    monkeypatch.setattr(socket.socket, "connect", refuse)
    monkeypatch.setattr(socket.socket, "connect_ex", refuse)
    monkeypatch.setattr(socket, "create_connection", refuse)
    monkeypatch.setattr(socket, "getaddrinfo", refuse)
    data = (
        b'<?xml version="1.0" encoding="utf-8"?>'
        b'<!DOCTYPE html PUBLIC "-//W3C//DTD XHTML 1.0 Strict//EN"'
        b' "http://127.0.0.1:9/xhtml1-strict.dtd" [<!ENTITY ext SYSTEM "http://127.0.0.1:9/e">]>'
        b'<html xmlns="http://www.w3.org/1999/xhtml"><head><title>T</title>'
        b'<link rel="stylesheet" href="http://127.0.0.1:9/s.css">'
        b'<script src="http://127.0.0.1:9/a.js"></script>'
        b'<meta http-equiv="refresh" content="0; url=http://127.0.0.1:9/">'
        b'<link rel="canonical" href="http://127.0.0.1:9/story"></head>'
        b'<body><img src="http://127.0.0.1:9/i.png"/><iframe src="http://127.0.0.1:9/f">'
        b"</iframe>" + BODY.encode() + b"<p>&ext;</p></body></html>"
    )
    article = _read(data, url="http://127.0.0.1:9/story")
    # The external entity is left as written, never resolved.
    assert (article.text, article.url) == (
        f"{FIRST}\n{SECOND}\n&ext;",
        "http://127.0.0.1:9/story",
    )


@pytest.mark.parametrize(
    "published,published_source,expected",
    [
        ("2019-05-06", "page", ("2019-05-06", "2019-05-06", "page")),
        ("2019-05-06", None, ("2019-05-06", "2019-05-06", "metadata")),
        (None, None, (None, None, "none")),
    ],
)
def test_html_documents_row_says_where_the_date_came_from(
    blank_nlp, published: str | None, published_source: str | None, expected: tuple
) -> None:
    from dataclasses import replace

    from extract.process import process_articles
    from extract.settings import RunSettings

    head = '<meta name="author" content="Jane Doe"><meta property="og:site_name" content="EN">'
    page = replace(_read(_page(head)), published=published, published_source=published_source)
    [result] = process_articles([page], blank_nlp, RunSettings(model="blank"))
    row = result.document
    assert (row["published"], row["reference_date"], row["reference_date_source"]) == expected
    assert (row["extractor"], row["author"], row["source"], row["crawled"], row["status"]) == (
        "trafilatura",
        "Jane Doe",
        "EN",
        None,
        "ok",
    )
