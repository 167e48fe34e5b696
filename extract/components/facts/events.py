"""Person events: the verbs a person mention is subject or object of, through conjoined
verbs and subjectless clauses that share the person."""

from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING

from spacy.tokens import Span

from extract.components._lemma import lemma_of
from extract.components.facts.clauses import SUBJECT_DEPS
from extract.components.facts.climb import Link, link_anchor, relative_clause_verb
from extract.syntax import is_passive, is_verb

if TYPE_CHECKING:
    from extract.components.facts.component import FactBuilder


# Clauses without a subject of their own whose subject is the person's ('took 10 years ...,
# winning Academy Awards'; 'is to get ... after winning a court battle').
_CONTROLLED_DEPS = frozenset({"xcomp", "advcl", "pcomp"})


def nominal_event(builder: FactBuilder, span: Span) -> Link | None:
    """'the arrest of X', "X's resignation": the person is the of-phrase or the possessive of
    an event noun of the lexicon, in the role the lexicon gives."""
    token = span.root
    while token.dep_ in ("conj", "appos") and token.head.i != token.i:
        token = token.head  # 'the arrest of X and Y'
    if token.dep_ == "poss":
        noun = token.head
    elif token.dep_ == "pobj" and token.head.lower_ == "of":
        noun = token.head.head
    else:
        return None
    if noun.pos_ not in ("NOUN", "PROPN"):
        return None
    event = builder.rules.events.nouns.get(lemma_of(noun).lower())
    if event is None:
        return None
    return Link(noun, event.argument, "nominal_event", [noun], [], event.predicate, event.category)


def person_links(builder: FactBuilder, span: Span) -> Iterator[Link]:
    nominal = nominal_event(builder, span)
    if nominal is not None:
        yield nominal
    link = link_anchor(builder.index, span, persons=True)
    relative = relative_clause_verb(span.root) if link.rule != "relative_clause" else None
    if (
        relative is not None
        and relative.verb is not None
        and builder.event_category(relative.verb) is not None
    ):
        yield relative
    if link.verb is None or link.role not in ("subject", "object"):
        return
    if builder.event_category(link.verb) is not None:
        yield link
    # Conjoined verbs without a subject of their own share the person: the subject of
    # 'fled ... and was arrested', the passive subject of 'was arrested and sent back'.
    passive_first = is_passive(link.verb)
    stack = [link.verb]
    while stack:
        verb = stack.pop()
        for child in verb.children:
            if child.dep_ != "conj" or not is_verb(child):
                continue
            if any(c.dep_ in SUBJECT_DEPS for c in child.children):
                continue
            if link.role == "subject":
                role = "object" if is_passive(child) else "subject"
            elif passive_first and not any(c.dep_ == "dobj" for c in child.children):
                role = "object"
            else:
                continue
            stack.append(child)
            if builder.event_category(child) is not None:
                yield Link(child, role, "conjunct", link.path)
    # Not under a reporting verb: in 'X announced the appointment of Y, replacing Z' the
    # -ing clause is about the news, not about X.
    if (
        link.role == "subject"
        and not is_passive(link.verb)
        and lemma_of(link.verb).lower() not in builder.rules.reporting_verbs
    ):
        yield from controlled_links(builder, link)


def controlled_links(builder: FactBuilder, link: Link) -> Iterator[Link]:
    """Subjectless infinitive and -ing clauses under the person's verb share its subject."""
    assert link.verb is not None
    stack = [(link.verb, 0)]
    while stack:
        verb, depth = stack.pop()
        for child in verb.children:
            target = child
            if child.dep_ == "prep":  # 'after winning ...'
                target = next((c for c in child.children if c.dep_ == "pcomp"), child)
            if target.dep_ not in _CONTROLLED_DEPS or not is_verb(target):
                continue
            if target.tag_ not in ("VB", "VBG") or is_passive(target):
                continue
            if any(c.dep_ in SUBJECT_DEPS for c in target.children):
                continue
            if depth < 2:
                stack.append((target, depth + 1))
            if builder.event_category(target) is not None:
                yield Link(target, "subject", "shared_subject", link.path)
