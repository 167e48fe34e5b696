"""The small word lists of the person rules (``rules/persons_words.json``): punctuation trimmed
off a name, suffixes, ranks, regnal numbers, list separators, particle subsets and the
scorecard vocabulary. Pure: no spaCy."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

from extract.normalize.rules_data import (
    RulesError,
    load_rules_object,
    read_word_list,
    validate_rules_object,
)
from extract.normalize.rules_schema import PERSONS_WORD_LISTS

RULES_FILE = "persons_words.json"
# Subsets of ``persons_name_particles.txt``: each must be a name particle.
_PARTICLE_KEYS = ("surname_particles", "initial_glued_particles", "affiliation_particles")


@dataclass(frozen=True)
class PersonWordLists:
    edge_punctuation: frozenset[str]  # trimmed off both ends of a name ("Smith ,")
    period_kept: frozenset[str]  # last words whose full stop stays ("Jr.", "St.")
    name_suffixes: frozenset[str]  # generational suffixes ("Jr", "III"): not a first name
    rank_leads: frozenset[str]  # "number one", "No. 2": the word before the rank
    rank_numbers: frozenset[str]  # the rank written as a word
    apposition_links: frozenset[str]  # "director of ...": a complement after the role
    complement_connectors: frozenset[str]  # small words inside a capitalised complement
    apposition_stops: frozenset[str]  # where an apposition title before a comma begins
    list_separators: frozenset[str]  # tokens that end a listed name
    fixture_words: frozenset[str]  # "Luton v Hinckley": two teams, no name
    leading_articles: frozenset[str]  # an article the model put at a name's start
    apostrophe_prefixes: frozenset[str]  # as written, before an apostrophe ("O'Brien")
    regnal_numbers: frozenset[str]  # as written ("Henry VIII")
    surname_particles: frozenset[str]  # begin a surname written alone ("de Silva")
    initial_glued_particles: frozenset[str]  # glued to an initial ("A.de Silva")
    affiliation_particles: frozenset[str]  # inside a name before a bracketed country
    coordinators: frozenset[str]  # join names ("Smith and Jones are")
    dismissals: frozenset[str]  # cricket scorecard dismissals ("c", "b", "st", "lbw")
    out_leads: frozenset[str]  # "run out", "not out"
    did_not_bat: tuple[str, ...]  # the words of "did not bat"
    ordinal_suffixes: tuple[str, ...]  # "31st": a match minute
    scorecard_signs: tuple[str, ...]  # regular expressions only a scorecard matches

    @property
    def word_coordinators(self) -> frozenset[str]:
        return self.coordinators - {","}


def parse_word_lists(data: dict[str, Any], particles: frozenset[str]) -> PersonWordLists:
    """Checked word lists from the decoded file (its form by the declared schema, then what
    the values mean); ``particles`` are the name particles."""
    validate_rules_object(RULES_FILE, data)
    for key in PERSONS_WORD_LISTS:
        words = data[key]
        if not words:
            raise RulesError(f"'{key}' must not be empty", file=RULES_FILE)
        # a pattern may start with a space (" b Healy"); a word may not
        if any(not word.strip() for word in words) or (
            key != "scorecard_signs" and any(word != word.strip() for word in words)
        ):
            raise RulesError(f"'{key}' has a bad entry", file=RULES_FILE)
    for key in _PARTICLE_KEYS:
        unknown = sorted(set(data[key]) - particles)
        if unknown:
            raise RulesError(f"'{key}' holds non-particles {unknown}", file=RULES_FILE)
    for pattern in data["scorecard_signs"]:
        try:
            re.compile(pattern)
        except re.error as error:
            raise RulesError(f"bad pattern {pattern!r} ({error})", file=RULES_FILE) from error
    ordered = ("did_not_bat", "ordinal_suffixes", "scorecard_signs")
    sets = {key: frozenset(data[key]) for key in PERSONS_WORD_LISTS if key not in ordered}
    return PersonWordLists(
        **sets,
        did_not_bat=tuple(data["did_not_bat"]),
        ordinal_suffixes=tuple(data["ordinal_suffixes"]),
        scorecard_signs=tuple(data["scorecard_signs"]),
    )


@lru_cache(maxsize=1)
def word_lists() -> PersonWordLists:
    data = load_rules_object(RULES_FILE)
    return parse_word_lists(data, read_word_list("persons_name_particles.txt"))
