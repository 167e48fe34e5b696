"""extract tables: the data dictionary."""

from __future__ import annotations

import typer

from extract.cli._app import app
from extract.tables.schema import markdown_dictionary


@app.command("tables")
def tables_cli() -> None:
    """Print the data dictionary of every output table as Markdown (docs/tables.md)."""
    typer.echo(markdown_dictionary())
