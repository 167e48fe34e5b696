"""extract run: articles in, tables out.

A thin shell over extract.api: each option is declared once as an ``Annotated`` alias below and
named once in ``run_cli``'s signature; ``run_cli`` hands every option except the display ones
to ``plan_run`` (by name), which checks them. To add an option: an alias, a parameter, and the
keyword in ``plan_run``.
"""

from __future__ import annotations

from typing import Annotated, Any

import typer
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn

from extract.api import RunRequest, plan_run, run_request
from extract.cli._app import ExitStatus, app, fail, stderr
from extract.cli._options import OUT_HELP, ModelOption, ReferenceDateOption
from extract.engines import ENGINES
from extract.errors import plural
from extract.ingest.count import count_records
from extract.pipeline import DEFAULT_MODEL
from extract.run import DEFAULT_SHARD_SIZE, RunError, RunSummary
from extract.settings import DEFAULT_MAX_CHARS, SettingsError
from extract.tables.writers import OutputFormat

InputsArgument = Annotated[
    list[str],
    typer.Argument(
        metavar="INPUT",
        help="Files (.txt, .jsonl, .csv, .html, .warc, .arc; optionally .gz, .bz2, .xz, .zst; "
        ".parquet, uncompressed), folders, "
        "fsspec URLs (s3://bucket/news/, gs://..., https://...; globs allowed), or - for JSONL "
        "on stdin. A .txt/.html file found in a folder gets its path in the folder as id, "
        "with / separators and no suffixes (business/001); a file named directly, its stem.",
        show_default=False,
    ),
]
OutOption = Annotated[str, typer.Option("--out", "-o", help=OUT_HELP, metavar="OUT_DIR")]
FormatOption = Annotated[OutputFormat, typer.Option("--format", "-f", help="Table file format.")]
HomeCountryOption = Annotated[
    str | None,
    typer.Option(
        help="Home country (name or ISO code) for 'our country' and bare '$'.", metavar="COUNTRY"
    ),
]
IdFieldOption = Annotated[
    str | None,
    typer.Option(
        help="JSONL, CSV or Parquet field (column) holding the id. Other inputs: a .txt/.html "
        "file's id is its path (above), a WARC record's its WARC-Record-ID.",
        metavar="FIELD",
    ),
]
TextFieldOption = Annotated[
    str | None,
    typer.Option(help="JSONL, CSV or Parquet field (column) holding the text.", metavar="FIELD"),
]
DateFieldOption = Annotated[
    str | None,
    typer.Option(
        help="JSONL, CSV or Parquet field (column) holding the publication date.", metavar="FIELD"
    ),
]
BatchSizeOption = Annotated[int, typer.Option(min=1, help="Articles per nlp.pipe batch.")]
MaxCharsOption = Annotated[
    int, typer.Option(min=1, help="Longest article processed; longer ones are error rows.")
]
OverwriteOption = Annotated[
    bool, typer.Option("--overwrite", help="Replace the tables of an earlier run in --out.")
]
ResumeOption = Annotated[
    bool,
    typer.Option(
        "--resume", help="Continue an interrupted run in --out: finished shards are kept."
    ),
]
WorkersOption = Annotated[
    int | None,
    typer.Option(min=1, help="Worker processes (default: all cores).", show_default=False),
]
EngineOption = Annotated[str, typer.Option(help=f"Where shards run: {' or '.join(ENGINES)}.")]
SchedulerOption = Annotated[
    str | None,
    typer.Option(
        help="Dask scheduler address (tcp://host:8786); none: a local Dask cluster.",
        metavar="ADDRESS",
    ),
]
ShardSizeOption = Annotated[
    int, typer.Option(min=1, help="Articles per output shard (the unit of work and of resume).")
]
ProgressOption = Annotated[
    bool | None,
    typer.Option(
        "--progress/--no-progress",
        help="Show a progress bar (default: when stderr is a terminal).",
        show_default=False,
    ),
]
TextsOption = Annotated[
    bool,
    typer.Option(
        "--texts/--no-texts", help="Write the texts table (the text mention offsets point into)."
    ),
]
CsvRawOption = Annotated[
    bool,
    typer.Option(
        "--csv-raw",
        help="With --format csv: text exactly as extracted, without neutralising cells that "
        "spreadsheets would run as formulas (=, +, -, @...; see docs/security.md).",
    ),
]
EncodingOption = Annotated[
    str | None,
    typer.Option(
        help="Encoding of .txt and .csv inputs (cp1252, latin-1...); default: UTF-8, else "
        "detected (docs/ingest.md). JSONL is always UTF-8.",
        metavar="NAME",
        show_default=False,
    ),
]
LanguagesOption = Annotated[
    str,
    typer.Option(
        help="Languages to process (ISO 639-1, comma-separated), or all; other articles are "
        "skipped rows in documents. Unknown or too-short texts are processed.",
        metavar="CODES",
    ),
]
DuplicatesOption = Annotated[
    bool | None,
    typer.Option(
        "--skip-duplicates/--keep-duplicates",
        help="Skip an article whose text repeats an earlier one's (once case, spacing and "
        "Unicode forms are normalised): only its documents row, naming the first in "
        "duplicate_of. Default: on when an input is a web archive (.warc, .arc), else off.",
        show_default=False,
    ),
]
NearDuplicatesOption = Annotated[
    float | None,
    typer.Option(
        help="Also find near-duplicates: articles sharing at least this share (0.5 to below 1) of "
        "their 5-word shingles with an earlier one, by MinHash (duplicate_kind near). Off by "
        "default; exact repeats are always found.",
        metavar="JACCARD",
        show_default=False,
    ),
]

# Options of the display, not of the run: not handed to plan_run.
DISPLAY_OPTIONS = ("progress",)
RUN_EPILOG = (
    "Example: extract run corpora/samples --out out/ --format csv  "
    '(then: extract query out/ "SELECT * FROM money")'
)


@app.command("run", epilog=RUN_EPILOG)
def run_cli(
    ctx: typer.Context,
    inputs: InputsArgument,
    out: OutOption = "out",
    output_format: FormatOption = OutputFormat.PARQUET,
    model: ModelOption = DEFAULT_MODEL,
    reference_date: ReferenceDateOption = None,
    home_country: HomeCountryOption = None,
    id_field: IdFieldOption = None,
    text_field: TextFieldOption = None,
    date_field: DateFieldOption = None,
    batch_size: BatchSizeOption = 64,
    max_chars: MaxCharsOption = DEFAULT_MAX_CHARS,
    overwrite: OverwriteOption = False,
    resume: ResumeOption = False,
    workers: WorkersOption = None,
    engine: EngineOption = "local",
    scheduler: SchedulerOption = None,
    shard_size: ShardSizeOption = DEFAULT_SHARD_SIZE,
    progress: ProgressOption = None,
    texts: TextsOption = True,
    csv_raw: CsvRawOption = False,
    encoding: EncodingOption = None,
    languages: LanguagesOption = "en",
    skip_duplicates: DuplicatesOption = None,
    near_duplicates: NearDuplicatesOption = None,
) -> None:
    """Extract persons, countries, dates, counts and money from articles into tables."""
    options = {name: value for name, value in ctx.params.items() if name not in DISPLAY_OPTIONS}
    try:
        request = plan_run(**options)
        nlp = request.load_pipeline()  # spawned workers load it themselves
    except SettingsError as error:
        raise fail(str(error), ExitStatus.USAGE) from None
    summary = _run_with_progress(request, nlp, stderr.is_terminal if progress is None else progress)
    stderr.print(summary.line(), highlight=False)
    if summary.unreadable_inputs:
        files = plural(summary.unreadable_inputs, "input file")
        raise fail(
            f"{files} could not be read (see the error rows in documents)",
            ExitStatus.UNREADABLE_INPUTS,
        )


def _run_with_progress(request: RunRequest, nlp: Any, show: bool) -> RunSummary:
    with Progress(
        TextColumn("[bold]extracting"),
        BarColumn(),
        MofNCompleteColumn(),
        TextColumn("{task.fields[rate]} articles/s"),
        TimeElapsedColumn(),
        console=stderr,
        disable=not show,
        transient=True,
        auto_refresh=False,  # no refresh thread: local workers are forked from this process
    ) as bar:
        # The total when it is cheap to know (extract/ingest/count.py); a resumed run skips
        # records it does not report, so its total stays unknown.
        total = None if request.resume or not show else count_records(request.inputs)
        task = bar.add_task("extract", total=total, rate="-")

        def advance(n_articles: int) -> None:
            bar.advance(task, n_articles)
            elapsed = bar.tasks[0].elapsed or 0
            if elapsed:
                bar.update(task, rate=f"{bar.tasks[0].completed / elapsed:.1f}")
            bar.refresh()

        try:
            return run_request(request, nlp, on_progress=advance)
        except RunError as error:
            raise fail(str(error)) from None
        except KeyboardInterrupt:
            stderr.print(
                f"interrupted: finished shards are kept; continue with --resume --out {request.out}",
                highlight=False,
            )
            raise typer.Exit(code=ExitStatus.INTERRUPTED) from None
        except OSError as error:
            detail = error.strerror or error
            raise fail(str(error) if error.errno is None else f"{request.out}: {detail}") from None
