"""HTML pages to Articles: the article body and its metadata, read with trafilatura.

trafilatura finds the main content (it compares its own extraction with readability and
jusText) and htmldate finds the page's original publication date (not its last update). When
it finds no main content the page's whole visible text stands in, and when the page has no
text at all its title does; ``Article.extractor`` says which (see docs/ingest.md).

Nothing here touches the network: lxml's HTML parser loads no DTD or entity, and trafilatura
and htmldate only read the markup they are given. Pages are bounded (``MAX_PAGE_BYTES``).
"""

from __future__ import annotations

import codecs
import contextlib
import datetime as dt
import re
from dataclasses import dataclass, replace
from typing import Any

import charset_normalizer
import trafilatura
from htmldate import find_date
from lxml.html import HtmlElement
from trafilatura.baseline import html2txt
from trafilatura.metadata import (
    META_URL,
    examine_meta,
    extract_author,
    extract_meta_json,
    extract_sitename,
    extract_title,
    extract_url,
)
from trafilatura.settings import Document

from extract.errors import Errors
from extract.ingest.limits import MAX_PAGE_BYTES  # a larger page is an error row, never parsed
from extract.types import Article

# Extraction options, chosen on benchmarks/html_extraction.py (body F1 of each variant there).
_EXTRACTION: dict[str, Any] = {
    "include_comments": False,
    "include_tables": True,
    "favor_precision": True,
    "fast": True,  # skips the readability/jusText comparison: one benchmark page better, none worse
    "favor_recall": False,
    "deduplicate": False,
}
# Latest date a page may carry when nothing better bounds it (htmldate's own default is today,
# which would make the output depend on the day of the run).
_LATEST_DATE = dt.date(2099, 12, 31)
_EARLIEST_DATE = dt.date(1995, 1, 1)

_META_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([a-zA-Z0-9_.:-]+)""", re.I)
_SNIFF_BYTES = 4096
# WHATWG: these labels mean windows-1252 in every browser.
_AS_WINDOWS_1252 = {"iso8859-1", "ascii", "latin-1", "cp1252"}


class Extractor:
    """Values of ``documents.extractor``."""

    TRAFILATURA = "trafilatura"  # the main content found by trafilatura
    PAGE_TEXT = "page_text"  # no main content found: the page's whole visible text
    TITLE = "title"  # the page has no text but its title


@dataclass(frozen=True)
class PageContent:
    """What a page holds: body text, where it came from, and its metadata."""

    text: str
    extractor: str
    title: str | None = None
    author: str | None = None
    site_name: str | None = None
    published: str | None = None  # YYYY-MM-DD, htmldate's original date
    url: str | None = None
    language: str | None = None  # as declared by <html lang>, lower case


def _codec(label: str | None) -> str | None:
    if not label:
        return None
    try:
        name = codecs.lookup(label.strip().strip("\"'")).name
    except LookupError:
        return None
    return "cp1252" if name in _AS_WINDOWS_1252 else name


def declared_charset(data: bytes) -> str | None:
    """The charset a page declares in a ``<meta>`` tag near its start, as a Python codec."""
    match = _META_CHARSET.search(data[:_SNIFF_BYTES])
    return _codec(match.group(1).decode("ascii", "replace")) if match else None


def decode_page(data: bytes, *, http_charset: str | None = None) -> tuple[str | None, str]:
    """(markup, encoding), or (None, why not). The charset declared by the HTTP header or
    the page comes first, then UTF-8, then detection (charset-normalizer); a declaration that
    does not decode the bytes is ignored."""
    if data.startswith(codecs.BOM_UTF8):
        return data[len(codecs.BOM_UTF8) :].decode("utf-8", "replace"), "utf-8"
    tried = []
    for encoding in (_codec(http_charset), declared_charset(data), "utf-8"):
        if encoding is None or encoding in tried:
            continue
        tried.append(encoding)
        try:
            return data.decode(encoding), encoding
        except UnicodeDecodeError:
            continue
    best = charset_normalizer.from_bytes(data[: 1 << 20]).best()
    if best is None or best.encoding is None:
        return None, Errors.E034.format(tried=", ".join(tried))
    return data.decode(best.encoding, "replace"), best.encoding


def _date_params(latest: dt.date | None) -> dict[str, Any]:
    return {
        "original_date": True,
        # No guesses from free text: its year-only finds (a copyright line) become 1 January.
        "extensive_search": False,
        "outputformat": "%Y-%m-%d",
        "min_date": dt.datetime.combine(_EARLIEST_DATE, dt.time()),
        "max_date": dt.datetime.combine(latest or _LATEST_DATE, dt.time()),
    }


def _clean(value: str | None) -> str | None:
    return " ".join(value.split()) or None if value else None


def _without_title(text: str, title: str | None) -> str:
    """``text`` without a first paragraph that only repeats the headline."""
    if not title:
        return text
    first, _, rest = text.partition("\n")
    return rest.lstrip("\n") if _clean(first) == _clean(title) and rest.strip() else text


def read_page(markup: str, *, url: str | None = None, latest: dt.date | None = None) -> PageContent:
    """The body and metadata of one page. ``latest`` bounds the publication date (a page is
    not published after it was crawled). Raises ValueError when lxml cannot parse it."""
    # A fragment without <html> (load_html refuses those) is read as a page's body.
    tree = trafilatura.load_html(markup)
    if tree is None:
        tree = trafilatura.load_html(f"<html><body>{markup}</body></html>")
    if tree is None:
        raise ValueError("no HTML document")
    meta = page_metadata(tree, url, _date_params(latest))
    found = trafilatura.bare_extraction(tree, url=meta.url or url, **_EXTRACTION)
    if found is not None and not isinstance(found, dict) and (found.text or "").strip():
        text, extractor = found.text or "", Extractor.TRAFILATURA
    else:
        text, extractor = html2txt(tree), Extractor.PAGE_TEXT
    title = _clean(meta.title)
    text = _without_title(text.strip(), title)
    if not text and title:
        text, extractor = title, Extractor.TITLE
    return PageContent(
        text=text,
        extractor=extractor,
        title=title,
        author=_clean(meta.author),
        site_name=_clean(meta.sitename),
        published=meta.date or None,
        url=_clean(meta.url) or url,
        language=_page_language(tree),
    )


def page_metadata(tree: HtmlElement, url: str | None, date_params: dict[str, Any]) -> Document:
    """trafilatura's ``extract_metadata`` (2.3.1) for the fields ``documents`` has: title,
    author, site name, URL and date, in its order and with its rules, without the categories,
    tags, licence and host name it also looks for (a third of its time; benchmarks/
    html_extraction.py). Reads ``tree`` without changing it."""
    meta = examine_meta(tree)
    if meta.author and " " not in meta.author:
        meta.author = None
    with contextlib.suppress(Exception):  # trafilatura guards its JSON-LD reader the same way
        meta = extract_meta_json(tree, meta)
    meta.title = meta.title or extract_title(tree)
    meta.author = meta.author or extract_author(tree)
    meta.url = meta.url or extract_url(tree, url)
    meta.date = find_date(tree, **{**date_params, "url": meta.url})
    meta.sitename = meta.sitename or extract_sitename(tree)
    if meta.sitename:
        meta.sitename = meta.sitename.lstrip("@")
        if meta.sitename and "." not in meta.sitename and not meta.sitename[0].isupper():
            meta.sitename = meta.sitename.title()
    elif meta.url and (host := META_URL.match(meta.url)):
        meta.sitename = host[1]
    return meta


def _page_language(tree: HtmlElement) -> str | None:
    root = tree.getroottree().getroot()
    value = root.get("lang") or root.get("xml:lang")
    return _clean(value.lower()) if value else None


def article_from_html(
    data: bytes,
    *,
    doc_id: str,
    origin: str,
    url: str | None = None,
    http_charset: str | None = None,
    crawled: str | None = None,
) -> Article:
    """One page as an Article: an error Article when it is too large, undecodable,
    unparseable or empty. The page's date fills ``published`` (``published_source`` = page)."""
    failed = Article(doc_id, "", origin=origin, url=url, crawled=crawled)
    if len(data) > MAX_PAGE_BYTES:
        return replace(failed, error=Errors.E032.format(limit=MAX_PAGE_BYTES))
    if not data.strip():
        return replace(failed, error=Errors.E001)
    markup, encoding = decode_page(data, http_charset=http_charset)
    if markup is None:
        return replace(failed, error=encoding)
    latest = dt.date.fromisoformat(crawled[:10]) if crawled else None
    try:
        page = read_page(markup, url=url, latest=latest)
    except (ValueError, RecursionError, MemoryError) as error:
        detail = f"{type(error).__name__}: {error}" if str(error) else type(error).__name__
        return replace(failed, error=Errors.E033.format(detail=detail))
    if not page.text:
        return replace(failed, error=Errors.E035)
    return Article(
        doc_id,
        page.text,
        title=page.title,
        author=page.author,
        published=page.published,
        published_source="page" if page.published else None,
        source=page.site_name,
        url=page.url,
        origin=origin,
        extractor=page.extractor,
        crawled=crawled,
        encoding=encoding,
        extra={"page_language": page.language},
    )
