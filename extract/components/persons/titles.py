"""What precedes or follows a name and is its title or role ("Prime Minister", ", director of
..."), read through ``extract.normalize.persons`` on token kinds."""

from __future__ import annotations

from spacy.tokens import Doc, Span, Token

from extract.normalize.countries import (
    lookup_form,
)
from extract.normalize.persons import (
    ADJ,
    BREAK,
    COMPOUND,
    ENT,
    OTHER,
    PERSON,
    POSS,
    PUNCT,
    is_honorific,
    is_title_word,
    title_after,
    title_before,
    title_before_comma,
    title_lexicon,
)

# Entities that may sit inside a title ("Singapore's ambassador to China", "U.S. President").
TITLE_ENTITY_LABELS = frozenset({"GPE", "ORG", "NORP", "LOC", "FAC"})
_WINDOW = 14  # tokens looked at on each side of a name for a title
_MODIFIER_DEPS = frozenset({"compound", "amod"})  # a word modifying the title word after it
_COMPARATIVE_TAGS = frozenset({"JJR", "JJS", "RBR", "RBS"})
_NUMERIC_ENTITY_LABELS = frozenset(
    {"DATE", "TIME", "CARDINAL", "ORDINAL", "QUANTITY", "MONEY", "PERCENT"}
)


def _nationality_start(doc: Doc, end: int, sent_start: int) -> int | None:
    """Start of a nationality right before a name the model found, with the modifiers before
    it ("American Serena Williams", "fellow Russian Svetlana Kuznetsova"); the model often
    labels the adjective ORG or NORP, which ``title_before`` reads as a complement only."""
    for size in (2, 1):
        start = end - size
        if start < sent_start or not all(token.is_title for token in doc[start:end]):
            continue
        found = lookup_form(doc[start:end].text)
        if found is not None and found.mention_type == "demonym":
            return modifiers_start(doc, start, sent_start)
    return None


def modifiers_start(doc: Doc, start: int, sent_start: int) -> int:
    """``start`` moved back over title modifiers ("fellow", "former") before a title word."""
    modifiers = title_lexicon().modifiers
    while start > sent_start and doc[start - 1].lower_ in modifiers:
        start -= 1
    return start


def role_without_honorific(title: Span) -> str:
    """The title text; an honorific between a role and the name is left out, so the column
    holds the role ("Federal Reserve chairman Mr Greenspan" → "Federal Reserve chairman",
    "Prime Minister Dr. Mahathir" → "Prime Minister"); an honorific alone stays ("Mr"), and so
    does one after a role joined by a link word ("a spokesman for Mr Prescott" → "Mr")."""
    end = len(title)
    while end > 1 and is_honorific(title[end - 1].text):
        end -= 1
    if end < len(title) and title[end - 1].lower_ in title_lexicon().links:
        return title[end:].text  # "a spokesman for Mr Prescott": the role is someone else's
    if end < len(title) and any(
        is_title_word(token.text) and not is_honorific(token.text) for token in title[:end]
    ):
        return title[:end].text
    if end < len(title):
        return title[end:].text  # no role before the honorific: "deal with Tanzania Mr Brown"
    return title.text


def title_of(doc: Doc, ent: Span, name: Span, *, appositions: bool) -> str | None:
    """Title text: inside the entity, before it, or (failing both) an apposition after.
    ``ent`` starts where the words cut off the front of the name begin."""
    title_start = ent.start if name.start > ent.start else None
    sent_start = ent.sent.start if doc.has_annotation("SENT_START") else 0
    left = doc[max(sent_start, ent.start - _WINDOW) : ent.start]
    before = title_before([t.text for t in left], [_kind(t) for t in left])
    if before:
        title_start = ent.start - before
    if title_start is None:
        title_start = _nationality_start(doc, ent.start, sent_start)
    if title_start is not None:
        return role_without_honorific(doc[title_start : name.start])
    if appositions:
        left = doc[max(sent_start, ent.start - _WINDOW * 2) : ent.start]
        comma = title_before_comma([t.text for t in left], [_kind(t) for t in left])
        if comma:
            return doc[ent.start - comma : ent.start - 1].text
    if not appositions:
        return None
    sent_end = ent.sent.end if doc.has_annotation("SENT_START") else len(doc)
    right = doc[name.end : min(sent_end, name.end + _WINDOW * 2)]
    found = title_after([t.text for t in right], [_kind(t) for t in right])
    if found is None:
        return None
    first, last = found
    return doc[name.end + first : name.end + last].text


def _kind(token: Token) -> str:
    if token.ent_type_ == "PERSON":
        return PERSON
    if token.is_space or "\n" in token.whitespace_ or _spaced_dash(token):
        return BREAK  # even inside a run-on entity ("ROME - Israeli")
    if token.is_quote:
        return PUNCT
    if is_honorific(token.text):
        return OTHER  # "Mr" of '" Mr de Vabres' labelled ORG is still a title
    if token.ent_type_ in TITLE_ENTITY_LABELS:
        return ENT
    if token.tag_ == "POS":
        return POSS
    if token.is_punct:
        return PUNCT
    if (
        token.dep_ in _MODIFIER_DEPS
        and 0 < token.head.i - token.i <= 3
        and token.pos_ in ("NOUN", "PROPN", "ADJ")
        and token.tag_ not in _COMPARATIVE_TAGS  # "Earlier", "biggest"
        and token.ent_type_ not in _NUMERIC_ENTITY_LABELS  # "Last year actor ..."
        and not any(child.like_num for child in token.lefts)  # not "100 metres champion"
        and not (token.i > 0 and token.doc[token.i - 1].like_num)  # "5,000m champion"
    ):
        return COMPOUND  # "Economics Minister", "election chief", "development secretary"
    if token.pos_ == "ADJ":
        return ADJ
    return OTHER


def _spaced_dash(token: Token) -> bool:
    """A dash with spaces on both sides, as after a dateline ("ROME - Israeli ...")."""
    if token.text not in ("-", "--") or not token.whitespace_ or token.i == 0:
        return False
    return bool(token.doc[token.i - 1].whitespace_)
