"""Parquet input: a dataset file read one row group at a time, never whole.

Only the columns the field map names are read. Each row becomes an Article through the same
field mapping as JSONL and CSV (extract/ingest/fields.py); a missing column gives every row a
coded error row, and a file pyarrow cannot open (truncated, not Parquet) is one error row.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from dataclasses import fields as dataclass_fields
from typing import Any

import pyarrow as pa
import pyarrow.parquet as pq

from extract.errors import Errors
from extract.ingest.fields import FieldMap, article_from_record
from extract.ingest.walk import InputFile
from extract.storage import RemotePath
from extract.types import Article

PARQUET_ERRORS = (OSError, EOFError, pa.ArrowException)


def _wanted_columns(fields: FieldMap, names: list[str]) -> list[str]:
    mapped = {name for field in dataclass_fields(fields) for name in getattr(fields, field.name)}
    return [name for name in names if name in mapped]


def _plain(value: Any) -> Any:
    """Dates and times as ISO 8601 text, like the other inputs give them."""
    if isinstance(value, (dt.datetime, dt.date)):
        return value.isoformat()
    return value


def _open(source: InputFile) -> Any:
    path = source.path
    if isinstance(path, RemotePath):
        return path.fs.open(path.path, "rb")
    return open(path, "rb")  # noqa: SIM115 - closed by read_parquet_file


def read_parquet_file(source: InputFile, fields: FieldMap) -> Iterator[Article]:
    """Rows of a Parquet file, one row group in memory at a time."""
    path = source.path
    try:
        handle = _open(source)
    except PARQUET_ERRORS as error:
        yield Article(
            source.name, "", origin=str(path), error=Errors.E010.format(path=path, detail=error)
        )
        return
    with handle:
        try:
            parquet = pq.ParquetFile(handle)
            columns = _wanted_columns(fields, parquet.schema_arrow.names)
        except PARQUET_ERRORS as error:
            detail = Errors.E010.format(path=path, detail=error)
            yield Article(source.name, "", origin=str(path), error=detail)
            return
        row = 0
        for group in range(parquet.num_row_groups):
            try:
                records = parquet.read_row_group(group, columns=columns).to_pylist()
            except PARQUET_ERRORS as error:
                detail = Errors.E010.format(path=f"{path} row group {group}", detail=error)
                yield Article(
                    f"{source.label}#G{group}", "", origin=f"{path}:group{group}", error=detail
                )
                row += parquet.metadata.row_group(group).num_rows
                continue
            for record in records:
                row += 1
                plain = {name: _plain(value) for name, value in record.items()}
                yield article_from_record(
                    plain, fields, origin=f"{path}:row{row}", fallback_id=f"{source.label}#R{row}"
                )
