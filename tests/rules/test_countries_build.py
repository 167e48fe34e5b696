"""countries_cities.jsonl is what scripts/build_countries.py makes of its sources (countries.jsonl:
tests/test_rules_persons_countries.py)."""

from __future__ import annotations

import importlib.util
from pathlib import Path

import pytest

SCRIPT = Path(__file__).resolve().parents[2] / "scripts" / "build_countries.py"


@pytest.fixture(scope="module")
def build():  # type: ignore[no-untyped-def]
    spec = importlib.util.spec_from_file_location("build_countries", SCRIPT)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_rules_countries_cities_file_is_current(build) -> None:  # type: ignore[no-untyped-def]
    rows = build.build_rows()
    assert build.CITIES_OUTPUT.read_text(encoding="utf-8") == build.render(
        build.build_city_rows(rows)
    )
