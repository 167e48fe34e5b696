"""Evidence that a capitalised would-be person is an organisation, club, product or seat:
legal forms and organisation words, cue nouns before it, verbs and words after it."""

from __future__ import annotations

from spacy.tokens import Doc, Span

from extract.components._lemma import lemma_of
from extract.components.persons.words import reads_as_name
from extract.normalize.facts import load_fact_rules
from extract.normalize.persons import (
    fold,
    has_org_word,
    is_title_word,
    org_cue_after,
    org_cue_before,
    place_before_of,
    plural_verb_after,
    seat_before_for,
    strip_possessive,
)
from extract.normalize.persons_words import word_lists

_CUE_AFTER_WINDOW = 6


def organisation_texts(
    doc: Doc,
    ents: tuple[Span, ...],
    spans: list[Span],
    person_words: frozenset[str],
    protected: frozenset[str],
) -> frozenset[str]:
    """Folded texts of the article's would-be persons that are companies, publications or
    clubs: a legal form or organisation word in the name ("St Gallen Kantonalbank"), a noun
    before it ("the newspaper Nhan Dan") or words after it ("Yukos shares", "Conagra 's
    chairman") at any of its mentions, or, for a one-word name, an organisation entity that
    starts with it and carries an organisation word ("Pirelli SpA"). One-word texts that are
    words of a longer person name in the article are kept."""
    found: set[str] = set()
    for span in spans:
        if org_context(doc, span, person_words):
            found.add(fold(strip_possessive(span.text)))
    org_spans = [ent for ent in ents if ent.label_ in ("ORG", "PERSON")]
    for span in [*spans, *org_spans]:
        words = [token.text for token in span]
        if has_org_word(words):
            found.add(fold(strip_possessive(span.text)))
            # the company's short name: "Pirelli SpA" -> "Pirelli"
            short = next(i for i in range(len(words)) if has_org_word(words[: i + 1]))
            if short:
                found.add(fold(span[:short].text))
            if span.label_ == "ORG" and short > 1:  # "Magna International Inc" -> "Magna"
                found.add(fold(span[0].text))
    return frozenset(text for text in found if text not in protected)


def without_organisations(
    doc: Doc,
    mentions: list[tuple[Span, str | None]],
    organisations: frozenset[str],
    person_words: frozenset[str],
    protected: frozenset[str],
) -> list[tuple[Span, str | None]]:
    """Mentions left once organisation cues at the recovered mentions are read too ("Despite
    the defeat , Rotor are ..." after "Rotor Volgograd")."""
    found = set(organisations)
    for span, _ in mentions:
        if (
            len(span) == 1
            and span[0].ent_type_ != "PERSON"
            and org_context(doc, span, person_words)
        ):
            found.add(fold(strip_possessive(span.text)))
    found -= protected
    if not found:
        return mentions
    return [
        (span, title) for span, title in mentions if fold(strip_possessive(span.text)) not in found
    ]


def words_of_persons(ents: tuple[Span, ...]) -> frozenset[str]:
    return frozenset(t.lower_ for ent in ents if ent.label_ == "PERSON" for t in ent)


def plain_name_words(ents: tuple[Span, ...]) -> frozenset[str]:
    """Last words (surnames) of the article's multi-word PERSON entities that read as names:
    capitalised alphabetic words and particles only, no organisation word ("Henry Ford", not
    "Pirelli cables", "Pirelli SpA" or "Leicestershire 296"). A first word alone is not kept:
    "Pirelli" of "Pirelli Cables" is the company."""
    words: set[str] = set()
    for ent in ents:
        if ent.label_ != "PERSON" or len(ent) < 2 or has_org_word([t.text for t in ent]):
            continue
        if reads_as_name(ent):
            words.add(ent[-1].lower_)
    return frozenset(words)


def org_context(doc: Doc, span: Span, person_words: frozenset[str]) -> bool:
    before = doc[span.start - 1] if span.start > 0 else None
    if (
        before is not None
        and len(span) == 1
        and before.lower_ == "the"
        and span[0].is_title
        and (span.end >= len(doc) or doc[span.end].pos_ not in ("NOUN", "PROPN", "ADJ"))
        and span[0].lower_[:-1] not in person_words
    ):
        return True  # "the Brewers", "the Ashes"; not "the Dole campaign", "the Clintons"
    if (
        before is not None
        and before.lower_ == "of"
        and span.start > 1
        and place_before_of(doc[span.start - 2].text)
    ):
        return True  # "the town of Staouelli", "east of Tavildara"
    if _constituency(doc, span.start):
        return True  # "The MP for Sittingbourne and Sheppey"
    if before is not None and before.pos_ != "VERB" and org_cue_before(before.text):
        after = doc[span.end] if span.end < len(doc) else None
        relative_clause = (  # "the company Smith founded in 1990"; not "... Nhan Dan said"
            before.pos_ != "ADP"
            and after is not None
            and after.pos_ == "VERB"
            and after.tag_ in ("VBD", "VBZ", "VBP")
            and lemma_of(after) not in load_fact_rules().reporting_verbs
            and not any(child.dep_ in ("dobj", "obj", "ccomp") for child in after.children)
        )
        possessive = after is not None and after.tag_ == "POS"  # "in Smith 's house"
        if not relative_clause and not possessive:
            return True
    following = doc[span.end : span.end + _CUE_AFTER_WINDOW]
    if not len(following):
        return False
    coordinated = (
        any(  # "she and sister Venus are", "Smith and Jones are"
            token.lower_ in word_lists().word_coordinators
            for token in doc[max(0, span.start - 6) : span.start]
        )
        or (  # "Smith , Jones and Brown are": a comma after another name
            span.start > 1
            and doc[span.start - 1].text == ","
            and doc[span.start - 2].text[:1].isupper()
        )
    )
    if coordinated:
        return False
    if (
        len(span) == 1
        and not (span.start > 0 and is_title_word(doc[span.start - 1].text))  # "Lord Haskins"
        and plural_verb_after([token.text for token in following])
    ):
        return True  # "Rotor are well placed"
    if following[0].pos_ in ("VERB", "AUX") and not (
        len(following) > 1 and (following[1].pos_ in ("VERB", "AUX") or following[1].is_punct)
    ):
        return False  # "Smith shares the view" (but "Pirelli shares reacted")
    return org_cue_after([token.text for token in following], one_word_name=len(span) == 1)


def _constituency(doc: Doc, start: int) -> bool:
    """A name after "MP for", alone or joined to other capitalised words by "and": a seat in
    parliament ("the MP for Sittingbourne and Sheppey"); a comma ends the seat ("the MP for
    Bolton West, Ruth Kelly")."""
    index = start - 1
    while (
        index > 0
        and start - index <= 6
        and (doc[index].text in ("and", "&") or doc[index].is_title)
    ):
        index -= 1
    return index > 0 and doc[index].lower_ == "for" and seat_before_for(doc[index - 1].text)
