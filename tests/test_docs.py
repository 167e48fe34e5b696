"""The README's Python examples run as written (sqlite-utils tests its docs the same way)."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

README = Path(__file__).resolve().parents[1] / "README.md"
PYTHON_BLOCK = re.compile(r"^```python\n(.*?)^```", re.S | re.M)


def _python_blocks() -> list[str]:
    return PYTHON_BLOCK.findall(README.read_text(encoding="utf-8"))


def test_docs_readme_has_python_examples() -> None:
    assert len(_python_blocks()) >= 1


@pytest.mark.slow
@pytest.mark.parametrize("block", _python_blocks())
def test_docs_readme_python_example_runs(block: str) -> None:
    exec(compile(block, str(README), "exec"), {"__name__": "readme_example"})
