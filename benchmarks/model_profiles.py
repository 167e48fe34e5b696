"""The two model profiles side by side: every `extract eval` figure and the speed of each.

    .venv/bin/python benchmarks/model_profiles.py [--stories 300] [--repeat 2] [--skip-eval]

Needs the md profile installed (`pip install -e '.[md]'`). For each profile (sm, md) it runs
`extract eval GOLD --run --json --model PROFILE` on our gold sets (corpora/gold) and on the
development sets of ../shared/data/dev, and times `extract run --workers 1` on the same Reuters
stories, the two profiles alternated so that a busy machine slows both alike. It prints the
Markdown tables of docs/models.md.
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parents[1]
DEV = REPO.parent / "shared" / "data" / "dev"
PROFILES = ("sm", "md")
GOLDS = (
    REPO / "corpora" / "gold",
    DEV / "tempeval3_train_tbaq.jsonl",
    DEV / "conll2003_testa.jsonl",
    DEV / "quantulum3_quantities.jsonl",
)
EXTRACT = [sys.executable, "-m", "extract"]


def evaluate(gold: Path, profile: str) -> list[dict[str, Any]]:
    """The result of each gold set in ``gold`` (one, or several for a folder of sets)."""
    out = subprocess.run(
        [*EXTRACT, "eval", str(gold), "--run", "--json", "--model", profile],
        check=True,
        capture_output=True,
        text=True,
    ).stdout
    result = json.loads(out)
    return list(result.get("sets", [result]))


def figure_rows(results: dict[str, list[dict[str, Any]]]) -> list[str]:
    """One Markdown row per gold set and table: relaxed and exact span F1 and value accuracy
    for each profile."""
    rows = []
    for index, first in enumerate(results[PROFILES[0]]):
        for table in first["tables"]:
            cells = [first["gold"], table]
            for profile in PROFILES:
                scores = results[profile][index]["tables"][table]
                cells.append(
                    f"{scores['relaxed']['f1']:.3f} / {scores['exact']['f1']:.3f} / "
                    f"{scores['value_accuracy']:.3f}"
                )
            rows.append("| " + " | ".join(cells) + " |")
    return rows


def stories_file(folder: Path, count: int) -> tuple[Path, int]:
    """The first ``count`` Reuters stories as JSONL, and their number of words."""
    path, words = folder / "stories.jsonl", 0
    with (DEV / "reuters21578.jsonl").open(encoding="utf-8") as source, path.open("w") as out:
        for _, line in zip(range(count), source, strict=False):
            out.write(line)
            words += len(json.loads(line).get("text", "").split())
    return path, words


def timed_run(stories: Path, profile: str, out: Path) -> float:
    start = time.perf_counter()
    subprocess.run(
        [*EXTRACT, "run", str(stories), "--out", str(out), "--overwrite", "--model", profile]
        + ["--workers", "1", "--no-progress"],
        check=True,
        capture_output=True,
    )
    return time.perf_counter() - start


def speed_rows(count: int, repeat: int) -> list[str]:
    with tempfile.TemporaryDirectory() as work:
        stories, words = stories_file(Path(work), count)
        seconds: dict[str, list[float]] = {profile: [] for profile in PROFILES}
        for _ in range(repeat):
            for profile in PROFILES:  # alternated: noise hits both
                seconds[profile].append(timed_run(stories, profile, Path(work) / profile))
    best = {profile: min(times) for profile, times in seconds.items()}
    return [
        f"| {profile} | {count} | {best[profile]:.1f} | {words / best[profile]:,.0f} | "
        f"{best[PROFILES[0]] / best[profile]:.2f} |"
        for profile in PROFILES
    ]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--stories", type=int, default=300)
    parser.add_argument("--repeat", type=int, default=2)
    parser.add_argument("--skip-eval", action="store_true")
    args = parser.parse_args(argv)
    if not args.skip_eval:
        print("| gold set | table | sm: relaxed F1 / exact F1 / value acc. | md: same |")
        print("|---|---|---|---|")
        for gold in GOLDS:
            if not gold.exists():
                print(f"| {gold.name} | (missing: skipped) | | |")
                continue
            results = {profile: evaluate(gold, profile) for profile in PROFILES}
            print("\n".join(figure_rows(results)), flush=True)
        print()
    print("| profile | stories | seconds (best) | words/s | speed vs sm |")
    print("|---|---|---|---|---|")
    print("\n".join(speed_rows(args.stories, args.repeat)))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
