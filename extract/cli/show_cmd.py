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
# The facts table is wide: show one readable line per fact (the full rows are in `extract run`).
_FACT_HEADERS = (
    "id",
    "type",
    "anchor",
    "predicate",
    "role",
    "subject",
    "object",
    "value",
    "date",
    "countries",
    "places",
    "rule",
    "conf",
)


def fact_cells(row: dict, text: str) -> tuple[str, ...]:
    """One fact as short display strings: anchor from the text, date as a span, countries and
    places with their prepositions."""

    def pairs(values: list | None, preps: list | None) -> str:
        return ", ".join(f"{p} {v}" for v, p in zip(values or [], preps or [], strict=False))

    start, end = row.get("date_start"), row.get("date_end")
    date = "" if start is None and end is None else f"{start or '…'}..{end or '…'}"
    if date and start == end:
        date = str(start)
    if date and row.get("date_link"):
        date += f" ({row['date_link']})"
    value = " ".join(str(v) for v in (row.get("value"), row.get("unit")) if v is not None)
    return tuple(
        "" if cell is None else str(cell)
        for cell in (
            str(row.get("fact_id", "")).rsplit(":", 1)[-1],
            row.get("fact_type"),
            text[row["start_char"] : row["end_char"]],
            ("not " if row.get("negated") else "") + (row.get("predicate") or ""),
            row.get("role"),
            row.get("subject"),
            row.get("object"),
            value,
            date,
            pairs(row.get("country_iso3"), row.get("country_prepositions")),
            pairs(row.get("places"), row.get("place_prepositions")),
            row.get("link_rule"),
            row.get("confidence"),
        )
    )


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
        table = Table(title=f"{name} ({len(rows)})", title_justify="left")
        if name == "facts":
            for header in _FACT_HEADERS:
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
