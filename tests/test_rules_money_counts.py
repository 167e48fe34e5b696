"""The money and counts rules data files load, validate and reject malformed content."""

from __future__ import annotations

import json
from importlib import resources

import pytest

from extract.normalize import money as money_module
from extract.normalize.count_rules import load_count_rules
from extract.normalize.numbers import (
    QUALIFIERS,
    QUALIFIERS_AFTER,
    QUALIFIERS_BEFORE,
)
from extract.normalize.rules_data import RulesError, load_rules_json

RULES = resources.files("extract.rules")


def _iso_codes() -> set[str]:
    import pycountry

    return {c.alpha_3 for c in pycountry.currencies}


# Historical ISO 4217 codes that pycountry no longer lists.
HISTORICAL = {
    "DEM",
    "FRF",
    "ITL",
    "FIM",
    "ESP",
    "NLG",
    "BEF",
    "LUF",
    "PTE",
    "GRD",
    "ATS",
    "IEP",
    "XEU",
    "CYP",
    "MTL",
    "SKK",
    "EEK",
    "CSK",
    "SUR",
    "YUD",
    "ZWD",
    "VEF",
    "BRC",
    "BRE",
    "ARA",
    "PEI",
    "DDM",
    "MGF",
    "HRK",
    "BGN",
}


@pytest.mark.parametrize(
    "name",
    [
        "currencies.jsonl",
        "currency_families.json",
        "money.json",
        "counts.json",
        "counts_qualifiers.json",
        "numbers.json",
    ],
)
def test_rules_money_counts_files_are_valid_json(name: str) -> None:
    text = RULES.joinpath(name).read_text(encoding="utf-8")
    if name.endswith(".jsonl"):
        assert all(json.loads(line) for line in text.splitlines() if line.strip())
    else:
        assert isinstance(json.loads(text), dict)


@pytest.mark.parametrize("table", ["prefixes", "suffixes"])
def test_rules_money_currency_codes_are_iso_4217(table: str) -> None:
    expressions = money_module.PREFIXES if table == "prefixes" else money_module.SUFFIXES
    known = _iso_codes() | HISTORICAL
    unknown = {e.currency for e in expressions.values() if e.currency and e.currency not in known}
    assert unknown == set()


def test_rules_money_family_codes_are_iso_4217() -> None:
    known = _iso_codes() | HISTORICAL
    codes = {default for default, _ in money_module.FAMILIES.values()}
    codes |= {c for _, countries in money_module.FAMILIES.values() for c in countries.values()}
    assert codes - known == set()


@pytest.mark.parametrize(
    ("phrase", "qualifier"),
    [("more than", "more_than"), ("nearly", "less_than"), ("up to", "at_most")],
)
def test_rules_money_counts_qualifiers_loaded(phrase: str, qualifier: str) -> None:
    assert QUALIFIERS_BEFORE[phrase] == qualifier
    assert set(QUALIFIERS_BEFORE.values()) | set(QUALIFIERS_AFTER.values()) <= set(QUALIFIERS)


@pytest.mark.parametrize("word", ["year", "%", "tonne", "kilometre"])
def test_rules_counts_units_loaded(word: str) -> None:
    assert word in load_count_rules().units


def test_rules_money_counts_unknown_key_rejected(monkeypatch: pytest.MonkeyPatch) -> None:
    from extract.normalize import rules_data

    text = json.dumps({"per_unit_words": [], "typo_key": []})
    monkeypatch.setattr(rules_data, "read_rules_text", lambda filename: text)
    with pytest.raises(RulesError, match="unknown keys \\['typo_key'\\]"):
        load_rules_json("money.json", {"per_unit_words"})
