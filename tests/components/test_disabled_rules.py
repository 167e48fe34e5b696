"""Per-rule switches: one validated ``disabled_rules`` list per component (E075)."""

from __future__ import annotations

import pytest
import spacy

import extract.components  # noqa: F401  (registers the factories)
from extract.components._rules import enabled_rules
from extract.components.countries import COUNTRY_RULES
from extract.components.home_country import HOME_COUNTRY_RULES
from extract.components.persons.component import PERSON_RULES
from extract.components.reference_date import REFERENCE_DATE_RULES


@pytest.mark.parametrize(
    "factory,rules",
    [
        ("news_countries", COUNTRY_RULES),
        ("news_home_country", HOME_COUNTRY_RULES),
        ("news_persons", PERSON_RULES),
        ("news_reference_date", REFERENCE_DATE_RULES),
    ],
)
def test_disabled_rules_unknown_name_is_a_coded_error(factory: str, rules: tuple) -> None:
    nlp = spacy.blank("en")
    with pytest.raises(ValueError) as raised:
        nlp.add_pipe(factory, config={"disabled_rules": [rules[0], "no_such_rule"]})
    assert str(raised.value) == (
        f"E075: {factory}: unknown rule(s) no_such_rule in disabled_rules; "
        f"known rules: {', '.join(rules)}"
    )


@pytest.mark.parametrize(
    "factory,rules,disabled",
    [
        ("news_persons", PERSON_RULES, ["titles", "scorecards"]),
        ("news_countries", COUNTRY_RULES, ["places_as_of_date"]),
    ],
)
def test_disabled_rules_turn_exactly_those_rules_off(
    factory: str, rules: tuple, disabled: list[str]
) -> None:
    component = spacy.blank("en").add_pipe(factory, config={"disabled_rules": disabled})
    assert component.rules == frozenset(rules) - frozenset(disabled)
    assert {rule: getattr(component, rule) for rule in rules} == {
        rule: rule not in disabled for rule in rules
    }


@pytest.mark.parametrize(
    "disabled,expected",
    [((), frozenset({"a", "b"})), (("b",), frozenset({"a"})), (("a", "b"), frozenset())],
)
def test_disabled_rules_enabled_rules(disabled: tuple, expected: frozenset) -> None:
    assert enabled_rules("c", ("a", "b"), disabled) == expected
