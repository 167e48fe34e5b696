"""Spans that look like dates and are not: counts, amounts, clock times, names, fractions."""

from __future__ import annotations

from typing import TYPE_CHECKING

from spacy.tokens import Span, Token

from extract.normalize.dates_lexicon import DatesLexicon, load_dates_lexicon

if TYPE_CHECKING:
    from extract.components.dates.component import DateExtractor


# Words before "quarters of" that count periods, not parts: "several quarters of losses".
_NOT_FRACTION_WORDS = load_dates_lexicon().not_fraction_words


def is_amount(extractor: DateExtractor, token: Token) -> bool:
    """A token that ends an amount or a count: "5", "million", "%", "twice", "CDs", "dlrs"
    (a noun counted by a number); not the year of a date ("June 1988 a year early")."""
    if token.ent_type_ == "DATE" and _looks_like_year(token):
        return False
    return (
        token.like_num
        or token.lower_ in extractor.lexicon.frequency_words
        or token.ent_type_ in ("MONEY", "QUANTITY", "CARDINAL", "PERCENT")
        or token.tag_ == "NNS"
        or any(child.dep_ == "nummod" for child in token.lefts)
    )


def _looks_like_year(token: Token) -> bool:
    return len(token.text) == 4 and token.text.isdigit() and 1900 <= int(token.text) <= 2100


def unit_word(word: str, lexicon: DatesLexicon) -> str | None:
    for candidate in (word, word.removesuffix("s"), word.removesuffix("ies") + "y"):
        if candidate in lexicon.duration_units:
            return candidate
    return None


def is_non_date(extractor: DateExtractor, span: Span) -> bool:
    doc = span.doc
    words = [t for t in span if not t.is_punct]
    named = [t for t in words if t.lower_ != "the"]
    if (
        named
        and named[0].is_lower
        and span.text.lower().removeprefix("the ") in (extractor.lexicon.holidays)
    ):
        return True  # a holiday is a name: "each new year of the agreement" is no New Year
    if words and words[-1].like_num and all(t.like_num or t.is_stop for t in words):
        token = words[-1]
        before = doc[span.start - 1].lower_ if span.start > 0 else ""
        after = doc[span.end].lower_ if span.end < len(doc) else ""
        if (
            before in extractor.lexicon.preceding_non_dates
            or after in extractor.lexicon.following_non_dates
            or after in extractor.lexicon.time_zones  # a clock time: "at 1900 GMT"
            or doc[span.end : span.end + 2].text.lower() in extractor.lexicon.time_zones
        ):
            return True
        if token.dep_ == "nummod" and token.head.tag_ == "NNS":
            if token.head.lower_ in extractor.lexicon.year_nouns and _looks_like_year(token):
                return False  # "the company's 1989 operating results"
            return unit_word(token.head.lower_, extractor.lexicon) is None
    if len(words) == 1 and words[0].lower_ in extractor.lexicon.set_words:
        token = words[0]
        following = doc[span.end] if span.end < len(doc) else None
        if token.pos_ in ("NOUN", "PROPN") or (
            following is not None
            and following.pos_ == "PROPN"
            and following.is_title
            and following.lower_ not in extractor.lexicon.weekdays
            and following.lower_ not in extractor.lexicon.months
        ):
            return True  # a newspaper: "the party daily Granma", "the weekly Der Spiegel"
    last = words[-1] if words else span[-1]
    if (
        last.is_title
        and not last.is_sent_start
        and unit_word(last.lower_, extractor.lexicon) not in (None, last.lower_)
    ):
        return True  # a title: the TV show "60 Minutes" (but "Memorial Day" is a date)
    after = doc[span.end].lower_ if span.end < len(doc) else ""
    if after == "of" and span[-1].lower_ in ("quarter", "quarters", "half", "halves"):
        # a fraction: "about three-quarters of its food" (not "several quarters of losses",
        # not "a loss for the third quarter of $226.3 million")
        counted = {t.lower_ for t in span[:-1]}
        ordinal = bool(counted & extractor.lexicon.ordinals.keys())
        plural = span[-1].lower_ in ("quarters", "halves")
        if not ordinal and not (plural and counted & _NOT_FRACTION_WORDS):
            return True
    return after in extractor.lexicon.not_date_followers


def is_half_of_a_match(extractor: DateExtractor, span: Span) -> bool:
    """ "scored early in the second half": a half of a match, not of a year. A half without a
    year in a sentence with match words (goal, penalty, minute, ...) is not a date."""
    words = [t.lower_ for t in span if not t.is_punct and t.lower_ != "the"]
    if len(words) != 2 or words[1] != "half" or words[0] not in extractor.lexicon.halves:
        return False
    after = span.doc[span.end : span.end + 2]
    if len(after) == 2 and after[0].lower_ == "of" and after[1].like_num:
        return False  # "the first half of 2008"
    sentence = span.sent
    lowered = {t.lower_ for t in sentence}
    bigrams = {f"{a.lower_} {b.lower_}" for a, b in zip(sentence, sentence[1:], strict=False)}
    return bool((lowered | bigrams) & extractor.lexicon.match_words)
