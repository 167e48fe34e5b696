"""extract run: articles in, tables out."""

from __future__ import annotations

import os
from pathlib import Path
from typing import Annotated

import typer
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn

from extract.cli._app import app, fail, stderr
from extract.ingest import FieldMap
from extract.pipeline import DEFAULT_MODEL, load_pipeline
from extract.run import OutputExistsError, run
from extract.settings import RunSettings, SettingsError, parse_reference_date
from extract.tables.writers import OutputFormat


@app.command("run")
def run_cli(
    inputs: Annotated[
        list[str],
        typer.Argument(
            help="Files (.txt, .jsonl, .csv, .html, optionally .gz), folders, or - for JSONL on stdin.",
            show_default=False,
        ),
    ],
    out: Annotated[Path, typer.Option("--out", "-o", help="Folder for the tables.")] = Path("out"),
    output_format: Annotated[
        OutputFormat, typer.Option("--format", "-f", help="Table file format.")
    ] = OutputFormat.PARQUET,
    model: Annotated[
        str, typer.Option(help="spaCy English pipeline: package name or path.")
    ] = DEFAULT_MODEL,
    reference_date: Annotated[
        str | None,
        typer.Option(help="Date to resolve relative dates against when an article has none."),
    ] = None,
    home_country: Annotated[
        str | None,
        typer.Option(help="Home country (name or ISO code) for 'our country' and bare '$'."),
    ] = None,
    id_field: Annotated[str | None, typer.Option(help="JSONL/CSV field holding the id.")] = None,
    text_field: Annotated[str | None, typer.Option(help="JSONL/CSV field holding the text.")] = None,
    date_field: Annotated[
        str | None, typer.Option(help="JSONL/CSV field holding the publication date.")
    ] = None,
    batch_size: Annotated[int, typer.Option(min=1, help="Articles per nlp.pipe batch.")] = 64,
    max_chars: Annotated[
        int, typer.Option(min=1, help="Longest article processed; longer ones are error rows.")
    ] = 1_000_000,
    overwrite: Annotated[
        bool, typer.Option(help="Replace the tables of an earlier run in --out.")
    ] = False,
    progress: Annotated[
        bool | None, typer.Option(help="Show a progress bar (default: when stderr is a terminal).")
    ] = None,
) -> None:
    """Extract persons, countries, dates, counts and money from articles into tables."""
    from extract.normalize.countries import lookup_country

    try:
        reference = parse_reference_date(reference_date)
    except SettingsError as error:
        raise fail(str(error)) from None
    home = None
    if home_country:
        found = lookup_country(home_country)
        if found is None:
            raise fail(f"unknown --home-country '{home_country}'")
        home = found.iso3
    for item in inputs:
        if item != "-" and not os.path.exists(item):
            raise fail(f"input not found: {item}")
    settings = RunSettings(
        model=model,
        reference_date=reference,
        home_country=home,
        batch_size=batch_size,
        max_chars=max_chars,
    )
    fields = FieldMap.with_overrides(id_field=id_field, text_field=text_field, date_field=date_field)
    try:
        nlp = load_pipeline(model)
    except ValueError as error:
        raise fail(str(error)) from None
    show_progress = stderr.is_terminal if progress is None else progress
    with Progress(
        TextColumn("[bold]extracting"),
        BarColumn(),
        MofNCompleteColumn(),
        TextColumn("{task.fields[rate]} articles/s"),
        TimeElapsedColumn(),
        console=stderr,
        disable=not show_progress,
        transient=True,
    ) as bar:
        task = bar.add_task("extract", total=None, rate="-")

        def advance(_result: object) -> None:
            bar.advance(task)
            elapsed = bar.tasks[0].elapsed or 0
            if elapsed:
                bar.update(task, rate=f"{bar.tasks[0].completed / elapsed:.1f}")

        try:
            summary = run(
                inputs,
                out,
                nlp,
                settings,
                fmt=output_format,
                fields=fields,
                overwrite=overwrite,
                on_result=advance,
                stderr=None,
            )
        except OutputExistsError as error:
            raise fail(str(error)) from None
        except OSError as error:
            raise fail(f"cannot write to {out}: {error}") from None
    stderr.print(summary.line(), highlight=False)
