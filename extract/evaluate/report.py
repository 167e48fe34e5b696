"""An Evaluation as JSON (machine-readable) or as rich tables (for people)."""

from __future__ import annotations

from typing import Any

from rich import box
from rich.console import Console
from rich.table import Table

from extract.evaluate.evaluation import Evaluation, typed_values
from extract.evaluate.matching import Row
from extract.evaluate.scoring import LINK_COLUMNS, PRF, Scores

_CONTEXT = 40  # characters of article text shown around an error


def _context(evaluation: Evaluation, row: Row) -> str | None:
    text = evaluation.texts.get(row["doc_id"])
    if text is None:
        return None
    start, end = row["start_char"], row["end_char"]
    before = text[max(0, start - _CONTEXT) : start]
    after = text[end : end + _CONTEXT]
    return " ".join(f"{before}[[{text[start:end]}]]{after}".split())


def _error_row(evaluation: Evaluation, table: str, row: Row, columns: Any = None) -> dict:
    item: dict[str, Any] = {
        "doc_id": row["doc_id"],
        "span": [row["start_char"], row["end_char"]],
        "text": row.get("text"),
        "values": typed_values(table, row, columns),
    }
    if "type" in row:
        item["type"] = row["type"]
    context = _context(evaluation, row)
    if context is not None:
        item["context"] = context
    return item


# Columns shown for a fact in error listings: its kind and its links.
_FACT_COLUMNS = (
    "fact_type",
    *(column for columns in LINK_COLUMNS.values() for column in columns),
    "date_mention_id",
)


def _fact_row(evaluation: Evaluation, row: Row, *, gold: bool) -> dict:
    item = _error_row(evaluation, "facts", row, _FACT_COLUMNS)
    if not gold:  # predictions: the links they make, not every empty column
        item["values"] = {
            key: value for key, value in item["values"].items() if value not in (None, [], False)
        }
    return item


def _jsonable(value: Any) -> Any:
    if isinstance(value, dict):
        return {key: _jsonable(item) for key, item in value.items()}
    if isinstance(value, (list, tuple)):
        return [_jsonable(item) for item in value]
    if hasattr(value, "isoformat"):
        return value.isoformat()
    if value is None or isinstance(value, (str, int, float, bool)):
        return value
    return str(value)


def error_examples(evaluation: Evaluation, limit: int) -> dict[str, Any]:
    """The first ``limit`` false negatives, false positives and wrong values of each table."""
    examples: dict[str, Any] = {}
    for name, result in evaluation.tables.items():
        shown = result.compared
        examples[name] = {
            "false_negatives": [
                _error_row(evaluation, name, row, shown) for row in result.false_negatives[:limit]
            ],
            "false_positives": [
                _error_row(evaluation, name, row, shown) for row in result.false_positives[:limit]
            ],
            "wrong_values": [
                {
                    "gold": _error_row(evaluation, name, gold, shown),
                    "predicted": _error_row(evaluation, name, predicted, shown),
                }
                for gold, predicted in result.wrong_values[:limit]
            ],
        }
    if evaluation.facts is not None:
        facts = evaluation.facts
        examples["facts"] = {
            "false_negatives": [
                _fact_row(evaluation, row, gold=True) for row in facts.false_negatives[:limit]
            ],
            "false_positives": [
                _fact_row(evaluation, row, gold=False) for row in facts.false_positives[:limit]
            ],
            "wrong_links": [
                {
                    "links": list(links),
                    "gold": _fact_row(evaluation, gold, gold=True),
                    "predicted": _fact_row(evaluation, predicted, gold=False),
                }
                for gold, predicted, links in facts.wrong_links[:limit]
            ],
        }
    return _jsonable(examples)


def to_json(evaluation: Evaluation, *, errors: int = 0) -> dict[str, Any]:
    gold = evaluation.gold
    result: dict[str, Any] = {
        "gold": gold.name,
        "kind": gold.kind,
        "documents": len(gold.doc_ids),
        "tables": {name: table.to_dict() for name, table in evaluation.tables.items()},
        "notes": evaluation.notes,
    }
    if evaluation.facts is not None:
        result["facts"] = evaluation.facts.to_dict()
    if evaluation.run_seconds is not None:
        result["run_seconds"] = round(evaluation.run_seconds, 2)
    if errors:
        result["errors"] = error_examples(evaluation, errors)
    return result


def _pct(value: float | None) -> str:
    return "-" if value is None else f"{100 * value:.1f}"


def _score_cells(scores: Scores) -> list[str]:
    return [
        str(scores.n_gold),
        str(scores.n_predicted),
        _pct(scores.relaxed.precision),
        _pct(scores.relaxed.recall),
        _pct(scores.relaxed.f1),
        _pct(scores.exact.f1),
        _pct(scores.value_accuracy),
        _pct(scores.value.f1),
    ]


def _prf_cells(prf: PRF) -> list[str]:
    return [
        str(prf.tp),
        str(prf.fp),
        str(prf.fn),
        _pct(prf.precision),
        _pct(prf.recall),
        _pct(prf.f1),
    ]


def _print_mentions(evaluation: Evaluation, console: Console) -> None:
    table = Table(
        title="Mentions (%)",
        title_justify="left",
        caption="P/R/F1: relaxed (overlapping spans); exact: exact-span F1; v.acc: value accuracy "
        "of matched pairs; v.F1: value F1 (overlap and right values)",
        caption_justify="left",
        box=box.SIMPLE_HEAD,
        pad_edge=False,
    )
    table.add_column("table / type", no_wrap=True)
    for header in ("gold", "pred", "P", "R", "F1", "exact", "v.acc", "v.F1"):
        table.add_column(header, justify="right", no_wrap=True)
    for name, result in evaluation.tables.items():
        table.add_row(f"[bold]{name}[/]", *_score_cells(result.overall))
        for group, scores in sorted(result.by_type.items()):
            table.add_row(f"  {group}", *_score_cells(scores))
    console.print(table)
    console.print("Column accuracy over matched pairs (%):", highlight=False)
    for name, result in evaluation.tables.items():
        columns = ", ".join(
            f"{column} {_pct(accuracy)}" for column, accuracy in result.column_accuracy.items()
        )
        console.print(f"  {name}: {columns or '(no typed columns in the gold)'}", highlight=False)


def print_report(evaluation: Evaluation, console: Console, *, errors: int = 0) -> None:
    gold = evaluation.gold
    seconds = (
        f", pipeline run {evaluation.run_seconds:.1f}s"
        if evaluation.run_seconds is not None
        else ""
    )
    console.print(
        f"[bold]{gold.name}[/] ({gold.kind}): {len(gold.doc_ids)} documents{seconds}",
        highlight=False,
    )
    if evaluation.tables:
        _print_mentions(evaluation, console)
    sets = {name: r.document_sets for name, r in evaluation.tables.items() if r.document_sets}
    if sets:
        doc_table = Table(
            title="Per-document sets (iso3), micro",
            title_justify="left",
            box=box.SIMPLE_HEAD,
            pad_edge=False,
        )
        doc_table.add_column("table")
        for header in ("tp", "fp", "fn", "P", "R", "F1"):
            doc_table.add_column(header, justify="right")
        for name, prf in sets.items():
            doc_table.add_row(name, *_prf_cells(prf))
        console.print(doc_table)
    if evaluation.facts is not None:
        links = Table(
            title="Facts: anchors and links",
            title_justify="left",
            box=box.SIMPLE_HEAD,
            pad_edge=False,
        )
        links.add_column("link")
        for header in ("tp", "fp", "fn", "P", "R", "F1"):
            links.add_column(header, justify="right")
        links.add_row("[bold]anchor[/]", *_prf_cells(evaluation.facts.anchors))
        for group, prf in evaluation.facts.anchors_by_type.items():
            links.add_row(f"  anchor {group}", *_prf_cells(prf))
        for name, prf in evaluation.facts.links.items():
            links.add_row(name, *_prf_cells(prf))
            if name == "country_role":
                for role, by_role in evaluation.facts.country_by_role.items():
                    links.add_row(f"  country {role}", *_prf_cells(by_role))
        console.print(links)
    for note in evaluation.notes:
        console.print(f"[yellow]note:[/] {note}", highlight=False)
    if errors:
        _print_errors(error_examples(evaluation, errors), console)


def _describe(item: dict[str, Any]) -> str:
    values = ", ".join(
        f"{key}={' '.join(str(value).split())}" for key, value in item["values"].items()
    )
    where = item.get("context") or repr(item.get("text"))
    kind = f" <{item['type']}>" if "type" in item else ""
    return f"{item['doc_id']} {item['span'][0]}-{item['span'][1]}{kind} {where}  {values}".rstrip()


def _print_errors(examples: dict[str, Any], console: Console) -> None:
    for table, kinds in examples.items():
        for kind, items in kinds.items():
            if not items:
                continue
            console.print(f"[bold]{table}: {kind.replace('_', ' ')}[/]", highlight=False)
            for item in items:
                if "gold" in item:
                    links = f" [{', '.join(item['links'])}]" if "links" in item else ""
                    console.print(
                        f"  gold{links}: {_describe(item['gold'])}", highlight=False, markup=False
                    )
                    console.print(
                        f"  pred: {_describe(item['predicted'])}", highlight=False, markup=False
                    )
                else:
                    console.print(f"  {_describe(item)}", highlight=False, markup=False)
