"""The Python API: what the command line does, as plain functions with checked options.

``extract_frames`` / ``extract_tables`` run the pipeline over texts given in Python and return
the tables ``extract run`` would write; ``read_tables`` reads the output of any run back.
``plan_run`` checks every option of a run (the same checks, errors and messages as
``extract run``) and returns a ``RunRequest`` that ``run_request`` executes.
"""

from __future__ import annotations

import datetime as dt
import os
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from typing import IO, TYPE_CHECKING, Any

import pyarrow as pa

from extract.errors import Errors
from extract.ingest.duplicates import mark_duplicates
from extract.ingest.fields import FieldMap, article_from_record
from extract.ingest.readers import reject_repeated_ids
from extract.run import DEFAULT_SHARD_SIZE
from extract.settings import (
    DEFAULT_MAX_CHARS,
    InputError,
    ModelError,
    RunSettings,
    SettingsError,
    check_engine,
    check_inputs,
    check_model,
    check_output,
    parse_home_country,
    parse_languages,
    parse_reference_date,
)
from extract.tables.schema import TABLES
from extract.tables.writers import OutputFormat, read_table_parts
from extract.types import Article, StrPath

if TYPE_CHECKING:
    from extract.tables.frames import Tables  # pandas loads only when frames are asked for


@dataclass(frozen=True)
class RunRequest:
    """A checked run: inputs, output folder and every option, ready for ``run_request``."""

    inputs: tuple[str, ...]
    out: str
    settings: RunSettings
    fields: FieldMap = field(default_factory=FieldMap)
    output_format: OutputFormat = OutputFormat.PARQUET
    overwrite: bool = False
    resume: bool = False
    workers: int = 1
    engine: str = "local"
    scheduler: str | None = None
    shard_size: int = DEFAULT_SHARD_SIZE
    csv_raw: bool = False  # CSV text as is, formula cells not neutralised (docs/security.md)

    @property
    def runs_here(self) -> bool:
        """True when this process runs the pipeline itself (no worker processes)."""
        return self.engine == "local" and self.workers == 1

    @property
    def forks_workers(self) -> bool:
        """True when local workers are forked from this process's loaded pipeline (Linux)."""
        from extract.engines.local import default_start_method

        return self.engine == "local" and default_start_method() == "fork"

    def load_pipeline(self) -> Any:
        """The pipeline when the run happens in this process or its workers are forked from it,
        else None after checking that workers will find the model. Raises ModelError."""
        if not (self.runs_here or self.forks_workers):
            check_model(self.settings.model)
            return None
        from extract.engines.loader import PipelineSpec, get_pipeline

        try:
            return get_pipeline(PipelineSpec(self.settings.model))
        except ValueError as error:
            raise ModelError(str(error)) from None


def parse_output_format(value: OutputFormat | str) -> OutputFormat:
    """The output format named by ``value``; SettingsError (E031) for an unknown one."""
    try:
        return OutputFormat(value)
    except ValueError:
        raise SettingsError(Errors.E031.format(value=value)) from None


def plan_run(
    inputs: Sequence[str],
    *,
    out: str = "out",
    output_format: OutputFormat | str = OutputFormat.PARQUET,
    model: str | None = None,
    reference_date: Any = None,
    home_country: str | None = None,
    id_field: str | None = None,
    text_field: str | None = None,
    date_field: str | None = None,
    batch_size: int = 64,
    max_chars: int = DEFAULT_MAX_CHARS,
    overwrite: bool = False,
    resume: bool = False,
    workers: int | None = None,  # None: all cores
    engine: str = "local",
    scheduler: str | None = None,
    shard_size: int = DEFAULT_SHARD_SIZE,
    texts: bool = True,
    csv_raw: bool = False,
    encoding: str | None = None,
    languages: str | Sequence[str] | None = "en",
    skip_duplicates: bool | None = None,  # None: on for web archives (extract.run)
    near_duplicates: float | None = None,
) -> RunRequest:
    """The options of ``extract run``, checked: a coded SettingsError, InputError or ModelError."""
    check_engine(engine, scheduler=scheduler, workers=workers, shard_size=shard_size)
    if overwrite and resume:
        raise SettingsError(Errors.E030)
    settings = checked_settings(
        model,
        reference_date,
        home_country,
        batch_size=batch_size,
        max_chars=max_chars,
        texts=texts,
        encoding=encoding,
        languages=parse_languages(languages),
        skip_duplicates=skip_duplicates,
        near_duplicates=near_duplicates,
    )
    check_inputs(inputs)
    check_output(out)
    return RunRequest(
        inputs=tuple(inputs),
        out=out,
        settings=settings,
        fields=FieldMap.with_overrides(
            id_field=id_field, text_field=text_field, date_field=date_field
        ),
        output_format=parse_output_format(output_format),
        overwrite=overwrite,
        resume=resume,
        workers=workers or os.cpu_count() or 1,
        engine=engine,
        scheduler=scheduler,
        shard_size=shard_size,
        csv_raw=csv_raw,
    )


def run_request(
    request: RunRequest,
    nlp: Any = None,
    *,
    on_progress: Callable[[int], None] | None = None,
    stdin: IO[bytes] | None = None,
    stderr: IO[str] | None = None,
) -> Any:
    """Run ``request`` (extract/run.py ``run``) and return its RunSummary."""
    from extract.run import run

    return run(
        list(request.inputs),
        request.out,
        nlp,
        request.settings,
        fmt=request.output_format,
        fields=request.fields,
        overwrite=request.overwrite,
        resume=request.resume,
        workers=request.workers,
        engine=request.engine,
        scheduler=request.scheduler,
        shard_size=request.shard_size,
        stdin=stdin,
        on_progress=on_progress,
        stderr=stderr,
        csv_raw=request.csv_raw,
    )


# --- articles in Python: extract_tables, extract_frames ------------------------------------------

PYTHON_ORIGIN = "<python>"  # origin of records given in Python: "<python>[3]" is the fourth


def articles_from(texts: Any, fields: FieldMap | None = None) -> Iterator[Article]:
    """Articles from strings (id = position), mappings or DataFrame rows (mapped by ``fields``
    as JSONL/CSV records are), or ``Article``s (as given); duplicate ids become E006 error
    records and repeated bodies name their first (``duplicate_of``), as in a run."""
    return mark_duplicates(reject_repeated_ids(_articles_in_order(texts, fields or FieldMap())))


def _articles_in_order(texts: Any, fields: FieldMap) -> Iterator[Article]:
    for index, item in enumerate(_records(texts)):
        origin = f"{PYTHON_ORIGIN}[{index}]"
        if isinstance(item, Article):
            article = item
        elif isinstance(item, str):
            article = _article_from_string(item, str(index), origin)
        elif isinstance(item, Mapping):
            article = article_from_record(
                _plain_record(item), fields, origin=origin, fallback_id=f"#{index}"
            )
        else:
            raise TypeError(
                f"texts[{index}] is a {type(item).__name__}: give strings, mappings of article "
                "fields, Articles or a DataFrame"
            )
        yield article


def _records(texts: Any) -> Iterable[Any]:
    if isinstance(texts, str | Article | Mapping):
        raise TypeError("texts is one item: give a list of them (e.g. [text])")
    if hasattr(texts, "to_dict") and hasattr(texts, "columns"):  # a pandas DataFrame
        return texts.to_dict("records")
    return texts


def _article_from_string(text: str, doc_id: str, origin: str) -> Article:
    if not text.strip():
        return Article(doc_id, "", origin=origin, error=Errors.E001)
    return Article(doc_id, text, origin=origin)


def _plain_record(record: Mapping[str, Any]) -> dict[str, Any]:
    """Missing values (NaN, NA, NaT) as None, dates and timestamps as ISO strings."""
    plain: dict[str, Any] = {}
    for key, value in record.items():
        if value is not None and not isinstance(value, str | list | dict) and _is_missing(value):
            value = None
        elif isinstance(value, dt.date | dt.datetime) or hasattr(value, "isoformat"):
            value = value.isoformat()
        plain[str(key)] = value
    return plain


def _is_missing(value: Any) -> bool:
    try:
        import pandas as pd

        return bool(pd.isna(value))
    except (TypeError, ValueError):
        return False


def extract_tables(
    texts: Any,
    *,
    model: str | None = None,
    reference_date: Any = None,
    home_country: str | None = None,
    batch_size: int = 64,
    max_chars: int = DEFAULT_MAX_CHARS,
    nlp: Any = None,
    id_field: str | None = None,
    text_field: str | None = None,
    date_field: str | None = None,
) -> dict[str, pa.Table]:
    """Every table for ``texts`` as Arrow tables with the declared schemas: the rows
    ``extract run`` writes for the same records and options. ``texts``: strings, mappings of
    article fields, ``Article``s or a pandas DataFrame (fields mapped as in a run, overridden
    by ``id_field``/``text_field``/``date_field``). ``nlp``: a loaded pipeline; by default
    ``model``'s, loaded once per process and reused by later calls. Raises SettingsError
    (ModelError for an unknown model) with the coded message the CLI prints."""
    from extract.process import process_shard
    from extract.tables.build import PeopleSummary, to_arrow
    from extract.tables.schema import PER_DOCUMENT_TABLES

    settings = checked_settings(
        model, reference_date, home_country, batch_size=batch_size, max_chars=max_chars
    )
    fields = FieldMap.with_overrides(
        id_field=id_field, text_field=text_field, date_field=date_field
    )
    nlp = nlp if nlp is not None else pipeline_for(settings.model)
    parts: dict[str, list[pa.Table]] = {name: [] for name in PER_DOCUMENT_TABLES}
    for shard in _chunks(articles_from(texts, fields), DEFAULT_SHARD_SIZE):
        output = process_shard(shard, nlp, settings)
        for name, table in output.tables.items():
            parts[name].append(table)
    tables = {
        name: pa.concat_tables(found) if found else to_arrow(name, [])
        for name, found in parts.items()
        if found or name in output_names(settings)
    }
    people = PeopleSummary()
    people.add(tables["persons"].to_pylist())
    tables["people"] = to_arrow("people", people.rows())
    return {name: tables[name] for name in output_names(settings)}


def extract_frames(texts: Any, **options: Any) -> Tables:
    """``extract_tables`` as pandas: one DataFrame per table (``Tables``), with the schema's
    types as ``pd.ArrowDtype``. Takes the same arguments.

    >>> import extract
    >>> tables = extract.extract_frames(["Hu Yipin was arrested in Vietnam on April 28, 2020."])
    >>> tables.persons[["name", "person_key"]].values.tolist()
    [['Hu Yipin', 'hu yipin']]
    >>> tables.dates["start"].tolist()
    [datetime.date(2020, 4, 28)]
    """
    from extract.tables.frames import Tables

    return Tables.from_arrow(extract_tables(texts, **options))


def output_names(settings: RunSettings) -> tuple[str, ...]:
    from extract.tables.schema import run_tables

    return run_tables(texts=settings.texts)


def checked_settings(
    model: str | None, reference_date: Any, home_country: str | None, **options: Any
) -> RunSettings:
    """RunSettings from the options a user writes: the model or the default, the reference date
    and home country parsed and checked (coded SettingsError), the rest as given."""
    return RunSettings(
        model=model or _default_model(),
        reference_date=parse_reference_date(reference_date),
        home_country=parse_home_country(home_country),
        **options,
    )


def _default_model() -> str:
    from extract.pipeline import DEFAULT_MODEL

    return DEFAULT_MODEL


def pipeline_for(model: str) -> Any:
    """The pipeline of ``model`` with our components, loaded once per process (cached)."""
    from extract.engines.loader import PipelineSpec, get_pipeline

    try:
        return get_pipeline(PipelineSpec(model))
    except ValueError as error:
        raise ModelError(str(error)) from None


def _chunks(items: Iterable[Article], size: int) -> Iterator[list[Article]]:
    chunk: list[Article] = []
    for item in items:
        chunk.append(item)
        if len(chunk) == size:
            yield chunk
            chunk = []
    if chunk:
        yield chunk


# --- reading a run back --------------------------------------------------------------------------


def read_arrow_tables(path_or_url: StrPath) -> dict[str, pa.Table]:
    """The tables of a run's output folder (any format, local or an fsspec URL), or of a
    ``tables.duckdb`` file, as Arrow tables with the declared schemas."""
    from extract.run import output_tables
    from extract.storage import StorageError, as_path

    try:
        folder = as_path(path_or_url if isinstance(path_or_url, str) else os.fspath(path_or_url))
    except StorageError as error:
        raise InputError(str(error)) from None
    if folder.name.endswith(".duckdb") and folder.is_file():
        return _read_duckdb(folder)
    if not folder.is_dir():
        raise InputError(Errors.E021.format(path=path_or_url))
    found = output_tables(folder)
    if not found:
        raise InputError(Errors.E037.format(path=path_or_url))
    tables: dict[str, pa.Table] = {}
    for name, (suffix, _) in found.items():
        parts = list(read_table_parts(folder, name, OutputFormat(suffix)))
        schema = TABLES[name].arrow_schema()
        tables[name] = pa.concat_tables([part.cast(schema) for part in parts])
    return tables


def _read_duckdb(path: Any) -> dict[str, pa.Table]:
    import duckdb

    connection = duckdb.connect(str(path), read_only=True)
    try:
        present = {row[0] for row in connection.execute("SHOW TABLES").fetchall()}
        tables: dict[str, pa.Table] = {}
        for name in TABLES:
            if name in present:
                data: pa.Table = connection.sql(f'SELECT * FROM "{name}"').to_arrow_table()
                tables[name] = data.cast(TABLES[name].arrow_schema())
        return tables
    finally:
        connection.close()


def read_tables(path_or_url: StrPath) -> Tables:
    """The tables of any run (``extract run --out``) as ``Tables`` of DataFrames."""
    from extract.tables.frames import Tables

    return Tables.from_arrow(read_arrow_tables(path_or_url))
