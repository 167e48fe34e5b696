"""The tense of the verb governing a date, which decides the direction of year-less
expressions."""

from __future__ import annotations

from spacy.tokens import Span, Token

from extract.components._lemma import lemma_of
from extract.normalize.dates_lexicon import DatesLexicon, load_dates_lexicon

_DEADLINE_PREPOSITIONS = load_dates_lexicon().deadline_prepositions


def governing_verb(span: Span) -> Token | None:
    token = span.root
    for _ in range(8):
        if token.pos_ in ("VERB", "AUX"):
            return token
        if token.head.i == token.i:
            return None
        token = token.head
    return None


def sentence_tense(span: Span, lexicon: DatesLexicon | None = None) -> str:
    """past, present or future: the tense of the verb that governs ``span``."""
    lexicon = lexicon or load_dates_lexicon()
    verb = governing_verb(span)
    if verb is None:
        return "present"  # no verb (listings, "Pay April 24"): the nearest one
    auxiliaries = [c for c in verb.children if c.dep_ in ("aux", "auxpass")]
    for _ in range(3):
        # A participle has no tense of its own: "Its stock has slumped, closing unchanged
        # Friday" takes the tense of "has slumped".
        if auxiliaries or verb.tag_ != "VBG" or verb.dep_ not in _PARTICIPLE_DEPS:
            break
        head = verb.head
        for _ in range(8):  # Tokens are new objects on each access: compare indices
            if head.pos_ in ("VERB", "AUX") or head.head.i == head.i:
                break
            head = head.head
        if head.pos_ not in ("VERB", "AUX") or head.i == verb.i:
            break
        verb = head
        auxiliaries = [c for c in verb.children if c.dep_ in ("aux", "auxpass")]
    if verb.lower_ in lexicon.future_auxiliaries or any(
        a.lower_ in lexicon.future_auxiliaries for a in auxiliaries
    ):
        return "future"
    if any(a.lower_ == "going" for a in auxiliaries):
        return "future"
    if any(a.tag_ == "MD" or a.lower_ == "to" for a in auxiliaries):
        # "must be returned by Jan. 14", "plans to meet on Tuesday", "expected to be
        # completed by Dec. 15": the nearest one; but a plan told in the pluperfect is over
        # ("had been due to expire Friday")
        return "past" if _in_pluperfect(verb) else "present"
    tenses = {t for token in (verb, *auxiliaries) for t in token.morph.get("Tense", [])}
    perfect = any(lemma_of(a) == "have" for a in auxiliaries)
    passive_present = any(
        a.dep_ == "auxpass" and "Pres" in a.morph.get("Tense", []) for a in auxiliaries
    )
    if passive_present and not perfect:
        return "present"  # "is expected in December", "is scheduled for Monday"
    if "Past" in tenses or verb.tag_ in ("VBD", "VBN"):
        before = span.doc[span.start - 1].lower_ if span.start > 0 else ""
        # "extended its deadline until Tuesday": a deadline may lie ahead; the nearest one
        return "present" if before in _DEADLINE_PREPOSITIONS else "past"
    if "Pres" in tenses:
        return "present"
    return "past"


_PARTICIPLE_DEPS = frozenset({"advcl", "acl", "xcomp", "conj", "relcl"})


def _in_pluperfect(verb: Token) -> bool:
    """The infinitive hangs on a verb in the past perfect: "had been scheduled to expire"."""
    head = verb.head
    if head.i == verb.i:
        return False
    if head.pos_ not in ("VERB", "AUX"):
        head = head.head  # "had been due to expire": "due" hangs on "been"
    helpers = [head, *(c for c in head.children if c.dep_ in ("aux", "auxpass"))]
    return any(t.lower_ == "had" for t in helpers)
