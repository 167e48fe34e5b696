"""Gold sets: our own format (a folder, see ``corpora/gold/README.md``) or a dev JSONL file
read through an adapter (``adapters.py``). Both become one ``GoldSet``."""

from __future__ import annotations

import json
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from extract.evaluate.scoring import ATTRIBUTE_KEYS
from extract.tables.schema import MENTION_TABLES, TABLES

GOLD_FILE = "gold.json"
SCORED_TABLES = (*MENTION_TABLES, "facts")
_GOLD_KEYS = {
    "articles",
    "doc_ids",
    "reference_date",
    "description",
    "partial_tables",
    "text_template",
    "annotated_values",
    "scored_regions",
}
_SPAN_KEYS = ("doc_id", "start_char", "end_char")
# Article record fields, as `extract run` reads them from JSONL (see ingest/fields.py).
ARTICLE_FIELDS = ("id", "text", "title", "published", "source", "url", "country")


class GoldError(ValueError):
    """A gold set that cannot be read; the message says which file and what is wrong."""


class GoldUnavailable(GoldError):
    """A gold set whose articles are missing (e.g. ../shared is not there): skipped, not failed."""


@dataclass
class GoldSet:
    """Expected rows per table, the documents they cover and how to get those documents."""

    name: str
    kind: str  # "folder" or the adapter's name
    tables: dict[str, list[dict[str, Any]]]
    doc_ids: list[str]
    reference_date: str | None = None
    # Articles as JSONL records (adapters), or input paths read with extract.ingest (folders).
    records: list[dict[str, Any]] | None = None
    inputs: list[Path] = field(default_factory=list)
    # Tables annotated only where a gold row is: predictions overlapping no gold row are ignored.
    partial_tables: frozenset[str] = frozenset()
    # Per document, the character ranges [start, end) that were annotated: predictions of any
    # table outside them are ignored, those inside count (false positives included).
    scored_regions: dict[str, list[tuple[int, int]]] = field(default_factory=dict)
    # Predictions kept per table: column → allowed values (e.g. countries' mention types that a
    # set annotates); other predicted rows are ignored.
    prediction_filters: dict[str, dict[str, frozenset[Any]]] = field(default_factory=dict)
    # Per table: rewrites a predicted row into the rows the gold's conventions expect (e.g. a
    # range as its two ends for TimeML).
    prediction_transforms: dict[str, Callable[[dict[str, Any]], list[dict[str, Any]]]] = field(
        default_factory=dict
    )
    notes: list[str] = field(default_factory=list)
    # A JSONL input's article text built from its record's fields, e.g. "{dateline} - {text}"
    # for wire stories whose dateline is a field of its own (offsets refer to the built text).
    text_template: str | None = None

    def articles(self) -> Iterator[dict[str, Any]]:
        """The gold documents as JSONL article records (read once, then kept)."""
        if self.records is not None:
            yield from self.records
            return
        from extract.ingest import read_articles

        missing = [str(path) for path in self.inputs if not path.exists()]
        if missing:
            raise GoldUnavailable(f"{self.name}: articles not found: {', '.join(missing)}")
        wanted = set(self.doc_ids)
        if self.text_template is not None:
            self.records = _templated_records(self.inputs, wanted, self.text_template)
            yield from self.records
            return
        records = []
        for article in read_articles(self.inputs):
            if article.doc_id in wanted and article.error is None:
                record = {"id": article.doc_id, "text": article.text}
                for name in ARTICLE_FIELDS[2:]:
                    value = getattr(article, name, None)
                    if value is not None:
                        record[name] = value
                records.append(record)
        self.records = records  # read once: the inputs may be a large JSONL of which few count
        yield from records


def _templated_records(inputs: list[Path], wanted: set[str], template: str) -> list[dict[str, Any]]:
    records = []
    for path in inputs:
        with path.open(encoding="utf-8") as lines:
            for line in lines:
                record = json.loads(line)
                if record.get("doc_id") in wanted:
                    text = template.format_map(record)
                    records.append({"id": record["doc_id"], "text": text, **_dated(record)})
    return records


def _dated(record: dict[str, Any]) -> dict[str, Any]:
    return {"published": record["published"]} if record.get("published") else {}


def _scored_regions(meta_path: Path, raw: Any) -> dict[str, list[tuple[int, int]]]:
    """``{"doc_id": [[start, end], ...]}`` checked: character ranges with start < end."""
    if not isinstance(raw, dict):
        raise GoldError(f"{meta_path}: 'scored_regions' must map doc ids to [start, end] lists")
    regions: dict[str, list[tuple[int, int]]] = {}
    for doc_id, ranges in raw.items():
        if not isinstance(ranges, list) or not all(
            isinstance(r, list)
            and len(r) == 2
            and all(isinstance(x, int) and not isinstance(x, bool) for x in r)
            and 0 <= r[0] < r[1]
            for r in ranges
        ):
            raise GoldError(f"{meta_path}: 'scored_regions' of {doc_id}: expected [[start, end]]")
        regions[str(doc_id)] = [(r[0], r[1]) for r in ranges]
    return regions


def load_gold(path: Path, *, adapter: str | None = None) -> GoldSet:
    """The gold set at ``path``: a folder with gold.json, or a JSONL file read by ``adapter``
    (detected from the file's records when None)."""
    if path.is_dir():
        return load_gold_folder(path)
    if not path.exists():
        raise GoldError(f"gold set not found: {path}")
    if path.name == GOLD_FILE:
        return load_gold_folder(path.parent)
    from extract.evaluate.adapters import load_adapted

    return load_adapted(path, adapter=adapter)


def find_gold_sets(path: Path) -> list[Path]:
    """The gold sets at ``path``: itself when it is a set (a gold folder or a JSONL file), else
    every folder below it holding gold.json (e.g. ``corpora/gold``), sorted."""
    if not path.is_dir() or (path / GOLD_FILE).exists():
        return [path]
    return sorted(meta.parent for meta in path.rglob(GOLD_FILE))


def _repo_root(folder: Path) -> Path:
    """The repository holding ``folder`` (the nearest parent with pyproject.toml), else cwd."""
    for parent in (folder.resolve(), *folder.resolve().parents):
        if (parent / "pyproject.toml").exists():
            return parent
    return Path.cwd()


def validate_gold_row(table: str, row: Any, *, where: str) -> dict[str, Any]:
    """``row`` checked: an object with a span and only known keys."""
    if not isinstance(row, dict):
        raise GoldError(f"{where}: expected a JSON object")
    missing = [key for key in _SPAN_KEYS if key not in row]
    if missing:
        raise GoldError(f"{where}: missing {', '.join(missing)}")
    if not isinstance(row["start_char"], int) or not isinstance(row["end_char"], int):
        raise GoldError(f"{where}: start_char and end_char must be integers")
    if row["end_char"] <= row["start_char"]:
        raise GoldError(f"{where}: empty span {row['start_char']}-{row['end_char']}")
    allowed = set(TABLES[table].column_names) | ATTRIBUTE_KEYS | {"text"}  # facts have no text
    unknown = sorted(set(row) - allowed)
    if unknown:
        raise GoldError(
            f"{where}: unknown keys {unknown} for table {table} (columns of "
            f"extract/tables/schema.py, or {sorted(ATTRIBUTE_KEYS)})"
        )
    row["doc_id"] = str(row["doc_id"])
    return row


def read_gold_table(path: Path, table: str) -> list[dict[str, Any]]:
    rows = []
    with path.open(encoding="utf-8") as handle:
        for number, line in enumerate(handle, start=1):
            if not line.strip():
                continue
            where = f"{path}:{number}"
            try:
                row = json.loads(line)
            except json.JSONDecodeError as error:
                raise GoldError(f"{where}: malformed JSON ({error.msg})") from None
            rows.append(validate_gold_row(table, row, where=where))
    return rows


def _annotated_values(meta: dict[str, Any], meta_path: Path) -> dict[str, dict[str, frozenset]]:
    """``annotated_values``: table -> column -> the values the set annotates; predicted rows
    with other values are not scored (e.g. countries' mention types a set predates)."""
    spec = meta.get("annotated_values") or {}
    if not isinstance(spec, dict) or not all(
        table in SCORED_TABLES
        and isinstance(columns, dict)
        and all(isinstance(values, list) for values in columns.values())
        for table, columns in spec.items()
    ):
        raise GoldError(f"{meta_path}: 'annotated_values' maps tables to columns to value lists")
    return {
        table: {column: frozenset(values) for column, values in columns.items()}
        for table, columns in spec.items()
    }


def load_gold_folder(folder: Path) -> GoldSet:
    meta_path = folder / GOLD_FILE
    if not meta_path.exists():
        raise GoldError(f"{folder}: no {GOLD_FILE} (see corpora/gold/README.md)")
    try:
        meta = json.loads(meta_path.read_text(encoding="utf-8"))
    except json.JSONDecodeError as error:
        raise GoldError(f"{meta_path}: malformed JSON ({error.msg})") from None
    if not isinstance(meta, dict):
        raise GoldError(f"{meta_path}: expected a JSON object")
    unknown = sorted(set(meta) - _GOLD_KEYS)
    if unknown:
        raise GoldError(f"{meta_path}: unknown keys {unknown} (allowed: {sorted(_GOLD_KEYS)})")
    articles = meta.get("articles") or []
    if not isinstance(articles, list) or not all(isinstance(a, str) for a in articles):
        raise GoldError(f"{meta_path}: 'articles' must be a list of paths")
    partial = meta.get("partial_tables") or []
    if set(partial) - set(SCORED_TABLES):
        raise GoldError(f"{meta_path}: 'partial_tables' names unknown tables {partial}")
    regions = _scored_regions(meta_path, meta.get("scored_regions", {}))
    root = _repo_root(folder)
    inputs = [path if path.is_absolute() else root / path for path in map(Path, articles)]
    tables = {
        table: read_gold_table(folder / f"{table}.jsonl", table)
        for table in SCORED_TABLES
        if (folder / f"{table}.jsonl").exists()
    }
    gold = GoldSet(
        name=folder.name,
        kind="folder",
        tables=tables,
        doc_ids=[],
        reference_date=meta.get("reference_date"),
        inputs=inputs,
        partial_tables=frozenset(partial),
        text_template=meta.get("text_template"),
        prediction_filters=_annotated_values(meta, meta_path),
        scored_regions=regions,
    )
    doc_ids = meta.get("doc_ids")
    if doc_ids is not None:
        gold.doc_ids = [str(doc_id) for doc_id in doc_ids]
    elif all(path.exists() for path in inputs):
        from extract.ingest import read_articles

        gold.doc_ids = [article.doc_id for article in read_articles(inputs)]
    else:
        seen = dict.fromkeys(row["doc_id"] for rows in tables.values() for row in rows)
        gold.doc_ids = list(seen)
        gold.notes.append("doc_ids taken from the gold rows (articles missing, none listed)")
    if not tables:
        gold.notes.append(f"{folder}: no <table>.jsonl file: nothing to score")
    stray = sorted({row["doc_id"] for rows in tables.values() for row in rows} - set(gold.doc_ids))
    if stray:
        raise GoldError(f"{folder}: gold rows for documents not in doc_ids: {stray[:5]}")
    return gold
