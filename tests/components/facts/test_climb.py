"""The climb from an anchor to its verb, on hand-built parses."""

from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc

from extract.components.facts.climb import link_anchor, relative_clause_verb
from extract.components.facts.index import DocIndex
from extract.normalize.facts import load_fact_rules


def _parsed(blank_nlp: Language, words, pos, deps, heads) -> Doc:
    return Doc(blank_nlp.vocab, words=words, pos=pos, deps=deps, heads=heads)


def test_climb_object_of_the_verb(blank_nlp: Language) -> None:
    doc = _parsed(
        blank_nlp,
        ["Police", "recovered", "7,831", "persons"],
        ["NOUN", "VERB", "NUM", "NOUN"],
        ["nsubj", "ROOT", "nummod", "dobj"],
        [1, 1, 3, 1],
    )
    link = link_anchor(DocIndex(doc, load_fact_rules()), doc[2:4], persons=False)
    assert link.verb is not None
    assert (link.verb.text, link.role, link.rule) == ("recovered", "object", "object")
    assert [t.text for t in link.path] == ["persons"]


def test_climb_through_a_preposition(blank_nlp: Language) -> None:
    doc = _parsed(
        blank_nlp,
        ["Sales", "rose", "to", "221", "dlrs"],
        ["NOUN", "VERB", "ADP", "NUM", "NOUN"],
        ["nsubj", "ROOT", "prep", "nummod", "pobj"],
        [1, 1, 1, 4, 2],
    )
    link = link_anchor(DocIndex(doc, load_fact_rules()), doc[3:5], persons=False)
    assert link.verb is not None
    assert (link.verb.text, link.role, link.rule) == ("rose", "to", "preposition")


def test_climb_partitive_of(blank_nlp: Language) -> None:
    doc = _parsed(
        blank_nlp,
        ["They", "found", "a", "total", "of", "12", "people"],
        ["PRON", "VERB", "DET", "NOUN", "ADP", "NUM", "NOUN"],
        ["nsubj", "ROOT", "det", "dobj", "prep", "nummod", "pobj"],
        [1, 1, 3, 1, 3, 6, 4],
    )
    link = link_anchor(DocIndex(doc, load_fact_rules()), doc[5:7], persons=False)
    assert link.verb is not None
    assert (link.verb.text, link.role) == ("found", "object")
    assert [t.text for t in link.path] == ["people", "total"]


def test_climb_no_verb(blank_nlp: Language) -> None:
    doc = _parsed(
        blank_nlp,
        ["12", "people"],
        ["NUM", "NOUN"],
        ["nummod", "ROOT"],
        [1, 1],
    )
    link = link_anchor(DocIndex(doc, load_fact_rules()), doc[0:2], persons=False)
    assert (link.verb, link.role, link.rule) == (None, None, "no_predicate")


def test_climb_relative_clause_subject(blank_nlp: Language) -> None:
    doc = _parsed(
        blank_nlp,
        ["Police", "arrested", "Fu", "who", "fled"],
        ["NOUN", "VERB", "PROPN", "PRON", "VERB"],
        ["nsubj", "ROOT", "dobj", "nsubj", "relcl"],
        [1, 1, 1, 4, 2],
    )
    link = relative_clause_verb(doc[2])
    assert link is not None and link.verb is not None
    assert (link.verb.text, link.role, link.rule) == ("fled", "subject", "relative_clause")
