"""The climb from an anchor (a count, money or person mention) up the parse to the verb it
is an argument of, with the rule that made the link."""

from __future__ import annotations

from dataclasses import dataclass, field

from spacy.tokens import Span, Token

from extract.components._lemma import lemma_of
from extract.components.facts.index import DocIndex
from extract.normalize.facts import (
    logical_role,
)
from extract.syntax import MAX_CLIMB, is_passive, is_verb

_ARGUMENT_DEPS = frozenset(
    {"nsubj", "nsubjpass", "csubj", "dobj", "dative", "attr", "oprd", "acomp", "npadvmod"}
)
_PERSON_ROLE_DEPS = frozenset({"nsubj", "nsubjpass", "dobj", "dative"})
_MODIFIER_DEPS = frozenset({"compound", "nmod", "amod", "nummod", "poss", "quantmod"})
_SHARED_ROLE_DEPS = frozenset({"conj", "appos"})
_TITLE_ROLE_DEPS = frozenset({"dobj", "oprd", "nsubj", "nsubjpass"})
_RELATIVE_PRONOUNS = frozenset({"who", "whom", "that", "which"})


@dataclass
class Link:
    """How an anchor attaches to its verb."""

    verb: Token | None
    role: str | None
    rule: str
    path: list[Token] = field(default_factory=list)  # nominal heads climbed through
    extra_clause: list[Token] = field(default_factory=list)  # e.g. a participle in the anchor
    # A nominal event ('the arrest of X') names its predicate and category; ``verb`` is the noun.
    predicate: str | None = None
    category: str | None = None


def _conjunct_verb(token: Token, outside: Span) -> Token | None:
    for child in token.children:
        if child.dep_ == "conj" and is_verb(child) and not outside.start <= child.i < outside.end:
            return child
    return None


def _participle_inside(index: DocIndex, verb: Token) -> Span | None:
    """The quantity span holding ``verb`` when the parser took a participle inside it
    ('7,831 escaped persons') for a main verb."""
    for table in ("counts", "money"):
        owner = index.owner[table][verb.i]
        if owner >= 0:
            span = index.spans[table][owner]
            if span is not None and verb.i < span.end - 1:
                return span
    return None


def _repair_participle(index: DocIndex, verb: Token, link: Link) -> Link:
    span = _participle_inside(index, verb)
    if span is None:
        return link
    real = _conjunct_verb(verb, span)
    if real is None:
        return Link(None, None, "no_predicate", link.path, [verb])
    role = "object" if is_passive(real) else "subject"
    if link.rule == "preposition" or link.rule == "subset":
        role = link.role or role
    return Link(real, role, "participle_in_mention", link.path, [verb])


@dataclass
class _Climb:
    """Where the climb from an anchor is: the current token, the nominal heads climbed
    through, and the rule and linking word found on the way."""

    token: Token
    path: list[Token]
    rule: str | None = None
    role_word: str | None = None

    def up(self, head: Token) -> None:
        self.token = head
        self.path.append(head)


_CONTINUE, _STOP = "continue", "stop"


def link_anchor(index: DocIndex, span: Span, *, persons: bool) -> Link:
    """Climb the parse from an anchor to the verb it is an argument of."""
    token = span.root
    if not persons and is_verb(token) and token.i < span.end - 1:
        real = _conjunct_verb(token, span)
        if real is None:
            return Link(None, None, "no_predicate", [token], [token])
        role = "object" if is_passive(real) else "subject"
        return Link(real, role, "participle_in_mention", [token], [token])
    climb = _Climb(token, [token])
    for _ in range(MAX_CLIMB):
        step = _climb_step(index, climb, persons=persons)
        if step == _STOP:
            break
        if isinstance(step, Link):
            return step
    if persons:
        relative = relative_clause_verb(span.root)
        if relative is not None:
            return relative
    return Link(None, None, "no_predicate", climb.path)


def _climb_step(index: DocIndex, climb: _Climb, *, persons: bool) -> Link | str:
    """One step up from ``climb.token``: a link, ``_CONTINUE`` (climbed) or ``_STOP``."""
    token = climb.token
    head = token.head
    dep = token.dep_
    if head.i == token.i:
        return _STOP
    if dep in _SHARED_ROLE_DEPS and not is_verb(head):
        climb.up(head)
        return _CONTINUE
    if persons and dep == "compound":
        # 'named Robert Benders president': a name glued to the title noun after it.
        if head.pos_ == "NOUN" and head.dep_ in _TITLE_ROLE_DEPS and is_verb(head.head):
            role = "subject" if head.dep_ == "nsubj" else "object"
            return Link(head.head, role, role, [*climb.path, head])
        return _STOP
    if dep in _MODIFIER_DEPS and not is_verb(head):
        climb.rule = climb.rule or "noun_modifier"
        climb.up(head)
        return _CONTINUE
    if dep == "pobj":
        return _prepositional_step(index, climb, head, persons=persons)
    return _argument_step(index, climb, dep, head, persons=persons)


def _prepositional_step(
    index: DocIndex, climb: _Climb, prep: Token, *, persons: bool
) -> Link | str:
    """From a preposition's object to what the preposition hangs from."""
    rules = index.rules
    # Stacked prepositions: 'rise to between 13.50 and 14 dlrs' hangs from 'to'.
    while prep.dep_ == "prep" and prep.head.pos_ == "ADP" and prep.head.i != prep.i:
        prep = prep.head
    governor = prep.head
    if (
        governor.pos_ in ("ADV", "ADJ")
        and governor.dep_ in ("advmod", "acomp")
        and is_verb(governor.head)
    ):
        governor = governor.head  # 'sales were up 11 pct to 221.0 mln dlrs'
    word = prep.lower_
    if prep.dep_ == "agent" and is_verb(governor):
        return _finish(index, Link(governor, "subject", climb.rule or "subject", climb.path))
    if persons:
        return _STOP
    if word == "of" and not is_verb(governor):
        climb.up(governor)  # partitive: 'a total of 7,831 ...'
        return _CONTINUE
    if lemma_of(prep).lower() in rules.subset_markers or word in rules.subset_markers:
        climb.rule, climb.role_word = "subset", word
    elif climb.rule is None:
        climb.rule, climb.role_word = "preposition", word
    if is_verb(governor) and prep.dep_ in ("prep", "dative", "agent"):
        assert climb.rule is not None
        return _finish(index, Link(governor, climb.role_word, climb.rule, climb.path))
    if governor.i == prep.i:
        return _STOP
    climb.up(governor)
    return _CONTINUE


def _argument_step(
    index: DocIndex, climb: _Climb, dep: str, head: Token, *, persons: bool
) -> Link | str:
    """From an argument of a verb to the verb."""
    if dep in ("nsubj", "nsubjpass") and head.dep_ in ("aux", "auxpass") and is_verb(head):
        # 'Durkin was re-elected': the parser hung the subject on the auxiliary.
        dep = "nsubjpass" if head.dep_ == "auxpass" or is_passive(head.head) else dep
        head = head.head
    if not (dep in _ARGUMENT_DEPS and is_verb(head)):
        return _STOP
    if persons and dep not in _PERSON_ROLE_DEPS:
        return _STOP
    argument_role = logical_role(dep)
    if argument_role is None:
        return _STOP
    if dep == "attr" and any(c.dep_ == "expl" for c in head.children):
        argument_role = "subject"  # 'there is one person at large': the pivot
    if climb.role_word is not None:
        link = Link(head, climb.role_word, climb.rule or "preposition", climb.path)
        return _finish(index, link)
    return _finish(index, Link(head, argument_role, climb.rule or argument_role, climb.path))


def relative_clause_verb(name: Token) -> Link | None:
    """'Fu Yaobo and Zhang Qingzhao who fled to ...': a 'who' right after the name (or after a
    name conjoined to it) makes the name the relative clause's subject, wherever the parser
    attached the clause."""
    doc = name.doc
    for token in (name, *name.conjuncts):
        following = token.i + 1
        if following < len(doc) and doc[following].text == ",":
            following += 1
        if following >= len(doc):
            continue
        pronoun = doc[following]
        verb = pronoun.head
        if (
            pronoun.lower_ in _RELATIVE_PRONOUNS
            and pronoun.dep_ in _PERSON_ROLE_DEPS
            and verb.dep_ == "relcl"
            and is_verb(verb)
        ):
            return Link(verb, logical_role(pronoun.dep_), "relative_clause", [name])
    return None


def _finish(index: DocIndex, link: Link) -> Link:
    assert link.verb is not None
    return _repair_participle(index, link.verb, link)
