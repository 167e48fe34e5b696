"""countries_cities.jsonl is what scripts/build_countries.py makes of its sources (countries.jsonl:
tests/test_rules_persons_countries.py)."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.scripts import load_script

SCRIPT = Path(__file__).resolve().parents[2] / "scripts" / "build_countries.py"


@pytest.fixture(scope="module")
def build():  # type: ignore[no-untyped-def]
    return load_script("build_countries")


def test_rules_countries_cities_file_is_current(build) -> None:  # type: ignore[no-untyped-def]
    rows = build.build_rows()
    assert build.CITIES_OUTPUT.read_text(encoding="utf-8") == build.render(
        build.build_city_rows(rows)
    )
