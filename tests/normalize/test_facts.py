"""Pure parts of the facts linker: predicate names, roles, date choice, confidences, ids."""

from __future__ import annotations

import pytest

from extract.normalize.facts import (
    DATE_LINK_SCOPES,
    DATE_LINKS,
    DEFAULT_DISABLED_DATE_LINKS,
    DateCandidate,
    DateChoice,
    choose_date,
    date_link_scope,
    fact_confidence,
    fact_id,
    load_fact_rules,
    logical_role,
    normalize_predicate,
    quantity_values,
)

SCOPE = ("date", "range")


@pytest.mark.parametrize(
    "lemma,particles,expected",
    [
        ("recover", (), "recover"),
        ("send", ("back",), "send_back"),
        ("lay", ("off",), "lay_off"),
        ("Send", ("Back",), "send_back"),
        ("  arrest ", (), "arrest"),
        ("bring", ("back", "in"), "bring_back_in"),
        ("be", (), "be"),
    ],
)
def test_facts_normalize_predicate(lemma, particles, expected):
    assert normalize_predicate(lemma, particles) == expected


@pytest.mark.parametrize(
    "dep,expected",
    [
        ("nsubj", "subject"),
        ("nsubjpass", "object"),  # passives: the grammatical subject is the logical object
        ("dobj", "object"),
        ("agent", "subject"),
        ("attr", "attribute"),
        ("npadvmod", "attribute"),
        ("expl", None),
        ("amod", None),
        ("NSUBJ", "subject"),
    ],
)
def test_facts_logical_role(dep, expected):
    assert logical_role(dep) == expected


def _c(index: int, scope: str, same_segment: bool = True, kind: str = "date") -> DateCandidate:
    return DateCandidate(index, scope, same_segment, kind)


@pytest.mark.parametrize(
    "candidates,expected",
    [
        ([], None),
        ([_c(0, "clause")], DateChoice(0, "same_clause")),
        # the first clause date in the same ';'-segment wins: "On April 28 ... ; on May 31"
        ([_c(0, "clause"), _c(1, "clause", same_segment=False)], DateChoice(0, "same_clause")),
        ([_c(1, "clause", same_segment=False)], None),
        ([_c(2, "governing")], DateChoice(2, "same_sentence")),
        ([_c(2, "governing"), _c(3, "governing")], None),  # two governing dates: unclear
        ([_c(0, "sentence")], None),  # a date on an unrelated clause never links
        ([_c(0, "sentence", kind="range")], DateChoice(0, "same_sentence")),
        ([_c(0, "clause", kind="duration")], None),  # durations do not scope facts
        ([_c(5, "previous_dangling", False)], DateChoice(5, "previous_sentence")),
        ([_c(1, "sentence"), _c(5, "previous_dangling", False)], None),
        (
            [_c(0, "clause", kind="duration"), _c(1, "sentence", kind="range")],
            DateChoice(1, "same_sentence"),
        ),
    ],
)
def test_facts_choose_date(candidates, expected):
    assert choose_date(candidates, scope_kinds=SCOPE) == expected


@pytest.mark.parametrize(
    "rule,date_link,has_predicate,expected",
    [
        ("subject", None, True, 0.9),
        ("subject", "same_clause", True, 0.9),
        ("object", "previous_sentence", True, 0.6),
        ("participle_in_mention", "same_clause", True, 0.65),
        ("preposition", None, False, 0.5),
    ],
)
def test_facts_fact_confidence(rule, date_link, has_predicate, expected):
    rules = load_fact_rules()
    assert fact_confidence(rules, rule, date_link, has_predicate=has_predicate) == expected


@pytest.mark.parametrize(
    "doc_id,index,expected",
    [("seed_article", 0, "seed_article:facts:0"), ("bbc/tech/001", 12, "bbc/tech/001:facts:12")],
)
def test_facts_fact_id(doc_id, index, expected):
    assert fact_id(doc_id, index) == expected


@pytest.mark.parametrize(
    "table,row,expected",
    [
        (
            "money",
            {
                "amount": "19654000000",
                "low": "19654000000",
                "high": "19654000000",
                "qualifier": "exact",
                "currency": "CNY",
                "currency_text": "yuan",
            },
            {
                "value": "19654000000",
                "low": "19654000000",
                "high": "19654000000",
                "qualifier": "exact",
                "unit": "CNY",
            },
        ),
        (
            "money",
            {
                "amount": "5",
                "low": None,
                "high": None,
                "qualifier": "exact",
                "currency": None,
                "currency_text": "dlrs",
            },
            {"value": "5", "low": None, "high": None, "qualifier": "exact", "unit": "dlrs"},
        ),
        (
            "counts",
            {
                "value": 120,
                "low": 120,
                "high": None,
                "qualifier": "more_than",
                "object": "countries and regions",
            },
            {
                "value": "120",
                "low": "120",
                "high": None,
                "qualifier": "more_than",
                "unit": "countries and regions",
            },
        ),
    ],
)
def test_facts_quantity_values(table, row, expected):
    assert quantity_values(table, row) == expected


ALL_DATE_LINKS = DATE_LINKS


@pytest.mark.parametrize(
    "candidates,enabled,expected",
    [
        ([_c(0, "argument")], None, DateChoice(0, "argument_phrase")),
        # the fact's own clause beats its arguments, whatever the candidate order
        ([_c(1, "argument"), _c(0, "clause")], None, DateChoice(0, "same_clause")),
        ([_c(0, "argument", same_segment=False)], None, None),
        ([_c(3, "relative")], None, DateChoice(3, "relative_clause")),
        ([_c(3, "temporal"), _c(4, "participle")], None, DateChoice(3, "temporal_clause")),
        ([_c(4, "participle")], None, DateChoice(4, "anchor_participle")),
        ([_c(3, "relative")], ("same_clause",), None),  # a rule turned off
        ([_c(0, "sentence")], None, None),  # single_date is off by default
        ([_c(0, "sentence")], ALL_DATE_LINKS, DateChoice(0, "single_date")),
        ([_c(0, "sentence"), _c(1, "sentence")], ALL_DATE_LINKS, None),  # not the only date
        ([_c(0, "reported")], ALL_DATE_LINKS, None),  # 'said on Monday' dates the saying
        ([_c(0, "noun_clause")], ALL_DATE_LINKS, None),  # 'the firm, founded in 1990, ...'
        ([_c(0, "other_quantity")], ALL_DATE_LINKS, None),  # 'from 199.5 mln a year before'
        ([_c(0, "sentence"), _c(1, "reported")], ALL_DATE_LINKS, None),
        ([_c(0, "sentence", kind="duration")], ALL_DATE_LINKS, None),
        ([_c(5, "previous_dangling", False)], ("same_clause",), None),
    ],
)
def test_facts_choose_date_rules(candidates, enabled, expected):
    assert choose_date(candidates, scope_kinds=SCOPE, enabled=enabled) == expected


@pytest.mark.parametrize(
    "date_link,expected",
    [
        ("argument_phrase", 0.85),
        ("relative_clause", 0.8),
        ("temporal_clause", 0.75),
        ("anchor_participle", 0.75),
        ("single_date", 0.65),
    ],
)
def test_facts_fact_confidence_date_rules(date_link, expected):
    assert fact_confidence(load_fact_rules(), "subject", date_link) == expected


def test_facts_default_disabled_date_links_are_known():
    assert set(DEFAULT_DISABLED_DATE_LINKS) <= set(DATE_LINKS)
    assert DATE_LINKS[0] == "same_clause"


@pytest.mark.parametrize(
    "date_rule,expected",
    [
        ("same_clause", "clause"),
        ("argument_phrase", "phrase"),
        ("relative_clause", "phrase"),
        ("temporal_clause", "phrase"),
        ("anchor_participle", "phrase"),
        ("same_sentence", "phrase"),
        ("single_date", "phrase"),
        ("previous_sentence", "context"),
        (None, "none"),
    ],
)
def test_facts_date_link_scope(date_rule, expected):
    assert date_link_scope(date_rule) == expected


def test_facts_every_date_rule_has_a_scope():
    assert set(DATE_LINK_SCOPES) == set(DATE_LINKS)
