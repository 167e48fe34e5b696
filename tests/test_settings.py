"""The checks on run options live in the library: typed exceptions with coded messages."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

import pytest

from extract.api import plan_run
from extract.settings import (
    InputError,
    ModelError,
    SettingsError,
    parse_home_country,
    parse_reference_date,
)

REPO = Path(__file__).resolve().parents[1]
SAMPLES = str(REPO / "corpora" / "samples")


@pytest.mark.parametrize(
    "inputs,options,error_type,message",
    [
        (["nope.txt"], {}, InputError, "E021: input not found: nope.txt"),
        (
            [SAMPLES],
            {"reference_date": "someday"},
            SettingsError,
            "E023: cannot parse --reference-date 'someday'",
        ),
        (
            [SAMPLES],
            {"home_country": "Atlantis"},
            SettingsError,
            "E025: unknown --home-country 'Atlantis': use a country name or an ISO 3166 code",
        ),
        (
            [SAMPLES],
            {"engine": "spark"},
            SettingsError,
            "E028: unknown --engine 'spark': use local or dask",
        ),
        (
            [SAMPLES],
            {"scheduler": "tcp://x:1"},
            SettingsError,
            "E029: --scheduler needs --engine dask",
        ),
        (
            [SAMPLES],
            {"overwrite": True, "resume": True},
            SettingsError,
            "E030: --overwrite and --resume exclude each other",
        ),
        ([SAMPLES], {"workers": 0}, SettingsError, "E027: --workers must be at least 1, not 0"),
        (
            [SAMPLES],
            {"batch_size": 0},
            SettingsError,
            "E027: --batch-size must be at least 1, not 0",
        ),
        (
            [SAMPLES],
            {"output_format": "xlsx"},
            SettingsError,
            "E031: unknown --format 'xlsx': use parquet, csv, jsonl or duckdb",
        ),
    ],
)
def test_settings_plan_run_rejects_with_coded_message(
    inputs: list[str], options: dict[str, Any], error_type: type, message: str
) -> None:
    with pytest.raises(error_type) as caught:
        plan_run(inputs, **options)
    assert str(caught.value) == message
    assert caught.value.code == message[:4]


def test_settings_unknown_model_is_a_model_error() -> None:
    request = plan_run([SAMPLES], model="does-not-exist", workers=2)
    with pytest.raises(ModelError, match=r"^E024: unknown model 'does-not-exist'"):
        request.load_pipeline()


def test_settings_plan_run_normalises_values() -> None:
    request = plan_run(
        [SAMPLES], reference_date="3 May 2021", home_country="France", id_field="key", workers=3
    )
    assert request.settings.reference_date == dt.date(2021, 5, 3)
    assert request.settings.home_country == "FRA"
    assert request.fields.id == ("key",)
    assert request.workers == 3
    assert not request.runs_here


@pytest.mark.parametrize(
    "value,expected",
    [
        (None, None),
        ("2020-01-02", dt.date(2020, 1, 2)),
        (dt.date(2019, 3, 4), dt.date(2019, 3, 4)),
        (dt.datetime(2019, 3, 4, 10, 30), dt.date(2019, 3, 4)),
    ],
)
def test_settings_parse_reference_date(value: Any, expected: dt.date | None) -> None:
    assert parse_reference_date(value) == expected


@pytest.mark.parametrize(
    "value,expected", [(None, None), ("", None), ("Germany", "DEU"), ("US", "USA")]
)
def test_settings_parse_home_country(value: str | None, expected: str | None) -> None:
    assert parse_home_country(value) == expected
