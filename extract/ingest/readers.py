"""Readers: every input record becomes exactly one Article, readable or not."""

from __future__ import annotations

import csv
import io
import json
import sys
from collections import Counter
from collections.abc import Iterable, Iterator
from dataclasses import replace
from typing import IO, Any

from extract.errors import Errors
from extract.ingest import limits
from extract.ingest.charsets import (
    BINARY_SNIFF_BYTES,
    UTF8,
    decode_text,
    reported_name,
    stream_encoding,
)
from extract.ingest.compressed import READ_ERRORS, open_input
from extract.ingest.fields import FieldMap, article_from_record
from extract.ingest.formats import Format, compression, detect_format
from extract.ingest.html import article_from_html
from extract.ingest.parquet import read_parquet_file
from extract.ingest.walk import STDIN, InputFile, iter_input_files, list_inputs
from extract.ingest.warc import read_warc_file
from extract.storage import AnyPath, RemotePath
from extract.types import Article

CSV_SAMPLE_BYTES = 1 << 16  # the first bytes of a CSV file choose its encoding


def _decode_utf8(data: bytes) -> tuple[str | None, str | None]:
    """A JSONL line as (text, None) or (None, coded error): JSON Lines are UTF-8 by spec."""
    if b"\x00" in data[:BINARY_SNIFF_BYTES]:
        return None, Errors.E003
    try:
        return data.decode("utf-8-sig"), None
    except UnicodeDecodeError as error:
        return None, Errors.E002.format(detail=f"byte {error.start}: {error.reason}")


def _too_long(what: str, limit: int) -> str:
    return Errors.E050.format(what=what, limit=limit)


def _unreadable(source: InputFile, error: BaseException) -> Article:
    path = source.path
    return Article(
        source.name, "", origin=str(path), error=Errors.E010.format(path=path, detail=error)
    )


def _read_limited(source: InputFile, limit: int, too_long_error: str) -> bytes | Article:
    """The file's bytes, or the error record when it cannot be read or holds over ``limit``
    bytes (never more than one byte past the limit is read)."""
    assert not isinstance(source.path, str)
    try:
        with open_input(source.path) as handle:
            data, too_long = limits.read_bounded(handle, limit)
    except READ_ERRORS as error:
        return _unreadable(source, error)
    if too_long:
        return Article(source.name, "", origin=str(source.path), error=too_long_error)
    return data


def read_text_file(source: InputFile, *, encoding: str | None = None) -> Iterator[Article]:
    """One article; ``encoding`` is the declared one (None: detected, see charsets.py)."""
    origin = str(source.path)
    data = _read_limited(source, limits.MAX_TEXT_BYTES, _too_long("file", limits.MAX_TEXT_BYTES))
    if isinstance(data, Article):
        yield data
        return
    decoded = decode_text(data, encoding)
    if decoded.text is None:
        yield Article(source.name, "", origin=origin, error=decoded.error)
    elif not decoded.text.strip():
        yield Article(source.name, "", origin=origin, error=Errors.E001, encoding=decoded.encoding)
    else:
        yield Article(source.name, decoded.text, origin=origin, encoding=decoded.encoding)


def read_html_file(source: InputFile) -> Iterator[Article]:
    """One page; never more than one byte past the page limit is read."""
    data = _read_limited(
        source, limits.MAX_PAGE_BYTES, Errors.E032.format(limit=limits.MAX_PAGE_BYTES)
    )
    if isinstance(data, Article):
        yield data
        return
    yield article_from_html(data, doc_id=source.name, origin=str(source.path))


def read_jsonl_stream(
    handle: IO[bytes], fields: FieldMap, *, name: str, label: str | None = None
) -> Iterator[Article]:
    """Records of a JSONL stream; ``name`` goes into origins, ``label`` (default: the last part
    of ``name``) prefixes the ids of records that have none."""
    label = label or name.rsplit("/", 1)[-1]
    line_number = 0
    while True:
        raw, too_long = limits.read_line_bounded(handle, limits.MAX_LINE_BYTES)
        if not raw:
            return
        line_number += 1
        origin = f"{name}:{line_number}"
        fallback_id = f"{label}#L{line_number}"
        if too_long:
            error = _too_long("JSONL line", limits.MAX_LINE_BYTES)
            yield Article(fallback_id, "", origin=origin, error=error)
            continue
        if not raw.strip():
            continue  # blank lines are separators, not records
        line, problem = _decode_utf8(raw)
        if problem or line is None:
            yield Article(fallback_id, "", origin=origin, error=problem)
            continue
        try:
            record = json.loads(line)
        except json.JSONDecodeError as error:
            detail = f"line {line_number}, column {error.colno}: {error.msg}"
            yield Article(fallback_id, "", origin=origin, error=Errors.E004.format(detail=detail))
            continue
        if not isinstance(record, dict):
            yield Article(fallback_id, "", origin=origin, error=Errors.E012)
            continue
        article = article_from_record(record, fields, origin=origin, fallback_id=fallback_id)
        yield replace(article, encoding=UTF8)


def read_jsonl_file(source: InputFile, fields: FieldMap) -> Iterator[Article]:
    assert not isinstance(source.path, str)
    try:
        with open_input(source.path) as handle:
            yield from read_jsonl_stream(handle, fields, name=str(source.path), label=source.label)
    except READ_ERRORS as error:
        yield _unreadable(source, error)


class _Prefixed(io.RawIOBase):
    """``head`` then the rest of ``stream``: a stream whose first bytes were already read."""

    def __init__(self, head: bytes, stream: IO[bytes]) -> None:
        self._head = head
        self._stream = stream

    def readable(self) -> bool:
        return True

    def readinto(self, buffer: Any) -> int:
        if self._head:
            size = min(len(buffer), len(self._head))
            buffer[:size] = self._head[:size]
            self._head = self._head[size:]
            return size
        data = self._stream.read(len(buffer))
        buffer[: len(data)] = data
        return len(data)


def read_csv_file(
    source: InputFile, fields: FieldMap, *, encoding: str | None = None
) -> Iterator[Article]:
    """Rows of a CSV file with a header; its encoding is ``encoding`` or chosen from the first
    ``CSV_SAMPLE_BYTES`` (charsets.stream_encoding)."""
    path = source.path
    assert not isinstance(path, str)
    try:
        with open_input(path) as binary:
            head = binary.read(CSV_SAMPLE_BYTES)
            codec = stream_encoding(head, encoding)
            # surrogateescape keeps reading past a bad byte; the row holding it becomes an error.
            text = io.TextIOWrapper(
                io.BufferedReader(_Prefixed(head, binary)),
                encoding=codec,
                errors="surrogateescape",
                newline="",
            )
            csv.field_size_limit(limits.MAX_CSV_CHARS)
            reader = csv.DictReader(_BoundedLines(text, limits.MAX_CSV_CHARS))
            yield from _csv_rows(reader, source, fields, reported_name(codec))
    except READ_ERRORS as error:
        yield _unreadable(source, error)


class _LineTooLong(csv.Error):
    """A CSV line over the limit (its rest was skipped): that row's error."""


class _BoundedLines:
    """The lines of ``text`` for the csv module, each read in a bounded way. A line over the
    limit raises _LineTooLong after skipping its rest; the next call reads the line after
    (a class, because a generator that raised is finished)."""

    def __init__(self, text: IO[str], limit: int) -> None:
        self._text = text
        self._limit = limit

    def __iter__(self) -> _BoundedLines:
        return self

    def __next__(self) -> str:
        line = self._text.readline(self._limit + 1)
        if not line:
            raise StopIteration
        if len(line) > self._limit and not line.endswith(("\n", "\r")):
            while (rest := self._text.readline(limits.READ_STEP)) and not rest.endswith("\n"):
                pass
            raise _LineTooLong(_too_long("CSV line", self._limit))
        return line


def _csv_rows(
    reader: csv.DictReader[str], source: InputFile, fields: FieldMap, encoding: str
) -> Iterator[Article]:
    undecodable = (
        Errors.E002.format(detail="in CSV row")
        if encoding == UTF8
        else Errors.E047.format(encoding=encoding, detail="in CSV row")
    )
    row_number = 0
    limit = limits.MAX_CSV_CHARS
    while True:
        row_number += 1
        origin = f"{source.path}:row{row_number}"
        fallback_id = f"{source.label}#R{row_number}"
        try:
            row = next(reader)
        except StopIteration:
            break
        except _LineTooLong as error:
            yield Article(fallback_id, "", origin=origin, error=str(error))
            continue
        except csv.Error as error:
            if "field larger than field limit" in str(error):
                # where the oversized field ends is unknowable: the rest is not read
                what = "CSV field (the rest of the file is not read)"
                yield Article(fallback_id, "", origin=origin, error=_too_long(what, limit))
                return
            yield Article(fallback_id, "", origin=origin, error=Errors.E011.format(detail=error))
            continue
        values = [v for v in row.values() if isinstance(v, str)]
        if any(_has_surrogates(v) for v in values):
            yield Article(fallback_id, "", origin=origin, error=undecodable)
            continue
        record = {k: v for k, v in row.items() if k is not None}
        article = article_from_record(record, fields, origin=origin, fallback_id=fallback_id)
        yield replace(article, encoding=encoding)


def _has_surrogates(value: str) -> bool:
    try:
        value.encode("utf-8")
    except UnicodeEncodeError:
        return True
    return False


def read_file(
    source: InputFile,
    fields: FieldMap,
    *,
    encoding: str | None = None,
    skipped: Counter[str] | None = None,
) -> Iterator[Article]:
    """The records of one file; ``encoding`` (declared) applies to .txt and .csv files;
    ``skipped`` counts the web-archive records that are not articles, by kind."""
    assert not isinstance(source.path, str)
    file_format = detect_format(source.path)
    if file_format is Format.TEXT:
        yield from read_text_file(source, encoding=encoding)
    elif file_format is Format.JSONL:
        yield from read_jsonl_file(source, fields)
    elif file_format is Format.CSV:
        yield from read_csv_file(source, fields, encoding=encoding)
    elif file_format is Format.HTML:
        yield from read_html_file(source)
    elif file_format is Format.PARQUET:
        yield from _read_parquet(source, fields)
    elif file_format is Format.WARC:
        yield from read_warc_file(source.path, label=source.label, skipped=skipped)
    else:
        path = source.path
        yield Article(source.name, "", origin=str(path), error=Errors.E020.format(path=path))


def _read_parquet(source: InputFile, fields: FieldMap) -> Iterator[Article]:
    """A Parquet file's rows; a compressed one (.parquet.gz...) is one error row E085."""
    assert not isinstance(source.path, str)
    if compression(source.path) is None:
        yield from read_parquet_file(source, fields)
        return
    suffix = "." + source.path.name.rsplit(".", 1)[-1]
    error = Errors.E085.format(path=source.path, suffix=suffix)
    yield Article(source.name, "", origin=str(source.path), error=error)


def _exists(source: AnyPath) -> bool:
    if isinstance(source, RemotePath):
        try:
            return source.exists()
        except OSError:
            return True  # e.g. no permission to look: reading it gives the precise error row
    return source.exists()


def _read_source(
    source: InputFile,
    fields: FieldMap,
    stdin: IO[bytes] | None,
    encoding: str | None,
    skipped_records: dict[str, Counter[str]] | None,
) -> Iterator[Article]:
    if source.path == STDIN:
        return read_jsonl_stream(stdin or sys.stdin.buffer, fields, name="<stdin>")
    assert not isinstance(source.path, str)
    if not _exists(source.path):
        error = Errors.E021.format(path=source.path)
        return iter([Article(source.name, "", origin=str(source.path), error=error)])
    counts = None
    if skipped_records is not None:
        counts = skipped_records.setdefault(str(source.path), Counter())
    return read_file(source, fields, encoding=encoding, skipped=counts)


def read_articles(
    inputs: Iterable[str | AnyPath],
    *,
    fields: FieldMap | None = None,
    stdin: IO[bytes] | None = None,
    encoding: str | None = None,
    skipped_records: dict[str, Counter[str]] | None = None,
) -> Iterator[Article]:
    """Every record of ``inputs`` as an Article, lazily, in input order. ``encoding`` is the
    declared encoding of .txt and .csv files (None: detected; see extract/ingest/charsets.py).
    Web-archive records that are not articles are counted by kind in
    ``skipped_records[<input path>]``.

    A record that cannot be used (unreadable file, bad encoding, malformed JSON, missing
    fields, duplicate id) is yielded with ``error`` set, never skipped. Files a folder walk
    does not read are listed by extract/ingest/walk.py, not yielded.
    """
    fields = fields or FieldMap()

    def every_record() -> Iterator[Article]:
        for listing in list_inputs(inputs):
            for source in listing.files:
                yield from _read_source(source, fields, stdin, encoding, skipped_records)

    return reject_repeated_ids(every_record())


def reject_repeated_ids(articles: Iterable[Article]) -> Iterator[Article]:
    """The articles in order, with a repeat of an earlier readable article's id turned into an
    E006 error record naming where the id was first seen."""
    first_seen: dict[str, str] = {}
    for article in articles:
        if article.error is None:
            if article.doc_id in first_seen:
                message = Errors.E006.format(
                    doc_id=article.doc_id, first=first_seen[article.doc_id]
                )
                article = Article(article.doc_id, "", origin=article.origin, error=message)
            else:
                first_seen[article.doc_id] = article.origin
        yield article


__all__ = ["STDIN", "iter_input_files", "read_articles", "read_file", "read_jsonl_stream"]
