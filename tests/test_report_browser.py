"""The run report in a real browser (headless Chromium): highlights, tooltips and plots are in
the DOM, nothing injected, no network request from the page, no console message, a screenshot.

`make test` installs Chromium when it is missing (Makefile target `browser`); without it the
test is skipped with the reason. Chromium's own background services (update checks on
google hosts) are not the page's requests and are left out of the network check; every host
resolves to nothing, so none of them could load anything anyway."""

from __future__ import annotations

import json
import re
import shutil
import subprocess
from pathlib import Path

import pytest

from extract.report.report import render_report
from tests.scripts import load_script
from tests.test_report_article import (
    GOLD,
    HOSTILE,
    SEED,
    assert_nothing_injected,
    mention_spans,
    parsed_tags,
)
from tests.test_report_run import small_run

BROWSER_HOSTS = re.compile(r"^https?://([a-z0-9-]+\.)*(google\.com|googleapis\.com|gvt1\.com)[:/]")
FLAGS = [
    *load_script("report_screenshot").OFFLINE_FLAGS,
    "--disable-sync",
    "--disable-default-apps",
    "--enable-logging=stderr",
    "--v=0",
]


def chromium() -> str:
    for name in ("chromium", "chromium-browser", "google-chrome"):
        path = shutil.which(name)
        if path:
            return path
    pytest.skip("no Chromium on PATH: `make test` installs it (apt-get, as root)")


def browse(page: Path, tmp_path: Path, *extra: str) -> tuple[str, str, list[str]]:
    """The DOM after load, the browser's stderr and every URL in its network log."""
    net_log = tmp_path / f"net-{len(extra)}.json"
    result = subprocess.run(
        [chromium(), *FLAGS, f"--log-net-log={net_log}", *extra, page.as_uri()],
        capture_output=True,
        text=True,
        timeout=120,
    )
    urls = sorted(set(re.findall(r'"url":"([^"]+)"', net_log.read_text("utf-8", "replace"))))
    return result.stdout, result.stderr, urls


def report_page(tmp_path: Path) -> tuple[Path, int]:
    """The seed (gold rows) plus the small run's articles, one of them hostile."""
    run = small_run()
    run["documents"][1].update(title=HOSTILE, source=HOSTILE)
    run["texts"][1]["text"] = HOSTILE + run["texts"][1]["text"]
    shift = len(HOSTILE)
    for name in ("money", "dates", "countries", "facts"):
        for row in run[name]:
            if row["doc_id"] == "a2":
                row.update(start_char=row["start_char"] + shift, end_char=row["end_char"] + shift)
    run["documents"].insert(
        0, {"doc_id": "seed_article", "status": "ok", "published": "2020-12-01"}
    )
    run["texts"].append({"doc_id": "seed_article", "text": SEED.read_text("utf-8")})
    for name in ("persons", "countries", "dates", "counts", "money", "facts"):
        lines = (GOLD / f"{name}.jsonl").read_text("utf-8").splitlines()
        run[name] += [json.loads(line) for line in lines]
    expected = sum(len(run[n]) for n in ("persons", "countries", "dates", "counts", "money"))
    path = tmp_path / "report.html"
    path.write_text(render_report(run, manifest={"status": "complete"}), encoding="utf-8")
    return path, expected


def test_report_browser_dom_network_console_screenshot(tmp_path: Path) -> None:
    page, expected_spans = report_page(tmp_path)
    dom, log, urls = browse(page, tmp_path, "--dump-dom")
    assert "<article" in dom
    assert_nothing_injected(dom)
    spans = mention_spans(dom)
    assert len(spans) == expected_spans
    assert "money: 19,654,000,000 CNY exact" in [s["title"] for s in spans]
    tags = parsed_tags(dom)
    assert (
        sum(t == "path" and "counted" in (a.get("class") or "") for t, a in tags) == 5
    )  # CHN MMR USA VNM FRA
    assert sum(t == "rect" and a.get("class") == "bar" for t, a in tags) > 10
    assert [line for line in log.splitlines() if ":CONSOLE" in line] == []
    page_urls = [u for u in urls if u != page.as_uri() and not BROWSER_HOSTS.match(u)]
    assert page_urls == []
    shot = tmp_path / "report.png"
    browse(page, tmp_path, f"--screenshot={shot}", "--window-size=1280,1600", "--hide-scrollbars")
    assert shot.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"


def test_report_browser_catches_a_bad_page(tmp_path: Path) -> None:
    """The checks above can fail: a page with a script error and a fetch is caught."""
    bad = tmp_path / "bad.html"
    bad.write_text('<img src="http://example.com/x.png"><script>nope();</script>', "utf-8")
    _, log, urls = browse(bad, tmp_path, "--dump-dom")
    assert any("Uncaught ReferenceError" in line for line in log.splitlines() if ":CONSOLE" in line)
    assert "http://example.com/x.png" in urls


@pytest.mark.slow
def test_report_browser_screenshot_script_photographs_the_samples(tmp_path: Path) -> None:
    chromium()  # skips with the reason when there is no browser
    script = load_script("report_screenshot")
    picture = tmp_path / "report.png"
    assert script.main(["--out", str(picture)]) == 0
    data = picture.read_bytes()
    assert data[:8] == b"\x89PNG\r\n\x1a\n"
    assert 20_000 < len(data) <= script.MAX_BYTES  # a page, not a blank
