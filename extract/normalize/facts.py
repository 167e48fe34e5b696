"""Pure parts of the facts linker: rules loading, predicate normalisation, roles, date choice.

Nothing here imports spaCy: the component (``extract.components.facts``) reads the parse and
hands plain values to these functions.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from functools import lru_cache
from typing import Any, NamedTuple

from extract.normalize.fact_events import EventLexicon, load_event_lexicon
from extract.normalize.rules_data import RulesError, load_rules_object
from extract.normalize.rules_schema import FACTS_WORD_LISTS

RULES_FILE = "facts.json"

_WORD_LISTS = FACTS_WORD_LISTS  # declared once, with the file's schema
_RULE_TABLES = ("link_rules", "date_links")
_ALLOWED_KEYS = frozenset({"_comment", "lemma_fixes", *_WORD_LISTS, *_RULE_TABLES})
_RULE_KEYS = frozenset({"confidence", "description"})
# The rule names the component emits: the data file must define each of them.
LINK_RULES = (
    "subject",
    "object",
    "attribute",
    "preposition",
    "subset",
    "conjunct",
    "shared_subject",
    "relative_clause",
    "participle_in_mention",
    "noun_modifier",
    "nominal_event",
    "list_member",
    "pronoun",
    "no_predicate",
)
# The date links, most specific first: the order in which ``choose_date`` tries them.
DATE_LINKS = (
    "same_clause",
    "argument_phrase",
    "relative_clause",
    "temporal_clause",
    "anchor_participle",
    "same_sentence",
    "single_date",
    "previous_sentence",
    "previous_period",
)
# What ``date_link`` says of each date rule (``date_rule``): the fact's own clause, a phrase
# or clause of its sentence, or the context of an earlier sentence; "none" without a date.
DATE_LINK_SCOPES = {
    "same_clause": "clause",
    "argument_phrase": "phrase",
    "relative_clause": "phrase",
    "temporal_clause": "phrase",
    "anchor_participle": "phrase",
    "same_sentence": "phrase",
    "single_date": "phrase",
    "previous_sentence": "context",
    "previous_period": "context",
}
NO_DATE_LINK = "none"
# How places beyond the verb's and the anchor's own location phrases are found (each can be
# turned off to measure it; see docs/facts.md).
PLACE_RULES = (
    "nested_phrase",
    "of_phrase",
    "possessive",
    "where_clause",
    "subject_phrase",
    "object_phrase",
    "raised_clause",
    "parenthetical",
    "argument_country",
    "owner_modifier",
    "title_country",
)
# The place rule that makes each country role other than place and city (docs/facts.md).
ROLE_RULES = {
    "subject": "argument_country",
    "object": "argument_country",
    "owner": "owner_modifier",
    "modifier": "owner_modifier",
    "title": "title_country",
}
# Off unless asked for: on the facts gold, single_date linked no right date and two wrong ones.
DEFAULT_DISABLED_DATE_LINKS = ("single_date",)
# Date links made from one candidate scope: the first candidate of the scope wins.
_SCOPE_LINKS = (
    ("clause", "same_clause"),
    ("argument", "argument_phrase"),
    ("relative", "relative_clause"),
    ("temporal", "temporal_clause"),
    ("participle", "anchor_participle"),
)


# Candidate scopes from an earlier sentence, not from the fact's own.
_CONTEXT_SCOPES = frozenset({"previous_dangling", "previous_period"})


class FactRulesError(RulesError):
    """The facts rules file is malformed (a ``RulesError``)."""


@dataclass(frozen=True)
class FactRules:
    particles: frozenset[str]
    location_prepositions: frozenset[str]
    date_prepositions: frozenset[str]
    subset_markers: frozenset[str]
    place_nouns: frozenset[str]
    place_entity_labels: frozenset[str]
    scope_date_kinds: frozenset[str]
    naming_participles: frozenset[str]
    temporal_conjunctions: frozenset[str]
    attribute_date_heads: frozenset[str]
    non_place_nouns: frozenset[str]
    period_grains: frozenset[str]
    context_breakers: frozenset[str]
    government_nouns: frozenset[str]
    rise_verbs: frozenset[str]
    fall_verbs: frozenset[str]
    link_confidence: Mapping[str, float]
    date_link_confidence: Mapping[str, float]
    lemma_fixes: Mapping[str, str]
    events: EventLexicon

    @property
    def event_verbs(self) -> frozenset[str]:
        """Predicates that make a person mention a person event (``facts_events.jsonl``)."""
        return self.events.event_verbs

    @property
    def reporting_verbs(self) -> frozenset[str]:
        return self.events.reporting_verbs


def _word_list(data: Mapping[str, Any], key: str) -> frozenset[str]:
    words = data.get(key)
    if not isinstance(words, list) or not words:
        raise FactRulesError(f"{RULES_FILE}: '{key}' must be a non-empty list of strings")
    for word in words:
        if not isinstance(word, str) or not word or word != word.strip():
            raise FactRulesError(f"{RULES_FILE}: '{key}' has a bad entry {word!r}")
    return frozenset(words)


def _rule_table(data: Mapping[str, Any], key: str, required: Iterable[str]) -> dict[str, float]:
    table = data.get(key)
    if not isinstance(table, dict):
        raise FactRulesError(f"{RULES_FILE}: '{key}' must be an object of rules")
    missing = sorted(set(required) - set(table))
    unknown = sorted(set(table) - set(required))
    if missing or unknown:
        raise FactRulesError(f"{RULES_FILE}: '{key}' missing {missing}, unknown {unknown}")
    confidences = {}
    for name, rule in table.items():
        if not isinstance(rule, dict) or set(rule) != _RULE_KEYS:
            raise FactRulesError(
                f"{RULES_FILE}: rule '{key}.{name}' must have exactly {sorted(_RULE_KEYS)}"
            )
        confidence = rule["confidence"]
        if not isinstance(confidence, int | float) or not 0 < confidence <= 1:
            raise FactRulesError(f"{RULES_FILE}: rule '{key}.{name}' confidence not in (0, 1]")
        if not isinstance(rule["description"], str) or not rule["description"]:
            raise FactRulesError(f"{RULES_FILE}: rule '{key}.{name}' needs a description")
        confidences[name] = float(confidence)
    return confidences


def parse_fact_rules(data: Any, events: EventLexicon | None = None) -> FactRules:
    """Validate the decoded rules file; unknown or missing keys raise ``FactRulesError``."""
    if not isinstance(data, dict):
        raise FactRulesError(f"{RULES_FILE}: the top level must be an object")
    unknown = sorted(set(data) - _ALLOWED_KEYS)
    if unknown:
        raise FactRulesError(f"{RULES_FILE}: unknown keys {unknown}")
    lists = {key: _word_list(data, key) for key in _WORD_LISTS}
    fixes = data.get("lemma_fixes", {})
    if not isinstance(fixes, dict) or not all(
        isinstance(k, str) and isinstance(v, str) and k and v for k, v in fixes.items()
    ):
        raise FactRulesError(f"{RULES_FILE}: 'lemma_fixes' must map lemmas to lemmas")
    return FactRules(
        **lists,
        link_confidence=_rule_table(data, "link_rules", LINK_RULES),
        date_link_confidence=_rule_table(data, "date_links", DATE_LINKS),
        lemma_fixes=dict(fixes),
        events=events if events is not None else load_event_lexicon(),
    )


@lru_cache(maxsize=1)
def load_fact_rules() -> FactRules:
    """The packaged rules (``extract/rules/facts.json``), validated once per process."""
    return parse_fact_rules(load_rules_object(RULES_FILE))


@lru_cache(maxsize=4096)
def normalize_predicate(lemma: str, particles: tuple[str, ...] = ()) -> str:
    """The predicate name of a verb: lower-cased lemma joined to its particles with '_'.

    Passives need nothing more: the lemma of "were recovered" is already "recover"; the
    component swaps the roles instead (see ``logical_role``).
    """
    parts = [lemma.strip().lower(), *(p.strip().lower() for p in particles)]
    return "_".join(part.replace(" ", "_") for part in parts if part)


# Dependency label of an argument → its role for an active verb; passives swap two of them.
_ACTIVE_ROLES = {
    "nsubj": "subject",
    "csubj": "subject",
    "expl": None,
    "dobj": "object",
    "obj": "object",
    "dative": "object",
    "nsubjpass": "object",
    "csubjpass": "object",
    "agent": "subject",
    "attr": "attribute",
    "oprd": "attribute",
    "acomp": "attribute",
    "npadvmod": "attribute",
}


@lru_cache(maxsize=256)
def logical_role(dep: str) -> str | None:
    """The logical role of an argument from its dependency label ('nsubjpass' → 'object',
    'agent' → 'subject'); None for labels that are not arguments."""
    return _ACTIVE_ROLES.get(dep.lower())


class DateCandidate(NamedTuple):
    """A date mention seen from one fact, described by plain values."""

    date_index: int  # position of the date in the document's date list
    # How the date relates to the fact's clause: 'clause' (on the verb, its conjoined verbs or
    # the anchor's own phrase), 'argument' (inside an argument's phrase), 'relative' (on the
    # antecedent of the fact's relative clause), 'temporal' (in a 'when' clause of the verb),
    # 'participle' (in a participle on the anchor), 'governing' (on a verb above the clause),
    # 'reported' (on or above a reporting verb), 'noun_clause' (in another noun's relative or
    # participial clause), 'other_quantity' (on another amount), 'other_time' (on a conjoined
    # verb of other modality), 'sentence' (elsewhere in the sentence), 'previous_dangling',
    # 'previous_period' (the period the previous sentence set, which this one continues).
    scope: str
    same_segment: bool  # no ';' between the date and the fact's verb
    kind: str  # the date row's kind


class DateChoice(NamedTuple):
    date_index: int
    link: str  # one of DATE_LINKS


def choose_date(
    candidates: Sequence[DateCandidate],
    *,
    scope_kinds: Iterable[str],
    enabled: Iterable[str] | None = None,
) -> DateChoice | None:
    """The date that scopes a fact, or None when no link is clear.

    Candidates come ordered by closeness. The links are tried in ``DATE_LINKS`` order (only
    those in ``enabled``, by default all but ``DEFAULT_DISABLED_DATE_LINKS``): a date of the fact's own clause, of its arguments, of its relative
    clause's antecedent, of a 'when' clause, of a participle on the anchor (the first such
    candidate in the same ';'-segment); exactly one date on a verb that governs the fact's
    verb, or exactly one range in the sentence; the sentence's only date when it sits on no
    reporting verb and in no other noun's clause; a dangling date closing the previous
    sentence. Durations and sets never scope a fact.
    """
    kinds = frozenset(scope_kinds)
    if enabled is None:
        enabled = (link for link in DATE_LINKS if link not in DEFAULT_DISABLED_DATE_LINKS)
    allowed = frozenset(enabled)
    usable = [c for c in candidates if c.kind in kinds]
    for scope, link in _SCOPE_LINKS:
        if link not in allowed:
            continue
        found = [c for c in usable if c.scope == scope and c.same_segment]
        if found:
            return DateChoice(found[0].date_index, link)
    in_sentence = [c for c in usable if c.scope not in _CONTEXT_SCOPES]
    if "same_sentence" in allowed:
        governing = [c for c in in_sentence if c.scope == "governing" and c.same_segment]
        if len(governing) == 1:
            return DateChoice(governing[0].date_index, "same_sentence")
        ranges = {c.date_index for c in in_sentence if c.kind == "range"}
        if len(ranges) == 1:
            return DateChoice(ranges.pop(), "same_sentence")
    if "single_date" in allowed and len({c.date_index for c in in_sentence}) == 1:
        only = in_sentence[0]
        if only.scope == "sentence" and all(c.scope == "sentence" for c in in_sentence):
            return DateChoice(only.date_index, "single_date")
    any_in_sentence = any(c.scope not in _CONTEXT_SCOPES for c in candidates)
    previous = [c for c in usable if c.scope == "previous_dangling"]
    if "previous_sentence" in allowed and not any_in_sentence and len(previous) == 1:
        return DateChoice(previous[0].date_index, "previous_sentence")
    periods = [c for c in usable if c.scope == "previous_period"]
    if "previous_period" in allowed and not any_in_sentence and len(periods) == 1:
        return DateChoice(periods[0].date_index, "previous_period")
    return None


def date_link_scope(date_rule: str | None) -> str:
    """The ``date_link`` of a fact from the rule that dated it: clause, phrase, context, none."""
    return NO_DATE_LINK if date_rule is None else DATE_LINK_SCOPES[date_rule]


def fact_confidence(
    rules: FactRules, link_rule: str, date_rule: str | None, *, has_predicate: bool = True
) -> float:
    """Confidence of a row: the weakest of its predicate link and its date rule's."""
    confidence = rules.link_confidence[link_rule]
    if date_rule is not None:
        confidence = min(confidence, rules.date_link_confidence[date_rule])
    if not has_predicate:
        confidence = min(confidence, rules.link_confidence["no_predicate"])
    return round(confidence, 3)


def signed_change(amount: str, direction: str) -> str:
    """A change as signed decimal text: '0.45' down is '-0.45', '5' up is '5'."""
    text = amount.strip().lstrip("+-")
    return f"-{text}" if direction == "down" else text


def fact_id(doc_id: str, index: int) -> str:
    """Id of the ``index``-th fact of a document, unique in the run."""
    return f"{doc_id}:facts:{index}"


def quantity_values(table: str, row: Mapping[str, Any]) -> dict[str, str | None]:
    """The value columns of a quantity fact from its count or money row, as text."""

    def text(value: Any) -> str | None:
        return None if value is None else str(value)

    if table == "money":
        return {
            "value": text(row.get("amount")),
            "low": text(row.get("low")),
            "high": text(row.get("high")),
            "qualifier": row.get("qualifier"),
            "unit": row.get("currency") or row.get("currency_text"),
        }
    return {
        "value": text(row.get("value")),
        "low": text(row.get("low")),
        "high": text(row.get("high")),
        "qualifier": row.get("qualifier"),
        "unit": row.get("object"),
    }
