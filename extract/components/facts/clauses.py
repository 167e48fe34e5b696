"""A verb's clause: its particles, its logical subject and object, the verbs it is conjoined
to, the verbs governing it, and the clause a reporting verb reports."""

from __future__ import annotations

from spacy.tokens import Span, Token

from extract.components._lemma import lemma_of
from extract.normalize.facts import (
    FactRules,
)
from extract.syntax import MAX_CLIMB, is_passive, is_verb

SUBJECT_DEPS = frozenset({"nsubj", "nsubjpass", "csubj", "csubjpass"})
NOUN_CLAUSE_DEPS = frozenset({"relcl", "acl"})


def _participle_inside_any(verb: Token) -> Token | None:
    """The noun a participle inside a quantity modifies ('escaped persons' → persons), when
    the parser made the participle a main verb with that noun as its object."""
    if verb.i == 0 or not verb.doc[verb.i - 1].like_num:
        return None
    for child in verb.children:
        if child.dep_ == "dobj" and child.i == verb.i + 1:
            return child
    return None


def verb_particles(verb: Token, rules: FactRules) -> list[Token]:
    if lemma_of(verb) == "be":
        return []  # 'sales were up 11 pct': a predicative adverb, not a particle
    found = []
    for child in verb.children:
        if child.dep_ == "prt" or (
            child.dep_ == "advmod" and child.lower_ in rules.particles and 0 < child.i - verb.i <= 2
        ):
            found.append(child)
    return found


def own_arguments(verb: Token) -> tuple[Token | None, Token | None]:
    subject = obj = None
    for child in verb.children:
        dep = child.dep_
        if dep in ("nsubj", "csubj") and subject is None:
            subject = child
        elif dep == "agent":
            subject = next((c for c in child.children if c.dep_ == "pobj"), subject)
        elif dep in ("nsubjpass", "csubjpass") or (dep in ("dobj", "attr") and obj is None):
            obj = child
    return subject, obj


def logical_arguments(verb: Token) -> tuple[Token | None, Token | None]:
    """Logical subject and object of ``verb``; a conjoined verb without a subject shares that
    of the verb it is conjoined to, and its object too when that verb is passive ('X was
    arrested and sent back': X is sent back)."""
    subject, obj = own_arguments(verb)
    if any(c.dep_ in SUBJECT_DEPS for c in verb.children):
        return subject, obj
    passive = is_passive(verb)
    for head in clause_chain(verb)[1:]:
        if passive and obj is None and _participle_inside_any(head) is not None:
            return subject, _participle_inside_any(
                head
            )  # '7,831 escaped persons ... were recovered'
        if not any(c.dep_ in SUBJECT_DEPS for c in head.children):
            continue
        head_subject, head_obj = own_arguments(head)
        if is_passive(head):
            return head_subject, obj or head_obj
        if passive:
            return subject, obj  # an active subject is not a passive verb's agent
        return subject or head_subject, obj
    return subject, obj


def clause_chain(verb: Token) -> list[Token]:
    """The verb, then the verbs it is conjoined to (their dates scope it when it has none)."""
    verbs = [verb]
    head = verb
    for _ in range(MAX_CLIMB):
        if head.dep_ != "conj" or head.head.i == head.i or not is_verb(head.head):
            break
        head = head.head
        verbs.append(head)
    return verbs


def conjoined_verbs(verb: Token) -> list[Token]:
    """Verbs conjoined after ``verb`` that share its subject (no subject of their own) and its
    voice ('killed ... and caused ...', not 'fled ... and was arrested ...')."""
    found = []
    passive = is_passive(verb)
    auxiliaries = any(c.dep_ in ("aux", "auxpass") for c in verb.children)
    for child in verb.children:
        if child.dep_ != "conj" or not is_verb(child):
            continue
        if not any(c.dep_ in SUBJECT_DEPS for c in child.children):
            if is_passive(child) == passive:
                found.append(child)
        elif (
            auxiliaries
            and child.tag_ == "VBN"
            and not any(c.dep_ in ("aux", "auxpass") for c in child.children)
        ):
            found.append(child)  # 'six were killed and four injured in ... today': gapped
    return found


def ancestor_verbs(
    token: Token, exclude: set[int], reporting: frozenset[str], temporal: frozenset[str]
) -> set[int]:
    """Verbs governing ``token``'s clause, up to the first relative or participial clause
    boundary (a clause modifying a noun has its own time) or adverbial clause with its own
    subject that is not a 'when' clause ('was in 1914 when 1,014 people drowned'). Reporting verbs are left out: the
    day something was said does not date what was said."""
    found: set[int] = set()
    current = token
    for ancestor in token.ancestors:
        if current.dep_ in NOUN_CLAUSE_DEPS:
            break
        if (
            current.dep_ == "advcl"
            and any(c.dep_ in SUBJECT_DEPS for c in current.children)
            and not any(c.lower_ in temporal for c in current.children)
        ):
            break  # 'continued today, even though X has returned': a clause of its own time
        current = ancestor
        if is_verb(ancestor) and lemma_of(ancestor).lower() in reporting:
            break
        if is_verb(ancestor) and ancestor.i not in exclude:
            found.add(ancestor.i)
    return found


def modals(verb: Token) -> frozenset[str]:
    return frozenset(c.lower_ for c in verb.children if c.tag_ == "MD")


def reported_clause(token: Token, reporting: frozenset[str]) -> Token | None:
    """The clause under the nearest reporting verb above ``token`` ('said he would plead
    ...' → 'plead'), or None when no reporting verb governs it."""
    current = token
    for ancestor in token.ancestors:
        if is_verb(ancestor) and lemma_of(ancestor).lower() in reporting:
            return current
        current = ancestor
    return None


def inside(token: Token, span: Span) -> bool:
    return span.start <= token.i < span.end
