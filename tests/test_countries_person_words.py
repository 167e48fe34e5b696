"""news_countries: a one-word country form that is a word of a person's name in the article is
that person ("Holland" after "John Holland"), but a nationality word opening a PERSON entity
("Rwandan Hutu") or an entity that does not read as a name ("ex-England") vetoes nothing."""

from __future__ import annotations

import pytest
from spacy.language import Language
from spacy.tokens import Span

from extract.components.countries import CountryLinker


def _countries(nlp: Language, text: str, persons: list[str]) -> list[tuple[str, str, str]]:
    """Country rows for ``text`` with the given substrings labelled PERSON (a blank pipeline,
    so the test does not depend on the trained model's entities)."""
    doc = nlp.make_doc(text)
    doc._.doc_id = "t"
    ents = []
    for person in persons:
        start = text.index(person)
        ents.append(doc.char_span(start, start + len(person), label="PERSON"))
    doc.ents = [ent for ent in ents if isinstance(ent, Span)]
    CountryLinker(nlp, "news_countries")(doc)
    return [(row["text"], row["iso3"], row["mention_type"]) for row in doc._.countries]


@pytest.mark.parametrize(
    "text,persons,expected",
    [
        ("John Holland said Holland would not move .", ["John Holland"], []),
        (
            "Rwandan Hutu refugees fear the Rwandan army .",
            ["Rwandan Hutu"],
            [("Rwandan", "RWA", "demonym"), ("Rwandan", "RWA", "demonym")],
        ),
        (
            "The ex-England bowler played as England won .",
            ["ex-England"],
            [("England", "GBR", "name")],
        ),
        (
            "Australian Anthony Hill beat him ; the Australian won .",
            ["Australian Anthony Hill"],
            [("Australian", "AUS", "demonym"), ("Australian", "AUS", "demonym")],
        ),
        ("Tom Jordan met Ann Jordan in Jordan .", ["Tom Jordan", "Ann Jordan"], []),
    ],
)
def test_countries_person_words_veto(
    blank_nlp: Language, text: str, persons: list[str], expected: list[tuple[str, str, str]]
) -> None:
    assert _countries(blank_nlp, text, persons) == expected


@pytest.mark.slow
@pytest.mark.parametrize(
    "text,expected",
    [
        (
            "Many Rwandan Hutu refugees fear the Rwandan army , aid workers said .",
            [("Rwandan", "RWA", "demonym"), ("Rwandan", "RWA", "demonym")],
        ),
    ],
)
def test_countries_person_words_model(
    nlp: Language, text: str, expected: list[tuple[str, str, str]]
) -> None:
    doc = nlp.make_doc(text)
    doc._.doc_id = "t"
    rows = nlp(doc)._.countries
    assert [(row["text"], row["iso3"], row["mention_type"]) for row in rows] == expected
