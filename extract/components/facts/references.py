"""Persons reached through a reference: "X, along with Y, was arrested" (Y is arrested too:
``list_member``) and a pronoun in the same sentence ("Christians said he met Baker": Christians
met Baker: ``pronoun``)."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import replace
from typing import TYPE_CHECKING

from spacy.tokens import Span, Token

from extract.components.facts.climb import Link, link_anchor
from extract.syntax import is_verb

if TYPE_CHECKING:
    from extract.components.facts.component import FactBuilder

_PRONOUNS = frozenset({"he", "she", "him", "her"})
_PRONOUN_DEPS = frozenset({"nsubj", "nsubjpass", "dobj"})
_ALONG_WORDS = frozenset({"along", "together"})


def list_partner(span: Span) -> Token | None:
    """X of "X, along with Y," / "X together with Y" for the person Y, else None."""
    token = span.root
    with_word = token.head
    if token.dep_ != "pobj" or with_word.lower_ != "with" or with_word.i == token.i:
        return None
    along = with_word.head
    if along.lower_ in _ALONG_WORDS and along.i != with_word.i:
        partner = along.head  # 'along' hangs from X, 'with' from 'along'
    elif with_word.i > 0 and span.doc[with_word.i - 1].lower_ in _ALONG_WORDS:
        partner = with_word.head  # 'with' hangs from X
    else:
        return None
    if is_verb(partner):  # 'X, along with Y, was arrested': the parser hung it on the verb
        subject = next((c for c in partner.children if c.dep_ in ("nsubj", "nsubjpass")), None)
        if subject is None:
            return None
        partner = subject
    if partner.pos_ not in ("NOUN", "PROPN", "PRON") or partner.i == token.i:
        return None
    return partner


def list_links(builder: FactBuilder, span: Span) -> Iterator[Link]:
    """The events of X, for Y in "X, along with Y,"."""
    from extract.components.facts.events import person_links

    partner = list_partner(span)
    if partner is None:
        return
    doc = span.doc
    for link in person_links(builder, doc[partner.i : partner.i + 1]):
        yield replace(link, rule="list_member")


def pronoun_links(builder: FactBuilder, span: Span) -> Iterator[Link]:
    """Events of 'he'/'she' later in the person's sentence, when the person is the nearest
    person mention before the pronoun (no other person between them) and the pronoun is the
    subject or object of an event verb."""
    index = builder.index
    doc = span.doc
    sentence = index.sentence[span.start]
    persons = index.owner["persons"]
    for i in range(span.end, len(doc)):
        if index.sentence[i] != sentence:
            break
        if persons[i] >= 0:
            return  # another person: later pronouns are not clearly this one's
        token = doc[i]
        if token.lower_ not in _PRONOUNS or token.dep_ not in _PRONOUN_DEPS:
            continue
        link = link_anchor(index, doc[i : i + 1], persons=True)
        if link.verb is None or link.role not in ("subject", "object"):
            continue
        if builder.event_category(link.verb) is not None:
            yield replace(link, rule="pronoun")
