"""Run the pipeline on fixed corpora and compare two such runs row for row.

A refactoring that must not change behaviour is checked in two steps:

    python scripts/compare_runs.py run /tmp/cmp/base            # before the change
    python scripts/compare_runs.py run /tmp/cmp/after           # after it
    python scripts/compare_runs.py compare /tmp/cmp/base /tmp/cmp/after

``run`` writes each corpus's tables (``extract run --format jsonl``) to ``OUT/<corpus>`` and,
with ``--eval``, the JSON of ``extract eval corpora/gold --run`` to ``OUT/eval_gold.json``.
The corpora (``--corpora``, default all): ``seed`` (a copy of corpora/samples), ``gold`` (every article
the gold sets under corpora/gold annotate), ``reuters`` (the first 2,000 stories of
../shared/data/dev/reuters21578.jsonl) and ``bbc`` (all of ../shared/data/dev/bbc_news.jsonl).
Their inputs are written once to ``--inputs`` so both runs read the same paths.

``compare`` sorts every table's rows and compares them on the columns both runs have (a column
only one side has is reported, not compared: other work adds columns), prints each difference
and exits 1 when there is any. Run manifests (timings) are not compared.
"""

from __future__ import annotations

import argparse
import json
import shutil
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SHARED_DEV = ROOT.parent / "shared" / "data" / "dev"
REUTERS = SHARED_DEV / "reuters21578.jsonl"
BBC = SHARED_DEV / "bbc_news.jsonl"
CORPORA = ("seed", "gold", "reuters", "bbc")
REUTERS_STORIES = 2000


def _extract_bin() -> str:
    local = Path(sys.executable).parent / "extract"
    return str(local) if local.exists() else "extract"


def _gold_doc_ids() -> set[str]:
    doc_ids: set[str] = set()
    for gold_file in sorted((ROOT / "corpora" / "gold").glob("*/gold.json")):
        doc_ids.update(json.loads(gold_file.read_text(encoding="utf-8")).get("doc_ids", []))
    return doc_ids


def _write_gold_input(path: Path) -> None:
    wanted = _gold_doc_ids()
    with path.open("w", encoding="utf-8") as out:
        for source in (REUTERS, BBC):
            with source.open(encoding="utf-8") as lines:
                for line in lines:
                    if json.loads(line).get("doc_id") in wanted:
                        out.write(line)


def _write_head(source: Path, path: Path, n_lines: int) -> None:
    with source.open(encoding="utf-8") as lines, path.open("w", encoding="utf-8") as out:
        for number, line in enumerate(lines):
            if number >= n_lines:
                break
            out.write(line)


def prepare_inputs(inputs: Path, corpora: list[str]) -> dict[str, list[str]]:
    """The extract-run arguments of each corpus, writing its input file when needed."""
    inputs.mkdir(parents=True, exist_ok=True)
    arguments: dict[str, list[str]] = {}
    for corpus in corpora:
        if corpus == "seed":
            seed = inputs / "seed"
            if not seed.exists():
                shutil.copytree(ROOT / "corpora" / "samples", seed)
            arguments[corpus] = [str(seed)]
            continue
        if not REUTERS.exists() or not BBC.exists():
            print(f"skipping {corpus}: {SHARED_DEV} is missing", file=sys.stderr)
            continue
        path = inputs / f"{corpus}.jsonl"
        if not path.exists():
            if corpus == "gold":
                _write_gold_input(path)
            elif corpus == "reuters":
                _write_head(REUTERS, path, REUTERS_STORIES)
            else:
                _write_head(BBC, path, 10**9)
        arguments[corpus] = [str(path), "--id-field", "doc_id"]
    return arguments


def run_corpora(out: Path, inputs: Path, corpora: list[str], *, evaluate: bool) -> None:
    for corpus, arguments in prepare_inputs(inputs, corpora).items():
        target = out / corpus
        command = [_extract_bin(), "run", *arguments, "--out", str(target)]
        command += ["--format", "jsonl", "--overwrite"]
        print("$", " ".join(command), file=sys.stderr)
        subprocess.run(command, check=True, cwd=ROOT)
    if evaluate:
        command = [_extract_bin(), "eval", "corpora/gold", "--run", "--json"]
        print("$", " ".join(command), file=sys.stderr)
        result = subprocess.run(command, check=True, cwd=ROOT, capture_output=True, text=True)
        (out / "eval_gold.json").write_text(result.stdout, encoding="utf-8")


def _table_rows(folder: Path) -> list[dict[str, object]]:
    rows: list[dict[str, object]] = []
    for shard in sorted(folder.glob("*.jsonl")):
        with shard.open(encoding="utf-8") as lines:
            rows.extend(json.loads(line) for line in lines if line.strip())
    return rows


def _tables(run_dir: Path) -> dict[str, list[dict[str, object]]]:
    return {
        folder.name: _table_rows(folder)
        for folder in sorted(run_dir.iterdir())
        if folder.is_dir() and any(folder.glob("*.jsonl"))
    }


def _sorted_keys(rows: list[dict[str, object]], columns: list[str]) -> list[str]:
    return sorted(
        json.dumps({c: row.get(c) for c in columns}, sort_keys=True, ensure_ascii=False)
        for row in rows
    )


def _compare_table(name: str, base: list[dict], after: list[dict]) -> Iterator[str]:
    base_columns = {c for row in base for c in row}
    after_columns = {c for row in after for c in row}
    for column in sorted(base_columns ^ after_columns):
        side = "base" if column in base_columns else "after"
        print(f"  note: {name}.{column} only in {side} (not compared)")
    columns = sorted(base_columns & after_columns)
    base_keys, after_keys = _sorted_keys(base, columns), _sorted_keys(after, columns)
    if base_keys == after_keys:
        return
    only_base = sorted(set(base_keys) - set(after_keys))
    only_after = sorted(set(after_keys) - set(base_keys))
    for key in only_base:
        yield f"{name} - {key}"
    for key in only_after:
        yield f"{name} + {key}"
    if not only_base and not only_after:
        yield f"{name}: same rows, different multiplicities"


def compare_runs(base: Path, after: Path) -> int:
    differences = 0
    for corpus_dir in sorted(p for p in base.iterdir() if p.is_dir()):
        other = after / corpus_dir.name
        if not other.is_dir():
            print(f"{corpus_dir.name}: missing in {after}")
            differences += 1
            continue
        base_tables, after_tables = _tables(corpus_dir), _tables(other)
        articles = len(base_tables.get("documents", []))
        rows = 0
        corpus_differences = 0
        for name in sorted(set(base_tables) | set(after_tables)):
            base_rows, after_rows = base_tables.get(name, []), after_tables.get(name, [])
            rows += len(base_rows)
            for line in _compare_table(name, base_rows, after_rows):
                print(f"  {line}")
                corpus_differences += 1
        print(
            f"{corpus_dir.name}: {articles} articles, {rows} rows compared, "
            f"{corpus_differences} differences"
        )
        differences += corpus_differences
    differences += _compare_eval(base / "eval_gold.json", after / "eval_gold.json")
    print(f"total differences: {differences}")
    return 1 if differences else 0


def _without_volatile(value: object) -> object:
    if isinstance(value, dict):
        return {
            k: _without_volatile(v)
            for k, v in value.items()
            if k not in {"run_seconds", "seconds", "elapsed"}
        }
    if isinstance(value, list):
        return [_without_volatile(v) for v in value]
    return value


def _compare_eval(base: Path, after: Path) -> int:
    if not base.exists() or not after.exists():
        return 0
    base_eval = _without_volatile(json.loads(base.read_text(encoding="utf-8")))
    after_eval = _without_volatile(json.loads(after.read_text(encoding="utf-8")))
    same = base_eval == after_eval
    print(f"eval corpora/gold: {'identical' if same else 'DIFFERENT'}")
    return 0 if same else 1


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    commands = parser.add_subparsers(dest="command", required=True)
    run = commands.add_parser("run", help="run the corpora into OUT/<corpus>")
    run.add_argument("out", type=Path)
    run.add_argument("--corpora", nargs="+", choices=CORPORA, default=list(CORPORA))
    run.add_argument("--inputs", type=Path, default=Path("/tmp/compare_runs_inputs"))
    run.add_argument("--eval", action="store_true", help="also record extract eval corpora/gold")
    compare = commands.add_parser("compare", help="compare two run folders row for row")
    compare.add_argument("base", type=Path)
    compare.add_argument("after", type=Path)
    args = parser.parse_args(argv)
    if args.command == "run":
        run_corpora(args.out, args.inputs, args.corpora, evaluate=args.eval)
        return 0
    return compare_runs(args.base, args.after)


if __name__ == "__main__":
    sys.exit(main())
