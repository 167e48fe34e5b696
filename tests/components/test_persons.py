"""news_persons on hand-written sentences and on the seed article (needs the trained model)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from spacy.language import Language

GOLD = Path(__file__).resolve().parents[2] / "corpora" / "gold" / "seed" / "persons.jsonl"


def _persons(nlp: Language, text: str, doc_id: str = "t") -> list[dict]:
    doc = nlp.make_doc(text)
    doc._.doc_id = doc_id
    return nlp(doc)._.persons


@pytest.mark.slow
@pytest.mark.parametrize(
    "text,expected",
    [
        (
            "General Secretary Xi Jinping met Prime Minister Lee Hsien Loong on Monday.",
            [
                ("Xi Jinping", "Xi Jinping", "General Secretary"),
                ("Lee Hsien Loong", "Lee Hsien Loong", "Prime Minister"),
            ],
        ),
        (
            "Russian President Vladimir Putin's spokesman Dmitry Peskov said Putin would travel.",
            [
                ("Vladimir Putin", "Vladimir Putin", "Russian President"),
                ("Dmitry Peskov", "Dmitry Peskov", "spokesman"),
                ("Putin", "Vladimir Putin", None),
            ],
        ),
        (
            "U.S. Secretary of State Antony Blinken met Saudi Crown Prince Mohammed bin Salman.",
            [
                ("Antony Blinken", "Antony Blinken", "U.S. Secretary of State"),
                ("Mohammed bin Salman", "Mohammed bin Salman", "Saudi Crown Prince"),
            ],
        ),
        (
            '"We will not give up," said Ana María Gómez, a lawyer at the Colombian Commission of Jurists.',
            [
                (
                    "Ana María Gómez",
                    "Ana María Gómez",
                    "lawyer at the Colombian Commission of Jurists",
                )
            ],
        ),
        (
            "South Korean President Moon Jae-in and North Korean leader Kim Jong Un met at the border; Moon later flew home.",
            [
                ("Moon Jae-in", "Moon Jae-in", "South Korean President"),
                ("Kim Jong Un", "Kim Jong Un", "North Korean leader"),
                ("Moon", "Moon Jae-in", None),
            ],
        ),
        (
            "Mr. Abdel Fattah al-Sisi told reporters that Egypt backs the plan.",
            [("Abdel Fattah al-Sisi", "Abdel Fattah al-Sisi", "Mr.")],
        ),
        (
            "Health Secretary John Reid and Education Minister Ruth Kelly visited the school.",
            [
                ("John Reid", "John Reid", "Health Secretary"),
                ("Ruth Kelly", "Ruth Kelly", "Education Minister"),
            ],
        ),
        (
            "The book by J.R.R. Tolkien was translated into Dutch.",
            [("J.R.R. Tolkien", "J.R.R. Tolkien", None)],
        ),
        (
            "Singapore\u2019s ambassador to China Lu Deyao expressed admiration for China\u2019s achievements.",
            [("Lu Deyao", "Lu Deyao", "Singapore\u2019s ambassador to China")],
        ),
        (
            "Goran Ivanisevic ( Croatia ) beat Scott Draper ( Australia ) 6-7 6-3 6-4.",
            [
                ("Goran Ivanisevic", "Goran Ivanisevic", None),
                ("Scott Draper", "Scott Draper", None),
            ],
        ),
        (
            "President Susilo Bambang Yudhoyono said Yudhoyono would visit Jakarta.",
            [
                ("Susilo Bambang Yudhoyono", "Susilo Bambang Yudhoyono", "President"),
                ("Yudhoyono", "Susilo Bambang Yudhoyono", None),
            ],
        ),
        (
            "Batting: J. Ratcliffe 63, G. Kersey 44.",
            [("J. Ratcliffe", "J. Ratcliffe", None), ("G. Kersey", "G. Kersey", None)],
        ),
        (
            "Alexander Lebed met Chechen rebels; Lebed said the talks went well.",
            [("Alexander Lebed", "Alexander Lebed", None), ("Lebed", "Alexander Lebed", None)],
        ),
        (
            "Robert Kilroy-Silk left the party, and Kilroy-Silk said Africans would back him.",
            [
                ("Robert Kilroy-Silk", "Robert Kilroy-Silk", None),
                ("Kilroy-Silk", "Robert Kilroy-Silk", None),
            ],
        ),
        (
            "New Zealander Peter Jackson took 10 years to bring the book to the screen.",
            [("Peter Jackson", "Peter Jackson", "New Zealander")],
        ),
        (
            "Treasurer Paul Keating said the deficit would fall.",
            [("Paul Keating", "Paul Keating", "Treasurer")],
        ),
        ("St Gallen Kantonalbank raised its mortgage rates.", []),
        ("The company said Conagra Inc would pay a dollar a share.", []),
        ("Goodman Fielder shares rose 5 cents after the bid.", []),
        ("Russian oil firm Yukos has sued four companies. Yukos is claiming $20bn.", []),
        (
            "The company Smith founded in 1990 is now worth millions. Smith said so.",
            [("Smith", "Smith", None), ("Smith", "Smith", None)],
        ),
        (
            "Jordan says he never lost more sleep over a film than over the film Michael Collins .",
            [("Jordan", "Jordan", None)],
        ),
        ("Wendy Ide of The Times wrote the review.", [("Wendy Ide", "Wendy Ide", None)]),
        (
            '" We will see , " State Department spokesman Glyn Davies said .',
            [("Glyn Davies", "Glyn Davies", "State Department spokesman")],
        ),
        (
            "Both Mr Brown and Mr Blair rose to prominence when Lord Kinnock led Labour.",
            [("Brown", "Brown", "Mr"), ("Blair", "Blair", "Mr"), ("Kinnock", "Kinnock", "Lord")],
        ),
        (
            "Italy ( Adler Capelli , Cristiano Citto , Andrea Collinelli , Mauro Trentino ) beat France .",
            [
                ("Adler Capelli", "Adler Capelli", None),
                ("Cristiano Citto", "Cristiano Citto", None),
                ("Andrea Collinelli", "Andrea Collinelli", None),
                ("Mauro Trentino", "Mauro Trentino", None),
            ],
        ),
        (
            "Daniel Craig ( Enduring Love ) , Phil Davis ( Vera Drake ) and Ian Hart ( Blind Fight ) were nominated .",
            [
                ("Daniel Craig", "Daniel Craig", None),
                ("Phil Davis", "Phil Davis", None),
                ("Ian Hart", "Ian Hart", None),
            ],
        ),
        ("Queen Elizabeth I was born in 1533 .", [("Elizabeth I", "Elizabeth I", "Queen")]),
        ("Derbyshire beat Worcestershire by nine wickets .", []),
        # found on unseen news (blind people-and-countries set): modifiers of the title word,
        # datelines, links before the title, honorifics in mislabelled entities, new title words
        (
            "Economics Minister Martin Bangemann said growth would not cut the deficit.",
            [("Martin Bangemann", "Martin Bangemann", "Economics Minister")],
        ),
        (
            "Former international development secretary Clare Short criticised the plan.",
            [("Clare Short", "Clare Short", "Former international development secretary")],
        ),
        (
            "Labour's election chief Alan Milburn denied the claim.",
            [("Alan Milburn", "Alan Milburn", "Labour's election chief")],
        ),
        (
            "PARIS - French Foreign Minister Michel Barnier met reporters on Monday.",
            [("Michel Barnier", "Michel Barnier", "French Foreign Minister")],
        ),
        (
            "The letter from Chirac to President George Bush arrived on Monday.",
            [("Chirac", "Chirac", None), ("George Bush", "George Bush", "President")],
        ),
        (
            "He met Trade and Industry Secretary Patricia Hewitt in London.",
            [("Patricia Hewitt", "Patricia Hewitt", "Trade and Industry Secretary")],
        ),
        (
            'French Prime Minister Dominique de Villepin spoke first. "It is an honour," Mr de Villepin said.',
            [
                ("Dominique de Villepin", "Dominique de Villepin", "French Prime Minister"),
                ("de Villepin", "Dominique de Villepin", "Mr"),
            ],
        ),
        (
            "Walter Cronkite, known to viewers as Uncle Walter, retired in 1981.",
            [("Walter Cronkite", "Walter Cronkite", None), ("Walter", "Walter Cronkite", "Uncle")],
        ),
        (
            "Profits rose, said Jane Smith, commercial director at Rightmove.",
            [("Jane Smith", "Jane Smith", "commercial director at Rightmove")],
        ),
        ("He and partner Bates won the doubles.", [("Bates", "Bates", "partner")]),
        # a seat in parliament is no person; a comma ends it
        (
            "The MP for Sittingbourne and Sheppey said Prime Minister Tony Blair had been trying hard.",
            [("Tony Blair", "Tony Blair", "Prime Minister")],
        ),
        (
            "The Labour MP for Bolton West, Ruth Kelly, said the plan would work.",
            [("Ruth Kelly", "Ruth Kelly", "Labour MP for Bolton West")],
        ),
        (
            "The film starred Hollywood star Tom Cruise.",
            [("Tom Cruise", "Tom Cruise", "Hollywood star")],
        ),
        (
            "American Dennis Mitchell outclassed Olympic 100 metres champion Donovan Bailey .",
            [
                ("Dennis Mitchell", "Dennis Mitchell", "American"),
                ("Donovan Bailey", "Donovan Bailey", "champion"),
            ],
        ),
        # a nationality before a name the model found, with its modifiers (blind set 2)
        (
            "Ivanova beat fellow Russian Olga Petrova in straight sets. American Jennifer Capriati also won.",
            [
                ("Olga Petrova", "Olga Petrova", "fellow Russian"),
                ("Jennifer Capriati", "Jennifer Capriati", "American"),
            ],
        ),
        (
            "Greg Rusedski lost to world number one Roger Federer in Basel.",
            [
                ("Greg Rusedski", "Greg Rusedski", None),
                ("Roger Federer", "Roger Federer", "world number one"),
            ],
        ),
        (
            "U2 frontman Bono and Angelina Jolie, a goodwill campaigner for the UN on refugees, spoke at the forum.",
            [
                ("Bono", "Bono", "U2 frontman"),
                ("Angelina Jolie", "Angelina Jolie", "goodwill campaigner for the UN"),
            ],
        ),
        (
            "Talks go on. The Ukraine's new president, Viktor Yushchenko, will attend.",
            [("Viktor Yushchenko", "Viktor Yushchenko", "Ukraine's new president")],
        ),
        # a ship type before a name: the ship, not a person
        ("An Iraqi missile hit the U.S. frigate Stark in 1987, killing 37 sailors.", []),
    ],
)
def test_persons_component_sentences(
    nlp: Language, text: str, expected: list[tuple[str, str, str | None]]
) -> None:
    rows = _persons(nlp, text)
    assert [(r["text"], r["name"], r["title"]) for r in rows] == expected
    for row in rows:
        assert text[row["start_char"] : row["end_char"]] == row["text"]


@pytest.mark.slow
@pytest.mark.parametrize("doc_id", ["seed_article"])
def test_persons_component_seed_gold(nlp: Language, seed_text: str, doc_id: str) -> None:
    gold = [json.loads(line) for line in GOLD.read_text(encoding="utf-8").splitlines()]
    rows = _persons(nlp, seed_text, doc_id)
    got = [(r["start_char"], r["end_char"], r["text"], r["name"], r["title"]) for r in rows]
    want = [(g["start_char"], g["end_char"], g["text"], g["name"], g["title"]) for g in gold]
    assert got == want
    assert {r["person_key"] for r in rows} == {
        "xi-jinping",
        "lu-deyao",
        "yang-chao",
        "fu-yaobo",
        "zhang-qingzhao",
        "song-wei",
        "hu-yipin",
        "qiang-tao",
        "zhang-shengjun",
    }
    assert all(r["mention_id"] == f"{doc_id}:persons:{i}" for i, r in enumerate(rows))


@pytest.mark.slow
@pytest.mark.parametrize(
    "text,config,expected",
    [
        (
            "Goodman Fielder shares rose 5 cents after the bid.",
            {"disabled_rules": ["org_cues"]},
            ["Goodman Fielder"],
        ),
        (
            '" We will see , " State Department spokesman Glyn Davies said .',
            {"disabled_rules": ["title_recovery"]},
            [],
        ),
        (
            "Italy ( Adler Capelli , Cristiano Citto , Andrea Collinelli , Mauro Trentino ) beat France .",
            {"disabled_rules": ["list_recovery"]},
            ["Adler Capelli", "Andrea Collinelli", "Mauro Trentino"],
        ),
    ],
)
def test_persons_component_rule_switches(text: str, config: dict, expected: list[str]) -> None:
    from extract.pipeline import load_pipeline

    nlp = load_pipeline(
        components=("news_countries", "news_persons"), config={"news_persons": config}
    )
    assert [row["text"] for row in _persons(nlp, text)] == expected
