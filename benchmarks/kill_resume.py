"""Kill test at full size: run on N Reuters stories, kill -9 midway, --resume, and compare with
an uninterrupted run. `python benchmarks/kill_resume.py [N]` (default 3,000)."""

from __future__ import annotations

import os
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))

from _common import EXTRACT, REPO, REUTERS, WORK, differing_tables, run_extract, write_corpus  # noqa: E402

SHARD_SIZE = 100


def kill_and_resume(n_stories: int = 3000) -> dict[str, Any]:
    if not REUTERS.exists():
        return {"skipped": f"{REUTERS} not present"}
    corpus = WORK / f"corpus-kill-{n_stories}.jsonl"
    write_corpus(corpus, n_stories, with_seed=False)
    total_shards = -(-n_stories // SHARD_SIZE)
    common = ["--shard-size", str(SHARD_SIZE), "--workers", "2", "--no-progress"]
    reference, killed = WORK / "kill-reference", WORK / "kill-resumed"

    uninterrupted = run_extract(
        ["run", str(corpus), "--out", str(reference), "--overwrite", *common]
    )
    if killed.exists():
        shutil.rmtree(killed)  # markers of an earlier benchmark must not count as progress
    process = subprocess.Popen(
        [*EXTRACT, "run", str(corpus), "--out", str(killed), *common],
        cwd=REPO,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    markers = killed / "_shards"
    while process.poll() is None:
        done = len(list(markers.glob("part-*.json"))) if markers.is_dir() else 0
        if done >= total_shards // 2:
            os.kill(process.pid, signal.SIGKILL)
            break
        time.sleep(0.05)
    process.wait()
    kept = len(list(markers.glob("part-*.json")))
    resumed = run_extract(["run", str(corpus), "--out", str(killed), "--resume", *common])
    different = differing_tables(reference, killed)
    return {
        "stories": n_stories,
        "shards": total_shards,
        "killed_with_signal": -process.returncode if process.returncode < 0 else None,
        "shards_kept_after_kill": kept,
        "uninterrupted_seconds": round(uninterrupted.seconds, 1),
        "resume_seconds": round(resumed.seconds, 1),
        "resume_exit_code": resumed.returncode,
        "identical_tables": not different and resumed.returncode == 0,
        "different_tables": different,
    }


if __name__ == "__main__":
    import json

    from _common import use_snapshot

    use_snapshot()
    print(json.dumps(kill_and_resume(int(sys.argv[1]) if len(sys.argv) > 1 else 3000), indent=2))
