"""Which date scopes a fact, and where it takes place: link_facts on hand-built Docs that
carry their mention lists."""

from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc

from extract.components.facts import link_facts
from extract.components.facts.climb import Link
from extract.components.facts.date_scope import fact_clause
from extract.normalize.facts import load_fact_rules

WORDS = ["Police", "recovered", "12", "persons", "on", "April", "28", "in", "China", "."]
POS = ["NOUN", "VERB", "NUM", "NOUN", "ADP", "PROPN", "NUM", "ADP", "PROPN", "PUNCT"]
DEPS = ["nsubj", "ROOT", "nummod", "dobj", "prep", "pobj", "nummod", "prep", "pobj", "punct"]
HEADS = [1, 1, 3, 1, 1, 4, 5, 1, 7, 1]
LEMMAS = ["police", "recover", "12", "person", "on", "April", "28", "in", "China", "."]


def _doc(blank_nlp: Language) -> Doc:
    doc = Doc(blank_nlp.vocab, words=WORDS, pos=POS, deps=DEPS, heads=HEADS, lemmas=LEMMAS)
    doc._.doc_id = "d"

    def span(first: int, last: int, table: str, **values: object) -> dict:
        piece = doc[first:last]
        return {
            "mention_id": f"d:{table}:0",
            "start_char": piece.start_char,
            "end_char": piece.end_char,
            "text": piece.text,
            **values,
        }

    doc._.counts = [span(2, 4, "counts", value=12, low=12, high=12, qualifier="exact")]
    doc._.dates = [
        span(5, 7, "dates", kind="date", start="2020-04-28", end="2020-04-28", grain="day")
    ]
    doc._.countries = [span(8, 9, "countries", iso3="CHN")]
    return doc


def test_date_scope_same_clause_date_and_place(blank_nlp: Language) -> None:
    [fact] = link_facts(_doc(blank_nlp))
    assert fact["predicate"] == "recover"
    assert fact["role"] == "object"
    assert (fact["date_mention_id"], fact["date_start"], fact["date_rule"], fact["date_link"]) == (
        "d:dates:0",
        "2020-04-28",
        "same_clause",
        "clause",
    )
    assert fact["country_iso3"] == ["CHN"]
    assert fact["country_prepositions"] == ["in"]
    assert fact["places"] == ["China"]


def test_date_scope_date_links_can_be_disabled(blank_nlp: Language) -> None:
    [fact] = link_facts(_doc(blank_nlp), date_links=())
    assert (fact["date_mention_id"], fact["date_rule"], fact["date_link"]) == (None, None, "none")


def test_places_rules_can_be_disabled(blank_nlp: Language) -> None:
    [fact] = link_facts(_doc(blank_nlp), place_rules=())
    assert fact["country_iso3"] == ["CHN"]  # a preposition on the verb needs no rule


def test_date_scope_fact_clause(blank_nlp: Language) -> None:
    doc = _doc(blank_nlp)
    link = Link(doc[1], "object", "object", [doc[3]])
    clause = fact_clause(load_fact_rules(), doc[2:4], link, quantity=True)
    assert clause.order == {3: 0, 1: 1, 0: 2}
    assert clause.core_ids == {3, 1}
    assert clause.anchor_nouns == {2, 3}
    assert clause.verb_ids == {1}
    assert clause.governing == set()
