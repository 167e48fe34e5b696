"""Time and peak memory of one worker on one long article, to choose the default --max-chars.

Articles of the given lengths are made by concatenating Reuters stories from
../shared/data/dev/reuters21578.jsonl (paragraph-separated). Each length runs in a fresh
process (``extract.process`` on one article, the pipeline as ``extract run`` loads it), so the
peak RSS is that of one worker holding one article:

    .venv/bin/python benchmarks/long_articles.py 50000 100000 200000 500000
"""

from __future__ import annotations

import json
import resource
import subprocess
import sys
import time
from pathlib import Path

REUTERS = Path(__file__).resolve().parents[1].parent / "shared/data/dev/reuters21578.jsonl"


def long_text(n_chars: int) -> str:
    parts: list[str] = []
    size = 0
    with REUTERS.open(encoding="utf-8") as stories:
        for line in stories:
            text = json.loads(line).get("text") or ""
            parts.append(text)
            size += len(text) + 2
            if size >= n_chars:
                break
    return "\n\n".join(parts)[:n_chars]


def measure_one(n_chars: int) -> dict[str, float]:
    """In this process: load the pipeline, then process one article of ``n_chars``."""
    from extract.engines.loader import PipelineSpec, get_pipeline
    from extract.pipeline import DEFAULT_MODEL
    from extract.process import process_articles
    from extract.settings import RunSettings
    from extract.types import Article

    nlp = get_pipeline(PipelineSpec(DEFAULT_MODEL))
    before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    article = Article("long", long_text(n_chars))
    started = time.perf_counter()
    list(process_articles([article], nlp, RunSettings(model=DEFAULT_MODEL, max_chars=n_chars)))
    seconds = time.perf_counter() - started
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    return {
        "chars": n_chars,
        "seconds": round(seconds, 1),
        "peak_mb": round(peak),
        "model_mb": round(before),
    }


def main(lengths: list[int]) -> None:
    if not REUTERS.exists():
        print(f"skipped: {REUTERS} is not available")
        return
    print("chars\tseconds\tpeak RSS MB (model loaded: MB)")
    for n_chars in lengths:
        result = subprocess.run(
            [sys.executable, __file__, "--one", str(n_chars)],
            capture_output=True,
            text=True,
            check=True,
        )
        row = json.loads(result.stdout.strip().splitlines()[-1])
        print(f"{row['chars']}\t{row['seconds']}\t{row['peak_mb']} ({row['model_mb']})")


if __name__ == "__main__":
    if sys.argv[1:2] == ["--one"]:
        print(json.dumps(measure_one(int(sys.argv[2]))))
    else:
        main([int(value) for value in sys.argv[1:]] or [50_000, 100_000, 200_000, 500_000])
