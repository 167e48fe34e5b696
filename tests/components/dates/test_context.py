"""Mention values read with the dates before them (component._in_context), on hand-built Docs."""

from __future__ import annotations

import pytest
from spacy.language import Language
from spacy.tokens import Doc

from extract.components.dates import DateExtractor
from extract.components.dates.component import _in_context
from extract.components.dates.values import date_value


@pytest.fixture(scope="module")
def extractor(blank_nlp: Language) -> DateExtractor:
    return DateExtractor(blank_nlp, "news_dates", entity_labels=["DATE", "TIME"])


def _timexes(extractor: DateExtractor, doc: Doc, spans: list[tuple[int, int]]) -> list[str]:
    resolved = []
    for start, end in spans:
        span = doc[start:end]
        value = date_value(extractor, span, span.text, "past", None)
        assert value is not None
        resolved.append((span, span.text, value))
    return [value.timex for _, value in _in_context(extractor, resolved)]


@pytest.mark.parametrize(
    "words,sent_starts,spans,expected",
    [
        (
            "He was held on March 3 , 2020 and freed the following day .",
            [0],
            [(4, 8), (10, 13)],
            ["2020-03-03", "2020-03-04"],
        ),
        (
            "Talks ended on May 5 , 1999 . He left that evening .",
            [0, 8],
            [(3, 7), (10, 12)],
            ["1999-05-05", "XXXX-XX-XXTEV"],  # another sentence: no event to anchor on
        ),
        (
            "Talks ended on May 5 , 1999 . That evening he left .",
            [0, 8],
            [(3, 7), (8, 10)],
            ["1999-05-05", "1999-05-05TEV"],  # opening its sentence: the sentence before
        ),
        (
            "By June 2008 prices had doubled ; by then output fell .",
            [0],
            [(1, 3), (7, 9)],
            ["2008-06", "2008-06"],
        ),
    ],
)
def test_context_anaphoric_day_on_the_sentence_event(
    blank_nlp: Language,
    extractor,
    words: str,
    sent_starts: list[int],
    spans: list[tuple[int, int]],
    expected: list[str],
) -> None:
    tokens = words.split()
    starts = [i in sent_starts for i in range(len(tokens))]
    doc = Doc(blank_nlp.vocab, words=tokens, sent_starts=starts)
    assert _timexes(extractor, doc, spans) == expected
