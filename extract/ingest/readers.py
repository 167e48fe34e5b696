"""Readers: every input record becomes exactly one Article, readable or not."""

from __future__ import annotations

import csv
import io
import json
import sys
from collections.abc import Iterable, Iterator
from typing import IO

from extract.errors import Errors
from extract.ingest.compressed import READ_ERRORS, open_input
from extract.ingest.fields import FieldMap, article_from_record
from extract.ingest.formats import Format, detect_format
from extract.ingest.html import MAX_PAGE_BYTES, article_from_html
from extract.ingest.walk import STDIN, InputFile, iter_input_files, list_inputs
from extract.storage import AnyPath, RemotePath
from extract.types import Article

_BINARY_SNIFF = 8192
csv.field_size_limit(2**31 - 1)


def _decode(data: bytes) -> tuple[str | None, str | None]:
    """(text, None) or (None, coded error)."""
    if b"\x00" in data[:_BINARY_SNIFF]:
        return None, Errors.E003
    try:
        return data.decode("utf-8-sig"), None
    except UnicodeDecodeError as error:
        return None, Errors.E002.format(detail=f"byte {error.start}: {error.reason}")


def _unreadable(source: InputFile, error: BaseException) -> Article:
    path = source.path
    return Article(
        source.name, "", origin=str(path), error=Errors.E010.format(path=path, detail=error)
    )


def _read_whole(source: InputFile) -> tuple[str | None, Article | None]:
    assert not isinstance(source.path, str)
    try:
        with open_input(source.path) as handle:
            data = handle.read()
    except READ_ERRORS as error:
        return None, _unreadable(source, error)
    text, problem = _decode(data)
    if problem:
        return None, Article(source.name, "", origin=str(source.path), error=problem)
    return text, None


def read_text_file(source: InputFile) -> Iterator[Article]:
    text, failed = _read_whole(source)
    if failed:
        yield failed
    elif not text or not text.strip():
        yield Article(source.name, "", origin=str(source.path), error=Errors.E001)
    else:
        yield Article(source.name, text, origin=str(source.path))


def read_html_file(source: InputFile) -> Iterator[Article]:
    """One page; never more than one byte past the page limit is read."""
    assert not isinstance(source.path, str)
    try:
        with open_input(source.path) as handle:
            data = handle.read(MAX_PAGE_BYTES + 1)
    except READ_ERRORS as error:
        yield _unreadable(source, error)
        return
    yield article_from_html(data, doc_id=source.name, origin=str(source.path))


def read_jsonl_stream(
    handle: IO[bytes], fields: FieldMap, *, name: str, label: str | None = None
) -> Iterator[Article]:
    """Records of a JSONL stream; ``name`` goes into origins, ``label`` (default: the last part
    of ``name``) prefixes the ids of records that have none."""
    label = label or name.rsplit("/", 1)[-1]
    for line_number, raw in enumerate(handle, start=1):
        origin = f"{name}:{line_number}"
        fallback_id = f"{label}#L{line_number}"
        if not raw.strip():
            continue  # blank lines are separators, not records
        line, problem = _decode(raw)
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
        yield article_from_record(record, fields, origin=origin, fallback_id=fallback_id)


def read_jsonl_file(source: InputFile, fields: FieldMap) -> Iterator[Article]:
    assert not isinstance(source.path, str)
    try:
        with open_input(source.path) as handle:
            yield from read_jsonl_stream(handle, fields, name=str(source.path), label=source.label)
    except READ_ERRORS as error:
        yield _unreadable(source, error)


def read_csv_file(source: InputFile, fields: FieldMap) -> Iterator[Article]:
    path = source.path
    assert not isinstance(path, str)
    try:
        with open_input(path) as binary:
            # surrogateescape keeps reading past a bad byte; the row holding it becomes an error.
            text = io.TextIOWrapper(
                binary, encoding="utf-8-sig", errors="surrogateescape", newline=""
            )
            reader = csv.DictReader(text)
            row_number = 0
            while True:
                row_number += 1
                origin = f"{path}:row{row_number}"
                fallback_id = f"{source.label}#R{row_number}"
                try:
                    row = next(reader)
                except StopIteration:
                    break
                except csv.Error as error:
                    yield Article(
                        fallback_id, "", origin=origin, error=Errors.E011.format(detail=error)
                    )
                    continue
                values = [v for v in row.values() if isinstance(v, str)]
                if any(_has_surrogates(v) for v in values):
                    yield Article(
                        fallback_id,
                        "",
                        origin=origin,
                        error=Errors.E002.format(detail="in CSV row"),
                    )
                    continue
                record = {k: v for k, v in row.items() if k is not None}
                yield article_from_record(record, fields, origin=origin, fallback_id=fallback_id)
    except READ_ERRORS as error:
        yield _unreadable(source, error)


def _has_surrogates(value: str) -> bool:
    try:
        value.encode("utf-8")
    except UnicodeEncodeError:
        return True
    return False


def read_file(source: InputFile, fields: FieldMap) -> Iterator[Article]:
    assert not isinstance(source.path, str)
    file_format = detect_format(source.path)
    if file_format is Format.TEXT:
        yield from read_text_file(source)
    elif file_format is Format.JSONL:
        yield from read_jsonl_file(source, fields)
    elif file_format is Format.CSV:
        yield from read_csv_file(source, fields)
    elif file_format is Format.HTML:
        yield from read_html_file(source)
    else:
        path = source.path
        yield Article(source.name, "", origin=str(path), error=Errors.E020.format(path=path))


def _exists(source: AnyPath) -> bool:
    if isinstance(source, RemotePath):
        try:
            return source.exists()
        except OSError:
            return True  # e.g. no permission to look: reading it gives the precise error row
    return source.exists()


def _read_source(source: InputFile, fields: FieldMap, stdin: IO[bytes] | None) -> Iterator[Article]:
    if source.path == STDIN:
        return read_jsonl_stream(stdin or sys.stdin.buffer, fields, name="<stdin>")
    assert not isinstance(source.path, str)
    if not _exists(source.path):
        error = Errors.E021.format(path=source.path)
        return iter([Article(source.name, "", origin=str(source.path), error=error)])
    return read_file(source, fields)


def read_articles(
    inputs: Iterable[str | AnyPath],
    *,
    fields: FieldMap | None = None,
    stdin: IO[bytes] | None = None,
) -> Iterator[Article]:
    """Every record of ``inputs`` as an Article, lazily, in input order.

    A record that cannot be used (unreadable file, bad encoding, malformed JSON, missing
    fields, duplicate id) is yielded with ``error`` set, never skipped. Files a folder walk
    does not read are listed by extract/ingest/walk.py, not yielded.
    """
    fields = fields or FieldMap()
    first_seen: dict[str, str] = {}
    for listing in list_inputs(inputs):
        for source in listing.files:
            for article in _read_source(source, fields, stdin):
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
