"""The count rules of ``rules/counts.json`` (units, idioms, identifier markers, vague number
words, scale words), validated on load. Pure: no spaCy."""

from __future__ import annotations

import re
from typing import NamedTuple

from extract.normalize.rules_data import RulesError, load_rules_object

_RULE_KEYS = {
    "unit_lemmas",
    "idiom_heads_for_one",
    "idioms",
    "uninflected_plurals",
    "identifier_markers",
    "vague_number_words",
    "scale_words",
}


class CountRules(NamedTuple):
    units: frozenset[str]
    idiom_heads_for_one: frozenset[str]
    idioms: re.Pattern[str]
    uninflected_plurals: frozenset[str]
    identifier_markers: frozenset[str]
    vague_words: frozenset[str]
    scale_words: frozenset[str]


def load_count_rules() -> CountRules:
    data = load_rules_object("counts.json")
    missing = _RULE_KEYS - set(data)
    if missing:
        raise RulesError(f"counts.json: missing keys {sorted(missing)}")
    for key in _RULE_KEYS:
        if not all(isinstance(w, str) and w for w in data[key]):
            raise RulesError(f"counts.json: {key} must be a list of non-empty strings")
    idioms = sorted(data["idioms"], key=len, reverse=True)
    return CountRules(
        frozenset(w.lower() for w in data["unit_lemmas"]),
        frozenset(w.lower() for w in data["idiom_heads_for_one"]),
        re.compile(r"(?i)\b(?:" + "|".join(re.escape(i) for i in idioms) + r")\b"),
        frozenset(w.lower() for w in data["uninflected_plurals"]),
        frozenset(w.lower() for w in data["identifier_markers"]),
        frozenset(w.lower() for w in data["vague_number_words"]),
        frozenset(w.lower() for w in data["scale_words"]),
    )
