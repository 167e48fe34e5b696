"""The date rules files (rules/dates.json, rules/dates_patterns.jsonl) load and are validated."""

from __future__ import annotations

import json
from importlib import resources
from typing import Any

import pytest
from spacy.language import Language
from spacy.matcher import Matcher, PhraseMatcher

from extract.components.dates import PATTERNS_FILE, PatternsError, load_date_patterns
from extract.normalize.dates_lexicon import (
    RULES_FILE,
    DatesRulesError,
    load_dates_lexicon,
    validate_dates_rules,
)


def _raw_rules() -> dict[str, Any]:
    text = resources.files("extract.rules").joinpath(RULES_FILE).read_text(encoding="utf-8")
    return json.loads(text)


def test_rules_dates_packaged_file_is_valid() -> None:
    lexicon = load_dates_lexicon()
    assert lexicon.months["sept"] == 9
    assert lexicon.weekdays["thursday"] == 4
    assert lexicon.modifiers["the beginning of"] == "START"
    assert lexicon.deictic_refs["not long ago"] == "PAST_REF"
    assert {"by", "due", "until"} <= lexicon.target_prepositions
    assert "expected" in lexicon.looking_ahead_words
    assert (lexicon.day_words["one"], lexicon.day_words["thirty first"]) == (1, 31)
    assert {"twice", "%"} <= lexicon.frequency_words
    assert "results" in lexicon.year_nouns
    assert "exports" in lexicon.year_nouns
    assert {"normally", "usually"} <= lexicon.habitual_words


@pytest.mark.parametrize(
    "change,message",
    [
        ({"colour_words": {}}, "unknown keys"),
        ({"months": ["january"]}, "'months' must map"),
        ({"months": {"January": 1}}, "'months' must map"),
        ({"months": {"smarch": 13}}, "'months' values must be 1..12"),
        ({"modifiers": {"early": "EARLY"}}, "not TIMEX3 mods"),
        ({"deictic_refs": {"now": "NOW_REF"}}, "deictic_refs"),
        ({"duration_units": {"week": "WK"}}, "unknown unit codes"),
        ({"seasons": {"monsoon": "MO"}}, "'seasons' values"),
        ({"time_zones": "gmt"}, "list of lower-case strings"),
        ({"looking_ahead_words": ["Expected"]}, "list of lower-case strings"),
        ({"day_words": {"thirty two": 32}}, "'day_words' values must be 1..31"),
        ({"day_words": ["one"]}, "'day_words' must map"),
        ({"frequency_words": "twice"}, "list of lower-case strings"),
        ({"year_nouns": ["Results"]}, "list of lower-case strings"),
        ({"habitual_words": "usually"}, "list of lower-case strings"),
    ],
)
def test_rules_dates_validation_rejects(change: dict[str, Any], message: str) -> None:
    data = {**_raw_rules(), **change}
    with pytest.raises(DatesRulesError, match=message):
        validate_dates_rules(data)


def test_rules_dates_validation_rejects_missing_key() -> None:
    data = _raw_rules()
    del data["months"]
    with pytest.raises(DatesRulesError, match="missing keys"):
        validate_dates_rules(data)


def test_rules_dates_patterns_load_into_matchers(blank_nlp: Language) -> None:
    patterns = load_date_patterns(load_dates_lexicon())
    ids = [rule_id for rule_id, _ in (*patterns.tokens, *patterns.phrases)]
    assert len(ids) == len(set(ids))
    matcher = Matcher(blank_nlp.vocab)
    for rule_id, pattern in patterns.tokens:
        matcher.add(rule_id, [pattern])
    phrase_matcher = PhraseMatcher(blank_nlp.vocab, attr="LOWER")
    for rule_id, phrases in patterns.phrases:
        phrase_matcher.add(rule_id, [blank_nlp.make_doc(phrase) for phrase in phrases])
    doc = blank_nlp("Talks resumed last week and ended on Friday , daily , until Christmas .")
    found = {blank_nlp.vocab.strings[m] for m, _, _ in [*matcher(doc), *phrase_matcher(doc)]}
    assert {"lead_unit", "weekday", "set_words", "named_periods"} <= found


@pytest.mark.parametrize(
    "line,message",
    [
        ('{"id": "x", "pattern": [{"LOWER": {"IN": "$planets"}}]}', "unknown word list"),
        ('{"id": "x", "pattern": [], "label": "DATE"}', "the keys id and pattern"),
        ('{"id": 3, "pattern": []}', "'id' is text"),
        ('{"id": "x", "phrases": "now"}', "'phrases' is a list"),
        ('{"id": "x", "phrases": ["$planets"]}', "unknown word list"),
        ("{not json", "invalid JSON"),
    ],
)
def test_rules_dates_patterns_validation_rejects(
    monkeypatch: pytest.MonkeyPatch, line: str, message: str
) -> None:
    def fake_read(name: str) -> str:
        assert name == PATTERNS_FILE
        return line + "\n"

    monkeypatch.setattr("extract.components.dates.patterns.read_rules_text", fake_read)
    with pytest.raises(PatternsError, match=message):
        load_date_patterns(load_dates_lexicon())


@pytest.mark.parametrize(
    "key,expected",
    [
        ("duration_leads", {"past", "last", "next", "first", "coming", "latest", "final"}),
        ("duration_fillers", {"full", "straight", "consecutive", "whole", "trading"}),
        ("span_trailing_trim", {",", ".", ";", ":", ")", "'s", "’s", "-", "—"}),
        ("span_leading_trim", {"on", "in", "since", "effective", "(", "–", "between"}),
        ("dash_connectors", {"–", "—"}),
        ("time_day_joiners", {",", "on", "at"}),
        ("deadline_prepositions", {"until", "till", "til"}),
        ("pattern_unit_exclusions", {"min", "sec", "hr", "yr", "night"}),
    ],
)
def test_rules_dates_word_lists_moved_from_code(key: str, expected: set[str]) -> None:
    assert expected <= getattr(load_dates_lexicon(), key)


def test_rules_dates_range_connectors_read_from_the_file() -> None:
    from extract.components.dates import ranges

    connectors = {"to", "through", "thru", "until", "till", "-", "–", "—", "and"}
    assert connectors == ranges._RANGE_CONNECTORS
    assert {"from", "between"} == ranges._RANGE_OPENERS
