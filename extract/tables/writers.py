"""Incremental table writers: Parquet, CSV, JSONL. Each table goes to a temporary file that is
renamed into place on ``close()``, so a table that looks complete is complete."""

from __future__ import annotations

import json
import os
from enum import Enum
from pathlib import Path
from typing import Any, Protocol

import pyarrow as pa
import pyarrow.csv as pa_csv
import pyarrow.parquet as pq

from extract.tables.schema import TABLES

PARTIAL = ".partial"


class OutputFormat(str, Enum):
    PARQUET = "parquet"
    CSV = "csv"
    JSONL = "jsonl"


class TableWriter(Protocol):
    path: Path

    def write(self, batch: pa.Table) -> None: ...

    def close(self) -> None: ...


def _lists_as_json(batch: pa.Table) -> pa.Table:
    """CSV has no list type: list columns are written as JSON arrays."""
    for index, field in enumerate(batch.schema):
        if pa.types.is_list(field.type):
            values = [None if v is None else json.dumps(v) for v in batch.column(index).to_pylist()]
            batch = batch.set_column(index, field.name, pa.array(values, pa.string()))
    return batch


def _json_default(value: Any) -> Any:
    return value.isoformat() if hasattr(value, "isoformat") else str(value)


class _FileWriter:
    def __init__(self, path: Path, schema: pa.Schema) -> None:
        self.path = path
        self.schema = schema
        self.partial = path.with_name(path.name + PARTIAL)

    def _finish(self) -> None:
        os.replace(self.partial, self.path)


class ParquetTableWriter(_FileWriter):
    def __init__(self, path: Path, schema: pa.Schema) -> None:
        super().__init__(path, schema)
        self._writer = pq.ParquetWriter(self.partial, schema, compression="zstd")

    def write(self, batch: pa.Table) -> None:
        if batch.num_rows:
            self._writer.write_table(batch)

    def close(self) -> None:
        self._writer.close()
        self._finish()


class CsvTableWriter(_FileWriter):
    def __init__(self, path: Path, schema: pa.Schema) -> None:
        super().__init__(path, schema)
        self._handle = self.partial.open("wb")
        header = ",".join(json.dumps(name) if "," in name else name for name in schema.names)
        self._handle.write((header + "\n").encode())

    def write(self, batch: pa.Table) -> None:
        if batch.num_rows:
            options = pa_csv.WriteOptions(include_header=False)
            pa_csv.write_csv(_lists_as_json(batch), self._handle, write_options=options)

    def close(self) -> None:
        self._handle.close()
        self._finish()


class JsonlTableWriter(_FileWriter):
    def __init__(self, path: Path, schema: pa.Schema) -> None:
        super().__init__(path, schema)
        self._handle = self.partial.open("w", encoding="utf-8")

    def write(self, batch: pa.Table) -> None:
        for row in batch.to_pylist():
            self._handle.write(json.dumps(row, ensure_ascii=False, default=_json_default) + "\n")

    def close(self) -> None:
        self._handle.close()
        self._finish()


_WRITERS: dict[OutputFormat, type[_FileWriter]] = {
    OutputFormat.PARQUET: ParquetTableWriter,
    OutputFormat.CSV: CsvTableWriter,
    OutputFormat.JSONL: JsonlTableWriter,
}


def table_path(out_dir: Path, table: str, fmt: OutputFormat) -> Path:
    return out_dir / f"{table}.{fmt.value}"


def open_writer(out_dir: Path, table: str, fmt: OutputFormat) -> TableWriter:
    writer_class = _WRITERS[fmt]
    writer: TableWriter = writer_class(table_path(out_dir, table, fmt), TABLES[table].arrow_schema())  # type: ignore[call-arg]
    return writer
