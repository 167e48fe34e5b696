"""Readers: every input record becomes exactly one Article, readable or not."""

from __future__ import annotations

import csv
import gzip
import io
import json
import sys
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import IO

from extract.errors import Errors
from extract.ingest.fields import FieldMap, article_from_record
from extract.ingest.formats import Format, detect_format, is_gzip, stem
from extract.ingest.html import MAX_PAGE_BYTES, article_from_html
from extract.storage import AnyPath, RemotePath, as_path
from extract.types import Article

STDIN = "-"
_BINARY_SNIFF = 8192
csv.field_size_limit(2**31 - 1)


def _open_binary(path: AnyPath) -> IO[bytes]:
    if isinstance(path, RemotePath):
        return path.open_binary(gzip=is_gzip(path))
    if is_gzip(path):
        return gzip.open(path, "rb")  # type: ignore[return-value]
    return path.open("rb")


def _decode(data: bytes) -> tuple[str | None, str | None]:
    """(text, None) or (None, coded error)."""
    if b"\x00" in data[:_BINARY_SNIFF]:
        return None, Errors.E003
    try:
        return data.decode("utf-8-sig"), None
    except UnicodeDecodeError as error:
        return None, Errors.E002.format(detail=f"byte {error.start}: {error.reason}")


def _read_whole(path: AnyPath, doc_id: str) -> tuple[str | None, Article | None]:
    origin = str(path)
    try:
        with _open_binary(path) as handle:
            data = handle.read()
    except (OSError, EOFError) as error:
        return None, Article(
            doc_id, "", origin=origin, error=Errors.E010.format(path=path, detail=error)
        )
    text, problem = _decode(data)
    if problem:
        return None, Article(doc_id, "", origin=origin, error=problem)
    return text, None


def read_text_file(path: AnyPath) -> Iterator[Article]:
    doc_id = stem(path)
    text, failed = _read_whole(path, doc_id)
    if failed:
        yield failed
    elif not text or not text.strip():
        yield Article(doc_id, "", origin=str(path), error=Errors.E001)
    else:
        yield Article(doc_id, text, origin=str(path))


def read_html_file(path: AnyPath) -> Iterator[Article]:
    """One page; never more than one byte past the page limit is read."""
    doc_id = stem(path)
    try:
        with _open_binary(path) as handle:
            data = handle.read(MAX_PAGE_BYTES + 1)
    except (OSError, EOFError) as error:
        detail = Errors.E010.format(path=path, detail=error)
        yield Article(doc_id, "", origin=str(path), error=detail)
        return
    yield article_from_html(data, doc_id=doc_id, origin=str(path))


def read_jsonl_stream(handle: IO[bytes], fields: FieldMap, *, name: str) -> Iterator[Article]:
    for line_number, raw in enumerate(handle, start=1):
        origin = f"{name}:{line_number}"
        fallback_id = f"{Path(name).name}#L{line_number}"
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


def read_jsonl_file(path: AnyPath, fields: FieldMap) -> Iterator[Article]:
    try:
        with _open_binary(path) as handle:
            yield from read_jsonl_stream(handle, fields, name=str(path))
    except (OSError, EOFError) as error:
        yield Article(
            stem(path), "", origin=str(path), error=Errors.E010.format(path=path, detail=error)
        )


def read_csv_file(path: AnyPath, fields: FieldMap) -> Iterator[Article]:
    try:
        with _open_binary(path) as binary:
            # surrogateescape keeps reading past a bad byte; the row holding it becomes an error.
            text = io.TextIOWrapper(
                binary, encoding="utf-8-sig", errors="surrogateescape", newline=""
            )
            reader = csv.DictReader(text)
            row_number = 0
            while True:
                row_number += 1
                origin = f"{path}:row{row_number}"
                fallback_id = f"{path.name}#R{row_number}"
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
    except (OSError, EOFError) as error:
        yield Article(
            stem(path), "", origin=str(path), error=Errors.E010.format(path=path, detail=error)
        )


def _has_surrogates(value: str) -> bool:
    try:
        value.encode("utf-8")
    except UnicodeEncodeError:
        return True
    return False


def read_file(path: AnyPath, fields: FieldMap) -> Iterator[Article]:
    file_format = detect_format(path)
    if file_format is Format.TEXT:
        yield from read_text_file(path)
    elif file_format is Format.JSONL:
        yield from read_jsonl_file(path, fields)
    elif file_format is Format.CSV:
        yield from read_csv_file(path, fields)
    elif file_format is Format.HTML:
        yield from read_html_file(path)
    else:
        yield Article(stem(path), "", origin=str(path), error=Errors.E020.format(path=path))


def iter_input_files(inputs: Iterable[str | AnyPath]) -> Iterator[AnyPath | str]:
    """Files in input order; folders are walked recursively in sorted order, skipping hidden
    files and files of unknown format. fsspec URLs (extract/storage.py) name a file, a folder
    (key prefix) or a glob, listed the same way."""
    for item in inputs:
        if str(item) == STDIN:
            yield STDIN
            continue
        path = as_path(item)
        if isinstance(path, RemotePath):
            yield from _remote_input_files(path)
        elif path.is_dir():
            for child in sorted(p for p in path.rglob("*") if p.is_file()):
                relative = child.relative_to(path)
                if any(part.startswith(".") for part in relative.parts):
                    continue
                if detect_format(child) is not None:
                    yield child
        else:
            yield path


def _remote_input_files(path: RemotePath) -> Iterator[RemotePath]:
    if not path.is_listing():
        yield path
        return
    for relative, child in path.walk_files():
        if any(part.startswith(".") for part in relative):
            continue
        if detect_format(child) is not None:
            yield child


def _exists(source: AnyPath) -> bool:
    if isinstance(source, RemotePath):
        try:
            return source.exists()
        except OSError:
            return True  # e.g. no permission to look: reading it gives the precise error row
    return source.exists()


def read_articles(
    inputs: Iterable[str | AnyPath],
    *,
    fields: FieldMap | None = None,
    stdin: IO[bytes] | None = None,
) -> Iterator[Article]:
    """Every record of ``inputs`` as an Article, lazily, in input order.

    A record that cannot be used (unreadable file, bad encoding, malformed JSON, missing
    fields, duplicate id) is yielded with ``error`` set, never skipped.
    """
    fields = fields or FieldMap()
    first_seen: dict[str, str] = {}
    for source in iter_input_files(inputs):
        if source == STDIN:
            articles = read_jsonl_stream(stdin or sys.stdin.buffer, fields, name="<stdin>")
        else:
            assert not isinstance(source, str)
            if not _exists(source):
                articles = iter(
                    [
                        Article(
                            stem(source),
                            "",
                            origin=str(source),
                            error=Errors.E021.format(path=source),
                        )
                    ]
                )
            else:
                articles = read_file(source, fields)
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
