"""Single-machine engines: in this process, or a pool of worker processes."""

from __future__ import annotations

import multiprocessing
import os
import threading
import time
from collections.abc import Iterable, Iterator
from concurrent.futures import Future, ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from typing import Any

from spacy.language import Language

from extract.engines import EngineError, Shard, join_pieces, ordered_window, split_shards
from extract.engines.loader import PipelineSpec, get_pipeline
from extract.process import ShardOutput, process_shard
from extract.settings import RunSettings
from extract.types import Article


class InProcessEngine:
    """One worker: the calling process runs the pipeline itself (no pickling at all)."""

    name = "local"
    workers = 1

    def __init__(self, nlp: Language, settings: RunSettings) -> None:
        self.nlp = nlp
        self.settings = settings

    def map(self, shards: Iterable[Shard]) -> Iterator[tuple[int, ShardOutput]]:
        for index, articles in shards:
            yield index, process_shard(articles, self.nlp, self.settings)

    def describe(self) -> dict[str, Any]:
        return {"engine": "local", "workers": 1}

    def close(self) -> None:
        pass


_WORKER_SPEC: PipelineSpec | None = None


def _init_worker(spec: PipelineSpec, parent: int) -> None:
    global _WORKER_SPEC
    _WORKER_SPEC = spec
    _exit_with_parent(parent)
    get_pipeline(spec)


def _exit_with_parent(parent: int, every: float = 0.5) -> None:
    """End this worker when the main process is gone (kill -9 gives no chance to stop the pool,
    and a worker would otherwise finish its shard and wait forever)."""

    def watch() -> None:
        while os.getppid() == parent:
            time.sleep(every)
        os._exit(1)

    threading.Thread(target=watch, name="exit-with-parent", daemon=True).start()


def _process_in_worker(articles: list[Article], settings: RunSettings) -> ShardOutput:
    assert _WORKER_SPEC is not None, "worker not initialised"
    return process_shard(articles, get_pipeline(_WORKER_SPEC), settings)


class ProcessPoolEngine:
    """N worker processes, each loading the pipeline once. Shards go to workers in pieces of one
    nlp.pipe batch (the same batches a single process forms, so the same output), at most 2N
    pieces in flight, and are joined again in order for writing."""

    name = "local"

    def __init__(self, spec: PipelineSpec, settings: RunSettings, workers: int) -> None:
        self.workers = workers
        self.settings = settings
        # spawn: workers start clean (no copied locks or threads from the parent).
        self._pool = ProcessPoolExecutor(
            max_workers=workers,
            mp_context=multiprocessing.get_context("spawn"),
            initializer=_init_worker,
            initargs=(spec, os.getpid()),
        )

    def _submit(self, index: int, articles: list[Article]) -> Future[ShardOutput]:
        return self._pool.submit(_process_in_worker, articles, self.settings)

    def map(self, shards: Iterable[Shard]) -> Iterator[tuple[int, ShardOutput]]:
        try:
            pieces = split_shards(shards, self.settings.batch_size)
            yield from join_pieces(ordered_window(self._submit, pieces, 2 * self.workers))
        except BrokenProcessPool as error:
            raise EngineError(
                "a worker process died (out of memory, or the model failed to load); "
                "rerun with --resume to continue, or with --workers 1 to see the error"
            ) from error

    def describe(self) -> dict[str, Any]:
        return {"engine": "local", "workers": self.workers}

    def close(self) -> None:
        self._pool.shutdown(wait=True, cancel_futures=True)
