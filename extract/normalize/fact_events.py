"""The event lexicon of the facts linker: event predicates and their categories.

``extract/rules/facts_events.jsonl`` maps verb lemmas (phrasal verbs joined with '_':
``step_down``), verb + object phrases (``file`` + ``charge``) and event nouns (``arrest``,
``resignation``) to an event category: the GKG COUNTS types (ARREST, KILL, WOUND, KIDNAP,
PROTEST, SEIZE, AFFECT), a PLOVER/CAMEO-style top level written for this project, and REPORT
for reporting verbs (say, tell, add), which users may keep or drop. Pure: no spaCy here.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

from extract.normalize.rules_data import RulesError, load_rules_numbered_rows

EVENTS_FILE = "facts_events.jsonl"

# GKG COUNTS types first, then the top level of this project (see docs/facts.md).
GKG_CATEGORIES = ("ARREST", "KILL", "WOUND", "KIDNAP", "PROTEST", "SEIZE", "AFFECT")
EVENT_CATEGORIES = (
    *GKG_CATEGORIES,
    "ASSAULT",
    "ACCUSE",
    "COOPERATE",
    "CONSULT",
    "AID",
    "DEMAND",
    "APPOINT",
    "RESIGN",
    "DISMISS",
    "SENTENCE",
    "RELEASE",
    "INVESTIGATE",
    "MOVE",
    "WIN",
    "THREATEN",
    "AGREE",
    "REJECT",
    "LEAD",
    "REPORT",
)
REPORT = "REPORT"
_POS = frozenset({"verb", "noun"})
_ARGUMENTS = frozenset({"subject", "object"})


@dataclass(frozen=True)
class EventNoun:
    """A nominal event: 'the arrest of X' / "X's resignation"."""

    predicate: str  # the verb it names ('resign' for 'resignation')
    category: str
    argument: str  # the role of the of-phrase or possessive: 'subject' or 'object'


@dataclass(frozen=True)
class EventLexicon:
    verbs: Mapping[str, str]  # predicate -> category
    verb_objects: Mapping[tuple[str, str], str]  # (verb, object lemma) -> category
    nouns: Mapping[str, EventNoun]

    @property
    def event_verbs(self) -> frozenset[str]:
        """Predicates that make a person mention a person event (reporting verbs included)."""
        return frozenset(self.verbs)

    @property
    def reporting_verbs(self) -> frozenset[str]:
        return frozenset(verb for verb, category in self.verbs.items() if category == REPORT)

    def category(self, predicate: str | None, object_lemmas: Iterable[str] = ()) -> str | None:
        """The category of a verb predicate; a verb + object phrase ('filed charges') first."""
        if predicate is None:
            return None
        for lemma in object_lemmas:
            found = self.verb_objects.get((predicate, lemma.lower()))
            if found is not None:
                return found
        return self.verbs.get(predicate)


def _text(record: Mapping[str, Any], key: str, where: str) -> str:
    value = record[key]
    if not isinstance(value, str) or not value or value != value.strip() or " " in value:
        raise RulesError(f"{where}: '{key}' must be one word (phrases joined with '_')")
    return value


def parse_event_lexicon(records: Iterable[tuple[int, Mapping[str, Any]]]) -> EventLexicon:
    """The lexicon from numbered records; a bad or repeated entry raises ``RulesError`` with
    its line."""
    verbs: dict[str, str] = {}
    verb_objects: dict[tuple[str, str], str] = {}
    nouns: dict[str, EventNoun] = {}
    for number, record in records:
        where = f"{EVENTS_FILE}:{number}"
        lemma, pos, category = (_text(record, k, where) for k in ("lemma", "pos", "category"))
        if pos not in _POS:
            raise RulesError(f"{where}: 'pos' must be one of {sorted(_POS)}")
        if category not in EVENT_CATEGORIES:
            raise RulesError(f"{where}: unknown category {category!r}")
        if pos == "noun":
            if "object" in record or not {"predicate", "argument"} <= set(record):
                raise RulesError(f"{where}: a noun needs 'predicate' and 'argument', no 'object'")
            argument = _text(record, "argument", where)
            if argument not in _ARGUMENTS:
                raise RulesError(f"{where}: 'argument' must be one of {sorted(_ARGUMENTS)}")
            if lemma in nouns:
                raise RulesError(f"{where}: noun {lemma!r} listed twice")
            nouns[lemma] = EventNoun(_text(record, "predicate", where), category, argument)
            continue
        if "predicate" in record or "argument" in record:
            raise RulesError(f"{where}: 'predicate' and 'argument' are for nouns")
        key: Any = (lemma, _text(record, "object", where)) if "object" in record else lemma
        table: dict[Any, str] = verb_objects if "object" in record else verbs
        if key in table:
            raise RulesError(f"{where}: {key!r} listed twice")
        table[key] = category
    return EventLexicon(verbs, verb_objects, nouns)


@lru_cache(maxsize=1)
def load_event_lexicon() -> EventLexicon:
    """The packaged lexicon, validated once per process (keys and types by its declared shape
    in ``rules_schema``, values here)."""
    return parse_event_lexicon(load_rules_numbered_rows(EVENTS_FILE))
