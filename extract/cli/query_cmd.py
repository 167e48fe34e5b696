"""extract query: SQL over a run's tables (DuckDB views over the shards)."""

from __future__ import annotations

import csv
import sys
from typing import Annotated, Any

import typer
from rich.table import Table

from extract.cli._app import app, fail, stderr, stdout
from extract.run import RunError, output_tables, read_manifest
from extract.storage import AnyPath, RemotePath, StorageError, as_path
from extract.tables.schema import TABLES
from extract.tables.spreadsheet import PREFIX, is_text, neutralise_value
from extract.tables.writers import csv_is_neutralised


class QueryError(ValueError):
    pass


def connect(out_dir: str | AnyPath) -> Any:
    """An in-memory DuckDB connection with one view per table of the run in ``out_dir`` (a
    folder or an fsspec URL: DuckDB then reads the parts through fsspec)."""
    import duckdb

    try:
        folder = as_path(out_dir)
        tables = output_tables(folder)
    except (StorageError, OSError) as error:
        raise QueryError(str(error)) from error
    if not tables:
        raise QueryError(f"{out_dir} holds no tables of a run")
    connection = duckdb.connect()
    if isinstance(folder, RemotePath):
        connection.register_filesystem(folder.fs)
    neutralised = csv_is_neutralised(folder)
    for name, (suffix, parts) in tables.items():
        glob = _quote(str(parts[0].parent / f"part-*.{suffix}"))
        # Views cannot hold parameters: the glob is inlined, quoted. CSV and JSONL get the
        # declared column types, so every format gives the same view (and empty parts work).
        if suffix == "parquet":
            source = f"read_parquet({glob})"
        elif suffix == "csv":
            source = (
                f"read_csv({glob}, header = true, columns = {_columns(name, lists_as_text=True)})"
            )
        else:
            source = f"read_json({glob}, format = 'newline_delimited', columns = {_columns(name)})"
        select = _restoring_select(name) if suffix == "csv" and neutralised else "*"
        connection.execute(f'CREATE VIEW "{name}" AS SELECT {select} FROM {source}')
    return connection


def _restoring_select(table: str) -> str:
    """A select list giving the original text of neutralised CSV cells (one leading apostrophe
    dropped: extract/tables/spreadsheet.py)."""
    prefix = _quote(PREFIX)
    items = []
    for column in TABLES[table].columns:
        name = '"' + column.name.replace('"', '""') + '"'
        if is_text(column.type):
            items.append(
                f"CASE WHEN starts_with({name}, {prefix}) THEN substr({name}, 2) ELSE {name} END"
                f" AS {name}"
            )
        else:
            items.append(name)
    return ", ".join(items)


def _quote(text: str) -> str:
    return "'" + text.replace("'", "''") + "'"


def _columns(table: str, *, lists_as_text: bool = False) -> str:
    """A DuckDB ``columns`` struct literal for ``table``'s declared schema."""
    import pyarrow as pa

    def duck_type(type_: pa.DataType) -> str:
        if pa.types.is_list(type_):
            return "VARCHAR" if lists_as_text else duck_type(type_.value_type) + "[]"
        if pa.types.is_boolean(type_):
            return "BOOLEAN"
        if pa.types.is_integer(type_):
            return "BIGINT"
        if pa.types.is_floating(type_):
            return "DOUBLE"
        if pa.types.is_date(type_):
            return "DATE"
        return "VARCHAR"

    fields = ", ".join(
        f"{_quote(column.name)}: {_quote(duck_type(column.type))}"
        for column in TABLES[table].columns
    )
    return "{" + fields + "}"


def query(out_dir: str | AnyPath, sql: str) -> tuple[list[str], list[tuple[Any, ...]]]:
    """Column names and rows of ``sql`` run over the tables in ``out_dir``."""
    import duckdb

    connection = connect(out_dir)
    try:
        result = connection.execute(sql)
        columns = [column[0] for column in result.description or []]
        return columns, result.fetchall()
    except duckdb.Error as error:
        raise QueryError(str(error)) from error
    finally:
        connection.close()


def _text(value: Any) -> str:
    if value is None:
        return ""
    return value.isoformat() if hasattr(value, "isoformat") else str(value)


@app.command("query")
def query_cli(
    out_dir: Annotated[
        str,
        typer.Argument(
            help="Output folder of an extract run (or its fsspec URL).", show_default=False
        ),
    ],
    sql: Annotated[
        str,
        typer.Argument(
            help='SQL over the tables, e.g. "SELECT name, count(*) FROM persons GROUP BY 1".',
            show_default=False,
        ),
    ],
    as_csv: Annotated[bool, typer.Option("--csv", help="Print CSV instead of a table.")] = False,
    csv_raw: Annotated[
        bool,
        typer.Option(
            "--csv-raw",
            help="With --csv: text exactly as stored, without neutralising cells that "
            "spreadsheets would run as formulas (=, +, -, @...).",
        ),
    ] = False,
) -> None:
    """Run SQL over a run's tables (each table is a view named after it)."""
    try:
        folder = as_path(out_dir)
        if not folder.is_dir():
            raise fail(f"no such folder: {out_dir}")
    except (StorageError, OSError) as error:
        raise fail(str(error)) from None
    try:
        manifest = read_manifest(folder)
    except RunError:
        manifest = None
    if manifest is not None and manifest.get("status") != "complete":
        stderr.print(
            f"[yellow]warning:[/] the run in {out_dir} is {manifest.get('status')}: tables are partial",
            highlight=False,
        )
    try:
        columns, rows = query(folder, sql)
    except QueryError as error:
        raise fail(str(error)) from None
    if as_csv:
        writer = csv.writer(sys.stdout, lineterminator="\n")
        writer.writerow(columns)
        for row in rows:
            values = row if csv_raw else [neutralise_value(value) for value in row]
            writer.writerow([_text(value) for value in values])
        return
    table = Table(title_justify="left")
    for column in columns:
        table.add_column(column, overflow="fold")
    for row in rows:
        table.add_row(*(_text(value) for value in row))
    stdout.print(table)
    stderr.print(f"{len(rows)} rows", highlight=False)
