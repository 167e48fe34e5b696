"""Country evidence beyond names, demonyms and big cities, for ``news_countries``: the wire
dateline, US states, smaller cities and countries inside government names. Stages are plain
functions over a Doc (tested on hand-built Docs); the word lists are in ``extract/rules/``,
read through ``extract.normalize.countries``."""

from __future__ import annotations

from spacy.tokens import Doc, Span

from extract.normalize.countries import (
    Country,
    country_by_code,
    find_dateline,
    is_central_bank,
    is_government_word,
    is_org_word,
    lookup_state,
)

# Entities that make a state or small city part of a name ("Virginia Woolf", "Texas Instruments").
NAME_LABELS = frozenset({"ORG", "PERSON", "FAC", "WORK_OF_ART", "EVENT", "LAW", "PRODUCT"})


def dateline_mention(doc: Doc) -> tuple[Span, Country] | None:
    """The place of the wire dateline opening the story ("VIENNA, Va., April 13 - ") as a span
    with its country (mention type "dateline"), or None."""
    found = find_dateline(doc.text)
    if found is None:
        return None
    span = doc.char_span(found.start, found.end, alignment_mode="expand")
    return None if span is None else (span, found.country)


def _covering_entity(doc: Doc, span: Span) -> Span | None:
    for ent in doc.ents:
        if ent.start <= span.start and ent.end >= span.end and ent.label_ in NAME_LABELS:
            return ent
        if ent.start > span.end:
            break
    return None


def is_plain_modifier(ent: Span, span: Span) -> bool:
    """An entity around a country word whose other words are all lower case ("its UK retail
    arm"): the country is a modifier of a common noun, not part of a name."""
    after = [token for token in ent if token.i >= span.end]
    rest = [token for token in ent if token.i < span.start] + after
    return any(token.is_alpha for token in after) and all(
        token.is_lower or token.is_punct or token.is_space or token.like_num for token in rest
    )


def names_government_body(doc: Doc, span: Span) -> bool:
    """The country at ``span`` is part of a government, court, military or central-bank name:
    a government word in the organisation entity around it or in the capitalised words right
    after it ("the U.S. Agriculture Department", "U.S. Army"), or a listed central bank before
    it ("Bank of Japan", "Reserve Bank of India")."""
    before = doc[max(0, span.start - 4) : span.start].text
    if is_central_bank(before, span.text):
        return True
    ent = _covering_entity(doc, span)
    if ent is not None:
        return ent.label_ == "ORG" and any(
            is_government_word(token.text) for token in ent if token.i >= span.end
        )
    for token in doc[span.end : span.end + 3]:
        if is_government_word(token.text):
            return True
        if not token.text[:1].isupper():
            break
    return False


def resolve_state(doc: Doc, span: Span, person_words: frozenset[str]) -> Country | None:
    """A US state as evidence of the USA (mention type "state"): a name written with a
    capital ("Florida", not "florida") that no person, company or work name holds (a state
    body's name may: "the New Jersey Board of Public Utilities"); an abbreviation only after
    a capitalised place and a comma ("Passaic County, N.J.", "Tampa, Fla."), where it cannot
    be "Miss." or "La."."""
    state = lookup_state(span.text)
    if state is None or not span.text[:1].isupper():
        return None
    if state.abbreviation and not (
        span.start >= 2 and doc[span.start - 1].text == "," and doc[span.start - 2].is_title
    ):
        return None
    if len(span) == 1 and span[0].lower_ in person_words:
        return None
    ent = _covering_entity(doc, span)
    if ent is not None and (ent.label_ != "ORG" or not names_government_body(doc, span)):
        return None
    if span.end < len(doc) and is_org_word(doc[span.end].text):
        return None
    usa = country_by_code("USA")
    return None if usa is None else usa._replace(mention_type="state")


def city_is_named(doc: Doc, span: Span, person_words: frozenset[str]) -> bool:
    """A smaller city ("Pittsburgh") counts only where the model sees a place and no name holds
    it: its name is more often a person's or a company's than a big city's."""
    if any(token.ent_type_ not in ("GPE", "LOC") for token in span):
        return False
    if len(span) == 1 and span[0].lower_ in person_words:
        return False
    return _covering_entity(doc, span) is None
