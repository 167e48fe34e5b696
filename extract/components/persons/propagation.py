"""Spreading a confirmed name through the article: the full name again, or its first or
last word alone, where the model missed or mislabelled it."""

from __future__ import annotations

from spacy.tokens import Doc, Span, Token

from extract.components.persons.boundaries import best_segment
from extract.components.persons.words import INITIALS, in_compound, is_demonym
from extract.extensions import entity_bounds
from extract.normalize.persons import (
    is_title_word,
    leading_title_length,
    name_particles,
)
from extract.normalize.persons_words import word_lists


def propagated(doc: Doc, found: list[Span]) -> list[Span]:
    """Other mentions of the people already found that the model missed or mislabelled: the
    full name again, or its first or last word alone ("Lebed" after "Alexander Lebed"), when
    capitalised, outside longer non-person entities and not part of a longer capitalised name."""
    covered = {token.i for span in found for token in span}
    full_names = {tuple(token.lower_ for token in span) for span in found if len(span) > 1}
    # first and last word alone: "Roberto Duran" after "Roberto " Hands of Stone " Duran"
    full_names.update((span[0].lower_, span[-1].lower_) for span in found if len(span) > 2)
    for span in found:  # a hyphenated surname on its own ("Kilroy-Silk")
        start = span.end - 1
        while start - 2 >= span.start and in_compound(span[start - span.start]):
            start -= 2
        if span.start < start < span.end - 1:
            full_names.add(tuple(token.lower_ for token in span.doc[start : span.end]))
    parts = {
        word.lower_
        for span in found
        if len(span) > 1
        for word in (span[0], span[-1])
        if len(word) > 1 and not in_compound(word)
    }
    by_first_word: dict[str, list[tuple[str, ...]]] = {}
    for name in sorted(full_names, key=len, reverse=True):
        by_first_word.setdefault(name[0], []).append(name)
    spans: list[Span] = []
    surname_particles = word_lists().surname_particles
    index = 0
    while index < len(doc):
        token = doc[index]
        if index in covered or not token.is_alpha or not (token.is_title or token.is_upper):
            index += 1
            continue
        end = None
        for name in by_first_word.get(token.lower_, ()):
            stop = index + len(name)
            if stop <= len(doc) and tuple(t.lower_ for t in doc[index:stop]) == name:
                end = stop
                break
        if end is None and token.lower_ in parts and not token.is_stop:
            end = index + 1
        if end is None or any(i in covered for i in range(index, end)):
            index += 1
            continue
        if _extends_name(doc, index, end) or _inside_longer_entity(doc, index, end):
            index = end
            continue
        start = index
        while (
            start > 0
            and start - 1 not in covered
            and doc[start - 1].whitespace_ == " "
            and (INITIALS.match(doc[start - 1].text) or doc[start - 1].lower_ in surname_particles)
        ):
            start -= 1  # "M. Waugh", "de Silva" after "Aravinda de Silva"
        spans.append(doc[start:end])
        covered.update(range(start, end))
        index = end
    return spans


def _extends_name(doc: Doc, start: int, end: int) -> bool:
    """A capitalised word right before or after: the match is part of another name."""
    after = doc[end] if end < len(doc) else None
    before = doc[start - 1] if start > 0 else None
    if after is not None and after.is_alpha and after.is_title and not after.is_sent_start:
        return True
    return (
        before is not None
        and before.is_alpha
        and before.is_title
        and not before.is_sent_start
        and leading_title_length([before.text, doc[start].text]) == 0
    )


def _inside_longer_entity(doc: Doc, start: int, end: int) -> bool:
    """Inside a longer entity of another kind, unless that entity runs on over a line break,
    bracket or spaced dash ("SOCCER - KLINSMANN")."""
    # Entities do not overlap, so the only candidate is the one holding the first token; found
    # from token IOB tags, since doc.ents is rebuilt on every access.
    if doc[start].ent_iob_ in ("O", ""):
        return False
    ent_start, ent_end = entity_bounds(doc, start)
    if ent_end < end or ent_end - ent_start <= end - start:
        return False
    if doc[start].ent_type_ == "PERSON":
        return False
    if all(_title_or_punct(doc[i]) for i in range(ent_start, ent_end) if not start <= i < end):
        return False  # only a title or nationality with the name: '" Mr de Vabres', "American X"
    return best_segment(doc, ent_start, ent_end) == (ent_start, ent_end)


def _title_or_punct(token: Token) -> bool:
    return (
        token.is_punct
        or is_title_word(token.text)
        or is_demonym(token)
        or token.lower_ in name_particles()
    )
