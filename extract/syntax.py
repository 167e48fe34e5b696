"""Parse helpers shared by the components, holding no rules: verbs, voice and the climb
from a token to the verb that governs it. Callers pass their own word lists."""

from __future__ import annotations

from spacy.tokens import Token

from extract.components._lemma import lemma_of

_VERB_POS = frozenset({"VERB", "AUX"})
MAX_CLIMB = 8


def is_verb(token: Token) -> bool:
    return token.pos_ in _VERB_POS


def verb_above(token: Token | None, transparent: frozenset[str] = frozenset()) -> Token | None:
    """The first verb at or above ``token`` ('damage worth ... earlier this year' → the verb
    whose object holds the date). Naming participles in ``transparent`` are climbed through:
    in 'farms known as new economic zones in 1987' the date is the clause's, not the naming's."""
    for _ in range(MAX_CLIMB):
        if token is None:
            return None
        if is_verb(token) and not (
            token.dep_ == "acl" and token.tag_ == "VBN" and lemma_of(token).lower() in transparent
        ):
            return token
        if token.head.i == token.i:
            return None
        token = token.head
    return None


def is_passive(verb: Token) -> bool:
    return any(child.dep_ in ("auxpass", "nsubjpass", "csubjpass") for child in verb.children)
