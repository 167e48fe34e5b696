"""Web archives (WARC, ARC; plain or gzip) to Articles, streamed record by record with warcio.

Each ``response`` record whose HTTP payload is an HTML page becomes one article, read like a
saved page (extract/ingest/html.py): ``doc_id`` is the record's WARC-Record-ID without its
``<urn:uuid:...>`` wrapping (an ARC record, which has none, is ``<file>@<byte offset>``), ``url``
its WARC-Target-URI and ``crawled`` its WARC-Date. Every other record (warcinfo, request,
metadata, revisit, a response that is not an HTML page or not a success) is counted in
``skipped`` by kind, which the run's manifest reports. A record that cannot be read becomes an
error row, and reading goes on at the next record found after it. warcio removes HTTP chunked
transfer-encoding and gzip/deflate/brotli content-encoding from payloads. Only the record being
read is in memory, at most ``limits.MAX_PAGE_BYTES`` of its payload: memory stays flat over any file
(benchmarks/warc_reading.py).
"""

from __future__ import annotations

import re
import zlib
from collections import Counter
from collections.abc import Iterator
from contextlib import AbstractContextManager
from dataclasses import dataclass, replace
from pathlib import PurePosixPath
from typing import IO, Any

from warcio.archiveiterator import ArchiveIterator
from warcio.exceptions import ArchiveLoadFailed

from extract.errors import Errors
from extract.ingest import limits
from extract.ingest.compressed import GzipStream, open_input
from extract.ingest.formats import compression
from extract.ingest.html import article_from_html
from extract.storage import AnyPath, RemotePath
from extract.types import Article

HTML_TYPES = frozenset({"text/html", "application/xhtml+xml"})
_GZIP_MAGIC = b"\x1f\x8b\x08"
_WARC_MAGIC = b"WARC/1."
_SCAN_BLOCK = 1 << 20
_DRAIN_BLOCK = 1 << 16
_UNSAFE_ID = re.compile(r"[^A-Za-z0-9._:@/+=-]+")
_RECORD_ERRORS = (ArchiveLoadFailed, EOFError, zlib.error, OSError, ValueError)


def record_doc_id(record_id: str) -> str:
    """``<urn:uuid:0f3c...>`` -> ``0f3c...``: the WARC-Record-ID as a plain, safe value."""
    value = record_id.strip().strip("<>").strip()
    if value.lower().startswith("urn:uuid:"):
        value = value[len("urn:uuid:") :].strip()
    return _UNSAFE_ID.sub("_", value)


def _open_archive(path: AnyPath) -> AbstractContextManager[IO[bytes]]:
    """The file as stored when plain or gzip (warcio reads gzip members itself and needs their
    offsets to resume after damage); decompressed as a stream for .bz2, .xz and .zst."""
    if compression(path) not in (None, "gzip"):
        return open_input(path)
    if isinstance(path, RemotePath):
        return path.open_binary(gzip=False)
    return path.open("rb")


@dataclass(frozen=True)
class _Archive:
    path: AnyPath
    label: str
    is_arc: bool
    skipped: Counter[str]

    def doc_id(self, record: Any, offset: int) -> str:
        record_id = record.rec_headers.get_header("WARC-Record-ID")
        if self.is_arc or not record_id:  # ARC records have no id (warcio makes up a random one)
            return f"{self.label}@{offset}"
        return record_doc_id(record_id)


def read_warc_file(
    path: AnyPath, *, label: str, skipped: Counter[str] | None = None
) -> Iterator[Article]:
    """Every HTML response of the archive at ``path`` as an Article, in file order; ``label``
    names the file in ids and origins of records without an id."""
    skipped = skipped if skipped is not None else Counter()
    try:
        opened = _open_archive(path)
        handle = opened.__enter__()
    except OSError as error:
        yield Article(
            label, "", origin=str(path), error=Errors.E010.format(path=path, detail=error)
        )
        return
    is_arc = ".arc" in [suffix.lower() for suffix in PurePosixPath(path.name).suffixes]
    try:
        yield from _read_from(handle, _Archive(path, label, is_arc, skipped))
    finally:
        opened.__exit__(None, None, None)


def _read_from(handle: IO[bytes], archive: _Archive) -> Iterator[Article]:
    gzipped = False
    if handle.seekable():  # a stream that cannot seek cannot resume after damage either
        gzipped = handle.read(len(_GZIP_MAGIC)) == _GZIP_MAGIC
        handle.seek(0)
    started_at = 0
    while True:
        # ARC parsing only for ARC files: it would read a damaged WARC record as an ARC one.
        records = ArchiveIterator(handle, arc2warc=archive.is_arc)
        latest = started_at  # where the latest record began
        try:
            for record in records:
                latest = records.offset  # where this record starts in the file
                article = _article(record, archive, latest)
                if article is not None:
                    yield article
            return
        except ArchiveLoadFailed as error:
            if not (gzipped and _whole_file_gzip(error)):
                yield _damaged(archive, records.offset, error)
            else:
                # warcio read the first record of a gzip member holding several: read the rest
                yield from _read_gzipped_whole(handle, latest, archive)
                return
        except (_DamagedRecord, *_RECORD_ERRORS) as error:
            yield _damaged(archive, records.offset, error)
        resume = _next_record_start(handle, records.offset + 1, gzipped)
        if resume is None:
            return
        handle.seek(resume)
        started_at = resume


def _whole_file_gzip(error: ArchiveLoadFailed) -> bool:
    """warcio's error for a gzip member that goes on past its first record."""
    return "non-chunked gzip" in str(error)


def _read_gzipped_whole(
    handle: IO[bytes], member_start: int, archive: _Archive
) -> Iterator[Article]:
    """The records after the first of a gzip member that holds several (a WARC gzipped as a
    whole, not record by record), decompressed as one stream. Offsets count decompressed bytes
    from ``member_start``; a damaged record ends the reading (a gzip stream has no point to
    resume at)."""
    handle.seek(member_start)
    records = ArchiveIterator(GzipStream(handle), arc2warc=archive.is_arc)
    try:
        for index, record in enumerate(records):
            if index == 0:
                continue  # read before warcio found that the member goes on
            article = _article(record, archive, member_start + records.offset)
            if article is not None:
                yield article
    except (_DamagedRecord, *_RECORD_ERRORS) as error:
        yield _damaged(archive, member_start + records.offset, error)


def _damaged(archive: _Archive, offset: int, error: BaseException) -> Article:
    detail = f"{type(error).__name__}: {_first_line(error)}"
    return Article(
        f"{archive.label}@{offset}",
        "",
        origin=f"{archive.path}@{offset}",
        error=Errors.E046.format(offset=offset, detail=detail),
    )


def _first_line(error: BaseException) -> str:
    lines = str(error).strip().splitlines()
    return lines[0][:200] if lines else "no detail"


def _next_record_start(handle: IO[bytes], start: int, gzipped: bool) -> int | None:
    """Offset of the next thing that looks like a record (a gzip member, or a WARC/1.x header
    line) at or after ``start``; None at the end or when the file cannot seek."""
    if not handle.seekable():
        return None
    magic = _GZIP_MAGIC if gzipped else _WARC_MAGIC
    position = start
    handle.seek(position)
    tail = b""
    while block := handle.read(_SCAN_BLOCK):
        data = tail + block
        found = data.find(magic)
        if found >= 0:
            return position - len(tail) + found
        tail = data[-(len(magic) - 1) :]
        position += len(block)
    return None


def _kind(record: Any) -> str | None:
    """Why ``record`` is not an article (its kind, for the manifest), or None for an HTML
    response."""
    if record.rec_type != "response":
        return str(record.rec_type)
    http = record.http_headers
    if http is None:
        return "response (not HTTP)"
    status = http.get_statuscode() or ""
    if not status.startswith("2"):
        return "response (HTTP status not 2xx)"
    media_type = (http.get_header("Content-Type") or "").split(";")[0].strip().lower()
    if media_type not in HTML_TYPES:
        return "response (not HTML)"
    return None


def _charset(record: Any) -> str | None:
    content_type = record.http_headers.get_header("Content-Type") or ""
    match = re.search(r"charset\s*=\s*[\"']?([A-Za-z0-9_.:-]+)", content_type, re.I)
    return match.group(1) if match else None


class _DamagedRecord(Exception):
    """A record that ends before its declared length: the file is truncated or corrupt."""


def _drain(record: Any) -> None:
    """Read what is left of the record; raise when the file ends before the record does."""
    while record.raw_stream.read(_DRAIN_BLOCK):
        pass
    missing = getattr(record.raw_stream, "limit", 0)
    if missing > 0:
        raise _DamagedRecord(f"record ends {missing} bytes before its declared length")


def _article(record: Any, archive: _Archive, offset: int) -> Article | None:
    """The Article of one HTML response; any other record is counted in ``skipped``."""
    kind = _kind(record)
    headers = record.rec_headers
    doc_id = archive.doc_id(record, offset)
    url = (headers.get_header("WARC-Target-URI") or "").strip("<> ") or None
    crawled = headers.get_header("WARC-Date") or None
    failed = Article(doc_id, "", origin=f"{archive.path}@{offset}", url=url, crawled=crawled)
    data, problem = b"", None
    if kind is None:
        try:
            data, too_long = limits.read_bounded(record.content_stream(), limits.MAX_PAGE_BYTES)
            if too_long:
                problem = Errors.E032.format(limit=limits.MAX_PAGE_BYTES)
        except (zlib.error, OSError, ValueError, EOFError) as error:
            problem = Errors.E051.format(detail=_first_line(error))
    _drain(record)
    if kind is not None:
        archive.skipped[kind] += 1
        return None
    if problem is not None:
        return replace(failed, error=problem)
    article = article_from_html(
        data,
        doc_id=doc_id,
        origin=failed.origin,
        url=url,
        http_charset=_charset(record),
        crawled=crawled,
    )
    return replace(article, url=url) if url else article
