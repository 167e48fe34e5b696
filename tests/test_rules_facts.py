"""extract/rules/facts.json: loads, validates, and rejects malformed data."""

from __future__ import annotations

import copy
import json
from importlib import resources

import pytest

from extract.normalize.facts import (
    DATE_LINKS,
    LINK_RULES,
    FactRulesError,
    load_fact_rules,
    parse_fact_rules,
)


def _raw() -> dict:
    text = resources.files("extract.rules").joinpath("facts.json").read_text(encoding="utf-8")
    return json.loads(text)


def test_rules_facts_packaged_file_loads():
    rules = load_fact_rules()
    assert set(rules.link_confidence) == set(LINK_RULES)
    assert set(rules.date_link_confidence) == set(DATE_LINKS)
    assert {"arrest", "send_back", "sentence", "kill", "elect", "meet"} <= rules.event_verbs
    assert {"say", "tell", "add"} <= rules.reporting_verbs <= rules.event_verbs
    assert {"in", "from", "to", "at"} <= rules.location_prepositions
    assert rules.lemma_fixes["fin"] == "fine"
    assert "know" in rules.naming_participles and "when" in rules.temporal_conjunctions
    assert "due" in rules.attribute_date_heads and "request" in rules.non_place_nouns


@pytest.mark.parametrize(
    "key",
    [
        "particles",
        "location_prepositions",
        "place_nouns",
        "naming_participles",
        "temporal_conjunctions",
        "attribute_date_heads",
        "non_place_nouns",
    ],
)
def test_rules_facts_word_lists_are_lowercase_and_unique(key):
    words = _raw()[key]
    assert words == [w.lower() for w in words]
    assert len(words) == len(set(words))


@pytest.mark.parametrize(
    "mutate,message",
    [
        (lambda d: d.update(unknown_key=[]), "unknown keys"),
        (lambda d: d.pop("particles"), "'particles' must be a non-empty list"),
        (lambda d: d.update(action_verbs=["arrest"]), "unknown keys"),
        (lambda d: d.update(particles=["back", " out"]), "bad entry"),
        (lambda d: d["link_rules"].pop("subject"), "missing ['subject']"),
        (
            lambda d: d["link_rules"].update(extra={"confidence": 1, "description": "x"}),
            "unknown ['extra']",
        ),
        (lambda d: d["link_rules"]["object"].update(confidence=1.5), "confidence not in"),
        (lambda d: d["date_links"]["same_clause"].pop("description"), "must have exactly"),
        (lambda d: d.update(lemma_fixes={"fin": 3}), "lemma_fixes"),
    ],
)
def test_rules_facts_rejects_malformed_data(mutate, message):
    data = copy.deepcopy(_raw())
    mutate(data)
    with pytest.raises(FactRulesError, match=message.replace("[", r"\[").replace("]", r"\]")):
        parse_fact_rules(data)


@pytest.mark.parametrize("data", [[], "facts", None])
def test_rules_facts_rejects_non_object(data):
    with pytest.raises(FactRulesError, match="top level"):
        parse_fact_rules(data)


@pytest.mark.parametrize(
    "gold_file,source",
    [
        ("corpora/gold/facts/facts.jsonl", "dev/reuters21578.jsonl"),
        ("corpora/gold/facts/facts.jsonl", "dev/bbc_news.jsonl"),
    ],
)
def test_rules_facts_gold_offsets_match_texts(gold_file, source):
    from tests.conftest import REPO, shared_file

    rows = [
        json.loads(line) for line in (REPO / gold_file).read_text(encoding="utf-8").splitlines()
    ]
    with shared_file(source).open(encoding="utf-8") as lines:
        texts = {r["doc_id"]: r["text"] for r in map(json.loads, lines)}
    checked = [row for row in rows if row["doc_id"] in texts]
    assert checked
    for row in checked:
        assert texts[row["doc_id"]][row["start_char"] : row["end_char"]] == row["text"], row


def test_rules_facts_seed_anchors_are_seed_mentions():
    """The seed facts rows carry no text (the facts table has none, and the seed acceptance
    test compares every column): each anchor must be a count, money or person of the seed."""
    from tests.conftest import REPO

    def spans(table: str) -> set[tuple[int, int]]:
        path = REPO / "corpora" / "gold" / "seed" / f"{table}.jsonl"
        lines = path.read_text(encoding="utf-8").splitlines()
        return {(r["start_char"], r["end_char"]) for r in map(json.loads, lines)}

    anchors = {"count": spans("counts"), "money": spans("money"), "person_event": spans("persons")}
    facts = (REPO / "corpora" / "gold" / "seed" / "facts.jsonl").read_text(encoding="utf-8")
    rows = [json.loads(line) for line in facts.splitlines()]
    assert len(rows) == 20
    for row in rows:
        assert "text" not in row
        assert (row["start_char"], row["end_char"]) in anchors[row["fact_type"]], row
    # one quantity fact per count and money mention of the seed
    quantities = {
        (r["start_char"], r["end_char"]) for r in rows if r["fact_type"] != "person_event"
    }
    assert quantities == anchors["count"] | anchors["money"]
