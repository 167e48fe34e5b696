"""news_facts on parsed text with hand-built mention lists (the mention components are tested
elsewhere; here their output is fixed so that only the linking is under test)."""

from __future__ import annotations

from typing import Any

import pytest

from extract.components.facts import link_facts

pytestmark = pytest.mark.slow

Spec = tuple  # (needle, context or None, {typed columns})


def _rows(doc_id: str, text: str, table: str, specs: list[Spec]) -> list[dict[str, Any]]:
    rows = []
    for index, (needle, context, values) in enumerate(specs):
        context = context or needle
        assert text.count(context) == 1, context
        start = text.index(context) + context.index(needle)
        rows.append(
            {
                "mention_id": f"{doc_id}:{table}:{index}",
                "start_char": start,
                "end_char": start + len(needle),
                "text": needle,
                **values,
            }
        )
    return rows


def _facts(nlp, text: str, doc_id: str = "t", **mentions: list[Spec]) -> list[dict[str, Any]]:
    doc = nlp(text)
    doc._.doc_id = doc_id
    for table in ("persons", "countries", "dates", "counts", "money"):
        setattr(doc._, table, _rows(doc_id, text, table, mentions.get(table, [])))
    return link_facts(doc)


def _person(key: str) -> dict:
    return {"person_key": key}


def _country(iso3: str) -> dict:
    return {"iso3": iso3}


def _date(start: str, end: str | None = None, kind: str = "date") -> dict:
    return {"kind": kind, "start": start, "end": end or start}


def _count(value: int, obj: str, qualifier: str = "exact") -> dict:
    high = None if qualifier == "more_than" else value
    return {"value": value, "low": value, "high": high, "qualifier": qualifier, "object": obj}


def _pick(facts: list[dict], *columns: str) -> list[tuple]:
    return [tuple(fact[c] for c in columns) for fact in facts]


SEED_COLUMNS = (
    "fact_type",
    "mention_id",
    "predicate",
    "role",
    "subject",
    "object",
    "object_person_key",
    "date_mention_id",
    "date_rule",
    "country_iso3",
    "country_prepositions",
    "places",
)


@pytest.fixture(scope="module")
def seed_facts(nlp, seed_text):
    return _facts(
        nlp,
        seed_text,
        "seed_article",
        persons=[
            ("Hu Yipin", "Hu Yipin was arrested", _person("hu-yipin")),
            ("Qiang Tao", "Qiang Tao was arrested", _person("qiang-tao")),
        ],
        countries=[
            ("Vietnam", None, _country("VNM")),
            ("China", "Vietnam and sent back to China", _country("CHN")),
            ("Myanmar", None, _country("MMR")),
            ("China", "Myanmar and sent back to China", _country("CHN")),
            ("China", "ASEAN countries to China", _country("CHN")),
        ],
        dates=[
            ("From 2014 to June 2020", None, _date("2014-01-01", "2020-06-30", "range")),
            ("April 28 this year", None, _date("2020-04-28")),
            ("May 31", None, _date("2020-05-31")),
            ("September 25 this year", None, _date("2020-09-25")),
        ],
        counts=[
            ("7,831 escaped persons", None, _count(7831, "escaped persons")),
            (
                "more than 120 countries and regions",
                "persons from more than 120 countries and regions",
                _count(120, "countries and regions", "more_than"),
            ),
            ("18 envoys", None, _count(18, "envoys")),
        ],
        money=[
            (
                "19.654 billion yuan",
                None,
                {
                    "amount": "19654000000",
                    "low": None,
                    "high": None,
                    "qualifier": "exact",
                    "currency": "CNY",
                },
            )
        ],
    )


def test_facts_seed_rows(seed_facts):
    assert _pick(seed_facts, *SEED_COLUMNS) == [
        (
            "count",
            "seed_article:counts:2",
            "have",
            "subject",
            "18 envoys",
            "exchange",
            None,
            "seed_article:dates:3",
            "same_clause",
            ["CHN"],
            ["to"],
            ["ASEAN countries", "China"],
        ),
        (
            "count",
            "seed_article:counts:0",
            "recover",
            "object",
            None,
            "7,831 escaped persons",
            None,
            "seed_article:dates:0",
            "same_clause",
            [],
            [],
            ["the country", "more than 120 countries and regions"],
        ),
        (
            "count",
            "seed_article:counts:1",
            "recover",
            "from",
            None,
            "7,831 escaped persons",
            None,
            "seed_article:dates:0",
            "same_clause",
            [],
            [],
            ["the country"],
        ),
        (
            "money",
            "seed_article:money:0",
            "recover",
            "object",
            None,
            "19.654 billion yuan",
            None,
            "seed_article:dates:0",
            "same_sentence",
            [],
            [],
            [],
        ),
        (
            "person_event",
            "seed_article:persons:0",
            "arrest",
            "object",
            None,
            "Hu Yipin",
            "hu-yipin",
            "seed_article:dates:1",
            "same_clause",
            ["VNM"],
            ["in"],
            ["Vietnam"],
        ),
        (
            "person_event",
            "seed_article:persons:0",
            "send_back",
            "object",
            None,
            "Hu Yipin",
            "hu-yipin",
            "seed_article:dates:1",
            "same_clause",
            ["CHN"],
            ["to"],
            ["China"],
        ),
        (
            "person_event",
            "seed_article:persons:1",
            "arrest",
            "object",
            None,
            "Qiang Tao",
            "qiang-tao",
            "seed_article:dates:2",
            "previous_sentence",
            ["MMR"],
            ["in"],
            ["Myanmar"],
        ),
        (
            "person_event",
            "seed_article:persons:1",
            "send_back",
            "object",
            None,
            "Qiang Tao",
            "qiang-tao",
            "seed_article:dates:2",
            "previous_sentence",
            ["CHN"],
            ["to"],
            ["China"],
        ),
    ]


def test_facts_seed_values_dates_and_ids(seed_facts):
    money = next(f for f in seed_facts if f["fact_type"] == "money")
    assert (money["value"], money["unit"], money["date_start"], money["date_end"]) == (
        "19654000000",
        "CNY",
        "2014-01-01",
        "2020-06-30",
    )
    assert [f["fact_id"] for f in seed_facts] == [f"seed_article:facts:{i}" for i in range(8)]
    assert seed_facts[4]["country_mention_ids"] == ["seed_article:countries:0"]
    assert all(0 < f["confidence"] <= 1 and f["link_rule"] for f in seed_facts)


@pytest.mark.parametrize(
    "text,mentions,expected",
    [
        (
            "Police arrested John Smith in Paris on Monday.",
            {
                "persons": [("John Smith", None, _person("john-smith"))],
                "countries": [("Paris", None, _country("FRA"))],
                "dates": [("Monday", None, _date("2020-05-04"))],
            },
            [("arrest", "object", "Police", "John Smith", False, "same_clause", ["FRA"], "object")],
        ),
        (
            "John Smith was not arrested by police.",
            {"persons": [("John Smith", None, _person("john-smith"))]},
            [("arrest", "object", "police", "John Smith", True, None, [], "object")],
        ),
        (
            "John Smith fled to Brazil and was arrested there in 2019.",
            {
                "persons": [("John Smith", None, _person("john-smith"))],
                "countries": [("Brazil", None, _country("BRA"))],
                "dates": [("2019", None, _date("2019-01-01", "2019-12-31"))],
            },
            [
                ("flee", "subject", "John Smith", None, False, None, ["BRA"], "subject"),
                ("arrest", "object", None, "John Smith", False, "same_clause", ["BRA"], "conjunct"),
            ],
        ),
        (
            "The court jailed Ann Lee, who fled to Spain.",
            {
                "persons": [("Ann Lee", None, _person("ann-lee"))],
                "countries": [("Spain", None, _country("ESP"))],
            },
            [
                ("jail", "object", "The court", "Ann Lee", False, None, [], "object"),
                ("flee", "subject", "Ann Lee", None, False, None, ["ESP"], "relative_clause"),
            ],
        ),
        (
            "Durkin was re-elected to the board.",
            {"persons": [("Durkin", None, _person("durkin"))]},
            [("reelect", "object", None, "Durkin", False, None, [], "object")],
        ),
        (
            "The company said it has named Robert Benders president.",
            {"persons": [("Robert Benders", None, _person("robert-benders"))]},
            [("name", "object", "it", "Robert Benders", False, None, [], "object")],
        ),
        (
            "Peter Jackson took ten years to bring the trilogy to the screen, winning awards.",
            {"persons": [("Peter Jackson", None, _person("peter-jackson"))]},
            [("win", "subject", "Peter Jackson", "awards", False, None, [], "shared_subject")],
        ),
        (
            "Ann Lee praised the plan.",  # not an event verb: no person event
            {"persons": [("Ann Lee", None, _person("ann-lee"))]},
            [],
        ),
    ],
)
def test_facts_person_events(nlp, text, mentions, expected):
    facts = _facts(nlp, text, **mentions)
    assert (
        _pick(
            facts,
            "predicate",
            "role",
            "subject",
            "object",
            "negated",
            "date_rule",
            "country_iso3",
            "link_rule",
        )
        == expected
    )


@pytest.mark.parametrize(
    "text,mentions,expected",
    [
        (
            "Floods killed 110 people in Georgia in March.",
            {
                "counts": [("110 people", None, _count(110, "people"))],
                "countries": [("Georgia", None, _country("GEO"))],
                "dates": [("March", None, _date("2020-03-01", "2020-03-31"))],
            },
            [("kill", "object", "Floods", "110 people", "same_clause", ["GEO"])],
        ),
        (
            "Officials said on Monday that 20 soldiers were killed.",
            {
                "counts": [("20 soldiers", None, _count(20, "soldiers"))],
                "dates": [("Monday", None, _date("2020-05-04"))],
            },
            [("kill", "object", None, "20 soldiers", None, [])],  # said ≠ when it happened
        ),
        (
            "The board agreed in May to pay 300 workers a bonus.",
            {
                "counts": [("300 workers", None, _count(300, "workers"))],
                "dates": [("May", None, _date("2020-05-01", "2020-05-31"))],
            },
            [("pay", "object", None, "300 workers", "same_sentence", [])],
        ),
        (
            "The firm, founded in 1990, employs 300 people.",  # the date is another clause's
            {
                "counts": [("300 people", None, _count(300, "people"))],
                "dates": [("1990", None, _date("1990-01-01", "1990-12-31"))],
            },
            [("employ", "object", "The firm", "300 people", None, [])],
        ),
    ],
)
def test_facts_quantity_links(nlp, text, mentions, expected):
    facts = _facts(nlp, text, **mentions)
    assert _pick(facts, "predicate", "role", "subject", "object", "date_rule", "country_iso3") == (
        expected
    )


def test_facts_without_anchors_is_empty(nlp):
    assert _facts(nlp, "It rained in Paris on Monday.") == []


def test_facts_component_in_pipeline(nlp):
    assert "news_facts" in nlp.pipe_names
    doc = nlp("Police arrested 20 people in Kenya.")
    assert isinstance(doc._.facts, list)


def _money(amount: str, currency: str = "USD") -> dict:
    return {"amount": amount, "low": None, "high": None, "qualifier": "exact", "currency": currency}


def _year(year: int) -> dict:
    return _date(f"{year}-01-01", f"{year}-12-31")


@pytest.mark.parametrize(
    "text,mentions,expected",
    [
        (  # a naming participle does not stop the climb from the date to the verb
            "The state will move 20,000 families to farms known as new zones in 1988.",
            {
                "counts": [("20,000 families", None, _count(20000, "families"))],
                "dates": [("1988", None, _year(1988))],
            },
            [("move", "argument_phrase", "1988-01-01")],
        ),
        (  # the relative clause's antecedent is (in apposition to) the date
            "Ford will close the plant on May 4, the same day that 900 other workers will strike.",
            {
                "counts": [("900 other workers", None, _count(900, "other workers"))],
                "dates": [("May 4", None, _date("1987-05-04"))],
            },
            [("strike", "relative_clause", "1987-05-04")],
        ),
        (
            "The firm plans to hire 80 new workers when the mill is finished later this year.",
            {
                "counts": [("80 new workers", None, _count(80, "new workers"))],
                "dates": [("later this year", None, _year(1987))],
            },
            [("hire", "temporal_clause", "1987-01-01")],
        ),
        (  # a participle on the amount itself
            "Profit will rise to 3 dlrs a share as compared to 2.10 dlrs a share earned last year.",
            {
                "money": [("3 dlrs", None, _money("3")), ("2.10 dlrs", None, _money("2.10"))],
                "dates": [("last year", None, _year(1986))],
            },
            [("rise", None, None), ("compare", "anchor_participle", "1986-01-01")],
        ),
        (  # a relative clause on the anchor is not a participle on it
            "Letters went to the 12 states that gave 500 mln dlrs in aid last year.",
            {
                "counts": [("12 states", None, _count(12, "states"))],
                "money": [("500 mln dlrs", None, _money("500000000"))],
                "dates": [("last year", None, _year(1986))],
            },
            [("go", None, None), ("give", "same_clause", "1986-01-01")],
        ),
        (  # a maturity date describes the notes, not the redemption
            "The bank will redeem its 400,000 dlrs of notes due 1992.",
            {
                "money": [("400,000 dlrs", None, _money("400000"))],
                "dates": [("1992", None, _year(1992))],
            },
            [("redeem", None, None)],
        ),
        (  # 'on June two': the date mention lost its day, so its month value is not linked
            "It will redeem on June two its remaining 400,000 dlrs of notes.",
            {
                "money": [("400,000 dlrs", None, _money("400000"))],
                "dates": [("June", None, {**_date("1987-06-01", "1987-06-30"), "grain": "month"})],
            },
            [("redeem", None, None)],
        ),
        (  # the earlier amount's date is not the later amount's
            "Revenue climbed 8 pct to 41.5 mln dlrs from 38.4 mln dlrs a year earlier.",
            {
                "money": [
                    ("41.5 mln dlrs", None, _money("41500000")),
                    ("38.4 mln dlrs", None, _money("38400000")),
                ],
                "dates": [("a year earlier", None, _year(1986))],
            },
            # the 8 pct change is its own fact (fact_type percent), with its level's links
            [("climb", None, None), ("climb", None, None), ("climb", "same_clause", "1986-01-01")],
        ),
        (  # ... but a 'when' clause shares the time of the clause it hangs from
            "The worst flood was in 1953 when 1,800 people drowned.",
            {
                "counts": [("1,800 people", None, _count(1800, "people"))],
                "dates": [("1953", None, _year(1953))],
            },
            [("drown", "same_sentence", "1953-01-01")],
        ),
        (  # an adverbial clause with its own subject has its own time
            "Talks resumed in Paris today, although Ann Lee has returned to Peru.",
            {
                "persons": [("Ann Lee", None, _person("ann-lee"))],
                "dates": [("today", None, _date("1987-03-30"))],
            },
            [("return", None, None)],
        ),
        (  # a gapped conjunct ('and two [were] hurt') shares its trailing modifiers
            "Five miners were killed and two hurt in a blast at a coal mine today.",
            {
                "counts": [("Five miners", None, _count(5, "miners"))],
                "dates": [("today", None, _date("1987-04-13"))],
            },
            [("kill", "same_clause", "1987-04-13")],
        ),
    ],
)
def test_facts_date_rules(nlp, text, mentions, expected):
    facts = _facts(nlp, text, **mentions)
    assert _pick(facts, "predicate", "date_rule", "date_start") == expected


@pytest.mark.parametrize(
    "text,mentions,expected",
    [
        (  # nested_phrase
            "The lender has a 250 mln dlr exposure in loans to Peru.",
            {
                "money": [("250 mln dlr", None, _money("250000000"))],
                "countries": [("Peru", None, _country("PER"))],
            },
            [("have", ["PER"])],
        ),
        (  # possessive
            "The utility will get $2bn in credits from Japan's biggest bank.",
            {
                "money": [("$2bn", None, _money("2000000000"))],
                "countries": [("Japan", None, _country("JPN"))],
            },
            [("get", ["JPN"])],
        ),
        (  # where_clause
            "He sent aid to Chile, where more than 300 people died.",
            {
                "counts": [("300 people", None, _count(300, "people"))],
                "countries": [("Chile", None, _country("CHL"))],
            },
            [("die", ["CHL"])],
        ),
        (  # subject_phrase
            "Imports from Korea rose 4 pct to 2.5 billion dlrs.",
            {
                "money": [("2.5 billion dlrs", None, _money("2500000000"))],
                "countries": [("Korea", None, _country("KOR"))],
            },
            [("rise", ["KOR"]), ("rise", ["KOR"])],  # the 4 pct change and the level
        ),
        (  # raised_clause
            "About 2,000 people are thought to have died in Haiti.",
            {
                "counts": [("2,000 people", None, _count(2000, "people"))],
                "countries": [("Haiti", None, _country("HTI"))],
            },
            [("think", ["HTI"])],
        ),
        (  # parenthetical
            "More money will come from Kenya (2.5 mln dlrs) and Norway (900,000 dlrs).",
            {
                "money": [
                    ("2.5 mln dlrs", None, _money("2500000")),
                    ("900,000 dlrs", None, _money("900000")),
                ],
                "countries": [
                    ("Kenya", None, _country("KEN")),
                    ("Norway", None, _country("NOR")),
                ],
            },
            [("come", ["KEN"]), ("come", ["NOR"])],
        ),
        (  # of_phrase
            "Storms killed 40 people and caused 90 mln dlrs worth of damage in Chile.",
            {
                "counts": [("40 people", None, _count(40, "people"))],
                "money": [("90 mln dlrs", None, _money("90000000"))],
                "countries": [("Chile", None, _country("CHL"))],
            },
            [("kill", ["CHL"]), ("cause", ["CHL"])],
        ),
        (  # 'to' as a dative is a location preposition too
            "Ten donors gave 700 mln dlrs in aid to Nepal.",
            {
                "counts": [("Ten donors", None, _count(10, "donors"))],
                "money": [("700 mln dlrs", None, _money("700000000"))],
                "countries": [("Nepal", None, _country("NPL"))],
            },
            [("give", ["NPL"]), ("give", ["NPL"])],
        ),
        (  # object_phrase
            "The deal raised its sales volume in Denmark to 50 mln dlrs.",
            {
                "money": [("50 mln dlrs", None, _money("50000000"))],
                "countries": [("Denmark", None, _country("DNK"))],
            },
            [("raise", ["DNK"])],
        ),
        (  # 'outside the US' is not in the US
            "The film took $30m outside the US last year.",
            {
                "money": [("$30m", None, _money("30000000"))],
                "countries": [("US", None, _country("USA"))],
            },
            [("take", [])],
        ),
        (  # 'at Japan's request' is no place
            "The firm cut 300 jobs at Japan's request.",
            {
                "counts": [("300 jobs", None, _count(300, "jobs"))],
                "countries": [("Japan", None, _country("JPN"))],
            },
            [("cut", [])],
        ),
    ],
)
def test_facts_place_rules(nlp, text, mentions, expected):
    facts = _facts(nlp, text, **mentions)
    assert _pick(facts, "predicate", "country_iso3") == expected


@pytest.mark.parametrize(
    "text,mentions,expected",
    [
        (  # the pivot of 'there is' is the logical subject
            "As long as there is one suspect at large, the hunt goes on.",
            {"counts": [("one suspect", None, _count(1, "suspect"))]},
            [("be", "subject", "one suspect")],
        ),
        (  # stacked prepositions: 'to between'
            "She expects profit to rise to between 9 and 11 dlrs a share.",
            {"money": [("11 dlrs", None, _money("11"))]},
            [("rise", "to", "profit")],
        ),
    ],
)
def test_facts_predicate_repairs(nlp, text, mentions, expected):
    facts = _facts(nlp, text, **mentions)
    assert _pick(facts, "predicate", "role", "subject") == expected


@pytest.mark.parametrize(
    "config,expected",
    [
        ({}, "argument_phrase"),
        ({"disabled_date_links": ["argument_phrase"]}, None),
    ],
)
def test_facts_factory_config_turns_rules_off(nlp, config, expected):
    from extract.components.facts import FactLinker

    linker = FactLinker(nlp, "news_facts", **config)
    text = "The state will move 20,000 families to farms known as new zones in 1988."
    doc = nlp(text)
    doc._.doc_id = "t"
    mentions = {
        "counts": [("20,000 families", None, _count(20000, "families"))],
        "dates": [("1988", None, _year(1988))],
    }
    for table in ("persons", "countries", "dates", "counts", "money"):
        setattr(doc._, table, _rows("t", text, table, mentions.get(table, [])))
    linker(doc)
    assert [fact["date_rule"] for fact in doc._.facts] == [expected]


def test_facts_factory_rejects_unknown_rules(nlp):
    from extract.components.facts import FactLinker

    with pytest.raises(
        ValueError,
        match=r"^E075: news_facts: unknown rule\(s\) nowhere in disabled_place_rules; known rules: ",
    ):
        FactLinker(nlp, "news_facts", disabled_place_rules=["nowhere"])


@pytest.mark.parametrize("text", ["Hu Yipin was arrested in Vietnam.", "7,831 people fled."])
def test_facts_doc_without_parse_has_no_facts(blank_nlp, text: str) -> None:
    doc = blank_nlp(text)
    doc._.doc_id = "blank"
    doc._.persons = [
        {"mention_id": "blank:persons:0", "start_char": 0, "end_char": 8, "text": text[:8]}
    ]
    assert link_facts(doc) == []


def _layout_doc(blank_nlp, words: list[str], sent_starts: list[bool], pos: list[str]) -> Any:
    from spacy.tokens import Doc

    spaces = [not w.isspace() for w in words]
    return Doc(blank_nlp.vocab, words=words, spaces=spaces, sent_starts=sent_starts, pos=pos)


@pytest.mark.parametrize(
    ("words", "sent_starts", "pos", "expected"),
    [
        # A headline glued to the next line: one sentence, two pieces, two paragraphs.
        (
            ["Quake", "\n", "It", "hit", ";", "many", "fled", "."],
            [True, False, False, False, False, False, False, False],
            ["NOUN", "SPACE", "PRON", "VERB", "PUNCT", "ADJ", "VERB", "PUNCT"],
            {
                "sentence": [0, 0, 0, 0, 0, 0, 0, 0],
                "piece": [0, 0, 1, 1, 1, 1, 1, 1],
                "segment": [0, 0, 1, 1, 1, 2, 2, 2],
                "paragraph": [0, 1, 1, 1, 1, 1, 1, 1],
                "piece_starts": [0, 2],
                "sentence_starts": [0],
                "segment_has_verb": [False, True, True],
            },
        ),
        # Leading line breaks, a sentence starting on a line break, a ';' at a piece start.
        (
            ["\n\n", "A", "was", ".", "\n", ";", "B", "\n"],
            [True, False, False, False, True, False, False, False],
            ["SPACE", "NOUN", "AUX", "PUNCT", "SPACE", "PUNCT", "NOUN", "SPACE"],
            {
                "sentence": [0, 0, 0, 0, 1, 1, 1, 1],
                "piece": [0, 0, 0, 0, 0, 1, 1, 1],
                "segment": [0, 0, 0, 0, 0, 1, 2, 2],
                "paragraph": [1, 1, 1, 1, 2, 2, 2, 3],
                "piece_starts": [1, 5],
                "sentence_starts": [0, 4],
                "segment_has_verb": [True, False, False],
            },
        ),
    ],
)
def test_facts_layout_of_tokens(blank_nlp, words, sent_starts, pos, expected) -> None:
    from extract.components.facts.index import token_layout

    layout = token_layout(_layout_doc(blank_nlp, words, sent_starts, pos))
    assert layout._asdict() == expected


@pytest.mark.parametrize(
    "text",
    [
        "The big dog and the small cat saw a man with a telescope. He ran to the old house.",
        "Floods killed 110 people in Georgia\nand caused damage worth 350 mln roubles; "
        "officials said on Monday that rescue teams and army units were still searching.",
    ],
)
def test_facts_sentence_noun_chunks_are_the_doc_noun_chunks(nlp, text: str) -> None:
    from extract.components.facts.index import DocIndex
    from extract.normalize.facts import load_fact_rules

    doc = nlp(text)
    index = DocIndex(doc, load_fact_rules())
    by_sentence: dict[int, str] = {}
    for sentence in range(len(index.sentence_starts)):
        by_sentence.update(index._sentence_chunks(sentence))
    assert by_sentence == {chunk.root.i: chunk.text for chunk in doc.noun_chunks}
    assert len(by_sentence) >= 6
