"""The #17 aims, measured side by side: whole processes on the same stories, alternated.

Contenders (each a fresh process, model loading and process start-up included):
  bare           spaCy nlp.pipe of the model, one process
  model_as_run   nlp.pipe of the model as extract runs it (indexed attribute ruler, lemmatizer
                 on demand), without our components, one process
  extract_1      extract run --workers 1 (read -> Parquet)
  bare_cores     spaCy nlp.pipe(n_process=cores)
  extract_cores  extract run with its default workers (all cores)

Every round runs every contender once, in this order, so that drifts in machine load hit them
alike; each figure is the best of the rounds. Ratios are taken between best times.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path
from typing import Any

from _common import EXTRACT, SNAPSHOT, WORK, TreeMemory, count_words, run_command, write_corpus

# The aims: (ratio name, numerator contender, denominator contender, target).
AIMS = (
    ("one process: extract run --workers 1 vs bare nlp.pipe", "bare", "extract_1", 1.2),
    (
        "all cores: extract run (default workers) vs bare n_process",
        "bare_cores",
        "extract_cores",
        1.2,
    ),
)


def contenders(corpus: Path, out: Path, cores: int) -> dict[str, list[str]]:
    from extract.pipeline import DEFAULT_MODEL

    bare = [sys.executable, str(SNAPSHOT / "bare_pipe.py")]
    run = [*EXTRACT, "run", str(corpus), "--overwrite", "--no-progress"]
    return {
        "bare": [*bare, "bare", DEFAULT_MODEL, str(corpus), "1"],
        "model_as_run": [*bare, "as-run", DEFAULT_MODEL, str(corpus), "1"],
        "extract_1": [*run, "--out", str(out / "workers-1"), "--workers", "1"],
        "bare_cores": [*bare, "bare", DEFAULT_MODEL, str(corpus), str(cores)],
        "extract_cores": [*run, "--out", str(out / "workers-default")],
    }


def measure_aims(n_stories: int, repeat: int) -> dict[str, Any]:
    corpus = WORK / f"corpus-aims-{n_stories}.jsonl"
    texts, note = write_corpus(corpus, n_stories)
    words = count_words(texts)
    cores = os.cpu_count() or 1
    out = WORK / f"aims-{n_stories}"
    commands = contenders(corpus, out, cores)
    seconds: dict[str, list[float]] = {name: [] for name in commands}
    memory: dict[str, TreeMemory] = {}
    for _ in range(repeat):
        for name, command in commands.items():
            measured, tree = run_command(command)
            if measured.returncode != 0:
                return {"error": f"{name} failed ({measured.returncode}): {measured.stderr}"}
            seconds[name].append(measured.seconds)
            memory[name] = tree
    best = {name: min(times) for name, times in seconds.items()}
    from _common import differing_tables

    return {
        "stories": note,
        "articles": len(texts),
        "words": words,
        "cores": cores,
        "repeat": repeat,
        "contenders": {
            name: {
                "seconds": round(best[name], 2),
                "all_seconds": [round(value, 2) for value in seconds[name]],
                "words_per_s": round(words / best[name]),
                "processes": memory[name].processes,
                "summed_peak_rss_mb": round(memory[name].summed_peak_rss_mb),
                "peak_pss_mb": round(memory[name].peak_pss_mb),
            }
            for name in commands
        },
        "aims": [
            {
                "aim": label,
                "ratio": round(best[slower] / best[faster], 3),
                "target": target,
            }
            for label, slower, faster, target in AIMS
        ],
        "ours_vs_model_as_run": round(best["model_as_run"] / best["extract_1"], 3),
        "identical_tables_1_vs_default_workers": not differing_tables(
            out / "workers-1", out / "workers-default"
        ),
    }


def _row(label: str, cells: list[str]) -> str:
    return f"  {label:<72}" + "".join(f"{cell:>18}" for cell in cells)


def report_aims(results: dict[int, dict[str, Any]]) -> list[str]:
    """The summary table of the aims, one column per corpus size."""
    lines = ["#17 aims (whole processes, alternated, best of the rounds; ratio >= target: OK)"]
    for size in sorted(results):
        if "error" in results[size]:
            lines.append(f"  {size} stories: {results[size]['error']}")
    ok = {size: value for size, value in sorted(results.items()) if "error" not in value}
    if not ok:
        return lines
    lines.append(_row("", [f"{size} stories" for size in ok]))
    for index, (label, _, _, target) in enumerate(AIMS):
        ratios = [value["aims"][index]["ratio"] for value in ok.values()]
        verdicts = [f"{r:.2f}x {'OK' if r >= target else 'MISSED'}" for r in ratios]
        lines.append(_row(f"{label} (>= {target}x)", verdicts))
    for name, label in (
        ("bare", "bare nlp.pipe, 1 process"),
        ("model_as_run", "model as extract runs it, 1 process"),
        ("extract_1", "extract run --workers 1"),
        ("bare_cores", "bare nlp.pipe(n_process=cores)"),
        ("extract_cores", "extract run, default workers"),
    ):
        speeds = [f"{value['contenders'][name]['words_per_s']} w/s" for value in ok.values()]
        lines.append(_row("  " + label, speeds))
    one = [value["contenders"]["extract_1"] for value in ok.values()]
    every = [value["contenders"]["extract_cores"] for value in ok.values()]
    lines.append(
        _row("peak RSS, extract run --workers 1", [f"{m['summed_peak_rss_mb']} MB" for m in one])
    )
    lines.append(
        _row(
            "peak RSS summed / PSS, default workers (all processes)",
            [f"{m['summed_peak_rss_mb']} / {m['peak_pss_mb']} MB" for m in every],
        )
    )
    lines.append(
        _row(
            "identical tables, 1 vs default workers",
            [str(value["identical_tables_1_vs_default_workers"]) for value in ok.values()],
        )
    )
    if len(ok) >= 2:
        growth = one[-1]["summed_peak_rss_mb"] / one[0]["summed_peak_rss_mb"] - 1
        small, large = list(ok)[0], list(ok)[-1]
        verdict = "OK" if abs(growth) <= 0.1 else "MISSED"
        lines.append(
            f"  memory flat with the corpus: peak RSS at {large} vs {small} stories "
            f"{growth * 100:+.1f} % (target within 10 %) {verdict}"
        )
    first = next(iter(ok.values()))
    lines.append(f"  cores: {first['cores']}; rounds: {first['repeat']}")
    return lines
