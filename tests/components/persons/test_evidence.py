"""Article-level evidence whether a one-word name is a person or an organisation, on
hand-built Docs."""

from __future__ import annotations

import pytest
from spacy.language import Language
from spacy.tokens import Doc

from extract.components.persons.evidence import (
    name_words,
    reported_pronoun,
    unevidenced_organisations,
    without_unevidenced,
)


def _doc(blank_nlp: Language, words: list[str], ents: list[str]) -> Doc:
    lemmas = ["say" if word in ("said", "says") else word.lower() for word in words]
    return Doc(blank_nlp.vocab, words=words, lemmas=lemmas, ents=ents)


@pytest.mark.parametrize(
    "words,expected",
    [
        (["Ericsson", "said", "it", "won"], "it"),
        (["Flett", "said", "he", "won"], "he"),
        (["Flett", "said", "the", "bank"], None),
        (["Flett", "won", "it"], None),
    ],
)
def test_evidence_reported_pronoun(
    blank_nlp: Language, words: list[str], expected: str | None
) -> None:
    doc = _doc(blank_nlp, words, ["O"] * len(words))
    assert reported_pronoun(doc, doc[0:1]) == expected


def test_evidence_it_after_a_reporting_verb_is_a_company(blank_nlp: Language) -> None:
    words = ["Ericsson", "said", "it", "won", ".", "Ericsson", "grew", "."]
    doc = _doc(blank_nlp, words, ["B-PERSON", "O", "O", "O", "O", "B-PERSON", "O", "O"])
    mentions = [(doc[0:1], None), (doc[5:6], None)]
    assert unevidenced_organisations(doc, doc.ents, mentions, frozenset()) == {"ericsson"}
    assert without_unevidenced(doc, doc.ents, mentions, frozenset()) == []


def test_evidence_org_entity_elsewhere_without_person_evidence(blank_nlp: Language) -> None:
    words = ["Dell", "cut", "prices", ".", "Dell", "grew", "."]
    doc = _doc(blank_nlp, words, ["B-ORG", "O", "O", "O", "B-PERSON", "O", "O"])
    assert unevidenced_organisations(doc, doc.ents, [(doc[4:5], None)], frozenset()) == {"dell"}


@pytest.mark.parametrize(
    "title,recovered,longer",
    [
        ("Mr", frozenset(), False),  # a title at one of its mentions
        (None, frozenset({"dell"}), False),  # a recovery pass read it from a person's layout
        (None, frozenset(), True),  # the surname of "Michael Dell"
    ],
)
def test_evidence_person_evidence_wins(
    blank_nlp: Language, title: str | None, recovered: frozenset[str], longer: bool
) -> None:
    words = ["Dell", "said", "it", "won", ".", "Michael", "Dell", "grew", "."]
    ents = ["B-PERSON", "O", "O", "O", "O", "B-PERSON", "I-PERSON", "O", "O"]
    doc = _doc(blank_nlp, words, ents)
    mentions = [(doc[0:1], title)] + ([(doc[5:7], None)] if longer else [])
    assert unevidenced_organisations(doc, doc.ents, mentions, recovered) == frozenset()


def test_evidence_he_after_a_reporting_verb_is_a_person(blank_nlp: Language) -> None:
    words = ["Flett", "said", "he", "won", ".", "Flett", "said", "it", "was", "fine", "."]
    doc = _doc(blank_nlp, words, ["B-ORG"] + ["O"] * 4 + ["B-PERSON"] + ["O"] * 5)
    assert unevidenced_organisations(doc, doc.ents, [(doc[5:6], None)], frozenset()) == set()


def test_evidence_name_words_keep_hyphenated_surnames(blank_nlp: Language) -> None:
    words = ["Robert", "Kilroy", "-", "Silk", "left", "Mr", "Brown", "'s"]
    spaces = [True, False, False, True, True, True, False, False]
    doc = Doc(blank_nlp.vocab, words=words, spaces=spaces)
    mentions = [(doc[0:4], None), (doc[6:7], "Mr")]
    assert name_words(mentions) == {"robert", "kilroy-silk"}
