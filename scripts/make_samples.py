"""Write the web samples of corpora/samples/web/: one saved page and one small WARC file.

    .venv/bin/python scripts/make_samples.py

Every word is ours (the places, people and outlets are made up; no third-party page is in the
repository). The files are byte-for-byte reproducible: fixed record ids and dates, gzip without
a timestamp. tests/ingest/test_html_samples.py checks that the committed files are this
script's output.
"""

from __future__ import annotations

import io
import sys
from pathlib import Path

from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter

REPO = Path(__file__).resolve().parents[1]
WEB = REPO / "corpora" / "samples" / "web"

CHROME = """<header><a href="/">The Harbour Gazette</a>
<nav><a href="/news">News</a> <a href="/sport">Sport</a> <a href="/business">Business</a>
<a href="/weather">Weather</a> <a href="/subscribe">Subscribe</a></nav></header>
<div class="cookie-banner">We use cookies to improve your experience. <button>Accept all</button>
</div>"""
FOOTER = """<aside class="related"><h2>Related stories</h2><ul>
<li><a href="/news/ferry-timetable">Winter ferry timetable published</a></li>
<li><a href="/news/lighthouse">Lighthouse open to visitors again</a></li></ul></aside>
<section class="comments"><h2>Comments (2)</h2><p>Great news for the town!</p>
<p>About time too.</p></section>
<footer><p>&copy; The Harbour Gazette. All rights reserved.</p>
<a href="/privacy">Privacy</a> <a href="/contact">Contact us</a></footer>"""


def page(*, title: str, author: str, published: str, slug: str, paragraphs: list[str]) -> str:
    body = "\n".join(f"<p>{paragraph}</p>" for paragraph in paragraphs)
    return f"""<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<title>{title} | The Harbour Gazette</title>
<meta property="og:title" content="{title}">
<meta property="og:site_name" content="The Harbour Gazette">
<meta name="author" content="{author}">
<meta property="article:published_time" content="{published}">
<link rel="canonical" href="https://harbour-gazette.example/news/{slug}">
<script>window.analytics = {{"page": "{slug}"}};</script>
</head>
<body>
{CHROME}
<main><article>
<h1>{title}</h1>
<p class="byline">By {author}</p>
{body}
</article></main>
{FOOTER}
</body>
</html>
"""


BUDGET = page(
    title="Port Ellery council approves harbour budget",
    author="Mara Quinlan",
    published="2021-03-02T09:30:00+00:00",
    slug="harbour-budget",
    paragraphs=[
        "The council of Port Ellery approved a harbour budget of 12.5 million euros on Tuesday,"
        " after a debate that lasted well into the night.",
        "Mayor Tomas Heller said the money would repair the northern quay, which has been closed"
        " since last October, and pay for 14 new moorings for fishing boats.",
        "About 300 residents attended the meeting. Opposition councillor Ines Arbuthnot said the"
        " plan left too little for the ferry link to Norway and promised to raise the matter"
        " again in June.",
        "Work on the quay is due to start on April 12 and to last three months.",
    ],
)
FERRY = page(
    title="Ferry link to Bergen to resume in May",
    author="Owen Tallis",
    published="2021-03-05",
    slug="ferry-bergen",
    paragraphs=[
        "The ferry service between Port Ellery and Bergen will resume on May 3, the operator"
        " said on Friday, after a pause of more than a year.",
        "Nordvik Lines will run two crossings a week at first, carrying up to 450 passengers"
        " and 120 cars each way; a return ticket will cost 89 euros.",
        "Harbour master Liv Engstrom said the repaired quay would be ready in time, and that"
        " trade with Norway could double by next year.",
    ],
)
ROBOTS = b"User-agent: *\nDisallow: /private/\n"


def _record_headers(n: int, date: str) -> dict[str, str]:
    return {
        "WARC-Record-ID": f"<urn:uuid:5a1e{n:04d}-0000-4000-8000-000000000000>",
        "WARC-Date": date,
    }


def write_warc(out: io.BytesIO) -> None:
    writer = WARCWriter(out, gzip=True)
    info = b"software: news-extract scripts/make_samples.py\r\nformat: WARC File Format 1.1\r\n"
    writer.write_record(
        writer.create_warc_record(
            "",
            "warcinfo",
            payload=io.BytesIO(info),
            warc_content_type="application/warc-fields",
            warc_headers_dict={
                **_record_headers(0, "2021-03-06T08:00:00Z"),
                "WARC-Filename": "crawl.warc.gz",
            },
        )
    )
    fetches = [
        (
            "https://harbour-gazette.example/news/harbour-budget",
            BUDGET.encode(),
            "text/html; charset=utf-8",
        ),
        ("https://harbour-gazette.example/robots.txt", ROBOTS, "text/plain"),
        (
            "https://harbour-gazette.example/news/ferry-bergen",
            FERRY.encode(),
            "text/html; charset=utf-8",
        ),
    ]
    for index, (uri, body, content_type) in enumerate(fetches):
        date = f"2021-03-06T08:0{index + 1}:00Z"
        request = StatusAndHeaders(
            f"GET {uri.split('.example', 1)[1]} HTTP/1.1",
            [("Host", "harbour-gazette.example"), ("User-Agent", "sample-crawler/1.0")],
            is_http_request=True,
        )
        writer.write_record(
            writer.create_warc_record(
                uri,
                "request",
                http_headers=request,
                warc_headers_dict=_record_headers(10 * index + 1, date),
            )
        )
        response = StatusAndHeaders(
            "200 OK",
            [("Content-Type", content_type), ("Content-Length", str(len(body)))],
            protocol="HTTP/1.1",
        )
        writer.write_record(
            writer.create_warc_record(
                uri,
                "response",
                payload=io.BytesIO(body),
                http_headers=response,
                warc_headers_dict=_record_headers(10 * index + 2, date),
            )
        )
        writer.write_record(
            writer.create_warc_record(
                uri,
                "metadata",
                payload=io.BytesIO(b"fetchTimeMs: 85\r\n"),
                warc_content_type="application/warc-fields",
                warc_headers_dict=_record_headers(10 * index + 3, date),
            )
        )


def samples() -> dict[str, bytes]:
    """File name -> content of every web sample."""
    warc = io.BytesIO()
    write_warc(warc)
    return {"harbour-budget.html": BUDGET.encode(), "crawl.warc.gz": warc.getvalue()}


def main() -> int:
    WEB.mkdir(parents=True, exist_ok=True)
    for name, data in samples().items():
        (WEB / name).write_bytes(data)
        print(f"wrote {WEB / name} ({len(data)} bytes)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
