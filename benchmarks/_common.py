"""Shared pieces of the benchmarks: the corpus, subprocess runs with peak memory, table equality."""

from __future__ import annotations

import contextlib
import json
import os
import subprocess
import sys
import time
from dataclasses import dataclass
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parents[1]
REUTERS = REPO.parent / "shared" / "data" / "dev" / "reuters21578.jsonl"
SEED = REPO / "corpora" / "samples" / "seed_article.txt"
WORK = REPO / "bench-out"  # git-ignored
SNAPSHOT = WORK / "snapshot"
EXTRACT = [sys.executable, str(SNAPSHOT / "launch.py")]
_LAUNCHER = """\
# Runs the `extract` CLI from this snapshot of the package, not from the working tree, so every
# run of one benchmark uses the same code even while the tree is being edited. Spawned workers
# import this file first (as __mp_main__), so they use the snapshot too.
import sys
from pathlib import Path

sys.meta_path[:] = [f for f in sys.meta_path if "editable" not in repr(f).lower()]
sys.path.insert(0, str(Path(__file__).resolve().parent))

if __name__ == "__main__":
    import atexit
    import os

    def record_peak(path=os.environ.get("BENCH_PEAK_FILE")):
        # VmHWM: this process's own peak; wait4's ru_maxrss also counts the parent's size at fork.
        if path:
            status = Path("/proc/self/status").read_text()
            peak = next(line.split()[1] for line in status.splitlines() if line.startswith("VmHWM"))
            Path(path).write_text(peak)

    atexit.register(record_peak)
    from extract.cli import app

    app()
"""


_BARE_PIPE = """\
# nlp.pipe over the texts of a JSONL file, as a whole process (loading included): the bare
# model (mode 'bare') or the model as extract runs it, without our components ('as-run').
import json
import sys
from pathlib import Path

sys.meta_path[:] = [f for f in sys.meta_path if "editable" not in repr(f).lower()]
sys.path.insert(0, str(Path(__file__).resolve().parent))

if __name__ == "__main__":
    import atexit
    import os

    import spacy

    mode, model, corpus, n_process = sys.argv[1], sys.argv[2], sys.argv[3], int(sys.argv[4])
    if mode == "bare":
        nlp = spacy.load(model)
    else:
        from extract.pipeline import load_pipeline

        nlp = load_pipeline(model, components=())
    with open(corpus, encoding="utf-8") as lines:
        texts = [json.loads(line)["text"] for line in lines]
    for _ in nlp.pipe(texts, batch_size=64, n_process=n_process):
        pass
"""


def use_snapshot() -> Path:
    """Copy the package to bench-out/snapshot and import it from there in this process too."""
    import shutil

    if SNAPSHOT.exists():
        shutil.rmtree(SNAPSHOT)
    shutil.copytree(
        REPO / "extract", SNAPSHOT / "extract", ignore=shutil.ignore_patterns("__pycache__")
    )
    (SNAPSHOT / "launch.py").write_text(_LAUNCHER, encoding="utf-8")
    (SNAPSHOT / "bare_pipe.py").write_text(_BARE_PIPE, encoding="utf-8")
    assert "extract" not in sys.modules, "take the snapshot before importing extract"
    sys.path.insert(0, str(SNAPSHOT))
    return SNAPSHOT


def write_corpus(
    path: Path, n_stories: int | None, *, with_seed: bool = True
) -> tuple[list[str], str]:
    """The seed article plus the first ``n_stories`` Reuters stories (all when None) as JSONL at
    ``path``; returns their texts and a note on what was used."""
    path.parent.mkdir(parents=True, exist_ok=True)
    texts: list[str] = []
    with path.open("w", encoding="utf-8") as out:
        if with_seed:
            seed = SEED.read_text(encoding="utf-8")
            out.write(json.dumps({"id": "seed_article", "text": seed}) + "\n")
            texts.append(seed)
        if not REUTERS.exists():
            return texts, f"{REUTERS} not present: seed article only (figures are not meaningful)"
        with REUTERS.open(encoding="utf-8") as source:
            for line in source:
                if n_stories is not None and len(texts) - with_seed >= n_stories:
                    break
                record = json.loads(line)
                if not isinstance(record.get("text"), str) or not record["text"].strip():
                    continue
                out.write(line if line.endswith("\n") else line + "\n")
                texts.append(record["text"])
    note = (
        f"seed + first {len(texts) - with_seed} Reuters stories"
        if with_seed
        else f"{len(texts)} Reuters stories"
    )
    return texts, note


def count_words(texts: list[str]) -> int:
    return sum(len(text.split()) for text in texts)


@dataclass
class ProcessRun:
    seconds: float
    peak_rss_mb: float
    returncode: int
    stderr: str


@dataclass
class TreeMemory:
    """Memory of a process and all its descendants, sampled while it runs: each process's own
    peak (VmHWM, last seen) summed, which counts pages shared copy-on-write once per process,
    and the highest sum of proportional set sizes (PSS: a shared page split between its
    sharers), the honest total."""

    processes: int = 0
    summed_peak_rss_mb: float = 0.0
    peak_pss_mb: float = 0.0


def _descendants(pid: int) -> list[int]:
    found, todo = [], [pid]
    while todo:
        current = todo.pop()
        found.append(current)
        for task in Path(f"/proc/{current}/task").glob("*/children"):
            with contextlib.suppress(OSError):  # the task ended meanwhile
                todo.extend(int(child) for child in task.read_text().split())
    return found


def _status_kb(pid: int, field: str, name: str = "status") -> int:
    try:
        for line in Path(f"/proc/{pid}/{name}").read_text().splitlines():
            if line.startswith(field):
                return int(line.split()[1])
    except (OSError, ValueError):
        pass
    return 0


def sample_tree(pid: int, stop: Any, every: float = 0.1) -> TreeMemory:
    """Sample ``pid``'s process tree until ``stop`` (a threading.Event) is set."""
    peaks: dict[int, int] = {}
    memory = TreeMemory()
    while not stop.wait(every):
        pss = 0
        for member in _descendants(pid):
            peaks[member] = max(peaks.get(member, 0), _status_kb(member, "VmHWM"))
            pss += _status_kb(member, "Pss:", "smaps_rollup")
        memory.peak_pss_mb = max(memory.peak_pss_mb, pss / 1024)
    memory.processes = len(peaks)
    memory.summed_peak_rss_mb = sum(peaks.values()) / 1024
    return memory


def run_command(command: list[str]) -> tuple[ProcessRun, TreeMemory]:
    """``command`` in a subprocess: wall time, return code, and its process tree's memory."""
    import threading

    started = time.perf_counter()
    process = subprocess.Popen(
        command, cwd=REPO, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True
    )
    stop = threading.Event()
    memory: list[TreeMemory] = []
    sampler = threading.Thread(target=lambda: memory.append(sample_tree(process.pid, stop)))
    sampler.start()
    assert process.stderr is not None
    stderr = process.stderr.read()
    # Stop sampling before reaping: a reaped pid's /proc entry is gone.
    while process.poll() is None:
        time.sleep(0.01)
    seconds = time.perf_counter() - started
    stop.set()
    sampler.join()
    tree = memory[0]
    return ProcessRun(seconds, tree.summed_peak_rss_mb, process.returncode, stderr[-2000:]), tree


def run_extract(args: list[str], *, timeout: float | None = None) -> ProcessRun:
    """``extract ARGS`` in a subprocess: wall time and the peak RSS of its main process, as the
    process's own high-water mark (VmHWM, written at exit; nothing sampled, nothing missed).
    wait4's ru_maxrss is only the fallback: Linux carries the parent's size at fork into it, so
    a benchmark process holding two loaded pipelines would inflate every figure."""
    import tempfile

    with tempfile.NamedTemporaryFile(suffix=".peak", delete=False) as handle:
        peak_file = Path(handle.name)
    started = time.perf_counter()
    process = subprocess.Popen(
        [*EXTRACT, *args],
        cwd=REPO,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        text=True,
        env={**os.environ, "BENCH_PEAK_FILE": str(peak_file)},
    )
    assert process.stderr is not None
    stderr = process.stderr.read()
    _, status, usage = os.wait4(process.pid, 0)
    process.returncode = os.waitstatus_to_exitcode(status)
    seconds = time.perf_counter() - started
    recorded = peak_file.read_text().strip()
    peak_file.unlink()
    peak_mb = int(recorded) / 1024 if recorded else usage.ru_maxrss / 1024
    return ProcessRun(seconds, peak_mb, process.returncode, stderr[-2000:])


def differing_tables(left: Path, right: Path) -> list[str]:
    """Names of the tables that differ between two run folders (empty: identical)."""
    import pandas as pd

    from extract.tables.schema import TABLES

    different = []
    for table in TABLES:
        a, b = pd.read_parquet(left / table), pd.read_parquet(right / table)
        if not a.equals(b):
            different.append(table)
    return different
