"""`make bench`: throughput, scaling, memory and comparison figures, measured side by side.

    python benchmarks/bench.py            # the #17 aims on 1,000 and 10,000 stories, stages,
                                          # comparison libraries
    python benchmarks/bench.py --quick    # the aims on 1,000 stories only, and the stages
    python benchmarks/bench.py --full     # + memory on all 19,779 stories + kill/resume at 3,000
    python benchmarks/bench.py --only throughput workers memory   # the older in-process figures

Prints a report and writes bench-out/results.json. The corpus is the seed article plus the first
N stories of ../shared/data/dev/reuters21578.jsonl (seed only, with a note, when it is absent).
Words are whitespace-separated tokens of the article texts, the same count for every contender.
"""

from __future__ import annotations

import argparse
import io
import json
import os
import sys
import time
import warnings
from collections.abc import Callable
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))

from _common import WORK, count_words, run_extract, use_snapshot, write_corpus  # noqa: E402


def _best_of(repeat: int, measure: Callable[[], float]) -> float:
    return min(measure() for _ in range(repeat))


def throughput(corpus: Path, texts: list[str], repeat: int) -> dict[str, Any]:
    """Bare nlp.pipe of the same model vs the full `extract run` (read → Parquet), one process."""
    from extract.pipeline import DEFAULT_MODEL, base_pipeline, load_pipeline
    from extract.run import run
    from extract.settings import RunSettings

    words = count_words(texts)
    bare = base_pipeline()
    full = load_pipeline()
    # The model's components as `extract run` runs them (indexed attribute ruler, lemmatizer on
    # demand), without ours: full / this is our own overhead alone.
    model_as_run = load_pipeline(components=())
    settings = RunSettings(model=DEFAULT_MODEL)
    out = WORK / "throughput"
    for _ in bare.pipe(texts[:50]):  # warm-up: first-call costs are not throughput
        pass
    run(
        [corpus],
        out,
        full,
        settings,
        workers=1,
        shard_size=50,
        overwrite=True,
        stderr=io.StringIO(),
    )

    def measure_bare() -> float:
        started = time.perf_counter()
        for _ in bare.pipe(texts, batch_size=64):
            pass
        return time.perf_counter() - started

    def measure_model_as_run() -> float:
        started = time.perf_counter()
        for _ in model_as_run.pipe(texts, batch_size=64):
            pass
        return time.perf_counter() - started

    def measure_full() -> float:
        started = time.perf_counter()
        run([corpus], out, full, settings, workers=1, overwrite=True, stderr=io.StringIO())
        return time.perf_counter() - started

    # Alternate the two so that machine load drifts hit both alike.
    bare_times, model_times, full_times = [], [], []
    for _ in range(repeat):
        bare_times.append(measure_bare())
        full_times.append(measure_full())
        model_times.append(measure_model_as_run())
    bare_s, model_s, full_s = min(bare_times), min(model_times), min(full_times)
    return {
        "words": words,
        "articles": len(texts),
        "bare_nlp_pipe": {"seconds": round(bare_s, 2), "words_per_s": round(words / bare_s)},
        "extract_run_1_worker": {"seconds": round(full_s, 2), "words_per_s": round(words / full_s)},
        "ratio": round(bare_s / full_s, 3),
        "target": 0.9,
        "base_components": bare.pipe_names,
        "model_as_run": {
            "seconds": round(model_s, 2),
            "words_per_s": round(words / model_s),
            "components": model_as_run.pipe_names,
        },
        "ratio_to_model_as_run": round(model_s / full_s, 3),
    }


def stages(corpus: Path, n_articles: int) -> dict[str, Any]:
    """Where the time of a full run goes: each runner stage and each pipeline component, run
    stage by stage over the same articles (seconds and share of the total)."""
    from extract.ingest import read_articles
    from extract.ingest.language import article_language
    from extract.pipeline import DEFAULT_MODEL, load_pipeline
    from extract.process import prepare_doc, screen
    from extract.settings import RunSettings
    from extract.tables.build import documents_row, rows_from_doc, to_arrow
    from extract.tables.schema import PER_DOCUMENT_TABLES
    from extract.tables.writers import OutputFormat, write_table_part

    nlp = load_pipeline()
    settings = RunSettings(model=DEFAULT_MODEL)
    timings: dict[str, float] = {}

    def timed(name: str, work: Callable[[], Any]) -> Any:
        started = time.perf_counter()
        result = work()
        timings[name] = timings.get(name, 0.0) + time.perf_counter() - started
        return result

    articles = timed("runner: read input", lambda: list(read_articles([corpus]))[:n_articles])
    for _ in nlp.pipe(a.text for a in articles[:30]):  # warm-up
        pass
    article_language(articles[0].text, None)  # loads the identifier's model (not timed)
    timed("runner: language", lambda: [screen(a, settings) for a in articles])
    timed("tokenizer (make_doc)", lambda: [nlp.make_doc(a.text) for a in articles])
    prepared = timed(
        "runner: metadata + make_doc", lambda: [prepare_doc(nlp, a, settings) for a in articles]
    )
    timings["runner: metadata (published, home country)"] = (
        timings.pop("runner: metadata + make_doc") - timings["tokenizer (make_doc)"]
    )
    docs = [doc for doc, _, _ in prepared]
    for name, component in nlp.pipeline:

        def apply(component: Any = component, docs: list = docs) -> list:
            if hasattr(component, "pipe"):
                return list(component.pipe(docs, batch_size=64))
            return [component(doc) for doc in docs]

        docs = timed(f"component: {name}", apply)

    def build_rows() -> dict[str, list]:
        tables: dict[str, list] = {name: [] for name in PER_DOCUMENT_TABLES}
        for article, doc, (_, published, _) in zip(articles, docs, prepared, strict=True):
            for name, rows in rows_from_doc(doc).items():
                tables[name].extend(rows)
            tables["documents"].append(
                documents_row(article, status="ok", published=published, doc=doc)
            )
        return tables

    tables = timed("runner: rows from docs", build_rows)
    arrow = timed(
        "runner: rows to Arrow", lambda: {n: to_arrow(n, rows) for n, rows in tables.items()}
    )
    out = WORK / "stages"
    out.mkdir(parents=True, exist_ok=True)
    timed(
        "runner: write Parquet",
        lambda: [write_table_part(out, n, 0, t, OutputFormat.PARQUET) for n, t in arrow.items()],
    )
    total = sum(timings.values())
    ours = sum(v for k, v in timings.items() if k.startswith(("runner", "component: news_")))
    return {
        "articles": len(articles),
        "seconds_total": round(total, 2),
        "stages": {
            k: {"seconds": round(v, 3), "share": round(v / total, 4)} for k, v in timings.items()
        },
        "share_ours": round(ours / total, 4),
        "share_date_normalisation": round(timings.get("component: news_dates", 0.0) / total, 4),
    }


def workers(corpus: Path, n_words: int) -> dict[str, Any]:
    """`extract run` end to end as a user runs it (model loading included), 1 vs 2 workers."""
    result: dict[str, Any] = {}
    for n in (1, 2):
        out = WORK / f"workers-{n}"
        measured = run_extract(
            [
                "run",
                str(corpus),
                "--out",
                str(out),
                "--workers",
                str(n),
                "--overwrite",
                "--no-progress",
            ]
        )
        if measured.returncode != 0:
            return {"error": f"{n} workers failed: {measured.stderr}"}
        manifest = json.loads((out / "manifest.json").read_text())
        result[f"{n}_workers"] = {
            "seconds": round(measured.seconds, 2),
            "words_per_s": round(n_words / measured.seconds),
            "main_process_peak_rss_mb": round(measured.peak_rss_mb),
            "run_seconds_in_manifest": manifest["seconds"],
        }
    result["speedup"] = round(result["1_workers"]["seconds"] / result["2_workers"]["seconds"], 3)
    result["target"] = 1.7
    from _common import differing_tables

    result["identical_tables"] = not differing_tables(WORK / "workers-1", WORK / "workers-2")
    result["machine_ceiling"] = machine_ceiling(corpus)
    result["share_of_ceiling"] = round(result["speedup"] / result["machine_ceiling"]["speedup"], 3)
    return result


_BARE_WORKER = """\
import json, sys, time
import spacy

nlp = spacy.load(sys.argv[1])
with open(sys.argv[2], encoding="utf-8") as lines:
    texts = [json.loads(line)["text"] for line in lines]
start, step = int(sys.argv[3]), int(sys.argv[4])
texts = texts[start::step]
for _ in nlp.pipe(texts[:20]):
    pass
print("ready", flush=True)
sys.stdin.readline()
started = time.perf_counter()
for _ in nlp.pipe(texts, batch_size=64):
    pass
print(time.perf_counter() - started, flush=True)
"""


def machine_ceiling(corpus: Path) -> dict[str, Any]:
    """What two cores of this machine give bare spaCy: one process on every story against two
    processes on alternate halves at the same moment (models loaded first, started together).
    On a virtual machine the second core often gives less than a whole one."""
    import subprocess

    from extract.pipeline import DEFAULT_MODEL

    def timed(slices: list[tuple[int, int]]) -> float:
        processes = [
            subprocess.Popen(
                [sys.executable, "-c", _BARE_WORKER, DEFAULT_MODEL, str(corpus), str(a), str(b)],
                stdin=subprocess.PIPE,
                stdout=subprocess.PIPE,
                text=True,
            )
            for a, b in slices
        ]
        for process in processes:
            assert process.stdout is not None and process.stdout.readline().strip() == "ready"
        for process in processes:
            assert process.stdin is not None
            process.stdin.write("go\n")
            process.stdin.flush()
        seconds = [float(process.communicate()[0]) for process in processes]
        return max(seconds)

    one = timed([(0, 1)])
    two = timed([(0, 2), (1, 2)])
    return {
        "bare_1_process_seconds": round(one, 2),
        "bare_2_processes_seconds": round(two, 2),
        "speedup": round(one / two, 3),
    }


def memory(corpus_small: Path, corpus_all: Path | None) -> dict[str, Any]:
    """Peak RSS of a 1-worker run on 2,000 stories and (with --full) on all of them."""
    result: dict[str, Any] = {}
    for label, corpus in (("2000_stories", corpus_small), ("all_stories", corpus_all)):
        if corpus is None:
            result[label] = "skipped (pass --full)"
            continue
        out = WORK / f"memory-{label}"
        measured = run_extract(
            [
                "run",
                str(corpus),
                "--out",
                str(out),
                "--workers",
                "1",
                "--overwrite",
                "--no-progress",
            ]
        )
        manifest = (
            json.loads((out / "manifest.json").read_text()) if measured.returncode == 0 else {}
        )
        result[label] = {
            "articles": manifest.get("articles"),
            "seconds": round(measured.seconds, 1),
            "peak_rss_mb": round(measured.peak_rss_mb),
            "returncode": measured.returncode,
        }
    if isinstance(result["all_stories"], dict):
        small, large = result["2000_stories"]["peak_rss_mb"], result["all_stories"]["peak_rss_mb"]
        result["growth"] = round(large / small - 1, 3)
        result["target"] = "within 10%"
    return result


def _time_per_text(texts: list[str], work: Callable[[str], Any]) -> tuple[float, int, str | None]:
    started = time.perf_counter()
    found = 0
    failures = 0
    last_error = None
    for text in texts:
        try:
            found += len(work(text))
        except Exception as error:  # noqa: BLE001 - a comparison library's bug is reported, not fatal
            failures += 1
            last_error = f"{type(error).__name__}: {error}"
    note = f"{failures} texts raised ({last_error})" if failures else None
    return time.perf_counter() - started, found, note


def _ours_in_process(corpus: Path, texts: list[str], out: Path) -> dict[str, Any]:
    from extract.pipeline import DEFAULT_MODEL, load_pipeline
    from extract.run import run
    from extract.settings import RunSettings

    started = time.perf_counter()
    summary = run(
        [corpus],
        out,
        load_pipeline(),
        RunSettings(model=DEFAULT_MODEL),
        workers=1,
        overwrite=True,
        stderr=io.StringIO(),
    )
    seconds = time.perf_counter() - started
    return {
        "seconds": round(seconds, 2),
        "words_per_s": round(count_words(texts) / seconds),
        "rows": {
            k: v
            for k, v in summary.rows.items()
            if k in ("persons", "countries", "dates", "counts", "money")
        },
    }


def comparison(corpus: Path, texts: list[str], n_recognizers: int) -> dict[str, Any]:
    """quantulum3 (quantities, money) and Recognizers-Text (dates, currency) on the same stories,
    next to our full run on them: in one process (model loaded beforehand, as the libraries
    are), and as a user runs `extract run` with its default workers (all cores; model loading
    and process start-up included). Recognizers-Text is slow, so it gets the first
    ``n_recognizers`` stories, and our one-process run is timed on those too."""
    words = count_words(texts)
    result: dict[str, Any] = {"articles": len(texts), "words": words}
    result["extract_run"] = _ours_in_process(corpus, texts, WORK / "comparison")
    cli = run_extract(
        ["run", str(corpus), "--out", str(WORK / "comparison-cli"), "--overwrite", "--no-progress"]
    )
    if cli.returncode == 0:
        result["extract_run_default_workers"] = {
            "seconds": round(cli.seconds, 2),
            "words_per_s": round(words / cli.seconds),
            "workers": os.cpu_count(),
        }
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            from quantulum3 import parser as quantulum

            quantulum.parse("warm up: 3 km and $5")
        seconds, found, note = _time_per_text(texts, quantulum.parse)
        result["quantulum3"] = {
            "seconds": round(seconds, 2),
            "words_per_s": round(words / seconds),
            "quantities": found,
        }
        if note:
            result["quantulum3"]["note"] = note
        result["ours_vs_quantulum3"] = round(seconds / result["extract_run"]["seconds"], 2)
        if "extract_run_default_workers" in result:
            result["ours_default_workers_vs_quantulum3"] = round(
                seconds / result["extract_run_default_workers"]["seconds"], 2
            )
    except Exception as error:  # noqa: BLE001 - say exactly why it could not run
        result["quantulum3"] = {"unavailable": f"{type(error).__name__}: {error}"}
    try:
        from recognizers_suite import Culture, recognize_currency, recognize_datetime

        recognize_datetime("warm up on May 31", Culture.English)
        recognize_currency("warm up $5", Culture.English)

        def recognizers(text: str) -> list:
            return [
                *recognize_datetime(text, Culture.English),
                *recognize_currency(text, Culture.English),
            ]

        subset_texts = texts[:n_recognizers]
        subset = WORK / "corpus-compare-recognizers.jsonl"
        with corpus.open(encoding="utf-8") as lines, subset.open("w", encoding="utf-8") as out:
            out.writelines(line for _, line in zip(range(n_recognizers), lines, strict=False))
        ours = _ours_in_process(subset, subset_texts, WORK / "comparison-recognizers")
        seconds, found, note = _time_per_text(subset_texts, recognizers)
        result["recognizers_text"] = {
            "articles": len(subset_texts),
            "seconds": round(seconds, 2),
            "words_per_s": round(count_words(subset_texts) / seconds),
            "dates_and_currency": found,
            "extract_run_words_per_s": ours["words_per_s"],
        }
        if note:
            result["recognizers_text"]["note"] = note
        result["ours_vs_recognizers_text"] = round(seconds / ours["seconds"], 2)
    except Exception as error:  # noqa: BLE001
        result["recognizers_text"] = {"unavailable": f"{type(error).__name__}: {error}"}
    result["targets"] = {
        "ours_vs_recognizers_text": 3.0,
        "ours_vs_quantulum3": 1.0,
        "ours_default_workers_vs_quantulum3": 1.0,
    }
    return result


def report(results: dict[str, Any]) -> str:
    lines = [f"corpus: {results['corpus']}"]
    t = results.get("throughput")
    if t:
        lines += [
            "",
            f"throughput, one process, {t['articles']} articles / {t['words']} words (best of {results['repeat']}):",
            f"  bare nlp.pipe ({'+'.join(t['base_components'])}): {t['bare_nlp_pipe']['words_per_s']:>8} words/s",
            f"  extract run -> Parquet, 1 worker:      {t['extract_run_1_worker']['words_per_s']:>8} words/s",
            f"  ratio {t['ratio']:.3f} (target >= {t['target']})  {'OK' if t['ratio'] >= t['target'] else 'MISSED'}",
        ]
        model = t.get("model_as_run")
        if model:
            lines += [
                f"  the model as extract runs it, without our components "
                f"(indexed attribute ruler, lemmatizer on demand): {model['words_per_s']:>8} words/s",
                f"  our own overhead: extract run at {t['ratio_to_model_as_run']:.3f} of that",
            ]
    s = results.get("stages")
    if s:
        lines += [
            "",
            f"where the time goes ({s['articles']} articles, stage by stage, {s['seconds_total']} s):",
        ]
        for name, value in sorted(s["stages"].items(), key=lambda kv: -kv[1]["seconds"]):
            lines.append(f"  {name:<45} {value['seconds']:>8.2f} s {value['share'] * 100:6.1f} %")
        lines.append(
            f"  ours (runner + news_* components): {s['share_ours'] * 100:.1f} %;"
            f" date normalisation (news_dates): {s['share_date_normalisation'] * 100:.1f} %"
        )
    w = results.get("workers")
    if w and "error" not in w:
        lines += [
            "",
            "workers, `extract run` end to end incl. model loading:",
            f"  1 worker:  {w['1_workers']['seconds']:>7.1f} s ({w['1_workers']['words_per_s']} words/s)",
            f"  2 workers: {w['2_workers']['seconds']:>7.1f} s ({w['2_workers']['words_per_s']} words/s)",
            f"  speedup {w['speedup']:.2f}x (target >= {w['target']}x); identical tables: {w['identical_tables']}",
        ]
        ceiling = w.get("machine_ceiling")
        if ceiling:
            lines += [
                f"  machine ceiling: bare nlp.pipe in 2 processes at once {ceiling['speedup']:.2f}x"
                f" one process ({ceiling['bare_1_process_seconds']} s vs {ceiling['bare_2_processes_seconds']} s);"
                f" extract reaches {w['share_of_ceiling'] * 100:.0f} % of it",
            ]
    elif w:
        lines += ["", f"workers: {w['error']}"]
    m = results.get("memory")
    if m:
        lines += ["", "peak RSS, 1 worker:"]
        for label in ("2000_stories", "all_stories"):
            value = m[label]
            lines.append(
                f"  {label}: "
                + (
                    f"{value['peak_rss_mb']} MB ({value['articles']} articles, {value['seconds']} s)"
                    if isinstance(value, dict)
                    else value
                )
            )
        if "growth" in m:
            lines.append(f"  growth {m['growth'] * 100:+.1f} % (target within 10 %)")
    c = results.get("comparison")
    if c:
        lines += [
            "",
            f"comparison on the same {c['articles']} articles ({c['words']} words):",
            f"  extract run (all five fact types), one process: {c['extract_run']['words_per_s']:>8} words/s",
        ]
        if "extract_run_default_workers" in c:
            d = c["extract_run_default_workers"]
            lines.append(
                f"  extract run CLI, default --workers ({d['workers']}), start-up included:"
                f" {d['words_per_s']:>8} words/s"
            )
        for name in ("quantulum3", "recognizers_text"):
            value = c[name]
            if "unavailable" in value:
                lines.append(f"  {name}: unavailable: {value['unavailable']}")
            else:
                extra = f" [{value['note']}]" if "note" in value else ""
                if "articles" in value:
                    extra += (
                        f" (first {value['articles']} articles; extract run on them:"
                        f" {value['extract_run_words_per_s']} words/s)"
                    )
                lines.append(f"  {name}: {value['words_per_s']:>8} words/s{extra}")
        for key, target in c["targets"].items():
            if key in c:
                lines.append(f"  {key}: {c[key]:.2f}x (target >= {target}x)")
    a = results.get("aims")
    if a:
        from aims import report_aims

        lines += ["", *report_aims({int(size): value for size, value in a.items()})]
    f = results.get("first_rows")
    if f:
        lines += [
            "",
            f"first results, extract run on {f['stories']} stories, {f['workers']} forked workers"
            f" (seconds from the call, pipeline loaded):",
            f"  first batch done {f['first_batch_s']} s, second {f['second_batch_s']} s;"
            f" first documents part {f['first_part_s']} s"
            f" ({f['first_part_after_first_batch_s']} s after the first batch); all {f['total_s']} s",
        ]
    k = results.get("kill_resume")
    if k:
        lines += ["", f"kill -9 / --resume at full size: {json.dumps(k)}"]
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument(
        "--stories", type=int, default=2000, help="Reuters stories besides the seed"
    )
    parser.add_argument(
        "--full", action="store_true", help="also all 19,779 stories and the kill test"
    )
    parser.add_argument("--repeat", type=int, default=2, help="throughput: best of this many")
    parser.add_argument(
        "--compare-stories", type=int, default=1000, help="stories for the comparison libraries"
    )
    parser.add_argument(
        "--recognizers-stories",
        type=int,
        default=300,
        help="the first N comparison stories for Recognizers-Text (slow)",
    )
    parser.add_argument(
        "--stage-stories", type=int, default=1000, help="stories for the stage breakdown"
    )
    parser.add_argument(
        "--only",
        nargs="*",
        default=None,
        help="aims throughput stages first_rows workers memory comparison",
    )
    parser.add_argument(
        "--aims-stories",
        type=int,
        nargs="*",
        default=[1000, 10000],
        help="corpus sizes for the #17 aims",
    )
    parser.add_argument(
        "--aims-repeat", type=int, default=2, help="aims: rounds of all contenders (best of)"
    )
    parser.add_argument("--quick", action="store_true", help="the aims on 1,000 stories, stages")
    parser.add_argument("--name", default="results", help="write bench-out/NAME.json and NAME.txt")
    args = parser.parse_args(argv)

    WORK.mkdir(exist_ok=True)
    snapshot = use_snapshot()
    corpus = WORK / "corpus.jsonl"
    texts, note = write_corpus(corpus, args.stories)
    results: dict[str, Any] = {"corpus": note, "repeat": args.repeat, "code": str(snapshot)}
    default = ["aims", "stages", "first_rows"]
    if not args.quick:
        default.append("comparison")
    if args.quick:
        args.aims_stories = [1000]
    wanted = set(args.only or default)
    if "aims" in wanted:
        from aims import measure_aims

        results["aims"] = {}
        for size in args.aims_stories:
            results["aims"][size] = measure_aims(size, args.aims_repeat)
            print(f" aims on {size} stories done", flush=True)
    print(f"corpus: {note}", flush=True)
    if "throughput" in wanted:
        results["throughput"] = throughput(corpus, texts, args.repeat)
        print(" throughput done", flush=True)
    if "stages" in wanted:
        results["stages"] = stages(corpus, args.stage_stories)
        print(" stages done", flush=True)
    if "first_rows" in wanted:
        from first_rows import first_rows

        results["first_rows"] = first_rows(1000)
        print(" first rows done", flush=True)
    if "workers" in wanted:
        results["workers"] = workers(corpus, count_words(texts))
        print(" workers done", flush=True)
    if "memory" in wanted:
        corpus_all = None
        if args.full:
            corpus_all = WORK / "corpus-all.jsonl"
            write_corpus(corpus_all, None)
        results["memory"] = memory(corpus, corpus_all)
        print(" memory done", flush=True)
    if "comparison" in wanted:
        compare = WORK / "corpus-compare.jsonl"
        compare_texts, _ = write_corpus(compare, args.compare_stories)
        results["comparison"] = comparison(compare, compare_texts, args.recognizers_stories)
        print(" comparison done", flush=True)
    if args.full:
        from kill_resume import kill_and_resume

        results["kill_resume"] = kill_and_resume(3000)
    text = report(results)
    print("\n" + text)
    (WORK / f"{args.name}.json").write_text(json.dumps(results, indent=2) + "\n", encoding="utf-8")
    (WORK / f"{args.name}.txt").write_text(text + "\n", encoding="utf-8")
    print(f"\nwritten: {WORK / args.name}.json and .txt")
    return 0


if __name__ == "__main__":
    sys.exit(main())
