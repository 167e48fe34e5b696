"""Date scope from the previous sentence (date_link 'context'), on hand-built Docs."""

from __future__ import annotations

import pytest
from spacy.language import Language
from spacy.tokens import Doc

from extract.components.facts import link_facts
from tests.components.facts.docs import mention, parsed

YEAR_1986 = {"kind": "date", "start": "1986-01-01", "end": "1986-12-31", "grain": "year"}


def _two_sentences(nlp: Language, opener: str, verb: str, tag: str, modal: bool) -> Doc:
    """'In 1986 the group earned 12 dlrs . <opener> Sales rose to 30 dlrs .'"""
    rows = [
        ("In", "ADP", "prep", 4, "in"),
        ("1986", "NUM", "pobj", 0, "1986"),
        ("the", "DET", "det", 3, "the"),
        ("group", "NOUN", "nsubj", 4, "group"),
        ("earned", "VERB", "ROOT", 4, "earn"),
        ("12", "NUM", "nummod", 6, "12"),
        ("dlrs", "NOUN", "dobj", 4, "dlr"),
        (".", "PUNCT", "punct", 4, "."),
    ]
    tags = ["IN", "CD", "DT", "NN", "VBD", "CD", "NNS", "."]
    root = 10 if opener else 9
    second = [("Sales", "NOUN", "nsubj", root, "sale")]
    second_tags = ["NNS"]
    if opener:
        second.insert(0, (opener, "ADV", "advmod", root, opener.lower()))
        second_tags.insert(0, "RB")
    if modal:  # 'Sales will rise': the auxiliary hangs from the verb after it
        second.append(("will", "AUX", "aux", root + 1, "will"))
        second_tags.append("MD")
        root += 1
        second[0] = ("Sales", "NOUN", "nsubj", root, "sale")
    second += [
        (verb, "VERB", "ROOT", root, verb),
        ("to", "ADP", "prep", root, "to"),
        ("30", "NUM", "nummod", root + 3, "30"),
        ("dlrs", "NOUN", "pobj", root + 1, "dlr"),
        (".", "PUNCT", "punct", root, "."),
    ]
    second_tags += [tag, "IN", "CD", "NNS", "."]
    doc = parsed(nlp, [*rows, *second], tags=[*tags, *second_tags])
    mention(doc, "dates", 1, 2, timex="1986", **YEAR_1986)
    mention(doc, "money", 5, 7, amount=12, low=12, high=12, currency="USD", qualifier="exact")
    first_money = len(doc) - 3
    mention(doc, "money", first_money, first_money + 2, amount=30, low=30, high=30, currency="USD")
    return doc


def _dates(doc: Doc) -> list[tuple]:
    return [(f["date_start"], f["date_link"], f["date_rule"]) for f in link_facts(doc)]


def test_context_period_of_the_previous_sentence(blank_nlp: Language) -> None:
    doc = _two_sentences(blank_nlp, "", "rose", "VBD", modal=False)
    assert _dates(doc) == [
        ("1986-01-01", "clause", "same_clause"),
        ("1986-01-01", "context", "previous_period"),
    ]


@pytest.mark.parametrize(
    "opener,verb,tag,modal",
    [
        ("Meanwhile", "rose", "VBD", False),  # a time shift
        ("", "rise", "VB", True),  # 'will rise': another time
        ("", "rises", "VBZ", False),  # present tense
    ],
)
def test_context_period_not_taken(blank_nlp: Language, opener, verb, tag, modal) -> None:
    doc = _two_sentences(blank_nlp, opener, verb, tag, modal)
    assert _dates(doc)[1] == (None, "none", None)


def test_context_period_can_be_disabled(blank_nlp: Language) -> None:
    doc = _two_sentences(blank_nlp, "", "rose", "VBD", modal=False)
    facts = link_facts(doc, date_links=("same_clause",))
    assert [f["date_link"] for f in facts] == ["clause", "none"]
