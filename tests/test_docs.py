"""The README's Python examples run as written (sqlite-utils tests its docs the same way)."""

from __future__ import annotations

import re
import struct
from pathlib import Path
from typing import Any

import pytest

from tests.scripts import load_script

REPO = Path(__file__).resolve().parents[1]
README = REPO / "README.md"
SCREENSHOT = REPO / "docs" / "report.png"
PYTHON_BLOCK = re.compile(r"^```python\n(.*?)^```", re.S | re.M)


def screenshot_script() -> Any:
    return load_script("report_screenshot")


def _python_blocks() -> list[str]:
    return PYTHON_BLOCK.findall(README.read_text(encoding="utf-8"))


def test_docs_readme_has_python_examples() -> None:
    assert len(_python_blocks()) >= 1


@pytest.mark.slow
@pytest.mark.parametrize("block", _python_blocks())
def test_docs_readme_python_example_runs(block: str) -> None:
    exec(compile(block, str(README), "exec"), {"__name__": "readme_example"})


def test_docs_readme_shows_the_report_screenshot_the_project_makes() -> None:
    screenshot = screenshot_script()
    assert "![The run report of corpora/samples](docs/report.png)" in README.read_text("utf-8")
    picture = SCREENSHOT.read_bytes()
    assert picture[:8] == b"\x89PNG\r\n\x1a\n"
    width, height = struct.unpack(">II", picture[16:24])  # the IHDR chunk comes first
    assert (width, height) == (screenshot.WIDTH, screenshot.HEIGHT)
    assert len(picture) <= screenshot.MAX_BYTES


def test_docs_cli_exit_statuses_are_the_ones_the_cli_uses() -> None:
    from extract.cli._app import ExitStatus

    text = (REPO / "docs" / "cli.md").read_text("utf-8")
    documented = [int(n) for n in re.findall(r"^\| (\d+) \|", text, re.M)]
    assert documented == sorted(status.value for status in ExitStatus)
