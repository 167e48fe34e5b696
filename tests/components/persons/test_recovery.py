"""The recovery passes of news_persons, each on a hand-built Doc."""

from __future__ import annotations

import pytest
from spacy.language import Language
from spacy.tokens import Doc

from extract.components.persons.recovery.affiliations import affiliated_names
from extract.components.persons.recovery.after_titles import names_after_titles
from extract.components.persons.recovery.lists import listed_attribute, listed_names
from extract.components.persons.recovery.scorecards import scorecard_names


def _doc(blank_nlp: Language, text: str) -> Doc:
    return Doc(blank_nlp.vocab, words=text.split())


def test_recovery_affiliation_before_a_bracketed_country(blank_nlp: Language) -> None:
    doc = _doc(blank_nlp, "1. Scott Draper ( Australia ) beat Tim Henman")
    taken: set[int] = set()
    assert [span.text for span in affiliated_names(doc, taken)] == ["Scott Draper"]
    assert taken == {1, 2}


def test_recovery_affiliation_skips_taken_tokens(blank_nlp: Language) -> None:
    doc = _doc(blank_nlp, "1. Scott Draper ( Australia ) beat Tim Henman")
    assert affiliated_names(doc, {2}) == []


def test_recovery_name_after_an_honorific(blank_nlp: Language) -> None:
    doc = _doc(blank_nlp, "said Mr Greenspan on Monday")
    found = names_after_titles(doc, set())
    assert [(span.text, trigger) for span, trigger in found] == [("Greenspan", 1)]


def test_recovery_listed_name_before_a_match_minute(blank_nlp: Language) -> None:
    doc = _doc(blank_nlp, "Scorers : Cosmin Contra ( 31st )")
    assert [span.text for span in listed_names(doc, [], set())] == ["Cosmin Contra"]


def test_recovery_listed_names_need_neighbours(blank_nlp: Language) -> None:
    doc = _doc(blank_nlp, "Team : Peter Smith , John Brown , Alan Jones .")
    assert listed_names(doc, [], set()) == []
    found = [doc[2:4], doc[5:7]]
    assert [span.text for span in listed_names(doc, found, {2, 3, 5, 6})] == ["Alan Jones"]


def test_recovery_listed_attribute_after_a_bracket(blank_nlp: Language) -> None:
    doc = _doc(blank_nlp, "Alex Zanardi ( Italy ) , Reynard Honda , 53.980")
    assert listed_attribute(doc, 6, 8, {2}) is True
    assert listed_attribute(doc, 6, 8, set()) is False


def test_recovery_scorecard_dismissal(blank_nlp: Language) -> None:
    doc = _doc(blank_nlp, "S. Law c Tillekeratne b Dharmasena 13")
    text = doc.text
    assert [span.text for span in scorecard_names(doc, text, set())] == [
        "S. Law",
        "Tillekeratne",
        "Dharmasena",
    ]


def test_recovery_scorecard_needs_scorecard_signs(blank_nlp: Language) -> None:
    doc = _doc(blank_nlp, "Tillekeratne met Dharmasena 13 times")
    assert scorecard_names(doc, doc.text, set()) == []


@pytest.mark.parametrize(
    "words,ents,expected",
    [
        (["said", "Mr", "May", "on", "Monday"], ["O", "O", "B-DATE", "O", "B-DATE"], ["May"]),
        (["said", "Mrs", "Winter", "."], ["O", "O", "B-DATE", "O"], ["Winter"]),
        (["since", "Mr", "May", "5", "."], ["O", "O", "B-DATE", "I-DATE", "O"], []),
        (["the", "President", "May", "said"], ["O", "O", "B-DATE", "O"], []),  # no honorific
    ],
)
def test_recovery_month_surname_after_an_honorific(
    blank_nlp: Language, words: list[str], ents: list[str], expected: list[str]
) -> None:
    doc = Doc(blank_nlp.vocab, words=words, ents=ents)
    assert [span.text for span, _ in names_after_titles(doc, set())] == expected
