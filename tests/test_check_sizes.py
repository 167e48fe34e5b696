"""scripts/check_sizes.py finds long component files and long functions, and honours the
declarative-table exemption."""

from __future__ import annotations

from pathlib import Path
from types import ModuleType

from tests.scripts import load_script

REPO = Path(__file__).resolve().parents[1]


def _check_sizes() -> ModuleType:
    return load_script("check_sizes")


def _function(name: str, lines: int, marker: str = "") -> str:
    body = "".join("    x = 1\n" for _ in range(lines - 2))
    return f"def {name}():{marker}\n{body}    return x\n"


def test_check_sizes_reports_long_functions_and_files(tmp_path: Path) -> None:
    module = _check_sizes()
    package = tmp_path / "extract"
    components = package / "components"
    components.mkdir(parents=True)
    (package / "short.py").write_text(_function("fine", 60))
    (package / "long.py").write_text(_function("too_long", 61))
    (package / "table.py").write_text(_function("rows", 80, "  # size: declarative table"))
    (components / "big.py").write_text("x = 1\n" * 401)
    assert module.violations(package, components) == [
        "extract/components/big.py:1: 401 lines (components: at most 400)",
        "extract/long.py:1: function too_long has 61 lines (at most 60)",
    ]
