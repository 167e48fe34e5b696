"""Where the temporal expressions are: entities and pattern matches united, trimmed and
extended over modifiers, neighbours joined into ranges, coordinated amounts of one unit."""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import TYPE_CHECKING, NamedTuple

from spacy.tokens import Doc, Span

from extract.components.dates.filters import (
    is_amount,
    is_half_of_a_match,
    is_non_date,
    unit_word,
)
from extract.components.dates.ranges import coordinated_amounts, merge_neighbours
from extract.components.dates.tense import sentence_tense
from extract.normalize.dates import (
    DateValue,
    normalize_date,
)
from extract.normalize.dates_anaphora import is_anaphor
from extract.normalize.dates_lexicon import load_dates_lexicon

if TYPE_CHECKING:
    from extract.components.dates.component import DateExtractor


_LEX = load_dates_lexicon()

# Entities a pattern match must not overlap: a month inside a name is not a date.
_BLOCKING_LABELS = frozenset(
    {
        "PERSON",
        "ORG",
        "GPE",
        "LOC",
        "PRODUCT",
        "FAC",
        "WORK_OF_ART",
        "LAW",
        "NORP",
        "MONEY",
        "PERCENT",
        "QUANTITY",
        "LANGUAGE",
    }
)
_LEADING_TRIM = _LEX.span_leading_trim
_TRAILING_TRIM = _LEX.span_trailing_trim
_YEAR_PERIODS = _LEX.year_periods
_HYPHEN_MODIFIERS = _LEX.hyphen_modifiers
# Reuters' "end-July", "end-1986": the end of the period ("quarter end December 31" is not)
_END_HYPHEN = re.compile(r"^end-(?=\S)", re.IGNORECASE)


class _Candidate(NamedTuple):
    start: int  # token indices, end exclusive
    end: int
    from_entity: bool


_STRETCH_PREPOSITIONS = _LEX.stretch_prepositions
_STRETCH_UNITS = _LEX.stretch_units


def _stretch_text(span: Span) -> str | None:
    """ "over the next month" is a stretch of one month (``P1M``, as "over the past month"),
    not next month; the text to normalise, or None."""
    words = span.text.lower().split()
    if (
        len(words) == 3
        and words[:2] in (["the", "next"], ["the", "coming"])
        and words[2] in _STRETCH_UNITS
        and span.start > 0
        and span.doc[span.start - 1].lower_ in _STRETCH_PREPOSITIONS
    ):
        return f"one {words[2]}"
    return None


def _date_text(span: Span) -> str:
    """The text to normalise: Reuters' "end-July" is "the end of July"."""
    return _END_HYPHEN.sub("the end of ", span.text)


def _without_topic_about(span: Span) -> Span:
    """ "uncertainties about next year's crops": "about" is the noun's preposition there, not
    the APPROX modifier of "about two years"."""
    first = span[0]
    if (
        len(span) > 1
        and first.lower_ == "about"
        and first.dep_ == "prep"
        and first.head.pos_ in ("NOUN", "PROPN", "ADJ")
        and not span.start <= first.head.i < span.end
    ):
        return span[1:]
    return span


def _mod_fits(value: DateValue) -> bool:
    """BEFORE/AFTER qualify dates ("before 2015"); comparisons qualify durations ("more than
    three months"); "after eight hours" is a signal, not a modifier."""
    if value.mod in ("BEFORE", "AFTER"):
        return value.kind == "date"
    if value.mod in ("LESS_THAN", "MORE_THAN", "EQUAL_OR_LESS", "EQUAL_OR_MORE"):
        return value.kind == "duration"
    return True


def _governs(modifier: Span, span: Span) -> bool:
    """The modifier belongs to the date: it heads the date ("around 1990") or hangs on it
    ("about two years ago"), not on a neighbouring verb ("get around Wednesday's ruling")."""
    if span.root.head.i in range(modifier.start, modifier.end):
        return True
    return any(span.start <= token.head.i < span.end for token in modifier)


def date_mentions(extractor: DateExtractor, doc: Doc) -> Iterator[tuple[Span, str, str]]:
    """(span, text to normalise, tense) of every temporal expression, in text order."""
    spans = merge_neighbours(extractor, doc, detected_spans(extractor, doc))
    for span in spans:
        tense = sentence_tense(span, extractor.lexicon)
        text = _date_text(span)
        if is_anaphor(text):
            yield span, text, tense  # "the following day": placed on its sentence's event
            continue
        if normalize_date(text, reference=None, tense=tense) is None:
            if span[-1].lower_ in extractor.lexicon.not_date_followers:
                continue  # an age: "a 6-year-old boy"
            found = list(coordinated_amounts(extractor, doc, span, tense))
            yield from found or normalisable_parts(extractor, span)
            continue
        if is_non_date(extractor, span) or is_half_of_a_match(extractor, span):
            continue
        coordinated = list(coordinated_amounts(extractor, doc, span, tense, leading_only=True))
        if coordinated and coordinated[-1][0].end == span.end:
            yield from coordinated  # "five, ten, or twenty years": one range row
            continue
        yield from coordinated
        yield span, _stretch_text(span) or text, tense


def period_before_end_date(extractor: DateExtractor, piece: Span) -> str | None:
    """ "the year ended March 31": the year is a one-year period (P1Y)."""
    doc = piece.doc
    before_end_date = piece.end < len(doc) and doc[piece.end].lower_ in ("ended", "ending")
    if before_end_date and piece.text.lower() in _YEAR_PERIODS:
        return "the fiscal year"
    return None


def normalisable_parts(extractor: DateExtractor, span: Span) -> Iterator[tuple[Span, str, str]]:
    """The longest pieces of a span that does not normalise as a whole ("the third
    quarter ended Sept. 30" → "the third quarter", "Sept. 30"), left to right."""
    doc = span.doc
    start = span.start
    while start < span.end:
        for end in range(span.end, start, -1):
            piece = trimmed(extractor, doc, start, end)
            if piece is None or piece.start != start or len(piece) == len(span):
                continue
            period = period_before_end_date(extractor, piece)
            if period is not None:
                yield piece, period, "past"
                start = piece.end
                break
            if piece.text.lower() in extractor.lexicon.ambiguous_alone:
                continue
            tense = sentence_tense(piece, extractor.lexicon)
            piece_text = _date_text(piece)
            if normalize_date(piece_text, reference=None, tense=tense) is not None:
                if not is_non_date(extractor, piece):
                    yield piece, piece_text, tense
                start = piece.end
                break
        else:
            start += 1


def detected_spans(extractor: DateExtractor, doc: Doc) -> list[Span]:
    candidates = []
    blocked = []
    for ent in doc.ents:
        if ent.label_ in extractor.entity_labels or (
            # "about 5 1/2 hours" is sometimes a QUANTITY: an amount of time is a duration
            ent.label_ == "QUANTITY" and unit_word(ent[-1].lower_, extractor.lexicon) is not None
        ):
            candidates.append(_Candidate(ent.start, ent.end, True))
        elif ent.label_ in _BLOCKING_LABELS:
            blocked.append((ent.start, ent.end))
    for match_id, start, end in [*extractor.matcher(doc), *extractor.phrase_matcher(doc)]:
        if match_id == extractor.a_unit_after_amount:
            # "$33 million a year" (even inside a MONEY entity), "twice a week"
            if start > 0 and is_amount(extractor, doc[start - 1]):
                candidates.append(_Candidate(start, end, False))
        elif match_id == extractor.per_unit:
            candidates.append(_Candidate(start, end, False))  # "16.6 mln barrels per day"
        elif not any(s < end and start < e for s, e in blocked):
            candidates.append(_Candidate(start, end, False))
    candidates.sort()
    united: list[list[int]] = []
    for start, end, _ in candidates:
        if united and start < united[-1][1]:
            united[-1][1] = max(united[-1][1], end)
        else:
            united.append([start, end])
    spans = []
    for start, end in (piece for s, e in united for piece in line_pieces(doc, s, e)):
        span = trimmed(extractor, doc, start, end)
        if span is not None:
            span = without_counting_number(
                extractor, doc, with_trailing_number(extractor, doc, span)
            )
            spans.append(with_modifier(extractor, doc, _without_topic_about(span)))
    return spans


def line_pieces(doc: Doc, start: int, end: int) -> Iterator[tuple[int, int]]:
    """The parts of tokens ``start``..``end`` on one line each: a date never runs over a line
    break ("1987\n\nMarch" from a headline into the text is two)."""
    for index in range(start, end):
        token = doc[index]
        if "\n" not in token.text and "\n" not in token.whitespace_:
            continue
        last = index if token.is_space else index + 1
        if last > start:
            yield start, last
        start = index + 1
    if start < end:
        yield start, end


def with_trailing_number(extractor: DateExtractor, doc: Doc, span: Span) -> Span:
    """ "a year or two": spaCy may stop the entity at "or"."""
    if span[-1].lower_ in ("or", "to") and span.end < len(doc) and doc[span.end].like_num:
        return doc[span.start : span.end + 1]
    return span


def without_counting_number(extractor: DateExtractor, doc: Doc, span: Span) -> Span:
    """ "In May one company said": "one" counts the company, it is not May 1 (but "payable
    May one to holders" is)."""
    last = span[-1]
    if (
        len(span) < 2
        or last.lower_ not in extractor.lexicon.day_words
        or span[-2].lower_ not in extractor.lexicon.months
    ):
        return span
    after = doc[span.end] if span.end < len(doc) else None
    counts = after is not None and (
        after.lower_ == "of" or (last.head.i >= span.end and last.dep_ in ("nummod", "det"))
    )
    return span[:-1] if counts else span


def trimmed(extractor: DateExtractor, doc: Doc, start: int, end: int) -> Span | None:
    while end > start and (doc[end - 1].lower_ in _TRAILING_TRIM or doc[end - 1].is_space):
        end -= 1
    while end > start and doc[start].is_space:
        start += 1
    while end - start > 1 and doc[start].lower_ in _LEADING_TRIM:
        rest = doc[start + 1 : end].text.lower()
        if rest in extractor.lexicon.ambiguous_alone:
            break
        start += 1
    if end <= start or not any(c.isalnum() for c in doc[start:end].text):
        return None
    return doc[start:end]


def with_modifier(extractor: DateExtractor, doc: Doc, span: Span) -> Span:
    """Take in a modifier written just before the span ("the beginning of", "late"), or
    the whole number of a fraction ("2 1/2 years")."""
    if span.start == 0:
        return span
    if "/" in span[0].text and doc[span.start - 1].is_digit:
        return doc[span.start - 1 : span.end]
    if (
        span.start >= 2
        and doc[span.start - 1].text == "-"
        and doc[span.start - 2].lower_ in _HYPHEN_MODIFIERS
        and not doc[span.start - 2].whitespace_
    ):
        # Reuters' "end-July", "mid-1986": the modifier is written with a hyphen
        extended = doc[span.start - 2 : span.end]
        value = normalize_date(_date_text(extended), reference=None)
        if value is not None and value.mod is not None and value.grain != "day":
            return extended
    phrases = extractor.modifier_phrases.get(doc[span.start - 1].lower_)
    if not phrases:
        return span
    value = normalize_date(span.text, reference=None)
    if value is None or value.mod is not None:
        return span
    for words in phrases:
        first = span.start - len(words)
        if first < 0:
            continue
        modifier = doc[first : span.start]
        if tuple(t.lower_ for t in modifier) == words and _governs(modifier, span):
            extended = doc[first : span.end]
            if len(_without_topic_about(extended)) < len(extended):
                return span
            extended_value = normalize_date(extended.text, reference=None)
            if extended_value is not None and _mod_fits(extended_value):
                return extended
    return span
