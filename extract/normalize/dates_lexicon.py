"""The date word lists of ``extract/rules/dates.json``, loaded once and validated.

Every key of the file is declared with its value type in ``rules_schema.RULE_FILES``; an unknown or missing key, or a
value of the wrong type, raises ``DatesRulesError`` naming the key, so a typo in the data fails
loudly at import instead of silently dropping a rule. Pure: no spaCy import.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

from extract.normalize.rules_data import RulesError, load_rules_object
from extract.normalize.rules_schema import RULE_FILES, JsonObject, MapOf, Scalar

RULES_FILE = "dates.json"


def _declared_schema() -> dict[str, tuple[str, type]]:
    """key -> (kind, value type) from the declared shape of the file (``rules_schema``): "map"
    is an object of str -> value type, "list" a list of str."""
    shape = RULE_FILES[RULES_FILE]
    assert isinstance(shape, JsonObject)
    schema: dict[str, tuple[str, type]] = {}
    for key, value_type in shape.required.items():
        if isinstance(value_type, MapOf) and isinstance(value_type.value, Scalar):
            schema[key] = ("map", value_type.value.python_type)
        else:
            schema[key] = ("list", str)
    return schema


_SCHEMA = _declared_schema()
TIMEX_MODS = frozenset(
    {
        "START",
        "MID",
        "END",
        "APPROX",
        "BEFORE",
        "AFTER",
        "ON_OR_BEFORE",
        "ON_OR_AFTER",
        "LESS_THAN",
        "MORE_THAN",
        "EQUAL_OR_LESS",
        "EQUAL_OR_MORE",
    }
)
REF_VALUES = frozenset({"PRESENT_REF", "PAST_REF", "FUTURE_REF"})
UNIT_CODES = frozenset({"S", "MIN", "H", "D", "W", "FORTNIGHT", "M", "Q", "Y", "DE", "CE", "WE"})


class DatesRulesError(RulesError):
    """The date rules file is malformed (a ``RulesError``)."""


@dataclass(frozen=True)
class DatesLexicon:
    months: dict[str, int]
    weekdays: dict[str, int]
    seasons: dict[str, str]
    parts_of_day: dict[str, str]
    ordinals: dict[str, int]
    halves: dict[str, int]
    day_words: dict[str, int]  # "May one", "March eighth": days of the month in words
    duration_units: dict[str, str]
    vague_quantities: frozenset[str]
    couple: frozenset[str]
    modifiers: dict[str, str]
    suffix_modifiers: dict[str, str]
    deictic_refs: dict[str, str]
    deictic_days: dict[str, int]
    deictic_offsets: dict[str, int]
    ago_words: dict[str, int]
    set_words: dict[str, str]
    set_quantifiers: frozenset[str]
    frequency_words: frozenset[str]  # "twice a week": one unit after these is a set
    range_connectors: tuple[str, ...]
    range_openers: tuple[str, ...]
    ambiguous_alone: frozenset[str]
    not_date_followers: frozenset[str]
    time_zones: frozenset[str]
    decade_words: dict[str, int]
    century_words: dict[str, int]
    future_auxiliaries: frozenset[str]
    generic_today: frozenset[str]
    preceding_non_dates: frozenset[str]
    following_non_dates: frozenset[str]
    year_nouns: frozenset[str]  # "1989 results": plural nouns a year modifies, not counts
    holidays: dict[str, str]
    pattern_leads: frozenset[str]
    target_prepositions: frozenset[str]  # "by 2025", "due 2017": forecast targets
    looking_ahead_words: frozenset[str]  # "expected in 1990": a sentence about the future
    habitual_words: frozenset[str]  # "normally meet in the summer": any summer (XXXX-SU)
    span_leading_trim: frozenset[str]  # words and marks trimmed off the start of a detected span
    span_trailing_trim: frozenset[str]  # marks trimmed off its end
    year_periods: frozenset[str]  # "the year ended": a period named by its end date
    hyphen_modifiers: frozenset[str]  # "end-July", "mid-1990": modifiers joined by a hyphen
    stretch_prepositions: frozenset[str]  # "over the next month": a stretch (P1M), not next month
    stretch_units: frozenset[str]  # the units such a stretch is counted in
    dash_connectors: frozenset[str]  # dashes that join a range, besides the range connectors
    time_day_joiners: frozenset[str]  # "10 p.m. on Wednesday": between a time and its day
    not_fraction_words: frozenset[str]  # "several quarters of losses": periods counted, not parts
    deadline_prepositions: frozenset[str]  # "until Friday" in a past sentence: still present tense
    unsafe_modifier_words: frozenset[str]  # modifier words not safe to keep on a span
    year_ago_quarters: frozenset[str]  # the same quarter one year before
    fiscal_years: frozenset[str]  # the current fiscal year
    current_period_words: frozenset[str]  # the period of the report
    duration_leads: frozenset[str]  # "the past three years": words that lead an amount of time
    duration_fillers: frozenset[str]  # "three full years": words that do not count
    same_period_shifts: dict[str, int]  # "the same week last year": years from this one
    anaphoric_offsets: dict[str, int]  # "the following day", "that evening": days after the event
    anaphoric_days: dict[str, int]  # "the day before": the same, the unit first
    match_words: frozenset[str]  # "scored in the second half": a half of a match
    anaphoric_then: frozenset[str]  # "by then": the event's own date
    anaphoric_periods: dict[str, int]  # "the following week": weeks from the event's
    pattern_unit_exclusions: frozenset[str]  # unit words too ambiguous for the patterns
    not_for_dateparser: frozenset[str]  # words that keep a phrase away from dateparser


def validate_dates_rules(data: Any, *, where: str = RULES_FILE) -> DatesLexicon:
    """Check ``data`` (the parsed JSON) against the declared keys and types."""
    if not isinstance(data, dict):
        raise DatesRulesError(f"{where}: expected a JSON object")
    unknown = sorted(set(data) - set(_SCHEMA))
    if unknown:
        raise DatesRulesError(f"{where}: unknown keys {unknown}; allowed: {sorted(_SCHEMA)}")
    missing = sorted(set(_SCHEMA) - set(data))
    if missing:
        raise DatesRulesError(f"{where}: missing keys {missing}")
    values: dict[str, Any] = {}
    for key, (kind, value_type) in _SCHEMA.items():
        raw = data[key]
        if kind == "map":
            if not isinstance(raw, dict) or not all(
                isinstance(k, str) and k == k.lower() and isinstance(v, value_type)
                for k, v in raw.items()
            ):
                raise DatesRulesError(
                    f"{where}: '{key}' must map lower-case words to {value_type.__name__}"
                )
            values[key] = dict(raw)
        else:
            if not isinstance(raw, list) or not all(
                isinstance(item, str) and item == item.lower() for item in raw
            ):
                raise DatesRulesError(f"{where}: '{key}' must be a list of lower-case strings")
            values[key] = tuple(raw) if key.startswith("range_") else frozenset(raw)
    _check_values(values, where)
    return DatesLexicon(**values)


def _check_values(values: dict[str, Any], where: str) -> None:
    for key in ("modifiers", "suffix_modifiers"):
        bad = sorted(v for v in values[key].values() if v not in TIMEX_MODS)
        if bad:
            raise DatesRulesError(f"{where}: '{key}' has values that are not TIMEX3 mods: {bad}")
    bad = sorted(v for v in values["deictic_refs"].values() if v not in REF_VALUES)
    if bad:
        raise DatesRulesError(f"{where}: 'deictic_refs' values must be in {sorted(REF_VALUES)}")
    bad = sorted(v for v in values["duration_units"].values() if v not in UNIT_CODES)
    if bad:
        raise DatesRulesError(f"{where}: 'duration_units' has unknown unit codes {bad}")
    for key, low, high in (
        ("months", 1, 12),
        ("weekdays", 1, 7),
        ("ordinals", 1, 4),
        ("day_words", 1, 31),
    ):
        bad = sorted(k for k, v in values[key].items() if not low <= v <= high)
        if bad:
            raise DatesRulesError(f"{where}: '{key}' values must be {low}..{high}: {bad}")
    bad = sorted(
        k
        for k, v in values["holidays"].items()
        if not re.fullmatch(r"\d\d-(\d\d|W[1-5L]-[1-7])", v)
    )
    if bad:
        raise DatesRulesError(f"{where}: 'holidays' values must be MM-DD or MM-Wn-D: {bad}")
    bad = sorted(v for v in values["seasons"].values() if v not in ("SP", "SU", "FA", "WI"))
    if bad:
        raise DatesRulesError(f"{where}: 'seasons' values must be SP, SU, FA or WI: {bad}")


@lru_cache(maxsize=1)
def load_dates_lexicon() -> DatesLexicon:
    """The packaged date word lists (read and validated once per process)."""
    return validate_dates_rules(load_rules_object(RULES_FILE))
