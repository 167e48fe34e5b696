"""Where a name starts and ends: merged entities, hyphenated and quoted parts, particles,
regnal numbers, run-on entities cut at line breaks, and the titles cut off the front."""

from __future__ import annotations

import re
from functools import lru_cache

from spacy.tokens import Doc, Span, Token

from extract.components.persons.words import (
    INITIALS,
    NOT_NAME_ENTITY_LABELS,
    QUOTES,
    glued_hyphen,
    in_compound,
    names_a_place,
)
from extract.normalize.countries import (
    lookup_form,
)
from extract.normalize.persons import (
    demonym_names,
    is_title_word,
    leading_title_length,
    name_particles,
)
from extract.normalize.persons_words import word_lists


@lru_cache(maxsize=1)
def _glued_initial_particle() -> re.Pattern[str]:
    """Initials glued to a particle: "A.de" of "A.de Silva"."""
    particles = "|".join(sorted(word_lists().initial_glued_particles))
    return re.compile(rf"^(?:[A-Z]\.)+(?:{particles})$")


def name_span(ent: Span) -> tuple[Span, int] | None:
    """The entity without leading titles, nationality words and punctuation or a trailing
    possessive, and with the name parts the model left out ("Lee Hsien [Loong]",
    "Moon Jae[-in]"); a lower-case word that is not a particle ends the name ("Wendy Ide of
    The Times", "J. Gillespie st Kaluwitharana"), and a fixture ("Luton v Hinckley") is no
    name. Also returns where the words cut off the front begin (the title's start)."""
    doc = ent.doc
    start, end = _extend_name(doc, ent.start, ent.end)
    while end > start and (
        doc[end - 1].tag_ == "POS"
        or _is_edge_punct(doc[end - 1])
        or (
            doc[end - 1].text == "-"
            and start < end - 1
            and end < len(doc)
            and _is_edge_punct(doc[end])
        )
    ):
        end -= 1  # a score glued to a name: "Elena Bovina 1-6"
    while start < end and _is_edge_punct(doc[start]):
        start += 1
    if start >= end:
        return None
    start, end = best_segment(doc, start, end)
    if start >= end:
        return None
    while end - start > 1 and doc[start].is_lower and doc[start].is_alpha:
        start += 1  # "rang Lucy": a verb the model swallowed (particles come mid-name)
    outer_start = start
    quoted = False
    for index in range(start + 1, end):
        word = doc[index].lower_
        if word in word_lists().fixture_words:  # "Luton v Hinckley": two teams
            return None
        quoted ^= doc[index].text in QUOTES
        if (
            not quoted
            and doc[index].is_alpha
            and doc[index].is_lower
            and word not in name_particles()
            and not in_compound(doc[index])
        ):
            end = index
            break
    while end > start and (doc[end - 1].tag_ == "POS" or _is_edge_punct(doc[end - 1])):
        end -= 1
    if start >= end:
        return None
    words = [token.text for token in doc[start:end]]
    lead = _demonym_length(doc, start, end)
    if lead:  # "New Zealander Peter Jackson", "Belgian King Baudouin"
        cut = leading_title_length(words[lead:])
        start += lead + cut
    elif len(words) > 2 and lookup_form(words[0]) is not None:  # "U.S. President Clinton"
        cut = leading_title_length(words[1:])
        start += cut + 1 if cut else 0
    else:
        start += leading_title_length(words)
    return doc[start:end], outer_start


def _demonym_length(doc: Doc, start: int, end: int) -> int:
    """How many leading words of a name are a nationality ("New Zealander", "Briton",
    "Belgian"): a demonym followed by a capitalised word, unless it is also a given name."""
    for size in (2, 1):
        if end - start <= size or not doc[start + size].text[:1].isupper():
            continue
        words = doc[start : start + size]
        if size == 1 and words[0].lower_ in demonym_names():
            continue
        found = lookup_form(words.text)
        if found is not None and found.mention_type == "demonym":
            return size
    return 0


def person_entities(doc: Doc, ents: tuple[Span, ...], *, merge: bool) -> list[Span]:
    """The PERSON entities; with ``merge``, two that touch are one ("Susilo Bambang" +
    "Yudhoyono")."""
    persons = [ent for ent in ents if ent.label_ == "PERSON"]
    if not merge:
        return persons
    merged: list[Span] = []
    for ent in persons:
        if merged and merged[-1].end == ent.start and merged[-1][-1].whitespace_ == " ":
            merged[-1] = doc[merged[-1].start : ent.end]
        else:
            merged.append(ent)
    return merged


def _extend_name(doc: Doc, start: int, end: int) -> tuple[int, int]:
    """Grow a name over a hyphenated tail written without spaces ("Jae" + "-in"), a quoted
    nickname and the surname after it ("Roberto " Hands of Stone " Duran"), a particle and the
    word after it ("Kengo" + "wa Dondo"), a hyphenated Korean given name ("Kim" + "In-so"),
    capitalised words next to it that no entity claims ("Ana" + "María Gómez") and a regnal
    number ("Henry VIII"); and back over a hyphenated first part ("Anne-" + "Gaelle Sidot"), a
    particle ("Maarten den" + "Bakker") and initials."""
    while end + 1 < len(doc) and doc[end].text == "-" and not doc[end - 1].whitespace_:
        if doc[end].whitespace_ or not doc[end + 1].is_alpha:
            break
        end += 2
    end = _nickname_end(doc, start, end)
    if end - start == 1 and _korean_given_name(doc, end):
        end += 3
    while end < len(doc) and _loose_name_word(doc[end]) and doc[end - 1].whitespace_ == " ":
        end += 1
    end = _particle_surname_end(doc, end)
    start, end = _apostrophe_name(doc, start, end)
    if end < len(doc) and doc[end - 1].whitespace_ and _is_regnal_number(doc, start, end):
        end += 1  # "Henry VIII", "Pedro I"
    while start > 0:
        before = doc[start - 1]
        if before.whitespace_ == " " and (_loose_name_word(before) or INITIALS.match(before.text)):
            start -= 1
        elif glued_hyphen(doc, start - 1) and start > 1 and _loose_name_word(doc[start - 2]):
            start -= 2  # "Anne-Gaelle"
        elif (
            before.whitespace_ == " "
            and before.lower_ in word_lists().surname_particles
            and start > 1
            and doc[start - 2].whitespace_ == " "
            and (_loose_name_word(doc[start - 2]) or doc[start - 2].ent_type_ == "PERSON")
        ):
            start -= 2  # "Maarten den Bakker"
        elif _glued_initial_particle().match(before.text) and before.whitespace_ == " ":
            start -= 1  # "A.de Silva"
        else:
            break
    while end - start > 1 and doc[start].lower_ in word_lists().leading_articles:
        start += 1
    return start, end


# Entity labels a surname after a nickname or particle may wrongly carry ("Duran" GPE).
_SURNAME_BLOCKING_LABELS = NOT_NAME_ENTITY_LABELS - {"LOC", "FAC", "NORP"}


def _nickname_end(doc: Doc, start: int, end: int) -> int:
    """End of a name with a quoted nickname before its surname ("Roberto " Hands of Stone "
    Duran"): the quote opens right after the first words of the name (or inside the entity),
    holds one to four words starting with a capital, and a capitalised surname follows the
    closing quote. Otherwise ``end``."""
    opening = next(
        (i for i in range(start + 1, min(end + 1, len(doc))) if doc[i].text in QUOTES), None
    )
    if opening is None or not all(_surname_word(t) for t in doc[start:opening]):
        return end
    closing = next(
        (i for i in range(opening + 2, min(opening + 6, len(doc))) if doc[i].text in QUOTES),
        None,
    )
    if closing is None or closing + 1 >= len(doc) or closing + 1 < end:
        return end
    inner = doc[opening + 1 : closing]
    if not inner[0].text[:1].isupper() or any(t.like_num or t.is_punct for t in inner):
        return end
    surname = doc[closing + 1]
    if not _surname_word(surname):
        return end
    after = doc[closing + 2] if closing + 2 < len(doc) else None
    if after is not None and after.is_alpha and after.text[:1].isupper():
        return end
    return closing + 2


def _surname_word(token: Token) -> bool:
    """A capitalised word that may be a surname even if the model labelled it a place or a
    product ("Duran", "Camacho", "Dondo"): not a title, country, date or number."""
    return (
        token.is_alpha
        and token.text[:1].isupper()
        and any(c.islower() for c in token.text)
        and token.ent_type_ not in _SURNAME_BLOCKING_LABELS
        and not is_title_word(token.text)
        and lookup_form(token.text) is None
    )


def _particle_surname_end(doc: Doc, end: int) -> int:
    """After a name, particles and the capitalised word they lead to ("Kengo wa Dondo"), when
    that word ends the name."""
    index = end
    particles = name_particles()
    while index < len(doc) and doc[index].lower_ in particles and doc[index].is_lower:
        index += 1
    if index == end or index >= len(doc) or not _surname_word(doc[index]):
        return end
    after = doc[index + 1] if index + 1 < len(doc) else None
    if after is not None and after.is_alpha and after.text[:1].isupper():
        return end
    return index + 1


def _apostrophe_name(doc: Doc, start: int, end: int) -> tuple[int, int]:
    """A name with an apostrophe prefix kept whole when the model cut it: "Sean O" + "' Brien",
    "Sean O'" + "Brien" (tokenised text writes "O' Brien"), "O'" + "Neill"."""
    prefixes = word_lists().apostrophe_prefixes
    apostrophes = ("'", "\u2019")
    if end + 1 < len(doc) and doc[end - 1].text in prefixes and doc[end].text in apostrophes:
        if doc[end + 1].is_title and doc[end + 1].is_alpha:
            end += 2
    elif (
        end < len(doc)
        and doc[end - 1].text[:-1] in prefixes
        and doc[end - 1].text[-1:] in apostrophes
        and doc[end].is_title
        and doc[end].is_alpha
    ):
        end += 1
    if start > 0 and doc[start].is_title:
        before = doc[start - 1].text
        if before[:-1] in prefixes and before[-1:] in apostrophes:
            start -= 1
        elif start > 1 and before in apostrophes and doc[start - 2].text in prefixes:
            start -= 2
    return start, end


def _korean_given_name(doc: Doc, end: int) -> bool:
    """A hyphenated two-syllable given name after a one-word surname ("Kim In-so", "Li
    In-mo"): short parts, the second in lower case."""
    if end + 2 >= len(doc) or doc[end - 1].whitespace_ != " ":
        return False
    first, second = doc[end], doc[end + 2]
    return (
        first.is_alpha
        and first.is_title
        and len(first) <= 5
        and glued_hyphen(doc, end + 1)
        and second.is_alpha
        and second.is_lower
        and len(second) <= 5
    )


def _is_regnal_number(doc: Doc, start: int, end: int) -> bool:
    """The word at ``end`` is a regnal number after a one-word name, titles and nationality
    words aside ("Henry VIII", "Belgian King Baudouin I"); "I" only when no verb ending
    follows ("Pedro I 'm" is a pronoun)."""
    word = doc[end].text
    if word not in word_lists().regnal_numbers or not doc[end - 1].is_title:
        return False
    words = [token.text for token in doc[start:end]]
    lead = _demonym_length(doc, start, end)
    if lead + leading_title_length(words[lead:]) != len(words) - 1:
        return False
    after = doc[end + 1] if end + 1 < len(doc) else None
    return word != "I" or after is None or not after.text.startswith(("'", "\u2019"))


def _loose_name_word(token: Token) -> bool:
    return (
        token.is_alpha
        and token.is_title
        and token.pos_ == "PROPN"
        and not token.ent_type_
        and not token.is_stop
        and not is_title_word(token.text)
        and lookup_form(token.text) is None
    )


def best_segment(doc: Doc, start: int, end: int) -> tuple[int, int]:
    """The longest part of a run-on entity ("Jim Adams\nWASHINGTON", "Sri Lanka - Arjuna
    Ranatunga") that does not name a country or place; cut at line breaks, brackets and
    spaced dashes."""
    segments: list[tuple[int, int]] = []
    begin = start
    for index in range(start, end):
        token = doc[index]
        spaced_dash = token.text in ("-", "--") and bool(token.whitespace_) and index > start
        if token.is_space or token.text in ("(", ")", ",") or spaced_dash:
            segments.append((begin, index))
            begin = index + 1
        elif "\n" in token.whitespace_:
            segments.append((begin, index + 1))
            begin = index + 1
    segments.append((begin, end))
    segments = [(a, b) for a, b in segments if b > a]
    if len(segments) <= 1:
        return segments[0] if segments else (start, start)
    names = [(a, b) for a, b in segments if not names_a_place(doc[a:b].text)]
    if not names:
        return (start, start)
    return max(names, key=lambda ab: (sum(t.is_alpha for t in doc[ab[0] : ab[1]]), -ab[0]))


def _is_edge_punct(token: Token) -> bool:
    """Punctuation, or a number glued to a name by the model ("J. Ratcliffe 63")."""
    return (token.is_punct and token.text not in ("-",)) or any(c.isdigit() for c in token.text)
