"""Language detection and duplicate detection: accuracy, speed and share of run time.

    .venv/bin/python benchmarks/ingest_extras.py detectors   # compare language detectors
    .venv/bin/python benchmarks/ingest_extras.py share       # detection, duplicates vs the pipeline
    .venv/bin/python benchmarks/ingest_extras.py minhash     # near-duplicate cost (datasketch)

English texts come from ../shared/data/dev (BBC, Reuters; skipped when absent); the short
non-English texts are the project's own (benchmarks/language_samples.json). The comparison
libraries are not dependencies: install them to compare (pip install langdetect pycld2).
Timings on a shared machine are noisy: compare the ratios of one run.
"""

from __future__ import annotations

import argparse
import json
import statistics
import sys
import time
from collections.abc import Callable
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
DEV = REPO.parent / "shared" / "data" / "dev"
SAMPLES = Path(__file__).with_name("language_samples.json")
Detector = Callable[[str], str | None]


def english_texts(n_per_corpus: int) -> list[str]:
    texts: list[str] = []
    for name in ("bbc_news.jsonl", "reuters21578.jsonl"):
        path = DEV / name
        if not path.exists():
            print(f"{path} not present: skipped", file=sys.stderr)
            continue
        taken = 0
        with path.open(encoding="utf-8") as handle:
            for line in handle:
                text = json.loads(line).get("text") or ""
                if text.strip():
                    texts.append(text)
                    taken += 1
                if taken == n_per_corpus:
                    break
    return texts


def labelled_texts(n_per_corpus: int) -> list[tuple[str, str]]:
    own = [(lang, text) for lang, text in json.loads(SAMPLES.read_text())["samples"]]
    return [("en", text) for text in english_texts(n_per_corpus)] + own


def detectors() -> dict[str, Detector]:
    from extract.ingest.language import detect_language

    found: dict[str, Detector] = {"py3langid (extract)": detect_language}
    try:
        import py3langid

        found["py3langid raw"] = lambda text: py3langid.classify(text)[0]
    except ImportError:
        pass
    try:
        import langdetect

        langdetect.DetectorFactory.seed = 0

        def with_langdetect(text: str) -> str | None:
            try:
                return langdetect.detect(text)[:2]
            except langdetect.LangDetectException:
                return None

        found["langdetect"] = with_langdetect
    except ImportError:
        pass
    try:
        import pycld2

        def with_cld2(text: str) -> str | None:
            try:
                reliable, _, details = pycld2.detect(text)
            except pycld2.error:
                return None
            return details[0][1][:2] if reliable else None

        found["pycld2"] = with_cld2
    except ImportError:
        pass
    return found


def _score(detect: Detector, items: list[tuple[str, str]]) -> tuple[float, float, float]:
    """(share wrong, share abstained, ms per text); the detector is warmed up first (model
    loading is measured apart)."""
    detect(items[0][1])
    started = time.perf_counter()
    answers = [detect(text) for _, text in items]
    seconds = time.perf_counter() - started
    abstained = sum(answer is None for answer in answers)
    wrong = sum(
        answer is not None and answer != lang
        for (lang, _), answer in zip(items, answers, strict=True)
    )
    return wrong / len(items), abstained / len(items), 1000 * seconds / len(items)


def compare_detectors(n_per_corpus: int) -> None:
    items = labelled_texts(n_per_corpus)
    english = [item for item in items if item[0] == "en"]
    other = [item for item in items if item[0] != "en"]
    prefixes = [(lang, text[:40]) for lang, text in items]
    print(
        f"{len(english)} English texts (BBC, Reuters, own), {len(other)} own non-English; "
        "each cell: wrong / abstained (no answer) / ms per text; right = the rest"
    )
    print(f"{'detector':22} {'English':>22} {'non-English':>22} {'first 40 chars':>22}")
    for name, detect in detectors().items():
        cells = []
        for subset in (english, other, prefixes):
            wrong, abstained, ms = _score(detect, subset)
            cells.append(f"{wrong:6.1%} {abstained:6.1%} {ms:6.2f}")
        print(f"{name:22} " + " ".join(f"{cell:>22}" for cell in cells))
    started = time.perf_counter()
    from py3langid.langid import MODEL_FILE, LanguageIdentifier

    LanguageIdentifier.from_model_file(MODEL_FILE, norm_probs=True)
    print(f"py3langid model load: {time.perf_counter() - started:.2f} s per process")


def run_time_share(n_articles: int) -> None:
    """Detection and hashing per article beside the pipeline on the same articles."""
    from extract.ingest.language import detect_language
    from extract.pipeline import load_pipeline

    texts = english_texts(n_articles)[:n_articles]
    if not texts:
        print("no English corpus at hand: nothing measured")
        return
    from extract.ingest.duplicates import mark_duplicates
    from extract.types import Article

    nlp = load_pipeline()
    articles = [Article(str(number), text) for number, text in enumerate(texts)]
    near = _near_duplicates()
    timings: dict[str, list[float]] = {"pipeline": [], "language": [], "duplicates": []}
    for _ in range(3):
        started = time.perf_counter()
        for _doc in nlp.pipe(texts, batch_size=64):
            pass
        timings["pipeline"].append(time.perf_counter() - started)
        started = time.perf_counter()
        for text in texts:
            detect_language(text)
        timings["language"].append(time.perf_counter() - started)
        started = time.perf_counter()
        for _article in mark_duplicates(articles):
            pass
        timings["duplicates"].append(time.perf_counter() - started)
        if near is not None:
            started = time.perf_counter()
            near(texts)
            timings.setdefault("minhash", []).append(time.perf_counter() - started)
    best = {name: min(values) for name, values in timings.items()}
    chars = statistics.mean(len(text) for text in texts)
    print(f"{len(texts)} articles, {chars:.0f} characters on average; best of 3 runs")
    for name, seconds in best.items():
        share = seconds / best["pipeline"]
        print(
            f"{name:9} {1000 * seconds / len(texts):8.3f} ms/article  {share:7.2%} of the pipeline"
        )


def _near_duplicates() -> Callable[[list[str]], int] | None:
    """MinHash (128 permutations, 5-word shingles) + LSH at Jaccard 0.8 over a list of texts,
    as a near-duplicate option would run it (datasketch); None when it is not installed."""
    try:
        from datasketch import MinHash, MinHashLSH
    except ImportError:
        print("datasketch is not installed: pip install datasketch==2.0.0 to measure MinHash")
        return None

    def index_all(texts: list[str]) -> int:
        index = MinHashLSH(threshold=0.8, num_perm=128)
        found = 0
        for number, text in enumerate(texts):
            words = text.casefold().split()
            shingles = {" ".join(words[i : i + 5]).encode() for i in range(max(len(words) - 4, 1))}
            signature = MinHash(num_perm=128, seed=1)
            signature.update_batch(list(shingles))
            found += bool(index.query(signature))
            index.insert(str(number), signature)
        return found

    return index_all


def minhash_cost(n_articles: int) -> None:
    """What MinHash near-duplicate detection (datasketch) would add per article."""
    near = _near_duplicates()
    if near is None:
        return
    texts = english_texts(n_articles)[:n_articles]
    started = time.perf_counter()
    found = near(texts)
    seconds = time.perf_counter() - started
    print(
        f"MinHash (128 permutations, 5-word shingles) + LSH: {1000 * seconds / len(texts):.3f}"
        f" ms/article ({found} of {len(texts)} had a near-duplicate before them)"
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("what", choices=["detectors", "share", "minhash"])
    parser.add_argument("-n", type=int, default=300, help="articles per English corpus")
    args = parser.parse_args()
    {"detectors": compare_detectors, "share": run_time_share, "minhash": minhash_cost}[args.what](
        args.n
    )


if __name__ == "__main__":
    main()
