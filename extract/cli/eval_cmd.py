"""extract eval: score a run (or a fresh run) against a gold set."""

from __future__ import annotations

import json
import tempfile
from pathlib import Path
from typing import Annotated

import typer

from extract.cli._app import app, fail, stderr, stdout

_EXAMPLES = """
Examples:

  extract eval corpora/gold/seed --run

  extract eval ../shared/data/dev/tempeval3_train_tbaq.jsonl --run --errors 20

  extract eval ../shared/data/dev/conll2003_testa.jsonl --run --table countries --json

  extract run corpora/samples --out out && extract eval corpora/gold/seed --tables out

GOLD is a gold folder (gold.json + <table>.jsonl, see corpora/gold/README.md) or a dev JSONL file read through an adapter chosen from its records: TempEval-3 (→ dates), CoNLL-2003 (→ persons, countries), quantulum3 (→ money).

Only the gold documents are scored. Matching rules and how each figure is reproduced: docs/evaluation.md.
"""


@app.command("eval", epilog=_EXAMPLES)
def eval_cli(
    gold_path: Annotated[
        Path,
        typer.Argument(
            metavar="GOLD",
            help="Gold folder (with gold.json) or dev JSONL (TempEval-3, CoNLL-2003, quantulum3).",
            show_default=False,
        ),
    ],
    tables_dir: Annotated[
        Path | None,
        typer.Option(
            "--tables",
            help="Run folder to score; with --run, where the run writes (default: a temp folder).",
        ),
    ] = None,
    run_pipeline: Annotated[
        bool, typer.Option("--run", help="Run the pipeline on the gold articles first.")
    ] = False,
    as_json: Annotated[
        bool, typer.Option("--json", help="Print machine-readable results instead of tables.")
    ] = False,
    table: Annotated[
        list[str] | None,
        typer.Option("--table", help="Score only this table (repeatable; default: all in GOLD)."),
    ] = None,
    errors: Annotated[
        int,
        typer.Option(
            "--errors",
            min=0,
            help="Show the first N misses, false alarms and wrong values per table.",
        ),
    ] = 0,
    adapter: Annotated[
        str | None,
        typer.Option(help="Force the adapter for a JSONL GOLD: tempeval3, conll2003, quantulum3."),
    ] = None,
    model: Annotated[
        str | None, typer.Option(help="spaCy pipeline for --run (default: the run default).")
    ] = None,
    batch_size: Annotated[
        int, typer.Option(min=1, help="Articles per nlp.pipe batch (--run).")
    ] = 64,
) -> None:
    """Score extracted tables against gold annotations: span P/R/F1 (relaxed and exact), value
    accuracy and value F1, per-type breakdowns, per-document country sets and fact links."""
    from extract.evaluate import (
        GoldError,
        GoldUnavailable,
        evaluate_run,
        load_gold,
        print_report,
        run_gold,
        to_json,
    )
    from extract.evaluate.evaluation import select_tables
    from extract.evaluate.predictions import TablesError
    from extract.settings import SettingsError

    if not run_pipeline and tables_dir is None:
        raise fail("give --tables DIR (a run folder to score) or --run (run the pipeline first)")
    if not run_pipeline and tables_dir is not None and not tables_dir.is_dir():
        raise fail(f"--tables folder not found: {tables_dir}")
    try:
        gold = load_gold(gold_path, adapter=adapter)
        select_tables(gold, table)
    except GoldError as error:
        raise fail(str(error)) from None

    def skipped(reason: str) -> typer.Exit:
        if as_json:
            typer.echo(json.dumps({"gold": gold.name, "skipped": reason}))
        stderr.print(f"[yellow]skipped:[/] {reason}", highlight=False)
        return typer.Exit(code=0)

    def score(run_dir: Path, seconds: float | None, texts: dict[str, str] | None) -> None:
        try:
            evaluation = evaluate_run(gold, run_dir, tables=table, texts=texts)
        except (GoldError, TablesError) as error:
            raise fail(str(error)) from None
        evaluation.run_seconds = seconds
        if as_json:
            typer.echo(json.dumps(to_json(evaluation, errors=errors), indent=2, ensure_ascii=False))
        else:
            print_report(evaluation, stdout, errors=errors)

    if not run_pipeline:
        assert tables_dir is not None
        score(tables_dir, None, None)
        return
    if (
        tables_dir is not None
        and tables_dir.is_dir()
        and any(tables_dir.iterdir())
        and not (tables_dir / "manifest.json").exists()
    ):
        raise fail(f"--tables {tables_dir} is not empty and holds no run: not overwriting it")
    try:
        texts = {record["id"]: record["text"] for record in gold.articles()}
    except GoldUnavailable as error:
        raise skipped(str(error)) from None
    if not texts:
        raise skipped(f"{gold.name}: none of its documents is among its articles")
    with tempfile.TemporaryDirectory(prefix="extract-eval-run-") as scratch:
        out = tables_dir or Path(scratch)
        try:
            seconds = run_gold(gold, out, model=model, batch_size=batch_size)
        except GoldUnavailable as error:
            raise skipped(str(error)) from None
        except (SettingsError, ValueError, RuntimeError, OSError) as error:
            raise fail(str(error)) from None
        score(out, seconds, texts)
