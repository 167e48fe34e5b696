"""The one number grammar (rules/numbers.json) that money and counts share."""

from __future__ import annotations

import re

import pytest

from extract.normalize.count_rules import load_count_rules
from extract.normalize.money import find_money
from extract.normalize.numbers import (
    DIGITS_PATTERN,
    NUMBER_WORDS_PATTERN,
    SCALE_PATTERN,
    SCALE_TABLE,
    SCALES,
    _load_scales,
    parse_number,
    words_alternation,
)
from extract.normalize.rules_data import RulesError


@pytest.mark.parametrize(
    ("word", "factor", "after_number", "glued"),
    [
        ("hundred", 100, False, False),
        ("thousand", 1000, True, False),
        ("k", 1000, False, True),
        ("lakh", 100_000, True, False),
        ("mln", 10**6, True, False),
        ("m", 10**6, False, True),
        ("crore", 10**7, True, False),
        ("bn", 10**9, True, False),
        ("trillion", 10**12, True, False),
        ("t", 10**12, False, True),
    ],
)
def test_number_grammar_scale_table(
    word: str, factor: int, after_number: bool, glued: bool
) -> None:
    scale = SCALE_TABLE[word]
    assert (SCALES[word], scale.after_number, scale.glued) == (factor, after_number, glued)


@pytest.mark.parametrize(
    ("pattern", "text", "matched"),
    [
        (DIGITS_PATTERN, "1,234,567.89", "1,234,567.89"),
        (DIGITS_PATTERN, "1.234.567,89", "1.234.567,89"),
        (DIGITS_PATTERN, "1\u00a0234\u00a0567", "1\u00a0234\u00a0567"),
        (NUMBER_WORDS_PATTERN, "three hundred million", "three hundred million"),
        (NUMBER_WORDS_PATTERN, "half a billion", "half a billion"),
        (NUMBER_WORDS_PATTERN, "nil", None),  # nil is a number on its own, never an amount
        (SCALE_PATTERN, " mln", " mln"),
        (SCALE_PATTERN, " t", None),
    ],
)
def test_number_grammar_patterns(pattern: str, text: str, matched: str | None) -> None:
    match = re.match(pattern, text)
    assert (match.group(0) if match else None) == matched


@pytest.mark.parametrize(
    ("text", "value"), [("2.1T", "2100000000000"), ("278,000 t", None), ("nil", "0")]
)
def test_number_grammar_case_of_glued_scales(text: str, value: str | None) -> None:
    number = parse_number(text)
    assert (None if number is None else str(number.value)) == value


def test_number_grammar_counts_read_the_shared_words() -> None:
    rules = load_count_rules()
    assert rules.scale_words == {
        "hundred", "thousand", "k", "lakh", "lakhs", "lac", "lacs", "million", "millions",
        "mln", "mlns", "mn", "mil", "m", "crore", "crores", "billion", "billions", "bln",
        "blns", "bn", "b", "trillion", "trillions", "trn", "tn", "dozen",
    }  # fmt: skip
    assert rules.vague_words == {
        "dozens", "scores", "tens", "hundreds", "thousands", "millions", "billions", "several",
        "few",
    }  # fmt: skip
    assert rules.range_connectors == {"to", "-", "\u2013", "\u2014", "and", "or"}
    assert rules.word_starters == {"a", "an", "half", "several", "few"}


@pytest.mark.parametrize(
    ("text", "amount"),
    [("5 lakh rupees", "500000"), ("half a billion dollars", "500000000")],
)
def test_number_grammar_money_uses_the_shared_scales(text: str, amount: str) -> None:
    assert [m.money.amount for m in find_money(text)] == [amount]


def test_number_grammar_alternation_longest_first() -> None:
    assert words_alternation(["a", "an", "a year"]) == r"a\s+year|an|a"


@pytest.mark.parametrize(
    ("scales", "message"),
    [
        ({"million": {"factor": 1000000, "typo": True}}, "unknown"),
        ({"million": {}}, "needs a factor"),
        ({"million": {"factor": 1}}, "needs a factor"),
    ],
)
def test_number_grammar_bad_scale_rejected(scales: dict, message: str) -> None:
    with pytest.raises(RulesError, match=message):
        _load_scales({"scales": scales})
