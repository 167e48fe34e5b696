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


def name_core(span: Span) -> Span:
    """The name without a trailing generational suffix, the surname last: "Al Unser Jr" →
    "Al Unser", "James Welch , Jr." → "James Welch"."""
    suffixes = word_lists().name_suffixes
    doc, end = span.doc, span.end
    while end - span.start > 1 and doc[end - 1].lower_.rstrip(".") in suffixes:
        end -= 1
        if end - span.start > 1 and doc[end - 1].text == ",":
            end -= 1
    return doc[span.start : end]


def spreads(span: Span) -> bool:
    """A seed of two or more words spreads; one word, hyphenated or not ("Kilroy-Silk",
    "Mercedes-Benz"), is no evidence of a person on its own."""
    return len(span.text.split()) > 1


def seed_names(found: list[Span]) -> tuple[dict[str, list[tuple[str, ...]]], set[str]]:
    """What the seeds that spread let propagation look for: lower-case full names by first
    word, longest first (the full name, its first and last word together, a hyphenated
    surname alone), and the single words (first and last, suffix aside)."""
    seeds = [span for span in found if spreads(span)]
    cores = [name_core(span) for span in seeds]
    full_names = {tuple(token.lower_ for token in span) for span in seeds}
    # first and last word alone: "Roberto Duran" after "Roberto " Hands of Stone " Duran"
    full_names.update((core[0].lower_, core[-1].lower_) for core in cores if len(core) > 2)
    for span in cores:  # a hyphenated surname on its own ("Kilroy-Silk")
        start = span.end - 1
        while start - 2 >= span.start and in_compound(span[start - span.start]):
            start -= 2
        if span.start < start < span.end - 1:
            full_names.add(tuple(token.lower_ for token in span.doc[start : span.end]))
    parts = {
        word.lower_
        for span in cores
        if len(span) > 1
        for word in (span[0], span[-1])
        if len(word) > 1 and not in_compound(word)
    }
    by_first_word: dict[str, list[tuple[str, ...]]] = {}
    for name in sorted(full_names, key=lambda name: (-len(name), name)):  # longest first
        by_first_word.setdefault(name[0], []).append(name)
    return by_first_word, parts


def propagated(doc: Doc, found: list[Span], *, covered: set[int] | None = None) -> list[Span]:
    """Other mentions of the people already found (``found``: the seeds; ``covered``: the
    tokens of every mention so far, the seeds' by default) that the model missed or
    mislabelled: the full name again, or its first or last word alone ("Lebed" after
    "Alexander Lebed"; "Unser" after "Al Unser Jr"), when capitalised, outside longer
    non-person entities and not part of a longer capitalised name."""
    covered = set(covered) if covered is not None else {t.i for span in found for t in span}
    by_first_word, parts = seed_names(found)
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
        if end is None and token.lower_ in parts and (not token.is_stop or _name_not_word(token)):
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


def _name_not_word(token: Token) -> bool:
    """A name word that is also a common word ("May" of "Brian May", "Will"), capitalised
    where only a name is: inside a sentence, not a date, and the subject or owner of what
    follows ("Later , May sang", "May 's"; not "May I", "in May", "Apr 3.2 , May nil")."""
    doc = token.doc
    if not token.is_title or token.i == 0 or token.is_sent_start or token.ent_type_ in _DATES:
        return False
    before = doc[token.i - 1]
    if before.text in _SENTENCE_OPENERS or before.is_space or "\n" in before.whitespace_:
        return False
    after = doc[token.i + 1] if token.i + 1 < len(doc) else None
    return after is None or after.pos_ in ("VERB", "AUX") or after.tag_ == "POS" or after.is_punct


_DATES = frozenset({"DATE", "TIME"})
# What may come right before a sentence's first word: there any word is capitalised.
_SENTENCE_OPENERS = frozenset(
    {".", "!", "?", ":", ";", '"', "\u201c", "\u201d", "'", "(", "-", "--"}
)


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
