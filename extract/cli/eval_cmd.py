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

  extract run corpora/samples --out out && extract eval corpora/gold/seed --out out

GOLD is a gold folder (gold.json + <table>.jsonl, see corpora/gold/README.md), a folder of gold folders (each is scored), or a dev JSONL file read through an adapter chosen from its records: TempEval-3 (→ dates), CoNLL-2003 (→ persons, countries), quantulum3 (→ money).

Only the gold documents are scored. Matching rules and how each figure is reproduced: docs/evaluation.md.
"""


# The command's arguments and options, declared once.
GoldArgument = Annotated[
    Path,
    typer.Argument(
        metavar="GOLD",
        help="Gold folder (with gold.json), folder of gold folders, or dev JSONL "
        "(TempEval-3, CoNLL-2003, quantulum3).",
        show_default=False,
    ),
]
TablesOption = Annotated[
    Path | None,
    typer.Option(
        "--out",
        "-o",
        "--tables",
        metavar="OUT_DIR",
        help="Run folder to score; with --run, where the run writes (default: a temp "
        "folder; <OUT_DIR>/<set> for a folder of sets). --tables is the old name.",
    ),
]
RunOption = Annotated[
    bool, typer.Option("--run", help="Run the pipeline on the gold articles first.")
]
JsonOption = Annotated[
    bool, typer.Option("--json", help="Print machine-readable results instead of tables.")
]
TableOption = Annotated[
    list[str] | None,
    typer.Option("--table", help="Score only this table (repeatable; default: all in GOLD)."),
]
ErrorsOption = Annotated[
    int,
    typer.Option(
        "--errors",
        min=0,
        help="Show the first N misses, false alarms and wrong values per table.",
    ),
]
AdapterOption = Annotated[
    str | None,
    typer.Option(help="Force the adapter for a JSONL GOLD: tempeval3, conll2003, quantulum3."),
]
ModelOption = Annotated[
    str | None,
    typer.Option(
        help="spaCy English pipeline for --run: package name or path (default: the run default).",
        metavar="NAME|PATH",
    ),
]
BatchSizeOption = Annotated[int, typer.Option(min=1, help="Articles per nlp.pipe batch (--run).")]
ConfigOption = Annotated[
    list[str] | None,
    typer.Option(
        "--config",
        help="Component setting for --run, COMPONENT.KEY=VALUE (repeatable), to measure what "
        "a rule adds: --config 'news_persons.disabled_rules=[\"titles\"]'.",
    ),
]


@app.command("eval", epilog=_EXAMPLES)
def eval_cli(
    gold_path: GoldArgument,
    tables_dir: TablesOption = None,
    run_pipeline: RunOption = False,
    as_json: JsonOption = False,
    table: TableOption = None,
    errors: ErrorsOption = 0,
    adapter: AdapterOption = None,
    model: ModelOption = None,
    batch_size: BatchSizeOption = 64,
    component_config: ConfigOption = None,
) -> None:
    """Score extracted tables against gold annotations: span P/R/F1 (relaxed and exact), value
    accuracy and value F1, per-type breakdowns, per-document country sets and fact links."""
    from extract.evaluate import to_json

    if not run_pipeline and tables_dir is None:
        raise fail("give --out OUT_DIR (a run folder to score) or --run (run the pipeline first)")
    if not run_pipeline and tables_dir is not None and not tables_dir.is_dir():
        raise fail(f"--out folder not found: {tables_dir}")
    golds, several = _load_golds(gold_path, table, adapter)
    if component_config and not run_pipeline:
        raise fail("--config changes the pipeline: it needs --run")
    loader = _PipelineLoader(model, component_config or [])
    results: list[dict[str, Any]] = []
    for gold in golds:
        out = tables_dir
        if run_pipeline and tables_dir is not None and several:
            out = tables_dir / gold.name
        evaluation = _evaluate(gold, out, run_pipeline, table, loader, model, batch_size)
        if evaluation is None:
            results.append({"gold": gold.name, "skipped": loader.skipped})
        elif as_json:
            results.append(to_json(evaluation, errors=errors))
            if component_config:
                results[-1]["config"] = list(component_config)
        else:
            from extract.evaluate import print_report

            print_report(evaluation, stdout, errors=errors)
    if as_json:
        output = {"sets": results} if several else results[0]
        typer.echo(json.dumps(output, indent=2, ensure_ascii=False))


def _load_golds(gold_path: Path, table: list[str] | None, adapter: str | None) -> tuple[list, bool]:
    """The gold sets under ``gold_path`` that ``--table`` keeps, and whether there are
    several (a folder of sets)."""
    from extract.evaluate import GoldError, load_gold
    from extract.evaluate.evaluation import select_tables
    from extract.evaluate.gold import find_gold_sets

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
    return golds, several


class _PipelineLoader:
    """The pipeline, loaded once for every set, and only when a set can run."""

    def __init__(self, model: str | None, component_config: list[str]) -> None:
        self.model = model
        self.component_config = component_config
        self.nlp: Any = None
        self.skipped = ""  # why the last set was skipped

    def __call__(self) -> Any:
        if self.nlp is None:
            from extract.evaluate.evaluation import parse_component_settings
            from extract.pipeline import DEFAULT_MODEL, load_pipeline

            try:
                overrides = parse_component_settings(self.component_config)
                self.nlp = load_pipeline(self.model or DEFAULT_MODEL, config=overrides)
            except ValueError as error:
                raise fail(str(error)) from None
            except Exception as error:  # spaCy rejects an unknown setting with its own errors
                raise fail(f"--config: {error}") from None
        return self.nlp


def _evaluate(
    gold: Any,
    out: Path | None,
    run_pipeline: bool,
    table: list[str] | None,
    loader: _PipelineLoader,
    model: str | None,
    batch_size: int,
) -> Any:
    """One gold set's evaluation, or None when its articles are unavailable (the reason is
    printed and kept in ``loader.skipped``)."""
    from extract.evaluate import GoldError, GoldUnavailable
    from extract.evaluate.evaluation import evaluate_gold
    from extract.evaluate.predictions import TablesError
    from extract.settings import SettingsError

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
    nlp = loader() if runnable else loader.nlp
    try:
        return evaluate_gold(
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
        loader.skipped = str(error)
        return None
    except (GoldError, TablesError, SettingsError) as error:
        raise fail(str(error)) from None
    except (ValueError, RuntimeError, OSError) as error:  # the run could not start
        raise fail(f"{gold.name}: {error}") from None
