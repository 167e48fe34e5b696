"""What one token or short text looks like to the person rules: capitalised name words,
initials, glued hyphens, list separators, demonyms and place names."""

from __future__ import annotations

import re

from spacy.tokens import Doc, Span, Token

from extract.normalize.countries import (
    clean_mention,
    context_vetoes,
    exclusion_phrases,
    lookup_form,
)
from extract.normalize.persons import (
    is_title_word,
    name_particles,
)
from extract.normalize.persons_words import word_lists

INITIALS = re.compile(r"^(?:[A-Z]\.){1,3}$")
_FUNCTION_POS = frozenset({"DET", "PRON", "CCONJ", "SCONJ", "AUX", "PART"})
# Entity labels of words that are never recovered as names after a title.
NOT_NAME_ENTITY_LABELS = frozenset(
    {
        "DATE",
        "TIME",
        "CARDINAL",
        "ORDINAL",
        "MONEY",
        "PERCENT",
        "QUANTITY",
        "LOC",
        "FAC",
        "EVENT",
        "LAW",
        "LANGUAGE",
        "NORP",
    }
)


def reads_as_name(span: Span) -> bool:
    """Capitalised words without digits, particles and hyphens only ("Henry Ford", "Ludwig van
    Beethoven"; not "Pirelli cables", "Yorkshire at Headingley" or "Somerset 4")."""
    particles = name_particles()
    return all(
        (t.text[:1].isupper() and not any(c.isdigit() for c in t.text))
        or t.lower_ in particles
        or t.text == "-"
        for t in span
    )


_DIGIT = re.compile(r"\d")
_NAME_WORD = re.compile(r"[^\W\d_]+(?:['\u2019][^\W\d_]+)*$")  # "McGrath", "O'Neill"


def glued_hyphen(doc: Doc, index: int) -> bool:
    """A hyphen inside a word ("Mercedes-Benz", "Song-ho")."""
    return (
        doc[index].text == "-"
        and 0 < index < len(doc) - 1
        and not doc[index - 1].whitespace_
        and not doc[index].whitespace_
    )


def list_boundary(doc: Doc, index: int) -> bool:
    """A list separator at ``index``: text edge, punctuation, a number or a line break."""
    if index < 0 or index >= len(doc):
        return True
    token = doc[index]
    text = token.text
    if text == "-" and glued_hyphen(doc, index):
        return False
    if text in word_lists().list_separators or token.is_space or token.like_num:
        return True
    if index + 1 < len(doc) and "\n" in token.whitespace_:
        return True
    return _DIGIT.search(text) is not None


def inner_particle(doc: Doc, start: int, index: int) -> bool:
    """A particle inside a name, before a capitalised word or another particle ("Nico van
    Kerckhoven", "Joost van der Westhuizen")."""
    particles = name_particles()
    if index <= start or doc[index].lower_ not in particles:
        return False
    after = index + 1
    while after < len(doc) and doc[after].lower_ in particles:
        after += 1
    return after < len(doc) and recoverable_name_word(doc[after])


def is_demonym(token: Token) -> bool:
    """A nationality adjective before a name ("American Dennis Mitchell"); it needs two name
    words after it, like a capitalised title."""
    if not token.is_title:
        return False
    found = lookup_form(token.text)
    return found is not None and found.mention_type == "demonym"


def capitalised(token: Token) -> bool:
    """A capitalised word as names are written: "Lama", "McGrath", "DeFreitas", "O'Neill"."""
    if token.is_title and token.is_alpha:
        return len(token) > 1
    text = token.text
    return (
        len(text) > 1
        and text[0].isupper()
        and not text.isupper()
        and _NAME_WORD.match(text) is not None
    )


def recoverable_name_word(token: Token) -> bool:
    return (
        capitalised(token)
        and token.pos_ not in _FUNCTION_POS  # "The Aviator"
        and token.ent_type_ not in NOT_NAME_ENTITY_LABELS
        and not is_title_word(token.text)
        and lookup_form(token.text) is None
        and (not token.is_sent_start or _after_list_number(token))
    )


def dated_name_word(token: Token) -> bool:
    """A capitalised word the model read as a date that may be a surname after an honorific
    ("Mr May", "Mrs Winter", "Dr August"): one word, no number after it ("Mr May 5" is
    not a name)."""
    doc = token.doc
    after = doc[token.i + 1] if token.i + 1 < len(doc) else None
    return (
        token.is_alpha
        and token.is_title
        and token.ent_type_ in ("DATE", "TIME")
        and not is_title_word(token.text)
        and (after is None or not (after.like_num or after.ent_type_ in ("DATE", "TIME")))
    )


def _after_list_number(token: Token) -> bool:
    """Right after a list number or a line break ("62 Nolan Henke", "1. Alex Zanardi"): a
    sentence start there is only the parser's guess (but not a function word: "In Oakland")."""
    doc = token.doc
    if token.i == 0 or token.is_stop:
        return False
    before = doc[token.i - 1]
    return before.like_num or before.is_space or "\n" in before.whitespace_


QUOTES = frozenset({'"', "\u201c", "\u201d", "``", "''"})


def names_a_place(text: str) -> bool:
    """True when ``text`` is a region or group, or a country, demonym or city form that is not
    also a common personal name (those are listed with context vetoes, e.g. "Jordan")."""
    cleaned = clean_mention(text)
    if cleaned in exclusion_phrases():
        return True  # regions and groups ("Africans", "Middle East")
    return lookup_form(text) is not None and cleaned not in context_vetoes()


def in_compound(token: Token) -> bool:
    """Part of a hyphenated word ("Silk" in "Kilroy-Silk")."""
    doc = token.doc
    before = token.i > 0 and doc[token.i - 1].text == "-" and not doc[token.i - 1].whitespace_
    after = token.i + 1 < len(doc) and doc[token.i + 1].text == "-" and not token.whitespace_
    return before or after
