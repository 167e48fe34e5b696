"""Article-level evidence whether a one-word "person" is a person or an organisation: a
company or product says "it" ("Ericsson said it won") and the model tags it ORG or PRODUCT
elsewhere; a person has a title, a longer name or "he"/"she" ("Flett said he")."""

from __future__ import annotations

from spacy.tokens import Doc, Span

from extract.components._lemma import lemma_of
from extract.normalize.facts import load_fact_rules
from extract.normalize.persons import fold, strip_possessive

Mention = tuple[Span, str | None]
_PERSON_PRONOUNS = frozenset({"he", "she"})
_THING_PRONOUNS = frozenset({"it"})
_ORG_LABELS = frozenset({"ORG", "PRODUCT"})


def reported_pronoun(doc: Doc, span: Span) -> str | None:
    """The pronoun right after a reporting verb that follows the name ("Ericsson said it",
    "Flett said he", "Dell says it"), lower-cased, or None."""
    verb = span.end
    if verb + 1 >= len(doc) or lemma_of(doc[verb]).lower() not in load_fact_rules().reporting_verbs:
        return None
    pronoun = doc[verb + 1].lower_
    return pronoun if pronoun in _PERSON_PRONOUNS | _THING_PRONOUNS else None


def reported_pronouns(doc: Doc) -> dict[str, set[str]]:
    """For each capitalised word right before a reporting verb and "it", "he" or "she"
    anywhere in the article, its folded text and those pronouns: the evidence of every
    mention, whatever the model tagged it there."""
    found: dict[str, set[str]] = {}
    for index in range(len(doc) - 2):
        word = doc[index]
        if doc[index + 2].lower_ not in _PERSON_PRONOUNS | _THING_PRONOUNS or not word.is_title:
            continue
        pronoun = reported_pronoun(doc, doc[index : index + 1])
        if pronoun is not None:
            found.setdefault(fold(word.text), set()).add(pronoun)
    return found


def name_words(mentions: list[Mention]) -> frozenset[str]:
    """Folded first and last words of the mentions of two or more words ("kilroy-silk" of
    "Robert Kilroy-Silk"): a one-word mention that is one of them is part of a person's name."""
    words = (fold(strip_possessive(span.text)).split() for span, _ in mentions)
    return frozenset(word for parts in words if len(parts) > 1 for word in (parts[0], parts[-1]))


def unevidenced_organisations(
    doc: Doc, ents: tuple[Span, ...], mentions: list[Mention], recovered: frozenset[str]
) -> frozenset[str]:
    """Folded one-word texts of mentions with organisation evidence and no person evidence
    anywhere in the article: "it" after a reporting verb (at any of its occurrences), or an ORG/PRODUCT entity of the same
    text, against a title, "he"/"she" after a reporting verb, a longer name holding it, or a
    mention a recovery pass found from a person's layout (``recovered``: a scorecard, a list
    of people, a title before it)."""
    groups: dict[str, list[Mention]] = {}
    for span, title in mentions:
        text = fold(strip_possessive(span.text))
        if len(text.split()) == 1:
            groups.setdefault(text, []).append((span, title))
    if not groups:
        return frozenset()
    tagged = {fold(ent.text) for ent in ents if ent.label_ in _ORG_LABELS}
    longer = name_words(mentions)
    reported = reported_pronouns(doc)
    found = set()
    for text, group in groups.items():
        pronouns = reported.get(text, set())
        person = (
            text in recovered
            or any(title is not None for _, title in group)
            or text in longer
            or bool(pronouns & _PERSON_PRONOUNS)
        )
        if not person and (text in tagged or pronouns & _THING_PRONOUNS):
            found.add(text)
    return frozenset(found)


def without_unevidenced(
    doc: Doc, ents: tuple[Span, ...], mentions: list[Mention], recovered: frozenset[str]
) -> list[Mention]:
    """``mentions`` without the one-word names that read as organisations
    (``unevidenced_organisations``)."""
    found = unevidenced_organisations(doc, ents, mentions, recovered)
    if not found:
        return mentions
    return [mention for mention in mentions if fold(strip_possessive(mention[0].text)) not in found]
