"""Propagation of confirmed names, on hand-built Docs."""

from __future__ import annotations

import pytest
from spacy.language import Language
from spacy.tokens import Doc

from extract.components.persons.propagation import name_core, propagated


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


def test_propagation_surname_before_a_suffix(blank_nlp: Language) -> None:
    doc = Doc(blank_nlp.vocab, words=["Al", "Unser", "Jr", "won", ".", "Unser", "said", "."])
    assert [span.text for span in propagated(doc, [doc[0:3]])] == ["Unser"]


def test_propagation_suffix_alone_is_no_surname(blank_nlp: Language) -> None:
    doc = Doc(blank_nlp.vocab, words=["Al", "Unser", "Jr", "won", ".", "Jr", "said", "."])
    assert propagated(doc, [doc[0:3]]) == []


@pytest.mark.parametrize(
    "words,expected",
    [
        (["Al", "Unser", "Jr"], "Al Unser"),
        (["James", "Welch", ",", "Jr."], "James Welch"),
        (["John", "Paul", "II"], "John Paul"),
        (["Henry", "VIII"], "Henry VIII"),
        (["Jr"], "Jr"),
    ],
)
def test_propagation_name_core(blank_nlp: Language, words: list[str], expected: str) -> None:
    doc = Doc(blank_nlp.vocab, words=words)
    assert name_core(doc[:]).text == expected


def test_propagation_hyphenated_seed_does_not_spread(blank_nlp: Language) -> None:
    words = ["Mercedes", "-", "Benz", "won", ".", "Mercedes", "-", "Benz", "said", "."]
    spaces = [False, False, True, True, True, False, False, True, True, False]
    doc = Doc(blank_nlp.vocab, words=words, spaces=spaces)
    assert propagated(doc, [doc[0:3]]) == []


def test_propagation_covered_tokens_are_not_found_again(blank_nlp: Language) -> None:
    doc = Doc(blank_nlp.vocab, words=["Alexander", "Lebed", "said", ".", "Lebed", "left", "."])
    assert propagated(doc, [doc[0:2]], covered={0, 1, 4}) == []


@pytest.mark.parametrize(
    "words,expected",
    [
        (["Brian", "May", "played", ".", "Later", ",", "May", "sang", "."], ["May"]),
        (["Brian", "May", "played", ".", "May", "I", "go", "?"], []),  # a sentence start
        (["Brian", "May", "played", ".", "Apr", "3.2", ",", "May", "nil"], []),  # no verb
    ],
)
def test_propagation_surname_that_is_also_a_word(
    blank_nlp: Language, words: list[str], expected: list[str]
) -> None:
    pos = ["VERB" if word in ("played", "sang", "go") else "X" for word in words]
    doc = Doc(blank_nlp.vocab, words=words, pos=pos)
    assert [span.text for span in propagated(doc, [doc[0:2]])] == expected


def test_propagation_month_surname_not_into_a_date(blank_nlp: Language) -> None:
    words = ["Brian", "May", "played", "in", "May", "1996", "."]
    doc = Doc(blank_nlp.vocab, words=words, ents=["O", "O", "O", "O", "B-DATE", "I-DATE", "O"])
    assert propagated(doc, [doc[0:2]]) == []
