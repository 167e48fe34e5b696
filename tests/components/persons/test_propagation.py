"""Propagation of confirmed names, on hand-built Docs."""

from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc

from extract.components.persons.propagation import propagated


def test_propagation_surname_alone(blank_nlp: Language) -> None:
    doc = Doc(blank_nlp.vocab, words=["Alexander", "Lebed", "said", ".", "Lebed", "left", "."])
    assert [span.text for span in propagated(doc, [doc[0:2]])] == ["Lebed"]


def test_propagation_not_inside_a_longer_name(blank_nlp: Language) -> None:
    doc = Doc(
        blank_nlp.vocab, words=["Alexander", "Lebed", "said", ".", "Lebed", "Smith", "left", "."]
    )
    assert propagated(doc, [doc[0:2]]) == []


def test_propagation_takes_initials_in_front(blank_nlp: Language) -> None:
    doc = Doc(blank_nlp.vocab, words=["Mark", "Waugh", "batted", ".", "M.", "Waugh", "left", "."])
    assert [span.text for span in propagated(doc, [doc[0:2]])] == ["M. Waugh"]
