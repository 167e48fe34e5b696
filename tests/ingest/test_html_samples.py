"""The web samples of corpora/samples/web/ are scripts/make_samples.py's output, and read as such."""

from __future__ import annotations

from collections import Counter
from pathlib import Path
from types import ModuleType

from extract.ingest import read_articles
from tests.scripts import load_script

REPO = Path(__file__).resolve().parents[2]
WEB = REPO / "corpora" / "samples" / "web"
BUDGET = (
    "The council of Port Ellery approved a harbour budget of 12.5 million euros on Tuesday,"
    " after a debate that lasted well into the night.\nMayor Tomas Heller said the money would"
    " repair the northern quay, which has been closed since last October, and pay for 14 new"
    " moorings for fishing boats.\nAbout 300 residents attended the meeting. Opposition"
    " councillor Ines Arbuthnot said the plan left too little for the ferry link to Norway and"
    " promised to raise the matter again in June.\nWork on the quay is due to start on April 12"
    " and to last three months."
)
SITE = "https://harbour-gazette.example/news/"


def _script() -> ModuleType:
    return load_script("make_samples")


def test_html_samples_are_the_script_output() -> None:
    for name, data in _script().samples().items():
        assert (WEB / name).read_bytes() == data, f"run scripts/make_samples.py ({name} differs)"


def test_html_samples_read_as_articles() -> None:
    skipped: dict[str, Counter[str]] = {}
    articles = list(read_articles([WEB], skipped_records=skipped))
    rows = [
        (a.doc_id, a.title, a.author, a.source, a.url, a.published, a.crawled, a.extractor, a.error)
        for a in articles
    ]
    budget = ("Port Ellery council approves harbour budget", "Mara Quinlan", "The Harbour Gazette")
    ferry = ("Ferry link to Bergen to resume in May", "Owen Tallis", "The Harbour Gazette")
    assert rows == [
        (
            "5a1e0002-0000-4000-8000-000000000000",
            *budget,
            f"{SITE}harbour-budget",
            "2021-03-02",
            "2021-03-06T08:01:00Z",
            "trafilatura",
            None,
        ),
        (
            "5a1e0022-0000-4000-8000-000000000000",
            *ferry,
            f"{SITE}ferry-bergen",
            "2021-03-05",
            "2021-03-06T08:03:00Z",
            "trafilatura",
            None,
        ),
        (
            "harbour-budget",
            *budget,
            f"{SITE}harbour-budget",
            "2021-03-02",
            None,
            "trafilatura",
            None,
        ),
    ]
    assert articles[0].text == articles[2].text == BUDGET
    assert skipped[str(WEB / "crawl.warc.gz")] == {
        "warcinfo": 1,
        "request": 3,
        "metadata": 3,
        "response (not HTML)": 1,
    }
