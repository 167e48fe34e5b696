"""Every file in extract/rules/ has a declared shape and matches it; the loader's errors name
the file and the line."""

from __future__ import annotations

from importlib import resources

import pytest

from extract.normalize import rules_data
from extract.normalize.dates_lexicon import DatesRulesError
from extract.normalize.facts import FactRulesError
from extract.normalize.rules_data import (
    RulesError,
    load_rule_file,
    load_rules_object,
    load_rules_rows,
    load_word_list,
    read_word_list,
)
from extract.normalize.rules_schema import RULE_FILES

RULE_FILE_NAMES = sorted(
    entry.name
    for entry in resources.files("extract").joinpath("rules").iterdir()
    if entry.is_file()
)


@pytest.mark.parametrize("filename", RULE_FILE_NAMES)
def test_rules_every_file_matches_its_declared_schema(filename: str) -> None:
    assert filename in RULE_FILES, f"{filename} has no declared schema in rules_schema.py"
    assert len(load_rule_file(filename)) > 0


@pytest.mark.parametrize("declared", sorted(RULE_FILES))
def test_rules_every_declared_schema_has_its_file(declared: str) -> None:
    assert declared in RULE_FILE_NAMES


def _serve(monkeypatch: pytest.MonkeyPatch, text: str) -> None:
    monkeypatch.setattr(rules_data, "read_rules_text", lambda filename: text)


@pytest.mark.parametrize(
    "filename,text,message",
    [
        (
            "persons_titles.jsonl",
            '{"phrase": "mr", "kind": "honorific"}\n\n{"phrase": "dr", "colour": "red"}\n',
            "persons_titles.jsonl:3: unknown keys ['colour']; missing keys ['kind']",
        ),
        (
            "persons_titles.jsonl",
            '{"phrase": "mr", "kind": "honorific", "also_name": "yes"}\n',
            "persons_titles.jsonl:1: 'also_name' must be true/false",
        ),
        ("currencies.jsonl", '{"text": "$"}\n[1]\n', "currencies.jsonl:1: missing keys"),
        ("countries_context.jsonl", '{"form": "Chad"\n', "countries_context.jsonl:1: invalid JSON"),
        ("countries_news.jsonl", "[1, 2]\n", "countries_news.jsonl:1: expected an object"),
        (
            "dates_patterns.jsonl",
            '{"id": "x", "pattern": [], "phrases": ["now"]}\n',
            "dates_patterns.jsonl:1: needs exactly one of ['pattern', 'phrases']",
        ),
    ],
)
def test_rules_rows_errors_name_file_and_line(
    monkeypatch: pytest.MonkeyPatch, filename: str, text: str, message: str
) -> None:
    _serve(monkeypatch, text)
    with pytest.raises(RulesError) as raised:
        load_rules_rows(filename)
    assert str(raised.value).startswith(message)
    assert raised.value.file == filename


@pytest.mark.parametrize(
    "text,message,line",
    [
        (
            '{\n "before": {},\n "after": {},\n "typo": 1\n}',
            "counts_qualifiers.json:4: unknown keys ['typo']",
            4,
        ),
        (
            '{\n "before": {},\n "after": {"over": 1}\n}',
            "counts_qualifiers.json:3: 'after' must be an object of text to text",
            3,
        ),
        ('{\n "before": {}\n}', "counts_qualifiers.json: missing keys ['after']", None),
        ('{\n "before": {},\n "after": {\n}', "counts_qualifiers.json:4: invalid JSON", 4),
        ("[]", "counts_qualifiers.json:1: top level must be an object", 1),
    ],
)
def test_rules_object_errors_name_file_and_line(
    monkeypatch: pytest.MonkeyPatch, text: str, message: str, line: int | None
) -> None:
    _serve(monkeypatch, text)
    with pytest.raises(RulesError) as raised:
        load_rules_object("counts_qualifiers.json")
    assert str(raised.value).startswith(message)
    assert raised.value.line == line


@pytest.mark.parametrize(
    "loader,filename,message",
    [
        (load_rule_file, "unknown.txt", "unknown.txt: no declared schema"),
        (load_rules_object, "countries.jsonl", "countries.jsonl: is not declared as a JSON object"),
        (load_rules_rows, "dates.json", "dates.json: is not declared as JSONL rows"),
        (load_word_list, "money.json", "money.json: is not declared as a word list"),
    ],
)
def test_rules_shape_mismatch_is_an_error(loader: object, filename: str, message: str) -> None:
    with pytest.raises(RulesError, match=f"^{message}"):
        loader(filename)  # type: ignore[operator]


@pytest.mark.parametrize(
    "text,expected_entries,expected_words",
    [
        ("# comment\nAgency\n\n  Bank \n", ("Agency", "Bank"), frozenset({"agency", "bank"})),
    ],
)
def test_rules_word_list_entries(
    monkeypatch: pytest.MonkeyPatch,
    text: str,
    expected_entries: tuple[str, ...],
    expected_words: frozenset[str],
) -> None:
    _serve(monkeypatch, text)
    assert load_word_list("countries_org_words.txt") == expected_entries
    assert read_word_list("countries_org_words.txt") == expected_words


@pytest.mark.parametrize("error_type", [DatesRulesError, FactRulesError])
def test_rules_one_error_type(error_type: type[Exception]) -> None:
    assert issubclass(error_type, RulesError)
