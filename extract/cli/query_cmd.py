"""extract query: SQL over a run's tables, a thin shell over extract/query.py."""

from __future__ import annotations

import csv
import sys
from typing import Annotated, Any

import typer
from rich.table import Table

from extract.cli._app import app, fail, stderr, stdout
from extract.cli._options import RunFolderArgument
from extract.errors import plural
from extract.query import QueryError, query
from extract.run import RunError, read_manifest
from extract.storage import AnyPath, StorageError, as_path
from extract.tables.spreadsheet import neutralise_value

QUERY_EPILOG = (
    "Only SELECT (and EXPLAIN) over the run's tables runs: no other file, URL, COPY, ATTACH, "
    "extension or SET (docs/security.md). --unsafe gives full DuckDB."
)


def _text(value: Any) -> str:
    if value is None:
        return ""
    return value.isoformat() if hasattr(value, "isoformat") else str(value)


@app.command("query", epilog=QUERY_EPILOG)
def query_cli(
    out_dir: RunFolderArgument,
    sql: Annotated[
        str,
        typer.Argument(
            metavar="SQL",
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
    unsafe: Annotated[
        bool,
        typer.Option(
            "--unsafe",
            help="Full DuckDB: any statement, file, URL or extension (as a DuckDB shell).",
        ),
    ] = False,
) -> None:
    """Run SQL over a run's tables (each table is a view named after it)."""
    folder = _run_folder(out_dir)
    try:
        columns, rows = query(folder, sql, unsafe=unsafe)
    except QueryError as error:
        raise fail(str(error)) from None
    if as_csv:
        _print_csv(columns, rows, raw=csv_raw)
        return
    table = Table(title_justify="left")
    for column in columns:
        table.add_column(column, overflow="fold")
    for row in rows:
        table.add_row(*(_text(value) for value in row))
    stdout.print(table)
    stderr.print(plural(len(rows), "row"), highlight=False)


def _run_folder(out_dir: str) -> AnyPath:
    """The run's folder, with a warning on stderr when the run did not complete."""
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
    return folder


def _print_csv(columns: list[str], rows: list[tuple[Any, ...]], *, raw: bool) -> None:
    writer = csv.writer(sys.stdout, lineterminator="\n")
    writer.writerow(columns)
    for row in rows:
        values = row if raw else [neutralise_value(value) for value in row]
        writer.writerow([_text(value) for value in values])
