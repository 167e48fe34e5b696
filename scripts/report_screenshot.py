"""Write docs/report.png, the README's picture of the run report, from this repository alone.

    .venv/bin/python scripts/report_screenshot.py [--out docs/report.png]   (or: make screenshot)

It runs `extract run` on corpora/samples (the seed, a saved page and a small WARC file we wrote
ourselves), renders `extract report` and photographs it with headless Chromium, offline: every
host resolves to nothing, so the page can fetch nothing (it would not try: docs/report.md).
"""

from __future__ import annotations

import argparse
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
WIDTH, HEIGHT = 1100, 1400
# README images are fetched by every reader: keep the picture small.
MAX_BYTES = 300_000
# Headless and offline: every host resolves to nothing (tests/test_report_browser.py uses these too).
OFFLINE_FLAGS = (
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--no-first-run",
    "--host-resolver-rules=MAP * ~NOTFOUND",
)
CHROMIUM_FLAGS = (*OFFLINE_FLAGS, "--hide-scrollbars", "--force-device-scale-factor=1")


def find_chromium() -> str:
    for name in ("chromium", "chromium-browser", "google-chrome"):
        path = shutil.which(name)
        if path:
            return path
    raise SystemExit("no Chromium on PATH: `make browser` installs it (apt-get, as root)")


def render_report(work: Path) -> Path:
    """Run the samples and write their report; return the page."""
    extract = [sys.executable, "-m", "extract"]
    run_dir, page = work / "run", work / "report.html"
    subprocess.run(
        [*extract, "run", str(REPO / "corpora" / "samples"), "--out", str(run_dir)]
        + ["--workers", "1", "--no-progress"],
        check=True,
        capture_output=True,
    )
    subprocess.run(
        [*extract, "report", str(run_dir), "--html", str(page), "--title", "corpora/samples"],
        check=True,
        capture_output=True,
    )
    return page


def photograph(page: Path, picture: Path) -> int:
    """Screenshot ``page`` into ``picture``; return its size in bytes."""
    picture.parent.mkdir(parents=True, exist_ok=True)
    subprocess.run(
        [find_chromium(), *CHROMIUM_FLAGS, f"--window-size={WIDTH},{HEIGHT}"]
        + [f"--screenshot={picture.resolve()}", page.as_uri()],
        check=True,
        capture_output=True,
        timeout=120,
    )
    return picture.stat().st_size


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, default=REPO / "docs" / "report.png")
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory() as work:
        size = photograph(render_report(Path(work)), args.out)
    if size > MAX_BYTES:
        print(f"{args.out}: {size:,} bytes, over the {MAX_BYTES:,} limit", file=sys.stderr)
        return 1
    print(f"wrote {args.out} ({WIDTH}x{HEIGHT}, {size:,} bytes)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
