"""The declared shape of every rule file in ``extract/rules/``: one entry per file name.

A file is one of three shapes: ``JsonObject`` (a JSON object with typed keys), ``JsonlRows``
(one JSON object a line, each with required and optional typed keys) or ``WordList`` (a TXT file,
one entry a line, ``#`` starts a comment). ``rules_data`` validates every file against its entry
when it is read, and ``tests/rules/test_rule_files.py`` validates every file in the folder, so a
file without an entry here fails the tests. The checks are about form (keys and value types);
what the values mean is checked by the module that reads them. Pure: no spaCy import.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any


class ValueType:
    """A JSON value's declared type: ``accepts`` checks it, ``name`` says it in errors."""

    name = "any value"

    def accepts(self, value: Any) -> bool:
        return True


@dataclass(frozen=True)
class Scalar(ValueType):
    python_type: type
    lower: bool = False  # strings must be lower-case

    @property
    def name(self) -> str:  # type: ignore[override]
        base = {str: "text", int: "integer", bool: "true/false", float: "number"}[self.python_type]
        return f"lower-case {base}" if self.lower else base

    def accepts(self, value: Any) -> bool:
        if self.python_type is float:
            return isinstance(value, int | float) and not isinstance(value, bool)
        if self.python_type is int and isinstance(value, bool):
            return False
        if not isinstance(value, self.python_type):
            return False
        return not self.lower or (isinstance(value, str) and value == value.lower())


@dataclass(frozen=True)
class Nullable(ValueType):
    inner: ValueType

    @property
    def name(self) -> str:  # type: ignore[override]
        return f"{self.inner.name} or null"

    def accepts(self, value: Any) -> bool:
        return value is None or self.inner.accepts(value)


@dataclass(frozen=True)
class ListOf(ValueType):
    item: ValueType

    @property
    def name(self) -> str:  # type: ignore[override]
        return f"a list of {self.item.name}"

    def accepts(self, value: Any) -> bool:
        return isinstance(value, list) and all(self.item.accepts(item) for item in value)


@dataclass(frozen=True)
class MapOf(ValueType):
    """A JSON object with text keys (lower-case when ``lower_keys``) and typed values."""

    value: ValueType
    lower_keys: bool = False

    @property
    def name(self) -> str:  # type: ignore[override]
        keys = "lower-case text" if self.lower_keys else "text"
        return f"an object of {keys} to {self.value.name}"

    def accepts(self, value: Any) -> bool:
        return isinstance(value, dict) and all(
            isinstance(key, str)
            and (not self.lower_keys or key == key.lower())
            and self.value.accepts(item)
            for key, item in value.items()
        )


TEXT = Scalar(str)
LOWER_TEXT = Scalar(str, lower=True)
INT = Scalar(int)
BOOL = Scalar(bool)
NUMBER = Scalar(float)
ANY = ValueType()
TEXT_LIST = ListOf(TEXT)
LOWER_LIST = ListOf(LOWER_TEXT)
DOC = {"_doc": TEXT}  # a free description key a JSON object may carry


@dataclass(frozen=True)
class JsonObject:
    required: Mapping[str, ValueType]
    optional: Mapping[str, ValueType] = field(default_factory=dict)


@dataclass(frozen=True)
class JsonlRows:
    required: Mapping[str, ValueType]
    optional: Mapping[str, ValueType] = field(default_factory=dict)
    one_of: tuple[str, ...] = ()  # exactly one of these keys (declared in optional) is present


@dataclass(frozen=True)
class WordList:
    """One entry a line; blank lines and lines starting with '#' are skipped."""


RuleFileShape = JsonObject | JsonlRows | WordList

_DATES_MAPS_INT = (
    "months",
    "weekdays",
    "ordinals",
    "halves",
    "day_words",
    "deictic_days",
    "deictic_offsets",
    "ago_words",
    "decade_words",
    "century_words",
    "same_period_shifts",
    "anaphoric_offsets",
    "anaphoric_days",
    "anaphoric_periods",
)
_DATES_MAPS_TEXT = (
    "seasons",
    "parts_of_day",
    "duration_units",
    "modifiers",
    "suffix_modifiers",
    "deictic_refs",
    "set_words",
    "holidays",
)
_DATES_LISTS = (
    "vague_quantities",
    "couple",
    "set_quantifiers",
    "frequency_words",
    "range_connectors",
    "range_openers",
    "ambiguous_alone",
    "not_date_followers",
    "time_zones",
    "future_auxiliaries",
    "generic_today",
    "preceding_non_dates",
    "following_non_dates",
    "year_nouns",
    "pattern_leads",
    "target_prepositions",
    "looking_ahead_words",
    "habitual_words",
    "span_leading_trim",
    "span_trailing_trim",
    "year_periods",
    "hyphen_modifiers",
    "stretch_prepositions",
    "stretch_units",
    "dash_connectors",
    "time_day_joiners",
    "not_fraction_words",
    "deadline_prepositions",
    "unsafe_modifier_words",
    "year_ago_quarters",
    "fiscal_years",
    "current_period_words",
    "duration_leads",
    "duration_fillers",
    "anaphoric_then",
    "match_words",
    "pattern_unit_exclusions",
    "not_for_dateparser",
)
FACTS_WORD_LISTS = (
    "particles",
    "location_prepositions",
    "date_prepositions",
    "subset_markers",
    "place_nouns",
    "place_entity_labels",
    "scope_date_kinds",
    "naming_participles",
    "temporal_conjunctions",
    "attribute_date_heads",
    "non_place_nouns",
    "period_grains",
    "context_breakers",
    "government_nouns",
    "rise_verbs",
    "fall_verbs",
)
_MONEY_LISTS = (
    "per_unit_words",
    "per_unit_stop_words",
    "table_labels",
    "elided_after",
    "financial_words",
    "article_amount_units",
    "words_after_elided",
    "elided_change_words",
    "elided_directions",
    "elided_determiners",
    "elided_modifiers",
    "percent_words",
    "point_words",
    "per_unit_measure_words",
    "per_unit_leads",
    "table_label_suffixes",
    "table_value_labels",
    "financial_links",
    "financial_scales",
    "price_base_words",
    "weight_cues",
    "lowercase_code_exclusions",
    "scale_prefixed_codes",
    "change_words",
    "compound_joiners",
)
_NUMBERS_MAPS_INT = ("units", "standalone_units", "tens", "multipliers")
_NUMBERS_LISTS = (
    "vague_starters",
    "leading_words",
    "articles",
    "fraction_leads",
    "and_joins_after",
    "range_connectors",
    "range_leads",
    "separate_leads",
    "digit_group_spaces",
)
_FACT_RULE = MapOf(MapOf(ANY))  # rule name -> {"confidence", "description"}: facts.py checks

_COUNTRY_FORM = JsonlRows(
    required={
        "form": TEXT,
        "former": BOOL,
        "iso2": TEXT,
        "iso3": TEXT,
        "mention_type": TEXT,
        "name": TEXT,
    }
)

# size: declarative table
# The lists of ``persons_words.json`` (their meaning: ``normalize/persons_words.py``).
PERSONS_WORD_LISTS = (
    "edge_punctuation",
    "period_kept",
    "name_suffixes",
    "rank_leads",
    "rank_numbers",
    "apposition_links",
    "complement_connectors",
    "apposition_stops",
    "list_separators",
    "fixture_words",
    "leading_articles",
    "apostrophe_prefixes",
    "regnal_numbers",
    "surname_particles",
    "initial_glued_particles",
    "affiliation_particles",
    "coordinators",
    "dismissals",
    "out_leads",
    "did_not_bat",
    "ordinal_suffixes",
    "scorecard_signs",
)
RULE_FILES: dict[str, RuleFileShape] = {
    "countries.jsonl": _COUNTRY_FORM,
    "countries_central_banks.txt": WordList(),
    "countries_cities.jsonl": _COUNTRY_FORM,
    "countries_context.jsonl": JsonlRows(required={"form": TEXT, "unless_sentence_has": TEXT_LIST}),
    "countries_dateline_agencies.txt": WordList(),
    "countries_exclusions.jsonl": JsonlRows(required={"phrase": TEXT, "kind": TEXT}),
    "countries_government_words.txt": WordList(),
    "countries_news.jsonl": JsonlRows(
        required={"iso3": TEXT},
        optional={"aliases": TEXT_LIST, "demonyms": TEXT_LIST, "former": BOOL, "name": TEXT},
    ),
    "countries_org_words.txt": WordList(),
    "countries_place_exclusions.txt": WordList(),
    "countries_self_references.txt": WordList(),
    "countries_successions.jsonl": JsonlRows(
        required={"iso3": TEXT, "until": TEXT, "former_iso3": TEXT}, optional={"note": TEXT}
    ),
    "countries_us_states.jsonl": JsonlRows(
        required={"form": TEXT, "state": TEXT, "abbreviation": BOOL}
    ),
    "counts.json": JsonObject(
        required={
            key: TEXT_LIST
            for key in (
                "unit_lemmas",
                "idiom_heads_for_one",
                "idioms",
                "uninflected_plurals",
                "identifier_markers",
                "extra_range_connectors",
                "ratio_links",
                "rank_words",
                "only_one_determiners",
            )
        },
        optional=DOC,
    ),
    "counts_qualifiers.json": JsonObject(
        required={"before": MapOf(TEXT), "after": MapOf(TEXT)}, optional=DOC
    ),
    "currencies.jsonl": JsonlRows(
        required={
            "text": TEXT,
            "currency": Nullable(TEXT),
            "family": Nullable(TEXT),
            "position": TEXT,
            "case_sensitive": BOOL,
            "divisor": INT,
        }
    ),
    "currency_validity.jsonl": JsonlRows(
        required={
            "code": TEXT,
            "name": TEXT,
            "valid_from": Nullable(TEXT),
            "valid_until": Nullable(TEXT),
            "successor": Nullable(TEXT),
            "same_name": BOOL,
        }
    ),
    "currency_families.json": JsonObject(required={"families": MapOf(MapOf(ANY))}, optional=DOC),
    "currency_units.json": JsonObject(
        required={"currencies": MapOf(TEXT), "subunits": MapOf(MapOf(ANY))},
        optional={"description": TEXT},
    ),
    "dates.json": JsonObject(
        required={
            **{key: MapOf(INT, lower_keys=True) for key in _DATES_MAPS_INT},
            **{key: MapOf(TEXT, lower_keys=True) for key in _DATES_MAPS_TEXT},
            **{key: LOWER_LIST for key in _DATES_LISTS},
        }
    ),
    "dates_patterns.jsonl": JsonlRows(
        required={"id": TEXT},
        optional={"pattern": ListOf(MapOf(ANY)), "phrases": TEXT_LIST},
        one_of=("pattern", "phrases"),
    ),
    "facts.json": JsonObject(
        required={
            **{key: TEXT_LIST for key in FACTS_WORD_LISTS},
            "link_rules": _FACT_RULE,
            "date_links": _FACT_RULE,
        },
        optional={"_comment": TEXT, "lemma_fixes": MapOf(TEXT)},
    ),
    "facts_events.jsonl": JsonlRows(
        required={"lemma": TEXT, "pos": TEXT, "category": TEXT},
        optional={"object": TEXT, "predicate": TEXT, "argument": TEXT},
    ),
    "languages.json": JsonObject(
        required={"macrolanguages": MapOf(TEXT), "no_language": TEXT_LIST}, optional=DOC
    ),
    "money.json": JsonObject(
        required={
            **{key: TEXT_LIST for key in _MONEY_LISTS},
            "code_scale_prefixes": MapOf(INT),
            "pre_decimal_sterling": MapOf(INT, lower_keys=True),
        },
        optional=DOC,
    ),
    "numbers.json": JsonObject(
        required={
            **{key: MapOf(INT, lower_keys=True) for key in _NUMBERS_MAPS_INT},
            "scales": MapOf(MapOf(ANY)),  # word -> {"factor", flags}: numbers.py checks
            "fractions": MapOf(TEXT, lower_keys=True),
            "vague": MapOf(ListOf(INT), lower_keys=True),
            **{key: TEXT_LIST for key in _NUMBERS_LISTS},
        },
        optional=DOC,
    ),
    "persons_demonym_names.txt": WordList(),
    "persons_words.json": JsonObject(
        required={key: TEXT_LIST for key in PERSONS_WORD_LISTS}, optional=DOC
    ),
    "persons_false_positives.jsonl": JsonlRows(required={"text": TEXT}, optional={"why": TEXT}),
    "persons_name_particles.txt": WordList(),
    "persons_org_cues.jsonl": JsonlRows(
        required={"phrase": TEXT, "kind": TEXT}, optional={"note": TEXT}
    ),
    "persons_place_names.txt": WordList(),
    "persons_titles.jsonl": JsonlRows(
        required={"phrase": TEXT, "kind": TEXT}, optional={"also_name": BOOL}
    ),
}
