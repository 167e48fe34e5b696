"""Persons reached through 'X, along with Y,' and through a pronoun, on hand-built Docs."""

from __future__ import annotations

from spacy.language import Language

from extract.components.facts import link_facts
from tests.components.facts.docs import mention, parsed


def _events(facts: list[dict]) -> list[tuple]:
    return [(f["start_char"], f["predicate"], f["role"], f["link_rule"]) for f in facts]


def test_along_with_shares_the_subject_role(blank_nlp: Language) -> None:
    # 'Smith , along with Jones , was arrested' (the parser hangs 'along' on the verb)
    doc = parsed(
        blank_nlp,
        [
            ("Smith", "PROPN", "nsubjpass", 7, "Smith"),
            (",", "PUNCT", "punct", 7, ","),
            ("along", "ADP", "prep", 7, "along"),
            ("with", "ADP", "prep", 2, "with"),
            ("Jones", "PROPN", "pobj", 3, "Jones"),
            (",", "PUNCT", "punct", 2, ","),
            ("was", "AUX", "auxpass", 7, "be"),
            ("arrested", "VERB", "ROOT", 7, "arrest"),
        ],
    )
    mention(doc, "persons", 0, 1, person_key="smith")
    mention(doc, "persons", 4, 5, person_key="jones")
    facts = link_facts(doc)
    assert _events(facts) == [
        (0, "arrest", "object", "object"),
        (19, "arrest", "object", "list_member"),
    ]
    assert (facts[1]["object"], facts[1]["object_person_key"]) == ("Jones", "jones")


def test_pronoun_in_the_same_sentence(blank_nlp: Language) -> None:
    # 'Brown said he resigned'
    doc = parsed(
        blank_nlp,
        [
            ("Brown", "PROPN", "nsubj", 1, "Brown"),
            ("said", "VERB", "ROOT", 1, "say"),
            ("he", "PRON", "nsubj", 3, "he"),
            ("resigned", "VERB", "ccomp", 1, "resign"),
        ],
    )
    mention(doc, "persons", 0, 1, person_key="brown")
    assert _events(link_facts(doc)) == [
        (0, "say", "subject", "subject"),
        (0, "resign", "subject", "pronoun"),
    ]


def test_pronoun_goes_to_the_nearest_person_before_it(blank_nlp: Language) -> None:
    # 'Brown told Green he resigned': the nearest person before 'he' takes it, Brown does not
    doc = parsed(
        blank_nlp,
        [
            ("Brown", "PROPN", "nsubj", 1, "Brown"),
            ("told", "VERB", "ROOT", 1, "tell"),
            ("Green", "PROPN", "dobj", 1, "Green"),
            ("he", "PRON", "nsubj", 4, "he"),
            ("resigned", "VERB", "ccomp", 1, "resign"),
        ],
    )
    mention(doc, "persons", 0, 1, person_key="brown")
    mention(doc, "persons", 2, 3, person_key="green")
    assert _events(link_facts(doc)) == [
        (0, "tell", "subject", "subject"),
        (11, "tell", "object", "object"),
        (11, "resign", "subject", "pronoun"),
    ]
