"""The count rules of ``rules/counts.json`` (units, idioms, identifier markers, the connectors
and links only counts use), validated on load, with the number words counts shares with money
from ``rules/numbers.json`` (``extract.normalize.numbers``). Pure: no spaCy."""

from __future__ import annotations

import re
from typing import NamedTuple

from extract.normalize.numbers import (
    LEADING_WORDS,
    MULTIPLIERS,
    RANGE_CONNECTORS,
    SCALE_TABLE,
    VAGUE,
    VAGUE_STARTERS,
)
from extract.normalize.rules_data import load_rules_object


class CountRules(NamedTuple):
    units: frozenset[str]
    idiom_heads_for_one: frozenset[str]
    idioms: re.Pattern[str]
    uninflected_plurals: frozenset[str]
    identifier_markers: frozenset[str]
    # Shared number grammar, read as lowercase tokens:
    vague_words: frozenset[str]  # one-word vague numbers and their starters ("dozens", "several")
    scale_words: frozenset[str]  # "hundred", "million", "mln", "dozen", glued "m"/"k"
    word_starters: frozenset[str]  # start a number only before a scale word: "a million"
    range_connectors: frozenset[str]  # "50 to 60", "two or three"
    ratio_links: frozenset[str]
    rank_words: frozenset[str]
    only_one_determiners: frozenset[str]


def _words(data: dict, key: str) -> frozenset[str]:
    return frozenset(w.lower() for w in data[key])


def load_count_rules() -> CountRules:
    data = load_rules_object("counts.json")  # keys and types: rules_schema
    idioms = sorted(data["idioms"], key=len, reverse=True)
    scale_words = {
        word
        for word, scale in SCALE_TABLE.items()
        if (scale.numeral or scale.after_number or scale.glued) and not scale.upper_case_only
    }
    return CountRules(
        _words(data, "unit_lemmas"),
        _words(data, "idiom_heads_for_one"),
        re.compile(r"(?i)\b(?:" + "|".join(re.escape(i) for i in idioms) + r")\b"),
        _words(data, "uninflected_plurals"),
        _words(data, "identifier_markers"),
        frozenset(v for v in VAGUE if " " not in v) | VAGUE_STARTERS,
        frozenset(scale_words) | frozenset(MULTIPLIERS),
        LEADING_WORDS | VAGUE_STARTERS,
        frozenset(RANGE_CONNECTORS) | _words(data, "extra_range_connectors"),
        _words(data, "ratio_links"),
        _words(data, "rank_words"),
        _words(data, "only_one_determiners"),
    )
