"""Recovery pass: names the model missed before a bracketed country ("Scott Draper
( Australia )")."""

from __future__ import annotations

from spacy.tokens import Doc, Span

from extract.components.persons.words import INITIALS, glued_hyphen
from extract.normalize.countries import (
    is_org_word,
    lookup_form,
)
from extract.normalize.persons import (
    is_title_word,
)
from extract.normalize.persons_words import word_lists


def affiliated_names(doc: Doc, taken: set[int]) -> list[Span]:
    """Names the model missed that a bracketed country follows, as in result lists and
    political news: "Scott Draper ( Australia )", "Tim Henman (Britain)". The name is the run
    of up to four capitalised words (initials and particles allowed) right before the bracket,
    starting after a line break, punctuation, a number or a lower-case word."""
    spans = []
    particles = word_lists().affiliation_particles
    for open_index, token in enumerate(doc):
        if token.text != "(" or open_index == 0:
            continue
        close = next(
            (i for i in range(open_index + 1, min(open_index + 6, len(doc))) if doc[i].text == ")"),
            None,
        )
        if close is None or lookup_form(doc[open_index + 1 : close].text) is None:
            continue
        end = open_index
        if "\n" in doc[end - 1].whitespace_:
            continue
        start = end
        while start > 0 and end - start < 4:
            word = doc[start - 1]
            if "\n" in word.whitespace_ or word.is_space:
                break
            if start > 1 and glued_hyphen(doc, start - 1) and doc[start - 2].is_alpha:
                start -= 2  # "Anne-Gaelle Sidot"
                continue
            if not (
                (word.is_alpha and (word.is_title or word.is_upper))
                or INITIALS.match(word.text)
                or word.lower_ in particles
            ):
                break
            start -= 1
        if end - start < 2 or not doc[start].text[:1].isupper():
            continue
        if any(i in taken for i in range(start, end)) or any(
            is_title_word(t.text) or is_org_word(t.text) for t in doc[start:end]
        ):
            continue
        spans.append(doc[start:end])
        taken.update(range(start, end))
    return spans
