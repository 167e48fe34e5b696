"""Sharded, atomic table writers: Parquet, CSV, JSONL (and DuckDB, built from Parquet shards).

Layout of a run folder (see docs/scaling.md)::

    out/<table>/part-000000.parquet   one file per shard, numbered in input order
    out/_shards/part-000000.json      completion marker of a shard, written after its tables
    out/manifest.json                 the run manifest (status: running, complete or failed)
    out/tables.duckdb                 with --format duckdb only

Every file is written to a hidden temporary name (``.part-000000.parquet.partial``), then
renamed into place, so a file that exists under its final name is complete. Readers that list a
table folder (pandas, pyarrow, DuckDB ``*.parquet``, R arrow) skip hidden and ``.partial`` files.
An fsspec URL as output folder (extract/storage.py) has no atomic rename: each file is written
to a local temporary file, then uploaded under its final name (object stores show an upload
whole or not at all).
"""

from __future__ import annotations

import errno
import io
import json
import os
import tempfile
from collections.abc import Iterator
from decimal import Decimal
from enum import StrEnum
from pathlib import Path
from typing import IO, Any

import pyarrow as pa
import pyarrow.csv as pa_csv
import pyarrow.parquet as pq

from extract.normalize.numbers import decimal_text
from extract.storage import AnyPath, RemotePath
from extract.tables.schema import TABLES
from extract.tables.spreadsheet import neutralise_table, restore_table

MANIFEST = "manifest.json"
PARTIAL = ".partial"
SHARDS_DIR = "_shards"
DUCKDB_FILE = "tables.duckdb"
SHARD_DIGITS = 6  # lexicographic order of part names == input order up to 10^6 shards


class OutputFormat(StrEnum):
    PARQUET = "parquet"
    CSV = "csv"
    JSONL = "jsonl"
    DUCKDB = "duckdb"

    @property
    def shard_suffix(self) -> str:
        """Suffix of the shard files: DuckDB runs keep Parquet shards and build the database
        file from them at the end."""
        return "parquet" if self is OutputFormat.DUCKDB else self.value


class WriteError(OSError):
    """A table file could not be written; the message says which and why."""


def part_name(index: int, suffix: str) -> str:
    return f"part-{index:0{SHARD_DIGITS}d}.{suffix}"


def shard_index(path: AnyPath) -> int | None:
    """The shard number of a part or marker file name, or None for other files."""
    name = path.name
    if not name.startswith("part-"):
        return None
    digits = name[5:].split(".", 1)[0]
    return int(digits) if digits.isdigit() else None


def table_dir(out_dir: AnyPath, table: str) -> AnyPath:
    return out_dir / table


def table_parts(out_dir: AnyPath, table: str, fmt: OutputFormat) -> list[AnyPath]:
    """The complete part files of ``table``, in input order."""
    folder = table_dir(out_dir, table)
    if not folder.is_dir():
        return []
    suffix = "." + fmt.shard_suffix
    parts = [p for p in folder.iterdir() if p.name.startswith("part-") and p.name.endswith(suffix)]
    return sorted(parts, key=lambda p: p.name)


def _lists_as_json(batch: pa.Table) -> pa.Table:
    """CSV has no list type: list columns are written as JSON arrays; decimals as exact
    decimal strings without exponent or padding zeros ('19654000000', '0.34')."""
    for index, field in enumerate(batch.schema):
        if pa.types.is_list(field.type):
            values = [None if v is None else json.dumps(v) for v in batch.column(index).to_pylist()]
            batch = batch.set_column(index, field.name, pa.array(values, pa.string()))
        elif pa.types.is_decimal(field.type):
            values = [decimal_text(v) for v in batch.column(index).to_pylist()]
            batch = batch.set_column(index, field.name, pa.array(values, pa.string()))
    return batch


def _csv_type(type_: pa.DataType) -> pa.DataType:
    return pa.string() if pa.types.is_list(type_) else type_


def _json_type(type_: pa.DataType) -> pa.DataType:
    return pa.string() if pa.types.is_date(type_) or pa.types.is_decimal(type_) else type_


def _lists_from_json(batch: pa.Table, schema: pa.Schema) -> pa.Table:
    """The list columns that CSV holds as JSON arrays, as lists again."""
    for index, field in enumerate(schema):
        if pa.types.is_list(field.type):
            values = [None if v is None else json.loads(v) for v in batch.column(index).to_pylist()]
            batch = batch.set_column(index, field, pa.array(values, field.type))
    return batch


def _json_default(value: Any) -> Any:
    if isinstance(value, Decimal):
        return decimal_text(value)  # a string: JSON numbers are read back as floats
    return value.isoformat() if hasattr(value, "isoformat") else str(value)


def _write_parquet(table: pa.Table, path: Path) -> None:
    pq.write_table(table, path, compression="zstd")


def _write_csv(table: pa.Table, path: Path, *, raw: bool = False) -> None:
    # A header in every part, so each part (and DuckDB's read_csv over the folder) stands alone.
    # Text cells that a spreadsheet would run as formulas are neutralised unless ``raw``.
    pa_csv.write_csv(_lists_as_json(table if raw else neutralise_table(table)), path)


def csv_is_neutralised(out_dir: AnyPath) -> bool:
    """Whether the CSV tables in ``out_dir`` have neutralised text cells (extract/tables/
    spreadsheet.py): yes unless the manifest says the run was written with ``--csv-raw``, or it
    predates neutralisation (its options do not mention ``csv_raw``)."""
    path = out_dir / MANIFEST
    try:
        options = json.loads(path.read_text(encoding="utf-8")).get("options", {})
    except (OSError, ValueError, AttributeError):
        return True
    return options.get("csv_raw", True) is False


def _write_jsonl(table: pa.Table, path: Path) -> None:
    with path.open("w", encoding="utf-8") as handle:
        for row in table.to_pylist():
            handle.write(json.dumps(row, ensure_ascii=False, default=_json_default) + "\n")


_WRITE = {"parquet": _write_parquet, "csv": _write_csv, "jsonl": _write_jsonl}


def describe_os_error(error: OSError, path: AnyPath) -> str:
    if error.errno == errno.ENOSPC:
        return f"disk full while writing {path}"
    if error.errno in (errno.EACCES, errno.EPERM, errno.EROFS):
        return f"permission denied writing {path}"
    return f"cannot write {path}: {error.strerror or error}"


def atomic_write(path: AnyPath, write: Any) -> None:
    """Call ``write(temporary_path)`` then rename the result to ``path``; on failure remove the
    temporary file and raise WriteError with a readable message."""
    if isinstance(path, RemotePath):
        _write_then_upload(path, write)
        return
    partial = path.with_name("." + path.name + PARTIAL)
    try:
        write(partial)
        os.replace(partial, path)
    except OSError as error:
        partial.unlink(missing_ok=True)
        raise WriteError(describe_os_error(error, path)) from error


def _write_then_upload(path: RemotePath, write: Any) -> None:
    with tempfile.TemporaryDirectory(prefix="extract-upload-") as folder:
        local = Path(folder) / path.name
        try:
            write(local)
        except OSError as error:
            raise WriteError(describe_os_error(error, local)) from error
        try:
            path.upload(local)
        except OSError as error:
            raise WriteError(describe_os_error(error, path)) from error


def write_table_part(
    out_dir: AnyPath,
    table: str,
    index: int,
    data: pa.Table,
    fmt: OutputFormat,
    *,
    csv_raw: bool = False,
) -> AnyPath:
    """Write one shard of ``table`` atomically; returns its final path. CSV text cells are
    neutralised for spreadsheets unless ``csv_raw``."""
    folder = table_dir(out_dir, table)
    folder.mkdir(exist_ok=True)
    suffix = fmt.shard_suffix
    path = folder / part_name(index, suffix)
    if suffix == "csv":
        atomic_write(path, lambda target: _write_csv(data, target, raw=csv_raw))
    else:
        atomic_write(path, lambda target: _WRITE[suffix](data, target))
    return path


def write_json(path: AnyPath, payload: dict[str, Any]) -> None:
    text = json.dumps(payload, indent=1, ensure_ascii=False, default=_json_default) + "\n"
    atomic_write(path, lambda target: target.write_text(text, encoding="utf-8"))


def _readable(part: AnyPath) -> Path | pa.BufferReader:
    """A local part as is; a remote part (one shard: small) fetched whole, read from memory."""
    return pa.BufferReader(part.read_bytes()) if isinstance(part, RemotePath) else part


def read_table_parts(
    out_dir: AnyPath, table: str, fmt: OutputFormat, columns: list[str] | None = None
) -> Iterator[pa.Table]:
    """Each part of ``table`` as an Arrow table with the declared types, in input order (CSV
    text cells read back to their original text)."""
    schema = TABLES[table].arrow_schema()
    wanted = columns or schema.names
    restore = fmt.shard_suffix == "csv" and csv_is_neutralised(out_dir)
    for part in table_parts(out_dir, table, fmt):
        suffix = fmt.shard_suffix
        if suffix == "parquet":
            yield pq.read_table(_readable(part), columns=wanted)
        elif suffix == "csv":
            types = {name: _csv_type(schema.field(name).type) for name in wanted}
            options = pa_csv.ConvertOptions(
                column_types=types, include_columns=wanted, strings_can_be_null=True
            )
            data = pa_csv.read_csv(_readable(part), convert_options=options)
            data = _lists_from_json(data, pa.schema([schema.field(name) for name in wanted]))
            yield restore_table(data) if restore else data
        else:
            handle: IO[str] = (
                io.StringIO(part.read_text(), newline="\n")
                if isinstance(part, RemotePath)
                else part.open(encoding="utf-8")
            )
            with handle:
                rows = [json.loads(line) for line in handle if line.strip()]
            declared = pa.schema([schema.field(name) for name in wanted])
            # JSON holds dates and decimals as strings: read them as strings, then cast.
            as_json = pa.schema([(f.name, _json_type(f.type)) for f in declared])
            data = pa.Table.from_pylist(
                [{name: row.get(name) for name in wanted} for row in rows], schema=as_json
            )
            yield data.cast(declared)


def write_duckdb(out_dir: AnyPath, tables: list[str]) -> AnyPath:
    """Build ``tables.duckdb`` with every table from the Parquet shards (atomically). With a
    remote ``out_dir`` the database is built in a local temporary folder, reading the shards
    through fsspec, then uploaded."""
    import duckdb

    path = out_dir / DUCKDB_FILE

    def build(target: Path) -> None:
        target.unlink(missing_ok=True)
        connection = duckdb.connect(str(target))
        if isinstance(out_dir, RemotePath):
            connection.register_filesystem(out_dir.fs)
        try:
            for table in tables:
                glob = str(table_dir(out_dir, table) / "part-*.parquet")
                connection.execute(
                    f'CREATE TABLE "{table}" AS SELECT * FROM read_parquet(?)', [glob]
                )
        finally:
            connection.close()
        Path(str(target) + ".wal").unlink(missing_ok=True)

    atomic_write(path, build)
    return path
