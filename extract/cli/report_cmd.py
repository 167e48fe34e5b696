"""extract report: a run's tables as one offline HTML report (overview plots, articles)."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from extract.cli._app import ExitStatus, app, fail, stdout
from extract.cli._options import RunFolderArgument
from extract.report.report import (
    DEFAULT_MAX_ARTICLES,
    ReportError,
    read_run,
    render_report,
    sample_doc_ids,
    texts_from_inputs,
)


@app.command("report")
def report_cli(
    out_dir: RunFolderArgument,
    html: Annotated[
        Path, typer.Option(dir_okay=False, help="Where to write the HTML report.")
    ] = Path("report.html"),
    max_articles: Annotated[
        int,
        typer.Option(
            min=0,
            help="Show at most this many articles (the first in input order); errors and "
            "warnings are always all listed.",
        ),
    ] = DEFAULT_MAX_ARTICLES,
    inputs: Annotated[
        list[Path] | None,
        typer.Option(
            "--inputs",
            exists=True,
            help="The run's inputs, read again for the article texts when the run has no texts "
            "table (a run made with --no-texts). Repeat for several.",
        ),
    ] = None,
    title: Annotated[str, typer.Option(help="Heading of the report.")] = "news-extract run report",
) -> None:
    """Write one self-contained HTML report of a run: run figures, plots over time, persons,
    a world map of countries, money and counts, problem rows, and the first articles with
    every mention highlighted and its value as a tooltip. Opens offline; nothing is fetched.
    """
    try:
        data = read_run(out_dir)
        texts = None
        if inputs and "texts" not in data.tables:
            shown = set(sample_doc_ids(data.get("documents"), max_articles))
            texts = texts_from_inputs(list(inputs), shown)
        page = render_report(
            data.tables, manifest=data.manifest, texts=texts, max_articles=max_articles, title=title
        )
    except ReportError as error:
        raise fail(str(error), ExitStatus.USAGE) from None
    try:
        html.write_text(page, encoding="utf-8")
    except OSError as error:
        raise fail(f"cannot write {html}: {error.strerror or error}") from None
    stdout.print(f"wrote {html} ({len(page.encode('utf-8')):,} bytes)", highlight=False)
