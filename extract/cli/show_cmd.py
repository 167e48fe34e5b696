"""extract show: the facts of one article, as tables in the terminal."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer
from rich.table import Table

from extract.cli._app import app, fail, stdout
from extract.cli._options import ModelOption, ReferenceDateOption
from extract.ingest import read_articles
from extract.pipeline import DEFAULT_MODEL, load_pipeline
from extract.process import process_articles
from extract.report import render_article
from extract.report.values import FACT_HEADERS, fact_cells
from extract.settings import RunSettings, SettingsError, parse_reference_date
from extract.tables.schema import MENTION_TABLES, TABLES

_HIDDEN = {"doc_id", "mention_id", "end_char"}


@app.command("show")
def show_cli(
    file: Annotated[
        Path, typer.Argument(metavar="FILE", exists=True, dir_okay=False, help="One article file.")
    ],
    model: ModelOption = DEFAULT_MODEL,
    reference_date: ReferenceDateOption = None,
    html: Annotated[
        Path | None,
        typer.Option(
            dir_okay=False,
            help="Write the article as a self-contained HTML page (highlights, values, facts).",
        ),
    ] = None,
) -> None:
    """Print the facts of one article (the first record of FILE) as readable tables, or write
    them as an HTML page with --html.
    """
    try:
        settings = RunSettings(model=model, reference_date=parse_reference_date(reference_date))
    except SettingsError as error:
        raise fail(str(error)) from None
    article = next(iter(read_articles([file])), None)
    if article is None:
        raise fail(f"no article in {file}")
    result = next(process_articles([article], load_pipeline(model), settings))
    document = result.document
    if html is not None:
        try:
            html.write_text(render_article(article.text, result.tables, document=document), "utf-8")
        except OSError as error:
            raise fail(f"cannot write {html}: {error.strerror or error}") from None
        stdout.print(f"wrote {html}")
        return
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
        table = Table(title=f"{name} ({len(rows)})", title_justify="left")
        if name == "facts":
            for header in FACT_HEADERS:
                table.add_column(header, overflow="fold")
            for row in rows:
                table.add_row(*fact_cells(row, article.text))
            stdout.print(table)
            continue
        columns = [c for c in TABLES[name].column_names if c not in _HIDDEN]
        for column in columns:
            table.add_column(column, overflow="fold")
        for row in rows:
            table.add_row(*("" if row.get(c) is None else str(row.get(c)) for c in columns))
        stdout.print(table)
