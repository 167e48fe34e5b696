"""Country links by role (place, city, subject/object, owner, modifier, title), on hand-built
Docs."""

from __future__ import annotations

from spacy.language import Language

from extract.components.facts import link_facts
from tests.components.facts.docs import mention, parsed


def _countries(facts: list[dict]) -> list[list[tuple]]:
    return [
        list(
            zip(
                f["country_iso3"],
                f["country_roles"],
                f["country_prepositions"],
                f["country_mention_ids"],
                strict=True,
            )
        )
        for f in facts
    ]


def _count(doc, first: int, last: int, value: int) -> None:
    mention(doc, "counts", first, last, value=value, low=value, high=value, qualifier="exact")


def test_owner_possessive_of_the_anchor(blank_nlp: Language) -> None:
    doc = parsed(
        blank_nlp,
        [
            ("France", "PROPN", "poss", 3, "France"),
            ("'s", "PART", "case", 0, "'s"),
            ("577", "NUM", "nummod", 3, "577"),
            ("deputies", "NOUN", "nsubj", 4, "deputy"),
            ("voted", "VERB", "ROOT", 4, "vote"),
        ],
        spaces=[False, True, True, True, False],
    )
    mention(doc, "countries", 0, 1, iso3="FRA", mention_type="name")
    _count(doc, 2, 4, 577)
    assert _countries(link_facts(doc)) == [[("FRA", "owner", "'s", "d:countries:0")]]


def test_modifier_of_the_subject_and_place(blank_nlp: Language) -> None:
    # 'US wheat exports to Japan fell to 1.2 bln dlrs'
    doc = parsed(
        blank_nlp,
        [
            ("US", "PROPN", "compound", 2, "US"),
            ("wheat", "NOUN", "compound", 2, "wheat"),
            ("exports", "NOUN", "nsubj", 5, "export"),
            ("to", "ADP", "prep", 2, "to"),
            ("Japan", "PROPN", "pobj", 3, "Japan"),
            ("fell", "VERB", "ROOT", 5, "fall"),
            ("to", "ADP", "prep", 5, "to"),
            ("1.2", "NUM", "compound", 8, "1.2"),
            ("bln", "NUM", "nummod", 9, "bln"),
            ("dlrs", "NOUN", "pobj", 6, "dlr"),
        ],
    )
    mention(doc, "countries", 0, 1, iso3="USA", mention_type="name")
    mention(doc, "countries", 4, 5, iso3="JPN", mention_type="name")
    mention(doc, "money", 7, 10, amount=1200000000, currency="USD", qualifier="exact")
    assert _countries(link_facts(doc)) == [
        [("JPN", "place", "to", "d:countries:1"), ("USA", "modifier", None, "d:countries:0")]
    ]


def test_government_subject_and_city_place(blank_nlp: Language) -> None:
    # 'The Chinese government paid 20 dlrs in Paris'
    doc = parsed(
        blank_nlp,
        [
            ("The", "DET", "det", 2, "the"),
            ("Chinese", "ADJ", "amod", 2, "chinese"),
            ("government", "NOUN", "nsubj", 3, "government"),
            ("paid", "VERB", "ROOT", 3, "pay"),
            ("20", "NUM", "nummod", 5, "20"),
            ("dlrs", "NOUN", "dobj", 3, "dlr"),
            ("in", "ADP", "prep", 3, "in"),
            ("Paris", "PROPN", "pobj", 6, "Paris"),
        ],
    )
    mention(doc, "countries", 1, 2, iso3="CHN", mention_type="demonym")
    mention(doc, "countries", 7, 8, iso3="FRA", mention_type="place")
    mention(doc, "money", 4, 6, amount=20, currency="USD", qualifier="exact")
    assert _countries(link_facts(doc)) == [
        [("FRA", "city", "in", "d:countries:1"), ("CHN", "subject", None, "d:countries:0")]
    ]


def test_country_as_object_and_title_of_a_person(blank_nlp: Language) -> None:
    # 'British Prime Minister Blair visited China'
    doc = parsed(
        blank_nlp,
        [
            ("British", "ADJ", "amod", 2, "british"),
            ("Prime", "PROPN", "compound", 2, "Prime"),
            ("Minister", "PROPN", "compound", 3, "Minister"),
            ("Blair", "PROPN", "nsubj", 4, "Blair"),
            ("visited", "VERB", "ROOT", 4, "visit"),
            ("China", "PROPN", "dobj", 4, "China"),
        ],
    )
    mention(doc, "countries", 0, 1, iso3="GBR", mention_type="demonym")
    mention(doc, "countries", 5, 6, iso3="CHN", mention_type="name")
    mention(doc, "persons", 3, 4, person_key="blair")
    [fact] = link_facts(doc)
    assert (fact["predicate"], fact["event_category"], fact["object_iso3"]) == (
        "visit",
        "CONSULT",
        "CHN",
    )
    assert _countries([fact]) == [
        [("CHN", "object", None, "d:countries:1"), ("GBR", "title", None, "d:countries:0")]
    ]


def test_roles_can_be_turned_off(blank_nlp: Language) -> None:
    doc = parsed(
        blank_nlp,
        [
            ("France", "PROPN", "poss", 3, "France"),
            ("'s", "PART", "case", 0, "'s"),
            ("577", "NUM", "nummod", 3, "577"),
            ("deputies", "NOUN", "nsubj", 4, "deputy"),
            ("voted", "VERB", "ROOT", 4, "vote"),
        ],
        spaces=[False, True, True, True, False],
    )
    mention(doc, "countries", 0, 1, iso3="FRA", mention_type="name")
    _count(doc, 2, 4, 577)
    assert _countries(link_facts(doc, place_rules=("argument_country",))) == [[]]
