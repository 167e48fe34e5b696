"""Where shards of articles are processed: in this process, a local process pool, or Dask.

Every engine maps ``(index, articles)`` shards to ``(index, ShardOutput)`` in input order with a
bounded number of shards in flight; the runner (extract/run.py) writes what comes back, and
``on_batch`` hears of every finished nlp.pipe batch (its number of articles) for the progress
bar. Workers only compute: they never touch the output folder, so a cluster needs no shared
filesystem.
"""

from __future__ import annotations

from collections import deque
from collections.abc import Callable, Iterable, Iterator
from itertools import groupby
from operator import itemgetter
from typing import Any, Protocol

import pyarrow as pa

from extract.process import ShardOutput, batches
from extract.types import Article

Shard = tuple[int, list[Article]]
BatchCallback = Callable[[int], None]
ENGINES = ("local", "dask")


class EngineError(RuntimeError):
    """An engine could not start or lost its workers; the message says what to do."""


class Engine(Protocol):
    name: str
    workers: int

    def map(
        self, shards: Iterable[Shard], on_batch: BatchCallback | None = None
    ) -> Iterator[tuple[int, ShardOutput]]: ...

    def describe(self) -> dict[str, Any]: ...

    def close(self) -> None: ...


class _Future(Protocol):
    def result(self) -> Any: ...

    def cancel(self) -> Any: ...


def ordered_window(
    submit: Callable[[int, list[Article]], _Future], shards: Iterable[Shard], window: int
) -> Iterator[tuple[int, Any]]:
    """Submit shards, keeping at most ``window`` in flight, and yield results in input order.
    Input is read only as results are taken, so memory stays bounded."""
    pending: deque[tuple[int, _Future]] = deque()
    try:
        for index, articles in shards:
            pending.append((index, submit(index, articles)))
            if len(pending) >= window:
                done_index, future = pending.popleft()
                yield done_index, future.result()
        while pending:
            done_index, future = pending.popleft()
            yield done_index, future.result()
    finally:
        for _, future in pending:
            future.cancel()


def split_shards(shards: Iterable[Shard], batch_size: int) -> Iterator[Shard]:
    """Each shard as its nlp.pipe batches (the ones one process would form), under the shard's
    own index: workers get small units, so none sits idle while another finishes a shard."""
    for index, articles in shards:
        if not articles:
            yield index, articles
        for batch in batches(articles, batch_size):
            yield index, batch


def join_pieces(pieces: Iterable[tuple[int, ShardOutput]]) -> Iterator[tuple[int, ShardOutput]]:
    """The outputs of ``split_shards`` pieces (consecutive, in order) joined back into shards."""
    for index, group in groupby(pieces, key=itemgetter(0)):
        outputs = [output for _, output in group]
        yield index, merge_outputs(outputs)


def merge_outputs(outputs: list[ShardOutput]) -> ShardOutput:
    if len(outputs) == 1:
        return outputs[0]
    first = outputs[0]
    return ShardOutput(
        tables={
            name: pa.concat_tables([output.tables[name] for output in outputs])
            for name in first.tables
        },
        articles=sum(output.articles for output in outputs),
        words=sum(output.words for output in outputs),
        problems=[problem for output in outputs for problem in output.problems],
        seconds=sum(output.seconds for output in outputs),
        pipeline=first.pipeline,
    )
