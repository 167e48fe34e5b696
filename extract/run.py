"""A whole run: read → pipeline → tables on disk, streaming with bounded memory."""

from __future__ import annotations

import json
import shutil
import sys
import time
from collections import Counter
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import IO

from spacy.language import Language

from extract.errors import Errors
from extract.ingest import FieldMap, read_articles
from extract.process import ArticleResult, process_articles
from extract.settings import RunSettings
from extract.tables.build import PeopleSummary, to_arrow
from extract.tables.schema import PER_DOCUMENT_TABLES, SUMMARY_TABLES, TABLES
from extract.tables.writers import PARTIAL, OutputFormat, TableWriter, open_writer

MANIFEST = "manifest.json"
FLUSH_EVERY = 256  # articles per written row group: bounds memory, keeps files compact


class OutputExistsError(RuntimeError):
    pass


@dataclass
class RunSummary:
    articles: int = 0
    errors: int = 0
    warnings: int = 0
    rows: Counter[str] = field(default_factory=Counter)
    seconds: float = 0.0
    words: int = 0

    def line(self) -> str:
        tables = ", ".join(f"{name} {self.rows[name]}" for name in TABLES if name != "documents")
        return (
            f"{self.articles} articles ({self.errors} errors, {self.warnings} warnings) in "
            f"{self.seconds:.1f}s; rows: {tables}"
        )


def prepare_output(out_dir: Path, *, overwrite: bool) -> None:
    if out_dir.exists() and any(out_dir.iterdir()):
        ours = (out_dir / MANIFEST).exists() or any(
            (out_dir / f"{name}.{fmt.value}").exists() for name in TABLES for fmt in OutputFormat
        )
        if not overwrite:
            raise OutputExistsError(Errors.E022.format(path=out_dir))
        if ours:
            for name in TABLES:
                for fmt in OutputFormat:
                    for path in (out_dir / f"{name}.{fmt.value}", out_dir / f"{name}.{fmt.value}{PARTIAL}"):
                        path.unlink(missing_ok=True)
            (out_dir / MANIFEST).unlink(missing_ok=True)
        else:
            shutil.rmtree(out_dir)
    out_dir.mkdir(parents=True, exist_ok=True)


class TableSink:
    """Buffers rows per table and writes them as row groups every ``FLUSH_EVERY`` articles."""

    def __init__(self, out_dir: Path, fmt: OutputFormat) -> None:
        self.writers: dict[str, TableWriter] = {
            name: open_writer(out_dir, name, fmt) for name in (*PER_DOCUMENT_TABLES, *SUMMARY_TABLES)
        }
        self.buffer: dict[str, list[dict]] = {name: [] for name in PER_DOCUMENT_TABLES}
        self.pending = 0

    def add(self, result: ArticleResult) -> None:
        for name, rows in result.tables.items():
            self.buffer[name].extend(rows)
        self.pending += 1
        if self.pending >= FLUSH_EVERY:
            self.flush()

    def flush(self) -> None:
        for name, rows in self.buffer.items():
            if rows:
                self.writers[name].write(to_arrow(name, rows))
                rows.clear()
        self.pending = 0

    def close(self, summaries: dict[str, list[dict]]) -> None:
        self.flush()
        for name, rows in summaries.items():
            self.writers[name].write(to_arrow(name, rows))
        for writer in self.writers.values():
            writer.close()


def run(
    inputs: Iterable[str | Path],
    out_dir: Path,
    nlp: Language,
    settings: RunSettings,
    *,
    fmt: OutputFormat = OutputFormat.PARQUET,
    fields: FieldMap | None = None,
    overwrite: bool = False,
    stdin: IO[bytes] | None = None,
    on_result: Callable[[ArticleResult], None] | None = None,
    stderr: IO[str] | None = None,
) -> RunSummary:
    """Extract every article of ``inputs`` into the tables in ``out_dir``."""
    inputs = list(inputs)
    started = time.perf_counter()
    prepare_output(out_dir, overwrite=overwrite)
    sink = TableSink(out_dir, fmt)
    people = PeopleSummary()
    summary = RunSummary()
    errors_to = stderr or sys.stderr
    articles = read_articles(inputs, fields=fields, stdin=stdin)
    for result in process_articles(articles, nlp, settings):
        sink.add(result)
        people.add(result.tables.get("persons", []))
        summary.articles += 1
        summary.words += len(result.article.text.split())
        document = result.document
        if document["status"] != "ok":
            summary.errors += document["status"] == "error"
            summary.warnings += document["status"] == "warning"
            print(f"{document['status']}: {result.article.origin or document['doc_id']}: {document['error']}", file=errors_to)
        for name, rows in result.tables.items():
            summary.rows[name] += len(rows)
        if on_result:
            on_result(result)
    people_rows = people.rows()
    summary.rows["people"] = len(people_rows)
    sink.close({"people": people_rows})
    summary.seconds = time.perf_counter() - started
    write_manifest(out_dir, inputs, settings, fmt, summary, nlp)
    return summary


def write_manifest(
    out_dir: Path,
    inputs: list[str | Path],
    settings: RunSettings,
    fmt: OutputFormat,
    summary: RunSummary,
    nlp: Language,
) -> None:
    from extract import __version__

    manifest = {
        "extract_version": __version__,
        "model": settings.model,
        "model_version": f"{nlp.meta.get('name')}-{nlp.meta.get('version')}",
        "pipeline": nlp.pipe_names,
        "options": {
            "format": fmt.value,
            "reference_date": settings.reference_date.isoformat() if settings.reference_date else None,
            "home_country": settings.home_country,
            "batch_size": settings.batch_size,
            "max_chars": settings.max_chars,
        },
        "inputs": [str(item) for item in inputs],
        "articles": summary.articles,
        "errors": summary.errors,
        "warnings": summary.warnings,
        "rows": dict(summary.rows),
        "seconds": round(summary.seconds, 3),
    }
    partial = out_dir / (MANIFEST + PARTIAL)
    partial.write_text(json.dumps(manifest, indent=2) + "\n", encoding="utf-8")
    partial.replace(out_dir / MANIFEST)
