"""Dates joined into one range ("from 2014 to June 2020", "weeks or months"), a clock time
with its day, and coordinated amounts of one unit ("five, ten, or twenty years")."""

from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING

from spacy.tokens import Doc, Span, Token

from extract.components.dates.filters import unit_word
from extract.normalize.dates import (
    normalize_date,
)
from extract.normalize.dates_lexicon import load_dates_lexicon

if TYPE_CHECKING:
    from extract.components.dates.component import DateExtractor


_LEX = load_dates_lexicon()
_RANGE_CONNECTORS = frozenset(_LEX.range_connectors) | _LEX.dash_connectors
_RANGE_OPENERS = frozenset(_LEX.range_openers)
_JOINERS = _LEX.time_day_joiners


def merge_neighbours(extractor: DateExtractor, doc: Doc, spans: list[Span]) -> list[Span]:
    """Join two dates around a range connector into one range, and a clock time with its
    day ("10 p.m. Wednesday")."""
    merged: list[Span] = []
    index = 0
    while index < len(spans):
        span = spans[index]
        if index + 1 < len(spans):
            joined = joined_range(extractor, doc, span, spans[index + 1])
            if joined is not None:
                merged.append(joined)
                index += 2
                continue
        merged.append(with_range_opener(extractor, doc, span))
        index += 1
    return merged


def joined_range(extractor: DateExtractor, doc: Doc, left: Span, right: Span) -> Span | None:
    gap = [t.lower_ for t in doc[left.end : right.start]]
    if gap == ["or"]:
        # "weeks or months": one range of durations (dates joined by "or" stay apart)
        candidate = doc[left.start : right.end]
        value = normalize_date(candidate.text, reference=None)
        if value is not None and value.kind == "range" and value.timex.startswith("P"):
            return candidate
        return None
    if len(gap) == 1 and gap[0] in _RANGE_CONNECTORS:
        opener = left.start - 1
        has_opener = opener >= 0 and doc[opener].lower_ in _RANGE_OPENERS
        if gap[0] == "and" and not (has_opener and doc[opener].lower_ == "between"):
            return None
        start = opener if has_opener else left.start
        candidate = doc[start : right.end]
        value = normalize_date(candidate.text, reference=None)
        if value is not None and value.kind == "range":
            return candidate
        return None
    if len(gap) <= 2 and all(word in _JOINERS for word in gap):
        candidate = doc[left.start : right.end]
        value = normalize_date(candidate.text, reference=None)
        if value is not None and (value.grain == "time" or value.kind == "set"):
            return candidate  # "10 p.m. Wednesday", "Tuesday nights"
    return None


def with_range_opener(extractor: DateExtractor, doc: Doc, span: Span) -> Span:
    """Take "from"/"between" into a range that spaCy found without it, or the left end
    of a range that was not detected on its own ("2014 to June 2020")."""
    connector = span.start - 1
    if connector > 0 and doc[connector].lower_ in _RANGE_CONNECTORS:
        for width in (1, 2, 3):
            first = connector - width
            if first < 0:
                break
            if first > 0 and doc[first - 1].lower_ in _RANGE_OPENERS:
                first -= 1
            candidate = doc[first : span.end]
            value = normalize_date(candidate.text, reference=None)
            if value is not None and value.kind == "range":
                return candidate
    opener = span.start - 1
    if opener >= 0 and doc[opener].lower_ in _RANGE_OPENERS:
        value = normalize_date(doc[opener : span.end].text, reference=None)
        if value is not None and value.kind == "range":
            return doc[opener : span.end]
    return span


def coordinated_amounts(
    extractor: DateExtractor, doc: Doc, span: Span, tense: str, *, leading_only: bool = False
) -> Iterator[tuple[Span, str, str]]:
    """ "five, ten, or twenty years": one range row (``P5Y/P20Y``) when the whole phrase
    reads as a range of durations, else one duration per number. With ``leading_only`` only
    the numbers before ``span`` are read; otherwise the numbers inside it too."""
    unit = doc[span.end - 1]
    if unit_word(unit.lower_, extractor.lexicon) is None:
        return
    numbers: list[Token] = []
    last_number = span.end - 2
    if last_number < span.start or not doc[last_number].like_num:
        return
    if leading_only and (
        last_number != span.start
        or span.start == 0
        or doc[span.start - 1].lower_ not in (",", "or", "and")
    ):
        return
    position = (span.start if leading_only else last_number) - 1
    while position >= 0:
        token = doc[position]
        if token.like_num and (leading_only or position >= span.start - 8):
            numbers.append(token)
        elif token.lower_ not in (",", "or", "and"):
            break
        position -= 1
    if not numbers:
        return
    lowest = numbers[-1].i
    if leading_only and lowest >= span.start:
        return
    whole = doc[lowest : span.end]
    value = normalize_date(whole.text, reference=None, tense=tense)
    if value is not None and value.kind == "range":
        yield whole, whole.text, tense  # one row: P5Y/P20Y
        return
    for token in reversed(numbers):
        yield doc[token.i : token.i + 1], f"{token.text} {unit.lower_}", tense
    if not leading_only:
        tail = doc[last_number : span.end]
        yield tail, tail.text, tense
