"""The model's attribute ruler, with its rules looked up instead of matched.

spaCy's ``AttributeRuler`` runs a ``Matcher`` over every token and then sets each match's
attributes from Python, one ``Span`` per match. In ``en_core_web_sm`` almost all of its 179
rules are one token long (``{"TAG": "NN"}``, ``{"LOWER": "'s", "TAG": "POS"}``) and every token
matches at least one, so the ruler cost about 10% of pipeline time.

``IndexedAttributeRuler`` keeps the same rules and the same results. A rule made of plain
tokens (equality, ``IN``, ``NOT_IN`` and ``REGEX`` tests on tag, text, lowercase form,
dependency or ``IS_SPACE``) is filed under a value its first token requires and tested only at
tokens with that value; any other rule (operators, other attributes) goes through a ``Matcher``
as before. Matches are applied in spaCy's order (a later rule wins) and the token-level
attributes are written in one ``Doc.from_array`` call.
``tests/components/test_attribute_ruler.py`` compares it with spaCy's ruler on the model's own
rules and on hand-made ones.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from typing import Any, cast

from spacy.attrs import DEP, IS_SPACE, LEMMA, LOWER, MORPH, ORTH, POS, TAG
from spacy.errors import Errors
from spacy.language import Language
from spacy.matcher import Matcher
from spacy.pipeline import AttributeRuler
from spacy.strings import get_string_id
from spacy.tokens import Doc
from spacy.tokens._retokenize import set_token_attrs
from spacy.vocab import Vocab

FACTORY = "indexed_attribute_ruler"
# Pattern keys the index can test, and the token attribute each reads.
_TESTABLE = {
    "TAG": TAG,
    "LOWER": LOWER,
    "ORTH": ORTH,
    "TEXT": ORTH,
    "DEP": DEP,
    "IS_SPACE": IS_SPACE,
}
_READ = (TAG, LOWER, ORTH, DEP, IS_SPACE)
# The value a rule is filed under, most selective first.
_INDEX_PREFERENCE = (
    _READ.index(LOWER),
    _READ.index(ORTH),
    _READ.index(TAG),
    _READ.index(DEP),
    _READ.index(IS_SPACE),
)
_REGEX_CACHE_SIZE = 20_000
# Attributes written through arrays; any other (DEP, NORM, extensions) goes through spaCy's own
# set_token_attrs, match by match.
_WRITTEN = (POS, TAG, LEMMA, MORPH)


# One test on one token of a pattern: (token offset, column in _READ, kind, wanted).
# kind: "eq" (a hash), "in" / "not_in" (a frozenset of hashes), "regex" (a compiled regex).
_Test = tuple[int, int, str, Any]


@dataclass(frozen=True)
class _Rule:
    attr_id: int
    match_id: int
    length: int
    tests: tuple[_Test, ...]  # the tests the index lookup has not already done


class IndexedAttributeRuler(AttributeRuler):
    """``AttributeRuler`` with the same rules, API and serialisation, only faster to apply."""

    def __init__(
        self,
        vocab: Vocab,
        name: str = "attribute_ruler",
        *,
        validate: bool = False,
        scorer: Callable | None = None,
    ) -> None:
        super().__init__(vocab, name, validate=validate, scorer=scorer)
        self._compiled: _CompiledRules | None = None

    def add(self, patterns: Iterable[Any], attrs: dict, index: int = 0) -> None:
        super().add(patterns, attrs, index)
        self._compiled = None

    def clear(self) -> None:
        super().clear()
        self._compiled = None

    def __call__(self, doc: Doc) -> Doc:
        error_handler = self.get_error_handler()
        try:
            if self._compiled is None:
                self._compiled = _CompiledRules(self)
            self._compiled.apply(doc)
            return doc
        except Exception as error:  # noqa: BLE001 - the pipeline's error handler decides
            return error_handler(self.name, self, [doc], error)


class _CompiledRules:
    """The ruler's rules split into indexed lookups and a rest ``Matcher``, and their attributes
    split into array columns and the rest."""

    def __init__(self, ruler: AttributeRuler) -> None:
        strings = ruler.vocab.strings
        # column in _READ -> token value -> rules whose first token requires that value
        self.index: dict[int, dict[int, list[_Rule]]] = {}
        # Rules with no equality or set test on their first token, with their first regex test.
        self.unindexed: list[tuple[_Test | None, _Rule]] = []
        self.rest = Matcher(ruler.vocab, validate=ruler.validate)
        self.indices = ruler.indices
        self.patterns_of: Callable[[int], Any] = ruler.matcher.get
        self.array_attrs: list[tuple[tuple[int, int], ...]] = []
        self.other_attrs: list[dict] = []
        self.regex_cache: dict[re.Pattern[str], dict[int, bool]] = {}
        self.doc_strings = strings
        for attrs in ruler.attrs:
            self.array_attrs.append(
                tuple((_WRITTEN.index(k), v) for k, v in attrs.items() if k in _WRITTEN)
            )
            self.other_attrs.append({k: v for k, v in attrs.items() if k not in _WRITTEN})
        for attr_id, spec in enumerate(ruler.patterns):
            key = str(attr_id)
            for pattern in cast("list[list[dict]]", spec["patterns"]):
                tests = _compile_pattern(pattern, strings)
                if tests is None:
                    self.rest.add(key, [pattern])
                else:
                    self._add(_Rule(attr_id, strings[key], len(pattern), tests))
        # Per value: the one-token rules that need no further test, then those that do.
        self.index_columns = tuple(
            (column, {value: _split_ready(rules) for value, rules in by_value.items()})
            for column, by_value in self.index.items()
        )
        self.has_rest = len(self.rest) > 0

    def _add(self, rule: _Rule) -> None:
        """File ``rule`` under the most selective equality or set test of its first token."""
        first = [test for test in rule.tests if test[0] == 0 and test[2] in ("eq", "in")]
        if not first:
            regexes = [test for test in rule.tests if test[0] == 0 and test[2] == "regex"]
            screen = regexes[0] if regexes else None
            remaining = tuple(test for test in rule.tests if test is not screen)
            self.unindexed.append(
                (screen, _Rule(rule.attr_id, rule.match_id, rule.length, remaining))
            )
            return
        chosen = min(first, key=lambda test: (test[2] != "eq", _INDEX_PREFERENCE.index(test[1])))
        remaining = tuple(test for test in rule.tests if test is not chosen)
        filed = _Rule(rule.attr_id, rule.match_id, rule.length, remaining)
        by_value = self.index.setdefault(chosen[1], {})
        for value in [chosen[3]] if chosen[2] == "eq" else sorted(chosen[3]):
            by_value.setdefault(value, []).append(filed)

    def matches(self, doc: Doc) -> list[tuple[int, int, int, int]]:
        """(rule number, match id, start, end), sorted as spaCy's ``AttributeRuler.match``."""
        found: list[tuple[int, int, int, int]] = []
        read = doc.to_array(list(_READ)).tolist()
        n_tokens = len(read)
        self.doc_strings = doc.vocab.strings
        for i, values in enumerate(read):
            for column, by_value in self.index_columns:
                filed = by_value.get(values[column])
                if filed is not None:
                    ready, to_test = filed
                    for attr_id, match_id in ready:
                        found.append((attr_id, match_id, i, i + 1))
                    for rule in to_test:
                        if self._passes(rule, read, i, n_tokens):
                            found.append((rule.attr_id, rule.match_id, i, i + rule.length))
            for screen, rule in self.unindexed:
                if screen is not None and not self._searches(screen[3], values[screen[1]]):
                    continue
                if self._passes(rule, read, i, n_tokens):
                    found.append((rule.attr_id, rule.match_id, i, i + rule.length))
        if self.has_rest:
            strings = doc.vocab.strings
            for match_id, start, end in self.rest(doc, allow_missing=True, as_spans=False):
                found.append((int(strings[match_id]), match_id, start, end))
        # The Matcher reports a rule once per span even when several of its patterns match.
        return sorted(set(found))

    def _passes(self, rule: _Rule, read: list[list[int]], start: int, n_tokens: int) -> bool:
        if start + rule.length > n_tokens:
            return False
        for offset, column, kind, wanted in rule.tests:
            value = read[start + offset][column]
            if kind == "eq":
                if value != wanted:
                    return False
            elif kind == "in":
                if value not in wanted:
                    return False
            elif kind == "not_in":
                if value in wanted:
                    return False
            elif not self._searches(wanted, value):
                return False
        return True

    def _searches(self, regex: re.Pattern[str], value: int) -> bool:
        cache = self.regex_cache.setdefault(regex, {})
        found = cache.get(value)
        if found is None:
            if len(cache) > _REGEX_CACHE_SIZE:  # a bound for runs over millions of articles
                cache.clear()
            found = cache[value] = bool(regex.search(self.doc_strings[value]))
        return found

    def apply(self, doc: Doc) -> None:
        matches = self.matches(doc)
        if not matches:
            return
        columns: Any = doc.to_array(list(_WRITTEN))
        written = False
        for attr_id, match_id, start, end in matches:
            index = self.indices[attr_id]
            position = _position(doc, start, end, index, self.patterns_of(match_id))
            for column, value in self.array_attrs[attr_id]:
                columns[position, column] = value
                written = True
            if self.other_attrs[attr_id]:
                set_token_attrs(doc[position], self.other_attrs[attr_id])
        if written:
            doc.from_array(list(_WRITTEN), columns)


def _split_ready(
    rules: list[_Rule],
) -> tuple[tuple[tuple[int, int], ...], tuple[_Rule, ...]]:
    ready = tuple((r.attr_id, r.match_id) for r in rules if r.length == 1 and not r.tests)
    return ready, tuple(r for r in rules if r.length != 1 or r.tests)


def _position(doc: Doc, start: int, end: int, index: int, patterns: list) -> int:
    """The document position of the match's target token, with spaCy's error when the rule's
    index is outside the match."""
    length = end - start
    if -length <= index < length:
        return start + index % length
    raise ValueError(
        Errors.E1001.format(
            patterns=patterns, span=[token.text for token in doc[start:end]], index=index
        )
    )


def _compile_pattern(pattern: Sequence[dict], strings: Any) -> tuple[_Test, ...] | None:
    """A pattern of plain tokens (no operators) as tests; None when it needs the Matcher."""
    tests: list[_Test] = []
    for offset, token_spec in enumerate(pattern):
        for key, value in token_spec.items():
            column = _TESTABLE.get(key.upper()) if isinstance(key, str) else None
            if column is None:
                return None
            test = _compile_test(offset, _READ.index(column), column, value, strings)
            if test is None:
                return None
            tests.extend(test)
    return tuple(tests)


def _compile_test(
    offset: int, column: int, attr: int, value: Any, strings: Any
) -> list[_Test] | None:
    """The Matcher's own reading of one attribute's value (``_get_attr_values`` and its
    ``_SetPredicate`` and ``_RegexPredicate``)."""
    if attr == IS_SPACE:
        return [(offset, column, "eq", int(value))] if isinstance(value, bool) else None
    if isinstance(value, str):
        return [(offset, column, "eq", strings.add(value))]
    if not isinstance(value, dict) or not value:
        return None
    tests: list[_Test] = []
    for predicate, argument in value.items():
        if predicate in ("IN", "NOT_IN") and isinstance(argument, list):
            if not all(isinstance(item, str) for item in argument):
                return None
            kind = "in" if predicate == "IN" else "not_in"
            tests.append((offset, column, kind, frozenset(get_string_id(v) for v in argument)))
        elif predicate == "REGEX" and isinstance(argument, str):
            tests.append((offset, column, "regex", re.compile(argument)))
        else:
            return None
    return tests


@Language.factory(
    FACTORY,
    # what the model's rules write (its patterns set POS, TAG, MORPH, LEMMA and DEP)
    assigns=["token.pos", "token.tag", "token.morph", "token.lemma", "token.dep"],
    default_config={"validate": False, "scorer": {"@scorers": "spacy.attribute_ruler_scorer.v1"}},
)
def make_indexed_attribute_ruler(
    nlp: Language, name: str, validate: bool, scorer: Callable | None
) -> IndexedAttributeRuler:
    return IndexedAttributeRuler(nlp.vocab, name, validate=validate, scorer=scorer)


def index_attribute_ruler(nlp: Language, name: str = "attribute_ruler") -> None:
    """Swap ``nlp``'s spaCy attribute ruler for an ``IndexedAttributeRuler`` with its rules."""
    if name not in nlp.component_names:
        return
    ruler = nlp.get_pipe(name)
    if type(ruler) is not AttributeRuler:
        return
    patterns = ruler.patterns
    indexed = cast(
        IndexedAttributeRuler,
        nlp.replace_pipe(name, FACTORY, config={"validate": ruler.validate}),
    )
    indexed.add_patterns(patterns)
