"""Recovery pass: names the model missed right after a title or honorific ("spokesman Glyn
Davies", "Mr Greenspan")."""

from __future__ import annotations

from spacy.tokens import Doc, Span

from extract.components.persons.words import (
    dated_name_word,
    glued_hyphen,
    inner_particle,
    is_demonym,
    recoverable_name_word,
)
from extract.normalize.persons import (
    has_org_word,
    is_honorific,
    is_title_head,
    is_title_word,
)


def names_after_titles(doc: Doc, taken: set[int]) -> list[tuple[Span, int]]:
    """Names the model missed or mislabelled right after a title or honorific: "spokesman
    Glyn Davies", "Speaker Wahono", "Mr Greenspan". The name is one to four capitalised words
    (particles and hyphenated parts allowed) that are not titles, places, organisation words or
    dates and numbers, followed by no further capitalised word. Returns each name with the
    index of the title word before it."""
    spans = []
    index = 0
    while index < len(doc) - 1:
        token = doc[index]
        index += 1
        if (
            token.is_upper
            or not (is_title_head(token.text) or is_demonym(token))
            or is_title_word(doc[index].text)
        ):
            continue
        start = end = index
        while end < len(doc) and end - start < 4:
            word = doc[end]
            if glued_hyphen(doc, end) and end > start:
                end += 2  # "Kilroy-Silk", "Song-ho"
            elif recoverable_name_word(word) or inner_particle(doc, start, end):
                end += 1
            elif end == start and is_honorific(token.text) and dated_name_word(word):
                end += 1  # "Mr May": a surname that is also a month
            else:
                break
        end = min(end, len(doc))
        if end == start or (
            end < len(doc) and ((doc[end].is_alpha and doc[end].is_title) or glued_hyphen(doc, end))
        ):
            continue
        if token.is_title and not is_honorific(token.text) and end - start < 2:
            continue  # "General Election", "King Crimson": one word after a capitalised title
        if any(i in taken for i in range(start, end)) or has_org_word(
            [t.text for t in doc[start:end]]
        ):
            continue
        spans.append((doc[start:end], start - 1))
        taken.update(range(start, end))
        index = end
    return spans
