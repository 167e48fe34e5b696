"""news_reference_date: the metadata's reference date, else one inferred from the text, and the
date mentions it detects reused by news_dates (trained model: slow)."""

from __future__ import annotations

import pytest
from spacy.language import Language

from extract.components.dates.detection import date_mentions
from extract.components.dates.shared import date_mentions_once
from extract.components.reference_date import ReferenceDate
from extract.pipeline import NEWS_COMPONENTS
from extract.types import ArticleMetadata

pytestmark = pytest.mark.slow

TEXT = "SALVADOR, Feb 26 - The talks ended on December 17, 1986, officials said."
MONDAY = ArticleMetadata(reference_date="2020-11-02", reference_date_source="metadata")


def _parsed(nlp: Language, text: str, metadata: ArticleMetadata | None):  # type: ignore[no-untyped-def]
    doc = nlp.make_doc(text)
    doc._.doc_id = "t"
    doc._.metadata = metadata
    for name, component in nlp.pipeline:
        if name in NEWS_COMPONENTS:
            break
        doc = component(doc)
    return doc


@pytest.mark.parametrize(
    "metadata,disabled,expected",
    [
        (MONDAY, [], ("2020-11-02", "metadata")),
        (None, [], ("1987-02-26", "inferred")),
        (None, ["inferred"], (None, "none")),
        (MONDAY, ["inferred"], ("2020-11-02", "metadata")),
    ],
)
def test_reference_date_component(
    nlp: Language, metadata: ArticleMetadata | None, disabled: list[str], expected: tuple
) -> None:
    component = ReferenceDate(nlp, "news_reference_date", disabled_rules=disabled)
    doc = component(_parsed(nlp, TEXT, metadata))
    assert (doc._.reference_date, doc._.reference_date_source) == expected
    assert doc._.metadata is metadata


@pytest.mark.parametrize("text", [TEXT])
def test_reference_date_mentions_detected_once(nlp: Language, text: str) -> None:
    detector = nlp.get_pipe("news_dates")
    doc = _parsed(nlp, text, None)
    expected = [(span.start, span.end, t, tense) for span, t, tense in date_mentions(detector, doc)]
    kept = date_mentions_once(detector, doc, keep=True)
    assert doc.user_data["extract:date_mentions"][1] == expected  # plain offsets, no Spans
    reused = date_mentions_once(detector, doc, keep=False)
    assert [(s.start, s.end, t, tense) for s, t, tense in kept] == expected
    assert [(s.start, s.end, t, tense) for s, t, tense in reused] == expected
    assert expected == [(2, 4, "Feb 26", "past"), (9, 13, "December 17, 1986", "past")]
    assert "extract:date_mentions" not in doc.user_data  # the second reader removed them


@pytest.mark.parametrize("text", [TEXT])
def test_reference_date_then_dates_in_the_pipeline(nlp: Language, text: str) -> None:
    doc = nlp.make_doc(text)
    doc._.doc_id = "t"
    doc = nlp(doc)
    assert (doc._.reference_date, doc._.reference_date_source) == ("1987-02-26", "inferred")
    assert [(r["text"], r["timex"]) for r in doc._.dates] == [
        ("Feb 26", "1987-02-26"),
        ("December 17, 1986", "1986-12-17"),
    ]
    assert doc._.metadata is None
