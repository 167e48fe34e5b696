"""The token and phrase patterns of ``rules/dates_patterns.jsonl``, validated on load, with
their ``$name`` word lists expanded from ``rules/dates.json``."""

from __future__ import annotations

import json
from typing import Any, NamedTuple

from extract.normalize.dates_lexicon import DatesLexicon
from extract.normalize.rules_data import RulesError, read_rules_text

PATTERNS_FILE = "dates_patterns.jsonl"
_PATTERN_KEYS = (frozenset({"id", "pattern"}), frozenset({"id", "phrases"}))


class PatternsError(RulesError):
    """The date patterns file is malformed (a ``RulesError``)."""


class DatePatterns(NamedTuple):
    tokens: list[tuple[str, list[dict[str, Any]]]]  # Matcher patterns
    phrases: list[tuple[str, list[str]]]  # PhraseMatcher phrases (matched on LOWER)


def load_date_patterns(lexicon: DatesLexicon) -> DatePatterns:
    """The packaged patterns: token patterns for the Matcher and phrase lists for the
    PhraseMatcher (much cheaper per token), with ``"$name"`` word lists expanded from
    ``rules/dates.json``; malformed rules or unknown lists raise ``PatternsError``."""
    text = read_rules_text(PATTERNS_FILE)
    word_lists = _word_lists(lexicon)
    patterns = DatePatterns([], [])
    for number, line in enumerate(text.splitlines(), start=1):
        if not line.strip():
            continue
        try:
            rule = json.loads(line)
        except json.JSONDecodeError as error:
            raise PatternsError(f"{PATTERNS_FILE}:{number}: invalid JSON ({error})") from error
        if not isinstance(rule, dict) or set(rule) not in _PATTERN_KEYS:
            raise PatternsError(
                f"{PATTERNS_FILE}:{number}: a rule has the keys id and pattern, or id and phrases"
            )
        if not isinstance(rule["id"], str):
            raise PatternsError(f"{PATTERNS_FILE}:{number}: 'id' is text")
        if "phrases" in rule:
            phrases = rule["phrases"]
            if not isinstance(phrases, list) or not all(isinstance(p, str) for p in phrases):
                raise PatternsError(f"{PATTERNS_FILE}:{number}: 'phrases' is a list of text")
            expanded: list[str] = []
            for phrase in phrases:
                looked_up = _lookup(phrase, word_lists, number)
                expanded.extend(looked_up if isinstance(looked_up, list) else [looked_up])
            patterns.phrases.append((rule["id"], expanded))
            continue
        if not isinstance(rule["pattern"], list):
            raise PatternsError(f"{PATTERNS_FILE}:{number}: 'pattern' is a list")
        tokens = [_expand(token, word_lists, number) for token in rule["pattern"]]
        patterns.tokens.append((rule["id"], tokens))
    return patterns


def _word_lists(lexicon: DatesLexicon) -> dict[str, list[str]]:
    units = list(lexicon.duration_units)
    plural = [u + "s" for u in units] + [u[:-1] + "ies" for u in units if u.endswith("y")]
    weekday_names = sorted(w for w in lexicon.weekdays if w.endswith("day"))
    month_names = sorted(m for m in lexicon.months if len(m) > 3 or m == "may")
    every = sorted(
        {p for p in lexicon.set_words if p.split()[0] in lexicon.set_quantifiers}
        | {f"{q} {w}" for q in lexicon.set_quantifiers for w in (*weekday_names, *month_names)}
    )
    return {
        "$months": sorted(lexicon.months),
        "$month_names": month_names,
        "$weekday_names": weekday_names,
        "$parts_of_day": sorted(lexicon.parts_of_day),
        "$ordinals_and_q": sorted({*lexicon.ordinals, "q1", "q2", "q3", "q4"}),
        "$duration_units": sorted(set(units + plural) - lexicon.pattern_unit_exclusions),
        "$leads": sorted(lexicon.pattern_leads),
        "$deictic_days": sorted(lexicon.deictic_days),
        "$holidays": sorted(lexicon.holidays),
        "$day_words": sorted(w for w in lexicon.day_words if " " not in w),
        "$every_phrases": every,
        "$anaphoric_phrases": sorted(
            {*lexicon.anaphoric_days, *lexicon.anaphoric_periods}
            | {
                f"{o} {u}"
                for o in lexicon.anaphoric_offsets
                for u in ("day", *lexicon.parts_of_day)
            }
        ),
    }


def _expand(token: Any, word_lists: dict[str, list[str]], number: int) -> Any:
    if not isinstance(token, dict):
        raise PatternsError(f"{PATTERNS_FILE}:{number}: a token pattern is an object")
    expanded = {}
    for key, value in token.items():
        if isinstance(value, dict):
            value = {
                op: _lookup(arg, word_lists, number) if isinstance(arg, str) else arg
                for op, arg in value.items()
            }
        expanded[key] = value
    return expanded


def _lookup(arg: str, word_lists: dict[str, list[str]], number: int) -> Any:
    if not arg.startswith("$"):
        return arg
    if arg not in word_lists:
        raise PatternsError(f"{PATTERNS_FILE}:{number}: unknown word list {arg}")
    return word_lists[arg]
