"""Countries a fact concerns beyond its place: the country that acts or undergoes (subject,
object), owns or modifies the anchor or an argument ("France's 577 deputies", "US wheat
exports"), or is in a person's title ("British Prime Minister Tony Blair")."""

from __future__ import annotations

from typing import TYPE_CHECKING, NamedTuple

from spacy.tokens import Span, Token

from extract.components._lemma import lemma_of
from extract.components.facts.clauses import inside, logical_arguments
from extract.components.facts.climb import Link
from extract.syntax import is_verb

if TYPE_CHECKING:
    from extract.components.facts.component import FactBuilder

# Dependents of a noun that modify it ('US wheat', 'British troops', 'the Chinese team').
_MODIFIER_DEPS = frozenset({"amod", "compound", "nmod", "nummod"})
# Dependents of a name that make up its title ('U.S. Treasury Secretary James Baker').
_TITLE_DEPS = frozenset({"amod", "compound", "nmod", "poss", "appos", "det"})
ROLE_ORDER = ("place", "city", "subject", "object", "owner", "modifier", "title")


class CountryLink(NamedTuple):
    iso3: str
    word: str | None  # the linking preposition ('in', 'of', "'s"), or None
    mention_id: str
    role: str  # one of ROLE_ORDER


def country_of(builder: FactBuilder, token: Token) -> dict | None:
    """The country mention ``token`` belongs to, or None."""
    index = builder.index.owner["countries"][token.i]
    return builder.index.rows["countries"][index] if index >= 0 else None


def _noun_links(builder: FactBuilder, noun: Token, span: Span | None) -> list[CountryLink]:
    """Owners (possessive, of-phrase) and modifiers of ``noun`` that are countries."""
    links = []
    for child in noun.children:
        if span is not None and inside(child, span):
            continue
        row = country_of(builder, child)
        if child.dep_ == "poss" and row is not None:
            links.append(CountryLink(row["iso3"], "'s", row["mention_id"], "owner"))
        elif child.dep_ in _MODIFIER_DEPS and row is not None:
            links.append(CountryLink(row["iso3"], None, row["mention_id"], "modifier"))
        elif child.dep_ == "prep" and child.lower_ == "of":
            for pobj in child.children:
                row = country_of(builder, pobj) if pobj.dep_ == "pobj" else None
                if row is not None:
                    links.append(CountryLink(row["iso3"], "of", row["mention_id"], "owner"))
    return links


def _argument_links(builder: FactBuilder, argument: Token, role: str) -> list[CountryLink]:
    """A country that is the argument ('Japan exported ...'), or whose government, army ...
    is ('the French government said'), has the argument's role; else it owns or modifies
    the argument ('US wheat exports fell')."""
    row = country_of(builder, argument)
    if row is not None:
        return [CountryLink(row["iso3"], None, row["mention_id"], role)]
    links = _noun_links(builder, argument, None)
    if lemma_of(argument).lower() in builder.rules.government_nouns:
        return [link._replace(role=role) for link in links]
    return links


def _title_links(builder: FactBuilder, span: Span) -> list[CountryLink]:
    """Countries in the words of a person's title, before the name or in apposition."""
    links = []
    stack = [child for child in span.root.children if not inside(child, span)]
    seen: set[int] = set()
    while stack:
        token = stack.pop()
        if token.i in seen or token.dep_ not in _TITLE_DEPS or is_verb(token):
            continue
        seen.add(token.i)
        row = country_of(builder, token)
        if row is not None:
            links.append(CountryLink(row["iso3"], None, row["mention_id"], "title"))
            continue
        stack.extend(token.children)
    return links


def role_links(builder: FactBuilder, span: Span, link: Link, *, person: bool) -> list[CountryLink]:
    """Country links by role other than place: subject/object, owner, modifier, title."""
    found: list[CountryLink] = []
    verb = link.verb
    if verb is not None and link.rule != "nominal_event":
        piece = builder.index.piece[verb.i]
        subject, obj = logical_arguments(verb)
        for argument, role in ((subject, "subject"), (obj, "object")):
            if argument is None or builder.index.piece[argument.i] != piece:
                continue
            if inside(argument, span):
                continue
            found.extend(_argument_links(builder, argument, role))
    if person:
        found.extend(_title_links(builder, span))
    else:
        anchor_nouns = [span.root, *(t for t in link.path if not is_verb(t))]
        for noun in dict.fromkeys(anchor_nouns):
            found.extend(_noun_links(builder, noun, span))
        for token in span:  # '300 British troops': a country inside the anchor
            row = country_of(builder, token)
            if row is not None and token.i != span.root.i:
                found.append(CountryLink(row["iso3"], None, row["mention_id"], "modifier"))
    unique: dict[str, CountryLink] = {}
    for country in found:
        unique.setdefault(country.mention_id, country)
    return list(unique.values())
