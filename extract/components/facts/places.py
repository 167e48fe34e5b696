"""Where a fact takes place or comes from: countries and places after location prepositions
on the verb, its arguments and the anchor."""

from __future__ import annotations

from typing import TYPE_CHECKING

from spacy.tokens import Span, Token

from extract.components._lemma import lemma_of
from extract.components.facts.clauses import (
    clause_chain,
    conjoined_verbs,
    inside,
    logical_arguments,
    own_arguments,
    verb_particles,
)
from extract.components.facts.climb import Link
from extract.components.facts.country_roles import role_links
from extract.normalize.facts import ROLE_RULES, FactRules
from extract.syntax import is_verb

if TYPE_CHECKING:
    from extract.components.facts.component import FactBuilder


def _of_phrases(token: Token) -> list[Token]:
    """Nouns of 'of' phrases on ``token``, also through 'worth' ('350 mln roubles worth of
    damage', '605,000 dlrs of debentures'): where they are is where the amount is."""
    found: list[Token] = []
    for child in token.children:
        holders = [child] if child.lower_ == "worth" else []
        if child.dep_ == "prep" and child.lower_ == "of":
            holders = [token]
        for holder in holders:
            for prep in holder.children:
                if prep.dep_ == "prep" and prep.lower_ == "of":
                    found.extend(p for p in prep.children if p.dep_ == "pobj")
    return found


def fact_places(
    builder: FactBuilder, span: Span, link: Link, *, person: bool = False
) -> dict[str, list]:
    """The place columns of a fact: the countries and places linked to its verb, arguments
    and anchor (to conjoined and raised verbs when those have none), then the countries it
    concerns in another role (``country_roles``)."""
    rules = builder.rules
    enabled = builder.place_rules
    verb = link.verb
    countries: list[tuple[str, str | None, str, str]] = []
    places: list[tuple[str, str]] = []
    seen: set[int] = set()
    collect_places(builder, _place_heads(builder, span, link), span, countries, places, seen)
    if verb is not None and "where_clause" in enabled:
        # 'in Thailand, where more than 5,000 people were killed'.
        for clause_verb in clause_chain(verb):
            if clause_verb.dep_ == "relcl" and any(
                c.lower_ == "where" for c in clause_verb.children
            ):
                add_place(builder, clause_verb.head, "in", countries, places, seen)
    if not places and verb is not None:
        conjuncts = _conjunct_heads(verb, rules, enabled)
        collect_places(builder, conjuncts, span, countries, places, seen)
    if "parenthetical" in enabled and len(countries) > 1:
        # 'come from Sri Lanka (7.1 mln dlrs) and West Germany (800,000 dlrs)': an amount
        # hanging from one of the countries is that country's.
        owner = builder.index.owner["countries"]
        rows = builder.index.rows["countries"]
        nearest = next((owner[t.i] for t in link.path[1:] if owner[t.i] >= 0), -1)
        if nearest >= 0:
            countries = [c for c in countries if c[2] == rows[nearest]["mention_id"]]
    linked = {c[2] for c in countries}
    for other in role_links(builder, span, link, person=person):
        if other.mention_id not in linked and ROLE_RULES[other.role] in enabled:
            countries.append(other)
            linked.add(other.mention_id)
    return {
        "country_iso3": [c[0] for c in countries],
        "country_prepositions": [c[1] for c in countries],
        "country_mention_ids": [c[2] for c in countries],
        "country_roles": [c[3] for c in countries],
        "places": [text for text, _ in places],
        "place_prepositions": [prep for _, prep in places],
    }


def _place_heads(builder: FactBuilder, span: Span, link: Link) -> list[Token]:
    """Words whose prepositional phrases may hold the fact's place: the verb and its
    particles, its subject and object phrases, the nouns climbed through and the anchor's."""
    enabled = builder.place_rules
    heads: list[Token] = []
    verb = link.verb
    if verb is not None:
        heads.append(verb)
        heads.extend(verb_particles(verb, builder.rules))
        subject, obj = logical_arguments(verb)
        if "subject_phrase" in enabled and subject is not None and not inside(subject, span):
            heads.append(subject)  # 'exports to Japan fell 2.3 pct to 1.28 billion'
        if "object_phrase" in enabled and obj is not None and not inside(obj, span):
            heads.append(obj)  # 'brought its order volume in Denmark to 100 mln marks'
    heads.extend(token for token in link.path if not is_verb(token))
    if span.root not in heads:
        heads.append(span.root)
    if "of_phrase" in enabled:
        heads.extend(_of_phrases(span.root))  # '350 mln roubles worth of damage in ...'
    for token in span:
        if token.pos_ in ("NOUN", "PROPN") and token not in heads:
            heads.append(token)
    return heads


def _conjunct_heads(verb: Token, rules: FactRules, enabled: frozenset[str]) -> list[Token]:
    """'killed 110 people and caused damage in Georgia': a conjoined verb's place; 'are
    believed to have been killed in Indonesia': the raised clause's."""
    conjuncts = [*conjoined_verbs(verb), *clause_chain(verb)[1:]]
    if "of_phrase" in enabled:
        for conjunct in list(conjuncts):
            obj = own_arguments(conjunct)[1]
            if obj is not None:
                conjuncts.extend([obj, *_of_phrases(obj)])
    if "raised_clause" in enabled:
        conjuncts.extend(c for c in verb.children if c.dep_ == "xcomp" and is_verb(c))
    for conjunct in list(conjuncts):
        conjuncts.extend(verb_particles(conjunct, rules))
    return conjuncts


def collect_places(
    builder: FactBuilder,
    heads: list[Token],
    span: Span,
    countries: list[tuple[str, str | None, str, str]],
    places: list[tuple[str, str]],
    seen: set[int],
    nested: bool = False,
) -> None:
    for head in heads:
        for prep in head.children:
            if prep.dep_ not in ("prep", "dative"):  # 'gave ... aid to Sri Lanka'
                continue
            if prep.lower_ not in builder.rules.location_prepositions:
                continue
            if span.start <= prep.i < span.end:
                continue
            for pobj in prep.children:
                if pobj.dep_ != "pobj":
                    continue
                for place in (pobj, *pobj.conjuncts):
                    if place.i in seen or span.start <= place.i < span.end:
                        continue
                    found = len(places)
                    add_place(builder, place, prep.lower_, countries, places, seen)
                    if (
                        len(places) == found
                        and not nested
                        and "nested_phrase" in (builder.place_rules)
                    ):
                        # 'exposure in loans to Brazil', 'in a park in Kenya': a place
                        # inside a phrase that is not one.
                        seen.add(place.i)
                        collect_places(builder, [place], span, countries, places, seen, True)


def add_place(
    builder: FactBuilder,
    token: Token,
    preposition: str,
    countries: list[tuple[str, str | None, str, str]],
    places: list[tuple[str, str]],
    seen: set[int],
) -> None:
    index = builder.index
    country = index.owner["countries"][token.i]
    if country >= 0:
        row = index.rows["countries"][country]
        country_span = index.spans["countries"][country]
        if country_span is not None:
            seen.update(range(country_span.start, country_span.end))
        # A city or capital stands for its country ('in Frankfurt'): role 'city'.
        role = "city" if row.get("mention_type") == "place" else "place"
        countries.append((row["iso3"], preposition, row["mention_id"], role))
        places.append((row["text"], preposition))
        return
    if token.ent_type_ in builder.rules.place_entity_labels:
        ent_start, ent_end = token.i, token.i + 1
        while ent_start > 0 and token.doc[ent_start].ent_iob_ == "I":
            ent_start -= 1
        while ent_end < len(token.doc) and token.doc[ent_end].ent_iob_ == "I":
            ent_end += 1
        seen.update(range(ent_start, ent_end))
        places.append((token.doc[ent_start:ent_end].text, preposition))
        return
    lemma = lemma_of(token).lower()
    if lemma in builder.rules.place_nouns:
        # 'the southern Soviet republic of Georgia': the country named after 'of'.
        for prep in token.children:
            if prep.dep_ == "prep" and prep.lower_ == "of":
                for pobj in prep.children:
                    if pobj.dep_ == "pobj" and index.owner["countries"][pobj.i] >= 0:
                        add_place(builder, pobj, preposition, countries, places, seen)
                        seen.add(token.i)
                        return
        count = index.owner["counts"][token.i]
        count_span = index.spans["counts"][count] if count >= 0 else None
        if count_span is not None:
            text = index.rows["counts"][count]["text"]
            seen.update(range(count_span.start, count_span.end))
        else:
            text = index.phrase(token)[0]
        seen.add(token.i)
        places.append((text, preposition))
        return
    if "possessive" in builder.place_rules and lemma not in builder.rules.non_place_nouns:
        # 'from China's CNPC', 'at South Africa's largest gold mine'.
        for child in token.children:
            if child.dep_ == "poss" and index.owner["countries"][child.i] >= 0:
                seen.add(token.i)
                add_place(builder, child, preposition, countries, places, seen)
                return
