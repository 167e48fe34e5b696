"""Body extraction from news pages: our HTML path against hand-checked article bodies.

    .venv/bin/python benchmarks/html_extraction.py [--variants] [--run-share]

Pages and gold bodies: ../shared/data/dev/html_articles/ (90 pages of the scrapinghub
article-extraction-benchmark, MIT). The score is that benchmark's own (its evaluate.py,
re-implemented here): each body is cut into shingles of 4 consecutive lower-cased \\w+ tokens,
counted with multiplicity; a page's TP/FP/FN are normalised by their sum so that long pages
weigh no more than short ones; precision and recall are averaged over the pages (precision over
pages with a prediction, recall over pages with a gold body) and F1 is their harmonic mean.

Rows: the HTML path as `extract run` reads a page (extract.ingest.html), the hand-written
selectolax reader it replaced (its code is kept below so the figure can be printed), and the
page's whole visible text (the floor any extractor should beat). ``--variants`` also scores
trafilatura option sets (how the shipped options were chosen); ``--run-share`` times the HTML
and WARC reading paths alone (pages/s) and an `extract run` over the pages, and reports the
share of the run spent before the pipeline.
"""

from __future__ import annotations

import argparse
import gzip
import json
import re
import statistics
import sys
import tempfile
import time
from collections import Counter
from collections.abc import Callable
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
DATA = REPO.parent / "shared" / "data" / "dev" / "html_articles"
TOKEN = re.compile(r"\w+", re.UNICODE)
SHINGLE = 4


# --- the benchmark's metric -------------------------------------------------------------------


def shingles(text: str) -> Counter[tuple[str, ...]]:
    tokens = [token.lower() for token in TOKEN.findall(text or "")]
    grams = [tuple(tokens[i : i + SHINGLE]) for i in range(max(1, len(tokens) - SHINGLE + 1))]
    return Counter(gram for gram in grams if gram)


def page_counts(gold: str, predicted: str) -> tuple[float, float, float]:
    """TP, FP, FN of one page, normalised to sum to 1 (all 0 when both are empty)."""
    true, pred = shingles(gold), shingles(predicted)
    tp = sum((true & pred).values())
    fp = sum((pred - true).values())
    fn = sum((true - pred).values())
    total = tp + fp + fn
    return (tp / total, fp / total, fn / total) if total else (0.0, 0.0, 0.0)


def _precision(tp: float, fp: float, fn: float) -> float:
    if fp == fn == 0:
        return 1.0
    return 0.0 if tp == fp == 0 else tp / (tp + fp)


def _recall(tp: float, fp: float, fn: float) -> float:
    if fp == fn == 0:
        return 1.0
    return 0.0 if tp == fn == 0 else tp / (tp + fn)


def score(counts: list[tuple[float, float, float]]) -> dict[str, float]:
    precision = statistics.mean(_precision(*c) for c in counts if c[0] + c[1] > 0)
    recall = statistics.mean(_recall(*c) for c in counts if c[0] + c[2] > 0)
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return {"precision": precision, "recall": recall, "f1": f1}


# --- the extractors ---------------------------------------------------------------------------


def new_reader(data: bytes) -> str:
    from extract.ingest.html import article_from_html

    return article_from_html(data, doc_id="page", origin="bench").text


def old_reader(data: bytes) -> str:
    """The selectolax reader extract used before trafilatura (text only), kept for comparison."""
    from selectolax.lexbor import LexborHTMLParser

    tree = LexborHTMLParser(data.decode("utf-8", "replace"))
    for node in tree.css("script, style, noscript, nav, header, footer, aside"):
        node.decompose()
    root = tree.css_first("article") or tree.body
    blocks = [] if root is None else [n.text(separator=" ", strip=True) for n in root.css(_BLOCKS)]
    text = "\n\n".join(b for b in blocks if b)
    if not text and root is not None:
        text = root.text(separator=" ", strip=True)
    return text


_BLOCKS = "h1, h2, h3, p, li, blockquote"


def page_text(data: bytes) -> str:
    from trafilatura.baseline import html2txt

    return html2txt(data.decode("utf-8", "replace"))


def trafilatura_variant(**options: bool) -> Callable[[bytes], str]:
    def extract(data: bytes) -> str:
        import trafilatura

        return trafilatura.extract(data.decode("utf-8", "replace"), **options) or ""

    return extract


VARIANTS = {
    "trafilatura defaults (comments on)": {},
    "no comments": {"include_comments": False},
    "no comments, precision": {"include_comments": False, "favor_precision": True},
    "no comments, recall": {"include_comments": False, "favor_recall": True},
    "no comments, no tables": {"include_comments": False, "include_tables": False},
    "no comments, no fallback": {"include_comments": False, "no_fallback": True},
}


# --- running ----------------------------------------------------------------------------------


def load_pages() -> tuple[dict[str, bytes], dict[str, str]]:
    truth = json.loads((DATA / "ground-truth.json").read_text(encoding="utf-8"))
    pages = {
        key: gzip.decompress((DATA / "pages" / f"{key}.html.gz").read_bytes()) for key in truth
    }
    return pages, {key: item.get("articleBody", "") for key, item in truth.items()}


def measure(
    name: str, extract: Callable[[bytes], str], pages: dict[str, bytes], gold: dict[str, str]
) -> dict[str, float | str]:
    started = time.perf_counter()
    predicted = {key: extract(data) for key, data in pages.items()}
    seconds = time.perf_counter() - started
    counts = [page_counts(gold[key], predicted[key]) for key in gold]
    return {"name": name, **score(counts), "pages_per_s": len(pages) / seconds}


def _print(row: dict[str, float | str]) -> None:
    print(
        f"{row['name']:<40} P={row['precision']:.3f}  R={row['recall']:.3f}  "
        f"F1={row['f1']:.3f}  {row['pages_per_s']:6.1f} pages/s"
    )


def write_warc(pages: dict[str, bytes], path: Path) -> None:
    """The pages as HTTP responses of one .warc.gz (one gzip member per record, as CC-NEWS)."""
    import io
    import uuid

    from warcio.statusandheaders import StatusAndHeaders
    from warcio.warcwriter import WARCWriter

    with path.open("wb") as out:
        writer = WARCWriter(out, gzip=True)
        for number, (key, data) in enumerate(pages.items()):
            http = StatusAndHeaders("200 OK", [("Content-Type", "text/html")], protocol="HTTP/1.1")
            headers = {
                "WARC-Record-ID": f"<urn:uuid:{uuid.UUID(int=number + 1)}>",
                "WARC-Date": "2024-01-01T00:00:00Z",
            }
            record = writer.create_warc_record(
                f"https://news.example.org/{key}",
                "response",
                payload=io.BytesIO(data),
                http_headers=http,
                warc_headers_dict=headers,
            )
            writer.write_record(record)


def _read_seconds(source: Path) -> tuple[float, float, int]:
    """Wall and CPU seconds of reading ``source`` as a run does, and its readable pages."""
    from extract.ingest import read_articles

    started, cpu = time.perf_counter(), time.process_time()
    n_pages = sum(1 for article in read_articles([source]) if article.error is None)
    return time.perf_counter() - started, time.process_time() - cpu, n_pages


def run_share(pages: dict[str, bytes], repeats: int) -> None:
    """Pages/s of the HTML and WARC paths alone, and the share of an `extract run` (one worker,
    in this process, pipeline loaded once beforehand, as a long run amortises it) spent before
    the pipeline. Wall clock: the run's own time minus the pipeline, writing and finishing
    times its manifest records. CPU: this process's CPU time reading the pages alone against
    its CPU time for the whole run (other jobs on a busy machine inflate wall times, not CPU
    times). Each repeat measures all of them side by side; medians are printed."""
    from extract.engines.loader import PipelineSpec, get_pipeline
    from extract.pipeline import DEFAULT_MODEL
    from extract.run import run
    from extract.settings import RunSettings

    with tempfile.TemporaryDirectory(prefix="bench-html-") as folder:
        source = Path(folder) / "pages"
        source.mkdir()
        for key, data in pages.items():
            (source / f"{key}.html").write_bytes(data)
        warc = Path(folder) / "pages.warc.gz"
        write_warc(pages, warc)
        started = time.perf_counter()
        nlp = get_pipeline(PipelineSpec(DEFAULT_MODEL))
        load = time.perf_counter() - started
        _read_seconds(source)  # warm-up: imports, trafilatura's and py3langid's first calls
        rates: dict[str, list[float]] = {"html": [], "warc": []}
        shares: dict[str, list[float]] = {"wall": [], "cpu": []}
        totals = []
        settings = RunSettings(model=DEFAULT_MODEL)
        for _ in range(repeats):
            seconds, reading_cpu, n_html = _read_seconds(source)
            rates["html"].append(n_html / seconds)
            seconds, _, n_warc = _read_seconds(warc)
            rates["warc"].append(n_warc / seconds)
            out = Path(folder) / "out"
            cpu = time.process_time()
            summary = run([source], out, nlp, settings, workers=1, overwrite=True)
            run_cpu = time.process_time() - cpu
            session = json.loads((out / "manifest.json").read_text())["sessions"][-1]
            after = session["writing_seconds"] + session["finishing_seconds"]
            before = summary.seconds - session["processing_seconds"] - after
            totals.append(summary.seconds)
            shares["wall"].append(before / summary.seconds)
            shares["cpu"].append(reading_cpu / run_cpu)
    _print_share(n_html, load, rates, shares, totals)


def _print_share(
    n_pages: int,
    load: float,
    rates: dict[str, list[float]],
    shares: dict[str, list[float]],
    totals: list[float],
) -> None:
    median = statistics.median
    print(
        f"HTML path alone (read_articles over {n_pages} .html files): {median(rates['html']):.1f} pages/s"
    )
    print(f"WARC path alone (the same pages in one .warc.gz): {median(rates['warc']):.1f} pages/s")
    print(
        f"extract run on {n_pages} pages (1 worker, model loaded once beforehand in {load:.1f} s):"
        f" {median(totals):.1f} s (median of {len(totals)})"
    )
    for kind, values in shares.items():
        each = ", ".join(f"{100 * share:.1f}%" for share in values)
        print(
            f"  before the pipeline (reading, page extraction, ids, duplicates), {kind} time: "
            f"{100 * median(values):.1f}% of the run (each: {each})"
        )


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--variants", action="store_true", help="also score trafilatura options")
    parser.add_argument(
        "--run-share", action="store_true", help="pages/s of the HTML and WARC paths, run share"
    )
    parser.add_argument("--repeats", type=int, default=3, help="repeats of --run-share")
    args = parser.parse_args(argv)
    if not (DATA / "ground-truth.json").exists():
        print(f"skipped: {DATA} is not present")
        return 0
    pages, gold = load_pages()
    print(f"{len(pages)} pages from {DATA}")
    rows = [measure("extract HTML path (trafilatura)", new_reader, pages, gold)]
    try:
        rows.append(measure("old selectolax reader", old_reader, pages, gold))
    except ImportError:
        print("old selectolax reader: not scored (pip install -e '.[bench]' installs selectolax)")
    rows.append(measure("whole page text (baseline)", page_text, pages, gold))
    if args.variants:
        rows += [
            measure(name, trafilatura_variant(**options), pages, gold)
            for name, options in VARIANTS.items()
        ]
    for row in rows:
        _print(row)
    if args.run_share:
        run_share(pages, args.repeats)
    return 0


if __name__ == "__main__":
    sys.exit(main())
