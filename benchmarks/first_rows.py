"""How soon a run gives its first results (issue #17: workers that start at once).

In one process: the pipeline is loaded, then ``extract.run.run`` runs with the default workers
(forked from this process) on the first N Reuters stories. Recorded, in seconds from the call:
when each nlp.pipe batch was done (the progress callback), and when the first and the last part
of the documents table were written (their modification times). Rows are written per shard
(``--shard-size``, 200 articles), so the first rows follow the batches of the first shard.

    python benchmarks/first_rows.py [N]
"""

from __future__ import annotations

import json
import os
import sys
import time
from typing import Any

from _common import WORK, write_corpus


def first_rows(n_stories: int = 1000) -> dict[str, Any]:
    from extract.pipeline import DEFAULT_MODEL, load_pipeline
    from extract.run import run
    from extract.settings import RunSettings

    corpus = WORK / f"corpus-first-rows-{n_stories}.jsonl"
    write_corpus(corpus, n_stories)
    out = WORK / "first-rows"
    nlp = load_pipeline()
    workers = os.cpu_count() or 1
    batches: list[float] = []
    started_wall = time.time()
    started = time.perf_counter()
    run(
        [corpus],
        out,
        nlp,
        RunSettings(model=DEFAULT_MODEL),
        workers=workers,
        overwrite=True,
        on_progress=lambda _: batches.append(time.perf_counter() - started),
    )
    total = time.perf_counter() - started
    parts = sorted((out / "documents").glob("part-*"))
    written = sorted(part.stat().st_mtime - started_wall for part in parts)
    return {
        "stories": n_stories,
        "workers": workers,
        "batches": len(batches),
        "first_batch_s": round(batches[0], 2),
        "second_batch_s": round(batches[1], 2) if len(batches) > 1 else None,
        "first_part_s": round(written[0], 2),
        "first_part_after_first_batch_s": round(written[0] - batches[0], 2),
        "total_s": round(total, 2),
        "parts": len(parts),
    }


if __name__ == "__main__":
    print(json.dumps(first_rows(int(sys.argv[1]) if len(sys.argv) > 1 else 1000), indent=2))
