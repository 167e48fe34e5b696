"""Evaluate a run folder against a gold set; run the pipeline on a gold set's articles."""

from __future__ import annotations

import inspect
import json
import tempfile
import time
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from extract.evaluate.gold import GoldError, GoldSet, GoldUnavailable
from extract.evaluate.matching import Row, overlap
from extract.evaluate.predictions import read_run_tables
from extract.evaluate.scoring import FactsResult, TableResult, score_tables, typed_columns

_OFFSET_WARNINGS = 5  # offset mismatches listed before the rest are only counted


@dataclass
class Evaluation:
    gold: GoldSet
    tables: dict[str, TableResult]
    facts: FactsResult | None
    notes: list[str] = field(default_factory=list)
    texts: dict[str, str] = field(default_factory=dict)
    run_seconds: float | None = None


def select_tables(gold: GoldSet, tables: Sequence[str] | None) -> list[str]:
    """The gold tables to score: all of them, or those named (an unknown name is an error)."""
    if not tables:
        return list(gold.tables)
    unknown = [name for name in tables if name not in gold.tables]
    if unknown:
        raise GoldError(
            f"{gold.name} has no gold for {', '.join(unknown)} (it has: {', '.join(gold.tables)})"
        )
    return list(dict.fromkeys(tables))


def gold_texts(gold: GoldSet) -> dict[str, str]:
    """doc_id → article text, or {} when the articles are not available."""
    try:
        return {record["id"]: record["text"] for record in gold.articles()}
    except GoldUnavailable:
        return {}


def check_offsets(gold: GoldSet, texts: dict[str, str]) -> list[str]:
    """Warnings for gold rows whose ``text`` is not the article's text at their offsets."""
    if not texts:
        return []
    problems = []
    for table, rows in gold.tables.items():
        for row in rows:
            text = texts.get(row["doc_id"])
            if text is None:
                problems.append(f"{table}: document {row['doc_id']} not among the articles")
            elif "text" in row and text[row["start_char"] : row["end_char"]] != row["text"]:
                found = text[row["start_char"] : row["end_char"]]
                problems.append(
                    f"{table}: {row['doc_id']} {row['start_char']}-{row['end_char']}: gold text "
                    f"{row['text']!r} but the article has {found!r}"
                )
    if len(problems) > _OFFSET_WARNINGS:
        extra = len(problems) - _OFFSET_WARNINGS
        problems = [*problems[:_OFFSET_WARNINGS], f"... and {extra} more offset problems"]
    return [f"gold offsets: {problem}" for problem in problems]


def _keep_prediction(gold: GoldSet, table: str, row: Row, gold_rows: Sequence[Row]) -> bool:
    for column, allowed in gold.prediction_filters.get(table, {}).items():
        if row.get(column) not in allowed:
            return False
    regions = gold.scored_regions.get(row["doc_id"])
    if regions is not None:
        return any(start < row["end_char"] and row["start_char"] < end for start, end in regions)
    if table in gold.partial_tables:
        return any(g["doc_id"] == row["doc_id"] and overlap(g, row) > 0 for g in gold_rows)
    return True


def evaluate_run(
    gold: GoldSet,
    run_dir: Path,
    *,
    tables: Sequence[str] | None = None,
    texts: dict[str, str] | None = None,
) -> Evaluation:
    """Scores of the tables in ``run_dir`` against ``gold``, on the gold documents only."""
    names = select_tables(gold, tables)
    predicted, notes = read_run_tables(run_dir, names, gold.doc_ids)
    gold_tables = {name: gold.tables[name] for name in names}
    for name, rows in predicted.items():
        transform = gold.prediction_transforms.get(name)
        if transform is not None:
            rows = [part for row in rows for part in transform(row)]
        predicted[name] = [r for r in rows if _keep_prediction(gold, name, r, gold_tables[name])]
    results, facts = score_tables(gold_tables, predicted)
    texts = gold_texts(gold) if texts is None else texts
    all_notes = [*gold.notes, *notes, *check_offsets(gold, texts)]
    return Evaluation(gold, results, facts, all_notes, texts)


def run_gold(
    gold: GoldSet,
    out_dir: Path,
    *,
    model: str | None = None,
    nlp: Any = None,
    batch_size: int = 64,
) -> float:
    """Run the pipeline (``extract.run.run``) on the gold set's articles into ``out_dir``;
    returns the seconds taken. ``nlp`` (a loaded pipeline) wins over ``model``."""
    from extract.pipeline import DEFAULT_MODEL, load_pipeline
    from extract.run import run
    from extract.settings import RunSettings, parse_reference_date

    model = model or DEFAULT_MODEL
    settings = RunSettings(
        model=model,
        reference_date=parse_reference_date(gold.reference_date),
        batch_size=batch_size,
    )
    if nlp is None:
        nlp = load_pipeline(model)
    started = time.perf_counter()
    with tempfile.TemporaryDirectory(prefix="extract-eval-") as scratch:
        articles = Path(scratch) / f"{gold.name}.jsonl"
        with articles.open("w", encoding="utf-8") as handle:
            for record in gold.articles():
                handle.write(json.dumps(record, ensure_ascii=False, default=str) + "\n")
        with open(Path(scratch) / "run.log", "w", encoding="utf-8") as log:
            # Per-article warnings go to a log, not the terminal (when run() takes stderr).
            if "stderr" in inspect.signature(run).parameters:
                run([articles], out_dir, nlp, settings, overwrite=True, stderr=log)
            else:
                run([articles], out_dir, nlp, settings, overwrite=True)
    return time.perf_counter() - started


def evaluate_gold(
    gold: GoldSet,
    *,
    tables_dir: Path | None = None,
    run_first: bool = False,
    tables: Sequence[str] | None = None,
    nlp: Any = None,
    model: str | None = None,
    batch_size: int = 64,
) -> Evaluation:
    """Score ``tables_dir`` against ``gold``; with ``run_first``, run the pipeline on the gold
    articles into ``tables_dir`` (a temporary folder when None) first. Raises GoldUnavailable
    when the articles a run needs are missing."""
    if not run_first:
        if tables_dir is None:
            raise ValueError("a run folder is needed unless the pipeline runs first")
        return evaluate_run(gold, tables_dir, tables=tables)
    texts = {record["id"]: record["text"] for record in gold.articles()}
    if not texts:
        raise GoldUnavailable(f"{gold.name}: none of its documents is among its articles")
    with tempfile.TemporaryDirectory(prefix="extract-eval-run-") as scratch:
        out = tables_dir or Path(scratch)
        seconds = run_gold(gold, out, nlp=nlp, model=model, batch_size=batch_size)
        evaluation = evaluate_run(gold, out, tables=tables, texts=texts)
    evaluation.run_seconds = seconds
    return evaluation


def parse_component_settings(items: Sequence[str]) -> dict[str, dict[str, Any]]:
    """``['news_persons.disabled_rules=["titles"]']`` →
    ``{"news_persons": {"disabled_rules": ["titles"]}}``: component
    config overrides for ablations. Values are JSON (true, 3, "x"), else plain text."""
    settings: dict[str, dict[str, Any]] = {}
    for item in items:
        key, sep, raw = item.partition("=")
        component, dot, name = key.strip().partition(".")
        if not sep or not dot or not component or not name:
            raise ValueError(f"--config expects COMPONENT.KEY=VALUE, got {item!r}")
        try:
            value = json.loads(raw)
        except json.JSONDecodeError:
            value = raw
        settings.setdefault(component, {})[name] = value
    return settings


def typed_values(table: str, row: Row, columns: Sequence[str] | None = None) -> dict[str, Any]:
    """The typed columns of ``row`` (only ``columns`` when given), for error listings."""
    names = columns if columns is not None else typed_columns(table)
    return {name: row.get(name) for name in names if name in row}
