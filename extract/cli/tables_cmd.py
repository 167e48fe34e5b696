"""extract tables: the data dictionary."""

from __future__ import annotations

from extract.cli._app import app, stdout
from extract.tables.schema import markdown_dictionary


@app.command("tables")
def tables_cli() -> None:
    """Print the data dictionary of every output table as Markdown."""
    stdout.print(markdown_dictionary(), markup=False, highlight=False)
