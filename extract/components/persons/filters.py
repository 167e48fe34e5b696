"""Model PERSON entities that are no person: false positives, texts mostly tagged as
something else, places, and common words capitalised at a sentence start."""

from __future__ import annotations

import re
from collections import Counter

from spacy.tokens import Doc, Span

from extract.components.persons.boundaries import best_segment
from extract.components.persons.words import QUOTES, names_a_place, reads_as_name
from extract.normalize.countries import is_city_name
from extract.normalize.persons import british_subdivision_names, is_false_positive


def common_word_at_start(span: Span, text: str) -> bool:
    """A one-word "name" at a sentence start or after an opening quote, where any word is
    capitalised, that the article also writes in lower case: "Death is not a punishment --
    death is the end". ``text`` is the article's text (``doc.text`` is rebuilt
    on every access)."""
    if len(span) != 1 or not span[0].is_title:
        return False
    token = span[0]
    doc = span.doc
    before = doc[token.i - 1] if token.i > 0 else None
    at_start = (
        before is None
        or token.is_sent_start
        or before.is_space
        or before.text in QUOTES
        or "\n" in before.whitespace_
    )
    if not at_start or token.lower_ not in text:  # a substring test first: cheap
        return False
    lower = re.compile(rf"(?<![\w-]){re.escape(token.lower_)}(?![\w-])")
    return lower.search(text) is not None


def mostly_other_label(ents: tuple[Span, ...]) -> frozenset[str]:
    """Texts the model tags as an organisation, place or product more often than as a person
    in this article ("Yukos" once PERSON, twice ORG): those PERSON mentions are dropped."""
    person: Counter[str] = Counter()
    other: Counter[str] = Counter()
    for ent in ents:
        key = ent.text.lower()
        if ent.label_ == "PERSON":
            person[key] += 1
        elif ent.label_ in ("ORG", "GPE", "PRODUCT", "FAC", "NORP"):
            other[key] += 1
    return frozenset(key for key in other if other[key] > person[key] and key in person)


def name_edge_words(doc: Doc, ents: tuple[Span, ...]) -> frozenset[str]:
    """First and last words of the plain multi-word PERSON entities of the article (not run on
    across a line break, bracket or spaced dash): a one-word mention equal to one of them is a
    name even when it is also a place ("Washington" after "MaliVai Washington")."""
    return frozenset(
        word
        for ent in ents
        if ent.label_ == "PERSON"
        and len(ent) > 1
        and best_segment(doc, ent.start, ent.end) == (ent.start, ent.end)
        and reads_as_name(ent)
        for word in (ent[0].lower_, ent[-1].lower_)
    )


def is_filtered(
    span: Span,
    surface: str,
    text: str,
    mostly_other: frozenset[str],
    longer_name_words: frozenset[str],
) -> bool:
    """A model PERSON that is no person: a known false positive, a text the article mostly
    tags as something else, a place (unless a one-word mention is a word of a longer name in
    the article: "Washington" after "MaliVai Washington"), or a common word capitalised at a
    sentence start (unless a word of a longer name: "May" after "Brian May")."""
    return (
        is_false_positive(surface)
        or surface.lower() in mostly_other
        or (
            (
                names_a_place(surface)
                or (
                    len(span) == 1
                    and (is_city_name(surface) or surface.lower() in british_subdivision_names())
                )
            )
            and not (len(span) == 1 and span[0].lower_ in longer_name_words)
        )
        or (common_word_at_start(span, text) and span[0].lower_ not in longer_name_words)
    )
