"""Reading the tables of a run folder, whatever its layout and format."""

from __future__ import annotations

import json
from collections.abc import Iterable
from pathlib import Path
from typing import Any

import pyarrow as pa
import pyarrow.compute as pc
import pyarrow.csv as pa_csv
import pyarrow.parquet as pq

from extract.tables.schema import TABLES
from extract.tables.spreadsheet import is_text, restore_table
from extract.tables.writers import csv_is_neutralised


class TablesError(ValueError):
    pass


_SUFFIXES = ("parquet", "jsonl", "csv")


def find_table(run_dir: Path, table: str) -> tuple[str, list[Path]] | None:
    """The format and files of ``table`` in ``run_dir``: ``<table>.<suffix>`` or the part files
    ``<table>/*.<suffix>`` (sharded runs), for suffix parquet, jsonl or csv; None when absent."""
    folder = run_dir / table
    for suffix in _SUFFIXES:
        single = run_dir / f"{table}.{suffix}"
        if single.is_file():
            return suffix, [single]
        if folder.is_dir():
            parts = sorted(folder.glob(f"*.{suffix}"))
            if parts:
                return suffix, parts
    return None


def _read_part(path: Path, suffix: str, table: str) -> pa.Table:
    if suffix == "parquet":
        return pq.read_table(path)
    if suffix == "csv":
        # Lists are JSON arrays in CSV: read every column as text, decode per row.
        types = {name: pa.string() for name in TABLES[table].column_names}
        return pa_csv.read_csv(path, convert_options=pa_csv.ConvertOptions(column_types=types))
    with path.open(encoding="utf-8") as handle:
        rows = [json.loads(line) for line in handle if line.strip()]
    return pa.Table.from_pylist(rows, schema=TABLES[table].arrow_schema() if not rows else None)


def _read_arrow(suffix: str, parts: list[Path], table: str) -> pa.Table:
    tables = [_read_part(part, suffix, table) for part in parts]
    if len(tables) == 1:
        return tables[0]
    return pa.concat_tables(tables, promote_options="permissive")


def _decode_csv_row(row: dict[str, Any], table: str) -> dict[str, Any]:
    schema = TABLES[table].arrow_schema()
    for field in schema:
        value = row.get(field.name)
        if value is None or value == "":
            row[field.name] = None
        elif pa.types.is_list(field.type):
            row[field.name] = json.loads(value)
        elif pa.types.is_integer(field.type):
            row[field.name] = int(value)
        elif pa.types.is_boolean(field.type):
            row[field.name] = value.lower() == "true"
    return row


def read_run_tables(
    run_dir: Path, tables: Iterable[str], doc_ids: Iterable[str]
) -> tuple[dict[str, list[dict[str, Any]]], list[str]]:
    """The rows of ``tables`` in ``run_dir`` for the documents ``doc_ids`` only, and notes on
    tables that are missing."""
    wanted = pa.array(sorted(set(doc_ids)), pa.string())
    found: dict[str, list[dict[str, Any]]] = {}
    notes: list[str] = []
    for table in tables:
        located = find_table(run_dir, table)
        if located is None:
            notes.append(f"{table}: no table in {run_dir}: every gold row is a miss")
            found[table] = []
            continue
        suffix, parts = located
        try:
            arrow = _read_arrow(suffix, parts, table)
        except (OSError, pa.ArrowException, json.JSONDecodeError) as error:
            raise TablesError(f"cannot read {table} in {run_dir}: {error}") from None
        if suffix == "csv" and csv_is_neutralised(run_dir):
            text_columns = [c.name for c in TABLES[table].columns if is_text(c.type)]
            arrow = restore_table(arrow, text_columns)
        if "doc_id" not in arrow.column_names:
            raise TablesError(f"{table} in {run_dir}: no doc_id column")
        doc_column = pc.cast(arrow.column("doc_id"), pa.string())
        arrow = arrow.filter(pc.is_in(doc_column, value_set=wanted))
        rows = arrow.to_pylist()
        if suffix == "csv":
            rows = [_decode_csv_row(row, table) for row in rows]
        for row in rows:
            row["doc_id"] = str(row["doc_id"])
        found[table] = [row for row in rows if row.get("start_char") is not None]
    return found, notes
