"""extract run: articles in, tables out."""

from __future__ import annotations

import os
from typing import Annotated

import typer
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn

from extract.cli._app import app, fail, stderr
from extract.engines import ENGINES
from extract.engines.loader import PipelineSpec, get_pipeline, model_is_available
from extract.errors import Errors
from extract.ingest import FieldMap
from extract.pipeline import DEFAULT_MODEL
from extract.run import DEFAULT_SHARD_SIZE, RunError, run
from extract.settings import RunSettings, SettingsError, parse_reference_date
from extract.storage import RemotePath, StorageError, as_path, input_problem, is_url
from extract.tables.writers import OutputFormat


@app.command("run")
def run_cli(
    inputs: Annotated[
        list[str],
        typer.Argument(
            help="Files (.txt, .jsonl, .csv, .html, optionally .gz), folders, fsspec URLs "
            "(s3://bucket/news/, gs://..., https://...; globs allowed), or - for JSONL on stdin.",
            show_default=False,
        ),
    ],
    out: Annotated[
        str,
        typer.Option("--out", "-o", help="Folder for the tables: a path or an fsspec URL."),
    ] = "out",
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
    text_field: Annotated[
        str | None, typer.Option(help="JSONL/CSV field holding the text.")
    ] = None,
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
    resume: Annotated[
        bool,
        typer.Option(help="Continue an interrupted run in --out: finished shards are kept."),
    ] = False,
    workers: Annotated[
        int | None,
        typer.Option(min=1, help="Worker processes (default: all cores).", show_default=False),
    ] = None,
    engine: Annotated[
        str, typer.Option(help=f"Where shards run: {' or '.join(ENGINES)}.")
    ] = "local",
    scheduler: Annotated[
        str | None,
        typer.Option(help="Dask scheduler address (tcp://host:8786); none: a local Dask cluster."),
    ] = None,
    shard_size: Annotated[
        int, typer.Option(min=1, help="Articles per output shard (the unit of work and of resume).")
    ] = DEFAULT_SHARD_SIZE,
    progress: Annotated[
        bool | None, typer.Option(help="Show a progress bar (default: when stderr is a terminal).")
    ] = None,
    texts: Annotated[
        bool, typer.Option(help="Write the texts table (the text mention offsets point into).")
    ] = True,
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
        local = item
        if is_url(item):
            try:
                source = as_path(item)
            except StorageError as error:
                raise fail(str(error)) from None
            if isinstance(source, RemotePath):
                problem = input_problem(source)
                if problem:
                    raise fail(problem)
                continue
            local = str(source)  # a file:// URL: a local path
        if local != "-" and not os.path.exists(local):
            raise fail(f"input not found: {item}")
        if local != "-" and not os.access(local, os.R_OK):
            raise fail(f"permission denied: cannot read {item}")
    if is_url(out):
        try:
            as_path(out)  # the backend is installed: checked before the model loads
        except StorageError as error:
            raise fail(str(error)) from None
    if engine not in ENGINES:
        raise fail(f"unknown --engine '{engine}': use {' or '.join(ENGINES)}")
    if scheduler and engine != "dask":
        raise fail("--scheduler needs --engine dask")
    if overwrite and resume:
        raise fail("--overwrite and --resume exclude each other")
    n_workers = workers or os.cpu_count() or 1
    settings = RunSettings(
        model=model,
        reference_date=reference,
        home_country=home,
        batch_size=batch_size,
        max_chars=max_chars,
        texts=texts,
    )
    fields = FieldMap.with_overrides(
        id_field=id_field, text_field=text_field, date_field=date_field
    )
    # Worker processes load the model themselves; this process loads it only to run alone.
    nlp = None
    if engine == "local" and n_workers == 1:
        try:
            nlp = get_pipeline(PipelineSpec(model))
        except ValueError as error:
            raise fail(str(error)) from None
    elif not model_is_available(model):
        raise fail(Errors.E024.format(model=model))
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

        def advance(n_articles: int) -> None:
            bar.advance(task, n_articles)
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
                resume=resume,
                workers=n_workers,
                engine=engine,
                scheduler=scheduler,
                shard_size=shard_size,
                on_progress=advance,
                stderr=None,
            )
        except RunError as error:
            raise fail(str(error)) from None
        except KeyboardInterrupt:
            stderr.print(
                f"interrupted: finished shards are kept; continue with --resume --out {out}"
            )
            raise typer.Exit(code=130) from None
        except OSError as error:
            raise fail(
                str(error) if error.errno is None else f"{out}: {error.strerror or error}"
            ) from None
    stderr.print(summary.line(), highlight=False)
    if summary.unreadable_inputs:
        raise fail(
            f"{summary.unreadable_inputs} input file(s) could not be read (see the error rows)"
        )
