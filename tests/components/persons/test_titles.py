"""Titles before and after a name, on hand-built Docs."""

from __future__ import annotations

import pytest
from spacy.language import Language
from spacy.tokens import Doc

from extract.components.persons.titles import modifiers_start, role_without_honorific, title_of


@pytest.mark.parametrize(
    "words,expected",
    [
        (["Federal", "Reserve", "chairman", "Mr"], "Federal Reserve chairman"),
        (["Prime", "Minister", "Dr."], "Prime Minister"),
        (["Mr"], "Mr"),
        (["a", "spokesman", "for", "Mr"], "Mr"),
    ],
)
def test_titles_role_without_honorific(
    blank_nlp: Language, words: list[str], expected: str
) -> None:
    doc = Doc(blank_nlp.vocab, words=words)
    assert role_without_honorific(doc[:]) == expected


def test_titles_title_before_the_name(blank_nlp: Language) -> None:
    words = ["Prime", "Minister", "Tony", "Blair", "said"]
    doc = Doc(blank_nlp.vocab, words=words, ents=["O", "O", "B-PERSON", "I-PERSON", "O"])
    name = doc[2:4]
    assert title_of(doc, name, name, appositions=True) == "Prime Minister"


def test_titles_apposition_after_the_name_only_with_appositions(blank_nlp: Language) -> None:
    words = ["Tony", "Blair", ",", "the", "prime", "minister", ",", "said"]
    doc = Doc(blank_nlp.vocab, words=words, ents=["B-PERSON", "I-PERSON", *["O"] * 6])
    name = doc[0:2]
    assert title_of(doc, name, name, appositions=True) == "prime minister"
    assert title_of(doc, name, name, appositions=False) is None


def test_titles_modifiers_start_moves_over_former(blank_nlp: Language) -> None:
    doc = Doc(blank_nlp.vocab, words=["the", "former", "President", "Carter"])
    assert modifiers_start(doc, 2, 0) == 1
