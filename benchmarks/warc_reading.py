"""Web-archive reading: warcio against fastwarc, and memory over a 100 MB and a 1 GB WARC.

    .venv/bin/python benchmarks/warc_reading.py [--sizes 100,1000] [--keep]

Writes WARC files of our own pages (request, response, metadata records per page, like
Common Crawl's CC-NEWS) to bench-out/warc/ (git-ignored; removed afterwards unless --keep), then
reports, each in a fresh process:

- seconds to walk every record and read every payload, with warcio (what extract uses) and
  with fastwarc, on a gzip WARC of the first size;
- peak memory (VmHWM) of extract's archive reader over each size, the pages' HTML extraction
  left out (it is per page: see benchmarks/html_extraction.py), so a growth with the file size
  would be the reader's;
- pages/s of the whole WARC path (reader plus HTML extraction) on the first 1,000 pages.
"""

from __future__ import annotations

import argparse
import io
import json
import shutil
import subprocess
import sys
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
WORK = REPO / "bench-out" / "warc"

PARAGRAPHS = [
    "The city council of {town} approved a budget of {n} million euros on Tuesday, after a"
    " debate that lasted well into the night.",
    "Officials said {n} new teachers would be hired for the schools of {town} before the"
    " autumn term, and that the roads plan would wait another year.",
    "Opposition members in {town} said the plan left too little for repairs and promised to"
    " raise the matter again when the council meets in the spring.",
]
BOILERPLATE = "<nav>" + "".join(f"<a href='/s{i}'>Section {i}</a>" for i in range(40)) + "</nav>"
SCRIPT = "<script>" + "var tracking = {'a': 1, 'b': [1, 2, 3]};" * 400 + "</script>"


def page(index: int) -> bytes:
    town = f"Town {index % 977}"
    body = "".join(
        f"<p>{PARAGRAPHS[(index + k) % 3].format(town=town, n=index % 500 + k)}</p>"
        for k in range(12)
    )
    return (
        f"<!DOCTYPE html><html lang='en'><head><title>Budget {index}</title>"
        f"<meta property='article:published_time' content='2021-06-{1 + index % 28:02d}'>"
        f"{SCRIPT}</head><body>{BOILERPLATE}<article><h1>Budget {index}</h1>{body}</article>"
        f"<footer>{BOILERPLATE}</footer></body></html>"
    ).encode()


def generate(path: Path, target_bytes: int, *, gzip: bool) -> int:
    """A WARC at ``path`` of about ``target_bytes``; returns the number of pages."""
    from warcio.statusandheaders import StatusAndHeaders
    from warcio.warcwriter import WARCWriter

    path.parent.mkdir(parents=True, exist_ok=True)
    pages = 0
    with path.open("wb") as out:
        writer = WARCWriter(out, gzip=gzip)
        writer.write_record(writer.create_warcinfo_record(path.name, {"software": "bench"}))
        while out.tell() < target_bytes:
            uri = f"https://news.example.org/{pages}"
            date = {"WARC-Date": f"2021-07-01T{pages % 24:02d}:00:00Z"}
            http = StatusAndHeaders(
                "GET / HTTP/1.1", [("Host", "news.example.org")], is_http_request=True
            )
            writer.write_record(
                writer.create_warc_record(uri, "request", http_headers=http, warc_headers_dict=date)
            )
            body = page(pages)
            headers = [
                ("Content-Type", "text/html; charset=utf-8"),
                ("Content-Length", str(len(body))),
            ]
            http = StatusAndHeaders("200 OK", headers, protocol="HTTP/1.1")
            record = writer.create_warc_record(
                uri, "response", payload=io.BytesIO(body), http_headers=http, warc_headers_dict=date
            )
            writer.write_record(record)
            meta = io.BytesIO(b"fetchTimeMs: 120\r\n")
            writer.write_record(
                writer.create_warc_record(
                    uri,
                    "metadata",
                    payload=meta,
                    warc_content_type="application/warc-fields",
                    warc_headers_dict=date,
                )
            )
            pages += 1
    return pages


# --- children: one measurement each, in a fresh process ----------------------------------------


def _peak_kib() -> int:
    status = Path("/proc/self/status").read_text()
    return int(next(line.split()[1] for line in status.splitlines() if line.startswith("VmHWM")))


def child_warcio(path: Path) -> dict:
    from warcio.archiveiterator import ArchiveIterator

    records = payload = 0
    with path.open("rb") as handle:
        for record in ArchiveIterator(handle):
            records += 1
            payload += len(record.content_stream().read())
    return {"records": records, "payload_bytes": payload}


def child_fastwarc(path: Path) -> dict:
    from fastwarc.warc import ArchiveIterator

    records = payload = 0
    for record in ArchiveIterator(str(path), parse_http=True, fsspec_args=False):
        records += 1
        payload += len(record.reader.read())
    return {"records": records, "payload_bytes": payload}


def child_reader(path: Path, *, extract_pages: int | None) -> dict:
    """extract's reader; HTML extraction left out unless ``extract_pages`` (then that many)."""
    from collections import Counter

    import extract.ingest.warc as warc
    from extract.types import Article

    if extract_pages is None:

        def no_extraction(data: bytes, *, doc_id: str, origin: str, **_: object) -> Article:
            return Article(doc_id, "x" * min(len(data), 1), origin=origin)

        warc.article_from_html = no_extraction  # type: ignore[assignment]
    skipped: Counter[str] = Counter()
    articles = errors = 0
    for article in warc.read_warc_file(path, label=path.name, skipped=skipped):
        articles += 1
        errors += article.error is not None
        if extract_pages is not None and articles >= extract_pages:
            break
    return {"articles": articles, "errors": errors, "skipped": dict(skipped)}


def run_child(mode: str, path: Path, extra: list[str] | None = None) -> dict:
    command = [sys.executable, __file__, "--child", mode, str(path), *(extra or [])]
    started = time.perf_counter()
    output = subprocess.run(command, check=True, capture_output=True, text=True).stdout
    result = json.loads(output.strip().splitlines()[-1])
    result["seconds"] = time.perf_counter() - started
    return result


def _child_main(mode: str, path: Path, extra: list[str]) -> int:
    started = time.perf_counter()
    if mode == "warcio":
        result = child_warcio(path)
    elif mode == "fastwarc":
        result = child_fastwarc(path)
    else:
        result = child_reader(path, extract_pages=int(extra[0]) if extra else None)
    result["inner_seconds"] = time.perf_counter() - started
    result["peak_mib"] = _peak_kib() / 1024
    print(json.dumps(result))
    return 0


def main(argv: list[str] | None = None) -> int:
    argv = sys.argv[1:] if argv is None else argv
    if argv and argv[0] == "--child":
        return _child_main(argv[1], Path(argv[2]), argv[3:])
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--sizes", default="100,1000", help="WARC sizes in MB, comma-separated")
    parser.add_argument("--keep", action="store_true", help="keep the generated files")
    args = parser.parse_args(argv)
    sizes = [int(size) for size in args.sizes.split(",")]
    try:
        first = WORK / f"pages-{sizes[0]}mb.warc.gz"
        pages = generate(first, sizes[0] << 20, gzip=True)
        print(f"{first.name}: {first.stat().st_size / 2**20:.0f} MB, {pages} pages")
        for mode in ("warcio", "fastwarc"):
            try:
                result = run_child(mode, first)
            except subprocess.CalledProcessError as error:
                print(f"{mode}: failed ({error.stderr.strip().splitlines()[-1:]})")
                continue
            print(
                f"{mode:<9} {result['inner_seconds']:6.2f} s for {result['records']} records "
                f"({first.stat().st_size / 2**20 / result['inner_seconds']:.0f} MB/s compressed)"
            )
        whole = run_child("reader", first, ["1000"])
        print(
            f"WARC path with HTML extraction: {whole['articles']} pages in "
            f"{whole['inner_seconds']:.1f} s = {whole['articles'] / whole['inner_seconds']:.1f} pages/s"
        )
        for size in sizes:
            path = WORK / f"pages-{size}mb.warc"
            generate(path, size << 20, gzip=False)
            result = run_child("reader", path)
            print(
                f"reader over {path.stat().st_size / 2**20:5.0f} MB: {result['articles']} pages, "
                f"{sum(result['skipped'].values())} records skipped, peak {result['peak_mib']:.0f} MiB, "
                f"{result['inner_seconds']:.1f} s"
            )
            if not args.keep:
                path.unlink()
    finally:
        if not args.keep:
            shutil.rmtree(WORK, ignore_errors=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
