"""Person events and event categories from the lexicon, on hand-built Docs."""

from __future__ import annotations

from spacy.language import Language

from extract.components.facts import link_facts
from tests.components.facts.docs import mention, parsed


def _summary(facts: list[dict]) -> list[tuple]:
    return [
        (f["fact_type"], f["predicate"], f["event_category"], f["role"], f["link_rule"])
        for f in facts
    ]


def test_passive_count_takes_the_verb_category(blank_nlp: Language) -> None:
    doc = parsed(
        blank_nlp,
        [
            ("7,831", "NUM", "nummod", 1, "7,831"),
            ("fugitives", "NOUN", "nsubjpass", 3, "fugitive"),
            ("were", "AUX", "auxpass", 3, "be"),
            ("arrested", "VERB", "ROOT", 3, "arrest"),
        ],
    )
    mention(doc, "counts", 0, 2, value=7831, low=7831, high=7831, qualifier="exact")
    assert _summary(link_facts(doc)) == [("count", "arrest", "ARREST", "object", "object")]


def test_phrasal_verb_step_down(blank_nlp: Language) -> None:
    doc = parsed(
        blank_nlp,
        [
            ("Smith", "PROPN", "nsubj", 1, "Smith"),
            ("stepped", "VERB", "ROOT", 1, "step"),
            ("down", "ADP", "prt", 1, "down"),
        ],
    )
    mention(doc, "persons", 0, 1, person_key="smith")
    assert _summary(link_facts(doc)) == [
        ("person_event", "step_down", "RESIGN", "subject", "subject")
    ]


def test_verb_object_phrase_filed_charges(blank_nlp: Language) -> None:
    doc = parsed(
        blank_nlp,
        [
            ("Lee", "PROPN", "nsubj", 1, "Lee"),
            ("filed", "VERB", "ROOT", 1, "file"),
            ("charges", "NOUN", "dobj", 1, "charge"),
        ],
    )
    mention(doc, "persons", 0, 1, person_key="lee")
    [fact] = link_facts(doc)
    assert (fact["predicate"], fact["event_category"], fact["object"]) == (
        "file",
        "ACCUSE",
        "charges",
    )


def test_reporting_verb_is_its_own_category(blank_nlp: Language) -> None:
    doc = parsed(
        blank_nlp,
        [("Jones", "PROPN", "nsubj", 1, "Jones"), ("said", "VERB", "ROOT", 1, "say")],
    )
    mention(doc, "persons", 0, 1, person_key="jones")
    assert _summary(link_facts(doc)) == [("person_event", "say", "REPORT", "subject", "subject")]


def test_nominal_event_of_phrase(blank_nlp: Language) -> None:
    # "Police announced the arrest of Hu": Hu is arrested (object); the announcing is not his.
    doc = parsed(
        blank_nlp,
        [
            ("Police", "NOUN", "nsubj", 1, "police"),
            ("announced", "VERB", "ROOT", 1, "announce"),
            ("the", "DET", "det", 3, "the"),
            ("arrest", "NOUN", "dobj", 1, "arrest"),
            ("of", "ADP", "prep", 3, "of"),
            ("Hu", "PROPN", "pobj", 4, "Hu"),
        ],
    )
    mention(doc, "persons", 5, 6, person_key="hu")
    [fact] = link_facts(doc)
    assert _summary([fact]) == [("person_event", "arrest", "ARREST", "object", "nominal_event")]
    assert (fact["object"], fact["object_person_key"], fact["subject"]) == ("Hu", "hu", None)


def test_nominal_event_possessive(blank_nlp: Language) -> None:
    doc = parsed(
        blank_nlp,
        [
            ("Blair", "PROPN", "poss", 2, "Blair"),
            ("'s", "PART", "case", 0, "'s"),
            ("resignation", "NOUN", "nsubj", 3, "resignation"),
            ("surprised", "VERB", "ROOT", 3, "surprise"),
            ("MPs", "NOUN", "dobj", 3, "mp"),
        ],
        spaces=[False, True, True, True, False],
    )
    mention(doc, "persons", 0, 1, person_key="blair")
    [fact] = link_facts(doc)
    assert _summary([fact]) == [("person_event", "resign", "RESIGN", "subject", "nominal_event")]
    assert fact["subject"] == "Blair"


def test_verb_outside_the_lexicon_makes_no_person_event(blank_nlp: Language) -> None:
    doc = parsed(
        blank_nlp,
        [("Smith", "PROPN", "nsubj", 1, "Smith"), ("smiled", "VERB", "ROOT", 1, "smile")],
    )
    mention(doc, "persons", 0, 1, person_key="smith")
    assert link_facts(doc) == []
