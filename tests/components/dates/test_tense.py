"""The tense governing a date, on hand-built parses."""

from __future__ import annotations

import pytest
from spacy.language import Language
from spacy.tokens import Doc

from extract.components.dates.tense import governing_verb, sentence_tense


@pytest.mark.parametrize(
    "words,tags,morphs,expected",
    [
        (
            ["They", "will", "meet", "on", "Tuesday"],
            ["PRP", "MD", "VB", "IN", "NNP"],
            ["", "VerbForm=Fin", "VerbForm=Inf", "", ""],
            "future",
        ),
        (
            ["They", "did", "meet", "on", "Tuesday"],
            ["PRP", "VBD", "VB", "IN", "NNP"],
            ["", "Tense=Past", "VerbForm=Inf", "", ""],
            "past",
        ),
    ],
)
def test_tense_of_the_governing_verb(
    blank_nlp: Language, words: list[str], tags: list[str], morphs: list[str], expected: str
) -> None:
    doc = Doc(
        blank_nlp.vocab,
        words=words,
        tags=tags,
        morphs=morphs,
        pos=["PRON", "AUX", "VERB", "ADP", "PROPN"],
        deps=["nsubj", "aux", "ROOT", "prep", "pobj"],
        heads=[2, 2, 2, 2, 3],
    )
    span = doc[4:5]
    verb = governing_verb(span)
    assert verb is not None and verb.text == "meet"
    assert sentence_tense(span) == expected


def test_tense_without_a_verb_is_present(blank_nlp: Language) -> None:
    doc = Doc(
        blank_nlp.vocab,
        words=["Pay", "April", "24"],
        pos=["NOUN", "PROPN", "NUM"],
        deps=["ROOT", "npadvmod", "nummod"],
        heads=[0, 0, 1],
    )
    assert sentence_tense(doc[1:3]) == "present"
