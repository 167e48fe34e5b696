"""Filters of model PERSON entities, on hand-built Docs."""

from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc

from extract.components.persons.filters import (
    common_word_at_start,
    is_filtered,
    mostly_other_label,
    name_edge_words,
)


def test_filters_mostly_other_label(blank_nlp: Language) -> None:
    words = ["Yukos", "said", "Yukos", "and", "Yukos", "fell"]
    ents = ["B-PERSON", "O", "B-ORG", "O", "B-ORG", "O"]
    doc = Doc(blank_nlp.vocab, words=words, ents=ents)
    assert mostly_other_label(tuple(doc.ents)) == frozenset({"yukos"})


def test_filters_common_word_at_sentence_start(blank_nlp: Language) -> None:
    words = ["Death", "is", "not", "a", "punishment", "--", "death", "is", "the", "end"]
    doc = Doc(blank_nlp.vocab, words=words)
    assert common_word_at_start(doc[0:1], doc.text) is True
    assert common_word_at_start(doc[3:4], doc.text) is False


def test_filters_place_unless_a_word_of_a_longer_name(blank_nlp: Language) -> None:
    words = ["MaliVai", "Washington", "beat", "Washington"]
    ents = ["B-PERSON", "I-PERSON", "O", "B-PERSON"]
    doc = Doc(blank_nlp.vocab, words=words, ents=ents)
    ents_tuple = tuple(doc.ents)
    edge_words = name_edge_words(doc, ents_tuple)
    assert edge_words == frozenset({"malivai", "washington"})
    span = doc[3:4]
    assert is_filtered(span, "Washington", doc.text, frozenset(), frozenset()) is True
    assert is_filtered(span, "Washington", doc.text, frozenset(), edge_words) is False


def test_filters_common_word_kept_when_a_word_of_a_longer_name(blank_nlp: Language) -> None:
    words = ["Winter", "said", "the", "winter", "was", "hard", ".", "Anna", "Winter", "left"]
    doc = Doc(blank_nlp.vocab, words=words)
    span = doc[0:1]
    assert is_filtered(span, "Winter", doc.text, frozenset(), frozenset()) is True
    assert is_filtered(span, "Winter", doc.text, frozenset(), frozenset({"winter"})) is False
