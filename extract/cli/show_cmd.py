"""extract show: the facts of one article, as tables in the terminal."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer
from rich.table import Table

from extract.cli._app import app, fail, stdout
from extract.ingest import read_articles
from extract.pipeline import DEFAULT_MODEL, load_pipeline
from extract.process import process_articles
from extract.settings import RunSettings, SettingsError, parse_reference_date
from extract.tables.schema import MENTION_TABLES, TABLES

_HIDDEN = {"doc_id", "mention_id", "end_char"}


@app.command("show")
def show_cli(
    file: Annotated[Path, typer.Argument(exists=True, dir_okay=False, help="One article file.")],
    model: Annotated[str, typer.Option(help="spaCy English pipeline.")] = DEFAULT_MODEL,
    reference_date: Annotated[
        str | None, typer.Option(help="Date for relative dates when the article has none.")
    ] = None,
) -> None:
    """Print the facts of one article (the first record of FILE) as readable tables."""
    try:
        settings = RunSettings(model=model, reference_date=parse_reference_date(reference_date))
    except SettingsError as error:
        raise fail(str(error)) from None
    article = next(iter(read_articles([file])), None)
    if article is None:
        raise fail(f"no article in {file}")
    result = next(process_articles([article], load_pipeline(model), settings))
    document = result.document
    stdout.print(
        f"[bold]{document['doc_id']}[/]  status={document['status']}  "
        f"reference_date={document['reference_date']} ({document['reference_date_source']})"
    )
    if document["error"]:
        stdout.print(f"[yellow]{document['error']}[/]")
    for name in (*MENTION_TABLES, "facts"):
        rows = result.tables.get(name, [])
        if not rows:
            continue
        columns = [c for c in TABLES[name].column_names if c not in _HIDDEN]
        table = Table(title=f"{name} ({len(rows)})", title_justify="left")
        for column in columns:
            table.add_column(column, overflow="fold")
        for row in rows:
            table.add_row(*("" if row.get(c) is None else str(row.get(c)) for c in columns))
        stdout.print(table)
