"""The persons and countries rule files: valid on load, generated file up to date."""

from __future__ import annotations

import json
from pathlib import Path
from types import ModuleType

import pycountry
import pytest

from extract.normalize import countries as countries_rules
from extract.normalize import persons as persons_rules
from extract.normalize import persons_words, rules_data
from extract.normalize.rules_data import RulesError, read_jsonl
from tests.scripts import load_script

REPO = Path(__file__).resolve().parents[1]
RULES = REPO / "extract" / "rules"


def _build_script() -> ModuleType:
    return load_script("build_countries")


@pytest.mark.parametrize(
    "loader",
    [
        persons_rules.title_lexicon,
        persons_rules.name_particles,
        persons_rules.false_positive_names,
        persons_words.word_lists,
        countries_rules.country_forms,
        countries_rules.exclusion_phrases,
        countries_rules.org_words,
        countries_rules.self_reference_phrases,
        countries_rules.context_vetoes,
    ],
)
def test_rules_persons_countries_load(loader) -> None:  # type: ignore[no-untyped-def]
    loader.cache_clear()
    assert loader()


def test_rules_persons_countries_generated_file_is_current() -> None:
    script = _build_script()
    committed = (RULES / "countries.jsonl").read_text(encoding="utf-8")
    assert script.render(script.build_rows()) == committed, "run scripts/build_countries.py"


@pytest.mark.parametrize("filename", ["countries_news.jsonl"])
def test_rules_persons_countries_news_forms_use_known_codes(filename: str) -> None:
    script = _build_script()
    for record in script.read_news_forms(RULES / filename):
        iso3 = record["iso3"]
        known = pycountry.countries.get(alpha_3=iso3) or pycountry.historic_countries.get(
            alpha_3=iso3
        )
        assert known is not None, iso3
        assert record.get("former", False) or pycountry.countries.get(alpha_3=iso3), iso3


@pytest.mark.parametrize(
    "line,message",
    [
        ('{"phrase": "mr", "kind": "honorific", "colour": "red"}', "unknown keys ['colour']"),
        ('{"kind": "honorific"}', "missing keys ['phrase']"),
        ("[1, 2]", "expected an object"),
        ("{not json", "invalid JSON"),
    ],
)
def test_rules_persons_countries_rejects_bad_lines(
    line: str, message: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(rules_data, "read_rules_text", lambda filename: line + "\n")
    with pytest.raises(RulesError, match=message.replace("[", r"\[").replace("]", r"\]")):
        read_jsonl(
            "persons_titles.jsonl",
            frozenset({"phrase", "kind", "also_name"}),
            frozenset({"phrase", "kind"}),
        )


def test_rules_persons_countries_rejects_unknown_title_kind(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr(
        rules_data, "read_rules_text", lambda filename: '{"phrase": "mr", "kind": "nickname"}\n'
    )
    persons_rules.title_lexicon.cache_clear()
    try:
        with pytest.raises(RulesError, match="unknown kind 'nickname'"):
            persons_rules.title_lexicon()
    finally:
        monkeypatch.undo()
        persons_rules.title_lexicon.cache_clear()


def test_rules_persons_countries_generated_rows_are_well_formed() -> None:
    rows = [
        json.loads(line)
        for line in (RULES / "countries.jsonl").read_text(encoding="utf-8").splitlines()
    ]
    assert len({row["form"] for row in rows}) == len(rows)
    for row in rows:
        assert set(row) == {"form", "iso2", "iso3", "name", "mention_type", "former"}
        assert row["mention_type"] in {"name", "demonym", "place"}
        assert not row["form"].lower().startswith("the ")
