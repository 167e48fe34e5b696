"""Spans that look like dates and are not, on hand-built Docs."""

from __future__ import annotations

import pytest
from spacy.language import Language
from spacy.tokens import Doc

from extract.components.dates import DateExtractor
from extract.components.dates.filters import is_amount, is_half_of_a_match, is_non_date


@pytest.fixture(scope="module")
def extractor(blank_nlp: Language) -> DateExtractor:
    return DateExtractor(blank_nlp, "news_dates", entity_labels=["DATE", "TIME"])


def test_filters_number_counting_a_plural_noun(blank_nlp: Language, extractor) -> None:
    doc = Doc(
        blank_nlp.vocab,
        words=["1990", "people", "came"],
        tags=["CD", "NNS", "VBD"],
        deps=["nummod", "nsubj", "ROOT"],
        heads=[1, 2, 2],
    )
    assert is_non_date(extractor, doc[0:1]) is True


def test_filters_year_of_results_is_a_date(blank_nlp: Language, extractor) -> None:
    doc = Doc(
        blank_nlp.vocab,
        words=["its", "1989", "results", "rose"],
        tags=["PRP$", "CD", "NNS", "VBD"],
        deps=["poss", "nummod", "nsubj", "ROOT"],
        heads=[2, 2, 3, 3],
    )
    assert is_non_date(extractor, doc[1:2]) is False


def test_filters_clock_time_without_a_day(blank_nlp: Language, extractor) -> None:
    doc = Doc(blank_nlp.vocab, words=["at", "1900", "GMT"])
    assert is_non_date(extractor, doc[1:2]) is True


def test_filters_amount_tokens(blank_nlp: Language, extractor) -> None:
    doc = Doc(blank_nlp.vocab, words=["5", "million", "twice", "June"])
    assert [is_amount(extractor, token) for token in doc] == [True, True, True, False]


@pytest.mark.parametrize(
    "words,span,expected",
    [
        (["He", "scored", "in", "the", "second", "half", "."], (3, 6), True),
        (["a", "penalty", "in", "the", "first", "half"], (3, 6), True),
        (["Profit", "rose", "in", "the", "second", "half", "."], (3, 6), False),
        (["goals", "in", "the", "first", "half", "of", "2008"], (2, 5), False),
        (["in", "the", "74th", "minute", "of", "the", "second", "half"], (5, 8), True),
    ],
)
def test_filters_half_of_a_match(
    blank_nlp: Language, extractor, words: list[str], span: tuple[int, int], expected: bool
) -> None:
    doc = Doc(blank_nlp.vocab, words=words, sent_starts=[True] + [False] * (len(words) - 1))
    assert is_half_of_a_match(extractor, doc[span[0] : span[1]]) is expected
