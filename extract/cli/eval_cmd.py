"""extract eval: score a run (or a fresh run) against gold sets."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Annotated, Any

import typer

from extract.cli._app import app, fail, stderr, stdout

_EXAMPLES = """
Examples:

  extract eval corpora/gold/seed --run

  extract eval corpora/gold --run --json

  extract eval ../shared/data/dev/tempeval3_train_tbaq.jsonl --run --errors 20

  extract eval ../shared/data/dev/conll2003_testa.jsonl --run --table countries --json

  extract run corpora/samples --out out && extract eval corpora/gold/seed --tables out

GOLD is a gold folder (gold.json + <table>.jsonl, see corpora/gold/README.md), a folder of gold folders (each is scored), or a dev JSONL file read through an adapter chosen from its records: TempEval-3 (→ dates), CoNLL-2003 (→ persons, countries), quantulum3 (→ money).

Only the gold documents are scored. Matching rules and how each figure is reproduced: docs/evaluation.md.
"""


@app.command("eval", epilog=_EXAMPLES)
def eval_cli(
    gold_path: Annotated[
        Path,
        typer.Argument(
            metavar="GOLD",
            help="Gold folder (with gold.json), folder of gold folders, or dev JSONL "
            "(TempEval-3, CoNLL-2003, quantulum3).",
            show_default=False,
        ),
    ],
    tables_dir: Annotated[
        Path | None,
        typer.Option(
            "--tables",
            help="Run folder to score; with --run, where the run writes (default: a temp "
            "folder; <DIR>/<set> for a folder of sets).",
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
    component_config: Annotated[
        list[str] | None,
        typer.Option(
            "--config",
            help="Component setting for --run, COMPONENT.KEY=VALUE (repeatable), to measure what "
            "a rule adds: --config news_persons.titles=false.",
        ),
    ] = None,
) -> None:
    """Score extracted tables against gold annotations: span P/R/F1 (relaxed and exact), value
    accuracy and value F1, per-type breakdowns, per-document country sets and fact links."""
    from extract.evaluate import GoldError, GoldUnavailable, load_gold, print_report, to_json
    from extract.evaluate.evaluation import (
        evaluate_gold,
        parse_component_settings,
        select_tables,
    )
    from extract.evaluate.gold import find_gold_sets
    from extract.evaluate.predictions import TablesError
    from extract.settings import SettingsError

    if not run_pipeline and tables_dir is None:
        raise fail("give --tables DIR (a run folder to score) or --run (run the pipeline first)")
    if not run_pipeline and tables_dir is not None and not tables_dir.is_dir():
        raise fail(f"--tables folder not found: {tables_dir}")
    if not gold_path.exists():
        raise fail(f"gold set not found: {gold_path}")
    paths = find_gold_sets(gold_path)
    if not paths:
        raise fail(f"no gold set (gold.json) under {gold_path}")
    several = len(paths) > 1 or paths[0] != gold_path
    try:
        golds = [load_gold(path, adapter=adapter) for path in paths]
        if several:  # --table keeps the sets that have one of the tables
            golds = [g for g in golds if not table or set(table) & set(g.tables)]
            if not golds:
                raise GoldError(f"no gold set under {gold_path} has {', '.join(table or [])}")
        else:
            select_tables(golds[0], table)
    except GoldError as error:
        raise fail(str(error)) from None

    if component_config and not run_pipeline:
        raise fail("--config changes the pipeline: it needs --run")
    nlp: Any = None

    def pipeline() -> Any:
        """The pipeline, loaded once for every set, and only when a set can run."""
        from extract.pipeline import DEFAULT_MODEL, load_pipeline

        try:
            overrides = parse_component_settings(component_config or [])
            return load_pipeline(model or DEFAULT_MODEL, config=overrides)
        except ValueError as error:
            raise fail(str(error)) from None
        except Exception as error:  # spaCy rejects an unknown setting with its own errors
            raise fail(f"--config: {error}") from None

    results: list[dict[str, Any]] = []
    for gold in golds:
        out = tables_dir
        if run_pipeline and tables_dir is not None and several:
            out = tables_dir / gold.name
        if (
            run_pipeline
            and out is not None
            and out.is_dir()
            and any(out.iterdir())
            and not (out / "manifest.json").exists()
        ):
            raise fail(f"--tables {out} is not empty and holds no run: not overwriting it")
        wanted = [name for name in table or [] if name in gold.tables] or None
        try:
            runnable = run_pipeline and any(True for _ in gold.articles())
        except GoldUnavailable:
            runnable = False  # evaluate_gold reports it below
        if runnable and nlp is None:
            nlp = pipeline()
        try:
            evaluation = evaluate_gold(
                gold,
                tables_dir=out,
                run_first=run_pipeline,
                tables=wanted,
                nlp=nlp,
                model=model,
                batch_size=batch_size,
            )
        except GoldUnavailable as error:
            stderr.print(f"[yellow]skipped:[/] {error}", highlight=False)
            results.append({"gold": gold.name, "skipped": str(error)})
            continue
        except (GoldError, TablesError, SettingsError) as error:
            raise fail(str(error)) from None
        except (ValueError, RuntimeError, OSError) as error:  # the run could not start
            raise fail(f"{gold.name}: {error}") from None
        if as_json:
            results.append(to_json(evaluation, errors=errors))
            if component_config:
                results[-1]["config"] = list(component_config)
        else:
            print_report(evaluation, stdout, errors=errors)
    if as_json:
        output = {"sets": results} if several else results[0]
        typer.echo(json.dumps(output, indent=2, ensure_ascii=False))
