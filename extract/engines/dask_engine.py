"""The Dask engine: shards become Dask tasks on a cluster (or a local one).

The client reads the input and writes the tables; workers load the pipeline once per process
(``loader.get_pipeline`` caches it in the worker's memory) and return Arrow tables. Workers
therefore need the package and the model installed, but no access to the input or output.
"""

from __future__ import annotations

import logging
import uuid
from collections.abc import Iterable, Iterator
from typing import Any

from extract.engines import BatchCallback, EngineError, Shard, ordered_window
from extract.engines.loader import PipelineSpec, get_pipeline
from extract.process import ShardOutput, process_shard
from extract.settings import RunSettings
from extract.types import Article


def process_shard_task(
    articles: list[Article], spec: PipelineSpec, settings: RunSettings
) -> ShardOutput:
    """The Dask task: runs on a worker, with that worker process's cached pipeline."""
    return process_shard(articles, get_pipeline(spec), settings)


class DaskEngine:
    """Shards as tasks on ``scheduler`` (an address such as tcp://10.0.0.5:8786), or on a local
    cluster of ``workers`` single-threaded processes when no address is given."""

    name = "dask"

    def __init__(
        self,
        spec: PipelineSpec,
        settings: RunSettings,
        *,
        scheduler: str | None = None,
        workers: int = 1,
    ) -> None:
        try:
            from distributed import Client, LocalCluster
        except ImportError as error:  # pragma: no cover - the dask extra is optional
            raise EngineError(
                "--engine dask needs the dask extra: pip install 'news-extract[dask]'"
            ) from error
        self.spec = spec
        self.settings = settings
        self.scheduler = scheduler
        self._cluster: Any = None
        try:
            if scheduler:
                self._client = Client(scheduler, timeout="30s")
            else:
                self._cluster = LocalCluster(
                    n_workers=workers,
                    threads_per_worker=1,
                    processes=True,
                    dashboard_address=None,
                    silence_logs=logging.ERROR,
                )
                self._client = Client(self._cluster)
        except OSError as error:
            raise EngineError(
                f"cannot connect to the Dask scheduler {scheduler}: {error}"
            ) from error
        self.workers = max(sum(self._client.nthreads().values()), 1)
        self._run_key = uuid.uuid4().hex[:8]

    def _submit(self, index: int, articles: list[Article]) -> Any:
        return self._client.submit(
            process_shard_task,
            articles,
            self.spec,
            self.settings,
            key=f"extract-shard-{self._run_key}-{index}",
            pure=False,
        )

    def map(
        self, shards: Iterable[Shard], on_batch: BatchCallback | None = None
    ) -> Iterator[tuple[int, ShardOutput]]:
        """Whole shards as tasks: a remote worker cannot report its batches, so progress moves
        per shard."""
        for index, output in ordered_window(self._submit, shards, 2 * self.workers):
            if on_batch is not None:
                on_batch(output.articles)
            yield index, output

    def describe(self) -> dict[str, Any]:
        return {
            "engine": "dask",
            "scheduler": self.scheduler or "local cluster",
            "workers": self.workers,
        }

    def close(self) -> None:
        self._client.close()
        if self._cluster is not None:
            self._cluster.close()
