"""Single-machine engines: in this process, or a pool of worker processes."""

from __future__ import annotations

import gc
import multiprocessing
import os
import sys
import threading
import time
from collections.abc import Iterable, Iterator
from concurrent.futures import Future, ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from contextlib import contextmanager
from typing import Any

from spacy.language import Language

from extract.engines import (
    BatchCallback,
    EngineError,
    Shard,
    join_pieces,
    ordered_window,
    split_shards,
)
from extract.engines.loader import PipelineSpec, get_pipeline
from extract.ingest.language import article_language
from extract.normalize.countries import is_city_name
from extract.normalize.persons import british_subdivision_names
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

    def map(
        self, shards: Iterable[Shard], on_batch: BatchCallback | None = None
    ) -> Iterator[tuple[int, ShardOutput]]:
        with run_gc():
            for index, articles in shards:
                yield index, process_shard(articles, self.nlp, self.settings, on_batch)

    def describe(self) -> dict[str, Any]:
        return {"engine": "local", "workers": 1}

    def close(self) -> None:
        pass


def default_start_method() -> str:
    """``fork`` on Linux: workers start as copies of the loaded pipeline, at once and sharing its
    memory pages. ``spawn`` elsewhere: macOS system libraries are not fork-safe and Windows has
    no fork, so each worker loads the pipeline itself."""
    if sys.platform.startswith("linux") and "fork" in multiprocessing.get_all_start_methods():
        return "fork"
    return "spawn"


def running_threads() -> list[str]:
    """Names of the threads besides this one: forking while one runs could copy a lock it holds
    into the workers, locked for ever."""
    current = threading.current_thread()
    return [thread.name for thread in threading.enumerate() if thread is not current]


# Every component has a mention to work on, so first-use costs (lazy tables, caches) are paid
# once here, before the fork, instead of once in every worker.
WARM_UP_TEXT = (
    "LONDON, March 3, 1987 - Prime Minister Margaret Thatcher said on Tuesday that 1,200 "
    "workers in France and Japan would share 5.5 mln dlrs by the end of the year."
)


def warm_up(nlp: Language) -> None:
    for _ in nlp.pipe([WARM_UP_TEXT]):
        pass
    # Loaded on first use, about 1 s together: the language identifier's model, the city and
    # subdivision names the person filters read.
    article_language(WARM_UP_TEXT, None)
    is_city_name("London")
    british_subdivision_names()


# A run allocates many short-lived objects (Tokens, mention and row dicts): collecting the young
# generation every 700 allocations cost about 3% of a run's CPU, every 50,000 about 0.5%.
RUN_GC_THRESHOLD = (50_000, 20, 10)


def settle_gc() -> None:
    """Move every object alive now (the loaded, warmed pipeline) out of the collector's sight
    and collect less often: the collector no longer walks (nor, in a forked worker, writes to
    and so copies) the pipeline's objects."""
    gc.collect()
    gc.freeze()
    gc.set_threshold(*RUN_GC_THRESHOLD)


@contextmanager
def run_gc() -> Iterator[None]:
    """``settle_gc`` for the time of a run in this process, then the collector as it was."""
    threshold = gc.get_threshold()
    settle_gc()
    try:
        yield
    finally:
        gc.set_threshold(*threshold)
        gc.unfreeze()


_WORKER_NLP: Language | None = None


def _init_forked_worker(nlp: Language, parent: int) -> None:
    # A forked worker gets the parent's loaded pipeline as it is (fork passes it unpickled).
    global _WORKER_NLP
    _WORKER_NLP = nlp
    settle_gc()  # the parent froze its objects for the fork; the worker keeps them frozen
    _exit_with_parent(parent)


def _init_spawned_worker(spec: PipelineSpec, parent: int) -> None:
    global _WORKER_NLP
    _exit_with_parent(parent)
    _WORKER_NLP = get_pipeline(spec)
    warm_up(_WORKER_NLP)
    settle_gc()


def _exit_with_parent(parent: int, every: float = 0.5) -> None:
    """End this worker when the main process is gone (kill -9 gives no chance to stop the pool,
    and a worker would otherwise finish its shard and wait forever)."""

    def watch() -> None:
        while os.getppid() == parent:
            time.sleep(every)
        os._exit(1)

    threading.Thread(target=watch, name="exit-with-parent", daemon=True).start()


def _process_in_worker(articles: list[Article], settings: RunSettings) -> tuple[int, ShardOutput]:
    assert _WORKER_NLP is not None, "worker not initialised"
    return os.getpid(), process_shard(articles, _WORKER_NLP, settings)


class ProcessPoolEngine:
    """N worker processes. Shards go to workers in pieces of one nlp.pipe batch (the same batches
    a single process forms, so the same output), at most 2N pieces in flight, and are joined
    again in order for writing. With ``fork`` the workers are copies of this process's loaded
    pipeline, started before the first piece; with ``spawn`` each loads the pipeline itself."""

    name = "local"

    def __init__(
        self,
        spec: PipelineSpec,
        settings: RunSettings,
        workers: int,
        *,
        nlp: Language | None = None,
        start_method: str | None = None,
    ) -> None:
        self.workers = workers
        self.settings = settings
        self.start_method = start_method or default_start_method()
        if self.start_method == "fork" and running_threads():
            self.start_method = "spawn"  # see running_threads
        self.worker_pids: set[int] = set()  # the workers that processed a batch
        if self.start_method == "fork":
            self._pool = self._fork_workers(nlp if nlp is not None else get_pipeline(spec))
        else:
            self._pool = ProcessPoolExecutor(
                max_workers=workers,
                mp_context=multiprocessing.get_context(self.start_method),
                initializer=_init_spawned_worker,
                initargs=(spec, os.getpid()),
            )

    def _fork_workers(self, nlp: Language) -> ProcessPoolExecutor:
        warm_up(nlp)
        pool = ProcessPoolExecutor(
            max_workers=self.workers,
            mp_context=multiprocessing.get_context("fork"),
            initializer=_init_forked_worker,
            initargs=(nlp, os.getpid()),
        )
        # The first submit forks every worker. Frozen objects are left alone by the workers'
        # garbage collector, so it does not write to (and copy) the pipeline's shared pages.
        gc.collect()
        gc.freeze()
        try:
            pool.submit(os.getpid)
        finally:
            gc.unfreeze()
        return pool

    def _submit(self, index: int, articles: list[Article]) -> Future[tuple[int, ShardOutput]]:
        return self._pool.submit(_process_in_worker, articles, self.settings)

    def map(
        self, shards: Iterable[Shard], on_batch: BatchCallback | None = None
    ) -> Iterator[tuple[int, ShardOutput]]:
        try:
            yield from join_pieces(self._pieces(shards, on_batch))
        except BrokenProcessPool as error:
            raise EngineError(
                "a worker process died (out of memory, or the model failed to load); "
                "rerun with --resume to continue, or with --workers 1 to see the error"
            ) from error

    def _pieces(
        self, shards: Iterable[Shard], on_batch: BatchCallback | None
    ) -> Iterator[tuple[int, ShardOutput]]:
        pieces = split_shards(shards, self.settings.batch_size)
        for index, (pid, output) in ordered_window(self._submit, pieces, 2 * self.workers):
            self.worker_pids.add(pid)
            if on_batch is not None:
                on_batch(output.articles)
            yield index, output

    def describe(self) -> dict[str, Any]:
        return {"engine": "local", "workers": self.workers, "start_method": self.start_method}

    def close(self) -> None:
        self._pool.shutdown(wait=True, cancel_futures=True)
