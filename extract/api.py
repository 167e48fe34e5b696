"""The Python API: what the command line does, as plain functions with checked options.

``plan_run`` checks every option of a run (the same checks, errors and messages as
``extract run``) and returns a ``RunRequest`` that ``run_request`` executes.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from typing import IO, Any

from extract.errors import Errors
from extract.ingest.fields import FieldMap
from extract.run import DEFAULT_SHARD_SIZE
from extract.settings import (
    ModelError,
    RunSettings,
    SettingsError,
    check_engine,
    check_inputs,
    check_model,
    check_output,
    parse_home_country,
    parse_reference_date,
)
from extract.tables.writers import OutputFormat


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
    max_chars: int = 1_000_000,
    overwrite: bool = False,
    resume: bool = False,
    workers: int | None = None,
    engine: str = "local",
    scheduler: str | None = None,
    shard_size: int = DEFAULT_SHARD_SIZE,
    texts: bool = True,
    csv_raw: bool = False,
) -> RunRequest:
    """Check the options of a run as ``extract run`` takes them; raises SettingsError (or its
    subclasses InputError, ModelError) with a coded message. ``workers=None``: all cores."""
    if model is None:
        from extract.pipeline import DEFAULT_MODEL

        model = DEFAULT_MODEL
    check_engine(engine, scheduler=scheduler, workers=workers, shard_size=shard_size)
    if overwrite and resume:
        raise SettingsError(Errors.E030)
    try:
        fmt = OutputFormat(output_format)
    except ValueError:
        raise SettingsError(Errors.E031.format(value=output_format)) from None
    settings = RunSettings(
        model=model,
        reference_date=parse_reference_date(reference_date),
        home_country=parse_home_country(home_country),
        batch_size=batch_size,
        max_chars=max_chars,
        texts=texts,
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
        output_format=fmt,
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
