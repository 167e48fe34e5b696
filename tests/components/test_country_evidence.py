"""The country-evidence stages on hand-built Docs (no trained model)."""

from __future__ import annotations

import pytest
import spacy
from spacy.tokens import Doc

from extract.components.country_evidence import (
    city_is_named,
    dateline_mention,
    is_plain_modifier,
    names_government_body,
    resolve_state,
)

VOCAB = spacy.blank("en").vocab


def _doc(words: list[str], ents: list[str] | None = None) -> Doc:
    spaces = [
        not (i + 1 < len(words) and words[i + 1] in (",", ".", "'s")) for i in range(len(words))
    ]
    return Doc(VOCAB, words=words, spaces=spaces, ents=ents or ["O"] * len(words))


@pytest.mark.parametrize(
    "words,ents,start,end,expected",
    [
        (["in", "Passaic", "County", ",", "N.J.", "."], None, 4, 5, "USA"),
        (["Tampa", ",", "Fla.", "said"], None, 2, 3, "USA"),
        (["Miss.", "Smith", "said"], None, 0, 1, None),  # no place and comma before
        (["we", "went", "to", "Florida", "."], None, 3, 4, "USA"),
        (
            ["Virginia", "Woolf", "wrote"],
            ["B-PERSON", "I-PERSON", "O"],
            0,
            1,
            None,
        ),
        (
            ["Texas", "Instruments", "said"],
            ["B-ORG", "I-ORG", "O"],
            0,
            1,
            None,
        ),
        (
            ["the", "New", "Jersey", "Board", "of", "Public", "Utilities"],
            ["O", "B-ORG", "I-ORG", "I-ORG", "I-ORG", "I-ORG", "I-ORG"],
            1,
            3,
            "USA",
        ),
    ],
)
def test_country_evidence_resolve_state(
    words: list[str], ents: list[str] | None, start: int, end: int, expected: str | None
) -> None:
    doc = _doc(words, ents)
    found = resolve_state(doc, doc[start:end], frozenset())
    assert (None if found is None else (found.iso3, found.mention_type)) == (
        None if expected is None else (expected, "state")
    )


@pytest.mark.parametrize(
    "words,ents,start,end,expected",
    [
        (["its", "UK", "retail", "arm"], ["O", "B-ORG", "I-ORG", "I-ORG"], 1, 2, True),
        (["the", "ex", "-", "England"], ["O", "B-ORG", "I-ORG", "I-ORG"], 3, 4, False),
        (["the", "UK", "Retail", "Group"], ["O", "B-ORG", "I-ORG", "I-ORG"], 1, 2, False),
    ],
)
def test_country_evidence_is_plain_modifier(
    words: list[str], ents: list[str], start: int, end: int, expected: bool
) -> None:
    doc = _doc(words, ents)
    ent = next(iter(doc.ents))
    assert is_plain_modifier(ent, doc[start:end]) is expected


@pytest.mark.parametrize(
    "words,ents,start,end,expected",
    [
        (["The", "Bank", "of", "Japan", "said"], None, 3, 4, True),
        (["Royal", "Bank", "of", "Canada", "said"], None, 3, 4, False),
        (["the", "Bank", "of", "China", "branch"], None, 3, 4, False),
        (
            ["the", "French", "Foreign", "Ministry", "said"],
            ["O", "B-ORG", "I-ORG", "I-ORG", "O"],
            1,
            2,
            True,
        ),
        (["the", "U.S.", "Agriculture", "Department"], None, 1, 2, True),
        (["U.S.", "Army", "officers"], None, 0, 1, True),
        (["China", "Railway", "said"], ["B-ORG", "I-ORG", "O"], 0, 1, False),
        (
            ["Jordan", "Ministry"],
            ["B-PERSON", "I-PERSON"],
            0,
            1,
            False,
        ),
    ],
)
def test_country_evidence_names_government_body(
    words: list[str], ents: list[str] | None, start: int, end: int, expected: bool
) -> None:
    doc = _doc(words, ents)
    assert names_government_body(doc, doc[start:end]) is expected


@pytest.mark.parametrize(
    "words,expected",
    [
        (["VIENNA", ",", "Va.", ",", "April", "13", "-", "Entre", "said"], ("VIENNA, Va.", "USA")),
        (["LONDON", "(", "Reuters", ")", "-", "Shares", "fell"], ("LONDON", "GBR")),
        (["Shares", "fell", "in", "LONDON"], None),
    ],
)
def test_country_evidence_dateline_mention(
    words: list[str], expected: tuple[str, str] | None
) -> None:
    spaces = [True] * len(words)
    for index, word in enumerate(words[:-1]):
        if words[index + 1] in (",", ")") or word == "(":
            spaces[index] = False
    doc = Doc(VOCAB, words=words, spaces=spaces)
    found = dateline_mention(doc)
    assert (None if found is None else (found[0].text, found[1].iso3)) == expected
    if found is not None:
        assert found[1].mention_type == "dateline"


@pytest.mark.parametrize(
    "ents,person_words,expected",
    [
        (["O", "O", "B-GPE", "O"], frozenset(), True),
        (["O", "O", "O", "O"], frozenset(), False),  # the model sees no place
        (["O", "O", "B-GPE", "O"], frozenset({"pittsburgh"}), False),  # a person's name here
    ],
)
def test_country_evidence_city_is_named(
    ents: list[str], person_words: frozenset[str], expected: bool
) -> None:
    doc = _doc(["He", "visited", "Pittsburgh", "yesterday"], ents)
    assert city_is_named(doc, doc[2:3], person_words) is expected
