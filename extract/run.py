"""A whole run: read → pipeline → sharded tables on disk, streaming, resumable, crash-safe.

The input stream is cut into shards of ``shard_size`` records by position, so shard ``k`` holds
the same records whatever the number of workers or the engine: output is identical, row for row.
Each shard's tables are written atomically, then its marker (``_shards/part-k.json``); a resumed
run skips shards with a marker and discards everything else. Inputs and ``out_dir`` may be
fsspec URLs (s3://, gs://, memory://...: extract/storage.py): only this process touches them.
See docs/scaling.md.
"""

from __future__ import annotations

import contextlib
import dataclasses
import functools
import hashlib
import json
import platform
import sys
import time
from collections import Counter, defaultdict
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from importlib import metadata
from pathlib import Path
from typing import IO, Any

from spacy.language import Language

from extract.engines import Engine, EngineError, Shard
from extract.errors import UNREADABLE_FILE_CODES, Errors, plural
from extract.ingest import FieldMap, Format, detect_format, read_articles
from extract.ingest.duplicates import mark_duplicates
from extract.ingest.walk import STDIN, InputListing, list_inputs
from extract.output_folder import OutputExistsError, RunError, _remove, prepare_output
from extract.process import Problem, ShardOutput
from extract.settings import RunSettings
from extract.storage import AnyPath, RemotePath, StorageError, as_path, is_url
from extract.tables.build import PeopleSummary, to_arrow
from extract.tables.schema import PER_DOCUMENT_TABLES, SUMMARY_TABLES, TABLES, run_tables
from extract.tables.writers import (
    MANIFEST,
    SHARDS_DIR,
    OutputFormat,
    WriteError,
    read_table_parts,
    table_dir,
    table_parts,
    write_duckdb,
    write_json,
    write_table_part,
)
from extract.types import Article

MANIFEST_VERSION = 1
DEFAULT_SHARD_SIZE = 200  # records per shard: the unit of work, of writing and of resume
MAX_LISTED_PROBLEMS = 1000  # the manifest lists this many problems; every one is in documents
MAX_LISTED_SKIPPED = 1000  # the manifest lists this many unread files; all are counted
# Options that change the output: a resumed run must use the same.
RESUME_OPTIONS = (
    "format",
    "shard_size",
    "model",
    "components",
    "reference_date",
    "home_country",
    "max_chars",
    "fields",
    "texts",
    "csv_raw",
    "encoding",
    "languages",
    "skip_duplicates",
    "near_duplicates",
)


@dataclass
class RunSummary:
    articles: int = 0
    errors: int = 0
    warnings: int = 0
    skipped: int = 0  # read but not processed (language, duplicate): not problems
    rows: Counter[str] = field(default_factory=Counter)
    seconds: float = 0.0
    words: int = 0
    shards: int = 0
    resumed_shards: int = 0
    unreadable_inputs: int = 0
    tables: tuple[str, ...] = tuple(TABLES)  # the tables this run writes
    skipped_files: int = 0

    def line(self) -> str:
        tables = ", ".join(
            f"{name} {self.rows[name]}"
            for name in self.tables
            if name not in ("documents", "texts")
        )
        resumed = (
            f"; {plural(self.resumed_shards, 'shard')} kept from the interrupted run"
            if self.resumed_shards
            else ""
        )
        not_read = (
            f"; {plural(self.skipped_files, 'file')} not read (listed in {MANIFEST} skipped_files)"
            if self.skipped_files
            else ""
        )
        skipped = f", {self.skipped} skipped" if self.skipped else ""
        counts = f"{plural(self.errors, 'error')}, {plural(self.warnings, 'warning')}{skipped}"
        return (
            f"{plural(self.articles, 'article')} ({counts}) in "
            f"{self.seconds:.1f}s; rows: {tables}{resumed}{not_read}"
        )


# --- the output folder -------------------------------------------------------------------------


def read_manifest(out_dir: AnyPath) -> dict[str, Any] | None:
    path = out_dir / MANIFEST
    if not path.exists():
        return None
    try:
        return json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError) as error:
        raise RunError(f"cannot read {path}: {error}") from error


# --- inputs ------------------------------------------------------------------------------------


def describe_inputs(listings: Iterable[InputListing]) -> list[dict[str, Any]]:
    """Every input file with its size and SHA-256 (what the manifest records). A URL's file is
    not read twice: its size and a checksum from the store's metadata (ETag, MD5...) stand for
    the hash."""
    return [_describe_file(input_file.path) for listing in listings for input_file in listing.files]


def _describe_file(source: AnyPath | str) -> dict[str, Any]:
    if source == STDIN:
        return {"path": STDIN}
    if isinstance(source, RemotePath):
        try:
            return {"path": str(source), "bytes": source.size(), "checksum": source.checksum()}
        except FileNotFoundError:
            return {"path": str(source), "error": "No such file or directory"}
        except OSError as error:
            return {"path": str(source), "error": error.strerror or str(error)}
    path = Path(source)
    try:
        digest = hashlib.sha256()
        with path.open("rb") as handle:
            for block in iter(lambda: handle.read(1 << 20), b""):
                digest.update(block)
        return {"path": str(path), "bytes": path.stat().st_size, "sha256": digest.hexdigest()}
    except OSError as error:
        return {"path": str(path), "error": error.strerror or str(error)}


def _checked_inputs(
    inputs: Iterable[str | AnyPath],
) -> tuple[list[InputListing], list[dict[str, Any]]]:
    """What the inputs name, and its description for the manifest. An input folder (or glob)
    with nothing to read is a mistake, not an empty run."""
    listings = list(list_inputs(inputs))
    for listing in listings:
        if listing.is_listing and not listing.files:
            raise RunError(Errors.E036.format(path=listing.item, n_skipped=len(listing.skipped)))
    return listings, describe_inputs(listings)


def _resolve_duplicates(settings: RunSettings, listings: list[InputListing]) -> RunSettings:
    """``settings`` with skip_duplicates decided: when not given, on if an input is a web
    archive (re-crawls repeat pages), off otherwise."""
    if settings.skip_duplicates is not None:
        return settings
    archives = any(
        not isinstance(source.path, str) and detect_format(source.path) is Format.WARC
        for listing in listings
        for source in listing.files
    )
    return dataclasses.replace(settings, skip_duplicates=archives)


def _skipped_files(listings: list[InputListing]) -> dict[str, Any]:
    """The manifest's list of files that folder walks did not read, with their count."""
    skipped = [entry for listing in listings for entry in listing.skipped]
    listed = [{"path": entry.path, "reason": entry.reason} for entry in skipped]
    return {"skipped_files": listed[:MAX_LISTED_SKIPPED], "skipped_files_count": len(skipped)}


def _check_out_not_in_inputs(out_dir: AnyPath, inputs: list[str | AnyPath]) -> None:
    """A run must not read its own output (manifest.json and JSONL parts look like input)."""
    if isinstance(out_dir, RemotePath):
        for item in inputs:
            source = as_path(item) if str(item) != STDIN else None
            if isinstance(source, RemotePath) and source.fixed_root().contains(out_dir):
                raise RunError(f"--out {out_dir} is inside the input {item}; choose another")
        return
    out = out_dir.resolve()
    for item in inputs:
        if str(item) == STDIN or is_url(item) or isinstance(item, RemotePath):
            continue
        folder = Path(item).resolve()
        if folder.is_dir() and (out == folder or folder in out.parents):
            raise RunError(f"--out {out_dir} is inside the input folder {item}; choose another")


def iter_shards(articles: Iterable[Article], shard_size: int, skip: set[int]) -> Iterator[Shard]:
    """Consecutive records cut into shards by position; shards in ``skip`` are read (so that
    duplicate ids are still detected) but not yielded."""
    batch: list[Article] = []
    index = 0
    for article in articles:
        batch.append(article)
        if len(batch) == shard_size:
            if index not in skip:
                yield index, batch
            index += 1
            batch = []
    if batch and index not in skip:
        yield index, batch


# --- the run -----------------------------------------------------------------------------------


@functools.lru_cache(maxsize=1)
def _package_versions() -> dict[str, str | None]:
    versions: dict[str, str | None] = {"python": platform.python_version()}
    for package in (
        "news-extract",
        "spacy",
        "pyarrow",
        "duckdb",
        "dateparser",
        "dask",
        "distributed",
        "fsspec",
    ):
        try:
            versions[package] = metadata.version(package)
        except metadata.PackageNotFoundError:
            versions[package] = None
    return versions


def _options(
    settings: RunSettings,
    fmt: OutputFormat,
    fields: FieldMap,
    shard_size: int,
    components: tuple[str, ...],
    csv_raw: bool,
) -> dict[str, Any]:
    return {
        "format": fmt.value,
        "csv_raw": csv_raw,
        "shard_size": shard_size,
        "model": settings.model,
        "components": list(components),
        "reference_date": settings.reference_date.isoformat() if settings.reference_date else None,
        "home_country": settings.home_country,
        "max_chars": settings.max_chars,
        "batch_size": settings.batch_size,
        "texts": settings.texts,
        "encoding": settings.encoding,
        "languages": list(settings.languages) if settings.languages is not None else "all",
        "skip_duplicates": settings.skip_duplicates,
        "near_duplicates": settings.near_duplicates,
        "fields": {
            "id": list(fields.id),
            "text": list(fields.text),
            "published": list(fields.published),
        },
    }


def _check_resumable(
    previous: dict[str, Any] | None, options: dict[str, Any], inputs: list[dict[str, Any]]
) -> None:
    if previous is None:
        return
    before = previous.get("options", {})
    for name in RESUME_OPTIONS:
        if before.get(name) != options.get(name):
            raise RunError(
                f"cannot resume: option {name} was {before.get(name)!r}, now {options.get(name)!r}; "
                "rerun with the same options or use --overwrite"
            )
    hashes_before = [_fingerprint(item) for item in previous.get("inputs", [])]
    hashes_now = [_fingerprint(item) for item in inputs]
    if hashes_before != hashes_now:
        raise RunError(
            "cannot resume: the input files changed since the interrupted run; use --overwrite"
        )


def _fingerprint(described: dict[str, Any]) -> tuple[Any, ...]:
    return described.get("path"), described.get("sha256"), described.get("checksum")


class _ShardStore:
    """Writes each shard's tables then its marker; aggregates what the manifest reports."""

    def __init__(
        self, out_dir: AnyPath, fmt: OutputFormat, tables: tuple[str, ...], *, csv_raw: bool
    ) -> None:
        self.out_dir = out_dir
        self.fmt = fmt
        self.tables = [table for table in PER_DOCUMENT_TABLES if table in tables]
        self.csv_raw = csv_raw
        (out_dir / SHARDS_DIR).mkdir(exist_ok=True)

    def commit(self, index: int, output: ShardOutput) -> dict[str, Any]:
        for table in self.tables:
            write_table_part(
                self.out_dir, table, index, output.tables[table], self.fmt, csv_raw=self.csv_raw
            )
        marker = {
            "shard": index,
            "articles": output.articles,
            "words": output.words,
            "rows": output.rows,
            "seconds": round(output.seconds, 3),
            "problems": [problem.__dict__ for problem in output.problems],
            "pipeline": output.pipeline,
        }
        write_json(self.out_dir / SHARDS_DIR / f"part-{index:06d}.json", marker)
        return marker


def _empty_table(table: str) -> Any:
    return to_arrow(table, [])


def run(
    inputs: Iterable[str | AnyPath],
    out_dir: str | AnyPath,
    nlp: Language | None,
    settings: RunSettings,
    *,
    fmt: OutputFormat = OutputFormat.PARQUET,
    fields: FieldMap | None = None,
    overwrite: bool = False,
    resume: bool = False,
    workers: int = 1,
    engine: str = "local",
    scheduler: str | None = None,
    shard_size: int = DEFAULT_SHARD_SIZE,
    stdin: IO[bytes] | None = None,
    on_progress: Callable[[int], None] | None = None,
    stderr: IO[str] | None = None,
    csv_raw: bool = False,
) -> RunSummary:
    """Extract every article of ``inputs`` into sharded tables in ``out_dir``.

    ``nlp`` is used when the run happens in this process (one worker, or an input of a single
    batch) and is what forked workers start from; spawned workers load ``settings.model``
    themselves. ``on_progress`` receives the number of articles of each finished nlp.pipe batch
    (of each shard with Dask). ``inputs`` and ``out_dir`` may be fsspec URLs. CSV text cells are
    neutralised for spreadsheets unless ``csv_raw`` (docs/security.md)."""
    started = time.perf_counter()
    if shard_size < 1:
        raise RunError("shard size must be at least 1")
    inputs, out = _locate(inputs, out_dir)
    listings, described = _checked_inputs(inputs)
    settings, fields = _resolve_duplicates(settings, listings), fields or FieldMap()
    spec = _pipeline_spec(nlp, settings)
    options = _options(settings, fmt, fields, shard_size, spec.components, csv_raw)
    previous, done = _open_output(out, options, described, overwrite=overwrite, resume=resume)
    manifest = {**_start_manifest(fmt, options, described, previous), **_skipped_files(listings)}
    write_json(out / MANIFEST, manifest)
    summary = RunSummary(resumed_shards=len(done), tables=run_tables(texts=settings.texts))
    state = _Invocation(started, summary=summary, done=done)
    try:
        articles = _read_inputs(inputs, fields, stdin, settings, state.skipped)
        shards = iter_shards(articles, shard_size, set(done))
        state.engine, shards = _start_engine(
            engine, workers, scheduler, nlp, spec, settings, shards
        )
        store = _ShardStore(out, fmt, summary.tables, csv_raw=csv_raw)
        _process_shards(state, store, shards, stderr or sys.stderr, on_progress)
        manifest["engine"] = _stop_engine(state)
        finish_started = time.perf_counter()
        _finish(out, fmt, done, state.summary, csv_raw=csv_raw)
        state.timings["finishing"] += time.perf_counter() - finish_started
    except BaseException as error:
        _record_failure(out, manifest, state, error)
        if isinstance(error, EngineError):
            raise RunError(str(error)) from error
        raise
    state.summary.seconds = time.perf_counter() - started
    _complete_manifest(manifest, done, state.summary, state.timings, state.skipped)
    write_json(out / MANIFEST, manifest)
    return state.summary


def _pipeline_spec(nlp: Language | None, settings: RunSettings) -> Any:
    """What worker processes load: the model and the news components of ``nlp`` (all of them
    when the pipeline is not loaded here)."""
    from extract.engines.loader import PipelineSpec
    from extract.pipeline import NEWS_COMPONENTS

    components = tuple(nlp.pipe_names) if nlp is not None else NEWS_COMPONENTS
    return PipelineSpec(settings.model, tuple(c for c in components if c.startswith("news_")))


def _read_inputs(
    inputs: list[str | AnyPath],
    fields: FieldMap,
    stdin: IO[bytes] | None,
    settings: RunSettings,
    skipped: dict[str, Counter[str]],
) -> Iterator[Article]:
    """The articles of ``inputs``, repeats marked (``duplicate_of``); web-archive records that
    are not articles go to ``skipped`` (per input, for the manifest)."""
    articles = read_articles(
        inputs, fields=fields, stdin=stdin, encoding=settings.encoding, skipped_records=skipped
    )
    return mark_duplicates(articles, near_threshold=settings.near_duplicates)


@dataclass
class _Invocation:
    """What one invocation of ``run`` has done so far (a failure records it in the manifest)."""

    started: float
    summary: RunSummary
    done: dict[int, dict[str, Any]]
    timings: defaultdict[str, float] = field(default_factory=lambda: defaultdict(float))
    engine: Engine | None = None
    skipped: dict[str, Counter[str]] = field(default_factory=dict)  # archive records, by input


def _open_output(
    out_dir: AnyPath,
    options: dict[str, Any],
    described: list[dict[str, Any]],
    *,
    overwrite: bool,
    resume: bool,
) -> tuple[dict[str, Any] | None, dict[int, dict[str, Any]]]:
    """The interrupted run's manifest (when resuming) and the completed shards to keep."""
    previous = read_manifest(out_dir) if resume and out_dir.exists() else None
    if previous is not None:
        _check_resumable(previous, options, described)
    return previous, prepare_output(out_dir, overwrite=overwrite, resume=resume)


def _locate(
    inputs: Iterable[str | AnyPath], out_dir: str | AnyPath
) -> tuple[list[str | AnyPath], AnyPath]:
    """Inputs and output folder as paths; a URL whose backend is missing stops the run here,
    with what to install."""
    try:
        located = [as_path(item) if is_url(item) else item for item in inputs]
        out = as_path(out_dir)
    except StorageError as error:
        raise RunError(str(error)) from error
    _check_out_not_in_inputs(out, located)
    return located, out


def _start_manifest(
    fmt: OutputFormat,
    options: dict[str, Any],
    described: list[dict[str, Any]],
    previous: dict[str, Any] | None,
) -> dict[str, Any]:
    """The manifest of a run that has just started (a resumed run keeps its earlier sessions)."""
    return {
        "manifest_version": MANIFEST_VERSION,
        "status": "running",
        "extract_version": _package_versions()["news-extract"],
        "packages": _package_versions(),
        "options": options,
        "inputs": described,
        "layout": {
            "tables": f"<table>/part-NNNNNN.{fmt.shard_suffix}",
            "shard_markers": f"{SHARDS_DIR}/part-NNNNNN.json",
            "summary_tables": list(SUMMARY_TABLES),
        },
        "sessions": list(previous.get("sessions", [])) if previous else [],
    }


def _process_shards(
    state: _Invocation,
    store: _ShardStore,
    shards: Iterator[Shard],
    errors_to: IO[str],
    on_progress: Callable[[int], None] | None,
) -> None:
    """Run the engine over the shards, committing each one as it comes back."""
    assert state.engine is not None
    for index, output in state.engine.map(shards, on_progress):
        write_started = time.perf_counter()
        state.done[index] = store.commit(index, output)
        state.timings["writing"] += time.perf_counter() - write_started
        state.timings["processing"] += output.seconds
        _report_problems(output.problems, errors_to)


def _stop_engine(state: _Invocation) -> dict[str, Any]:
    """Close the engine after the last shard; returns its description for the manifest."""
    assert state.engine is not None
    described = state.engine.describe()
    state.engine.close()
    state.engine = None
    return described


def _record_failure(
    out_dir: AnyPath, manifest: dict[str, Any], state: _Invocation, error: BaseException
) -> None:
    """Close the engine and say in the manifest how far the run got and why it stopped."""
    if state.engine is not None:
        state.engine.close()
    done = state.done
    manifest["status"] = "interrupted" if isinstance(error, KeyboardInterrupt) else "failed"
    manifest["failure"] = f"{type(error).__name__}: {error}"
    manifest["shards_completed"] = len(done)
    manifest["sessions"].append(
        _session(time.perf_counter() - state.started, len(done), state.summary, state.timings)
    )
    # The disk may be full: then the missing "complete" status still tells the truth.
    with contextlib.suppress(OSError):
        write_json(out_dir / MANIFEST, manifest)


def _start_engine(
    engine: str,
    workers: int,
    scheduler: str | None,
    nlp: Language | None,
    spec: Any,
    settings: RunSettings,
    shards: Iterator[Shard],
) -> tuple[Engine, Iterator[Shard]]:
    """The engine for this run. A local run whose input fits in one nlp.pipe batch stays in this
    process (starting workers would cost more than it saves)."""
    from itertools import chain

    from extract.engines.loader import get_pipeline
    from extract.engines.local import InProcessEngine, ProcessPoolEngine

    if engine == "dask":
        from extract.engines.dask_engine import DaskEngine

        return DaskEngine(spec, settings, scheduler=scheduler, workers=workers), shards
    if engine != "local":
        raise RunError(f"unknown engine '{engine}': use local or dask")
    head = [shard for _, shard in zip(range(2), shards, strict=False)]
    shards = chain(head, shards)
    if workers <= 1 or (len(head) < 2 and _fits_one_batch(head, settings.batch_size)):
        return InProcessEngine(nlp if nlp is not None else get_pipeline(spec), settings), shards
    return ProcessPoolEngine(spec, settings, workers, nlp=nlp), shards


def _fits_one_batch(shards: list[Shard], batch_size: int) -> bool:
    from extract.process import batches

    return sum(1 for _, articles in shards for _ in batches(articles, batch_size)) <= 1


def _report_problems(problems: list[Problem], stream: IO[str]) -> None:
    for problem in problems:
        if problem.status == "skipped":
            continue  # not a problem: counted in the summary, its reason is in documents
        print(
            f"{problem.status}: {_one_line(problem.origin)}: {_one_line(problem.message)}",
            file=stream,
        )


def _one_line(text: str) -> str:
    """``text`` with line breaks and other control characters escaped: one problem, one line."""
    if text.isprintable():
        return text
    return "".join(c if c.isprintable() else repr(c)[1:-1] for c in text)


def _finish(
    out_dir: AnyPath,
    fmt: OutputFormat,
    done: dict[int, dict[str, Any]],
    summary: RunSummary,
    *,
    csv_raw: bool,
) -> None:
    """Summary tables from the shards, empty parts for tables no shard wrote, DuckDB file."""
    for table in PER_DOCUMENT_TABLES:
        if table in summary.tables and not table_parts(out_dir, table, fmt):
            write_table_part(out_dir, table, 0, _empty_table(table), fmt, csv_raw=csv_raw)
    people = PeopleSummary()
    columns = ["doc_id", "name", "surface_name", "title", "person_key"]
    for part in read_table_parts(out_dir, "persons", fmt, columns=columns):
        people.add(part.to_pylist())
    people_rows = people.rows()
    _remove(table_dir(out_dir, "people"))
    people_table = to_arrow("people", people_rows)
    write_table_part(out_dir, "people", 0, people_table, fmt, csv_raw=csv_raw)
    summary.rows["people"] = len(people_rows)
    if fmt is OutputFormat.DUCKDB:
        write_duckdb(out_dir, list(summary.tables))


def _unreadable_files(inputs: list[dict[str, Any]], done: dict[int, dict[str, Any]]) -> int:
    """Input files that gave an error of UNREADABLE_FILE_CODES as a whole (a binary .txt, a
    corrupt .gz, a vanished file), not in one of their records."""
    files = {item.get("path") for item in inputs}
    return len(
        {
            problem["origin"]
            for marker in done.values()
            for problem in marker["problems"]
            if problem["status"] == "error"
            and problem["origin"] in files
            and (problem["message"] or "").split(":", 1)[0] in UNREADABLE_FILE_CODES
        }
    )


def _complete_manifest(
    manifest: dict[str, Any],
    done: dict[int, dict[str, Any]],
    summary: RunSummary,
    timings: dict[str, float],
    skipped: dict[str, Counter[str]],
) -> None:
    _note_skipped_records(manifest, skipped)
    problems: list[dict[str, Any]] = []
    codes: Counter[str] = Counter()
    pipeline: dict[str, Any] = {}
    for index in sorted(done):
        marker = done[index]
        summary.articles += marker["articles"]
        summary.words += marker["words"]
        for table, count in marker["rows"].items():
            summary.rows[table] += count
        for problem in marker["problems"]:
            summary.errors += problem["status"] == "error"
            summary.warnings += problem["status"] == "warning"
            summary.skipped += problem["status"] == "skipped"
            codes[(problem["message"] or "?").split(":", 1)[0]] += 1
            if len(problems) < MAX_LISTED_PROBLEMS and problem["status"] != "skipped":
                problems.append(problem)
        pipeline = pipeline or marker.get("pipeline", {})
    summary.shards = len(done)
    summary.skipped_files = manifest.get("skipped_files_count", 0)
    summary.unreadable_inputs = _unreadable_files(manifest.get("inputs", []), done)
    manifest["sessions"].append(_session(summary.seconds, len(done), summary, timings))
    manifest.update(
        status="complete",
        pipeline=pipeline,
        shards=len(done),
        articles=summary.articles,
        words=summary.words,
        errors=summary.errors,
        warnings=summary.warnings,
        skipped=summary.skipped,
        rows={table: summary.rows[table] for table in summary.tables},
        problem_codes=dict(sorted(codes.items())),
        problems=problems,
        problems_listed=len(problems),
        seconds=round(sum(session["seconds"] for session in manifest["sessions"]), 3),
    )


def _note_skipped_records(manifest: dict[str, Any], skipped: dict[str, Counter[str]]) -> None:
    """Web-archive records that are not articles (request, metadata, non-HTML responses...):
    by kind on each input that has them, and their total."""
    for described in manifest["inputs"]:
        counts = skipped.get(described.get("path", ""))
        if counts:
            described["skipped_records"] = dict(sorted(counts.items()))
    manifest["skipped_records"] = sum(sum(counts.values()) for counts in skipped.values())


def _session(
    seconds: float, shards: int, summary: RunSummary, timings: dict[str, float]
) -> dict[str, Any]:
    """Timings of one invocation (a resumed run has several sessions)."""
    return {
        "seconds": round(seconds, 3),
        "shards_kept": summary.resumed_shards,
        "shards_processed": shards - summary.resumed_shards,
        "processing_seconds": round(timings["processing"], 3),
        "writing_seconds": round(timings["writing"], 3),
        "finishing_seconds": round(timings["finishing"], 3),
    }


def run_is_complete(out_dir: AnyPath) -> bool:
    manifest = read_manifest(out_dir)
    return bool(manifest) and manifest.get("status") == "complete"  # type: ignore[union-attr]


def output_tables(out_dir: AnyPath) -> dict[str, tuple[str, list[AnyPath]]]:
    """The tables of a run folder: name -> (shard suffix, part files)."""
    found: dict[str, tuple[str, list[AnyPath]]] = {}
    for table in TABLES:
        folder = table_dir(out_dir, table)
        if not folder.is_dir():
            continue
        for suffix in ("parquet", "csv", "jsonl"):
            parts: list[AnyPath] = sorted(folder.glob(f"part-*.{suffix}"), key=lambda p: p.name)
            if parts:
                found[table] = (suffix, parts)
                break
    return found


__all__ = [
    "DEFAULT_SHARD_SIZE",
    "MANIFEST",
    "OutputExistsError",
    "RunError",
    "RunSummary",
    "WriteError",
    "output_tables",
    "prepare_output",
    "read_manifest",
    "run",
    "run_is_complete",
]
