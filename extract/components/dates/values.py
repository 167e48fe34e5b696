"""A detected span's value: the normaliser's reading, with the generic, habitual, "one day",
frequency and fiscal-period cases the sentence decides."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterator
from typing import TYPE_CHECKING

from spacy.tokens import Span

from extract.components.dates.detection import normalisable_parts
from extract.components.dates.filters import is_amount
from extract.components.dates.tense import governing_verb
from extract.normalize.dates import (
    DateValue,
    normalize_date,
    same_period_in_year,
)
from extract.normalize.dates_anaphora import anaphor_value
from extract.normalize.dates_lexicon import DatesLexicon

if TYPE_CHECKING:
    from extract.components.dates.component import DateExtractor


def resolved_parts(
    extractor: DateExtractor, span: Span, reference: dt.date | None, depth: int = 0
) -> Iterator[tuple[Span, str, DateValue]]:
    """The pieces of a span that does not resolve as a whole, each split again when it
    does not resolve either ("from Friday to December's figures" → its range piece → two
    dates)."""
    for piece, piece_text, piece_tense in normalisable_parts(extractor, span):
        piece_value = date_value(extractor, piece, piece_text, piece_tense, reference)
        if piece_value is not None:
            yield piece, piece_text, piece_value
        elif depth < 2:
            yield from resolved_parts(extractor, piece, reference, depth + 1)


# Year-less months, seasons, weekdays and month-days left unresolved in habitual sentences.
_GENERIC_TIMEX = re.compile(r"^XXXX-(?:\d\d|SP|SU|FA|WI|WXX-\d|\d\d-\d\d)$")


def as_set(extractor: DateExtractor, span: Span, value: DateValue) -> DateValue:
    """ "$33 million a year", "hundreds of interviews a day", "twice a week": one unit after
    an amount is a frequency (kind set), not a duration."""
    if value.kind != "duration" or value.mod is not None or span[0].lower_ not in ("a", "an"):
        return value
    if len(span) != 2 or not value.timex.startswith(("P1", "PT1")):
        return value
    after = span.doc[span.end].lower_ if span.end < len(span.doc) else ""
    if after in extractor.lexicon.ago_words:
        return value  # "80.0 mln dlrs a year before": a date, not a frequency
    if span.start == 0:
        return value
    return value._replace(kind="set") if is_amount(extractor, span.doc[span.start - 1]) else value


def in_year_of_end_date(
    span: Span, value: DateValue, following: list[tuple[Span, str, DateValue]]
) -> DateValue:
    """ "the quarter ended August 30, 1986": the quarter (or half) is in the year of the date
    that ends it."""
    doc = span.doc
    if (
        not following
        or value.kind != "date"
        or value.grain not in ("quarter", "half")
        or value.start is None
        or span.end >= len(doc)
        or doc[span.end].lower_ not in ("ended", "ending")
    ):
        return value
    end_span, _, end_value = following[0]
    if end_span.start != span.end + 1 or end_value.end is None or end_value.grain != "day":
        return value
    year = end_value.end.year
    if year == value.start.year:
        return value
    moved = same_period_in_year(f"the {year} {value.grain}", value)
    if moved is None or moved.start is None or moved.start > end_value.end:
        return value  # a fiscal "second quarter ended January 31" cannot start after it ends
    return moved


def looks_ahead(extractor: DateExtractor, span: Span) -> bool:
    """A forecast target ("by 2025", "due 2017", "approval is expected in late 1987")."""
    before = span.doc[span.start - 1].lower_ if span.start > 0 else ""
    if before in extractor.lexicon.target_prepositions:
        return True
    return any(token.lower_ in extractor.lexicon.looking_ahead_words for token in span.sent)


def date_value(
    extractor: DateExtractor, span: Span, text: str, tense: str, reference: dt.date | None
) -> DateValue | None:
    if _is_generic_today(span, extractor.lexicon):
        return DateValue("date", "PRESENT_REF", None, None, None, None, False)
    if _is_some_day(span):
        # "Islam will one day be ...": an unknown day, not a one-day duration
        verb = governing_verb(span)
        hoped = verb is not None and verb.tag_ == "VB"  # "the hope he one day follow"
        ref = "PAST_REF" if tense == "past" and not hoped else "FUTURE_REF"
        return DateValue("date", ref, None, None, None, None, False)
    unanchored = anaphor_value(text)
    if unanchored is not None:
        return unanchored  # "the following day": placed later against its sentence's event
    value = normalize_date(text, reference=reference, tense=tense)
    if (
        value is not None
        and value.relative
        and reference is not None
        and is_habitual(extractor, span)
    ):
        # "officials normally meet in the summer": any summer, not this one
        generic = normalize_date(text, reference=None, tense=tense)
        if generic is not None and _GENERIC_TIMEX.match(generic.timex):
            return generic
    return value


def is_habitual(extractor: DateExtractor, span: Span) -> bool:
    """The verb governing the span (or the verb it depends on) says "normally", "usually"."""
    verb = governing_verb(span)
    for _ in range(2):
        if verb is None:
            return False
        if any(c.lower_ in extractor.lexicon.habitual_words for c in verb.children):
            return True
        if verb.head.i == verb.i:
            return False
        verb = verb.head
    return False


def _is_some_day(span: Span) -> bool:
    """ "one day" used as an adverb ("he hopes to one day fly", "One day, he left"), not as an
    amount ("for one day", "just one day", "one day later")."""
    if span.text.lower() != "one day":
        return False
    doc = span.doc
    before = doc[span.start - 1] if span.start > 0 else None
    after = doc[span.end].lower_ if span.end < len(doc) else ""
    if after in ("later", "earlier", "ago", "before", "after", "of", "long"):
        return False
    return (
        before is None
        or before.is_sent_start
        and before.is_punct
        or before.pos_
        in (
            "PRON",
            "AUX",
            "PART",
            "PUNCT",
            "CCONJ",
            "SCONJ",
        )
    )


def _is_generic_today(span: Span, lexicon: DatesLexicon) -> bool:
    """ "Today, these initiatives have become ..." means nowadays, not the article's day."""
    if span.text.lower() not in lexicon.generic_today or span.text.lower() == "now":
        return False
    sentence = span.sent
    before = [t for t in sentence if t.i < span.start and not (t.is_punct or t.is_space)]
    after = span.doc[span.end] if span.end < len(span.doc) else None
    if before or after is None or after.text != ",":
        return False
    verb = governing_verb(span)
    if verb is None:
        return False
    auxiliaries = [c for c in verb.children if c.dep_ in ("aux", "auxpass")]
    if any(a.lower_ in lexicon.future_auxiliaries for a in auxiliaries):
        return False
    tenses = {t for token in (verb, *auxiliaries) for t in token.morph.get("Tense", [])}
    return "Pres" in tenses and "Past" not in {
        t for a in auxiliaries for t in a.morph.get("Tense", [])
    }
