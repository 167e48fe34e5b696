"""extract/rules/facts_events.jsonl: the event lexicon loads, categorises, rejects bad entries."""

from __future__ import annotations

import pytest

from extract.normalize.fact_events import (
    EVENT_CATEGORIES,
    GKG_CATEGORIES,
    EventNoun,
    load_event_lexicon,
    parse_event_lexicon,
)
from extract.normalize.rules_data import RulesError


@pytest.mark.parametrize(
    "predicate,objects,category",
    [
        ("arrest", (), "ARREST"),
        ("kill", (), "KILL"),
        ("injure", (), "WOUND"),
        ("kidnap", (), "KIDNAP"),
        ("protest", (), "PROTEST"),
        ("seize", (), "SEIZE"),
        ("evacuate", (), "AFFECT"),
        ("step_down", (), "RESIGN"),
        ("resign", (), "RESIGN"),
        ("appoint", (), "APPOINT"),
        ("reelect", (), "APPOINT"),
        ("sentence", (), "SENTENCE"),
        ("beat", (), "ASSAULT"),
        ("defeat", (), "WIN"),
        ("meet", (), "CONSULT"),
        ("say", (), "REPORT"),
        ("tell", (), "REPORT"),
        ("file", ("charges", "charge"), "ACCUSE"),
        ("hold", ("talk",), "CONSULT"),
        ("hold", ("hostage",), "ARREST"),
        ("rise", (), None),
        (None, (), None),
    ],
)
def test_event_category_of_a_predicate(predicate, objects, category):
    assert load_event_lexicon().category(predicate, objects) == category


@pytest.mark.parametrize(
    "noun,event",
    [
        ("arrest", EventNoun("arrest", "ARREST", "object")),
        ("resignation", EventNoun("resign", "RESIGN", "subject")),
        ("appointment", EventNoun("appoint", "APPOINT", "object")),
        ("death", EventNoun("die", "KILL", "subject")),
    ],
)
def test_event_nouns(noun, event):
    assert load_event_lexicon().nouns[noun] == event


def test_lexicon_covers_every_gkg_type_and_keeps_reporting_apart():
    lexicon = load_event_lexicon()
    assert set(GKG_CATEGORIES) <= set(lexicon.verbs.values())
    assert set(lexicon.verbs.values()) <= set(EVENT_CATEGORIES)
    assert lexicon.reporting_verbs == frozenset(
        v for v, c in lexicon.verbs.items() if c == "REPORT"
    )
    assert {"say", "tell", "add", "announce"} <= lexicon.reporting_verbs
    assert "arrest" not in lexicon.reporting_verbs


@pytest.mark.parametrize(
    "record,message",
    [
        ({"lemma": "arrest", "pos": "verb", "category": "NABBED"}, "unknown category"),
        ({"lemma": "arrest", "pos": "adj", "category": "ARREST"}, "'pos' must be"),
        ({"lemma": "step down", "pos": "verb", "category": "RESIGN"}, "one word"),
        ({"lemma": "arrest", "pos": "noun", "category": "ARREST"}, "needs 'predicate'"),
        (
            {
                "lemma": "arrest",
                "pos": "noun",
                "category": "ARREST",
                "predicate": "arrest",
                "argument": "agent",
            },
            "'argument' must be",
        ),
        ({"lemma": "say", "pos": "verb", "category": "REPORT", "argument": "subject"}, "for nouns"),
    ],
)
def test_lexicon_rejects_bad_entries_with_their_line(record, message):
    with pytest.raises(RulesError, match=f"facts_events.jsonl:7: .*{message}"):
        parse_event_lexicon([(7, record)])


def test_lexicon_rejects_a_repeated_entry():
    record = {"lemma": "arrest", "pos": "verb", "category": "ARREST"}
    with pytest.raises(RulesError, match="facts_events.jsonl:2: 'arrest' listed twice"):
        parse_event_lexicon([(1, record), (2, record)])
