"""Date detection stages on hand-built Docs (a DateExtractor on a blank pipeline)."""

from __future__ import annotations

import pytest
from spacy.language import Language
from spacy.tokens import Doc

from extract.components.dates import DateExtractor
from extract.components.dates.detection import (
    detected_spans,
    line_pieces,
    trimmed,
    with_modifier,
)
from extract.components.dates.ranges import coordinated_amounts, merge_neighbours


@pytest.fixture(scope="module")
def extractor(blank_nlp: Language) -> DateExtractor:
    return DateExtractor(blank_nlp, "news_dates", entity_labels=["DATE", "TIME"])


def _doc(blank_nlp: Language, text: str, ents: list[str] | None = None) -> Doc:
    return Doc(blank_nlp.vocab, words=text.split(), ents=ents)


@pytest.mark.parametrize(
    "text,expected",
    [
        ("on April 28 ,", "April 28"),
        ("in 2020 .", "2020"),
        (", ;", None),
    ],
)
def test_detection_trimmed(
    blank_nlp: Language, extractor: DateExtractor, text: str, expected: str | None
) -> None:
    doc = _doc(blank_nlp, text)
    span = trimmed(extractor, doc, 0, len(doc))
    assert (span.text if span is not None else None) == expected


def test_detection_entities_and_patterns_are_united(
    blank_nlp: Language, extractor: DateExtractor
) -> None:
    doc = _doc(
        blank_nlp,
        "They met on April 28 and left last week .",
        ["O", "O", "O", "B-DATE", "I-DATE", "O", "O", "O", "O", "O"],
    )
    assert [span.text for span in detected_spans(extractor, doc)] == ["April 28", "last week"]


def test_detection_with_modifier(blank_nlp: Language, extractor: DateExtractor) -> None:
    words = ["the", "beginning", "of", "2020"]
    deps = ["det", "ROOT", "prep", "pobj"]
    doc = Doc(blank_nlp.vocab, words=words, deps=deps, heads=[1, 1, 1, 2])
    assert with_modifier(extractor, doc, doc[3:4]).text == "the beginning of 2020"
    unparsed = _doc(blank_nlp, "the beginning of 2020")  # the modifier must govern the date
    assert with_modifier(extractor, unparsed, unparsed[3:4]).text == "2020"


def test_ranges_merge_neighbours(blank_nlp: Language, extractor: DateExtractor) -> None:
    doc = _doc(blank_nlp, "from 2014 to June 2020")
    merged = merge_neighbours(extractor, doc, [doc[1:2], doc[3:5]])
    assert [span.text for span in merged] == ["from 2014 to June 2020"]


def test_ranges_coordinated_amounts(blank_nlp: Language, extractor: DateExtractor) -> None:
    doc = _doc(blank_nlp, "five , ten , or twenty years")
    found = list(coordinated_amounts(extractor, doc, doc[5:7], "past", leading_only=True))
    assert [(span.text, text) for span, text, _ in found] == [
        ("five , ten , or twenty years", "five , ten , or twenty years")
    ]


@pytest.mark.parametrize(
    "words,expected",
    [
        (["PROFIT", "1987", "\n\n", "March", "3", "was"], [(0, 2), (3, 6)]),
        (["in", "1987", "\n", "March"], [(0, 2), (3, 4)]),
        (["\n", "May", "5", "\n"], [(1, 3)]),
        (["on", "May", "5"], [(0, 3)]),
    ],
)
def test_detection_line_pieces(blank_nlp: Language, words: list[str], expected) -> None:
    doc = Doc(blank_nlp.vocab, words=words, spaces=[True] * len(words))
    assert list(line_pieces(doc, 0, len(doc))) == expected


def test_detection_date_entity_does_not_run_over_a_line_break(
    blank_nlp: Language, extractor
) -> None:
    doc = Doc(
        blank_nlp.vocab,
        words=["RESULTS", "1987", "\n\n", "March", "3", "was", "good"],
        spaces=[True, False, False, True, True, True, False],
        ents=["O", "B-DATE", "I-DATE", "I-DATE", "I-DATE", "O", "O"],
    )
    assert [span.text for span in detected_spans(extractor, doc)] == ["1987", "March 3"]
